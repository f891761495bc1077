/**
 * Slow clients: requests whose headers or body arrive a byte at a time, many at once. Each must be
 * answered 408 and disconnected once the request time-out passes (never held open for as long as
 * the client likes), while the server goes on answering everyone else.
 */
import net from 'node:net';
import fc from 'fast-check';
import { fuzzProperty, type FuzzFailure } from './shared.ts';

/** A request sent slowly: its headers never finish, or its body is declared and then trickles in. */
export interface SlowRequest {
  kind: 'slow-headers' | 'slow-body';
  target: string;
  /** A byte every this many milliseconds. */
  everyMs: number;
  /** The declared body size (slow-body). */
  contentLength: number;
}

/** How a slow request ended: the status the server answered (if any) and when it closed the connection. */
export interface SlowOutcome {
  status: number | null;
  body: string;
  /** Milliseconds from the first byte until the server closed the connection; null when it was still open at `giveUpMs`. */
  closedAfterMs: number | null;
}

/** Sends `request` a byte at a time until the server closes the connection or `giveUpMs` passes. */
export function trickle(port: number, request: SlowRequest, giveUpMs: number): Promise<SlowOutcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : null, body: text.split('\r\n\r\n').slice(1).join('\r\n\r\n'), closedAfterMs: closed ? Date.now() - started : null });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    const head =
      request.kind === 'slow-body'
        ? `POST ${request.target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${request.contentLength}\r\n\r\n{`
        : `GET ${request.target} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `;
    socket.write(head);
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(request.kind === 'slow-body' ? ' ' : 'x');
    }, request.everyMs);
    const giveUp = setTimeout(() => finish(false), giveUpMs);
  });
}

const slowRequest: fc.Arbitrary<SlowRequest> = fc.oneof(
  fc.record({ kind: fc.constant('slow-headers' as const), target: fc.constantFrom('/api/ask', '/api/health', '/', '/ws', '/no-such-page'), everyMs: fc.integer({ min: 20, max: 400 }), contentLength: fc.constant(0) }),
  // Bodies go to the routes that read one.
  fc.record({ kind: fc.constant('slow-body' as const), target: fc.constantFrom('/api/ask', '/api/similar', '/api/export/docx'), everyMs: fc.integer({ min: 20, max: 400 }), contentLength: fc.integer({ min: 100, max: 60_000 }) }),
);

/**
 * `runs` rounds of 1–30 slow requests at once against a server whose request time-out is
 * `requestTimeoutMs`: each must be closed with 408 in time, and a normal request answered meanwhile.
 */
export async function fuzzSlowBodies(options: { baseUrl: string; runs: number; seed: number; requestTimeoutMs: number }): Promise<{ runs: number; failures: FuzzFailure[] }> {
  const port = Number(new URL(options.baseUrl).port);
  // Node checks the time-outs on an interval (at most a second here); then the answer must go out.
  const allowedMs = options.requestTimeoutMs + 3_000;
  const check = async (requests: SlowRequest[]): Promise<string | null> => {
    const outcomes = requests.map((request) => trickle(port, request, allowedMs + 5_000));
    const started = Date.now();
    const health = await fetch(`${options.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch((error: Error) => error);
    if (health instanceof Error || health.status !== 200) return `a normal request was not answered while ${requests.length} slow ones were open (${health instanceof Error ? health.message : health.status})`;
    if (Date.now() - started > 2_000) return `a normal request took ${Date.now() - started} ms while ${requests.length} slow ones were open`;
    for (const [index, outcome] of (await Promise.all(outcomes)).entries()) {
      const request = requests[index]!;
      if (outcome.closedAfterMs === null || outcome.closedAfterMs > allowedMs) return `${request.kind} ${request.target} (a byte every ${request.everyMs} ms) was held open ${outcome.closedAfterMs ?? 'past the end of the test'}`;
      if (outcome.status !== 408) return `${request.kind} ${request.target} was answered ${outcome.status}, not 408: ${outcome.body.slice(0, 200)}`;
      if (!/"code":"BAD_REQUEST"/.test(outcome.body)) return `the 408 is not the product's error shape: ${outcome.body.slice(0, 200)}`;
    }
    return null;
  };
  return fuzzProperty('slow-body', fc.array(slowRequest, { minLength: 1, maxLength: 30 }), options.runs, options.seed, check, (requests) => ({
    kind: [...new Set(requests.map((request) => request.kind))].join('+'),
    input: requests.map((request) => `${request.kind} ${request.target} every ${request.everyMs} ms`).join('; ').slice(0, 600),
  }));
}
