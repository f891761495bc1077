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
// The same sets by code unit: the splitter looks at every character of every document, and
// `text[index]` makes a string per character.
const terminatorCodes = new Set([...terminators].map((character) => character.charCodeAt(0)));
const closerCodes = new Set([...closers].map((character) => character.charCodeAt(0)));
const newline = 0x0a;

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000;
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
    while (s < e && (isSpaceCode(text.charCodeAt(s)) || text.charCodeAt(s) === newline)) s++;
    while (e > s && (isSpaceCode(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === newline)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  let index = from;
  while (index < to) {
    const code = text.charCodeAt(index);
    if (code === newline) {
      push(index);
      start = index + 1;
      index++;
      continue;
    }
    if (terminatorCodes.has(code)) {
      let end = index + 1;
      // Runs of terminators (！？, ……) and the closing quotes after them stay in this sentence.
      while (end < to && (terminatorCodes.has(text.charCodeAt(end)) || closerCodes.has(text.charCodeAt(end)))) end++;
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
