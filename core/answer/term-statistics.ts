/**
 * What the answer layer knows about words: how often the corpus uses them (from the index, through
 * a narrow interface) and how common they are in Chinese at large (jieba's general-language IDF
 * table, shipped with @node-rs/jieba). A small corpus never says 时间 or 名字, which makes them
 * look like rare topic words; the general table knows they are generic whatever the corpus.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

/** Corpus term statistics, as the lexical index provides them. */
export interface TermStatistics {
  /** Passages in the corpus. */
  readonly chunkCount: number;
  /** Passages whose tokens include `word` (0 when the corpus never uses it). */
  documentFrequency(word: string): number;
  /** Inverse document frequency of `word` over passages (always positive). */
  idf(word: string): number;
}

/**
 * Words rarer than this in general Chinese are not kept in memory: any word missing from the
 * table is at least this specific (proper names, domain terms, new words).
 */
export const generalIdfCeiling = 9;

let generalTable: Map<string, number> | null = null;

function loadGeneralTable(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@node-rs/jieba/idf.txt');
  const text = fs.readFileSync(file, 'utf8');
  const table = new Map<string, number>();
  // 270k lines of `word idf`; only the common words (about 20k) are kept.
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    if (space > start && space < end) {
      const value = Number(text.slice(space + 1, end));
      if (value < generalIdfCeiling) table.set(text.slice(start, space), value);
    }
    start = end + 1;
  }
  return table;
}

/**
 * How specific a word is in general Chinese: jieba's IDF (时间 4.1, 名字 6.2, 党建 10.1),
 * `generalIdfCeiling` for anything rarer. Loads the table on first use (about a quarter second).
 */
export function generalIdf(word: string): number {
  generalTable ??= loadGeneralTable();
  return generalTable.get(word) ?? generalIdfCeiling;
}

/** Loads the general table now, so the first question does not wait for it. */
export function warmUpGeneralIdf(): void {
  generalTable ??= loadGeneralTable();
}
