/**
 * Citations of extractive answers: every claim is an exact span of an article (a sentence, or
 * the clauses of one), numbered in order of first use. A span is cited with the passage that holds
 * it, so the page can open the passage and highlight exactly the words shown.
 */
import type { IndexSnapshot, IndexedChunk, IndexedDocument } from '../index/index-reader.ts';
import type { TextSpan } from './answer-spans.ts';
import type { Citation } from './protocol.ts';

/** A span of an article, with the passage that holds it. */
export interface CitedSpan extends TextSpan {
  chunk: IndexedChunk;
}

/** How an article is named in an answer when it has no title. */
export function documentLabel(document: IndexedDocument): string {
  if (document.title) return document.title;
  const who = `${document.college}${document.unit}`;
  return who || document.docId;
}

/** The passage of `document` that holds `span` whole, if any. */
export function passageHolding(snapshot: IndexSnapshot, document: IndexedDocument, span: TextSpan, near?: IndexedChunk): IndexedChunk | undefined {
  if (near && near.document.docId === document.docId && near.start <= span.start && span.end <= near.end) return near;
  for (let ordinal = 0; ordinal < document.chunkCount; ordinal++) {
    const chunk = snapshot.chunk(document.firstChunk + ordinal);
    if (chunk.start <= span.start && span.end <= chunk.end) return chunk;
  }
  return undefined;
}

/** Hands out citation numbers, one per cited span, in order of first use. */
export class CitationBook {
  readonly citations: Citation[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(private readonly snapshot: IndexSnapshot) {}

  /** The number of a span's citation (the same span keeps its number). */
  cite(span: CitedSpan): number {
    const document = span.chunk.document;
    const text = this.snapshot.documentText(document);
    // A span that ends its sentence is cited with the full stop, so the quote reads as a sentence.
    const end = span.end < span.chunk.end && sentenceEnd.test(text[span.end] ?? '') ? span.end + 1 : span.end;
    const key = `${document.docId}:${span.start}:${end}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const n = this.citations.length + 1;
    this.citations.push({
      n,
      chunkId: span.chunk.chunkId,
      docId: document.docId,
      title: documentLabel(document),
      college: document.college,
      date: document.date,
      quote: text.slice(span.start, end),
      start: span.start,
      end,
    });
    this.byKey.set(key, n);
    return n;
  }

  /** The span as an answer shows it (see `displayClaim`). */
  display(span: CitedSpan): string {
    const headingEnds = span.chunk.document.headings.map(([, end]) => end - span.start).filter((end) => end > 0 && end < span.end - span.start);
    return displayClaim(this.snapshot.documentText(span.chunk.document).slice(span.start, span.end), headingEnds);
  }

  /** The span as an answer shows it, followed by its citation marker. */
  claim(span: CitedSpan): string {
    return `${this.display(span)}[${this.cite(span)}]`;
  }
}

const sentenceEnd = /^[。！？!?]$/u;
const leadingEnumerator = /^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]是?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[，,、]|[①②③④⑤⑥⑦⑧⑨⑩])\s*/u;
/** A news lede's dateline (中国教育报客户端讯（通讯员 徐兵）, 新华社北京2月15日电（记者…）). */
export const newsDateline = /^[^，。；\s]{2,24}(?:讯|电)[（(][^）)]{0,60}[）)]\s*/u;

/** Where a heading ends and its body begins, until it is shown as a colon. */
const headingBreak = '\u0000';

/**
 * How a quoted span reads inside an answer: without its enumerator or dateline, ending in
 * punctuation; `headingEnds` are the offsets in `text` where a heading of its article ends.
 */
export function displayClaim(text: string, headingEnds: readonly number[] = []): string {
  // A claim is one line: a heading or label and its body join (after 。 directly; a heading without
  // a stop of its own with a colon, as a title over what it heads: 打造品牌先锋：支部认真履行…; any
  // other line break, as in a wrapped line, with a space).
  let titled = text;
  for (const end of [...headingEnds].sort((a, b) => b - a)) {
    const gap = /^[ \t\u00a0]*\n\s*/u.exec(titled.slice(end))?.[0];
    if (gap && !/[。！？；：:，,、]$/u.test(titled.slice(0, end))) titled = `${titled.slice(0, end)}${headingBreak}${titled.slice(end + gap.length)}`;
  }
  let display = titled.replace(newsDateline, '').replace(leadingEnumerator, '').trim().replace(/([。！？；：])\s*\n\s*/gu, '$1').replace(/\s*\n\s*/gu, ' ').replaceAll(headingBreak, '：');
  if (display.length === 0) display = text.trim();
  display = display.replace(/[，,；;：:、]+$/u, '');
  // A closing quote or bracket ends a sentence only after its own stop (…。”); a clause cut before
  // a comma (为“风能党员活动日”) still needs one.
  if (!/[。！？…!?](?:[”’」』）)》])?$/u.test(display)) display += '。';
  return display;
}
