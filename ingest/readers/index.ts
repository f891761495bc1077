/**
 * Corpus readers: find the ingestible files in the corpus folder and turn each into
 * `SourceArticle`s (decoded plain text, one block per line, plus metadata the file states).
 * Anything that cannot be read becomes an `IngestProblem` naming the file and line; readers never
 * throw for bad content, so one broken file never stops an ingest.
 */
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { IngestProblem, SourceArticle, SourceFormat } from '../../core/documents.ts';
import { AppError } from '../../core/errors.ts';
import type { ArchiveLimits } from './archive-guard.ts';
import { decodeText } from './decode.ts';
import { docxToText } from './docx.ts';
import { splitFrontMatter } from './front-matter.ts';
import { htmlToArticle, sniffHtmlCharset } from './html.ts';
import { readJsonl } from './jsonl.ts';
import { markdownToText } from './markdown.ts';
import { pdfToText } from './pdf.ts';
import { describeError, problem } from './problems.ts';
import { normalizeNewlines } from './text.ts';

export { problemReasons, type ProblemReason } from './problems.ts';

/** Limits for reading one file. The defaults suit any real article; tests lower them. */
export interface ReaderOptions {
  /** Files (other than .jsonl, which is streamed) above this size are reported TOO_LARGE. */
  maxFileBytes?: number;
  /** .jsonl lines above this size are reported TOO_LARGE and skipped. */
  maxLineBytes?: number;
  /** Limits for .docx archives (entries, unpacked size, ratio); see archive-guard.ts. */
  archiveLimits?: Partial<ArchiveLimits>;
}

export const defaultMaxFileBytes = 50 * 1024 * 1024;
export const defaultMaxLineBytes = 10 * 1024 * 1024;

const formatsByExtension: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.jsonl': 'jsonl',
};

/** The extensions the readers accept, e.g. for a CLI help text. */
export const supportedExtensions: readonly string[] = Object.keys(formatsByExtension);

/** The format of a corpus file by its (case-insensitive) extension, or undefined when unsupported. */
export function formatOf(relativePath: string): SourceFormat | undefined {
  return formatsByExtension[path.posix.extname(relativePath).toLowerCase()];
}

/** The docId of a whole-file article: its relative path without the extension. */
export function docIdFor(relativePath: string): string {
  return relativePath.replace(/\.[^./]+$/, '');
}

/** True when the reader output is a problem rather than an article. */
export function isIngestProblem(x: SourceArticle | IngestProblem): x is IngestProblem {
  return 'reason' in x;
}

/** Whether `target` (a resolved path) is `root` or inside it. */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Lists ingestible files under `corpusDir` recursively, sorted by relative path (stable),
 * skipping dot-files/dirs, node_modules and Office lock files (`~$…`). Returns relative paths
 * with forward slashes.
 * Unsupported extensions are returned separately so ingest can report them as skipped.
 * Symlinked files and folders are followed (each folder once) while they stay inside the corpus
 * folder; links that lead out of it (`passwd.txt -> /etc/passwd`) are never followed and are
 * returned as `outside`, so ingest can say so. Dangling links are left out. Throws
 * INPUT_UNREADABLE when a folder cannot be listed: a partial listing would silently drop articles
 * from the index.
 */
export async function discoverCorpusFiles(corpusDir: string): Promise<{ files: string[]; unsupported: string[]; outside: string[] }> {
  const files: string[] = [];
  const unsupported: string[] = [];
  const outside: string[] = [];
  const visited = new Set<string>();
  let root: string | undefined;

  const walk = async (absoluteDir: string, relativeDir: string): Promise<void> => {
    let entries;
    try {
      const real = await realpath(absoluteDir);
      root ??= real;
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(absoluteDir, { withFileTypes: true });
    } catch (error) {
      throw new AppError('INPUT_UNREADABLE', `Cannot list corpus folder ${absoluteDir}: ${describeError(error)}`, {
        cause: error,
        details: { path: relativeDir === '' ? '.' : relativeDir },
      });
    }
    for (const entry of entries) {
      // "~$name.docx" files are Office lock files beside an open document, never articles.
      if (entry.name.startsWith('.') || entry.name.startsWith('~$') || entry.name === 'node_modules') continue;
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      const absolute = path.join(absoluteDir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Dangling links are left out: there is nothing to read, and callers stat every listed file.
        const target = await realpath(absolute).catch(() => undefined);
        if (target !== undefined && !isInside(root!, target)) {
          outside.push(relative);
          continue;
        }
        const info = target === undefined ? undefined : await stat(target).catch(() => undefined);
        isDirectory = info?.isDirectory() ?? false;
        isFile = info?.isFile() ?? false;
      }
      if (isDirectory) await walk(absolute, relative);
      else if (isFile) (formatOf(relative) === undefined ? unsupported : files).push(relative);
    }
  };

  await walk(corpusDir, '');
  // Plain code-unit order, not localeCompare: the listing must not depend on the machine's locale.
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(byPath), unsupported: unsupported.sort(byPath), outside: outside.sort(byPath) };
}

