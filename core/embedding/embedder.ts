/**
 * The embedding model, as the rest of the product sees it. One adapter implements it
 * (`transformers-embedder.ts`); tests may pass their own.
 */

/** Turns text into L2-normalised vectors. */
export interface Embedder {
  /** The model id, recorded in the index manifest so vectors from different models never mix. */
  readonly modelId: string;
  readonly dimension: number;
  /** Embeds passages for the index. */
  embedPassages(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
  /** Embeds a search query (with the model's query instruction, where it has one). */
  embedQuery(text: string, signal?: AbortSignal): Promise<Float32Array>;
  /** Releases the model. */
  dispose(): Promise<void>;
}

/** Where an embedding model may come from. */
export interface EmbedderOptions {
  /** Model id, e.g. `Xenova/bge-small-zh-v1.5`; empty disables embeddings. */
  modelId: string;
  /** Local models folder; `<modelsDir>/<modelId>/` is tried first. */
  modelsDir: string;
  /** Whether the model may be downloaded when it is not found locally. */
  allowRemote: boolean;
  /** Download host (a Hugging Face mirror where the default is unreachable). */
  remoteHost: string;
}

/** The outcome of trying to load a model: an embedder, or why there is none. */
export type EmbedderLoad = { embedder: Embedder; warning?: undefined } | { embedder: null; warning: string };

/** Cosine similarity of two L2-normalised vectors. */
export function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) sum += left[index]! * right[index]!;
  return sum;
}
