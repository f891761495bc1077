/**
 * Chinese tokenisation for the lexical index: jieba words (precise mode, HMM for unknown words),
 * lower-cased ASCII, punctuation and stopwords dropped; plus the character bigrams of every run of
 * Chinese characters, a second field that matches where jieba cut a phrase differently in the
 * query and the passage (`党总支` vs `总支`). Precise mode with bigrams beat jieba's search mode on
 * both evaluation sets (see README).
 */
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { codeUnitClass, type CodeUnitClass } from './code-unit-class.ts';
import { partyBuildingTerms } from './domain-terms.ts';

const require = createRequire(import.meta.url);
// jieba is CommonJS. Imported as ESM, Node would first scan its loader for export names with a
// lexer written in JavaScript, on every thread; `require` loads the same module without the scan.
const jieba = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');

/** Bumped whenever tokenisation changes, so an index built with other tokens is rebuilt. */
export const tokenizerVersion = 'jieba-precise+bigrams-1';

let jiebaInstance: Jieba | undefined;

/** The process-wide jieba instance, with the default dictionary plus the domain terms. */
export function getJieba(): Jieba {
  if (!jiebaInstance) {
    jiebaInstance = jieba.Jieba.withDict(dict);
    // A high frequency makes jieba keep domain terms (黄大年式教师团队, 党总支) as units;
    // search mode still emits their parts.
    jiebaInstance.loadDict(Buffer.from(partyBuildingTerms.map((term) => `${term} 50000 n`).join('\n')));
  }
  return jiebaInstance;
}

function loadStopwords(): ReadonlySet<string> {
  const byLanguage = require('stopwords-iso') as Record<string, string[]>;
  return new Set(byLanguage['zh'] ?? []);
}

/** Function words dropped from both passages and queries. */
export const stopwords: ReadonlySet<string> = loadStopwords();

/**
 * Words that only make a sentence a question; dropped from queries (not from passages), so
 * `嘉兴职业技术学院有哪些做法？` searches for the college and 做法, not for 哪些.
 */
export const questionWords: ReadonlySet<string> = new Set([
  '哪些', '什么', '如何', '怎样', '怎么', '怎么样', '请问', '介绍', '一下', '有没有', '是否', '吗', '呢', '哪', '哪个',
  '哪里', '哪儿', '谁', '多少', '几', '为何', '为什么', '是不是', '能否', '可否', '请', '告诉', '我', '我们', '一些',
  '主要', '具体', '情况', '相关', '方面', '有关', '关于', '的', '了', '吧', '呀', '简述', '概括', '总结', '列举', '说明',
]);

// Letters, digits or CJK: a token without any of them is punctuation or space.
const meaningful = /[\p{L}\p{N}]/u;

/** Normalises one jieba token; returns '' for tokens that should not be indexed. */
function normalizeToken(token: string): string {
  // Most tokens are common ideographs only: then trimming and lower-casing change nothing and the
  // token is meaningful, so skip them (this runs for every token of the corpus, and lower-casing
  // a two-byte string is a runtime call).
  let ideographs = token.length > 0;
  for (let index = 0; ideographs && index < token.length; index++) {
    const code = token.charCodeAt(index);
    ideographs = code >= 0x4e00 && code <= 0x9fa5;
  }
  if (ideographs) return stopwords.has(token) || token.length > 32 ? '' : token;
  const trimmed = token.trim();
  if (trimmed.length === 0 || !meaningful.test(trimmed)) return '';
  const lower = trimmed.toLowerCase();
  if (stopwords.has(lower)) return '';
  // Very long ASCII runs (hashes, base64 in URLs) only bloat the vocabulary.
  if (lower.length > 32) return '';
  return lower;
}

/** Words of a text for the lexical index, in order, duplicates kept (term frequency counts). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of getJieba().cut(text, true)) {
    const token = normalizeToken(raw);
    if (token) tokens.push(token);
  }
  return tokens;
}

const hanRun = /\p{Script=Han}{2,}/gu;

/** Character bigrams of every run of Chinese characters, skipping those that are stopwords. */
export function bigrams(text: string, skip: ReadonlySet<string> = stopwords): string[] {
  const result: string[] = [];
  for (const match of text.matchAll(hanRun)) {
    const run = match[0];
    for (let index = 0; index + 1 < run.length; index++) {
      const pair = run.slice(index, index + 2);
      if (!skip.has(pair)) result.push(pair);
    }
  }
  return result;
}

