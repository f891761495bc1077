/**
 * `/ws`: the chat protocol over a websocket (see core/answer/protocol.ts). Each socket may have
 * several questions in flight; `cancel` and closing the socket abort their work, upstream model
 * requests included. A malformed, oversized or unknown message gets an `error` message and the
 * socket stays usable. This layer only validates, routes and serialises: answers come from
 * AnswerService as typed events.
 */
import type { FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { RawData, WebSocket } from 'ws';
import { AppError, toAppError } from '../../core/errors.ts';
import { clientMessageSchema, questionIdSchema, serverMessageSchema, type AnswerEvent, type ServerMessage } from '../../core/answer/protocol.ts';
import type { AppDependencies } from '../deps.ts';
import { MinuteBudget, clientKey, isWebsocketUpgrade } from '../security.ts';
import { kbEventsPath } from './knowledge-base.ts';

/** The one path that accepts websocket upgrades. */
export const chatSocketPath = '/ws';
/** Every path that accepts a websocket: the chat, and the knowledge base's progress events. */
export const socketPaths: ReadonlySet<string> = new Set([chatSocketPath, kbEventsPath]);

/** Hard cap on a frame; larger frames close the socket (1009) before we can read them. */
export function frameLimit(maxMessageBytes: number): number {
  return Math.max(1 << 20, maxMessageBytes * 4);
}

/** Most answer data a socket may have waiting for a client that does not read; then it is closed. */
export function sendBufferLimit(maxMessageBytes: number): number {
  return Math.max(1 << 20, maxMessageBytes * 64);
}

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): { field: string; problem: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(message)', problem: issue.message }));
}

/** Every open chat session, for per-client limits and for draining on shutdown. */
export class SessionRegistry {
  readonly sessions = new Set<ChatSession>();
  private readonly perClient = new Map<string, number>();
  readonly askBudget: MinuteBudget;
  draining = false;

  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(readonly deps: AppDependencies) {
    this.askBudget = new MinuteBudget(deps.config.RATE_LIMIT_PER_MINUTE);
    // One timer for every socket: each is pinged, and one that has not answered the last ping (a
    // peer that vanished without closing: a sleeping laptop, a dropped network) is disconnected.
    this.heartbeat = setInterval(() => {
      for (const session of [...this.sessions]) session.ping();
    }, deps.config.WS_PING_INTERVAL_MS);
    this.heartbeat.unref();
  }

  /** Stops the heartbeat (the app is closing). */
  stop(): void {
    clearInterval(this.heartbeat);
  }

  /** Registers a session; false when its client already has too many open. */
  add(session: ChatSession, client: string): boolean {
    const count = this.perClient.get(client) ?? 0;
    if (count >= this.deps.config.MAX_CONNECTIONS_PER_CLIENT) return false;
    this.perClient.set(client, count + 1);
    this.sessions.add(session);
    return true;
  }

  remove(session: ChatSession, client: string): void {
    if (!this.sessions.delete(session)) return;
    const count = (this.perClient.get(client) ?? 1) - 1;
    if (count <= 0) this.perClient.delete(client);
    else this.perClient.set(client, count);
  }

  /** Questions being answered on all sockets. */
  get inFlight(): number {
    let total = 0;
    for (const session of this.sessions) total += session.inFlightCount;
    return total;
  }

  /**
   * Shutdown: refuse new questions, let answers in flight finish for up to `graceMs`, then abort
   * what is left and close every socket (1001 going away).
   */
  async drain(graceMs: number): Promise<void> {
    this.draining = true;
    const deadline = Date.now() + graceMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    for (const session of [...this.sessions]) session.shutdown();
  }
}

/** One connected client. */
class ChatSession {
  private readonly inFlight = new Map<string, AbortController>();
  private closed = false;
  private readonly client: string;
  /** Whether the peer answered (or sent anything) since the last ping. */
  private alive = true;

