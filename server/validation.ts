/**
 * Request validation. Routes declare zod schemas for `body`, `querystring` and `params`;
 * fastify-type-provider-zod checks requests against them (and types `request.body` and friends
 * from them), and a failure becomes an AppError that names the field and the problem.
 */
import type { FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';

/** Fields whose over-long value is reported as QUERY_TOO_LONG rather than a generic bad request. */
const questionFields = new Set(['q', 'question', 'text']);

/**
 * Fastify's `schemaErrorFormatter`: a bad query string is INVALID_QUERY, a bad body or path
 * parameter BAD_REQUEST, and a too-long question field QUERY_TOO_LONG, with every offending field
 * in `details.issues`.
 */
export const schemaErrorToAppError: NonNullable<FastifyServerOptions['schemaErrorFormatter']> = (errors, part) => {
  // The type provider reports each zod issue with its path as `/a/b` and its code as the keyword.
  const paths = errors.map((error) => error.instancePath.split('/').slice(1).filter(Boolean));
  const issues = errors.map((error, index) => ({ field: paths[index]!.join('.') || '(root)', problem: error.message ?? '' }));
  const tooLong = errors.findIndex((error, index) => error.keyword === 'too_big' && questionFields.has(paths[index]!.at(-1) ?? ''));
  if (tooLong >= 0) {
    const maximum = errors[tooLong]!.params.maximum as number | bigint | undefined;
    return new AppError('QUERY_TOO_LONG', `${issues[tooLong]!.field} 过长（最多 ${maximum} 个字符）`, { details: { issues } });
  }
  const first = issues[0] ?? { field: '(root)', problem: 'invalid' };
  return new AppError(part === 'querystring' ? 'INVALID_QUERY' : 'BAD_REQUEST', `${first.field}: ${first.problem}`, { details: { issues } });
};

/** A JSON body schema under which a request without a body reads as `{}`, so the error names the missing fields. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return z.preprocess((body) => body ?? {}, schema);
}
