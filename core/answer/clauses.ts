/**
 * Clauses: the parts of a sentence between ，；： (outside quotation marks and brackets). A long
 * sentence is cut to the clauses that hold what was asked, and the cut keeps exact offsets, so the
 * citation still points at (and highlights) precisely the words shown.
 */
import type { TextSpan } from './answer-spans.ts';
import { leadInClause, qaKnobs } from './tuning.ts';

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
 * A span longer than `maxLength` that is one clause listing items (not several clauses), kept to its
 * items within the length: its start up to a 、, or its end from one (a list's end says what it is:
 * …吕俊等优秀骨干教师远赴…援疆援青工作), whichever `value` rates higher, the end on a tie. As it is when
 * it fits or no 、 serves. 、 inside quotation marks or brackets does not count.
 */
export function withinLength(text: string, span: TextSpan, maxLength: number, value: (span: TextSpan) => number): TextSpan {
  if (span.end - span.start <= maxLength || clausesOf(text, span.start, span.end).length > 1) return span;
  let depth = 0;
  let head: TextSpan | null = null;
  let tail: TextSpan | null = null;
  for (let index = span.start; index < span.end; index++) {
    const code = text.charCodeAt(index);
    if (openers.has(code)) depth++;
    else if (closers.has(code)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && text[index] === '、') {
      if (index - span.start <= maxLength) head = { start: span.start, end: index };
      if (!tail && span.end - (index + 1) <= maxLength) tail = { start: index + 1, end: span.end };
    }
  }
  if (head && tail) return value(head) > value(tail) ? head : tail;
  return tail ?? head ?? span;
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
  // A cut ending on a lead-in (…，在基地建设…等方面) takes what it leads into, or leaves it out.
  const leadsIn = (index: number): boolean => leadInClause.test(text.slice(clauses[index]!.start, clauses[index]!.end));
  if (leadsIn(last)) {
    let to = last;
    while (leadsIn(to) && to < clauses.length - 1 && length(first, to + 1) <= maxLength + qaKnobs.leadInSlack) to++;
    if (!leadsIn(to)) last = to;
    // Never the clause the cut is for (在教学科研中充分发挥党员教师的先锋模范作用 opens like a lead-in).
    else while (last > first && last > best && leadsIn(last)) last--;
  }
  return trimSpan(text, { start: clauses[first]!.start, end: clauses[last]!.end });
}

/**
 * Cuts a sentence to the fewest consecutive clauses that say what `value` counts, however short the
 * sentence: the best clause, then the nearest clauses on either side whose taking raises the value
 * of the whole cut, within `maxLength`. A clause beyond ones that add nothing is taken, with them,
 * only when it raises the value by `bridgeGain` at least (1月29日，针对…，江西省农信联社…推出: the
 * date a 时间 question asks); clauses that add nothing are taken only while the cut is shorter
 * than `minLength`. For a direct answer, where a clause beside the answer that adds nothing asked
 * (投档线… before 捐赠…5479万元) is noise.
 */
export function tightCut(text: string, sentence: TextSpan, value: (span: TextSpan) => number, maxLength: number, minLength: number, bridgeGain: number): TextSpan {
  const clauses = clausesOf(text, sentence.start, sentence.end);
  if (clauses.length <= 1) return trimSpan(text, sentence);
  const span = (from: number, to: number): TextSpan => ({ start: clauses[from]!.start, end: clauses[to]!.end });
  const fits = (from: number, to: number): boolean => clauses[to]!.end - clauses[from]!.start <= maxLength;
  const values = clauses.map((clause) => value(clause));
  let first = 0;
  for (let index = 1; index < clauses.length; index++) if (values[index]! > values[first]!) first = index;
  let last = first;
  let current = values[first]!;
  for (;;) {
    // The nearest extension on each side that adds value, and the value it reaches.
    let best: { from: number; to: number; value: number } | null = null;
    for (let from = first - 1; from >= 0 && fits(from, last); from--) {
      const reached = value(span(from, last));
      if (reached > current + (from < first - 1 ? bridgeGain : 0)) {
        best = { from, to: last, value: reached };
        break;
      }
    }
    for (let to = last + 1; to < clauses.length && fits(first, to); to++) {
      const reached = value(span(first, to));
      if (reached > current + (to > last + 1 ? bridgeGain : 0)) {
        if (!best || reached > best.value) best = { from: first, to, value: reached };
        break;
      }
    }
    if (best) {
      first = best.from;
      last = best.to;
      current = best.value;
      continue;
    }
    // Nothing adds: a cut still too short takes its neighbour, the one before first.
    if (clauses[last]!.end - clauses[first]!.start >= minLength) break;
    if (first > 0 && fits(first - 1, last)) first--;
    else if (last < clauses.length - 1 && fits(first, last + 1)) last++;
    else break;
  }
  return trimSpan(text, span(first, last));
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
