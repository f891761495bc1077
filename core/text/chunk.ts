/**
 * Cuts a cleaned Chinese document into passages along its structure: headings (`一、` `（一）`
 * `1.` and short unnumbered title lines), then paragraphs, then sentence ends. Every passage is a
 * contiguous span of the document, so `text.slice(start, end)` is exactly what gets cited and
 * highlighted.
 */
import { splitSentences, type Span } from './sentences.ts';

export interface ChunkOptions {
  /** Target passage length in characters. */
  size: number;
  /** Characters of trailing sentences repeated at the start of the next passage when a passage is cut for length. */
  overlap: number;
}

/** A heading found in the document. Level 1 is outermost. */
export interface Heading extends Span {
  level: number;
  text: string;
}

/** A passage: a span of the document plus the headings it sits under (indices into `headings`). */
export interface ChunkSpan extends Span {
  headingPath: number[];
}

export interface ChunkedDocument {
  headings: Heading[];
  chunks: ChunkSpan[];
}

const chineseNumeral = '[一二三四五六七八九十百零〇]+';
const headingPatterns: { pattern: RegExp; level: number }[] = [
  { pattern: new RegExp(`^(?:第${chineseNumeral}[章节部分篇]|${chineseNumeral}[、.．])`), level: 1 },
  { pattern: new RegExp(`^[（(]${chineseNumeral}[)）]`), level: 2 },
  { pattern: /^\d{1,2}[、.．](?!\d)/, level: 3 },
  { pattern: /^[（(]\d{1,2}[)）]/, level: 4 },
];
const maxHeadingLength = 60;
const maxUnnumberedHeadingLength = 30;
const sentenceEnd = /[。！？；!?…]["”’」』）)]*$/;
const innerPunctuation = /[。，；！？,;!?]/;

interface Line extends Span {
  headingLevel: number;
}

/** Splits the document into lines (paragraphs) and tells headings from body text. */
function classifyLines(text: string): Line[] {
  const lines: Line[] = [];
  let position = 0;
  while (position <= text.length) {
    let end = text.indexOf('\n', position);
    if (end === -1) end = text.length;
    let start = position;
    let stop = end;
    while (start < stop && /\s/.test(text[start] ?? '')) start++;
    while (stop > start && /\s/.test(text[stop - 1] ?? '')) stop--;
    if (stop > start) lines.push({ start, end: stop, headingLevel: 0 });
    position = end + 1;
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const content = text.slice(line.start, line.end);
    const next = lines[index + 1];
    if (content.length > maxHeadingLength || sentenceEnd.test(content)) continue;
    const numbered = headingPatterns.find(({ pattern }) => pattern.test(content));
    if (numbered) {
      line.headingLevel = numbered.level;
      continue;
    }
    // A short line without sentence punctuation, followed by a longer paragraph, is a section
    // title such as `不忘初心强使命 示范创建树标杆`.
    if (
      content.length <= maxUnnumberedHeadingLength &&
      !innerPunctuation.test(content) &&
      next !== undefined &&
      next.end - next.start > content.length * 2
    ) {
      line.headingLevel = 1;
    }
  }
  return lines;
}

interface Atom extends Span {
  heading: Heading | undefined;
  paragraphStart: boolean;
}

/** Where to cut text starting at `start` so the piece is at most `limit` long: after a comma in its second half, else hard. */
function cutPoint(text: string, start: number, limit: number): number {
  for (let index = start + limit; index > start + limit / 2; index--) {
    if ('，、,：:'.includes(text[index - 1] ?? '')) return index;
  }
  // Never cut between the halves of a surrogate pair.
  return /[\uDC00-\uDFFF]/.test(text[start + limit] ?? '') ? start + limit - 1 : start + limit;
}

/** Splits a sentence longer than `limit` at commas, or hard at `limit` characters. */
function splitLong(text: string, span: Span, limit: number): Span[] {
  if (span.end - span.start <= limit) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > limit) {
    const cut = cutPoint(text, start, limit);
    pieces.push({ start, end: cut });
    start = cut;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}

/**
 * Chunks `text`. Passages break before level-1 and level-2 headings, at paragraph ends when the
 * next paragraph would overflow `size`, and at sentence ends inside long paragraphs. A heading is
 * never left alone at the end of a passage.
 */
export function chunkText(text: string, options: ChunkOptions): ChunkedDocument {
  const size = Math.max(20, options.size);
  const overlap = Math.max(0, Math.min(options.overlap, Math.floor(size / 2)));
  const headings: Heading[] = [];
  const atoms: Atom[] = [];
  for (const line of classifyLines(text)) {
    if (line.headingLevel > 0) {
      const heading: Heading = { start: line.start, end: line.end, level: line.headingLevel, text: text.slice(line.start, line.end) };
      headings.push(heading);
      atoms.push({ start: line.start, end: line.end, heading, paragraphStart: true });
      continue;
    }
    let first = true;
    for (const sentence of splitSentences(text, line.start, line.end)) {
      for (const piece of splitLong(text, sentence, size)) {
        atoms.push({ ...piece, heading: undefined, paragraphStart: first });
        first = false;
      }
    }
  }

  const chunks: ChunkSpan[] = [];
  const stack: Heading[] = [];
  const headingIndex = new Map(headings.map((heading, index) => [heading, index]));
  let current: Atom[] = [];
  let pathAtStart: number[] = [];

  const pathOf = (): number[] => stack.map((heading) => headingIndex.get(heading)!);
  const hasBody = (): boolean => current.some((item) => !item.heading);
  const lengthWith = (atom: Atom): number => (current.length === 0 ? atom.end - atom.start : atom.end - current[0]!.start);
  /** Closes the current passage; headings at its end move on to the next one. Returns the passage's atoms. */
  const emit = (): Atom[] => {
    let cut = current.length;
    while (cut > 0 && current[cut - 1]!.heading) cut--;
    const body = current.slice(0, cut);
    if (body.length > 0) chunks.push({ start: body[0]!.start, end: body[body.length - 1]!.end, headingPath: pathAtStart });
    current = current.slice(cut);
    return body;
  };

  for (let atomIndex = 0; atomIndex < atoms.length; atomIndex++) {
    let atom = atoms[atomIndex]!;
    if (atom.heading) {
      if (hasBody() && (atom.heading.level <= 2 || lengthWith(atom) > size)) emit();
      while (stack.length > 0 && stack[stack.length - 1]!.level >= atom.heading.level) stack.pop();
      stack.push(atom.heading);
      current.push(atom);
      continue;
    }
    if (hasBody() && lengthWith(atom) > size) {
      // Keep a sub-heading with its text: when the passage is cut shortly after a heading, the
      // heading and what follows it start the next passage instead.
      const lastHeading = current.findLastIndex((item) => item.heading);
      if (lastHeading > 0 && current.slice(0, lastHeading).some((item) => !item.heading)) {
        const tail = current.slice(lastHeading);
        const tailLength = tail[tail.length - 1]!.end - tail[0]!.start;
        if (tailLength + atom.end - atom.start <= size && tailLength <= size / 3) {
          current = current.slice(0, lastHeading);
          emit();
          current = tail;
          pathAtStart = pathOf();
          current.push(atom);
          continue;
        }
      }
      const previous = emit();
      // Cut inside a paragraph: repeat its last sentences (up to `overlap` characters) so the
      // next passage keeps the context of the sentence before it.
      if (current.length === 0 && !atom.paragraphStart) {
        let carriedLength = 0;
        for (let index = previous.length - 1; index > 0; index--) {
          const item = previous[index]!;
          carriedLength += item.end - item.start;
          // The overlap is context, never a reason to exceed `size`.
          if (item.heading || carriedLength > overlap || atom.end - item.start > size) break;
          current.unshift(item);
          if (item.paragraphStart) break;
        }
        if (current.length > 0) pathAtStart = pathOf();
      }
    }
    if (!hasBody()) {
      // Headings stay with their first sentence, and together they must still fit `size`: cut
      // that sentence where the passage is full and let the rest start the next passage. When
      // the headings alone nearly fill a passage, the sentence stays whole rather than leave a
      // sliver.
      const room = current.length > 0 ? current[0]!.start + size - atom.start : size;
      if (atom.end - atom.start > room && room >= size / 4) {
        const cut = cutPoint(text, atom.start, room);
        atoms.splice(atomIndex + 1, 0, { start: cut, end: atom.end, heading: undefined, paragraphStart: false });
        atom = { ...atom, end: cut };
      }
      pathAtStart = pathOf();
    }
    current.push(atom);
  }
  emit();
  // A document that ends in headings (or is only headings) still has that text in a passage.
  if (current.length > 0) chunks.push({ start: current[0]!.start, end: current[current.length - 1]!.end, headingPath: pathOf() });
  return { headings, chunks };
}
