/**
 * Leading `---` metadata blocks in .txt/.md files, the way Jekyll/Hugo and hand-made corpora write
 * them. Only the simple `key: value` subset of YAML is read: that is what people put there, and it
 * lets a block that is really prose between two rules stay prose instead of becoming metadata.
 */
import type { ArticleMetadata } from '../../core/documents.ts';
import { metadataKeyFor, setGiven } from './metadata.ts';

export interface FrontMatterSplit {
  /** Known keys found in the block; empty when there is no (well-formed) block. */
  given: Partial<ArticleMetadata>;
  /** The text after the block, or the whole text when there is none. */
  body: string;
  /** Whether a front-matter block was recognised and removed. */
  found: boolean;
}

const openingLine = /^---\s*$/;
const closingLine = /^(---|\.\.\.)\s*$/;
// Keys are short and have no spaces. YAML wants a space after ':'; after the full-width '：' that
// Chinese input methods type, nobody adds one.
const keyValueLine = /^([^\s:：#-][^\s:：]{0,31})\s*(?::(?:\s+(.*))?|：\s*(.*))$/;
const listItemLine = /^\s+-\s+(.*)$|^-\s+(.*)$/;

/**
 * Splits a leading front-matter block off `text` (LF line endings). An unterminated block, or one
 * containing lines that are not `key: value` pairs, list items or comments, is not front matter:
 * the text is returned unchanged.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const notFound = { given: {}, body: text, found: false };
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length && (lines[start] ?? '').trim() === '') start++;
  if (!openingLine.test(lines[start] ?? '')) return notFound;

  const given: Partial<ArticleMetadata> = {};
  const values = new Map<string, string[]>();
  let currentKey: string | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (closingLine.test(line)) {
      for (const [key, items] of values) {
        const field = metadataKeyFor(key);
        if (field) setGiven(given, field, items.join(' '));
      }
      return { given, body: lines.slice(i + 1).join('\n'), found: true };
    }
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const listItem = listItemLine.exec(line);
    if (listItem && currentKey !== undefined) {
      values.get(currentKey)?.push(unquote(listItem[1] ?? listItem[2] ?? ''));
      continue;
    }
    const pair = keyValueLine.exec(line);
    if (!pair) return notFound;
    currentKey = pair[1] ?? '';
    values.set(currentKey, parseValue(pair[2] ?? pair[3] ?? ''));
  }
  return notFound; // unterminated: plain text
}

/** A scalar, or the items of a `[a, b]` flow list, with YAML quotes removed. */
function parseValue(raw: string): string[] {
  const value = raw.trim();
  if (value.startsWith('[') && value.endsWith(']')) {
    return value
      .slice(1, -1)
      .split(/[,，]/)
      .map(unquote)
      .filter((item) => item !== '');
  }
  return value === '' ? [] : [unquote(value)];
}

/**
 * Removes YAML's ASCII quotes around a whole value. Chinese quotation marks (“双创”) are part of
 * titles, never syntax, so they stay.
 */
function unquote(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
    const inner = value.slice(1, -1);
    return value[0] === '"' ? inner.replace(/\\"/g, '"') : inner.replace(/''/g, "'");
  }
  return value;
}
