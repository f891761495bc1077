/**
 * Character-level normalisation of article text. Web pages, Word files and PDFs spell the same
 * Chinese text in many ways (ASCII commas in Chinese sentences, full-width digits, NBSP, zero-width
 * characters, `2019 年 11 月` with spaces); search, chunking and citation work better when they
 * all look alike. Nothing here adds, drops or reorders words: only characters change.
 *
 * Every step is a single linear scan or a regex that cannot backtrack catastrophically, so a
 * megabyte-long line of garbage costs milliseconds. The function is idempotent: punctuation
 * decisions only look at characters that normalisation never changes (see `transparent`).
 */

import { stripNonCharacters } from './never-text.ts';

// Characters that are never article text: BOM and zero-width characters.
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;
// Page and line separators become line breaks so PDF pages do not glue words together.
const lineSeparators = /[\f\v\u0085\u2028\u2029]/g;
// C0/C1 control characters other than \n and \t.
const controls = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
// NBSP, ideographic space, tab and the typographic spaces all become one ASCII space.
const oddSpaces = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Full-width letters, digits and the few full-width symbols that are really ASCII (％＋－／＝＠＃).
const fullWidthAscii = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0B\uFF0D\uFF0F\uFF1D\uFF20\uFF03]/g;
const cornerQuotes: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

/** `text` with full-width letters, digits and the full-width symbols that are really ASCII (％＋－／) as ASCII. */
export function halfWidth(text: string): string {
  return text.replace(fullWidthAscii, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

/** ASCII punctuation that becomes its full-width form inside Chinese text. */
const toFullWidth: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * Characters this module may turn into one another (ASCII punctuation and its full-width form,
 * straight and curly double quotes). Neighbour checks look through them, so a decision made on the
 * first pass is made the same way on the second one: that is what keeps normalisation idempotent.
 */
const transparent = new Set([',', ':', ';', '?', '!', '(', ')', '"', '，', '：', '；', '？', '！', '（', '）', '“', '”']);
/** `transparent` by code unit: the per-character checks below run on every character of a corpus. */
const transparentCodes = new Set([...transparent].map((character) => character.charCodeAt(0)));
/** Code units of the keys of `toFullWidth`, except the parentheses (converted as pairs). */
const convertibleCodes = new Set([',', ':', ';', '?', '!'].map((character) => character.charCodeAt(0)));

// A URL or e-mail address: its punctuation is never touched. The e-mail pattern must start at a
// run boundary (lookbehind) so that a long run without `@` is scanned once, not once per position.
const urlPattern = /(?:https?|ftp):\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|(?<![A-Za-z0-9.-])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// Punctuation that usually ends a sentence rather than belongs to the URL before it.
const urlTrailing = /[.,;:!?'"]+$/;

// How the neighbour scan sees a character: a space or transparent character (looked through),
// something else, or Chinese.
const Context = { Skip: 0, Other: 1, Cjk: 2 } as const;

/** True for code points that make their surroundings Chinese: ideographs, kana, hangul, CJK punctuation. */
function isCjkCodePoint(codePoint: number): boolean {
  return (
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x20000 && codePoint <= 0x3134f) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0x3001 && codePoint <= 0x303f) || // 、。〈〉《》【】〔〕 …
    (codePoint >= 0x3040 && codePoint <= 0x30ff) || // kana
    (codePoint >= 0xac00 && codePoint <= 0xd7af) || // hangul
    (codePoint >= 0xff01 && codePoint <= 0xff65) || // remaining full-width punctuation
    codePoint === 0x2014 || // — (Chinese dash)
    codePoint === 0x2026 // …
  );
}

/** In `contextTable`: a high surrogate, whose class is its code point's when a low one follows. */
const pairStart = 3;
let contextByUnit: Uint8Array | undefined;

/**
 * How the neighbour scan sees each code unit, as a table built on first use. A chain of range
 * tests per character made V8 throw its optimised code away whenever a line brought a range no
 * line had reached before (kana, hangul, full-width forms): eight recompilations of the line scan
 * per 10k-passage ingest.
 */
function contextTable(): Uint8Array {
  if (contextByUnit) return contextByUnit;
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdbff) table[code] = pairStart;
    else if (code === 0x20 || transparentCodes.has(code)) table[code] = Context.Skip;
    else table[code] = isCjkCodePoint(code) ? Context.Cjk : Context.Other;
  }
  contextByUnit = table;
  return table;
}

