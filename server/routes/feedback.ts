/**
 * Feedback on answers: `POST /api/feedback` (👍 / 👎 with an optional comment, by anyone who may
 * ask), and for maintainers `GET /api/kb/feedback` (the list, 👎 only if asked) and
 * `GET /api/kb/feedback.csv` (the same as a spreadsheet).
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { feedbackCsv } from '../../core/export/csv.ts';
import { feedbackInputSchema, feedbackRatings, type AppStore } from '../../core/store/app-store.ts';
import { requireAdmin } from '../admin-access.ts';
import type { AppDependencies } from '../deps.ts';
import { jsonBody } from '../validation.ts';
import { contentDisposition } from './export.ts';

/** Largest feedback body: an answer with its quotes is far below this. */
const feedbackBodyLimit = 1024 * 1024;

function storeOf(deps: AppDependencies): AppStore {
  if (!deps.store) throw new AppError('STORE_UNAVAILABLE', '反馈数据库暂不可用，请稍后再试（详见服务器日志）');
  return deps.store;
}

export const feedbackRoutes: FastifyPluginAsyncZod<AppDependencies> = async (app, deps) => {
  app.post('/api/feedback', { bodyLimit: Math.max(deps.config.MAX_MESSAGE_BYTES, feedbackBodyLimit), schema: { body: jsonBody(feedbackInputSchema.strict()) } }, async (request) => {
    const saved = await storeOf(deps).saveFeedback(request.body);
    return { id: saved.id, answerId: saved.answerId, rating: saved.rating, comment: saved.comment, updatedAt: saved.updatedAt };
  });

  // Reading feedback is for maintainers: its own plugin, so the admin check covers these routes only.
  await app.register(feedbackAdminRoutes, deps);
};

const feedbackAdminRoutes: FastifyPluginAsyncZod<AppDependencies> = async (app, deps) => {
  app.addHook('onRequest', requireAdmin(deps.config));
  const ratingSchema = z.enum(feedbackRatings).optional();

  const listSchema = z.object({
    rating: ratingSchema,
    q: z.string().trim().max(200).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  });
  app.get('/api/kb/feedback', { schema: { querystring: listSchema } }, async (request) => {
    const { rating, q, offset, limit } = request.query;
    return storeOf(deps).listFeedback({ rating, text: q || undefined, offset, limit });
  });

  app.get('/api/kb/feedback.csv', { schema: { querystring: z.object({ rating: ratingSchema }) } }, async (request, reply) => {
    const store = storeOf(deps);
    const day = new Date().toISOString().slice(0, 10);
    const which = request.query.rating === 'down' ? '（没用）' : request.query.rating === 'up' ? '（有用）' : '';
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`答案反馈${which}-${day}.csv`))
      .header('cache-control', 'no-store')
      .send(Readable.from(feedbackCsv(store.exportFeedback(request.query.rating))));
  });
};
