/**
 * Load test on loopback: the real server (`server/main.ts` as a child process, with
 * RATE_LIMIT_PER_MINUTE=0 and a high MAX_CONNECTIONS_PER_CLIENT) and N concurrent websocket
 * sessions, each asking questions from a list (the three modes, follow-ups, questions the corpus
 * cannot answer) one after another for D seconds. It checks that every question got exactly one
 * `answer-end`, in protocol order, with nothing lost or interleaved into another question; reports
 * time to first token and to the end (p50/p95/p99) and questions per second; and measures the
 * server's heap after a warm-up and after each round (garbage collected, all sockets closed), so a
 * leak shows as growth from round to round.
 *
 *   npm run load -- [--sessions 300] [--duration 90] [--rounds 2] [--warmup 15] [--per-connection 10]
 *
 * (or LOAD_SESSIONS, LOAD_DURATION_S, LOAD_ROUNDS, LOAD_WARMUP_S, LOAD_PER_CONNECTION). Stops by itself; exits non-zero
 * when a check fails. The CI form is test/integration/load.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { answerEndMessageSchema } from '../core/answer/protocol.ts';
import type { MemorySample } from './memory-probe.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** The questions sessions ask, in turn: the three modes, a follow-up, and questions without an answer. */
export const loadQuestions: { question: string; mode: 'qa' | 'summary' | 'compare'; history?: { role: 'user' | 'assistant'; content: string }[] }[] = [
  { question: '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？', mode: 'qa' },
  { question: '嘉兴职业技术学院如何打造新时代党建高地？', mode: 'qa' },
  { question: '苏州工业职业技术学院的党员技术服务团队做了什么？', mode: 'qa' },
  { question: '各院校如何推动党建与业务融合？', mode: 'compare' },
  { question: '浙江机电职业技术学院自动化学院的党建经验', mode: 'summary' },
  { question: '台州科技职业学院机电与模具学院党建工作取得了哪些成效？', mode: 'qa' },
  {
    question: '那他们取得了哪些成效？',
    mode: 'qa',
    history: [
      { role: 'user', content: '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？' },
      { role: 'assistant', content: '该支部实施了“四个一”“三亮三比”等五大工程。' },
    ],
  },
  { question: '量子计算的发展前景如何？', mode: 'qa' },
  { question: '各院校开展党史学习教育的做法', mode: 'summary' },
  { question: '校企合作中党支部发挥了什么作用？', mode: 'compare' },
];

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface RoundReport {
  name: string;
  seconds: number;
  sessions: number;
  questions: number;
  answers: number;
  notFound: number;
  /** Error messages by code (none expected). */
  errors: Record<string, number>;
  /** Questions that never got their end. */
  lost: number;
  /** Protocol-order violations, duplicate ends, messages for unknown ids. */
  violations: string[];
  questionsPerSecond: number;
  firstTokenMs: Percentiles;
  answerEndMs: Percentiles;
  /** Sockets that failed to open or closed early. */
  socketProblems: string[];
}

export interface LoadReport {
  sessions: number;
  durationSeconds: number;
  rounds: RoundReport[];
  memory: { afterWarmup: MemorySample; afterRounds: MemorySample[] };
  /** Heap growth from the first measured round to the last, in MB. */
  heapGrowthMb: number;
  /** What failed; empty when the server held. */
  problems: string[];
}

export interface LoadOptions {
  sessions: number;
  durationSeconds: number;
  rounds: number;
  warmupSeconds: number;
  /** Heap growth allowed between the first and the last round (MB); default: 1.5 MB or 5 %, whichever is more (after a forced GC the heap of a server without a leak moves by a few hundred KB). */
  maxHeapGrowthMb?: number;
  /** Questions a session asks on one socket before it reconnects (default 10). */
  questionsPerConnection?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => (sorted.length ? Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1)) : 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** The server as a child process with the memory probe; resolves once it listens. */
