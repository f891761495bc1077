/**
 * A cheap, deterministic stand-in for the embedding model, for building the vector index of large
 * bench corpora: embedding 100k+ passages with a bge-small-sized model takes hours on two cores,
 * while the latency and recall rows only need vectors of the right dimension (512) whose
 * neighbourhoods look like a sentence encoder's.
 *
 * A text's TF-IDF-weighted Chinese character bigrams are summed in two ways: as pseudo-random
 * dense vectors in a 32-dimensional latent space, lifted to 512 dimensions by a fixed random
 * matrix (the "semantic" part: texts sharing rare bigrams end up close), and as a sparse random
 * projection over all 512 dimensions (30% of the norm: full-rank noise). Why not the sparse
 * projection alone: its nearest neighbours are barely closer than random texts (cosine 0.2 vs 0),
 * which makes HNSW look far worse than on a trained model's vectors (recall@10 0.5 at ef 128 on
 * 20k passages). The latent rank sets how hard the search is; on 1,000 passages this stand-in's
 * TwoNN intrinsic dimension is about 22, the random-weight bge-small model's about 38, and
 * published estimates for trained sentence encoders are in the tens, so treat recall figures as
 * indicative, and re-check the ef default once real vectors exist.
 */
import type { Embedder } from '../core/embedding/embedder.ts';
import { bigrams } from '../core/text/tokenize.ts';

export const projectionModelId = 'bench/bigram-projection-512';
const dimension = 512;
const coordinatesPerFeature = 8;

/** Inverse document frequencies of bigrams, estimated on a sample of the corpus. */
export type IdfTable = Record<string, number>;

/** IDF of every bigram of `texts` (the sample), plus the value for an unseen bigram. */
export function estimateIdf(texts: readonly string[]): { idf: IdfTable; unseen: number } {
  const documentFrequency = new Map<string, number>();
  for (const text of texts) for (const bigram of new Set(bigrams(text))) documentFrequency.set(bigram, (documentFrequency.get(bigram) ?? 0) + 1);
  const idf: IdfTable = {};
  for (const [bigram, df] of documentFrequency) idf[bigram] = Math.log(1 + texts.length / df);
  return { idf, unseen: Math.log(1 + texts.length) };
}

function featureHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

const latentRank = 32;
const noiseShare = 0.3;

/** xorshift32 stream from a seed: a fixed pseudo-random sequence per feature. */
function stream(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

/** The fixed lift from the latent space to 512 dimensions. */
const lift = (() => {
  const next = stream(0x5eed);
  const matrix = new Float32Array(dimension * latentRank);
  for (let index = 0; index < matrix.length; index++) matrix[index] = next() / 0x8000_0000 - 1;
  return matrix;
})();

function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (let index = 0; index < vector.length; index++) norm += vector[index]! * vector[index]!;
  norm = Math.sqrt(norm);
  if (norm === 0) vector[0] = 1;
  else for (let index = 0; index < vector.length; index++) vector[index]! /= norm;
  return vector;
}

/** Projects a text to a unit vector. */
export function projectText(text: string, table: { idf: IdfTable; unseen: number }): Float32Array {
  const counts = new Map<string, number>();
  for (const bigram of bigrams(text)) counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  const latent = new Float32Array(latentRank);
  const sparse = new Float32Array(dimension);
  for (const [bigram, count] of counts) {
    const weight = (1 + Math.log(count)) * (table.idf[bigram] ?? table.unseen);
    const next = stream(featureHash(bigram));
    for (let coordinate = 0; coordinate < latentRank; coordinate++) latent[coordinate]! += weight * (next() / 0x8000_0000 - 1);
    for (let coordinate = 0; coordinate < coordinatesPerFeature; coordinate++) {
      const bits = next();
      sparse[bits % dimension]! += bits & 0x8000_0000 ? weight : -weight;
    }
  }
  const vector = new Float32Array(dimension);
  for (let row = 0; row < dimension; row++) {
    let sum = 0;
    for (let column = 0; column < latentRank; column++) sum += lift[row * latentRank + column]! * latent[column]!;
    vector[row] = sum;
  }
  normalize(vector);
  normalize(sparse);
  for (let index = 0; index < dimension; index++) vector[index]! += noiseShare * sparse[index]!;
  return normalize(vector);
}

/**
 * The projection as an Embedder. `queryCost`, when given, is a real model run on every query
 * (its vector thrown away) so query-embedding latency is the real model's, while the vector
 * searched is the projection that matches the index.
 */
export function projectionEmbedder(table: { idf: IdfTable; unseen: number }, queryCost: Embedder | null = null): Embedder {
  return {
    modelId: projectionModelId,
    dimension,
    async embedPassages(texts) {
      return texts.map((text) => projectText(text, table));
    },
    async embedQuery(text, signal) {
      if (queryCost) await queryCost.embedQuery(text, signal);
      return projectText(text, table);
    },
    async dispose() {
      await queryCost?.dispose();
    },
  };
}
