/**
 * .jsonl corpora: one article per line. The file is streamed and split on raw bytes, so a 100 MB
 * export is never held in memory and an absurdly long line is skipped without being buffered.
 * Each line is decoded on its own (UTF-8, else the legacy encoding found earlier in the file, else
 * a fresh guess), parsed, and validated with zod; a bad line becomes a problem with its line number
 * and reading goes on.
 */
import type { FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import type { ArticleMetadata, IngestProblem, SourceArticle } from '../../core/documents.ts';
import { decodeText, detectBom } from './decode.ts';
import { setGiven } from './metadata.ts';
import { describeError, problem, type ProblemReason } from './problems.ts';
import { normalizeNewlines } from './text.ts';

export interface JsonlOptions {
  /** Lines longer than this many bytes are reported, not parsed. */
  maxLineBytes: number;
}

const optionalString = z.string().nullish();
const idSchema = z
  .union([z.string(), z.number().refine((n) => Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n)), 'must be a string or a number within ±2^53 (quote long numeric ids)')])
  .nullish();

/** One JSONL record. Unknown fields are ignored (exports carry many); null counts as absent. */
const recordSchema = z.object({
  id: idSchema,
  _id: idSchema,
  title: optionalString,
  text: z.string().refine((text) => text.trim() !== '', 'is empty'),
  college: optionalString,
  unit: optionalString,
  date: optionalString,
  source: optionalString,
  // Several exports give authors as a list.
  author: z.union([z.string(), z.array(z.string())]).nullish(),
  url: optionalString,
});

type JsonlRecord = z.infer<typeof recordSchema>;

/**
 * Reads an opened .jsonl file line by line. Yields one article per valid line and one problem per
 * invalid line; `docIdBase` (the path without extension) names lines that carry no id.
 */
export async function* readJsonl(
  handle: FileHandle,
  sourcePath: string,
  docIdBase: string,
  options: JsonlOptions,
): AsyncGenerator<SourceArticle | IngestProblem> {
  let fallbackEncoding: string | undefined;
  let contentLines = 0;
  let lineNumber = 0;
  try {
    for await (const item of splitLines(handle, options.maxLineBytes)) {
      lineNumber = item.line;
      if (item.kind === 'binary') {
        yield problem(sourcePath, 'BINARY', 'contains NUL bytes; not a text .jsonl file');
        return;
      }
      if (item.kind === 'too-long') {
        contentLines++;
        yield problem(sourcePath, 'TOO_LARGE', `line is longer than ${formatBytes(options.maxLineBytes)}; skipped`, item.line);
        continue;
      }
      let text: string;
      if (item.encoding) {
        text = new TextDecoder(item.encoding).decode(item.bytes);
      } else {
        const decoded = decodeText(item.bytes, { declaredCharset: fallbackEncoding });
        if (!decoded.ok) {
          contentLines++;
          yield problem(sourcePath, decoded.reason, decoded.detail, item.line);
          continue;
        }
        if (decoded.encoding !== 'utf-8') fallbackEncoding = decoded.encoding;
        text = decoded.text;
      }
      if (text.trim() === '') continue;
      contentLines++;
      yield parseLine(text, sourcePath, docIdBase, item.line);
    }
  } catch (error) {
    yield problem(sourcePath, 'UNREADABLE', `read failed after line ${lineNumber}: ${describeError(error)}`);
    return;
  }
  if (contentLines === 0) yield problem(sourcePath, 'EMPTY', 'file has no JSON lines');
}

function parseLine(text: string, sourcePath: string, docIdBase: string, line: number): SourceArticle | IngestProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return problem(sourcePath, 'MALFORMED_JSON', `invalid JSON (${describeError(error)})`, line);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return problem(sourcePath, 'MALFORMED_JSON', `expected a JSON object, got ${kind}`, line);
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    const fields = value as Record<string, unknown>;
    let reason: ProblemReason = 'INVALID_FIELD';
    const details = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '?');
      const actual = fields[field];
      if (actual === undefined || actual === null) {
        reason = 'MISSING_FIELD';
        return `field "${field}" is missing`;
      }
      if (field === 'text' && typeof actual === 'string') {
        reason = 'MISSING_FIELD';
        return `field "text" is empty`;
      }
      const got = Array.isArray(actual) ? 'array' : typeof actual;
      return issue.code === 'custom' ? `field "${field}" ${issue.message}` : `field "${field}" has the wrong type (${got}); expected ${expectedType(field)}`;
    });
    return problem(sourcePath, reason, [...new Set(details)].join('; '), line);
  }
  return toArticle(parsed.data, sourcePath, docIdBase, line);
}

