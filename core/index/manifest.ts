/**
 * The index manifest: what an index generation holds and how it was built. Written last, so a
 * generation with a valid manifest is complete; read first, so a mismatch (schema, embedding
 * model, dimension) is reported before any vector is mixed with another model's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';

/** Bump when the on-disk layout changes; older indexes are then rebuilt, never misread. */
export const schemaVersion = 1;

export const manifestFile = 'manifest.json';

const problemSchema = z.object({ sourcePath: z.string(), line: z.number().optional(), reason: z.string(), message: z.string() });

export const manifestSchema = z.object({
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  buildMs: z.number(),
  corpus: z.object({ directory: z.string(), fingerprint: z.string(), files: z.number().int() }),
  counts: z.object({
    documents: z.number().int(),
    chunks: z.number().int(),
    duplicates: z.number().int(),
    skipped: z.number().int(),
    terms: z.number().int(),
    postings: z.number().int(),
  }),
  chunking: z.object({ size: z.number().int(), overlap: z.number().int() }),
  lexical: z.object({ tokenizer: z.string(), k1: z.number(), b: z.number(), bigramWeight: z.number(), documentWeight: z.number(), averageLength: z.number() }),
  embedding: z
    .object({
      model: z.string(),
      dimension: z.number().int().positive(),
      space: z.literal('ip'),
      m: z.number().int(),
      efConstruction: z.number().int(),
    })
    .nullable(),
  /** Byte size of every file of the generation, checked on load to catch truncation. */
  files: z.record(z.string(), z.number().int().nonnegative()),
  problems: z.array(problemSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Reads and validates a generation's manifest. */
export function readManifest(directory: string): Manifest {
  const file = path.join(directory, manifestFile);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('INDEX_MISSING', `${file} is missing`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new AppError('INDEX_CORRUPT', `${file} is not valid JSON`, { cause: error });
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== schemaVersion) {
    throw new AppError('INDEX_SCHEMA_MISMATCH', `${file} has schema version ${version}; this program reads version ${schemaVersion}. Run the ingest again.`, {
      details: { found: version, expected: schemaVersion },
    });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('INDEX_CORRUPT', `${file} is malformed: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** Checks that every file the manifest lists exists with the recorded size. */
export function verifyFiles(directory: string, manifest: Manifest): void {
  for (const [name, size] of Object.entries(manifest.files)) {
    let actual: number;
    try {
      actual = fs.statSync(path.join(directory, name)).size;
    } catch (error) {
      throw new AppError('INDEX_CORRUPT', `${path.join(directory, name)} is missing`, { cause: error });
    }
    if (actual !== size) {
      throw new AppError('INDEX_CORRUPT', `${path.join(directory, name)} has ${actual} bytes; the manifest says ${size}`);
    }
  }
}