/** A bigram as a number: its first code unit in the high 16 bits, the second in the low 16. */
export function bigramKey(pair: string): number {
  return ((pair.charCodeAt(0) << 16) | pair.charCodeAt(1)) >>> 0;
}

const stopwordKeys: ReadonlySet<number> = new Set([...stopwords].filter((word) => word.length === 2).map(bigramKey));

/** First code units of two-unit stopwords: most bigrams are ruled out by one table read. */
const stopwordFirstUnits: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const key of stopwordKeys) table[key >>> 16] = 1;
  return table;
})();

/** One-unit stopwords by code unit (the two-unit ones are `stopwordKeys`). */
const stopwordUnits: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const word of stopwords) if (word.length === 1) table[word.charCodeAt(0)] = 1;
  return table;
})();

/** Han characters (`\p{Script=Han}`) by code unit, for `bigramKeys`. */
const hanCharacters = codeUnitClass('\\p{Script=Han}');

/** Code units of the Han character at `index` (1, or 2 for an astral one), or 0 when there is none. */
function hanLength(han: CodeUnitClass, text: string, index: number): number {
  const kind = han.units[text.charCodeAt(index)]!;
  if (kind !== 2) return kind;
  return han.pairInClass(text, index) ? 2 : 0;
}

/**
 * `bigrams(text)` as numbers (see `bigramKey`), for the index builder: the same bigrams in the same
 * order (code-unit pairs inside runs of at least two Han characters), without a string per bigram
 * (a passage has hundreds; ingest makes tens of millions).
 */
export function bigramKeys(text: string): Uint32Array {
  const han = hanCharacters();
  const keys = new Uint32Array(Math.max(0, text.length - 1));
  let count = 0;
  let index = 0;
  while (index < text.length) {
    let length = hanLength(han, text, index);
    if (length === 0) {
      index++;
      continue;
    }
    // A run of Han characters: [start, index) once the loop ends.
    const start = index;
    let characters = 0;
    while (length > 0) {
      index += length;
      characters++;
      length = index < text.length ? hanLength(han, text, index) : 0;
    }
    if (characters < 2) continue;
    for (let unit = start; unit + 1 < index; unit++) {
      const first = text.charCodeAt(unit);
      const key = ((first << 16) | text.charCodeAt(unit + 1)) >>> 0;
      if (stopwordFirstUnits[first] === 0 || !stopwordKeys.has(key)) keys[count++] = key;
    }
  }
  return keys.slice(0, count);
}

/**
 * A word as a number when it is one or two code units long (most Chinese words): one unit as its
 * code (0x20 or above), two as `bigramKey` (first unit 0x20 or above, so the two never collide);
 * 0 for any other word. The index builder looks such words up without hashing a string, and
 * ingest moves them between threads as one typed array instead of a string each.
 */
export function wordKey(word: string): number {
  const first = word.charCodeAt(0);
  if (word.length === 1) return first >= 0x20 ? first : 0;
  if (word.length === 2 && first >= 0x20) return ((first << 16) | word.charCodeAt(1)) >>> 0;
  return 0;
}

/** The word a non-zero `wordKey` stands for. */
export function wordOfKey(key: number): string {
  return key > 0xffff ? String.fromCharCode(key >>> 16, key & 0xffff) : String.fromCharCode(key);
}

/** In `PackedAnalysis.wordKeys`, a word of three or four code units: its two numbers are next in `longKeys`. */
export const longWordMarker = 1;

/**
 * A word of three or four code units (the third 0x20 or above) as two numbers, the way `wordKey`
 * packs shorter ones: the first two units, then the third (three units) or the third and fourth
 * (four units, so the second number is above 0xffff). Writes them at `into[at]`, `into[at + 1]`;
 * false for any other word.
 */
export function packLongWord(word: string, into: Uint32Array, at: number): boolean {
  if (word.length !== 3 && word.length !== 4) return false;
  const third = word.charCodeAt(2);
  if (third < 0x20) return false;
  into[at] = ((word.charCodeAt(0) << 16) | word.charCodeAt(1)) >>> 0;
  into[at + 1] = word.length === 3 ? third : ((third << 16) | word.charCodeAt(3)) >>> 0;
  return true;
}