/** Per code unit: how the neighbour scan sees it. Both halves of a surrogate pair get the pair's class. */
function classify(line: string): Uint8Array {
  const table = contextTable();
  const classes = new Uint8Array(line.length);
  for (let index = 0; index < line.length; index++) {
    const value = table[line.charCodeAt(index)]!;
    if (value !== pairStart) classes[index] = value;
    else index = classifyPair(line, index, classes);
  }
  return classes;
}

/** Classifies the surrogate at `index` (a pair as its code point, a lone one as Other); returns the last index it set. */
function classifyPair(line: string, index: number, classes: Uint8Array): number {
  const codePoint = line.codePointAt(index)!;
  if (codePoint <= 0xffff) {
    classes[index] = Context.Other;
    return index;
  }
  const value = isCjkCodePoint(codePoint) ? Context.Cjk : Context.Other;
  classes[index] = value;
  classes[index + 1] = value;
  return index + 1;
}

/** Marks the code units of URLs and e-mail addresses in a line; null when the line has none. */
function protectedSpans(line: string): Uint8Array | null {
  if (!line.includes('://') && !line.includes('@') && !line.includes('www.')) return null;
  const mask = new Uint8Array(line.length);
  urlPattern.lastIndex = 0;
  for (let match = urlPattern.exec(line); match; match = urlPattern.exec(line)) {
    let text = match[0];
    text = text.replace(urlTrailing, '');
    // A closing parenthesis belongs to the URL only when the URL opened one.
    while (text.endsWith(')') && countOf(text, '(') < countOf(text, ')')) text = text.slice(0, -1);
    mask.fill(1, match.index, match.index + text.length);
  }
  return mask;
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (const c of text) if (c === character) count++;
  return count;
}

/** What the neighbour checks of one line need, computed once per line. */
interface LineContext {
  line: string;
  /** Code units inside URLs and e-mail addresses (never converted), or null when there are none. */
  guarded: Uint8Array | null;
  /** Whether the nearest non-space, non-transparent character before / after each position is CJK. */
  cjkBefore: Uint8Array;
  cjkAfter: Uint8Array;
  /** Prefix counts of CJK characters, to ask in O(1) whether a bracketed or quoted span holds Chinese. */
  cjkPrefix: Uint32Array;
  /** The replacement code unit for each position, 0 where the character stays. */
  replacements: Uint16Array;
}

function lineContext(line: string): LineContext {
  const length = line.length;
  const classes = classify(line);
  const cjkBefore = new Uint8Array(length);
  const cjkAfter = new Uint8Array(length);
  let last: number = Context.Skip;
  for (let index = 0; index < length; index++) {
    cjkBefore[index] = last === Context.Cjk ? 1 : 0;
    if (classes[index] !== Context.Skip) last = classes[index] as number;
  }
  last = Context.Skip;
  for (let index = length - 1; index >= 0; index--) {
    cjkAfter[index] = last === Context.Cjk ? 1 : 0;
    if (classes[index] !== Context.Skip) last = classes[index] as number;
  }
  const cjkPrefix = new Uint32Array(length + 1);
  for (let index = 0; index < length; index++) {
    cjkPrefix[index + 1] = (cjkPrefix[index] as number) + (classes[index] === Context.Cjk ? 1 : 0);
  }
  return { line, guarded: protectedSpans(line), cjkBefore, cjkAfter, cjkPrefix, replacements: new Uint16Array(length) };
}

/** Whether a pair opened at `open` and closed at `close` holds or touches Chinese. */
function pairNearCjk(context: LineContext, open: number, close: number): boolean {
  return (
    (context.cjkPrefix[close] as number) - (context.cjkPrefix[open + 1] as number) > 0 ||
    context.cjkBefore[open] === 1 ||
    context.cjkAfter[close] === 1
  );
}

/** Parentheses: a matched pair is converted as a whole, when it holds or touches Chinese; a lone one when beside Chinese. */
function convertParentheses(context: LineContext): void {
  const { line, guarded, replacements } = context;
  const openStack: number[] = [];
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if ((code !== 0x28 && code !== 0x29) || (guarded !== null && guarded[index] === 1)) continue;
    if (code === 0x28) openStack.push(index);
    else if (openStack.length === 0) convertLone(context, index, 0xff09);
    else {
      const open = openStack.pop() as number;
      if (pairNearCjk(context, open, index)) {
        replacements[open] = 0xff08;
        replacements[index] = 0xff09;
      }
    }
  }
  for (const open of openStack) convertLone(context, open, 0xff08);
}

