/**
 * .docx → plain text with mammoth's raw-text extraction (one paragraph per line). Document
 * properties (docProps/core.xml) are not used as metadata: "title" there is usually a stale
 * template value and "creator" the Word account of whoever saved the file.
 */
import { AppError } from '../../core/errors.ts';
import { checkArchive, type ArchiveLimits } from './archive-guard.ts';
import { describeError } from './problems.ts';
import { toBlockLines } from './text.ts';

export type DocxOutcome = { ok: true; text: string } | { ok: false; detail: string; refused: boolean };

/**
 * Extracts the text of a .docx held in memory; a broken or non-docx zip, or one over the archive
 * limits (checked before mammoth unpacks anything), comes back as `{ ok: false }`.
 */
export async function docxToText(bytes: Buffer, archiveLimits?: Partial<ArchiveLimits>): Promise<DocxOutcome> {
  try {
    checkArchive(bytes, archiveLimits);
  } catch (error) {
    const refused = error instanceof AppError && error.code === 'ARCHIVE_REFUSED';
    return { ok: false, detail: describeError(error), refused };
  }
  try {
    // Loaded on first use: the server imports the readers (for freshness checks) but rarely reads .docx.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer: bytes });
    return { ok: true, text: toBlockLines(result.value) };
  } catch (error) {
    return { ok: false, detail: describeError(error), refused: false };
  }
}
