/**
 * What the server is built from. `main.ts` and the tests create these; `buildApp` hands them to
 * every route plugin as its options.
 */
import type { FastifyServerOptions } from 'fastify';
import type { AnswerService } from '../core/answer/answer-service.ts';
import type { Config } from '../core/config.ts';
import type { SearchService } from '../core/retrieval/search-service.ts';
import type { AppStore } from '../core/store/app-store.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

export interface AppDependencies {
  config: Config;
  search: SearchService;
  answers: AnswerService;
  /** Feedback and upload records; null or absent when the database is unavailable (feedback answers 503). */
  store?: AppStore | null | undefined;
  /** Managing the corpus from the page (the /api/kb routes); absent, those routes do not exist. */
  knowledgeBase?: KnowledgeBase | undefined;
  /** Fastify logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
}
