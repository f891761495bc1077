/**
 * One-character classes (`\p{Script=Han}`, `[\s\p{P}]`) as a table per UTF-16 code unit, for
 * scans that run over a whole corpus: a table read per character instead of a Unicode regular
 * expression (the regex forms were a large share of ingest time, see ingest/near-duplicates.ts and
 * `bigramKeys`). The table is built on first use, so modules that import it but never scan (the
 * server imports the tokenizer) pay nothing at start-up.
 */

/** A character class as `codeUnitClass` builds it. */
export interface CodeUnitClass {
  /** Per code unit: 1 in the class, 0 not, 2 a surrogate (its code point decides: `pairInClass`). */
  readonly units: Uint8Array;
  /** Whether the surrogate pair at `index` is a code point in the class (false for a lone surrogate). */
  pairInClass(text: string, index: number): boolean;
}

/** A lazily built `CodeUnitClass` for a regular-expression character class such as `\p{Script=Han}`. */
export function codeUnitClass(characterClass: string): () => CodeUnitClass {
  const single = new RegExp(`^${characterClass}$`, 'u');
  let built: CodeUnitClass | undefined;
  return () => {
    if (built) return built;
    const units = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) units[unit] = 2;
      else if (single.test(String.fromCharCode(unit))) units[unit] = 1;
    }
    built = {
      units,
      pairInClass: (text, index) => {
        const point = text.codePointAt(index)!;
        return point > 0xffff && single.test(String.fromCodePoint(point));
      },
    };
    return built;
  };
}
