/**
 * Metadata corrections and exclusions made from the page, kept in the corpus folder itself
 * (`.metadata-overrides.json`), so the folder stays the whole source of truth: copy it elsewhere
 * and the next ingest builds the same index. Ingest applies them to what the readers produce:
 * a document's own override wins over its file's, and both win over what the file states or the
 * text reveals. Excluded documents (articles deleted from a multi-article .jsonl file) are left
 * out. The file is replaced atomically (a temporary file, then a rename).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { IngestProblem, SourceArticle } from '../documents.ts';
import { AppError } from '../errors.ts';

/** Where the overrides live, relative to the corpus folder (a dot-file: readers skip it). */
export const overridesFileName = '.metadata-overrides.json';

/** The fields a person may correct from the page. */
export const overridableFields = ['title', 'college', 'unit', 'date'] as const;
export type OverridableField = (typeof overridableFields)[number];

const fieldValue = z.string().trim().min(1).max(300);
export const metadataOverrideSchema = z
  .object({ title: fieldValue.optional(), college: fieldValue.optional(), unit: fieldValue.optional(), date: fieldValue.optional() })
  .strict();
export type MetadataOverride = z.infer<typeof metadataOverrideSchema>;

const overridesSchema = z.object({
  version: z.literal(1),
  /** By file (relative path): applies to every article the file holds. */
  files: z.record(z.string(), metadataOverrideSchema).default({}),
  /** By document id. */
  documents: z.record(z.string(), metadataOverrideSchema).default({}),
  /** Document ids left out of the index. */
  excluded: z.array(z.string()).default([]),
});
export type CorpusOverrides = z.infer<typeof overridesSchema>;

export function emptyOverrides(): CorpusOverrides {
  return { version: 1, files: {}, documents: {}, excluded: [] };
}

/**
 * Reads the overrides of `corpusDir` (none when the file is missing). A damaged file throws
 * INPUT_UNREADABLE naming it: ignoring it would quietly undo corrections and bring deleted
 * articles back.
 */
export function readOverrides(corpusDir: string): CorpusOverrides {
  const file = path.join(corpusDir, overridesFileName);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyOverrides();
    throw new AppError('INPUT_UNREADABLE', `cannot read ${overridesFileName} in the corpus folder: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('INPUT_UNREADABLE', `${overridesFileName} in the corpus folder is not valid JSON; fix or remove it`, { cause: error });
  }
  const parsed = overridesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('INPUT_UNREADABLE', `${overridesFileName} in the corpus folder: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Writes the overrides atomically; an empty set removes the file. */
export function writeOverrides(corpusDir: string, overrides: CorpusOverrides): void {
  const file = path.join(corpusDir, overridesFileName);
  const empty = Object.keys(overrides.files).length === 0 && Object.keys(overrides.documents).length === 0 && overrides.excluded.length === 0;
  if (empty) {
    fs.rmSync(file, { force: true });
    return;
  }
  const temporary = path.join(corpusDir, `${overridesFileName}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx');
    try {
      fs.writeSync(fd, `${JSON.stringify(overrides, null, 2)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Merges `change` into an override: a field given as a string sets it, as null removes it (the
 * extracted value comes back). Returns undefined when nothing is left.
 */
export function mergeOverride(current: MetadataOverride | undefined, change: Partial<Record<OverridableField, string | null>>): MetadataOverride | undefined {
  const next: MetadataOverride = { ...current };
  for (const field of overridableFields) {
    const value = change[field];
    if (value === undefined) continue;
    if (value === null || value.trim() === '') delete next[field];
    else next[field] = value.trim();
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

/** Applies overrides to one article from a reader; null when the article is excluded. */
export function applyOverrides(article: SourceArticle, overrides: CorpusOverrides, excluded: ReadonlySet<string> = new Set(overrides.excluded)): SourceArticle | null {
  if (excluded.has(article.docId)) return null;
  const byFile = overrides.files[article.sourcePath];
  const byDocument = overrides.documents[article.docId];
  if (!byFile && !byDocument) return article;
  return { ...article, given: { ...article.given, ...byFile, ...byDocument } };
}

/** What a reader yields, with overrides applied and excluded articles left out (problems pass through). */
export async function* withOverrides(items: AsyncIterable<SourceArticle | IngestProblem>, overrides: CorpusOverrides): AsyncGenerator<SourceArticle | IngestProblem> {
  const excluded = new Set(overrides.excluded);
  for await (const item of items) {
    if ('reason' in item) {
      yield item;
      continue;
    }
    const article = applyOverrides(item, overrides, excluded);
    if (article) yield article;
  }
}
