/**
 * Citation markers in generated text. Models write [1], [1,2], [1-3], 【1】 or ［来源1］; the
 * product shows [n] and only for sources that exist. Markers pointing at no source are removed,
 * while streaming and in the final answer alike.
 */

// Every way of matching a marker is unique (a label always takes the spaces after it), so a list
// that never closes costs linear time; written `\s*X?\s*`, each run of spaces could be split two
// ways per number, and backtracking through an unclosed list took exponential time.
const marker = /[[【［]\s*(?:(?:来源|资料|出处|source)\s*)?(\d{1,3}(?:\s*[,，、\-–~至]\s*(?:(?:来源|资料)\s*)?\d{1,3})*)\s*[\]】］]/gi;
/** Longer "markers" are text (a model's runaway list), shown as written; the stream holds back no more than this. */
const maxMarkerLength = 200;

/** Rewrites one marker's content to `[a][b]` for the valid numbers, or '' when none is valid. */
function rewriteMarker(content: string, valid: ReadonlySet<number>): { text: string; numbers: number[] } {
  const numbers: number[] = [];
  for (const part of content.split(/\s*[,，、]\s*/)) {
    const range = /^(?:来源|资料)?\s*(\d{1,3})\s*(?:[-–~至]\s*(?:来源|资料)?\s*(\d{1,3}))?$/.exec(part.trim());
    if (!range) continue;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    // Ranges are short in practice; a huge one is a typo, not 500 citations.
    for (let n = from; n <= Math.min(to, from + 20); n++) if (valid.has(n) && !numbers.includes(n)) numbers.push(n);
  }
  return { text: numbers.map((n) => `[${n}]`).join(''), numbers };
}

/** Normalises every marker in `text`, dropping those that point at no valid source. */
export function cleanCitationMarkers(text: string, valid: ReadonlySet<number>): { text: string; cited: number[] } {
  const cited: number[] = [];
  const cleaned = text.replace(marker, (match, content: string) => {
    if (match.length > maxMarkerLength) return match;
    const { text: replacement, numbers } = rewriteMarker(content, valid);
    for (const n of numbers) if (!cited.includes(n)) cited.push(n);
    return replacement;
  });
  return { text: cleaned, cited };
}

/** Citation numbers used in an already-clean text, in order of first use. */
export function citedNumbers(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (!numbers.includes(n)) numbers.push(n);
  }
  return numbers;
}

const openers = new Set(['[', '【', '［']);
const longestMarker = 24;
/** Text that can still grow into a marker: a list of sources ([来源1，来源2，…]) may be longer than `longestMarker`. */
const markerInProgress = /^[[【［][\s\d,，、\-–~至来源资料出处source]*$/i;

/**
 * Cleans markers in a stream of text deltas. Text after an opening bracket is held back until the
 * marker closes (or clearly is not a marker), so an invalid marker is never shown even briefly.
 * The concatenated output equals `cleanCitationMarkers` of the concatenated input.
 */
export class StreamingCitationFilter {
  private pending = '';

  constructor(private readonly valid: ReadonlySet<number>) {}

  /** Feeds a delta; returns the text that is safe to show now. */
  push(delta: string): string {
    this.pending += delta;
    let safeEnd = this.pending.length;
    const lastOpen = Math.max(...[...openers].map((opener) => this.pending.lastIndexOf(opener)));
    if (lastOpen >= 0) {
      const rest = this.pending.slice(lastOpen);
      const closed = /[\]】］]/.test(rest);
      if (!closed && rest.length <= maxMarkerLength && (rest.length < longestMarker || markerInProgress.test(rest))) safeEnd = lastOpen;
    }
    const ready = this.pending.slice(0, safeEnd);
    this.pending = this.pending.slice(safeEnd);
    return cleanCitationMarkers(ready, this.valid).text;
  }

  /** Returns whatever is left at the end of the stream. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return cleanCitationMarkers(rest, this.valid).text;
  }
}
