/**
 * Small string helpers shared by the readers: line endings, block lines, CJK-aware joining of
 * wrapped lines and HTML entity decoding. Nothing here cleans web noise or touches punctuation;
 * that is `core/text/clean.ts`'s job after the readers.
 */

/** Converts CRLF and lone CR line endings to LF and drops a leading U+FEFF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Formats converted text as one block per line: trailing whitespace trimmed, blank lines
 * dropped. Leading whitespace is kept because full-width indentation (　　) is the cleaner's call.
 */
export function toBlockLines(text: string): string {
  return normalizeNewlines(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n');
}

// Han ideographs (incl. extensions and compatibility), CJK punctuation, full-width forms, kana.
const cjkPattern = /[\u2E80-\u2FDF\u3000-\u30FF\u3100-\u312F\u31A0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

/** True when the character (one code point) is Chinese script or CJK/full-width punctuation. */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && cjkPattern.test(char);
}

/** The last code point of a string (surrogate-pair safe). */
export function lastChar(text: string): string | undefined {
  const chars = Array.from(text.slice(-2));
  return chars[chars.length - 1];
}

/** The first code point of a string (surrogate-pair safe). */
export function firstChar(text: string): string | undefined {
  return text.codePointAt(0) === undefined ? undefined : String.fromCodePoint(text.codePointAt(0) as number);
}

/**
 * Joins two pieces of one wrapped sentence: Chinese has no spaces between words, so a CJK
 * boundary joins directly; anything else (Latin words, numbers) gets one space.
 */
export function joinWrapped(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  return isCjk(lastChar(a)) || isCjk(firstChar(b)) ? a + b : `${a} ${b}`;
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ensp: '\u2002',
  emsp: '\u2003',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  copy: '©',
};

/**
 * Decodes numeric and the common named HTML entities, for text that did not go through an HTML
 * parser (markdown bodies). Unknown entities are left as they are.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[body.toLowerCase()] ?? whole;
  });
}
