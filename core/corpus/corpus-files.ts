/**
 * Changes to the corpus folder made from the page: uploads are staged inside the folder (a
 * dot-folder readers skip), then linked into place under a name of our making, never overwriting
 * a file; deleted files move to a dot-folder too, so a mistake can be undone by hand. A file name
 * from a browser is display text, never a path.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Uploads being received (left-overs of a crash are removed at start). */
export const stagingDirName = '.uploads';
/** Files deleted from the page, kept for `trashDays` days. */
export const trashDirName = '.trash';
const trashDays = 30;

/** Characters never kept in a file name: path separators, reserved on Windows, controls, invisible and bidirectional marks. */
const unsafeCharacters = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const windowsReserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** Longest base name in UTF-8 bytes: file systems allow 255, and the suffix ` (n)` and extension need room. */
const maxBaseBytes = 180;

export type FileNameProblem = { code: 'FILE_NAME_INVALID' | 'FILE_TYPE_UNSUPPORTED'; message: string };

/**
 * A file name for an upload, from the name the browser sent: its last path segment, normalised
 * (NFC), without unsafe characters, leading dots or Office's `~$`, at most 180 bytes before the
 * extension, which must be one of `extensions` (lower case, with the dot).
 */
export function safeFileName(given: string, extensions: readonly string[]): { name: string } | FileNameProblem {
  const segment = given.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = segment.replace(unsafeCharacters, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned === '' || /^\.+$/.test(cleaned)) return { code: 'FILE_NAME_INVALID', message: '文件名为空' };
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 || (dot === 0 && cleaned.length > 1) ? cleaned.slice(dot).toLowerCase() : '';
  if (!extensions.includes(extension)) {
    return { code: 'FILE_TYPE_UNSUPPORTED', message: `不支持的文件类型${extension ? ` ${extension}` : '（没有扩展名）'}，请上传 ${extensions.join(' ')} 文件` };
  }
  let base = cleaned
    .slice(0, dot)
    .replace(/^(?:[.\s-]|~\$)+/, '')
    .replace(/[.\s]+$/, '');
  if (windowsReserved.test(base)) base = `_${base}`;
  while (Buffer.byteLength(base) > maxBaseBytes) base = [...base].slice(0, -1).join('');
  return { name: `${base || '未命名'}${extension}` };
}

/** A new staging file for an upload, inside the corpus folder (so the final move is a link on one file system). */
export function stagingPath(corpusDir: string): string {
  const dir = path.join(corpusDir, stagingDirName);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}.part`);
}

/**
 * Moves a staged file into the corpus folder as `name`, or `name (2)`, `name (3)`… when taken:
 * the hard link fails rather than replace an existing file, so two uploads of one name never
 * overwrite each other. Returns the name used.
 */
export function placeStagedFile(staged: string, corpusDir: string, name: string): string {
  const extension = path.extname(name);
  const base = name.slice(0, name.length - extension.length);
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? name : `${base} (${attempt})${extension}`;
    try {
      fs.linkSync(staged, path.join(corpusDir, candidate));
      fs.rmSync(staged, { force: true });
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 1000) throw error;
    }
  }
}

/**
 * The absolute path of a corpus file given by its relative path, or null when that path leaves
 * the corpus folder, names a dot-file, or is not a regular file (links are not followed).
 */
export function corpusFile(corpusDir: string, sourcePath: string): string | null {
  const root = path.resolve(corpusDir);
  const absolute = path.resolve(root, sourcePath);
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  if (relative.split(path.sep).some((part) => part.startsWith('.'))) return null;
  try {
    return fs.lstatSync(absolute).isFile() ? absolute : null;
  } catch {
    return null;
  }
}

/** Moves a corpus file (an absolute path from `corpusFile`) into the trash folder. */
export function moveToTrash(corpusDir: string, absolute: string): void {
  const dir = path.join(corpusDir, trashDirName);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${stamp}-${randomBytes(3).toString('hex')}-${path.basename(absolute)}`);
  fs.renameSync(absolute, target);
  // Its age in the trash counts from now (a rename keeps the file's own, older time).
  const now = new Date();
  fs.utimesSync(target, now, now);
}

/** Removes what a crash left in the staging folder, and trash older than 30 days. */
export function tidyCorpusFolder(corpusDir: string, now = Date.now()): void {
  fs.rmSync(path.join(corpusDir, stagingDirName), { recursive: true, force: true });
  const trash = path.join(corpusDir, trashDirName);
  let entries: string[];
  try {
    entries = fs.readdirSync(trash);
  } catch {
    return;
  }
  for (const entry of entries) {
    const file = path.join(trash, entry);
    try {
      if (now - fs.lstatSync(file).mtimeMs > trashDays * 86_400_000) fs.rmSync(file, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
}
