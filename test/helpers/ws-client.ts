/**
 * A websocket test client of `/ws`: in-process over `app.injectWS('/ws')` (the real route), or over
 * real TCP (`connectWsUrl`) for tests that need the real upgrade path: the access-token
 * subprotocol, refused upgrades, raw frames over the size limit, server shutdown. Every server
 * message is validated with the protocol's `serverMessageSchema`; messages are collected per
 * question id, and a test can wait, with a time-out, for the end (`answer-end` or `error`) of a
 * question. Every client is closed by `closeWsClients` (call it from afterEach).
 */
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { serverMessageSchema, type AnswerEnd, type ServerMessage } from '../../core/answer/protocol.ts';
import { withTimeout } from './fake-openai.ts';

/** The protocol's `error` message. */
export type ErrorMessage = Extract<ServerMessage, { type: 'error' }>;

/** What a question produced, in arrival order. */
export interface QuestionResult {
  id: string;
  messages: ServerMessage[];
  end: AnswerEnd | undefined;
  error: ErrorMessage | undefined;
  /** The concatenated text deltas after the last `notice` with `reset` (what the client shows). */
  streamed: string;
}

/** A test client of `/ws`. */
export interface WsClient {
  socket: WebSocket;
  /** The subprotocol the server chose ('' for none). */
  protocol: string;
  /** Every frame received, raw, in order. */
  frames: string[];
  /** Every valid server message, in order. */
  messages: ServerMessage[];
  /** Frames that were not valid protocol messages (should stay empty). */
  violations: { frame: string; problem: string }[];
  /** True once the socket closed; `closeCode` says how. */
  closed: boolean;
  closeCode: number | undefined;
  /** Sends a JSON message. */
  send(message: unknown): void;
  /** Sends raw data as a text frame (default) or a binary frame. */
  sendRaw(data: string | Buffer, options?: { binary?: boolean }): void;
  /** Sends an `ask` and returns its id. */
  ask(fields: Record<string, unknown> & { question: string; id?: string }): string;
  cancel(id: string): void;
  /** Drops the connection without a close handshake (a network failure, a killed tab). */
  terminate(): Promise<void>;
  /** Messages of one id so far. */
  messagesFor(id: string): ServerMessage[];
  /**
   * Waits (bounded) for the `answer-end` or `error` of `id`, among the messages from index `from`
   * on (to wait for a reused id's second answer).
   */
  waitForEnd(id: string, options?: { from?: number; timeoutMs?: number }): Promise<QuestionResult>;
  /** Waits (bounded) until a message matching `predicate` has arrived; returns it. */
  waitFor(predicate: (message: ServerMessage) => boolean, description: string, timeoutMs?: number): Promise<ServerMessage>;
  /** Waits (bounded) for the socket to close; returns the close code. */
  waitForClose(timeoutMs?: number): Promise<number | undefined>;
  close(): Promise<void>;
}

/** How `connectWsUrl` opens its socket. */
export interface ConnectOptions {
  /** Subprotocols to offer (default `pbqa.v1`, as the page does). */
  protocols?: string[];
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Answer the server's pings (default true; false plays a peer that has vanished). */
  autoPong?: boolean;
}

/** A refused upgrade: the HTTP status and body the server answered with. */
export class UpgradeRefused extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string | string[] | undefined>,
    readonly body: string,
  ) {
    super(`websocket upgrade refused with HTTP ${status}: ${body.slice(0, 200)}`);
  }
}

const open = new Set<WsClient>();
let counter = 0;

/** Opens a websocket to the app's `/ws`, in-process (`injectWS`). */
export async function connectWs(app: FastifyInstance): Promise<WsClient> {
  return wrap(await withTimeout(app.injectWS('/ws'), 10_000, 'the websocket to open'));
}

/**
 * Opens a websocket over a real TCP connection (`url` like `ws://127.0.0.1:1234/ws`); rejects with
 * `UpgradeRefused` when the server answers the upgrade with an HTTP error. The in-process socket
 * of `injectWS` does not finish a close handshake while an answer is in flight, so tests of a
 * client's clean close use this one too.
 */
