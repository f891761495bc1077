/**
 * Light markdown → plain text, so an article written in markdown reads like the same article
 * pasted as text: headings become their own lines, emphasis/links/images/code markup goes, list
 * markers stay (they carry the article's enumeration), soft-wrapped paragraph lines are joined.
 * Deliberately not a full CommonMark parser: corpora use the simple subset, and marked's lexer
 * (a dependency, used for exports with bounded nesting) recurses per nesting level, so a hostile
 * file of 5,000 nested `>` or list markers overflows its stack; this reader is line by line and
 * linear whatever the nesting.
 */
import { decodeEntities, joinWrapped, toBlockLines } from './text.ts';

export interface MarkdownText {
  /** One block (heading, paragraph, list item, table row, quote line) per line. */
  text: string;
  /** The text of a leading `# Title` line, when the document starts with one. */
  title?: string;
}

const fenceLine = /^\s{0,3}(`{3,}|~{3,})/;
const atxHeading = /^\s{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const thematicBreak = /^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const setextUnderline = /^\s{0,3}(=+|-+)[ \t]*$/;
const referenceDefinition = /^\s{0,3}\[[^\]]+\]:\s*\S+/;
const listItem = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const tableSeparator = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const tableRow = /^\s*\|.*\|\s*$/;

/** Converts a markdown body (LF line endings, front matter already removed) to plain text. */
export function markdownToText(markdown: string): MarkdownText {
  const blocks: string[] = [];
  let paragraph: string | undefined;
  let title: string | undefined;
  let inFence: string | undefined;

  const flush = () => {
    if (paragraph !== undefined) blocks.push(inline(paragraph));
    paragraph = undefined;
  };

  // Comments can span lines; drop them before going line by line.
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  for (const rawLine of lines) {
    if (inFence !== undefined) {
      if (rawLine.trim().startsWith(inFence)) inFence = undefined;
      else blocks.push(rawLine);
      continue;
    }
    const fence = fenceLine.exec(rawLine);
    if (fence) {
      flush();
      inFence = fence[1];
      continue;
    }
    // Block quotes: the quoted text is ordinary content.
    const line = rawLine.replace(/^(\s{0,3}>\s?)+/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = atxHeading.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[1] ?? '').trim();
      if (blocks.length === 0 && title === undefined && /^\s{0,3}#(?!#)/.test(line) && text !== '') title = text;
      blocks.push(text);
      continue;
    }
    if (paragraph !== undefined && setextUnderline.test(line)) {
      flush();
      continue;
    }
    if (thematicBreak.test(line) || referenceDefinition.test(line) || (tableSeparator.test(line) && line.includes('|'))) {
      flush();
      continue;
    }
    if (listItem.test(line)) {
      flush();
      paragraph = line.trimStart();
      continue;
    }
    if (tableRow.test(line)) {
      flush();
      blocks.push(inline(line.trim().replace(/^\|/, '').replace(/\|$/, '').trim()));
      continue;
    }
    if (paragraph === undefined) {
      paragraph = line.trimStart();
    } else if (/( {2,}|\\)$/.test(paragraph)) {
      // A hard line break (two trailing spaces or a backslash) keeps the line break.
      const kept = paragraph.replace(/( {2,}|\\)$/, '');
      paragraph = undefined;
      blocks.push(inline(kept));
      paragraph = line.trimStart();
    } else {
      paragraph = joinWrapped(paragraph, line);
    }
  }
  flush();
  const text = toBlockLines(blocks.join('\n'));
  return title === undefined ? { text } : { text, title };
}

/**
 * Removes inline markup. Code spans and backslash escapes are swapped out for placeholders first
 * so the emphasis and link rules cannot touch their contents.
 */
function inline(source: string): string {
  const protectedParts: string[] = [];
  const protect = (value: string) => `\u0000${protectedParts.push(value) - 1}\u0000`;
  let text = source
    .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_whole, _ticks: string, code: string) => protect(code.trim()))
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, (_whole, char: string) => protect(char));

  text = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/<img\b[^>]*>/gi, '')
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, '$1') // [t](u "title")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // [t][ref]
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1') // autolinks
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, '') // inline HTML tags
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/g, '$1')
    .replace(/(?<![\w*])\*([^\s*])\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])/g, '$1');

  text = decodeEntities(text);
  return text.replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => protectedParts[Number(index)] ?? '');
}
