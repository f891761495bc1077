/**
 * 哪些学校没有提到乡村振兴: which colleges' articles lack a topic. Absence has no passage to cite,
 * so the answer names the colleges whose articles never write the topic, then shows, cited, where
 * each of the others writes it: the list is visibly the complement of the evidence.
 */
import type { IndexSnapshot } from '../index/index-reader.ts';
import type { IndexedDocument } from '../index/index-snapshot.ts';
import { splitSentences } from '../text/sentences.ts';
import { CitationBook, passageHolding, type CitedSpan } from './citation-book.ts';
import type { ComposedAnswer } from './composed-answer.ts';
import { formsOf } from './evidence.ts';
import type { QuestionAnalysis } from './question.ts';
import { lackingAsked, lackingKnobs } from './tuning.ts';

/** The topic of a question asking which colleges lack it (哪些学校没有提到乡村振兴 → 乡村振兴), or null. */
export function lackingTopic(question: string): string | null {
  const asked = lackingAsked.exec(question);
  if (!asked) return null;
  const topic = `${question.slice(0, asked.index)}${question.slice(asked.index + asked[0].length)}`.replace(/[？?。！!\s]+$/u, '').replace(/^[，,\s]+/u, '').trim();
  return topic.length >= 2 ? topic : null;
}

/**
 * The answer over `colleges` (texts of their documents preloaded): a college writes the topic when
 * one of its articles writes every topic word of `analysis`; one that writes some only in the field's
 * other words (帮扶 for 乡村振兴) is said apart, since it may or may not mean the topic. Null when
 * the topic has no words or no college writes it either way.
 */
export function composeLacking(snapshot: IndexSnapshot, analysis: QuestionAnalysis, asked: string, colleges: readonly string[]): ComposedAnswer | null {
  // Its words that weigh (清廉 of 清廉建设, not 建设): a light word would have to stand in the same sentence.
  const topic = analysis.terms.filter((term) => term.role === 'topic');
  const heaviest = Math.max(0, ...topic.map((term) => term.weight));
  const topicWords = topic.filter((term) => term.weight >= heaviest * lackingKnobs.wordShare).map((term) => term.word.toLowerCase());
  if (topicWords.length === 0) return null;
  const literal = topicWords.map((word) => [word]);
  const near = topicWords.map((word) => formsOf(word));
  const book = new CitationBook(snapshot);
  const without: string[] = [];
  const said: string[] = [];
  const nearly: string[] = [];
  const saying = (college: string, words: readonly string[][]): CitedSpan | null =>
    snapshot.documents.filter((document) => document.college === college).map((document) => firstSaying(snapshot, document, words)).find((found) => found !== null) ?? null;
  for (const college of colleges) {
    const where = saying(college, literal);
    if (where) {
      said.push(`- **${college}**：${book.claim(where)}`);
      continue;
    }
    const other = saying(college, near);
    if (other) nearly.push(`- **${college}**：${book.claim(other)}`);
    else without.push(college);
  }
  if (said.length === 0 && nearly.length === 0) return null;
  const lines = [
    without.length > 0 ? `文章中未见“${asked}”的院校：${without.join('、')}。` : `已收录的 ${colleges.length} 所院校的文章都写到了“${asked}”或相近的说法。`,
    ...(said.length > 0 ? ['', `写到“${asked}”的院校：`, ...said] : []),
    ...(nearly.length > 0 ? ['', '只写到相近说法的院校：', ...nearly] : []),
  ];
  return { text: lines.join('\n'), citations: book.citations };
}

/** The first sentence of a document that writes every topic word (one of each word's forms), as a cited span; null when none does. */
function firstSaying(snapshot: IndexSnapshot, document: IndexedDocument, words: readonly string[][]): CitedSpan | null {
  const text = snapshot.documentText(document);
  const lowered = text.toLowerCase();
  if (!words.every((forms) => forms.some((form) => lowered.includes(form)))) return null;
  for (const sentence of splitSentences(text)) {
    const piece = lowered.slice(sentence.start, sentence.end);
    if (!words.every((forms) => forms.some((form) => piece.includes(form)))) continue;
    const chunk = passageHolding(snapshot, document, sentence);
    if (chunk) return { start: sentence.start, end: sentence.end, chunk };
  }
  return null;
}
