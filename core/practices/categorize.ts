/**
 * Assigns a practice to one category of the taxonomy by the cue words of cues.ts found in its
 * name, parts, description and heading. A longer cue counts more than a shorter one it contains
 * (课程思政 over 思政); ties go to the category listed first.
 */
import { categoryCues, categoryWeights, nameOnlyCues } from './cues.ts';
import { categoryNames, type PracticeCategory } from './taxonomy.ts';
import { WordList } from './word-list.ts';

export interface CategoryEvidence {
  name: string;
  /** The description, and the sentences of the practice's other mentions. */
  description: string;
  components: readonly string[];
  heading: string;
}

/** How much each category's cues occur in a whole article (see `articlePrior`). */
export type CategoryPrior = ReadonlyMap<PracticeCategory, number>;

/** What a practice with no cue at all is filed under: the broadest category. */
export const fallbackCategory: PracticeCategory = '党建与业务融合';

const nameOnly = new Set(nameOnlyCues);
const cueWords = new WordList(Object.values(categoryCues).flat());
/** For every cue, the categories it points to (a cue may serve two). */
const cueCategories = new Map<string, PracticeCategory[]>();
for (const category of categoryNames) {
  for (const cue of categoryCues[category]) cueCategories.set(cue, [...(cueCategories.get(cue) ?? []), category]);
}

/** Adds `weight` × each distinct cue's value (longer cues count more) found in `text`. */
function addCues(scores: Map<PracticeCategory, number>, text: string, weight: number, inName: boolean): void {
  const seen = new Set<string>();
  cueWords.forEachOccurrence(text, (cue) => {
    if (seen.has(cue) || (!inName && nameOnly.has(cue))) return;
    seen.add(cue);
    const value = (cue.length >= 3 ? 1.5 : 1) * weight;
    for (const category of cueCategories.get(cue)!) scores.set(category, (scores.get(category) ?? 0) + value);
  });
}

/** Counts every category's cues over an article, once, as a prior for its practices. */
export function articlePrior(text: string): CategoryPrior {
  const prior = new Map<PracticeCategory, number>();
  cueWords.forEachOccurrence(text, (cue) => {
    if (nameOnly.has(cue)) return;
    for (const category of cueCategories.get(cue)!) prior.set(category, (prior.get(category) ?? 0) + categoryWeights.article);
  });
  return prior;
}

/** The score of each category for a practice (for tests and tuning). */
export function categoryScores(evidence: CategoryEvidence, prior?: CategoryPrior): Map<PracticeCategory, number> {
  const scores = new Map<PracticeCategory, number>(categoryNames.map((category) => [category, Math.min(prior?.get(category) ?? 0, 2)]));
  addCues(scores, evidence.name, categoryWeights.name, true);
  addCues(scores, evidence.components.join('、'), categoryWeights.components, true);
  addCues(scores, evidence.description, categoryWeights.description, false);
  addCues(scores, evidence.heading, categoryWeights.heading, true);
  return scores;
}

export function categorize(evidence: CategoryEvidence, prior?: CategoryPrior): PracticeCategory {
  let best: PracticeCategory = fallbackCategory;
  let bestScore = 0;
  for (const [category, value] of categoryScores(evidence, prior)) {
    if (value > bestScore) {
      best = category;
      bestScore = value;
    }
  }
  return best;
}
