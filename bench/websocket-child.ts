/**
 * Bench child: the websocket client side. Runs in its own process (the server under test is in
 * serve-child.ts), so the clients' JSON parsing and socket work do not share the server's event
 * loop; on two cores each gets one.
 *
 * Three measurements against `/ws` with the extractive engine:
 * - one client asking questions one after another (time to first `text-delta`, to `answer-end`);
 * - `sessions` sockets held open together while questions arrive at fixed rates spread over them
 *   (open loop: a question is sent on schedule whether or not earlier ones have ended, so a slow
 *   server shows as growing latency instead of fewer questions);
 * - the same sessions asking back to back (closed loop) for the most questions per second.
 * Every question must end in exactly one `answer-end` or `error`; errors and lost questions are
 * counted and reported, never dropped.
 */
import WebSocket from 'ws';
import type { AnswerMode } from '../core/answer/protocol.ts';
import { childMain } from './child.ts';
import { round, summarize, type Summary } from './stats.ts';

export interface WebsocketTask {
  url: string;
  questions: string[];
  /** Questions the single client asks (after a few unmeasured ones). */
  singleQuestions: number;
  sessions: number;
  /** Open-loop arrival rates to run, in questions per second over all sessions. */
  rates: number[];
  /** Seconds per open-loop rate and for the closed-loop run. */
  seconds: number;
}

export interface LoadStep {
  /** Questions per second asked (null: closed loop, every session back to back). */
  targetRate: number | null;
  sessions: number;
  asked: number;
  answered: number;
  /** Questions per second that ended with `answer-end`, over the step's duration. */
  answeredPerSecond: number;
  errors: Record<string, number>;
  lost: number;
  firstToken: Summary;
  answerEnd: Summary;
}

export interface WebsocketResult {
  single: { firstToken: Summary; answerEnd: Summary; errors: number };
  /** Time to open all sessions, and how many were open when the last step ended. */
  open: { sessions: number; milliseconds: number; openAtEnd: number; failed: number };
  steps: LoadStep[];
  modes: Record<AnswerMode, number>;
}

/** A question's mode: mostly questions, every tenth a meeting summary and every tenth a comparison. */
function modeOf(index: number): AnswerMode {
  if (index % 10 === 3) return 'summary';
  if (index % 10 === 7) return 'compare';
  return 'qa';
}

interface Pending {
  sentAt: number;
  firstTokenAt?: number;
  resolve: (outcome: { firstTokenMs: number; answerEndMs: number } | { error: string }) => void;
}

/** One websocket session that can have several questions in flight. */
class Session {
  private readonly pending = new Map<string, Pending>();
  private counter = 0;
  open = false;

  private constructor(
    private readonly socket: WebSocket,
    private readonly name: string,
  ) {
    socket.on('message', (data: WebSocket.RawData) => this.receive(data.toString()));
    socket.on('close', () => {
      this.open = false;
      for (const [id, entry] of this.pending) {
        this.pending.delete(id);
        entry.resolve({ error: 'SOCKET_CLOSED' });
      }
    });
  }

  static connect(url: string, name: string): Promise<Session> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, ['pbqa.v1'], { perMessageDeflate: false });
      const session = new Session(socket, name);
      socket.once('open', () => {
        session.open = true;
        resolve(session);
      });
      socket.once('error', reject);
    });
  }

  get inFlight(): number {
    return this.pending.size;
  }

  ask(question: string, mode: AnswerMode): Promise<{ firstTokenMs: number; answerEndMs: number } | { error: string }> {
    const id = `${this.name}-${this.counter++}`;
    return new Promise((resolve) => {
      if (!this.open) return resolve({ error: 'SOCKET_CLOSED' });
      this.pending.set(id, { sentAt: performance.now(), resolve });
      this.socket.send(JSON.stringify({ type: 'ask', id, question, mode }));
    });
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as { type: string; id?: string; code?: string };
    const entry = message.id === undefined ? undefined : this.pending.get(message.id);
    if (!entry) return;
    const now = performance.now();
    if (message.type === 'text-delta') entry.firstTokenAt ??= now;
    else if (message.type === 'answer-end' || message.type === 'error') {
      this.pending.delete(message.id!);
      entry.resolve(message.type === 'error' ? { error: message.code ?? 'UNKNOWN' } : { firstTokenMs: (entry.firstTokenAt ?? now) - entry.sentAt, answerEndMs: now - entry.sentAt });
    }
  }

  close(): void {
    this.socket.close();
  }
}

const sleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Collects outcomes of one step. */
class StepTally {
  readonly firstTokens: number[] = [];
  readonly answerEnds: number[] = [];
  readonly errors: Record<string, number> = {};
  asked = 0;

  record(outcome: { firstTokenMs: number; answerEndMs: number } | { error: string }): void {
    if ('error' in outcome) this.errors[outcome.error] = (this.errors[outcome.error] ?? 0) + 1;
    else {
      this.firstTokens.push(outcome.firstTokenMs);
      this.answerEnds.push(outcome.answerEndMs);
    }
  }

  result(targetRate: number | null, sessions: number, seconds: number, lost: number): LoadStep {
    return {
      targetRate,
      sessions,
      asked: this.asked,
      answered: this.answerEnds.length,
      answeredPerSecond: round(this.answerEnds.length / seconds, 1),
      errors: this.errors,
      lost,
      firstToken: summarize(this.firstTokens),
      answerEnd: summarize(this.answerEnds),
    };
  }
}

