/**
 * The practices a question names (“三亮三比”是怎么做的？), so that an answer can link to their pages
 * in the 做法库. A practice is named by its quoted core (三亮三比) or its whole name without head word
 * (政治素质首关), written with or without quotation marks; a two-character core (五星) counts only
 * when the question quotes it.
 */
import type { PracticeCatalog } from './catalog.ts';
import { plainName, practiceKey, quotedCores } from './names.ts';

/** A link from an answer to a practice page. */
export interface PracticeLink {
  id: string;
  name: string;
  college: string;
}

const longestKey = 30;
const nameIndexes = new WeakMap<PracticeCatalog, Map<string, number[]>>();

function nameIndex(catalog: PracticeCatalog): Map<string, number[]> {
  let index = nameIndexes.get(catalog);
  if (index) return index;
  index = new Map();
  catalog.practices.forEach((record, position) => {
    const keys = new Set([...quotedCores(record.name.text), practiceKey(record.name.text), plainName(record.name.text)]);
    for (const key of keys) {
      if (key.length < 2 || key.length > longestKey) continue;
      const list = index!.get(key);
      if (list) list.push(position);
      else index!.set(key, [position]);
    }
  });
  nameIndexes.set(catalog, index);
  return index;
}

/** The practices `question` names, longest names first, at most `limit`. */
export function practicesNamedIn(catalog: PracticeCatalog, question: string, limit = 5): PracticeLink[] {
  if (catalog.size === 0) return [];
  const index = nameIndex(catalog);
  const plain = plainName(question);
  const quoted = new Set(quotedCores(question.replace(/["「『]/g, '“').replace(/["」』]/g, '”')));
  const found: { key: string; start: number; positions: number[] }[] = [];
  for (let start = 0; start < plain.length; start++) {
    for (let length = Math.min(longestKey, plain.length - start); length >= 2; length--) {
      const key = plain.slice(start, start + length);
      const positions = index.get(key);
      if (!positions || (length === 2 && !quoted.has(key))) continue;
      found.push({ key, start, positions });
      break;
    }
  }
  // A name inside a longer one found at an earlier start (三亮 inside 三亮三比) does not count.
  const kept = found.filter((match) => !found.some((other) => other !== match && other.start <= match.start && other.start + other.key.length >= match.start + match.key.length && other.key.length > match.key.length));
  kept.sort((left, right) => right.key.length - left.key.length);
  const links: PracticeLink[] = [];
  const seen = new Set<number>();
  for (const match of kept) {
    for (const position of match.positions) {
      if (seen.has(position)) continue;
      seen.add(position);
      const record = catalog.practices[position]!;
      links.push({ id: record.id, name: record.name.text, college: record.college });
      if (links.length === limit) return links;
    }
  }
  return links;
}

/**
 * The `practices` field of an answer: the practices its question names, or nothing (no field)
 * when it names none or the index has no catalog.
 */
export function practiceLinks(catalog: PracticeCatalog | null | undefined, question: string): { practices?: PracticeLink[] } {
  if (!catalog) return {};
  const practices = practicesNamedIn(catalog, question);
  return practices.length > 0 ? { practices } : {};
}
