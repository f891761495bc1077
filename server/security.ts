/**
 * Who may call the server and how often: an optional access token on every API route and the
 * websocket, per-client rate limiting, security headers with a content security policy, CORS only
 * when configured, and log serialisers that keep secrets and (unless configured) questions out.
 */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Config } from '../core/config.ts';
import { AppError } from '../core/errors.ts';

/** The websocket subprotocol of the chat; browsers send the token as a second subprotocol. */
export const chatProtocol = 'pbqa.v1';
const tokenProtocolPrefix = 'pbqa.bearer.';

/** The subprotocol a browser uses to present `token` (websockets cannot send headers from a page). */
export function tokenProtocol(token: string): string {
  return tokenProtocolPrefix + Buffer.from(token, 'utf8').toString('base64url');
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token a request presents: `Authorization: Bearer …`, or the websocket subprotocol. */
export function presentedToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (match) return match[1]!;
  }
  const protocols = request.headers['sec-websocket-protocol'];
  if (typeof protocols === 'string') {
    for (const protocol of protocols.split(',').map((part) => part.trim())) {
      if (protocol.startsWith(tokenProtocolPrefix)) {
        try {
          return Buffer.from(protocol.slice(tokenProtocolPrefix.length), 'base64url').toString('utf8');
        } catch {
          return null;
        }
      }
    }
  }
  return null;
}

/** Paths that need the token when one is configured: the API and the websocket, not the page. */
function isProtectedPath(url: string): boolean {
  return url === '/ws' || url.startsWith('/ws?') || url.startsWith('/api/') || url === '/api';
}

/**
 * Whether a request needs the token. Decided on the route the router matched as well as on the raw
 * URL: the router decodes percent-escapes (`/%61pi/documents` is `/api/documents`) and accepts
 * absolute-form targets (`GET http://host/api/documents`), which a check on the raw URL alone
 * would let through.
 */
function isProtected(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return (route !== undefined && isProtectedPath(route)) || isProtectedPath(request.url);
}

/** The client's key for limits: its address (behind a reverse proxy, the one it forwards: TRUST_PROXY). */
export function clientKey(request: FastifyRequest): string {
  return request.ip;
}

/** Chooses the chat subprotocol for the websocket handshake (the token protocol is never echoed). */
export function chooseProtocol(protocols: Set<string>): string | false {
  return protocols.has(chatProtocol) ? chatProtocol : false;
}

