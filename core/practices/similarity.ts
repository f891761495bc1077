/**
 * Comparable practices: for one practice, the practices of other colleges (or other organisations,
 * for articles that name no college) that do something alike. Same category first, then by
 * similarity of name, parts and description: tf-idf over Chinese character bigrams (the name
 * weighs most), mixed with the cosine of their embeddings when the index has practice vectors
 * for the model the server runs. Each comes with what the two share, for a one-line reason.
 */
import { tailStopVerbs, otherVerbs, reasonStopwords, strongVerbs, weakVerbs } from './cues.ts';
import { tokenize } from '../text/tokenize.ts';
import type { PracticeRecord } from './record.ts';

export interface Comparable {
  record: PracticeRecord;
  /** 0–1. */
  score: number;
  sameCategory: boolean;
  /** Words both practices use that say what they share, most telling first (at most 3). */
  shared: string[];
}

/** Practice embeddings, row i for practice i of the catalog. */
export interface PracticeVectors {
  dimension: number;
  data: Float32Array;
}

const fieldWeights = { name: 3, components: 1.5, description: 1 } as const;
/** Below this a practice of another category is not comparable at all. */
const minimumOtherCategory = 0.12;
/** Bigrams in more than this share of practices are not looked up (党建, 工作): they rank nothing. */
const commonShare = 0.15;
const vectorWeight = 0.4;

const hanRun = /[\u3400-\u9fff]{2,}/g;
const stopwords: ReadonlySet<string> = new Set([...reasonStopwords, ...strongVerbs, ...weakVerbs, ...otherVerbs, ...tailStopVerbs]);

function addBigrams(into: Map<string, number>, text: string, weight: number): void {
  for (const match of text.matchAll(hanRun)) {
    const run = match[0];
    for (let index = 0; index + 1 < run.length; index++) {
      const pair = run.slice(index, index + 2);
      into.set(pair, (into.get(pair) ?? 0) + weight);
    }
  }
}

/** The text a practice is compared by, field by field. */
function termsOf(record: PracticeRecord): Map<string, number> {
  const terms = new Map<string, number>();
  addBigrams(terms, record.name.text, fieldWeights.name);
  addBigrams(terms, record.components.map((part) => part.text).join('、'), fieldWeights.components);
  addBigrams(terms, record.description.text, fieldWeights.description);
  return terms;
}

/** Who a practice belongs to: its college, else its unit, else its article. */
export function ownerOf(record: PracticeRecord): string {
  return record.college || record.unit || record.docId;
}

/** The comparison index of a catalog, built on first use. */
export class SimilarityIndex {
  private readonly vectors: { weights: Map<string, number>; norm: number }[];
  private readonly postings = new Map<string, number[]>();
  private readonly byCategory = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly common: number;
  /** How many practices at most may use a bigram of a shared word (a tenth of them, at least 3). */
  private readonly telling: number;