  constructor(
    private readonly socket: WebSocket,
    private readonly request: FastifyRequest,
    private readonly deps: AppDependencies,
    private readonly registry: SessionRegistry,
  ) {
    this.client = clientKey(request);
    if (!registry.add(this, this.client)) {
      this.closed = true;
      const error = new AppError('TOO_MANY_CONNECTIONS', `每个客户端最多 ${deps.config.MAX_CONNECTIONS_PER_CLIENT} 个连接`);
      socket.send(JSON.stringify({ type: 'error', ...error.toJSON() }));
      socket.close(1008, 'too many connections');
      return;
    }
    socket.on('message', (data, isBinary) => {
      this.alive = true;
      this.receive(data, isBinary);
    });
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('close', () => this.close());
    socket.on('error', (error) => request.log.warn({ err: error }, 'websocket error'));
  }

  /** Sends a message if the socket is still open; messages are validated against the protocol first. */
  private send(message: ServerMessage): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    // A client that asks but does not read would make the server buffer answers without end.
    if (this.socket.bufferedAmount > sendBufferLimit(this.deps.config.MAX_MESSAGE_BYTES)) {
      this.request.log.warn({ buffered: this.socket.bufferedAmount }, 'closing a websocket whose client does not read its answers');
      this.close();
      this.socket.terminate();
      return;
    }
    const checked = serverMessageSchema.safeParse(message);
    if (!checked.success) {
      this.request.log.error({ issues: checked.error.issues, type: message.type }, 'refusing to send an invalid protocol message');
      this.socket.send(JSON.stringify({ type: 'error', ...('id' in message && message.id ? { id: message.id } : {}), code: 'INTERNAL', message: '服务器内部错误' }));
      return;
    }
    this.socket.send(JSON.stringify(checked.data));
  }

  private sendError(error: AppError, id?: string): void {
    this.send({ type: 'error', ...(id ? { id } : {}), ...error.toJSON() });
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.sendError(new AppError('INVALID_MESSAGE', '只接受 JSON 文本消息'));
      return;
    }
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    const limits = this.deps.config;
    if (buffer.byteLength > limits.MAX_MESSAGE_BYTES) {
      this.sendError(new AppError('MESSAGE_TOO_LARGE', `消息过大（最多 ${limits.MAX_MESSAGE_BYTES} 字节）`, { details: { limit: limits.MAX_MESSAGE_BYTES } }));
      return;
    }
    let json: unknown;
    try {
      // fatal: invalid UTF-8 is an error, not silently replaced characters.
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buffer));
    } catch {
      this.sendError(new AppError('INVALID_MESSAGE', '消息不是有效的 JSON'));
      return;
    }
    // The error of a malformed message carries its id only when that id is itself well formed.
    const givenId = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
    const id = questionIdSchema.safeParse(givenId).success ? (givenId as string) : undefined;
    const parsed = clientMessageSchema({ maxQuestionLength: limits.MAX_QUESTION_LENGTH, maxHistoryTurns: limits.MAX_HISTORY_TURNS }).safeParse(json);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big' && issue.path[0] === 'question');
      const error = tooLong
        ? new AppError('QUERY_TOO_LONG', `问题最多 ${limits.MAX_QUESTION_LENGTH} 个字符`, { details: { issues } })
        : new AppError('INVALID_MESSAGE', `${issues[0]!.field}: ${issues[0]!.problem}`, { details: { issues } });
      this.sendError(error, id);
      return;
    }
    const message = parsed.data;
    if (message.type === 'cancel') {
      this.inFlight.get(message.id)?.abort();
      return;
    }
    if (this.inFlight.has(message.id)) {
      this.sendError(new AppError('INVALID_MESSAGE', `问题 id “${message.id}” 正在回答中`), message.id);
      return;
    }
    if (this.registry.draining) {
      this.sendError(new AppError('SHUTTING_DOWN', '服务正在重启，请稍后重试'), message.id);
      return;
    }
    if (!this.registry.askBudget.take(this.client)) {
      this.sendError(new AppError('RATE_LIMITED', `提问过于频繁：每分钟最多 ${limits.RATE_LIMIT_PER_MINUTE} 个问题`), message.id);
      return;
    }
    if (this.inFlight.size >= limits.MAX_IN_FLIGHT_PER_SOCKET) {
      this.sendError(new AppError('TOO_MANY_IN_FLIGHT', `同时最多 ${limits.MAX_IN_FLIGHT_PER_SOCKET} 个问题，请等待当前回答完成`), message.id);
      return;
    }
    const controller = new AbortController();
    this.inFlight.set(message.id, controller);
    const { type: _type, id: questionId, ...fields } = message;
    void this.run(questionId, fields, controller);
  }

  private async run(id: string, fields: Parameters<AppDependencies['answers']['answer']>[0], controller: AbortController): Promise<void> {
    const started = performance.now();
    if (this.deps.config.LOG_QUESTIONS) this.request.log.info({ questionId: id, mode: fields.mode, question: fields.question }, 'question');
    try {
      for await (const event of this.deps.answers.answer(fields, controller.signal)) {
        if (controller.signal.aborted) break;
        this.send(withId(event, id));
      }
      if (controller.signal.aborted) this.sendError(new AppError('CANCELLED', '已取消'), id);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.status >= 500 && appError.code !== 'CANCELLED') this.request.log.error({ err: error, questionId: id }, 'answer failed');
      this.sendError(appError, id);
    } finally {
      this.inFlight.delete(id);
      this.request.log.debug({ questionId: id, ms: Math.round(performance.now() - started) }, 'answer finished');
    }
  }

  /** The heartbeat: disconnects a peer that has not answered since the last ping, else pings it. */
  ping(): void {
    if (!this.alive) {
      this.request.log.info({ client: this.client }, 'closing a websocket whose peer stopped answering pings');
      this.close();
      this.socket.terminate();
      return;
    }
    this.alive = false;
    if (this.socket.readyState === this.socket.OPEN) this.socket.ping();
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Aborts everything in flight (the socket closed). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.registry.remove(this, this.client);
    for (const controller of this.inFlight.values()) controller.abort();
    this.inFlight.clear();
  }

  /** Server shutdown: abort what is left and say goodbye. */
  shutdown(): void {
    for (const [id, controller] of this.inFlight) {
      controller.abort();
      this.sendError(new AppError('SHUTTING_DOWN', '服务正在重启，回答已中止'), id);
    }
    this.close();
    if (this.socket.readyState === this.socket.OPEN) {
      this.socket.close(1001, 'server shutting down');
      // A client that never completes the closing handshake must not hold the shutdown up.
      setTimeout(() => this.socket.terminate(), 1_000).unref();
    }
  }
}