/**
 * Logger options: request lines show the path without its query string (a search query is a
 * question) unless LOG_QUESTIONS is on, and never carry headers with secrets.
 */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: ['req.headers.authorization', 'req.headers["sec-websocket-protocol"]', 'req.headers.cookie'], censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string; socket?: { remoteAddress?: string } }) {
        const url = config.LOG_QUESTIONS ? request.url : request.url.split('?')[0];
        return { id: request.id, method: request.method, url, remoteAddress: request.ip ?? request.socket?.remoteAddress };
      },
    },
  };
}

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  if (config.CORS_ORIGIN) {
    await app.register(cors, {
      origin: config.CORS_ORIGIN.split(',').map((origin) => origin.trim()),
      methods: ['GET', 'POST'],
      allowedHeaders: ['Content-Type', 'Authorization'],
    });
  }

  if (config.RATE_LIMIT_PER_MINUTE > 0) {
    await app.register(rateLimit, {
      global: true,
      max: config.RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: clientKey,
      // The page's own files do not count against the question budget.
      allowList: (request) => !isProtected(request),
      errorResponseBuilder: (_request, context) => {
        const error = new AppError('RATE_LIMITED', `请求过于频繁：每分钟最多 ${context.max} 次，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`);
        return Object.assign(error, { statusCode: 429 });
      },
    });
  }

  if (config.ACCESS_TOKEN) {
    const expected = config.ACCESS_TOKEN;
    // Wrong tokens are counted per client before any other limit (the rate limiter's hooks run
    // after this one): a client that keeps guessing is refused outright until the minute is over.
    const failures = new MinuteBudget(config.AUTH_FAILURES_PER_MINUTE);
    app.addHook('onRequest', async (request, reply) => {
      if (!isProtected(request)) return;
      const client = clientKey(request);
      if (failures.spent(client)) {
        const error = new AppError('RATE_LIMITED', `访问令牌错误次数过多：每分钟最多 ${config.AUTH_FAILURES_PER_MINUTE} 次，请稍后再试`);
        reply.header('retry-after', '60');
        return reply.status(error.status).send({ error: error.toJSON() });
      }
      const token = presentedToken(request);
      // The admin token opens reading too: a maintainer keeps one token.
      if (token !== null && (sameSecret(token, expected) || (config.ADMIN_TOKEN !== '' && sameSecret(token, config.ADMIN_TOKEN)))) return;
      // A missing token is how every first visit starts: only wrong ones count.
      if (token !== null) failures.take(client);
      const error = new AppError('UNAUTHORIZED', token === null ? '需要访问令牌（Authorization: Bearer <token>）' : '访问令牌不正确');
      reply.header('www-authenticate', 'Bearer');
      return reply.status(401).send({ error: error.toJSON() });
    });
  }

  // Browsers send any page's websocket to us with that page's Origin, and CORS does not apply to
  // websockets: without this check any site a user visits could read the corpus through /ws.
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !isWebsocketUpgrade(request)) return;
    if (originIsOurs(origin, request, config)) return;
    const error = new AppError('ORIGIN_NOT_ALLOWED', `不接受来自 ${origin.slice(0, 100)} 的网页的 websocket 连接`);
    return reply.status(error.status).send({ error: error.toJSON() });
  });
}

/** Whether a page at `origin` is this server's own (its host, read behind a trusted proxy) or a `CORS_ORIGIN`. */
export function originIsOurs(origin: string, request: FastifyRequest, config: Pick<Config, 'CORS_ORIGIN'>): boolean {
  if (sameHost(origin, request.host)) return true;
  const wanted = origin.trim().toLowerCase();
  return config.CORS_ORIGIN.split(',').some((allowed) => allowed.trim().toLowerCase() === wanted && wanted !== '');
}

/** A websocket handshake: `Upgrade: websocket` (clients that are not browsers send no Origin). */
export function isWebsocketUpgrade(request: FastifyRequest): boolean {
  const upgrade = request.headers.upgrade;
  return typeof upgrade === 'string' && upgrade.toLowerCase() === 'websocket';
}

/** Whether a page at `origin` is served by this host (`host`: the Host header, or X-Forwarded-Host behind a trusted proxy). */
function sameHost(origin: string, host: string): boolean {
  try {
    const page = new URL(origin);
    // Read with the page's scheme, so that a default port written out (`:443`) compares equal.
    return page.host !== '' && page.host === new URL(`${page.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/**
 * A sliding one-minute budget per client, for questions asked over websockets (HTTP requests are
 * counted by @fastify/rate-limit; a socket's messages are not requests).
 */
export class MinuteBudget {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Whether the client has used up its budget for now (without recording a use). */
  spent(key: string, now = Date.now()): boolean {
    if (this.perMinute <= 0) return false;
    let recent = 0;
    for (const time of this.hits.get(key) ?? []) if (now - time < 60_000) recent++;
    return recent >= this.perMinute;
  }

  /** Records a use; false when the client is over its budget (0 = unlimited). */
  take(key: string, now = Date.now()): boolean {
    if (this.perMinute <= 0) return true;
    const recent = (this.hits.get(key) ?? []).filter((time) => now - time < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    // Forget idle clients so the map does not grow with every address ever seen.
    if (this.hits.size > 10_000) for (const [other, times] of this.hits) if (times.every((time) => now - time >= 60_000)) this.hits.delete(other);
    return true;
  }
}
