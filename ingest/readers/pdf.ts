/**
 * PDF → plain text from the text layer (unpdf / pdf.js). No OCR: a scanned PDF has no text layer
 * and is reported as such so someone can OCR it.
 *
 * pdf.js gives one line per visual line, so a paragraph typeset over several lines arrives broken
 * mid-sentence. `rejoinWrappedLines` undoes that, conservatively: only lines that run to the full
 * text width and do not end a sentence are joined with the next.
 */
import { garbageReport } from './decode.ts';
import { describeError } from './problems.ts';
import { isCjk, joinWrapped, lastChar, toBlockLines } from './text.ts';

export type PdfOutcome =
  | { ok: true; text: string; pages: number }
  | { ok: false; reason: 'MALFORMED_PDF' | 'NO_TEXT_LAYER' | 'UNDECODABLE'; detail: string };

/** Extracts the text layer of a PDF held in memory. */
export async function pdfToText(bytes: Uint8Array): Promise<PdfOutcome> {
  // Loaded on first use: pdf.js is large and most corpora have no PDFs.
  const { extractText, getDocumentProxy } = await import('unpdf');
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may transfer (detach) the buffer it is given, so it gets a copy.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    return { ok: false, reason: 'MALFORMED_PDF', detail: describeError(error) };
  }
  try {
    const { totalPages, text } = await extractText(document, { mergePages: false });
    const pages = text.map((page) => rejoinWrappedLines(toBlockLines(page)));
    const joined = toBlockLines(pages.join('\n'));
    if (joined.trim() === '') {
      return { ok: false, reason: 'NO_TEXT_LAYER', detail: `none of its ${totalPages} page(s) has a text layer (scanned? OCR it first)` };
    }
    // Fonts without a usable Unicode map come out as raw glyph codes (control characters, U+FFFD).
    const garbage = garbageReport(joined);
    if (garbage) return { ok: false, reason: 'UNDECODABLE', detail: `text layer does not map to Unicode (${garbage}); OCR it instead` };
    return { ok: true, text: joined, pages: totalPages };
  } catch (error) {
    return { ok: false, reason: 'MALFORMED_PDF', detail: describeError(error) };
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

// A line ending in one of these (optionally followed by closing quotes/brackets) ends a sentence,
// a list item or a heading lead-in, so the line break is real.
const sentenceEnd = /[。！？!?；;：:…]["'”’」』）)\]】》]*$/u;
// Lines starting like this begin a new heading or list item even when the previous line is full.
const blockStart = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)]|第[一二三四五六七八九十百\d]+[章节条部分]|[•●■◆▪·\-–—*])/u;

/**
 * Joins lines that PDF layout broke mid-sentence in Chinese text. A line is treated as wrapped
 * when it is about as long as the longest lines of the page (it hit the right margin), does not
 * end a sentence, and both sides of the break are Chinese; the next line must not start a
 * heading or list item. Short lines (titles, last lines of paragraphs) are never joined.
 */
export function rejoinWrappedLines(pageText: string): string {
  const lines = pageText.split('\n');
  const widths = lines.map(displayWidth).sort((a, b) => b - a);
  // The typical full-line width: the 20th-percentile longest line, so one overlong line does not set the bar.
  const fullWidth = widths[Math.floor(widths.length * 0.2)] ?? 0;
  // Below ~20 Chinese characters a "full" line is more likely a list or table than typeset prose.
  if (lines.length < 2 || fullWidth < 40) return pageText;

  const out: string[] = [];
  let current = lines[0] ?? '';
  let currentLastLine = current;
  for (const next of lines.slice(1)) {
    const previous = currentLastLine.trimEnd();
    const wrapped =
      displayWidth(previous) >= fullWidth * 0.9 &&
      !sentenceEnd.test(previous) &&
      isCjk(lastChar(previous)) &&
      isCjk(Array.from(next.trimStart())[0]) &&
      !blockStart.test(next.trimStart());
    if (wrapped) current = joinWrapped(current, next);
    else {
      out.push(current);
      current = next;
    }
    currentLastLine = next;
  }
  out.push(current);
  return out.join('\n');
}

/** Width in half-width units: CJK characters count double, as they do on the page. */
function displayWidth(line: string): number {
  let width = 0;
  for (const char of line.trim()) width += isCjk(char) ? 2 : 1;
  return width;
}
