/**
 * Builds the Fastify application without starting it (tests use `app.inject`; `main.ts` listens).
 * Each route file is a plugin that takes the AppDependencies as its options.
 */
import fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { AppDependencies } from './deps.ts';
import { registerErrorHandlers, sendFrameworkError, writeClientError } from './http-errors.ts';
import { askRoutes } from './routes/ask.ts';
import { documentRoutes } from './routes/documents.ts';
import { exportRoutes } from './routes/export.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { healthRoutes } from './routes/health.ts';
import { knowledgeBaseRoutes } from './routes/knowledge-base.ts';
import { searchRoutes } from './routes/search.ts';
import { webRoutes } from './routes/web.ts';
import { chatSocketRoutes, frameLimit } from './routes/ws.ts';
import { chooseProtocol, registerSecurity } from './security.ts';
import { schemaErrorToAppError } from './validation.ts';

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = fastify({
    logger: deps.logger ?? false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: deps.config.MAX_MESSAGE_BYTES,
    routerOptions: { maxParamLength: 500 },
    // Requests the router or Node's HTTP parser reject get the product's error shape too.
    frameworkErrors: (error, _request, reply) => sendFrameworkError(error, reply),
    clientErrorHandler: writeClientError,
    // A request that fails its route's zod schema becomes the product's error (see validation.ts).
    schemaErrorFormatter: schemaErrorToAppError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  deps.answers.attachLogger(app.log.child({ component: 'answers' }));
  registerErrorHandlers(app);

  // The websocket plugin first: its onRequest hook marks upgrade requests, so that an upgrade the
  // security hooks refuse (401, 429, 503) has its socket closed after the answer instead of left open.
  await app.register(websocket, {
    options: {
      maxPayload: frameLimit(deps.config.MAX_MESSAGE_BYTES),
      handleProtocols: (protocols) => chooseProtocol(protocols),
      // ws would close the socket (1007) on a text frame with invalid UTF-8; routes/ws.ts decodes
      // strictly itself and answers such a frame with an error, keeping the socket usable.
      skipUTF8Validation: true,
    },
  });
  await registerSecurity(app, deps.config);
  // Before the other routes: it adds the hook that refuses new requests while shutting down.
  await app.register(chatSocketRoutes, deps);

  await app.register(healthRoutes, deps);
  await app.register(searchRoutes, deps);
  await app.register(documentRoutes, deps);
  await app.register(askRoutes, deps);
  await app.register(exportRoutes, deps);
  await app.register(feedbackRoutes, deps);
  if (deps.knowledgeBase) await app.register(knowledgeBaseRoutes, { ...deps, knowledgeBase: deps.knowledgeBase });
  await app.register(webRoutes);

  await app.ready();
  return app;
}
