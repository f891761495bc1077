/**
 * Drafts and tables judged item by item against the passages a careful reader accepts. An item is
 * what one citation shows: a line of a 会议材料 draft, or a cell of a 院校对比 table. It is on topic
 * when its quote shares `overlapAtLeast` characters in a row with an accepted passage of its
 * college, and in the right section when such a passage belongs where the item stands.
 */
import type { AnswerEnd } from '../core/answer/protocol.ts';
import { normalizeForMatch, type DraftSection, type RelevantPassage } from './answer-set.ts';

/** What one citation of a draft or table shows, and where. */
export interface ShownItem {
  college: string;
  quote: string;
  section: DraftSection;
}

export interface ItemJudgement {
  shown: number;
  onTopic: number;
  rightSection: number;
}

/** Characters in a row an item must share with an accepted passage (fewer when the passage is shorter). */
export const overlapAtLeast = 8;

const sectionOfHeading: readonly [RegExp, DraftSection][] = [
  [/背景/u, '背景'],
  [/做法/u, '做法'],
  [/成效/u, '成效'],
  [/启示/u, '启示'],
];

/** The items of an answer: a table's cells by column, a draft's cited lines by section; none for other answers. */
export function shownItems(end: Pick<AnswerEnd, 'answer' | 'citations' | 'table' | 'mode'>): ShownItem[] {
  const byNumber = new Map(end.citations.map((citation) => [citation.n, citation]));
  const item = (n: number, section: DraftSection): ShownItem[] => {
    const citation = byNumber.get(n);
    return citation ? [{ college: citation.college, quote: citation.quote, section }] : [];
  };
  if (end.mode === 'compare') {
    return (end.table?.rows ?? []).flatMap((row) => [...(row.practice?.citations ?? []).flatMap((n) => item(n, '做法')), ...(row.outcome?.citations ?? []).flatMap((n) => item(n, '成效'))]);
  }
  if (end.mode !== 'summary') return [];
  const items: ShownItem[] = [];
  let section: DraftSection | null = null;
  for (const line of end.answer.split('\n')) {
    if (/^#{2,}\s/u.test(line)) {
      section = sectionOfHeading.find(([cue]) => cue.test(line))?.[1] ?? null;
      continue;
    }
    if (!section) continue;
    for (const marker of line.matchAll(/\[(\d+)\]/gu)) items.push(...item(Number(marker[1]), section));
  }
  return items;
}

/** The length of the longest run of characters two texts share. */
export function longestSharedRun(a: string, b: string): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] !== b[j - 1]) continue;
      current[j] = previous[j - 1]! + 1;
      if (current[j]! > best) best = current[j]!;
    }
    previous = current;
  }
  return best;
}

/** How many items are on topic, and how many of those stand in a section their passage belongs in. */
export function judgeItems(items: readonly ShownItem[], relevant: readonly RelevantPassage[]): ItemJudgement {
  let onTopic = 0;
  let rightSection = 0;
  for (const shown of items) {
    const quote = normalizeForMatch(shown.quote);
    const matches = relevant.filter((passage) => {
      if (passage.college !== shown.college) return false;
      const accepted = normalizeForMatch(passage.quote);
      return longestSharedRun(quote, accepted) >= Math.min(overlapAtLeast, accepted.length, quote.length);
    });
    if (matches.length === 0) continue;
    onTopic++;
    if (matches.some((passage) => passage.section === shown.section)) rightSection++;
  }
  return { shown: items.length, onTopic, rightSection };
}
