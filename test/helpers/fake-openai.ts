/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol, for testing
 * the model path end to end through the `openai` package: `POST /v1/chat/completions` with
 * `stream: true` answers `text/event-stream` chunks exactly as OpenAI sends them (a role chunk,
 * content deltas, a final chunk with `finish_reason`, then `data: [DONE]`); without `stream` it
 * answers one JSON completion.
 *
 * Each request is answered by a script (`FakeReply`): the reply text split into deltas with small
 * delays, an HTTP error with an OpenAI-style error body, a delay before the headers, a pause or
 * stall after some deltas, or a stream cut off half way. Every request is recorded: its body, its
 * headers, and whether the client aborted it (closed the connection before the response ended).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatGenerator } from '../../core/answer/generator.ts';
import { createOpenAIGenerator, type OpenAIGeneratorOptions } from '../../core/answer/openai-generator.ts';

/** The API key tests configure; it must reach the fake server and never a client. */
export const fakeApiKey = 'test-key';
/** The model name tests configure; answers made with it carry the engine `openai:fake-model`. */
export const fakeModel = 'fake-model';

/** How the fake endpoint answers one request. */
export interface FakeReply {
  /** The reply text, split into `pieces` deltas (ignored when `deltas` is given). */
  text?: string;
  /** The exact deltas to stream. */
  deltas?: readonly string[];
  /** Into how many deltas `text` is split (default 6). */
  pieces?: number;
  /** Wait between deltas, in ms (default 5). */
  delayMs?: number;
  /** Wait before sending the response headers, in ms. */
  headerDelayMs?: number;
  /** Answer with this HTTP status and an OpenAI-style error body instead of a completion. */
  errorStatus?: number;
  /** The error body's message (default: a message with internal details clients must not see). */
  errorMessage?: string;
  /** After this many deltas, wait for `resume`; without `resume`, stall until the client goes away. */
  pauseAfter?: number;
  resume?: Promise<unknown>;
  /** After this many deltas, cut the stream: without a finish reason and without `[DONE]`. */
  cutAfter?: number;
  /** `destroy` (default) drops the connection; `end` ends the response cleanly but early. */
  cutMode?: 'destroy' | 'end';
  /** The finish reason of the final chunk (default `stop`). */
  finishReason?: 'stop' | 'length';
}

/** The body of a chat-completions request, as far as tests look at it. */
export interface ChatRequestBody {
  model: string;
  stream?: boolean;
  temperature?: number;
  messages: { role: string; content: string }[];
  [key: string]: unknown;
}

/** One request the fake endpoint received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: ChatRequestBody;
  /** True once the client closed the connection before the response was complete. */
  aborted: boolean;
  /** True once the response was sent completely (including cut-off responses ended with `end`). */
  finished: boolean;
  /** Resolves when the exchange is over (finished, aborted or cut). */
  settled: Promise<void>;
}

/** A fixed reply for every request, or a function choosing the reply from the request (and its index). */
export type FakeResponder = FakeReply | ((request: RecordedRequest, index: number) => FakeReply);

