/** `GET /api/search`: hybrid retrieval over the live index. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { passageView } from '../../core/retrieval/passage-view.ts';
import type { AppDependencies } from '../deps.ts';
import { disconnectSignal } from '../disconnect.ts';

export const searchRoutes: FastifyPluginAsyncZod<AppDependencies> = async (app, deps) => {
  const querySchema = z.object({
    // The schema-level message is for a missing q only; zod would otherwise also put it on the
    // too-long and wrong-type issues (a repeated ?q=a&q=b is an array, not a missing q).
    q: z
      .string({ error: (issue) => (issue.input === undefined ? 'q is required' : undefined) })
      .trim()
      .min(1, 'q is required')
      .max(deps.config.MAX_QUESTION_LENGTH),
    k: z.coerce.number().int().min(1).max(50).default(10),
    college: z.string().trim().max(100).optional(),
    year: z.union([z.literal(''), z.coerce.number().int().min(1900).max(2100)]).optional(),
  });

  app.get('/api/search', { schema: { querystring: querySchema } }, async (request, reply) => {
    const query = request.query;
    const retriever = deps.search.retriever();
    const response = await retriever.search(query.q, {
      k: query.k,
      filters: { college: query.college || undefined, year: query.year || undefined },
      signal: disconnectSignal(reply),
    });
    const results = response.hits.map(({ chunk, score }) => passageView(chunk, score));
    return { results, mode: response.mode, tookMs: Number(response.timings.totalMs.toFixed(2)) };
  });
};