async function startServer(indexDir: string, sessions: number): Promise<{ child: ChildProcess; port: number; settledMemory: () => Promise<MemorySample>; stop: () => Promise<void>; stderr: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (/^(OPENAI_|ACCESS_TOKEN|CORS_ORIGIN|LOG_QUESTIONS)/.test(name)) delete env[name];
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', './scripts/memory-probe.ts', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      INDEX_DIR: indexDir,
      INGEST_ON_START: 'true',
      EMBEDDING_MODEL: '',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      MAX_CONNECTIONS_PER_CLIENT: String(Math.max(1000, sessions * 2)),
      SHUTDOWN_GRACE_MS: '5000',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (data: string) => (stderr += data));
  child.stdout!.resume();
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${stderr}`)), 60_000);
    const check = (): void => {
      const match = /is running at http:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${stderr}`));
    });
  });
  let sequence = 0;
  const memory = (): Promise<MemorySample> =>
    new Promise((resolve, reject) => {
      const id = ++sequence;
      const timer = setTimeout(() => reject(new Error('no memory sample within 10 s')), 10_000);
      const onMessage = (message: { type?: string; id?: number; sample?: MemorySample }): void => {
        if (message?.type !== 'memory' || message.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message.sample!);
      };
      child.on('message', onMessage);
      child.send({ type: 'memory', id });
    });
  /**
   * A sample once the sockets of the last round have closed on the server too (as many open
   * sockets as at start), however long the closing handshakes take on a busy machine.
   */
  const baseline = await memory();
  const settledMemory = async (): Promise<MemorySample> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const sample = await memory();
      if ((sample.handles.TCPSocketWrap ?? 0) <= (baseline.handles.TCPSocketWrap ?? 0) || Date.now() > deadline) return sample;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, port, settledMemory, stop, stderr: () => stderr };
}

/** One session's state for the question in flight. */
interface Pending {
  id: string;
  sentAt: number;
  firstTokenAt?: number;
  seen: string[];
}