export async function connectWsUrl(url: string, options: ConnectOptions = {}): Promise<WsClient> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const socket = new WebSocket(url, options.protocols ?? ['pbqa.v1'], { headers: options.headers ?? {}, handshakeTimeout: timeoutMs, autoPong: options.autoPong ?? true });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      const refuse = (): void => reject(new UpgradeRefused(response.statusCode ?? 0, response.headers, body));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', refuse);
      response.on('error', refuse);
    });
    socket.once('error', reject);
  });
  // Messages may follow the handshake at once: collect them from the start.
  const client = wrap(socket);
  try {
    await withTimeout(opened, timeoutMs + 1_000, `the websocket ${url} to open`);
  } catch (error) {
    open.delete(client);
    socket.terminate();
    throw error;
  }
  client.protocol = socket.protocol;
  return client;
}

function wrap(socket: WebSocket): WsClient {
  const waiters = new Set<() => void>();
  const wake = (): void => {
    for (const waiter of [...waiters]) waiter();
  };

  const client: WsClient = {
    socket,
    protocol: socket.protocol,
    frames: [],
    messages: [],
    violations: [],
    closed: false,
    closeCode: undefined,
    send(message) {
      socket.send(JSON.stringify(message));
    },
    sendRaw(data, options = {}) {
      socket.send(data, { binary: options.binary ?? false });
    },
    ask(fields) {
      const id = fields.id ?? `q${++counter}`;
      client.send({ type: 'ask', ...fields, id });
      return id;
    },
    cancel(id) {
      client.send({ type: 'cancel', id });
    },
    messagesFor(id) {
      return client.messages.filter((message) => 'id' in message && message.id === id);
    },
    async waitFor(predicate, description, timeoutMs = 20_000) {
      let check: (() => void) | undefined;
      const found = new Promise<ServerMessage>((resolve, reject) => {
        check = (): void => {
          const match = client.messages.find(predicate);
          if (match) resolve(match);
          else if (client.closed) {
            reject(new Error(`the socket closed (code ${client.closeCode}) while waiting for ${description}`));
          } else if (client.violations.length > 0) {
            reject(new Error(`invalid server message while waiting for ${description}: ${JSON.stringify(client.violations[0])}`));
          }
        };
      });
      waiters.add(check!);
      check!();
      try {
        return await withTimeout(found, timeoutMs, description);
      } finally {
        waiters.delete(check!);
      }
    },
    async waitForEnd(id, { from = 0, timeoutMs = 20_000 } = {}) {
      const ours = (message: ServerMessage): boolean => 'id' in message && message.id === id && client.messages.indexOf(message) >= from;
      await client.waitFor((message) => ours(message) && (message.type === 'answer-end' || message.type === 'error'), `the end of question ${id}`, timeoutMs);
      return resultOf(client.messages.filter(ours), id);
    },
    async waitForClose(timeoutMs = 10_000) {
      if (!client.closed) await withTimeout(new Promise<void>((resolve) => socket.once('close', () => resolve())), timeoutMs, 'the websocket to close');
      return client.closeCode;
    },
    async close() {
      open.delete(client);
      if (client.closed) return;
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.close();
      // An in-process socket with an answer in flight never finishes the handshake: drop it.
      await withTimeout(closed, 1_000, 'the websocket to close').catch(() => client.terminate());
    },
    async terminate() {
      open.delete(client);
      if (client.closed) return;
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.terminate();
      await withTimeout(closed, 5_000, 'the websocket to be dropped');
    },
  };

  socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
    const frame = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    client.frames.push(frame);
    if (isBinary) {
      client.violations.push({ frame, problem: 'binary frame from the server' });
    } else {
      let json: unknown;
      try {
        json = JSON.parse(frame);
        const parsed = serverMessageSchema.safeParse(json);
        if (parsed.success) client.messages.push(parsed.data);
        else client.violations.push({ frame, problem: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
      } catch {
        client.violations.push({ frame, problem: 'not JSON' });
      }
    }
    wake();
  });
  socket.on('close', (code: number) => {
    client.closed = true;
    client.closeCode = code;
    wake();
  });
  socket.on('error', () => undefined);
  open.add(client);
  return client;
}

/** The result of a question from its messages. */
export function resultOf(messages: readonly ServerMessage[], id: string): QuestionResult {
  let streamed = '';
  for (const message of messages) {
    if (message.type === 'notice' && message.reset) streamed = '';
    if (message.type === 'text-delta') streamed += message.delta;
  }
  return {
    id,
    messages: [...messages],
    end: messages.find((message): message is AnswerEnd => message.type === 'answer-end'),
    error: messages.find((message): message is ErrorMessage => message.type === 'error'),
    streamed,
  };
}

/** Closes every client opened since the last call. */
export async function closeWsClients(): Promise<void> {
  const clients = [...open];
  open.clear();
  for (const client of clients) await client.close();
}
