/**
 * Similar practices at other colleges: passages most like an article (by `docId`) or a text,
 * grouped by college. The article is described as a query by its most distinctive words
 * (term frequency × idf), read from a bounded prefix so a huge article costs no more than a
 * long one.
 */
import { AppError } from '../errors.ts';
import type { IndexSnapshot } from '../index/index-reader.ts';
import { tokenize } from '../text/tokenize.ts';
import { passageView, type PassageView } from './passage-view.ts';
import type { Retriever } from './retriever.ts';

export interface SimilarGroup {
  college: string;
  /** Passages similar to the given article or text, from this other college. */
  passages: PassageView[];
}

export interface SimilarResult {
  groups: SimilarGroup[];
  basedOn: { docId: string | null; college: string | null };
}

/** Characters of an article read to describe it: its opening states what it is about. */
export const similarTextLimit = 20_000;
/** Words of the description. */
const queryWords = 24;

/** The `limit` most distinctive words of a text by tf × idf (words of two or more characters the index knows). */
export function distinctiveWords(text: string, snapshot: IndexSnapshot, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const word of tokenize(text.slice(0, similarTextLimit))) if (word.length > 1) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([word]) => snapshot.lexical.documentFrequency(word) > 0)
    .map(([word, count]) => ({ word, weight: Math.log(1 + count) * snapshot.lexical.idf(word) }))
    .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
    .slice(0, limit)
    .map(({ word }) => word);
}

/** Passages like an article or a text, from other colleges, at most `perCollege` per college. */
export async function findSimilar(retriever: Retriever, input: { docId?: string | undefined; text?: string | undefined }, signal: AbortSignal, perCollege = 3): Promise<SimilarResult> {
  const snapshot = retriever.snapshot;
  let text: string;
  let college = '';
  let docId: string | null = null;
  if (input.docId !== undefined) {
    const document = snapshot.document(input.docId);
    if (!document) throw new AppError('DOCUMENT_NOT_FOUND', `没有 id 为 “${input.docId.slice(0, 100)}” 的文章`);
    await snapshot.preloadTexts([document]);
    text = `${document.title}\n${snapshot.documentText(document).slice(0, similarTextLimit)}`;
    college = document.college;
    docId = document.docId;
  } else {
    text = input.text ?? '';
  }
  const query = distinctiveWords(text, snapshot, queryWords).join(' ');
  if (!query) return { groups: [], basedOn: { docId, college: college || null } };
  const response = await retriever.search(query, { k: 60, maxPerDocument: 2, signal, filters: docId ? { excludeDocIds: [docId] } : undefined });
  const groups = new Map<string, PassageView[]>();
  for (const { chunk, score } of response.hits) {
    const other = chunk.document.college;
    if (!other || other === college) continue;
    const list = groups.get(other) ?? [];
    if (list.length >= perCollege) continue;
    list.push(passageView(chunk, score));
    groups.set(other, list);
  }
  return { groups: [...groups.entries()].map(([name, passages]) => ({ college: name, passages })), basedOn: { docId, college: college || null } };
}
