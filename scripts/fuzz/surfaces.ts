/**
 * The two surfaces a client reaches, fuzzed one input at a time so that fast-check can shrink a
 * failing frame or request to a minimal one: every websocket frame gets exactly one protocol
 * `error` with a stable code and the socket stays open; every HTTP request gets a JSON error (4xx,
 * never 5xx) without stack traces or server paths.
 */
import net from 'node:net';
import WebSocket from 'ws';
import { serverMessageSchema, type ServerMessage } from '../../core/answer/protocol.ts';
import { errorCodes, type ErrorCode } from '../../core/errors.ts';
import { frameArbitrary, type FuzzFrame } from './frames.ts';
import { requestArbitrary, type FuzzRequest } from './requests.ts';
import { describeInput, fuzzProperty, leaks, validQuestion, type FuzzFailure, type FuzzLimits } from './shared.ts';

interface Received {
  message?: ServerMessage;
  raw: string;
  problem?: string;
}

/** One chat socket that reads every message the server sends, in order. */
class ChatSocket {
  readonly received: Received[] = [];
  closed: number | undefined;
  private wake: (() => void) | undefined;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      const raw = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      if (isBinary) this.received.push({ raw, problem: 'binary frame from the server' });
      else {
        let parsed;
        try {
          parsed = serverMessageSchema.safeParse(JSON.parse(raw));
        } catch {
          parsed = undefined;
        }
        if (parsed?.success) this.received.push({ message: parsed.data, raw });
        else this.received.push({ raw, problem: parsed ? `not a protocol message: ${parsed.error.issues[0]?.message}` : 'not JSON' });
      }
      this.wake?.();
    });
    socket.on('close', (code) => {
      this.closed = code;
      this.wake?.();
    });
    socket.on('error', () => undefined);
  }

  static async open(url: string): Promise<ChatSocket> {
    const socket = new WebSocket(url, ['pbqa.v1']);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new ChatSocket(socket);
  }

  /** Waits until `count` messages arrived, the socket closed, or `timeoutMs` passed. */
  async waitFor(count: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count && this.closed === undefined && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    this.wake = undefined;
    return this.received.length >= count;
  }
}

export interface SurfaceOptions {
  baseUrl: string;
  limits: FuzzLimits;
  seed: number;
  secrets: readonly string[];
  /** Longest wait for any one answer (default 10 s). */
  replyTimeoutMs?: number;
}

export interface WebsocketResult {
  frames: number;
  failures: FuzzFailure[];
  codes: Record<string, number>;
  /** The normal question asked on the fuzzed socket afterwards. */
  afterwards: { answered: boolean; notFound: boolean | undefined; citations: number; error: string | undefined };
}

/** Sends `count` malformed frames on one socket (a new one if a frame closed it), checking each answer. */
export async function fuzzWebsocket(options: SurfaceOptions, count: number): Promise<WebsocketResult> {
  const url = `${options.baseUrl.replace(/^http/, 'ws')}/ws`;
  const timeoutMs = options.replyTimeoutMs ?? 10_000;
  const codes: Record<string, number> = {};
  let chat = await ChatSocket.open(url);

  const check = async (frame: FuzzFrame): Promise<string | null> => {
    if (chat.closed !== undefined) chat = await ChatSocket.open(url);
    const before = chat.received.length;
    chat.socket.send(frame.data, { binary: frame.binary });
    await chat.waitFor(before + 1, timeoutMs);
    const reply = chat.received[before];
    if (!reply) return chat.closed !== undefined ? `the socket closed (${chat.closed}) instead of answering` : `no answer within ${timeoutMs} ms`;
    if (reply.problem || !reply.message) return `${reply.problem}: ${reply.raw.slice(0, 200)}`;
    const message = reply.message;
    if (message.type !== 'error') return `answered with ${message.type}, not error`;
    codes[message.code] = (codes[message.code] ?? 0) + 1;
    if (!(message.code in errorCodes)) return `unknown error code ${message.code}`;
    if (!frame.codes.includes(message.code as ErrorCode)) return `code ${message.code}, expected ${frame.codes.join(' or ')} (${message.message})`;
    if (message.id !== frame.id) return `error id ${JSON.stringify(message.id)}, expected ${JSON.stringify(frame.id)}`;
    if (!message.message) return 'empty error message';
    const leak = leaks(reply.raw, options.secrets);
    if (leak) return `the error ${leak}: ${reply.raw.slice(0, 200)}`;
    // Exactly one answer: nothing more may follow (a late extra message would show here).
    await new Promise((resolve) => setImmediate(resolve));
    if (chat.received.length > before + 1) return `${chat.received.length - before} messages for one frame: ${chat.received[before + 1]!.raw.slice(0, 100)}`;
    return chat.closed === undefined ? null : `the socket closed (${chat.closed}) after the answer`;
  };
  const { runs, failures } = await fuzzProperty('ws', frameArbitrary(options.limits), count, options.seed, check, (frame) => ({ kind: frame.kind, input: describeInput(frame.data) }));

  // Afterwards: a normal question on the same socket; no late extra error may precede its answer.
  let afterwards: WebsocketResult['afterwards'] = { answered: false, notFound: undefined, citations: 0, error: 'the socket closed' };
  if (chat.closed === undefined) {
    const before = chat.received.length;
    chat.socket.send(JSON.stringify({ type: 'ask', id: 'after-fuzz', question: validQuestion }));
    const deadline = Date.now() + 20_000;
    const ended = (): boolean => chat.received.slice(before).some((reply) => reply.message && 'id' in reply.message && (reply.message.type === 'answer-end' || reply.message.type === 'error'));
    while (!ended() && chat.closed === undefined && Date.now() < deadline) await chat.waitFor(chat.received.length + 1, 1_000);
    const replies = chat.received.slice(before);
    const foreign = replies.filter((reply) => !reply.message || !('id' in reply.message) || reply.message.id !== 'after-fuzz');
    if (foreign.length > 0) failures.push({ surface: 'ws', kind: 'count', input: '', problem: `extra messages after the fuzz frames: ${foreign.map((reply) => reply.raw.slice(0, 100)).join(' | ')}` });
    const end = replies.map((reply) => reply.message).find((message) => message?.type === 'answer-end');
    const error = replies.map((reply) => reply.message).find((message) => message?.type === 'error');
    afterwards = {
      answered: Boolean(end),
      notFound: end?.type === 'answer-end' ? end.notFound : undefined,
      citations: end?.type === 'answer-end' ? end.citations.length : 0,
      error: error?.type === 'error' ? `${error.code}: ${error.message}` : undefined,
    };
  }
  chat.socket.close();
  return { frames: runs, failures, codes, afterwards };
}

