/**
 * Clauses: the parts of a sentence between ，；： (outside quotation marks and brackets). A long
 * sentence is cut to the clauses that hold what was asked, and the cut keeps exact offsets, so the
 * citation still points at (and highlights) precisely the words shown.
 */
import type { TextSpan } from './answer-spans.ts';

const boundaryCodes = new Set(['，', '；', '：', ',', ';', ':'].map((character) => character.charCodeAt(0)));
const openers = new Set(['“', '「', '『', '《', '（', '(', '【', '"'].map((character) => character.charCodeAt(0)));
const closers = new Set(['”', '」', '』', '》', '）', ')', '】', '"'].map((character) => character.charCodeAt(0)));
const trailing = /[，；：,;:。！？!?\s]+$/u;

/**
 * The clauses of `text.slice(start, end)`, as absolute spans without their closing punctuation.
 * Boundaries inside “…”, 《…》 or （…） do not split.
 */
export function clausesOf(text: string, start: number, end: number): TextSpan[] {
  const clauses: TextSpan[] = [];
  let depth = 0;
  let from = start;
  const push = (to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) clauses.push({ start: s, end: e });
  };
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    // A straight double quote both opens and closes: it toggles.
    if (code === 0x22) depth = depth > 0 ? depth - 1 : depth + 1;
    else if (openers.has(code)) depth++;
    else if (closers.has(code)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && boundaryCodes.has(code)) {
      push(index);
      from = index + 1;
    }
  }
  push(end);
  return clauses;
}

/**
 * Cuts a sentence to at most `maxLength` characters of consecutive clauses: the best clause by
 * `score`, then its neighbours while they fit, preferring the neighbour that scores higher;
 * neighbours that score nothing only while the cut is shorter than `minLength`. Returns the
 * sentence itself when it already fits. Trailing punctuation is left out.
 */
export function cutToClauses(text: string, sentence: TextSpan, score: (clause: TextSpan) => number, maxLength: number, minLength = 24): TextSpan {
  const whole = trimSpan(text, sentence);
  if (whole.end - whole.start <= maxLength) return whole;
  const clauses = clausesOf(text, sentence.start, sentence.end);
  if (clauses.length <= 1) return whole;
  const scores = clauses.map(score);
  let best = 0;
  for (let index = 1; index < clauses.length; index++) if (scores[index]! > scores[best]!) best = index;
  let first = best;
  let last = best;
  const length = (from: number, to: number): number => clauses[to]!.end - clauses[from]!.start;
  for (;;) {
    const left = first > 0 && length(first - 1, last) <= maxLength ? scores[first - 1]! : -Infinity;
    const right = last < clauses.length - 1 && length(first, last + 1) <= maxLength ? scores[last + 1]! : -Infinity;
    if (left === -Infinity && right === -Infinity) break;
    // Neighbours that add nothing are only taken to complete a short cut.
    if (Math.max(left, right) <= 0 && length(first, last) >= minLength) break;
    if (left > right || (left === right && first > 0 && right === -Infinity)) first--;
    else last++;
  }
  return trimSpan(text, { start: clauses[first]!.start, end: clauses[last]!.end });
}

/** A span without leading spaces and trailing clause punctuation. */
export function trimSpan(text: string, span: TextSpan): TextSpan {
  let start = span.start;
  let end = span.end;
  while (start < end && /\s/u.test(text[start]!)) start++;
  const tail = trailing.exec(text.slice(start, end));
  if (tail) end -= tail[0].length;
  // A sentence that ends in a closing quote after its full stop (…。”) keeps the quote.
  if (end < span.end && closers.has(text.charCodeAt(end)) && end > start) end = Math.min(span.end, end + 1);
  return end > start ? { start, end } : { start: span.start, end: span.end };
}
