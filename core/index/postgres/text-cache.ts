/**
 * Article texts fetched from `pbqa_texts`, cached by content hash. A content hash names one text
 * forever, so the cache is shared by every snapshot of a process and survives version swaps.
 */
import type { Database } from './database.ts';

export class TextCache {
  private readonly texts = new Map<string, string>();
  private characters = 0;

  constructor(
    private readonly database: Database,
    /** Characters kept (about 2 bytes each); the least recently used texts go first. */
    private readonly capacity = 32_000_000,
  ) {}

  get(contentHash: string): string | undefined {
    const text = this.texts.get(contentHash);
    if (text !== undefined) {
      // Refresh its place in the LRU order.
      this.texts.delete(contentHash);
      this.texts.set(contentHash, text);
    }
    return text;
  }

  /** Fetches the texts not cached yet, in one query. */
  async load(contentHashes: readonly string[]): Promise<void> {
    const missing = [...new Set(contentHashes)].filter((hash) => !this.texts.has(hash));
    if (missing.length === 0) return;
    const rows = await this.database.query<{ content_hash: string; body: string }>('SELECT content_hash, body FROM pbqa_texts WHERE content_hash = ANY($1::text[])', [missing], 'reading article texts');
    for (const row of rows) this.put(row.content_hash, row.body);
  }

  private put(contentHash: string, text: string): void {
    if (this.texts.has(contentHash)) return;
    this.texts.set(contentHash, text);
    this.characters += text.length;
    for (const [hash, old] of this.texts) {
      if (this.characters <= this.capacity || this.texts.size <= 1) break;
      this.texts.delete(hash);
      this.characters -= old.length;
    }
  }
}
