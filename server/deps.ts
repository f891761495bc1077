/**
 * What the server is built from. `main.ts` and the tests create these; `buildApp` hands them to
 * every route plugin as its options.
 */
import type { FastifyServerOptions } from 'fastify';
import type { AnswerService } from '../core/answer/answer-service.ts';
import type { Config } from '../core/config.ts';
import type { SearchService } from '../core/retrieval/search-service.ts';

export interface AppDependencies {
  config: Config;
  search: SearchService;
  answers: AnswerService;
  /** Fastify logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
}
