/**
 * Scoring extracted practices against the annotated set: names are matched by `practiceKey` (no
 * quotation marks, punctuation or trailing head word) with the gold name or one of its `also`
 * names; each gold practice matches at most one prediction.
 */
import { plainName, practiceKey } from '../../core/practices/names.ts';

/**
 * The issue's own rule, literally: without quotation marks (and punctuation) and one trailing
 * 工程, 制 or 模式. The product's `practiceKey` also drops 项目, 计划, 行动, 活动, 机制, 制度, 体系 and
 * 建设, repeatedly; the evaluation reports both.
 */
export function strictKey(name: string): string {
  const plain = plainName(name);
  const head = ['工程', '模式', '制'].find((word) => plain.endsWith(word) && plain.length - word.length >= 2);
  return head ? plain.slice(0, plain.length - head.length) : plain;
}

export interface GoldPractice {
  name: string;
  category: string;
  also?: string[];
}

export interface PredictedPractice {
  name: string;
  category: string;
  id?: string;
}

export interface ArticleScore {
  truePositives: { predicted: PredictedPractice; gold: GoldPractice }[];
  falsePositives: PredictedPractice[];
  falseNegatives: GoldPractice[];
}

/** Matches one article's predictions with its gold practices (by `practiceKey`, or another key). */
export function scoreArticle(predicted: readonly PredictedPractice[], gold: readonly GoldPractice[], keyOf: (name: string) => string = practiceKey): ArticleScore {
  const keys = gold.map((practice) => new Set([practice.name, ...(practice.also ?? [])].map(keyOf)));
  const used = new Set<number>();
  const result: ArticleScore = { truePositives: [], falsePositives: [], falseNegatives: [] };
  for (const practice of predicted) {
    const key = keyOf(practice.name);
    const index = keys.findIndex((set, position) => !used.has(position) && set.has(key));
    if (index === -1) result.falsePositives.push(practice);
    else {
      used.add(index);
      result.truePositives.push({ predicted: practice, gold: gold[index]! });
    }
  }
  gold.forEach((practice, index) => {
    if (!used.has(index)) result.falseNegatives.push(practice);
  });
  return result;
}

export interface Totals {
  articles: number;
  gold: number;
  predicted: number;
  matched: number;
  categoryCorrect: number;
}

export function emptyTotals(): Totals {
  return { articles: 0, gold: 0, predicted: 0, matched: 0, categoryCorrect: 0 };
}

export function addScore(totals: Totals, score: ArticleScore): void {
  totals.articles++;
  totals.matched += score.truePositives.length;
  totals.gold += score.truePositives.length + score.falseNegatives.length;
  totals.predicted += score.truePositives.length + score.falsePositives.length;
  totals.categoryCorrect += score.truePositives.filter((pair) => pair.predicted.category === pair.gold.category).length;
}

export function rates(totals: Totals): { precision: number; recall: number; f1: number; categoryAccuracy: number } {
  const precision = totals.predicted === 0 ? 0 : totals.matched / totals.predicted;
  const recall = totals.gold === 0 ? 0 : totals.matched / totals.gold;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    categoryAccuracy: totals.matched === 0 ? 0 : totals.categoryCorrect / totals.matched,
  };
}
