/**
 * The transformers.js adapter: the only file that imports @xenova/transformers.
 *
 * Models load from `<modelsDir>/<modelId>/` first; when allowed, they are downloaded from the
 * remote host into the same folder, so the next start works offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, throwIfAborted } from '../errors.ts';
import type { Embedder, EmbedderLoad, EmbedderOptions } from './embedder.ts';

interface ModelProfile {
  pooling: 'cls' | 'mean';
  queryInstruction: string;
}

/**
 * How a model family wants to be used. BGE models pool the [CLS] token and prefix queries (not
 * passages) with an instruction; most other sentence-embedding models mean-pool.
 */
export function modelProfile(modelId: string): ModelProfile {
  if (/bge/i.test(modelId) && /zh/i.test(modelId)) return { pooling: 'cls', queryInstruction: '为这个句子生成表示以用于检索相关文章：' };
  if (/bge/i.test(modelId)) return { pooling: 'cls', queryInstruction: 'Represent this sentence for searching relevant passages: ' };
  return { pooling: 'mean', queryInstruction: '' };
}

type FeatureExtractor = ((texts: string[], options: { pooling: 'cls' | 'mean'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>) & {
  dispose(): Promise<void>;
};

class TransformersEmbedder implements Embedder {
  constructor(
    readonly modelId: string,
    readonly dimension: number,
    private readonly extractor: FeatureExtractor,
    private readonly profile: ModelProfile,
  ) {}

  private async run(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    let output;
    try {
      output = await this.extractor([...texts], { pooling: this.profile.pooling, normalize: true });
    } catch (error) {
      throw new AppError('EMBEDDING_FAILED', `embedding with ${this.modelId} failed: ${(error as Error).message}`, { cause: error });
    }
    const vectors: Float32Array[] = [];
    for (let index = 0; index < texts.length; index++) {
      vectors.push(output.data.slice(index * this.dimension, (index + 1) * this.dimension));
    }
    return vectors;
  }

  async embedPassages(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    throwIfAborted(signal);
    return this.run(texts);
  }

  async embedQuery(text: string, signal?: AbortSignal): Promise<Float32Array> {
    throwIfAborted(signal);
    const [vector] = await this.run([this.profile.queryInstruction + text]);
    throwIfAborted(signal);
    return vector!;
  }

  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }
}

/**
 * Loads the embedding model. Never throws for an unavailable model: returns `{ embedder: null,
 * warning }` so callers go on lexical-only and say why.
 */
export async function loadTransformersEmbedder(options: EmbedderOptions): Promise<EmbedderLoad> {
  const modelId = options.modelId.trim();
  if (modelId === '') return { embedder: null, warning: 'EMBEDDING_MODEL is empty: vector search is off, search is lexical only' };
  const localFolder = path.resolve(options.modelsDir, modelId);
  const isLocal = fs.existsSync(path.join(localFolder, 'config.json'));
  if (!isLocal && !options.allowRemote) {
    return {
      embedder: null,
      warning: `embedding model ${modelId} is not in ${localFolder} and downloads are off (ALLOW_REMOTE_MODELS=false): search is lexical only`,
    };
  }
  try {
    const transformers = await import('@xenova/transformers');
    const { env } = transformers;
    env.localModelPath = path.resolve(options.modelsDir) + path.sep;
    env.allowLocalModels = true;
    env.allowRemoteModels = options.allowRemote;
    env.remoteHost = options.remoteHost.endsWith('/') ? options.remoteHost : `${options.remoteHost}/`;
    // Downloads land in the models folder itself, so the next start finds them locally.
    env.cacheDir = path.resolve(options.modelsDir);
    env.useBrowserCache = false;
    const extractor = (await transformers.pipeline('feature-extraction', modelId, { quantized: true })) as unknown as FeatureExtractor;
    const profile = modelProfile(modelId);
    // One probe tells the dimension and proves the model runs.
    const probe = await extractor(['党建'], { pooling: profile.pooling, normalize: true });
    const dimension = probe.dims[probe.dims.length - 1] ?? 0;
    if (!(dimension > 0)) throw new Error(`model produced no vector (dims ${JSON.stringify(probe.dims)})`);
    return { embedder: new TransformersEmbedder(modelId, dimension, extractor, profile) };
  } catch (error) {
    const reason = (error as Error).message ?? String(error);
    const where = isLocal ? `from ${localFolder}` : `from ${options.remoteHost} (or ${localFolder})`;
    return { embedder: null, warning: `embedding model ${modelId} could not be loaded ${where}: ${reason}; search is lexical only` };
  }
}
