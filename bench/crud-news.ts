/**
 * Builds the benchmark corpora from ../shared/bench/crud-news (68,798 news articles, one per line:
 * `<timestamp>，正文：<text>`) plus the product's default corpus.
 *
 * Articles are put in a fixed pseudo-random order (a hash of `file:line`), so every corpus is a
 * prefix of the same sequence: the 10k corpus is inside the 30k one, and a run is reproducible. A
 * corpus is sized in passages: articles are taken in that order until their estimated passage
 * count (the product's own chunker on the raw text) reaches the target. The ingest reports the
 * real count, which differs a little (cleaning, near-duplicates folded).
 *
 * Corpora are written as .jsonl (id `file:line`, title '', text after `正文：`, date from the
 * timestamp) into a cache folder under the OS temp dir, reused while the sources are unchanged.
 * Bench data never goes into the repository.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findDate } from '../core/text/clean.ts';
import { chunkText, type ChunkOptions } from '../core/text/chunk.ts';

/** One crud-news article as the bench sees it. */
export interface NewsArticle {
  id: string;
  date: string;
  text: string;
}

interface LineRef {
  file: string;
  line: number;
  offset: number;
  bytes: number;
  rank: number;
}

/** A prepared corpus folder. */
export interface BenchCorpus {
  /** Size label as asked (`10k`, `all`). */
  label: string;
  /** Passages asked for (Infinity for the whole corpus). */
  target: number;
  dir: string;
  /** crud-news articles in it (the default corpus's articles come on top). */
  newsArticles: number;
  /** Passages estimated before ingest. */
  estimatedChunks: number;
  characters: number;
  bytes: number;
}

const marker = '正文：';
const converterVersion = 4;
/**
 * Estimates run this much over the target, because the ingest folds reposts (more of them the
 * larger the corpus: 3% at 30k passages, 8% at 100k) and cleaning trims a little.
 */
const overshoot = 1.08;

/** FNV-1a 32-bit: a fixed, platform-independent order for the articles. */
function rankOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/**
 * Parses one crud-news line; null for an empty one. About 5,000 of the 68,798 lines have no
 * `<timestamp>，正文：` head: the whole line is the text and the date is unknown.
 */
export function parseNewsLine(line: string, id: string): NewsArticle | null {
  const at = line.indexOf(marker);
  if (at < 0) {
    const text = line.trim();
    return text.length === 0 ? null : { id, date: '', text };
  }
  const text = line.slice(at + marker.length).trim();
  if (text.length === 0) return null;
  // Timestamps come as `2023-07-25 15:14`, `2023年07月25日`, `[2023/07/25 15:14]`, or without a
  // year (`7-25 15:14`); the collection is July–August 2023, so a bare month-day is 2023.
  const stamp = line.slice(0, at).replace(/[：]/g, ':');
  let date = findDate(stamp);
  if (!date) {
    const monthDay = /(?<!\d)(\d{1,2})-(\d{1,2})(?!\d)/.exec(stamp);
    if (monthDay) date = findDate(`2023-${monthDay[1]}-${monthDay[2]}`);
  }
  return { id, date, text };
}

/** Lists every line of the crud-news files with its byte range, in bench order. */
function indexLines(sourceDir: string): LineRef[] {
  const refs: LineRef[] = [];
  for (const file of fs.readdirSync(sourceDir).sort()) {
    const bytes = fs.readFileSync(path.join(sourceDir, file));
    let start = 0;
    let line = 0;
    while (start < bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      line++;
      if (end > start) refs.push({ file, line, offset: start, bytes: end - start, rank: rankOf(`${file}:${line}`) });
      start = end + 1;
    }
  }
  refs.sort((left, right) => left.rank - right.rank || (left.file < right.file ? -1 : left.file > right.file ? 1 : left.line - right.line));
  return refs;
}

function readRef(sourceDir: string, ref: LineRef, fds: Map<string, number>): string {
  let fd = fds.get(ref.file);
  if (fd === undefined) {
    fd = fs.openSync(path.join(sourceDir, ref.file), 'r');
    fds.set(ref.file, fd);
  }
  const buffer = Buffer.allocUnsafe(ref.bytes);
  fs.readSync(fd, buffer, 0, ref.bytes, ref.offset);
  return buffer.toString('utf8').replace(/\r$/, '');
}

/** Parses a size label: `10k` → 10000, `2.5k`, `1m`, `all` → Infinity. */
export function parseSize(label: string): number {
  const text = label.trim().toLowerCase();
  if (text === 'all' || text === 'whole' || text === 'max') return Infinity;
  const match = /^(\d+(?:\.\d+)?)([km]?)$/.exec(text);
  if (!match) throw new Error(`bad size "${label}": use e.g. 10k, 30k, 100k, all`);
  return Math.round(Number(match[1]) * (match[2] === 'k' ? 1000 : match[2] === 'm' ? 1_000_000 : 1));
}