/** One round: `sessions` sockets asking for `seconds`, then every answer awaited and every socket closed. */
async function runRound(name: string, url: string, sessions: number, seconds: number, offset: number, perConnection: number): Promise<RoundReport> {
  const report: RoundReport = {
    name,
    seconds,
    sessions,
    questions: 0,
    answers: 0,
    notFound: 0,
    errors: {},
    lost: 0,
    violations: [],
    questionsPerSecond: 0,
    firstTokenMs: percentiles([]),
    answerEndMs: percentiles([]),
    socketProblems: [],
  };
  const firstTokens: number[] = [];
  const totals: number[] = [];
  const violation = (text: string): void => {
    if (report.violations.length < 50) report.violations.push(text);
  };
  let stopAsking = false;
  const started = performance.now();

  /**
   * One session: a socket that asks questions one after another; after `perConnection` questions it
   * closes and opens a new socket (as page reloads do), which also exercises connection set-up and
   * clean-up under load.
   */
  const session = async (index: number): Promise<void> => {
    let asked = 0;
    while (!stopAsking) {
      const more = await connection(index, () => asked++);
      if (!more) break;
    }
  };

  /** One socket of a session; resolves true when it closed after its share of questions, to reconnect. */
  const connection = (index: number, nextNumber: () => number): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const socket = new WebSocket(url, ['pbqa.v1'], { perMessageDeflate: false });
      const ended = new Set<string>();
      let pending: Pending | undefined;
      let askedHere = 0;
      let finished = false;
      const finish = (reconnect: boolean): void => {
        if (finished) return;
        finished = true;
        if (pending) report.lost++;
        pending = undefined;
        if (socket.readyState === WebSocket.OPEN) socket.close();
        resolve(reconnect);
      };
      const askNext = (): void => {
        if (stopAsking) return finish(false);
        if (askedHere >= perConnection) return finish(true);
        const number = nextNumber();
        askedHere++;
        const spec = loadQuestions[(index + offset + number) % loadQuestions.length]!;
        const id = `s${index}-q${number}`;
        pending = { id, sentAt: performance.now(), seen: [] };
        report.questions++;
        socket.send(JSON.stringify({ type: 'ask', id, question: spec.question, mode: spec.mode, ...(spec.history ? { history: spec.history } : {}) }));
      };
      socket.on('open', askNext);
      socket.on('message', (data: WebSocket.RawData) => {
        let message: { type?: string; id?: string; code?: string; notFound?: boolean };
        try {
          message = JSON.parse(data.toString()) as typeof message;
        } catch {
          violation(`s${index}: a frame that is not JSON`);
          return;
        }
        if (!message.id || (pending?.id !== message.id && !ended.has(message.id))) {
          violation(`s${index}: ${message.type} for ${message.id ?? 'no id'}, expected ${pending?.id ?? 'nothing'}`);
          return;
        }
        if (ended.has(message.id)) {
          violation(`s${index}: ${message.type} for ${message.id} after its end`);
          return;
        }
        const current = pending!;
        current.seen.push(message.type ?? '?');
        if (message.type === 'text-delta' && current.firstTokenAt === undefined) current.firstTokenAt = performance.now();
        if (message.type === 'answer-end' || message.type === 'error') {
          ended.add(current.id);
          pending = undefined;
          if (message.type === 'error') report.errors[message.code ?? '?'] = (report.errors[message.code ?? '?'] ?? 0) + 1;
          else {
            const order = current.seen.join(',');
            if (!/^sources(,text-delta)*(,notice,sources(,text-delta)*)?,answer-end$/.test(order)) violation(`${current.id}: messages in the order ${order}`);
            const parsed = answerEndMessageSchema.safeParse(message);
            if (!parsed.success) violation(`${current.id}: an invalid answer-end (${parsed.error.issues[0]?.message})`);
            report.answers++;
            if (message.notFound) report.notFound++;
            const now = performance.now();
            totals.push(now - current.sentAt);
            firstTokens.push((current.firstTokenAt ?? now) - current.sentAt);
          }
          askNext();
        }
      });
      socket.on('error', (error) => {
        if (report.socketProblems.length < 20) report.socketProblems.push(`s${index}: ${error.message}`);
      });
      socket.on('close', (code) => {
        if (!finished) {
          if (report.socketProblems.length < 20) report.socketProblems.push(`s${index}: closed (${code}) mid-round`);
          finish(false);
        }
      });
    });

  // Open the sessions in small batches (a burst of hundreds of handshakes is not the load under test).
  const done: Promise<void>[] = [];
  for (let index = 0; index < sessions; index++) {
    done.push(session(index));
    if (index % 25 === 24) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000 - (performance.now() - started))));
  stopAsking = true;
  // Every question in flight must still end; a bounded wait, then the stragglers count as lost.
  const drained = await Promise.race([Promise.all(done).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))]);
  if (!drained) report.socketProblems.push('some sessions did not finish within 30 s of the end of the round');
  const elapsed = (performance.now() - started) / 1000;
  report.questionsPerSecond = Number((report.answers / elapsed).toFixed(1));
  report.firstTokenMs = percentiles(firstTokens);
  report.answerEndMs = percentiles(totals);
  return report;
}

