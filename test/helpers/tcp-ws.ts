/**
 * A websocket test client over real TCP (a server from `app.listen` or a child process), for
 * tests that need the real upgrade path: raw frames (binary, invalid UTF-8, over the size limit),
 * the access-token subprotocol, refused upgrades, server shutdown. Every server message is
 * validated with the protocol's `serverMessageSchema`; frames that are not valid protocol messages
 * are kept in `violations`. Every client is closed by `closeTcpWsClients` (call it from afterEach).
 */
import WebSocket from 'ws';
import { serverMessageSchema, type AnswerEnd, type ServerMessage } from '../../core/answer/protocol.ts';
import { withTimeout } from './fake-openai.ts';

export type ErrorMessage = Extract<ServerMessage, { type: 'error' }>;

/** What a question produced, in arrival order. */
export interface QuestionResult {
  id: string;
  messages: ServerMessage[];
  end: AnswerEnd | undefined;
  error: ErrorMessage | undefined;
}

function resultOf(messages: readonly ServerMessage[], id: string): QuestionResult {
  return {
    id,
    messages: [...messages],
    end: messages.find((message): message is AnswerEnd => message.type === 'answer-end'),
    error: messages.find((message): message is ErrorMessage => message.type === 'error'),
  };
}

export interface TcpWsClient {
  socket: WebSocket;
  /** The subprotocol the server chose. */
  protocol: string;
  /** Every valid server message, in order. */
  messages: ServerMessage[];
  /** Frames that were not valid protocol messages (should stay empty). */
  violations: { frame: string; problem: string }[];
  closed: boolean;
  closeCode: number | undefined;
  send(message: unknown): void;
  /** Sends raw data as a text frame (default) or a binary frame. */
  sendRaw(data: string | Buffer, options?: { binary?: boolean }): void;
  /** Sends an `ask`; returns its id. */
  ask(fields: Record<string, unknown> & { question: string; id?: string }): string;
  messagesFor(id: string): ServerMessage[];
  /** Waits (bounded) until a message matching `predicate` has arrived after index `from`. */
  waitFor(predicate: (message: ServerMessage) => boolean, description: string, timeoutMs?: number, from?: number): Promise<ServerMessage>;
  /** Waits (bounded) until at least `count` messages have arrived. */
  waitForCount(count: number, description: string, timeoutMs?: number): Promise<void>;
  /** Waits (bounded) for the `answer-end` or `error` of `id`. */
  waitForEnd(id: string, timeoutMs?: number): Promise<QuestionResult>;
  /** Waits (bounded) for the socket to close; returns the close code. */
  waitForClose(timeoutMs?: number): Promise<number | undefined>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  protocols?: string[];
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const open = new Set<TcpWsClient>();
let counter = 0;

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

/** Opens a websocket to `url` (ws://127.0.0.1:port/ws); rejects with UpgradeRefused when the server refuses it. */
export async function connectTcpWs(url: string, options: ConnectOptions = {}): Promise<TcpWsClient> {
  const socket = new WebSocket(url, options.protocols ?? ['pbqa.v1'], { headers: options.headers ?? {}, handshakeTimeout: options.timeoutMs ?? 10_000 });
  const waiters = new Set<() => void>();
  const wake = (): void => {
    for (const waiter of [...waiters]) waiter();
  };

  const client: TcpWsClient = {
    socket,
    protocol: '',
    messages: [],
    violations: [],
    closed: false,
    closeCode: undefined,
    send(message) {
      socket.send(JSON.stringify(message));
    },
    sendRaw(data, sendOptions = {}) {
      socket.send(data, { binary: sendOptions.binary ?? false });
    },
    ask(fields) {
      const id = fields.id ?? `t${++counter}`;
      client.send({ type: 'ask', ...fields, id });
      return id;
    },
    messagesFor(id) {
      return client.messages.filter((message) => 'id' in message && message.id === id);
    },
    async waitFor(predicate, description, timeoutMs = 20_000, from = 0) {
      let check: (() => void) | undefined;
      const found = new Promise<ServerMessage>((resolve, reject) => {
        check = (): void => {
          const match = client.messages.slice(from).find(predicate);
          if (match) resolve(match);
          else if (client.closed) reject(new Error(`the socket closed (code ${client.closeCode}) while waiting for ${description}`));
          else if (client.violations.length > 0) reject(new Error(`invalid server message while waiting for ${description}: ${JSON.stringify(client.violations[0]).slice(0, 300)}`));
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
    async waitForCount(count, description, timeoutMs = 20_000) {
      let check: (() => void) | undefined;
      const reached = new Promise<void>((resolve, reject) => {
        check = (): void => {
          if (client.messages.length >= count) resolve();
          else if (client.closed) reject(new Error(`the socket closed (code ${client.closeCode}) after ${client.messages.length} of ${count} messages: ${description}`));
          else if (client.violations.length > 0) reject(new Error(`invalid server message (${description}): ${JSON.stringify(client.violations[0]).slice(0, 300)}`));
        };
      });
      waiters.add(check!);
      check!();
      try {
        await withTimeout(reached, timeoutMs, `${description} (${client.messages.length} of ${count} messages)`);
      } finally {
        waiters.delete(check!);
      }
    },
    async waitForEnd(id, timeoutMs = 20_000) {
      await client.waitFor((message) => 'id' in message && message.id === id && (message.type === 'answer-end' || message.type === 'error'), `the end of question ${id}`, timeoutMs);
      return resultOf(client.messagesFor(id), id);
    },
    async waitForClose(timeoutMs = 10_000) {
      if (!client.closed) await withTimeout(new Promise<void>((resolve) => socket.once('close', () => resolve())), timeoutMs, 'the websocket to close');
      return client.closeCode;
    },
    async close() {
      open.delete(client);
      if (client.closed || socket.readyState === WebSocket.CLOSED) return;
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.close();
      await withTimeout(closed, 3_000, 'the websocket to close').catch(() => socket.terminate());
    },
  };

  socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
    const frame = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    if (isBinary) client.violations.push({ frame, problem: 'binary frame from the server' });
    else {
      try {
        const parsed = serverMessageSchema.safeParse(JSON.parse(frame));
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

  await withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once('open', () => {
        client.protocol = socket.protocol;
        resolve();
      });
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => reject(new UpgradeRefused(response.statusCode ?? 0, response.headers, body)));
        response.on('error', () => reject(new UpgradeRefused(response.statusCode ?? 0, response.headers, body)));
      });
      socket.once('error', reject);
    }),
    (options.timeoutMs ?? 10_000) + 1_000,
    `the websocket ${url} to open`,
  ).catch((error: unknown) => {
    socket.terminate();
    throw error;
  });
  socket.on('error', () => undefined);
  open.add(client);
  return client;
}

/** Closes every client opened since the last call. */
export async function closeTcpWsClients(): Promise<void> {
  const clients = [...open];
  open.clear();
  await Promise.all(clients.map((client) => client.close()));
}
