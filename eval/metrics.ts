/**
 * Ranking metrics at document level, as BEIR computes them: nDCG@k with graded relevance
 * (gain = relevance, log2 discount), Recall@k and MRR@k.
 */

/** Relevance judgements of one query: document id → grade (> 0 is relevant). */
export type Judgements = ReadonlyMap<string, number>;

export function ndcgAtK(ranking: readonly string[], judgements: Judgements, k: number): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((docId, index) => {
    const gain = judgements.get(docId) ?? 0;
    if (gain > 0) dcg += gain / Math.log2(index + 2);
  });
  const ideal = [...judgements.values()].filter((grade) => grade > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, gain, index) => sum + gain / Math.log2(index + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

export function recallAtK(ranking: readonly string[], judgements: Judgements, k: number): number {
  const relevant = [...judgements.entries()].filter(([, grade]) => grade > 0).map(([docId]) => docId);
  if (relevant.length === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((docId) => top.has(docId)).length / relevant.length;
}

export function mrrAtK(ranking: readonly string[], judgements: Judgements, k: number): number {
  const index = ranking.slice(0, k).findIndex((docId) => (judgements.get(docId) ?? 0) > 0);
  return index < 0 ? 0 : 1 / (index + 1);
}
