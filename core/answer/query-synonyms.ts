/**
 * The words a retrieval query adds for a question word its corpus never uses: the synonyms of this
 * field that the corpus does use (党风廉政 → 廉洁, 清廉, 廉政). The articles say the topic in their own
 * words, and the passage that says it must be found before evidence can judge it.
 */
import { getJieba } from '../text/tokenize.ts';
import type { TermStatistics } from './term-statistics.ts';
import { genericTail, synonymsOf } from './tuning.ts';

/**
 * `question` with the corpus's synonyms of the words it lacks appended; as it is when none. With
 * `everyPhrase`, the synonyms of the phrases it has too: a comparison looks in every college's
 * articles, and one may say 产教融合 where the question says 校企合作.
 */
export function withCorpusSynonyms(question: string, terms: TermStatistics, everyPhrase = false): string {
  const added = new Set<string>();
  const words = getJieba().cut(question, false);
  // A phrase of the field jieba cuts in two (对外|帮扶) is read whole.
  const joined = words.slice(1).map((word, index) => `${words[index]}${word}`).filter((phrase) => synonymsOf.has(phrase));
  for (const word of new Set([...words, ...joined])) {
    // A phrase of the field (党风廉政), not a word of two characters (获奖), whose synonyms are broad
    // enough to pull the search away from the rest of the question.
    if ([...word].length < 3 || (!everyPhrase && terms.documentFrequency(word) > 0)) continue;
    // 廉政建设: the synonyms of its stem, when the list knows no synonym of the whole.
    const stem = synonymsOf.has(word) ? undefined : genericTail.exec(word)?.[1];
    for (const synonym of synonymsOf.get(stem ?? word) ?? []) if (!question.includes(synonym) && terms.documentFrequency(synonym) > 0) added.add(synonym);
  }
  return added.size > 0 ? `${question} ${[...added].join(' ')}` : question;
}
