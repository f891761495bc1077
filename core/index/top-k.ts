/**
 * The `k` best scored chunks of a search, kept in a small heap: lexical search and exact vector
 * search both need one, and neither should sort every candidate.
 */

/** One scored chunk. */
export interface ScoredChunk {
  chunk: number;
  score: number;
}

/** Keeps the `k` best entries seen; a small binary min-heap on score. */
export class TopK {
  private readonly chunks: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  /** The lowest score that would still enter a full heap. */
  get threshold(): number {
    return this.chunks.length < this.k ? -Infinity : this.scores[0]!;
  }

  offer(chunk: number, score: number): void {
    if (this.k <= 0) return;
    if (this.chunks.length < this.k) {
      this.chunks.push(chunk);
      this.scores.push(score);
      this.siftUp(this.chunks.length - 1);
    } else if (score > this.scores[0]!) {
      this.chunks[0] = chunk;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  /** The entries, best first. */
  sorted(): ScoredChunk[] {
    return this.chunks.map((chunk, index) => ({ chunk, score: this.scores[index]! })).sort((a, b) => b.score - a.score || a.chunk - b.chunk);
  }

  private swap(a: number, b: number): void {
    [this.chunks[a], this.chunks[b]] = [this.chunks[b]!, this.chunks[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
  }

  private siftUp(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.scores[parent]! <= this.scores[index]!) return;
      this.swap(parent, index);
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const size = this.chunks.length;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < size && this.scores[left]! < this.scores[smallest]!) smallest = left;
      if (right < size && this.scores[right]! < this.scores[smallest]!) smallest = right;
      if (smallest === index) return;
      this.swap(smallest, index);
      index = smallest;
    }
  }
}