function convertLone(context: LineContext, index: number, replacement: number): void {
  if (context.cjkBefore[index] === 1 || context.cjkAfter[index] === 1) context.replacements[index] = replacement;
}

/** Straight double quotes pair up in order within the line: "…" → “…” around or beside Chinese. */
function convertQuotes(context: LineContext): void {
  const { line, guarded, replacements } = context;
  let open = -1;
  for (let index = 0; index < line.length; index++) {
    if (line.charCodeAt(index) !== 0x22 || (guarded !== null && guarded[index] === 1)) continue;
    if (open < 0) open = index;
    else {
      if (pairNearCjk(context, open, index)) {
        replacements[open] = 0x201c;
        replacements[index] = 0x201d;
      }
      open = -1;
    }
  }
  // A lone quote: Chinese paragraphs of a long quotation open with “ and only the last closes.
  if (open >= 0) {
    if (context.cjkAfter[open] === 1) replacements[open] = 0x201c;
    else if (context.cjkBefore[open] === 1) replacements[open] = 0x201d;
  }
}

/** , : ; ? ! beside Chinese. Digits are not CJK, so 2,000 / 10:30 / 3.5 keep their ASCII marks. */
function convertMarks(context: LineContext): void {
  const { line, guarded } = context;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (!convertibleCodes.has(code) || (guarded !== null && guarded[index] === 1)) continue;
    convertLone(context, index, (toFullWidth[line[index] as string] as string).charCodeAt(0));
  }
}

/** The line with each position's replacement, if any, put in. */
function applyReplacements(line: string, replacements: Uint16Array): string {
  let result = '';
  let from = 0;
  for (let index = 0; index < replacements.length; index++) {
    const replacement = replacements[index] as number;
    if (replacement === 0) continue;
    result += line.slice(from, index) + String.fromCharCode(replacement);
    from = index + 1;
  }
  return from === 0 ? line : result + line.slice(from);
}

/**
 * Converts ASCII punctuation and straight double quotes in one line to their Chinese forms where
 * the surrounding text is Chinese. Linear in the line length.
 *
 * Each step is its own small function on purpose: lines hit rare branches (a lone quote, a URL)
 * long after V8 has optimised the hot ones, and every such first hit throws the optimised code
 * away; small functions are recompiled cheaply (docs/performance.md, "Recompilation").
 */
function convertPunctuation(line: string): string {
  if (!/[,:;?!()"]/.test(line)) return line;
  const context = lineContext(line);
  if (line.includes('(') || line.includes(')')) convertParentheses(context);
  if (line.includes('"')) convertQuotes(context);
  convertMarks(context);
  return applyReplacements(line, context.replacements);
}

/**
 * Normalises raw article text character by character, keeping the article otherwise intact:
 * unified line breaks, no invisible, control or non-characters (U+FFFE, U+FFFF, …), plain spaces,
 * half-width letters and digits, Chinese punctuation and quotes inside Chinese text,
 * `2019年11月6日` without spaces, trailing spaces trimmed and runs of blank lines collapsed to one.
 * Idempotent.
 */
export function normalizeText(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n').replace(lineSeparators, '\n');
  text = stripNonCharacters(text.replace(invisible, '').replace(controls, '')).replace(oddSpaces, ' ');
  text = halfWidth(text);
  text = text.replace(/[「」『』]/g, (character) => cornerQuotes[character] as string);

  const lines = text.split('\n');
  const kept: string[] = [];
  let blankRun = 0;
  for (const rawLine of lines) {
    let line = convertPunctuation(rawLine);
    // Dates are written with spaces by some editors (`2019 年 11 月 6 日`); titles keep theirs.
    line = line.replace(/(?<=\d) +(?=[年月日号])/g, '').replace(/(?<=[年月]) +(?=\d)/g, '');
    line = line.trimEnd();
    if (line === '') {
      blankRun++;
      // A run of blank lines becomes a single blank line.
      if (blankRun > 1) continue;
    } else blankRun = 0;
    kept.push(line);
  }
  return kept.join('\n').trim();
}
