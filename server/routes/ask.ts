/** `POST /api/ask` (the `answer-end` of a question, without streaming) and `POST /api/similar`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { askFieldsSchema } from '../../core/answer/protocol.ts';
import { findSimilar, similarTextLimit } from '../../core/retrieval/similar.ts';
import type { AppDependencies } from '../deps.ts';
import { disconnectSignal } from '../disconnect.ts';
import { jsonBody } from '../validation.ts';

export const askRoutes: FastifyPluginAsyncZod<AppDependencies> = async (app, deps) => {
  const askSchema = askFieldsSchema({ maxQuestionLength: deps.config.MAX_QUESTION_LENGTH, maxHistoryTurns: deps.config.MAX_HISTORY_TURNS }).strict();

  app.post('/api/ask', { schema: { body: jsonBody(askSchema) } }, async (request, reply) => {
    const fields = request.body;
    if (deps.config.LOG_QUESTIONS) request.log.info({ mode: fields.mode, question: fields.question }, 'question');
    const end = await deps.answers.answerOnce(fields, disconnectSignal(reply));
    return { ...end, id: request.id };
  });

  const similarSchema = z
    .object({
      docId: z.string().min(1).max(500).optional(),
      text: z.string().trim().min(1).max(similarTextLimit).optional(),
      perCollege: z.number().int().min(1).max(10).default(3),
    })
    .strict()
    .refine((value) => (value.docId === undefined) !== (value.text === undefined), { message: '请提供 docId 或 text 其中之一' });

  app.post('/api/similar', { schema: { body: jsonBody(similarSchema) } }, async (request, reply) => {
    const input = request.body;
    return findSimilar(deps.search.retriever(), { docId: input.docId, text: input.text }, disconnectSignal(reply), input.perCollege);
  });
};
