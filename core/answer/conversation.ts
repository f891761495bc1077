/**
 * Follow-up questions. `那他们取得了哪些成效？` means nothing on its own; after
 * `嘉兴职业技术学院如何开展党史学习教育？` it asks for 嘉兴职业技术学院's results in 党史学习教育.
 * Without a model, the previous turn's subjects (colleges, quoted practice names, its rarest
 * words) are carried into the question; with a model, the model rewrites it (see answer-service).
 */
import type { LexicalIndex } from '../index/lexical-index.ts';
import { analyzeQuery, questionWords } from '../text/tokenize.ts';
import { isIntentWord } from './evidence.ts';
import type { HistoryTurn } from './protocol.ts';

/** Words that point back at something said before. */
const referring = /他们|她们|它们|该校|该院|该支部|该党总支|其|这些|那些|上述|这个|那个|这所|那所|此项|这项|那项|前者|后者|以上|上面|刚才|同样|也是|还有|另外|那么|那/;

/** What a follow-up inherits from the conversation. */
export interface CarriedContext {
  /** The question to search for. */
  question: string;
  /** A college the conversation is about, to narrow the search when the user set no filter. */
  college: string | undefined;
  /** Whether anything was carried. */
  rewritten: boolean;
}

const longestFirst = new WeakMap<readonly string[], string[]>();

/** Colleges named in a text, longest names first (so 嘉兴职业技术学院 wins over a shorter name inside it). */
export function collegesIn(text: string, colleges: readonly string[]): string[] {
  // A news corpus names well over a thousand colleges, and a question asks this several times.
  let sorted = longestFirst.get(colleges);
  if (!sorted) {
    sorted = [...colleges].sort((a, b) => b.length - a.length);
    longestFirst.set(colleges, sorted);
  }
  return sorted.filter((college) => text.includes(college));
}

/** True when a question cannot stand on its own. */
export function isFollowUp(question: string, colleges: readonly string[]): boolean {
  if (collegesIn(question, colleges).length > 0) return false;
  const content = analyzeQuery(question).words.filter((word) => !questionWords.has(word));
  return referring.test(question) || content.length <= 2;
}

/**
 * Carries the previous turn's subjects into a follow-up question (extractive mode). Returns the
 * question unchanged when it stands on its own or there is no history.
 */
export function carrySubjects(question: string, history: readonly HistoryTurn[], colleges: readonly string[], lexical: LexicalIndex): CarriedContext {
  const unchanged: CarriedContext = { question, college: undefined, rewritten: false };
  if (history.length === 0 || !isFollowUp(question, colleges)) return unchanged;
  const previousQuestion = [...history].reverse().find((turn) => turn.role === 'user')?.content ?? '';
  const previousAnswer = [...history].reverse().find((turn) => turn.role === 'assistant')?.content ?? '';
  // The subject: colleges the user named, else the one the last answer was about.
  let named = collegesIn(previousQuestion, colleges);
  if (named.length === 0) {
    const answered = collegesIn(previousAnswer, colleges);
    if (answered.length === 1) named = answered;
  }
  const quoted = [...previousQuestion.matchAll(/[“"「]([^”"」]{2,30})[”"」]/g)].map((match) => match[1]!);
  const current = new Set(analyzeQuery(question).words);
  const topic = analyzeQuery(previousQuestion)
    .words.filter((word) => word.length > 1 && !current.has(word) && !isIntentWord(word) && !named.some((college) => college.includes(word)))
    .sort((a, b) => lexical.idf(b) - lexical.idf(a))
    .slice(0, 3);
  const carried = [...named, ...quoted, ...topic].filter((part, index, all) => all.indexOf(part) === index);
  if (carried.length === 0) return unchanged;
  return { question: `${carried.join(' ')} ${question}`, college: named.length === 1 ? named[0] : undefined, rewritten: true };
}
