/**
 * A list of words looked up at a position of a text: the longest word that starts or ends there.
 * Extraction asks this for every character around every quotation and categorisation for every
 * character of an article, so a lookup goes through the words' first (or last) character: most
 * characters start no word and cost one Map lookup.
 */
export class WordList {
  private readonly words: ReadonlySet<string>;
  /** Lengths of the words, longest first, by their first and by their last character's code. */
  private readonly byFirst = new Map<number, number[]>();
  private readonly byLast = new Map<number, number[]>();

  constructor(words: Iterable<string>) {
    this.words = new Set([...words].filter((word) => word.length > 0));
    for (const word of this.words) {
      for (const [map, code] of [
        [this.byFirst, word.charCodeAt(0)],
        [this.byLast, word.charCodeAt(word.length - 1)],
      ] as const) {
        const lengths = map.get(code) ?? [];
        if (!lengths.includes(word.length)) lengths.push(word.length);
        lengths.sort((left, right) => right - left);
        map.set(code, lengths);
      }
    }
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The longest word ending exactly at `end` (and starting at `floor` or later), or null. */
  endingAt(text: string, end: number, floor = 0): string | null {
    if (end <= floor) return null;
    const lengths = this.byLast.get(text.charCodeAt(end - 1));
    if (!lengths) return null;
    for (const length of lengths) {
      if (end - length < floor) continue;
      const word = text.slice(end - length, end);
      if (this.words.has(word)) return word;
    }
    return null;
  }

  /** The longest word starting exactly at `start` (and ending by `limit`), or null. */
  startingAt(text: string, start: number, limit = text.length): string | null {
    const lengths = this.byFirst.get(text.charCodeAt(start));
    if (!lengths) return null;
    for (const length of lengths) {
      if (start + length > limit) continue;
      const word = text.slice(start, start + length);
      if (this.words.has(word)) return word;
    }
    return null;
  }

  /** The longest word that `text` ends with (starting at `floor` or later), or null. */
  suffixOf(text: string, floor = 0): string | null {
    return this.endingAt(text, text.length, floor);
  }

  /** Whether any word occurs in `text`. */
  occursIn(text: string): boolean {
    for (let index = 0; index < text.length; index++) if (this.byFirst.has(text.charCodeAt(index)) && this.startingAt(text, index) !== null) return true;
    return false;
  }

  /** Calls `visit` with every occurrence of every word in `text`, in order (overlapping ones too). */
  forEachOccurrence(text: string, visit: (word: string) => void): void {
    for (let index = 0; index < text.length; index++) {
      const lengths = this.byFirst.get(text.charCodeAt(index));
      if (!lengths) continue;
      for (const length of lengths) {
        if (index + length > text.length) continue;
        const word = text.slice(index, index + length);
        if (this.words.has(word)) visit(word);
      }
    }
  }
}
