/**
 * What a refusal points to: the sentences nearest the question when none answers it. A question
 * worded unlike the articles (论资排辈 for 职称评聘) is refused by the evidence gate; the sentences
 * that share most of its words are still where the user would look next. They are shown under the
 * refusal as related, never as the answer.
 */
import type { IndexSnapshot } from '../index/index-reader.ts';
import type { CitedSpan } from './citation-book.ts';
import { cutSentence } from './compose-qa.ts';
import { isAsking, selectSentences, statesHonour, type Evidence } from './evidence.ts';
import { coreTerms, type QuestionAnalysis } from './question.ts';
import { nearbyKnobs as knobs, yesNoKnobs } from './tuning.ts';

/**
 * Up to `nearbyKnobs.limit` spans near the question, best first, each cut to its clauses; none
 * when no sentence of a fitting article shares enough of the question. The caller asks only when
 * the corpus lacks no name the question depends on: text near such a question is about something else.
 */
export function nearbySpans(snapshot: IndexSnapshot, evidence: Evidence, analysis: QuestionAnalysis): CitedSpan[] {
  // A question of generic words only (张三是谁, read as 张 + 三) has nothing to be near.
  if (coreTerms(analysis).length === 0) return [];
  const fitting = (sentence: (typeof evidence.sentences)[number]): boolean => !sentence.isHeading && !isAsking(sentence.text) && sentence.score > 0 && sentence.windowCoverage >= knobs.minimumCoverage;
  // Asked about an honour the articles do not name: the honours they do state.
  if (evidence.verdict.unnamedHonour) {
    const honours = evidence.sentences.filter((sentence) => sentence.articleMatches && !sentence.isHeading && sentence.score > 0 && statesHonour(sentence.text) && yesNoKnobs.honourReceived.test(sentence.text));
    // Every honour stated counts, however little of the question it shares: the best scored first.
    if (honours.length > 0) return selectSentences(honours, knobs.limit, 0).map((sentence) => cutSentence(snapshot, sentence, analysis, knobs.length));
  }
  const candidates = evidence.sentences.filter((sentence) => sentence.articleMatches && fitting(sentence));
  // Refused for its year, a question points first to what the articles say of the other years, in
  // articles that may never write the year asked.
  const dated = evidence.verdict.yearsInstead ? selectSentences(evidence.sentences.filter((sentence) => sentence.ofOtherYear && fitting(sentence)), knobs.limit, knobs.floor) : [];
  const rest = selectSentences(candidates.filter((sentence) => !dated.includes(sentence)), knobs.limit - dated.length, knobs.floor);
  return [...dated, ...rest].map((sentence) => cutSentence(snapshot, sentence, analysis, knobs.length));
}
