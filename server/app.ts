/**
 * Builds the Fastify application without starting it (tests use `app.inject`; `main.ts` listens).
 */
import fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import websocket from '@fastify/websocket';
import { randomUUID } from 'node:crypto';
import type { AnswerService } from '../core/answer/answer-service.ts';
import { AppError } from '../core/errors.ts';
import type { Config } from '../core/config.ts';
import type { SearchService } from '../core/retrieval/search-service.ts';
import { registerErrorHandlers, sendFrameworkError, writeClientError } from './http-errors.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerAskRoutes } from './routes/ask.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerExportRoutes } from './routes/export.ts';
import { registerWebRoutes } from './routes/web.ts';
import { frameLimit, registerWebsocketRoutes, type SessionRegistry } from './routes/ws.ts';
import { chooseProtocol, registerSecurity } from './security.ts';

export interface AppDependencies {
  config: Config;
  search: SearchService;
  answers: AnswerService;
  /** Fastify logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Open chat sockets; drained on shutdown. */
    chatSessions: SessionRegistry;
  }
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
    // Requests the router or Node's HTTP parser reject get the product's error shape too.
    frameworkErrors: (error, _request, reply) => sendFrameworkError(error, reply),
    clientErrorHandler: writeClientError,
  });
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
  registerHealthRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerAskRoutes(app, deps);
  registerExportRoutes(app, deps);
  await registerWebRoutes(app);
  const sessions = registerWebsocketRoutes(app, deps);
  app.decorate('chatSessions', sessions);
  // While shutting down, new requests and sockets are refused cleanly; answers in flight finish.
  app.addHook('onRequest', async (_request, reply) => {
    if (!sessions.draining) return;
    const error = new AppError('SHUTTING_DOWN');
    reply.header('connection', 'close');
    return reply.status(error.status).send({ error: error.toJSON() });
  });
  await app.ready();
  return app;
}