/** Waits for the given questions to end, at most `milliseconds`; returns how many did not. */
async function settle(outstanding: Set<Promise<unknown>>, milliseconds: number): Promise<number> {
  await Promise.race([Promise.all(outstanding), sleep(milliseconds)]);
  return outstanding.size;
}

childMain<WebsocketTask, WebsocketResult>(async (task, progress) => {
  let questionNumber = 0;
  const modes: Record<AnswerMode, number> = { qa: 0, summary: 0, compare: 0 };
  const nextQuestion = (): { question: string; mode: AnswerMode } => {
    const index = questionNumber++;
    const mode = modeOf(index);
    modes[mode]++;
    return { question: task.questions[index % task.questions.length]!, mode };
  };

  // One client, one question at a time; the first few warm the server's code paths up.
  const single = await Session.connect(task.url, 'single');
  const firstTokens: number[] = [];
  const answerEnds: number[] = [];
  let singleErrors = 0;
  for (let index = 0; index < task.singleQuestions + 10; index++) {
    const { question, mode } = nextQuestion();
    const outcome = await single.ask(question, mode);
    if (index < 10) continue;
    if ('error' in outcome) singleErrors++;
    else {
      firstTokens.push(outcome.firstTokenMs);
      answerEnds.push(outcome.answerEndMs);
    }
  }
  single.close();
  progress(`  websocket, one client: first token p50 ${summarize(firstTokens).p50.toFixed(1)} ms, p99 ${summarize(firstTokens).p99.toFixed(1)} ms`);

  // Open every session first (in batches, as users arrive), then hold them all open.
  const openStarted = performance.now();
  const sessions: Session[] = [];
  let failed = 0;
  for (let start = 0; start < task.sessions; start += 50) {
    const batch = await Promise.allSettled(Array.from({ length: Math.min(50, task.sessions - start) }, (_, offset) => Session.connect(task.url, `s${start + offset}`)));
    for (const outcome of batch) {
      if (outcome.status === 'fulfilled') sessions.push(outcome.value);
      else failed++;
    }
  }
  const openMs = performance.now() - openStarted;
  progress(`  websocket: ${sessions.length} sessions open in ${(openMs / 1000).toFixed(1)} s${failed ? ` (${failed} failed)` : ''}`);
  if (sessions.length === 0) throw new Error('no websocket session could be opened');

  const steps: LoadStep[] = [];
  let cursor = 0;
  /** The next session with the fewest questions in flight, round robin (a user waits for an answer before asking again). */
  const pickSession = (): Session => {
    for (let tries = 0; tries < sessions.length; tries++) {
      const session = sessions[cursor++ % sessions.length]!;
      if (session.open && session.inFlight === 0) return session;
    }
    return sessions[cursor++ % sessions.length]!;
  };

  for (const rate of task.rates) {
    const tally = new StepTally();
    const outstanding = new Set<Promise<unknown>>();
    const started = performance.now();
    const interval = 1000 / rate;
    // Questions leave on a fixed schedule; a late timer sends the overdue ones at once.
    for (let sent = 0; performance.now() - started < task.seconds * 1000; ) {
      const due = Math.floor((performance.now() - started) / interval) + 1;
      for (; sent < due; sent++) {
        const { question, mode } = nextQuestion();
        tally.asked++;
        const promise: Promise<void> = pickSession()
          .ask(question, mode)
          .then((outcome) => {
            tally.record(outcome);
            outstanding.delete(promise);
          });
        outstanding.add(promise);
      }
      await sleep(Math.max(0, started + sent * interval - performance.now()));
    }
    const lost = await settle(outstanding, 30_000);
    const step = tally.result(rate, sessions.length, task.seconds, lost);
    steps.push(step);
    progress(`  websocket, ${sessions.length} sessions at ${rate} q/s: ${step.answeredPerSecond} answers/s, first token p50 ${step.firstToken.p50.toFixed(1)} / p99 ${step.firstToken.p99.toFixed(1)} ms, answer end p99 ${step.answerEnd.p99.toFixed(1)} ms${lost ? `, ${lost} lost` : ''}`);
  }

  {
    // Closed loop: every session asks again as soon as its answer ends.
    const tally = new StepTally();
    const started = performance.now();
    let stop = false;
    const loop = async (session: Session): Promise<void> => {
      while (!stop && session.open) {
        const { question, mode } = nextQuestion();
        tally.asked++;
        tally.record(await session.ask(question, mode));
      }
    };
    const loops = sessions.map((session) => loop(session));
    await sleep(task.seconds * 1000);
    stop = true;
    const outstanding = new Set<Promise<unknown>>(loops);
    for (const promise of loops) void promise.then(() => outstanding.delete(promise));
    const lost = await settle(outstanding, 30_000);
    const step = tally.result(null, sessions.length, (performance.now() - started) / 1000, lost);
    steps.push(step);
    progress(`  websocket, ${sessions.length} sessions back to back: ${step.answeredPerSecond} answers/s, first token p50 ${step.firstToken.p50.toFixed(1)} / p99 ${step.firstToken.p99.toFixed(1)} ms`);
  }

  const openAtEnd = sessions.filter((session) => session.open).length;
  for (const session of sessions) session.close();
  return {
    single: { firstToken: summarize(firstTokens), answerEnd: summarize(answerEnds), errors: singleErrors },
    open: { sessions: task.sessions, milliseconds: round(openMs, 1), openAtEnd, failed },
    steps,
    modes,
  };
});
