/**
 * Who may manage the knowledge base (upload, correct, delete, hit testing, read feedback).
 *
 * With ADMIN_TOKEN set, requests must present it (`Authorization: Bearer …`, or the websocket
 * subprotocol the page uses). Without it, only this machine may: the connection must come from a
 * loopback address, carry no proxy forwarding headers (a reverse proxy on this machine would make
 * every visitor look local), and name a loopback host (so a web page whose own domain resolves to
 * 127.0.0.1, DNS rebinding, is not "local"). Either way a browser request from another site's
 * page is refused by its Origin: a page the maintainer happens to visit must not upload or delete
 * through their browser.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { originIsOurs, presentedToken, sameSecret } from './security.ts';

/** How a request may manage the knowledge base, or why not. */
export type AdminDecision = { allowed: true; via: 'token' | 'loopback' } | { allowed: false; error: AppError };

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** A Host header naming this machine: localhost (and *.localhost), 127.x.x.x or [::1], with any port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.trim().toLowerCase().replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

const forwardingHeaders = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'] as const;

/** Whether a browser's Origin (when it sent one) is this server's own page or an allowed CORS origin. */
function originAllowed(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  return origin === undefined || originIsOurs(origin, request, config);
}

/** Decides whether `request` may manage the knowledge base. */
export function adminDecision(request: FastifyRequest, config: Config): AdminDecision {
  if (!originAllowed(request, config)) return { allowed: false, error: new AppError('ORIGIN_NOT_ALLOWED', '不接受来自其他网站页面的管理请求') };
  if (config.ADMIN_TOKEN) {
    const token = presentedToken(request);
    if (token !== null && sameSecret(token, config.ADMIN_TOKEN)) return { allowed: true, via: 'token' };
    return {
      allowed: false,
      error: new AppError('ADMIN_UNAUTHORIZED', token === null ? '管理知识库需要管理令牌（ADMIN_TOKEN）' : '管理令牌不正确', { details: { adminToken: 'required' } }),
    };
  }
  const local =
    isLoopbackAddress(request.socket.remoteAddress) && forwardingHeaders.every((name) => request.headers[name] === undefined) && isLoopbackHost(request.headers.host);
  if (local) return { allowed: true, via: 'loopback' };
  return {
    allowed: false,
    error: new AppError(
      'ADMIN_LOOPBACK_ONLY',
      '服务器没有设置管理令牌（ADMIN_TOKEN），知识库只能在服务器本机（http://127.0.0.1 或 http://localhost）管理。要从其他电脑管理，请在服务器的 .env 中设置 ADMIN_TOKEN 并重启服务，然后在本页输入该令牌。',
      { details: { adminToken: 'unset' } },
    ),
  };
}

/** An onRequest hook that lets only managers through (see `adminDecision`). */
export function requireAdmin(config: Config) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const decision = adminDecision(request, config);
    if (decision.allowed) return undefined;
    if (decision.error.code === 'ADMIN_UNAUTHORIZED') reply.header('www-authenticate', 'Bearer realm="admin"');
    return reply.status(decision.error.status).send({ error: decision.error.toJSON() });
  };
}
