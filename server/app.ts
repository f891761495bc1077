/**
 * Builds the Fastify application without starting it (tests use `app.inject`; `main.ts` listens).
 */
import fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Config } from '../core/config.ts';
import type { SearchService } from '../core/retrieval/search-service.ts';
import { registerErrorHandlers } from './http-errors.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerSearchRoutes } from './routes/search.ts';

export interface AppDependencies {
  config: Config;
  search: SearchService;
  /** What generates answers: `extractive` or `openai:<model>`. */
  generatorName: string;
  /** Fastify logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = fastify({
    logger: deps.logger ?? false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: deps.config.MAX_MESSAGE_BYTES,
    routerOptions: { maxParamLength: 500 },
  });
  registerErrorHandlers(app);
  registerHealthRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  await app.ready();
  return app;
}
