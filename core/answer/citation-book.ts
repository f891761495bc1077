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
    return displayClaim(this.snapshot.documentText(span.chunk.document).slice(span.start, span.end));
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

/** How a quoted span reads inside an answer: without its enumerator or dateline, ending in punctuation. */
export function displayClaim(text: string): string {
  // A claim is one line: a heading or label and its body join (after 。 directly, else a heading's
  // line with a colon, as a title over what it heads: 打造品牌先锋：支部认真履行…).
  let display = text.replace(newsDateline, '').replace(leadingEnumerator, '').trim().replace(/([。！？；：])\s*\n\s*/gu, '$1').replace(/(\p{Script=Han}|[”》）)])[ \t\u00a0]*\n\s*(?=\p{Script=Han}|[“《（(])/gu, '$1：').replace(/\s*\n\s*/gu, ' ');
  if (display.length === 0) display = text.trim();
  display = display.replace(/[，,；;：:、]+$/u, '');
  // A closing quote or bracket ends a sentence only after its own stop (…。”); a clause cut before
  // a comma (为“风能党员活动日”) still needs one.
  if (!/[。！？…!?](?:[”’」』）)》])?$/u.test(display)) display += '。';
  return display;
}