function sourceSignature(sourceDir: string, defaultCorpusDir: string, chunking: ChunkOptions): string {
  const hash = createHash('sha256').update(`v${converterVersion} ${chunking.size}/${chunking.overlap}\n`);
  for (const dir of [sourceDir, defaultCorpusDir]) {
    for (const file of fs.readdirSync(dir).sort()) {
      const stat = fs.statSync(path.join(dir, file));
      hash.update(`${dir}/${file}\t${stat.size}\t${Math.floor(stat.mtimeMs)}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Writes (or reuses) one corpus folder per size label. Each holds the default corpus's files and
 * `crud-news-NNN.jsonl` files of 4,000 articles.
 */
export function prepareCorpora(options: {
  sourceDir: string;
  defaultCorpusDir: string;
  sizes: string[];
  chunking: ChunkOptions;
  cacheRoot?: string;
  log?: (line: string) => void;
}): BenchCorpus[] {
  const { sourceDir, defaultCorpusDir, chunking } = options;
  const log = options.log ?? (() => undefined);
  const root = path.join(options.cacheRoot ?? path.join(os.tmpdir(), 'pbqa-bench'), `corpora-${sourceSignature(sourceDir, defaultCorpusDir, chunking)}`);
  fs.mkdirSync(root, { recursive: true });
  const targets = options.sizes.map((label) => ({ label, target: parseSize(label) }));
  const result: BenchCorpus[] = [];
  const missing = targets.filter(({ label }) => !fs.existsSync(path.join(root, label, '.complete.json')));
  if (missing.length > 0) {
    const started = performance.now();
    const refs = indexLines(sourceDir);
    const largest = Math.max(...missing.map(({ target }) => target));
    const fds = new Map<string, number>();
    const writers = missing.map(({ label, target }) => {
      const dir = path.join(root, label);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      for (const file of fs.readdirSync(defaultCorpusDir)) fs.copyFileSync(path.join(defaultCorpusDir, file), path.join(dir, file));
      return { label, target, dir, fd: -1, fileNumber: 0, inFile: 0, newsArticles: 0, estimatedChunks: 0, characters: 0, bytes: 0, open: true };
    });
    let estimated = 0;
    try {
      for (const ref of refs) {
        if (estimated >= largest * overshoot) break;
        const article = parseNewsLine(readRef(sourceDir, ref, fds), `${ref.file}:${ref.line}`);
        if (!article) continue;
        const chunks = Math.max(1, chunkText(article.text, chunking).chunks.length);
        estimated += chunks;
        const json = `${JSON.stringify({ id: article.id, title: '', date: article.date, text: article.text })}\n`;
        for (const writer of writers) {
          if (!writer.open) continue;
          if (writer.fd < 0 || writer.inFile >= 4000) {
            if (writer.fd >= 0) fs.closeSync(writer.fd);
            writer.fd = fs.openSync(path.join(writer.dir, `crud-news-${String(writer.fileNumber++).padStart(3, '0')}.jsonl`), 'w');
            writer.inFile = 0;
          }
          fs.writeSync(writer.fd, json);
          writer.inFile++;
          writer.newsArticles++;
          writer.estimatedChunks += chunks;
          writer.characters += article.text.length;
          writer.bytes += Buffer.byteLength(json);
          if (writer.estimatedChunks >= writer.target * overshoot) writer.open = false;
        }
      }
    } finally {
      for (const fd of fds.values()) fs.closeSync(fd);
      for (const writer of writers) if (writer.fd >= 0) fs.closeSync(writer.fd);
    }
    for (const writer of writers) {
      const { label, target, dir, newsArticles, estimatedChunks, characters, bytes } = writer;
      fs.writeFileSync(path.join(dir, '.complete.json'), JSON.stringify({ label, target: Number.isFinite(target) ? target : null, dir, newsArticles, estimatedChunks, characters, bytes }));
    }
    log(`corpora ${missing.map(({ label }) => label).join(', ')} written to ${root} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const { label, target } of targets) {
    const saved = JSON.parse(fs.readFileSync(path.join(root, label, '.complete.json'), 'utf8')) as Omit<BenchCorpus, 'target'>;
    result.push({ ...saved, label, target });
  }
  return result;
}

/** Reads the first `count` news articles of a corpus folder (for queries and embedding samples). */
export function readCorpusArticles(dir: string, count: number): NewsArticle[] {
  const articles: NewsArticle[] = [];
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (articles.length >= count) return articles;
      if (line.trim()) articles.push(JSON.parse(line) as NewsArticle);
    }
  }
  return articles;
}