function withId(event: AnswerEvent, id: string): ServerMessage {
  return { ...event, id } as ServerMessage;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Open chat sockets; drained on shutdown. */
    chatSessions: SessionRegistry;
  }
}

/**
 * Registers `/ws`, and `app.chatSessions` for the shutdown in main.ts (hence fastify-plugin: the
 * decorator and the draining hook belong to the whole app). Register it before other routes, so
 * that the hook covers them.
 */
export const chatSocketRoutes = fastifyPlugin<AppDependencies>(
  async (app, deps) => {
    const registry = new SessionRegistry(deps);
    app.decorate('chatSessions', registry);

    app.addHook('onClose', async () => registry.stop());

    // While shutting down, new requests and sockets are refused cleanly; answers in flight finish.
    app.addHook('onRequest', async (_request, reply) => {
      if (!registry.draining) return;
      const error = new AppError('SHUTTING_DOWN');
      reply.header('connection', 'close');
      return reply.status(error.status).send({ error: error.toJSON() });
    });

    // An upgrade anywhere else is refused before the handshake. Left to the websocket plugin, it
    // got 101 and a close frame, and the socket stayed open 30 s waiting for the peer to answer it.
    app.addHook('onRequest', async (request, reply) => {
      if (!isWebsocketUpgrade(request) || socketPaths.has(request.routeOptions.url ?? '')) return;
      const error = new AppError('BAD_REQUEST', `${request.url.split('?')[0]!.slice(0, 100)} 不接受 websocket 连接（聊天连接地址是 ${chatSocketPath}）`);
      reply.header('connection', 'close');
      return reply.status(error.status).send({ error: error.toJSON() });
    });

    app.route({
      method: 'GET',
      url: chatSocketPath,
      // A plain GET (no upgrade) gets a clear error instead of an empty 404.
      handler: async (_request, reply) => {
        const error = new AppError('BAD_REQUEST', '该地址只接受 websocket 连接');
        return reply.status(error.status).header('upgrade', 'websocket').send({ error: error.toJSON() });
      },
      wsHandler: (socket, request) => {
        new ChatSession(socket, request, deps, registry);
      },
    });
  },
  { name: 'chat-socket', dependencies: ['@fastify/websocket'] },
);
