/** The words a compound is made of, as jieba's search mode cuts it (媒体报道 → 媒体, 报道). */
import { getJieba } from '../text/tokenize.ts';

const partsCache = new Map<string, string[]>();

/** The parts of two or more characters of `word`, other than the word itself (cached). */
export function partsOf(word: string): string[] {
  let parts = partsCache.get(word);
  if (!parts) {
    parts = [...new Set(getJieba().cutForSearch(word, true).filter((part) => part !== word && [...part].length >= 2))];
    if (partsCache.size > 10_000) partsCache.clear();
    partsCache.set(word, parts);
  }
  return parts;
}
