/**
 * Questions about an article itself rather than what it says: when it was published (这条新闻是哪天
 * 发布的) and who wrote it (那篇文章的作者是谁, 那篇稿子的通讯员是哪几位). Ingest reads both off the
 * page's publish line, byline or dateline into the article's metadata; the answer states them for
 * the article the question points to, citing the article's opening sentence.
 */
import type { IndexSnapshot, IndexedDocument } from '../index/index-reader.ts';
import type { SearchHit } from '../retrieval/retriever.ts';
import { splitSentences } from '../text/sentences.ts';
import { CitationBook } from './citation-book.ts';
import type { ComposedAnswer } from './composed-answer.ts';
import { articleFactCues } from './tuning.ts';

/** What a question asks of an article's metadata. */
export type ArticleFact = 'date' | 'author';

/** The metadata a question asks of an article it points to, or null for a question about its content. */
export function articleFactAsked(question: string): ArticleFact | null {
  if (!articleFactCues.article.test(question)) return null;
  if (articleFactCues.date.test(question)) return 'date';
  if (articleFactCues.author.test(question)) return 'author';
  return null;
}

/**
 * The answer stating `fact` of the article the best passage belongs to; null when that article
 * does not record it (an undated page, no byline), so that the question is answered, or refused, as
 * any other.
 */
export function composeArticleFact(snapshot: IndexSnapshot, hits: readonly SearchHit[], fact: ArticleFact, question: string): ComposedAnswer | null {
  const [best] = hits;
  if (!best) return null;
  const document: IndexedDocument = best.chunk.document;
  const value = fact === 'date' ? document.date : document.author;
  if (!value) return null;
  const text = snapshot.documentText(document);
  const chunk = snapshot.chunk(document.firstChunk);
  const [opening] = splitSentences(text, chunk.start, chunk.end);
  if (!opening) return null;
  const book = new CitationBook(snapshot);
  const marker = book.cite({ ...opening, chunk });
  const title = document.title ? `《${document.title}》` : '这篇文章';
  const source = document.source ? `，来源：${document.source}` : '';
  // The byline is named as the question names it (通讯员, 记者), else 作者.
  const role = /通讯员|记者/u.exec(question)?.[0] ?? '作者';
  const stated = fact === 'date' ? `${title}的发布日期是 ${value}${source}。` : `${title}的${role}：${value}${source}。`;
  return { text: `${stated}[${marker}]`, citations: book.citations };
}