/**
 * Reads one corpus file and yields its articles (one for most formats; one per line for .jsonl)
 * and, for anything that cannot be read, an IngestProblem (file and line) — never throws for bad
 * content. `relativePath` is relative to `corpusDir`, as `discoverCorpusFiles` returns it.
 */
export async function* readCorpusFile(
  corpusDir: string,
  relativePath: string,
  options: ReaderOptions = {},
): AsyncGenerator<SourceArticle | IngestProblem> {
  const sourcePath = relativePath.replace(/\\/g, '/');
  const format = formatOf(sourcePath);
  if (format === undefined) {
    const extension = path.posix.extname(sourcePath) || '(no extension)';
    yield problem(sourcePath, 'UNSUPPORTED', `unsupported file type ${extension}; supported: ${supportedExtensions.join(' ')}`);
    return;
  }

  const absolute = path.resolve(corpusDir, sourcePath);
  if (absolute === path.resolve(corpusDir) || !isInside(path.resolve(corpusDir), absolute)) {
    yield problem(sourcePath, 'UNREADABLE', 'path is outside the corpus folder');
    return;
  }
  let handle: FileHandle;
  try {
    // The file as resolved, and only if it is still inside the corpus: a link that leads out (or
    // was swapped in after the listing) is not followed.
    const [root, real] = await Promise.all([realpath(corpusDir), realpath(absolute)]);
    if (!isInside(root, real)) {
      yield problem(sourcePath, 'OUTSIDE_CORPUS', 'is a link to a file outside the corpus folder; links out of the corpus are not followed');
      return;
    }
    handle = await open(real, 'r');
  } catch (error) {
    yield problem(sourcePath, 'UNREADABLE', `cannot open file (${describeError(error)})`);
    return;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      yield problem(sourcePath, 'UNREADABLE', info.isDirectory() ? 'is a folder, not a file' : 'is not a regular file');
      return;
    }
    if (format === 'jsonl') {
      yield* readJsonl(handle, sourcePath, docIdFor(sourcePath), { maxLineBytes: options.maxLineBytes ?? defaultMaxLineBytes });
      return;
    }
    const maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
    if (info.size > maxFileBytes) {
      yield problem(sourcePath, 'TOO_LARGE', `file is ${formatMegabytes(info.size)}, above the ${formatMegabytes(maxFileBytes)} limit per file`);
      return;
    }
    if (info.size === 0) {
      yield problem(sourcePath, 'EMPTY', 'file is empty (0 bytes)');
      return;
    }
    const bytes = await handle.readFile();
    yield await readWholeFile(bytes, format, sourcePath, options);
  } catch (error) {
    yield problem(sourcePath, 'UNREADABLE', `read failed (${describeError(error)})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Converts the bytes of a single-article file. */
async function readWholeFile(bytes: Buffer, format: Exclude<SourceFormat, 'jsonl'>, sourcePath: string, options: ReaderOptions): Promise<SourceArticle | IngestProblem> {
  const article = (text: string, given: SourceArticle['given']): SourceArticle => ({ docId: docIdFor(sourcePath), sourcePath, format, text, given });

  if (format === 'docx') {
    const result = await docxToText(bytes, options.archiveLimits);
    if (!result.ok) {
      // Renamed Word 97-2003 files are common; say so instead of "end of central directory not found".
      const legacy = bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
      const detail = legacy
        ? 'is a legacy Word .doc file, not .docx; save it as .docx'
        : result.refused
          ? `refused before unpacking: ${result.detail}`
          : `not a readable .docx (${result.detail})`;
      return problem(sourcePath, 'MALFORMED_DOCX', detail);
    }
    return result.text.trim() === '' ? problem(sourcePath, 'EMPTY', 'document contains no text') : article(result.text, {});
  }

  if (format === 'pdf') {
    const result = await pdfToText(bytes);
    if (!result.ok) return problem(sourcePath, result.reason, result.reason === 'MALFORMED_PDF' ? `not a readable PDF (${result.detail})` : result.detail);
    return article(result.text, {});
  }

  const decoded = decodeText(bytes, { declaredCharset: format === 'html' ? sniffHtmlCharset(bytes) : undefined });
  if (!decoded.ok) return problem(sourcePath, decoded.reason, decoded.detail);
  const text = normalizeNewlines(decoded.text);
  if (text.trim() === '') return problem(sourcePath, 'EMPTY', 'file contains only whitespace');

  if (format === 'html') {
    const page = htmlToArticle(text);
    return page.text.trim() === '' ? problem(sourcePath, 'EMPTY', 'page has no text content') : article(page.text, page.given);
  }

  const { given, body } = splitFrontMatter(text);
  if (body.trim() === '') return problem(sourcePath, 'EMPTY', 'file has front matter but no text');
  if (format === 'md') {
    const markdown = markdownToText(body);
    if (markdown.text.trim() === '') return problem(sourcePath, 'EMPTY', 'markdown has no text content');
    if (given.title === undefined && markdown.title !== undefined) given.title = markdown.title;
    return article(markdown.text, given);
  }
  // Plain text is passed on as written (cleaning is clean.ts's job); only blank lines around it go.
  return article(body.replace(/^(?:[ \t]*\n)+/, '').trimEnd(), given);
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${bytes} bytes`;
}
