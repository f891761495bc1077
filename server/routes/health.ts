/** `GET /api/health`: what the server can do right now. */
import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../app.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: AppDependencies): void {
  app.get('/api/health', async (_request, reply) => {
    const status = deps.search.status();
    const body = {
      status: status.ready ? (status.warnings.length > 0 ? 'degraded' : 'ok') : 'unavailable',
      documents: status.documents,
      chunks: status.chunks,
      embedder: status.embedder,
      generator: deps.answers.engineName,
      searchMode: status.mode,
      builtAt: status.builtAt,
      warnings: status.warnings,
      ...(status.error ? { error: status.error } : {}),
    };
    return reply.status(status.ready ? 200 : 503).send(body);
  });
}