/** A running fake endpoint. */
export interface FakeOpenAI {
  port: number;
  baseURL: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Sets how the following requests are answered. */
  respond(responder: FakeResponder): void;
  /** A generator for this endpoint through the real `openai` package, optionally with whole-answer limits. */
  generator(timeoutMs?: number, limits?: Pick<OpenAIGeneratorOptions, 'answerTimeoutMs' | 'maxAnswerChars'>): ChatGenerator;
  /** Waits (bounded) until `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  /** Waits (bounded) until the exchange of `request` is over; returns whether the client aborted it. */
  waitForSettled(request: RecordedRequest, timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** Splits `text` into `pieces` deltas of about equal length (by code point). */
export function splitText(text: string, pieces: number): string[] {
  const characters = [...text];
  const size = Math.max(1, Math.ceil(characters.length / pieces));
  const parts: string[] = [];
  for (let index = 0; index < characters.length; index += size) parts.push(characters.slice(index, index + size).join(''));
  return parts;
}

/** Rejects after `timeoutMs` with `message`, so a wait in a test fails instead of hanging. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${message}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts a fake endpoint on 127.0.0.1 with a random port. Close it with `close()`. */
export async function startFakeOpenAI(initial: FakeResponder = { text: '（未设置回复）' }): Promise<FakeOpenAI> {
  let responder: FakeResponder = initial;
  const requests: RecordedRequest[] = [];
  const arrivals = new Set<() => void>();
  const stopAll = new AbortController();
  let sequence = 0;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void handle(request, response, Buffer.concat(chunks).toString('utf8'));
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse, raw: string): Promise<void> {
    const path = (request.url ?? '').split('?')[0]!;
    if (request.method !== 'POST' || path !== '/v1/chat/completions') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error', param: null, code: null } }));
      return;
    }
    let body: ChatRequestBody;
    try {
      body = JSON.parse(raw) as ChatRequestBody;
    } catch {
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'bad json', type: 'invalid_request_error', param: null, code: null } }));
      return;
    }
    let settle!: () => void;
    const record: RecordedRequest = {
      method: request.method,
      path,
      headers: request.headers,
      body,
      aborted: false,
      finished: false,
      settled: new Promise<void>((resolve) => (settle = resolve)),
    };
    // The exchange ends when the response closes: aborted unless the whole response was written.
    const gone = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished && !record.finished) record.aborted = true;
      gone.abort();
      settle();
    });
    const index = requests.length;
    requests.push(record);
    for (const wake of arrivals) wake();
    const reply = typeof responder === 'function' ? responder(record, index) : responder;
    const signal = AbortSignal.any([gone.signal, stopAll.signal]);

    if (reply.headerDelayMs) await sleep(reply.headerDelayMs, signal);
    if (signal.aborted) return;

    if (reply.errorStatus) {
      response.writeHead(reply.errorStatus, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { message: reply.errorMessage ?? 'The server had an error while processing your request (internal-trace-7f3e).', type: 'server_error', param: null, code: null },
        }),
      );
      record.finished = true;
      return;
    }

    const deltas = reply.deltas ? [...reply.deltas] : splitText(reply.text ?? '', reply.pieces ?? 6);
    const id = `chatcmpl-fake${++sequence}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model;

    if (!body.stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          system_fingerprint: null,
          choices: [{ index: 0, message: { role: 'assistant', content: deltas.join(''), refusal: null }, logprobs: null, finish_reason: reply.finishReason ?? 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: deltas.length, total_tokens: 10 + deltas.length },
        }),
      );
      record.finished = true;
      return;
    }

    const chunk = (delta: Record<string, unknown>, finishReason: string | null): string =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })}\n\n`;
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(chunk({ role: 'assistant', content: '', refusal: null }, null));
    for (let sent = 0; sent < deltas.length; sent++) {
      if (reply.cutAfter !== undefined && sent === reply.cutAfter) return cut(reply, response, record);
      if (reply.pauseAfter !== undefined && sent === reply.pauseAfter) {
        // A pause without `resume` is a stall: it lasts until the client or the server goes away.
        await Promise.race([reply.resume ?? new Promise(() => undefined), new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
      }
      if (signal.aborted) return;
      response.write(chunk({ content: deltas[sent] }, null));
      await sleep(reply.delayMs ?? 5, signal);
      if (signal.aborted) return;
    }
    if (reply.cutAfter !== undefined && reply.cutAfter >= deltas.length) return cut(reply, response, record);
    response.write(chunk({}, reply.finishReason ?? 'stop'));
    response.write('data: [DONE]\n\n');
    record.finished = true;
    response.end();
  }

  function cut(reply: FakeReply, response: http.ServerResponse, record: RecordedRequest): void {
    if (reply.cutMode === 'end') {
      record.finished = true;
      response.end();
    } else {
      // The server broke off: not the client's abort.
      record.finished = true;
      response.socket?.destroy();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const baseURL = `http://127.0.0.1:${port}/v1`;

  return {
    port,
    baseURL,
    requests,
    respond(next) {
      responder = next;
    },
    generator(timeoutMs = 5_000, limits = {}) {
      const generator = createOpenAIGenerator({ apiKey: fakeApiKey, baseURL, model: fakeModel, timeoutMs, ...limits });
      if (!generator) throw new Error('createOpenAIGenerator returned null for a non-empty API key');
      return generator;
    },
    async waitForRequests(count, timeoutMs = 10_000) {
      const arrived = new Promise<void>((resolve) => {
        const check = (): void => {
          if (requests.length >= count) {
            arrivals.delete(check);
            resolve();
          }
        };
        arrivals.add(check);
        check();
      });
      await withTimeout(arrived, timeoutMs, `${count} request(s) at the fake OpenAI server (got ${requests.length})`);
      return requests.slice(0, count);
    },
    async waitForSettled(request, timeoutMs = 10_000) {
      await withTimeout(request.settled, timeoutMs, 'the fake OpenAI exchange to end');
      return request.aborted;
    },
    async close() {
      stopAll.abort();
      arrivals.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The system and user messages of a recorded request. */
export function promptOf(request: RecordedRequest): { system: string; user: string } {
  const system = request.body.messages.find((message) => message.role === 'system')?.content ?? '';
  const user = request.body.messages.filter((message) => message.role === 'user').map((message) => message.content).join('\n');
  return { system, user };
}

/** True for an answer request (numbered sources); false for a follow-up rewrite request. */
export function isAnswerRequest(request: RecordedRequest): boolean {
  return promptOf(request).user.includes('【资料1】');
}