/** Runs the whole load test against its own server; always stops the server. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const perConnection = options.questionsPerConnection ?? 10;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pbqa-load-'));
  const server = await startServer(path.join(root, 'index'), options.sessions);
  try {
    const url = `ws://127.0.0.1:${server.port}/ws`;
    log(`server on port ${server.port}; warm-up ${options.warmupSeconds} s with ${options.sessions} sessions`);
    const warmup = await runRound('warm-up', url, options.sessions, options.warmupSeconds, 0, perConnection);
    const afterWarmup = await server.settledMemory();
    const rounds: RoundReport[] = [warmup];
    const afterRounds: MemorySample[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      log(`round ${round}: ${options.sessions} sessions for ${options.durationSeconds} s`);
      const report = await runRound(`round ${round}`, url, options.sessions, options.durationSeconds, round * 3, perConnection);
      rounds.push(report);
      afterRounds.push(await server.settledMemory());
      log(`  ${report.answers} answers, ${report.questionsPerSecond}/s, first token p95 ${report.firstTokenMs.p95} ms, end p95 ${report.answerEndMs.p95} ms, heap ${(afterRounds.at(-1)!.heapUsed / 1e6).toFixed(1)} MB`);
    }

    const problems: string[] = [];
    for (const round of rounds) {
      if (round.answers === 0) problems.push(`${round.name}: no answers`);
      if (Object.keys(round.errors).length > 0) problems.push(`${round.name}: errors ${JSON.stringify(round.errors)}`);
      if (round.lost > 0) problems.push(`${round.name}: ${round.lost} questions lost`);
      if (round.answers !== round.questions - round.lost - Object.values(round.errors).reduce((sum, count) => sum + count, 0)) problems.push(`${round.name}: ${round.questions} questions, ${round.answers} answers`);
      problems.push(...round.violations.map((text) => `${round.name}: ${text}`), ...round.socketProblems.map((text) => `${round.name}: ${text}`));
    }
    const first = afterRounds[0]!;
    const last = afterRounds.at(-1)!;
    const heapGrowthMb = Number(((last.heapUsed - first.heapUsed) / 1e6).toFixed(2));
    const allowedMb = options.maxHeapGrowthMb ?? Math.max(1.5, (first.heapUsed / 1e6) * 0.05);
    if (heapGrowthMb > allowedMb) problems.push(`heap grew ${heapGrowthMb} MB from round 1 to round ${options.rounds} (allowed ${allowedMb.toFixed(1)} MB)`);
    const sockets = (sample: MemorySample): number => sample.handles.TCPSocketWrap ?? 0;
    if (sockets(last) > sockets(afterWarmup)) problems.push(`open sockets grew from ${sockets(afterWarmup)} to ${sockets(last)}`);
    const timers = (sample: MemorySample): number => sample.handles.Timeout ?? 0;
    if (timers(last) > timers(afterWarmup) + 5) problems.push(`timers grew from ${timers(afterWarmup)} to ${timers(last)}`);
    return { sessions: options.sessions, durationSeconds: options.durationSeconds, rounds, memory: { afterWarmup, afterRounds }, heapGrowthMb, problems };
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sessions: { type: 'string' }, duration: { type: 'string' }, rounds: { type: 'string' }, warmup: { type: 'string' }, 'per-connection': { type: 'string' } } });
  const options: LoadOptions = {
    sessions: Number(values.sessions ?? process.env.LOAD_SESSIONS ?? 300),
    durationSeconds: Number(values.duration ?? process.env.LOAD_DURATION_S ?? 90),
    rounds: Number(values.rounds ?? process.env.LOAD_ROUNDS ?? 2),
    warmupSeconds: Number(values.warmup ?? process.env.LOAD_WARMUP_S ?? 15),
    questionsPerConnection: Number(values['per-connection'] ?? process.env.LOAD_PER_CONNECTION ?? 10),
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const report = await runLoad(options);
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
  for (const round of report.rounds) {
    process.stderr.write(
      `${round.name.padEnd(8)} ${String(round.answers).padStart(7)} answers  ${String(round.questionsPerSecond).padStart(6)}/s  ` +
        `first token p50/p95/p99 ${round.firstTokenMs.p50}/${round.firstTokenMs.p95}/${round.firstTokenMs.p99} ms  ` +
        `end p50/p95/p99 ${round.answerEndMs.p50}/${round.answerEndMs.p95}/${round.answerEndMs.p99} ms  errors ${JSON.stringify(round.errors)}  lost ${round.lost}\n`,
    );
  }
  process.stderr.write(`heap after warm-up ${mb(report.memory.afterWarmup.heapUsed)}; after rounds ${report.memory.afterRounds.map((sample) => mb(sample.heapUsed)).join(', ')}; rss ${report.memory.afterRounds.map((sample) => mb(sample.rss)).join(', ')}\n`);
  process.stderr.write(report.problems.length === 0 ? 'OK: no errors, nothing lost, memory flat\n' : `FAILED:\n  ${report.problems.join('\n  ')}\n`);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
