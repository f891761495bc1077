/**
 * 是否: whether the sentence that answers a yes-or-no question says yes or no. Said only when the
 * sentence settles it: every word of the question is there (yes), or the question's number for
 * something is another number there (是每月第一周吗 against 每月第四周: no). Otherwise the answer
 * shows the evidence and leaves the verdict to the reader.
 */
import { coreCoverageOf, termsNotIn } from './evidence.ts';
import type { QuestionAnalysis } from './question.ts';
import { yesNoKnobs } from './tuning.ts';

/** What the evidence says to a yes-or-no question. */
export type YesNo = 'yes' | 'no';

const digits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3 → 3, 三 → 3, 十二 → 12, 二十 → 20; null for anything else. */
function valueOf(number: string): number | null {
  if (/^\d+$/u.test(number)) return Number(number);
  const match = /^([一二两三四五六七八九])?(十)?([一二两三四五六七八九])?$/u.exec(number);
  if (!match || (!match[2] && (match[1] === undefined) === (match[3] === undefined))) return null;
  if (!match[2]) return digits[match[1] ?? match[3]!]!;
  return (match[1] ? digits[match[1]]! : 1) * 10 + (match[3] ? digits[match[3]]! : 0);
}

interface Counted {
  text: string;
  /** The frame a number fills: 第…周, …等奖, …年. */
  frame: string;
  value: number;
}

function countedIn(text: string): Counted[] {
  const found: Counted[] = [];
  for (const match of text.matchAll(yesNoKnobs.counted)) {
    const value = valueOf(match[2]!);
    if (value !== null) found.push({ text: match[0], frame: `${match[1] ?? ''}…${match[3]!}`, value });
  }
  return found;
}

/**
 * Yes when `sentence` (with `context`, what the article is about: its college, title) holds every
 * word of the question and the same numbers; no when it holds the rest and gives something the
 * question counts another number; null when it does not settle the question, or says no itself.
 */
export function yesNoVerdict(analysis: QuestionAnalysis, sentence: string, context = ''): YesNo | null {
  if (analysis.answerType !== '是否' || yesNoKnobs.negation.test(sentence)) return null;
  const asked = countedIn(analysis.question);
  // A sentence may count several things (领导班子连续2年…，党委书记…连续3年…): the clause that
  // says most of the question's words is the one whose number answers it.
  const coverage = coreCoverageOf(analysis, ['subject', 'topic', 'generic']);
  const clauses = sentence.split(/[，,；;。！？!?]/u).map((text) => ({ counted: countedIn(text), covers: coverage(text.toLowerCase()) }));
  let differs = false;
  for (const count of asked) {
    const framed = clauses.filter((clause) => clause.counted.some((other) => other.frame === count.frame));
    // The sentence does not say how many: it cannot settle the question.
    if (framed.length === 0) return null;
    const best = Math.max(...framed.map((clause) => clause.covers));
    const answers = framed.filter((clause) => clause.covers === best).map((clause) => clause.counted.some((other) => other.frame === count.frame && other.value === count.value));
    // Clauses that say as much of the question and disagree on the number leave it open.
    if (answers.some((same) => same !== answers[0])) return null;
    if (!answers[0]) differs = true;
  }
  // A word inside a number the sentence gives otherwise (一等奖, 第一周) is what differs, not what is missing.
  const missing = termsNotIn(analysis, `${sentence} ${context}`.toLowerCase(), ['subject', 'topic', 'generic']).filter(
    (term) => !asked.some((count) => count.text.includes(term.word) || term.word.includes(count.text)),
  );
  if (missing.length > 0) return null;
  return differs ? 'no' : 'yes';
}

/** The words that say the verdict as the question asks for it (有/没有, 是/不是, 是/否). */
export function verdictWord(question: string, verdict: YesNo): string {
  const [yes, no] = yesNoKnobs.words.find(([cue]) => cue.test(question))?.slice(1) ?? yesNoKnobs.otherwise;
  return (verdict === 'yes' ? yes : no) as string;
}
