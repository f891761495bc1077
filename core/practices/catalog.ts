/**
 * The practice catalog (做法库) of one index generation: every practice found at ingest, looked up
 * by id, filtered by category, college, year and words, summarised as a category × college matrix,
 * and compared across colleges. Immutable; the comparison and name indexes are built on first use.
 */
import { plainName } from './names.ts';
import type { PracticeRecord } from './record.ts';
import { SimilarityIndex, type Comparable, type PracticeVectors } from './similarity.ts';
import { practiceCategories, type PracticeCategory } from './taxonomy.ts';

/** The column of practices whose article names no college. */
export const unknownCollege = '未注明院校';

export interface PracticeFilter {
  category?: PracticeCategory | undefined;
  /** A college, or `unknownCollege` for practices of articles that name none. */
  college?: string | undefined;
  year?: number | undefined;
  /** Words that must all occur in the practice (name, parts, description, college, unit, title). */
  q?: string | undefined;
}

export interface CatalogSummary {
  total: number;
  categories: { name: PracticeCategory; description: string; count: number }[];
  /** Colleges with practices, most first (`unknownCollege` last). */
  colleges: { name: string; count: number }[];
  years: { year: number; count: number }[];
  /** Non-empty cells of the category × college matrix. */
  cells: { category: PracticeCategory; college: string; count: number }[];
}

/** The college column of a practice. */
export function collegeColumn(record: PracticeRecord): string {
  return record.college || unknownCollege;
}

/** The year of a practice's article, 0 when unknown. */
export function yearOf(record: PracticeRecord): number {
  return /^\d{4}/.test(record.date) ? Number(record.date.slice(0, 4)) : 0;
}

export class PracticeCatalog {
  private readonly index = new Map<string, number>();
  private readonly similarity: { lexical?: SimilarityIndex; hybrid?: SimilarityIndex } = {};
  private searchTexts: string[] | null = null;
  private summaryCache: CatalogSummary | null = null;

  /**
   * @param practices in article order
   * @param vectors embeddings of the practices (row per practice) and the model that made them
   */
  constructor(
    readonly practices: readonly PracticeRecord[],
    readonly vectors: (PracticeVectors & { model: string }) | null = null,
  ) {
    practices.forEach((record, position) => this.index.set(record.id, position));
  }

  get size(): number {
    return this.practices.length;
  }

  byId(id: string): PracticeRecord | undefined {
    const position = this.index.get(id);
    return position === undefined ? undefined : this.practices[position];
  }

  private searchText(position: number): string {
    this.searchTexts ??= this.practices.map((record) =>
      plainName([record.name.text, ...record.components.map((part) => part.text), record.description.text, record.college, record.unit, record.title, record.category].join(' ')),
    );
    return this.searchTexts[position]!;
  }

  /**
   * The practices that pass `filter`, in article order; with words, those whose name holds them
   * come first, then those whose parts or description do.
   */
  filter(filter: PracticeFilter): PracticeRecord[] {
    const words = (filter.q ?? '')
      .split(/[\s,，、;；]+/)
      .map(plainName)
      .filter((word) => word.length > 0);
    const matches: { record: PracticeRecord; rank: number }[] = [];
    this.practices.forEach((record, position) => {
      if (filter.category && record.category !== filter.category) return;
      if (filter.college && collegeColumn(record) !== filter.college) return;
      if (filter.year && yearOf(record) !== filter.year) return;
      if (words.length > 0) {
        const text = this.searchText(position);
        if (!words.every((word) => text.includes(word))) return;
        const name = plainName(record.name.text);
        matches.push({ record, rank: words.every((word) => name.includes(word)) ? 0 : 1 });
      } else matches.push({ record, rank: 0 });
    });
    return matches.sort((left, right) => left.rank - right.rank).map((match) => match.record);
  }

  /** Counts by category, college, year, and the category × college matrix. */
  summary(): CatalogSummary {
    if (this.summaryCache) return this.summaryCache;
    const byCategory = new Map<string, number>();
    const byCollege = new Map<string, number>();
    const byYear = new Map<number, number>();
    const cells = new Map<string, { category: PracticeCategory; college: string; count: number }>();
    for (const record of this.practices) {
      const college = collegeColumn(record);
      byCategory.set(record.category, (byCategory.get(record.category) ?? 0) + 1);
      byCollege.set(college, (byCollege.get(college) ?? 0) + 1);
      const year = yearOf(record);
      if (year) byYear.set(year, (byYear.get(year) ?? 0) + 1);
      const key = `${record.category}\n${college}`;
      const cell = cells.get(key);
      if (cell) cell.count++;
      else cells.set(key, { category: record.category, college, count: 1 });
    }
    this.summaryCache = {
      total: this.practices.length,
      categories: practiceCategories.map((category) => ({ name: category.name, description: category.description, count: byCategory.get(category.name) ?? 0 })),
      colleges: [...byCollege.entries()]
        .sort((left, right) => Number(left[0] === unknownCollege) - Number(right[0] === unknownCollege) || right[1] - left[1] || left[0].localeCompare(right[0], 'zh'))
        .map(([name, count]) => ({ name, count })),
      years: [...byYear.entries()].sort((left, right) => right[0] - left[0]).map(([year, count]) => ({ year, count })),
      cells: [...cells.values()],
    };
    return this.summaryCache;
  }

  /**
   * Practices of other colleges comparable with practice `id` (same category first). `useVectors`
   * says whether the practice embeddings may be used: only when the server embeds with their model.
   */
  comparable(id: string, limit = 6, useVectors = false): Comparable[] {
    const position = this.index.get(id);
    if (position === undefined) return [];
    const hybrid = useVectors && this.vectors !== null;
    const index = hybrid ? (this.similarity.hybrid ??= new SimilarityIndex(this.practices, this.vectors)) : (this.similarity.lexical ??= new SimilarityIndex(this.practices));
    return index.comparable(position, limit);
  }
}
