/**
 * Component options derived from the configuration, shared by the entry points (server, ingest,
 * eval, bench) so each builds its components the same way.
 */
import type { Config } from './config.ts';
import type { EmbedderOptions } from './embedding/embedder.ts';
import type { HnswParameters } from './index/vector-index.ts';
import type { RetrieverOptions } from './retrieval/retriever.ts';
import type { ChunkOptions } from './text/chunk.ts';

export function embedderOptions(config: Config): EmbedderOptions {
  return {
    modelId: config.EMBEDDING_MODEL,
    modelsDir: config.MODELS_DIR,
    allowRemote: config.ALLOW_REMOTE_MODELS,
    remoteHost: config.REMOTE_MODEL_HOST,
  };
}

export function chunkOptions(config: Config): ChunkOptions {
  return { size: config.CHUNK_SIZE, overlap: config.CHUNK_OVERLAP };
}

export function hnswOptions(config: Config): HnswParameters {
  return { m: config.HNSW_M, efConstruction: config.HNSW_EF_CONSTRUCTION };
}

export function retrieverOptions(config: Config): RetrieverOptions {
  return { efSearch: config.HNSW_EF_SEARCH };
}