/** Sends one raw request on its own connection; resolves with the status and body once the server closes it. */
export function exchange(port: number, raw: Buffer, timeoutMs: number): Promise<{ status: number; headers: string; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const match = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
      if (!match) return resolve({ error: error ?? `no HTTP response (${text.slice(0, 100) || 'nothing'})` });
      let body = match[3]!;
      if (/^transfer-encoding:\s*chunked/im.test(match[2]!)) body = dechunk(body);
      resolve({ status: Number(match[1]), headers: match[2]!, body });
    };
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    // A server that refuses a body early may reset the connection while the rest is written.
    socket.on('error', (error) => finish(error.message));
    socket.write(raw);
  });
}

function dechunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const line = /^([0-9a-fA-F]+)[^\r\n]*\r\n/.exec(rest);
    if (!line) return out;
    const size = parseInt(line[1]!, 16);
    if (size === 0) return out;
    const bytes = Buffer.from(rest.slice(line[0].length), 'utf8');
    out += bytes.subarray(0, size).toString('utf8');
    rest = bytes.subarray(size + 2).toString('utf8');
  }
}

/** What is wrong with an HTTP answer to a request that must be refused (or may succeed), or null. */
export function checkHttpAnswer(answer: Awaited<ReturnType<typeof exchange>>, expect: FuzzRequest['expect'], secrets: readonly string[], statuses?: Record<string, number>): string | null {
  if ('error' in answer) return answer.error;
  if (statuses) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  if (answer.status >= 500) return `HTTP ${answer.status}: ${answer.body.slice(0, 200)}`;
  if (expect === '4xx' && (answer.status < 400 || answer.status >= 500)) return `HTTP ${answer.status}, expected 4xx: ${answer.body.slice(0, 200)}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `HTTP ${answer.status} with a body that is not JSON: ${answer.body.slice(0, 200)}`;
  }
  if (answer.status >= 400) {
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== 'string' || !(error.code in errorCodes)) return `HTTP ${answer.status} without a known error code: ${answer.body.slice(0, 200)}`;
    if (typeof error?.message !== 'string' || error.message.length === 0) return `HTTP ${answer.status} without an error message`;
  }
  const leak = leaks(answer.body, secrets);
  return leak ? `the answer ${leak}: ${answer.body.slice(0, 200)}` : null;
}

/** Sends `count` malformed requests, one connection each, checking every answer. */
export async function fuzzHttp(options: SurfaceOptions, count: number): Promise<{ requests: number; failures: FuzzFailure[]; statuses: Record<string, number> }> {
  const port = Number(new URL(options.baseUrl).port);
  const statuses: Record<string, number> = {};
  const check = async (item: FuzzRequest): Promise<string | null> =>
    checkHttpAnswer(await exchange(port, item.raw, options.replyTimeoutMs ?? 10_000), item.expect, options.secrets, statuses);
  const { runs, failures } = await fuzzProperty('http', requestArbitrary(options.limits), count, options.seed, check, (item) => ({ kind: item.kind, input: item.label }));
  return { requests: runs, failures, statuses };
}
