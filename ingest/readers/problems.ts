/** Reason codes and message formatting for `IngestProblem`s, so every reader words them alike. */
import type { IngestProblem } from '../../core/documents.ts';

/** Stable reason codes: ingest reports and tests switch on these, never rename one. */
export const problemReasons = [
  'EMPTY',
  'BINARY',
  'UNDECODABLE',
  'UNREADABLE',
  'TOO_LARGE',
  'MALFORMED_JSON',
  'MISSING_FIELD',
  'INVALID_FIELD',
  'MALFORMED_DOCX',
  'MALFORMED_PDF',
  'NO_TEXT_LAYER',
  'UNSUPPORTED',
  'OUTSIDE_CORPUS',
] as const;

export type ProblemReason = (typeof problemReasons)[number];

/** Builds a problem whose message names the file (and line): `data.jsonl line 7: field "text" is missing`. */
export function problem(sourcePath: string, reason: ProblemReason, detail: string, line?: number): IngestProblem {
  const where = line === undefined ? sourcePath : `${sourcePath} line ${line}`;
  const result: IngestProblem = { sourcePath, reason, message: `${where}: ${detail}` };
  if (line !== undefined) result.line = line;
  return result;
}

/** A short, single-line description of something thrown, for a problem message. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = (message.split('\n')[0] ?? '').slice(0, 200);
  return typeof code === 'string' && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine;
}
