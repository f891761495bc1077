/**
 * Chinese sentence splitting with character offsets, so a sentence can be cited and highlighted
 * exactly where it stands in the document.
 */

/** A span of text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

const terminators = new Set(['。', '！', '？', '；', '!', '?', '…']);
// Closing marks that belong to the sentence they end: `…”。` or `。”`.
const closers = new Set(['”', '’', '」', '』', '）', ')', '》', '"', "'"]);

function isSpace(character: string | undefined): boolean {
  return character === ' ' || character === '\t' || character === '\u3000';
}

/**
 * Splits `text.slice(from, to)` into sentences at 。！？； (and ASCII !?), line breaks and
 * ellipses, keeping closing quotes with their sentence. Leading and trailing spaces are left out
 * of each span; empty sentences are dropped.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && (isSpace(text[s]) || text[s] === '\n')) s++;
    while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\n')) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  let index = from;
  while (index < to) {
    const character = text[index];
    if (character === '\n') {
      push(index);
      start = index + 1;
      index++;
      continue;
    }
    if (character !== undefined && terminators.has(character)) {
      let end = index + 1;
      // Runs of terminators (！？, ……) and the closing quotes after them stay in this sentence.
      while (end < to && (terminators.has(text[end] ?? '') || closers.has(text[end] ?? ''))) end++;
      push(end);
      start = end;
      index = end;
      continue;
    }
    index++;
  }
  push(to);
  return spans;
}
