/** `GET /api/health`: what the server can do right now. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorCodes, type ErrorCode } from '../../core/errors.ts';
import type { AppDependencies } from '../deps.ts';
import { practiceCount } from './practices.ts';

function publicMessage(code: string): string {
  return code in errorCodes ? errorCodes[code as ErrorCode].message : errorCodes.INTERNAL.message;
}

export const healthRoutes: FastifyPluginAsyncZod<AppDependencies> = async (app, deps) => {
  app.get('/api/health', async (_request, reply) => {
    const status = deps.search.status();
    const practices = practiceCount(deps.search);
    if (status.ready && practices === null) status.warnings.push('the index has no practice catalog (做法库): run the ingest again');
    const body = {
      status: status.ready ? (status.warnings.length > 0 ? 'degraded' : 'ok') : 'unavailable',
      documents: status.documents,
      chunks: status.chunks,
      embedder: status.embedder,
      generator: deps.answers.engineName,
      searchMode: status.mode,
      // Practices in the 做法库; null when the index was built before it existed.
      practices,
      // Where the index lives and how lexical search ranks (BM25 files, pg_textsearch or the tsvector fallback).
      index: status.index,
      builtAt: status.builtAt,
      warnings: status.warnings,
      // Limits the page validates against before sending.
      maxQuestionLength: deps.config.MAX_QUESTION_LENGTH,
      maxHistoryTurns: deps.config.MAX_HISTORY_TURNS,
      maxMessageBytes: deps.config.MAX_MESSAGE_BYTES,
      // The public message only: the detailed one (with server paths) goes to the start-up log.
      ...(status.error ? { error: { code: status.error.code, message: publicMessage(status.error.code) } } : {}),
    };
    return reply.status(status.ready ? 200 : 503).send(body);
  });
};