function expectedType(field: string): string {
  if (field === 'id' || field === '_id') return 'a string or number';
  if (field === 'author') return 'a string or list of strings';
  return 'a string';
}

function toArticle(record: JsonlRecord, sourcePath: string, docIdBase: string, line: number): SourceArticle {
  const rawId = record.id ?? record._id;
  const id = rawId === undefined || rawId === null ? '' : String(rawId).trim();
  const given: Partial<ArticleMetadata> = {};
  for (const key of ['title', 'college', 'unit', 'date', 'source', 'url'] as const) {
    const value = record[key];
    if (typeof value === 'string') setGiven(given, key, value);
  }
  const author = Array.isArray(record.author) ? record.author.join(' ') : record.author;
  if (typeof author === 'string') setGiven(given, 'author', author);
  return {
    docId: id !== '' ? id : `${docIdBase}#${line}`,
    sourcePath,
    line,
    format: 'jsonl',
    text: normalizeNewlines(record.text),
    given,
  };
}

type SplitItem =
  | { kind: 'line'; line: number; bytes: Buffer; encoding?: 'utf-16le' | 'utf-16be' }
  | { kind: 'too-long'; line: number }
  | { kind: 'binary'; line: number };

/**
 * Splits the file into lines on LF without decoding first: 0x0A never occurs inside a UTF-8 or
 * GB18030 multi-byte character. UTF-16 (BOM) files are split on 16-bit LF units instead. Lines are
 * 1-based; a trailing CR is dropped; bytes of an over-long line are discarded as they stream by.
 */
async function* splitLines(handle: FileHandle, maxLineBytes: number): AsyncGenerator<SplitItem> {
  const stream = handle.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false });
  let first = true;
  let unit: 1 | 2 = 1;
  let encoding: 'utf-16le' | 'utf-16be' | undefined;
  let parts: Buffer[] = [];
  let partsLength = 0;
  let overflow = false;
  let line = 0;
  let carry: Buffer | undefined;

  const append = (piece: Buffer) => {
    if (overflow || piece.length === 0) return;
    if (partsLength + piece.length > maxLineBytes) {
      overflow = true;
      parts = [];
      partsLength = 0;
      return;
    }
    parts.push(piece);
    partsLength += piece.length;
  };
  const finish = (): SplitItem => {
    line++;
    const wasOverflow = overflow;
    let bytes = Buffer.concat(parts, partsLength);
    parts = [];
    partsLength = 0;
    overflow = false;
    if (wasOverflow) return { kind: 'too-long', line };
    const crLength = unit === 1 ? (bytes.at(-1) === 0x0d ? 1 : 0) : isUnit(bytes, bytes.length - 2, 0x0d, encoding) ? 2 : 0;
    bytes = bytes.subarray(0, bytes.length - crLength);
    return encoding ? { kind: 'line', line, bytes, encoding } : { kind: 'line', line, bytes };
  };

  try {
    for await (const data of stream as AsyncIterable<Buffer>) {
      let chunk = carry ? Buffer.concat([carry, data]) : data;
      carry = undefined;
      if (first) {
        first = false;
        const bom = detectBom(chunk);
        if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') {
          unit = 2;
          encoding = bom.encoding;
        } else if (chunk.subarray(0, 64 * 1024).indexOf(0) !== -1) {
          yield { kind: 'binary', line: 0 };
          return;
        }
        chunk = chunk.subarray(bom?.length ?? 0);
      }
      if (unit === 2 && chunk.length % 2 === 1) {
        carry = chunk.subarray(chunk.length - 1);
        chunk = chunk.subarray(0, chunk.length - 1);
      }
      let start = 0;
      for (;;) {
        const newline = findNewline(chunk, start, unit, encoding);
        if (newline === -1) break;
        append(chunk.subarray(start, newline));
        yield finish();
        start = newline + unit;
      }
      append(chunk.subarray(start));
    }
    if (carry) append(carry);
    if (partsLength > 0 || overflow) yield finish();
  } finally {
    stream.destroy();
  }
}

function findNewline(chunk: Buffer, from: number, unit: 1 | 2, encoding: 'utf-16le' | 'utf-16be' | undefined): number {
  if (unit === 1) return chunk.indexOf(0x0a, from);
  for (let i = from; i + 1 < chunk.length; i += 2) if (isUnit(chunk, i, 0x0a, encoding)) return i;
  return -1;
}

function isUnit(bytes: Buffer, at: number, code: number, encoding: 'utf-16le' | 'utf-16be' | undefined): boolean {
  if (at < 0) return false;
  return encoding === 'utf-16be' ? bytes[at] === 0 && bytes[at + 1] === code : bytes[at] === code && bytes[at + 1] === 0;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
}
