/**
 * Questions about an article itself rather than what it says: when it was published (这条新闻是哪天
 * 发布的), who wrote it (那篇文章的作者是谁, 那篇稿子的通讯员是哪几位) and its title (那篇文章的标题是什么).
 * Ingest reads them off the page's title, publish line, byline or dateline into the article's
 * metadata; the answer states them for the article the question points to, citing the article's
 * opening sentence.
 */
import type { IndexSnapshot, IndexedDocument } from '../index/index-reader.ts';
import type { SearchHit } from '../retrieval/retriever.ts';
import { splitSentences } from '../text/sentences.ts';
import { CitationBook } from './citation-book.ts';
import type { ComposedAnswer } from './composed-answer.ts';
import { articleFactCues } from './tuning.ts';

/** What a question asks of an article's metadata: its date, its byline, its title, or which articles came out in a year. */
export type ArticleFact = 'date' | 'author' | 'title' | { year: number; onward: boolean };

/** The metadata a question asks of an article it points to, or null for a question about its content. */
export function articleFactAsked(question: string): ArticleFact | null {
  const ofYear = articleFactCues.ofYear.exec(question);
  if (ofYear) return { year: Number(ofYear[1]), onward: ofYear[2] !== undefined };
  if (!articleFactCues.article.test(question)) return articleFactCues.byline.test(question.trim()) ? 'author' : null;
  if (articleFactCues.date.test(question)) return 'date';
  if (articleFactCues.author.test(question)) return 'author';
  if (articleFactCues.title.test(question.trim().replace(/[？?。]+$/u, ''))) return 'title';
  return null;
}

/**
 * The articles published in a year, each with its date and citing its opening, in date order; or
 * a statement that none was, with the years the articles were.
 */
function composeArticlesOfYear(snapshot: IndexSnapshot, year: number, onward: boolean): ComposedAnswer {
  const book = new CitationBook(snapshot);
  const dated = snapshot.documents.filter((document) => document.date).sort((a, b) => a.date!.localeCompare(b.date!));
  const ofYear = dated.filter((document) => (onward ? Number(document.date!.slice(0, 4)) >= year : document.date!.startsWith(String(year))));
  const when = onward ? `${year} 年以后` : `${year} 年`;
  const undated = snapshot.documents.length - dated.length;
  if (ofYear.length === 0) {
    const years = [...new Set(dated.map((document) => document.date!.slice(0, 4)))];
    return { text: `已收录的文章中没有 ${when}发布的${years.length > 0 ? `；有发布日期的文章发布于 ${years.join('、')} 年` : ''}${undated > 0 ? `，另有 ${undated} 篇没有发布日期` : ''}。`, citations: [] };
  }
  const lines = ofYear.map((document) => {
    const marker = openingCitation(snapshot, book, document);
    return `- 《${document.title}》（${document.date}）${marker ? `[${marker}]` : ''}`;
  });
  return { text: [`${when}发布的文章有 ${ofYear.length} 篇：`, ...lines, ...(undated > 0 ? ['', `另有 ${undated} 篇文章没有发布日期。`] : [])].join('\n'), citations: book.citations };
}

/** Cites an article's opening sentence, or returns null when it has none. */
function openingCitation(snapshot: IndexSnapshot, book: CitationBook, document: IndexedDocument): number | null {
  const chunk = snapshot.chunk(document.firstChunk);
  const [opening] = splitSentences(snapshot.documentText(document), chunk.start, chunk.end);
  return opening ? book.cite({ ...opening, chunk }) : null;
}

/**
 * The answer stating `fact` of the article the best passage belongs to. An article whose page gave
 * no date or byline is said to have none, citing its opening: the text beside it never tells when it
 * came out (三年多来…). Null when the article cannot be cited.
 */
export function composeArticleFact(snapshot: IndexSnapshot, hits: readonly SearchHit[], fact: ArticleFact, question: string): ComposedAnswer | null {
  if (typeof fact === 'object') return composeArticlesOfYear(snapshot, fact.year, fact.onward);
  const [best] = hits;
  if (!best) return null;
  const document: IndexedDocument = best.chunk.document;
  const value = fact === 'date' ? document.date : fact === 'title' ? document.title : document.author;
  const book = new CitationBook(snapshot);
  const marker = openingCitation(snapshot, book, document);
  if (marker === null) return null;
  const named = document.title ? `《${document.title}》` : '这篇文章';
  if (!value && fact !== 'title') {
    const missing = fact === 'date' ? '发布日期' : '作者署名';
    const asked = fact === 'date' ? '它是哪天发布的' : '作者是谁';
    return { text: `${named}收录时没有${missing}（原网页未标注${document.source ? `，来源：${document.source}` : ''}），无法确定${asked}。[${marker}]`, citations: book.citations, notFound: true };
  }
  // An article kept without a headline (a news item opening 中国教育报客户端讯) is said to have none.
  if (!value) {
    const opening = book.citations.find((citation) => citation.n === marker)?.quote ?? '';
    return { text: `这篇文章收录时没有标题${document.source ? `（来源：${document.source}）` : ''}，它的开头是：${opening}[${marker}]`, citations: book.citations };
  }
  const title = named;
  const source = document.source ? `，来源：${document.source}` : '';
  // The byline is named as the question names it (通讯员, 记者), else 作者.
  const role = /通讯员|记者/u.exec(question)?.[0] ?? '作者';
  const stated = fact === 'date' ? `${title}的发布日期是 ${value}${source}。` : fact === 'title' ? `这篇文章的标题是《${value}》${document.date ? `（${document.date}）` : ''}${source}。` : `${title}的${role}：${value}${source}。`;
  return { text: `${stated}[${marker}]`, citations: book.citations };
}
