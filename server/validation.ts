/**
 * Validation of incoming data with zod: one schema per input, and a failure becomes an AppError
 * that names the field and the problem.
 */
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../core/errors.ts';

/**
 * Parses `input` with `schema`. On failure throws `code` (or QUERY_TOO_LONG when the problem is
 * a too-long question field) with the offending fields in `details`.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, code: ErrorCode = 'BAD_REQUEST'): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ field: issue.path.join('.') || '(root)', problem: issue.message }));
  const tooLong = result.error.issues.find((issue) => issue.code === 'too_big' && ['q', 'question', 'text'].includes(String(issue.path[issue.path.length - 1])));
  const first = issues[0]!;
  if (tooLong) {
    throw new AppError('QUERY_TOO_LONG', `${tooLong.path.join('.')} 过长（最多 ${(tooLong as { maximum?: number | bigint }).maximum} 个字符）`, { details: { issues } });
  }
  throw new AppError(code, `${first.field}: ${first.problem}`, { details: { issues } });
}
