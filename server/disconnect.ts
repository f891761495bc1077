/** Aborting work when an HTTP client goes away. */
import type { FastifyReply } from 'fastify';

/**
 * An AbortSignal that fires when the client disconnects before the response is sent. (The
 * request's own `close` event is no use: it fires as soon as the body has been read.)
 */
export function disconnectSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