  constructor(
    private readonly practices: readonly PracticeRecord[],
    private readonly embeddings: PracticeVectors | null = null,
  ) {
    const termLists = practices.map(termsOf);
    practices.forEach((record, index) => {
      const list = this.byCategory.get(record.category);
      if (list) list.push(index);
      else this.byCategory.set(record.category, [index]);
    });
    const documentFrequency = this.documentFrequency;
    termLists.forEach((terms, index) => {
      for (const term of terms.keys()) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(index);
      }
    });
    const total = Math.max(1, practices.length);
    for (const [term, frequency] of documentFrequency) this.idf.set(term, Math.log(1 + total / frequency));
    this.common = Math.max(20, Math.ceil(total * commonShare));
    this.telling = Math.max(3, total * 0.1);
    this.vectors = termLists.map((terms) => {
      const weights = new Map<string, number>();
      let sum = 0;
      for (const [term, frequency] of terms) {
        const weight = (1 + Math.log(frequency)) * this.idf.get(term)!;
        weights.set(term, weight);
        sum += weight * weight;
      }
      return { weights, norm: Math.sqrt(sum) || 1 };
    });
  }

  /** How informative a bigram is (higher: rarer across the catalog). */
  idfOf(term: string): number {
    return this.idf.get(term) ?? 0;
  }

  private cosine(left: number, right: number): number {
    if (!this.embeddings) return 0;
    const { dimension, data } = this.embeddings;
    let dot = 0;
    for (let index = 0; index < dimension; index++) dot += data[left * dimension + index]! * data[right * dimension + index]!;
    return dot;
  }

  /** The practices comparable with practice number `index`, best first. */
  comparable(index: number, limit: number): Comparable[] {
    const target = this.practices[index]!;
    const owner = ownerOf(target);
    const { weights, norm } = this.vectors[index]!;
    const dot = new Map<number, number>();
    for (const [term, weight] of weights) {
      const list = this.postings.get(term)!;
      if (list.length > this.common) continue;
      for (const other of list) {
        if (other === index) continue;
        dot.set(other, (dot.get(other) ?? 0) + weight * this.vectors[other]!.weights.get(term)!);
      }
    }
    // Every practice of the same category is a candidate, however it is worded: same category
    // comes first, and with embeddings wording matters less.
    const sameCategory = this.byCategory.get(target.category) ?? [];
    if (sameCategory.length <= 5000) for (const other of sameCategory) if (other !== index && !dot.has(other)) dot.set(other, 0);
    const results: Comparable[] = [];
    for (const [other, product] of dot) {
      const record = this.practices[other]!;
      if (ownerOf(record) === owner || record.docId === target.docId) continue;
      const lexical = product / (norm * this.vectors[other]!.norm);
      const score = this.embeddings ? (1 - vectorWeight) * lexical + vectorWeight * Math.max(0, this.cosine(index, other)) : lexical;
      const sameCategory = record.category === target.category;
      if (!sameCategory && score < minimumOtherCategory) continue;
      results.push({ record, score, sameCategory, shared: [] });
    }
    results.sort((left, right) => Number(right.sameCategory) - Number(left.sameCategory) || right.score - left.score);
    // One per owner: the best practice of each other college.
    const seen = new Set<string>();
    const chosen: Comparable[] = [];
    for (const result of results) {
      const other = ownerOf(result.record);
      if (seen.has(other)) continue;
      seen.add(other);
      chosen.push({ ...result, shared: this.sharedWords(target, result.record) });
      if (chosen.length === limit) break;
    }
    return chosen;
  }

  /**
   * What two practices share, as words: the jieba words both use in their names, parts and
   * descriptions, kept when one of their bigrams is rare enough in the catalog to mean something
   * (not 党建, 工作), words of both names first, then the rarer and longer.
   */
  sharedWords(left: PracticeRecord, right: PracticeRecord): string[] {
    const wordsOf = (text: string): Set<string> => new Set(tokenize(text).filter((word) => /^[\u3400-\u9fff]{2,}$/.test(word) && !stopwords.has(word)));
    const named = (record: PracticeRecord): Set<string> => wordsOf([record.name.text, ...record.components.map((part) => part.text)].join('，'));
    const leftNames = named(left);
    const rightNames = named(right);
    const mine = new Set([...leftNames, ...wordsOf(left.description.text)]);
    const scored: [string, number][] = [];
    for (const word of new Set([...rightNames, ...wordsOf(right.description.text)])) {
      if (!mine.has(word)) continue;
      // What the practices are, not how their articles happen to word it: a name's or part's word, or a long one.
      if (!leftNames.has(word) && !rightNames.has(word) && word.length < 3) continue;
      let rarest = 0;
      let fewest = Infinity;
      for (let index = 0; index + 1 < word.length; index++) {
        const bigram = word.slice(index, index + 2);
        rarest = Math.max(rarest, this.idfOf(bigram));
        fewest = Math.min(fewest, this.documentFrequency.get(bigram) ?? Infinity);
      }
      if (fewest > this.telling) continue;
      const inNames = (leftNames.has(word) ? 1 : 0) + (rightNames.has(word) ? 1 : 0) + 1;
      scored.push([word, rarest * inNames * Math.min(word.length, 4)]);
    }
    return scored
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([word]) => word);
  }
}

/** One line saying what a comparable practice shares with the one it is compared with. */
export function comparableReason(target: PracticeRecord, comparable: Comparable): string {
  const words = comparable.shared.map((word) => `“${word}”`).join('');
  if (comparable.sameCategory) return words ? `同属“${target.category}”，都涉及${words}` : `同属“${target.category}”`;
  return words ? `都涉及${words}（另属“${comparable.record.category}”）` : `做法相近（另属“${comparable.record.category}”）`;
}
