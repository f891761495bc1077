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
import { practiceRoutes } from './routes/practices.ts';
import { searchRoutes } from './routes/search.ts';
import { webRoutes } from './routes/web.ts';
import { chatSocketRoutes, frameLimit } from './routes/ws.ts';
import { chooseProtocol, registerSecurity } from './security.ts';
import { schemaErrorToAppError } from './validation.ts';

/**
 * Node's time-outs for receiving a request: a client that sends its headers or body a byte at a
 * time is answered 408 and disconnected instead of holding a connection (and a file descriptor)
 * for as long as it likes. Node checks them on an interval, so that is kept short too.
 */
function requestTimeouts(requestTimeout: number): { requestTimeout: number; http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number } } {
  return {
    requestTimeout,
    http: { headersTimeout: Math.min(requestTimeout, 10_000), requestTimeout, connectionsCheckingInterval: Math.min(1_000, Math.ceil(requestTimeout / 4)) },
  };
}

/** TRUST_PROXY as Fastify takes it (a hop count as the function Fastify would make of it). */
function trustProxyOption(setting: boolean | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = fastify({
    ...requestTimeouts(deps.config.REQUEST_TIMEOUT_MS),
    // Behind a reverse proxy, the client's address (limits, connection caps) and host come from X-Forwarded-*.
    trustProxy: trustProxyOption(deps.config.TRUST_PROXY),
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
  await app.register(practiceRoutes, deps);
  await app.register(webRoutes);

  await app.ready();
  return app;
}