/** The word `packLongWord` packed as `high`, `low`. */
export function wordOfLongKey(high: number, low: number): string {
  const first = high >>> 16;
  const second = high & 0xffff;
  return low > 0xffff ? String.fromCharCode(first, second, low >>> 16, low & 0xffff) : String.fromCharCode(first, second, low);
}

/**
 * Both lexical fields of a passage as ingest moves them between threads: words as `wordKey`s, with
 * `longWordMarker` for a word of three or four units (its pair in `longKeys`, see `packLongWord`)
 * and 0 for any other word (in order in `otherWords`); bigrams as `bigramKey`s. Nearly every word
 * is a number: ingest sends no string per word between threads and the builder hashes none.
 */
export interface PackedAnalysis {
  wordKeys: Uint32Array;
  longKeys: Uint32Array;
  otherWords: string[];
  bigrams: Uint32Array;
}

/** `analyze` for the index builder, packed (see `PackedAnalysis`): the same words and bigrams in the same order. */
export function analyzeForIndex(text: string): PackedAnalysis {
  const raw = getJieba().cut(text, true);
  const wordKeys = new Uint32Array(raw.length);
  const longKeys = new Uint32Array(raw.length * 2);
  const otherWords: string[] = [];
  let count = 0;
  let longCount = 0;
  for (const piece of raw) {
    // Fast path for the common case, one or two common ideographs: what `normalizeToken` and
    // `wordKey` would do, by table reads (this loop runs for every word of the corpus).
    const first = piece.charCodeAt(0);
    if (piece.length <= 2 && first >= 0x4e00 && first <= 0x9fa5) {
      if (piece.length === 1) {
        if (stopwordUnits[first] === 0) wordKeys[count++] = first;
        continue;
      }
      const second = piece.charCodeAt(1);
      if (second >= 0x4e00 && second <= 0x9fa5) {
        const key = ((first << 16) | second) >>> 0;
        if (stopwordFirstUnits[first] === 0 || !stopwordKeys.has(key)) wordKeys[count++] = key;
        continue;
      }
    }
    const token = normalizeToken(piece);
    if (!token) continue;
    const key = wordKey(token);
    if (key !== 0) wordKeys[count++] = key;
    else if (packLongWord(token, longKeys, longCount)) {
      wordKeys[count++] = longWordMarker;
      longCount += 2;
    } else {
      wordKeys[count++] = 0;
      otherWords.push(token);
    }
  }
  return { wordKeys: wordKeys.slice(0, count), longKeys: longKeys.slice(0, longCount), otherWords, bigrams: bigramKeys(text) };
}

/**
 * The analysis of `first + '\n' + second` from the analyses of the two parts: a line break ends
 * every jieba block and every run of Chinese characters, so nothing spans it. Ingest analyses a
 * passage's context line once per article instead of once per passage.
 */
export function joinAnalyses(first: PackedAnalysis, second: PackedAnalysis): PackedAnalysis {
  const join = (left: Uint32Array, right: Uint32Array): Uint32Array => {
    const joined = new Uint32Array(left.length + right.length);
    joined.set(left);
    joined.set(right, left.length);
    return joined;
  };
  return {
    wordKeys: join(first.wordKeys, second.wordKeys),
    longKeys: join(first.longKeys, second.longKeys),
    otherWords: [...first.otherWords, ...second.otherWords],
    bigrams: join(first.bigrams, second.bigrams),
  };
}

/** Both lexical fields of a text. */
export interface AnalyzedText {
  words: string[];
  bigrams: string[];
}

/** Analyses a passage for indexing. */
export function analyze(text: string): AnalyzedText {
  return { words: tokenize(text), bigrams: bigrams(text) };
}

const queryStopBigrams: ReadonlySet<string> = new Set([...stopwords, ...questionWords]);

/** Analyses a query: as `analyze`, without question words (哪些, 如何, 什么…) in either field. */
export function analyzeQuery(text: string): AnalyzedText {
  return {
    words: tokenize(text).filter((token) => !questionWords.has(token)),
    bigrams: bigrams(text, queryStopBigrams),
  };
}

