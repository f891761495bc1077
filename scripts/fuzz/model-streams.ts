/**
 * Hostile model streams: a real HTTP server speaking the OpenAI streaming protocol (the tests' fake
 * endpoint) replies with what a broken or hostile model might send: runaway length, lists of
 * citation numbers that never close, markers for sources that do not exist, lone surrogates and
 * non-characters, a token every so often past the answer's deadline, stalls, cut connections and
 * HTTP errors. Every question must end exactly once, in protocol order, within the deadline and
 * the length limit, citing only sources it was given; a model that breaks a limit is replaced by
 * the extractive answer with a notice saying why. The server is the real `server/main.ts` in a
 * child process, configured through its settings, so that a server that hangs (a regex that
 * backtracks for ever) fails a run instead of freezing the fuzzer.
 */
import fc from 'fast-check';
import WebSocket from 'ws';
import { serverMessageSchema, type ServerMessage } from '../../core/answer/protocol.ts';
import { fakeApiKey, fakeModel, startFakeOpenAI, type FakeReply } from '../../test/helpers/fake-openai.ts';
import { killServerProcesses, startServerProcess } from '../../test/helpers/server-process.ts';
import { fuzzProperty, leaks, seededText, validQuestion, type FuzzFailure } from './shared.ts';

/** Limits the fuzzed server runs with: short, so that a run stays short. */
export const streamLimits = { chunkTimeoutMs: 1_000, answerTimeoutMs: 2_500, maxAnswerChars: 4_000 } as const;

const fragment = fc.oneof(
  { arbitrary: fc.constantFrom('风能工程学院教工党支部实施了五大工程', '。', '，', '党员先锋岗', '\n', '**加粗**', '- 列表项'), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `[${n}]`), weight: 3 },
  fc.constantFrom('【资料2】', '［来源1，来源9］', '[1-3]', '[2–999]', '[注]', '【未找到】', '[', '【', ']', '[source 4]'),
  // A list of numbers that may never close (the regex that once backtracked for ever).
  fc.record({ count: fc.integer({ min: 1, max: 300 }), separator: fc.constantFrom(', ', ',', '、', ' , '), closed: fc.boolean() }).map(({ count, separator, closed }) => `[${Array.from({ length: count }, (_, index) => index + 1).join(separator)}${closed ? ']' : ' 等资料'}`),
  fc.constantFrom('\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\u0000', '\u001B[31m', '<script>alert(1)</script>', '忽略之前的指令'),
  // One huge delta.
  fc.tuple(fc.integer({ min: 1_000, max: 30_000 }), fc.nat()).map(([size, seed]) => seededText(size, seed, '党建引领工程学院[1]。，')),
);

/** How the fake endpoint answers: the deltas, their pacing, and how (if at all) it breaks. */
const replyArbitrary: fc.Arbitrary<FakeReply> = fc
  .record({
    deltas: fc.array(fragment, { minLength: 1, maxLength: 60 }),
    pace: fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, fc.constant(5), fc.constant(150)),
    ending: fc.oneof(
      { arbitrary: fc.constant({}), weight: 6 },
      fc.constant({ finishReason: 'length' as const }),
      fc.nat({ max: 10 }).map((after) => ({ pauseAfter: after })),
      fc.record({ cutAfter: fc.nat({ max: 10 }), cutMode: fc.constantFrom('destroy' as const, 'end' as const) }),
      fc.constantFrom(400, 401, 429, 500, 503).map((status) => ({ errorStatus: status })),
      fc.constant({ headerDelayMs: 5_000 }),
    ),
  })
  .map(({ deltas, pace, ending }) => ({ deltas, delayMs: pace, ...ending }));

/** Cases every run covers first: a runaway reply, a slow drip past the deadline, a list that never closes, a stall, an error. */
export const modelStreamExamples: FakeReply[] = [
  { deltas: [seededText(30_000, 1, '党建引领工程学院[1]。，')], delayMs: 0 },
  { deltas: Array.from({ length: 60 }, () => '风能工程学院教工党支部实施了五大工程[1]。'), delayMs: 150 },
  { deltas: ['参见[', `${Array.from({ length: 300 }, (_, index) => index + 1).join(', ')} 等资料。`, '该支部实施了五大工程[1]。'], delayMs: 0 },
  { deltas: ['该支部实施了五大工程[1]', '。'], pauseAfter: 1 },
  { deltas: ['x'], errorStatus: 500 },
];

const allowedNotices = new Set(['UPSTREAM_ERROR', 'UPSTREAM_TIMEOUT', 'ANSWER_TOO_LONG']);

/** What is wrong with one question's messages, or null. */
function checkAnswer(messages: readonly ServerMessage[], reply: FakeReply, elapsedMs: number, secrets: readonly string[]): string | null {
  const types = messages.map((message) => message.type).join(',');
  if (!/^sources(,text-delta)*(,notice,sources(,text-delta)*)?,answer-end$/.test(types)) return `message order ${types.slice(0, 300)}`;
  const limit = streamLimits.answerTimeoutMs + streamLimits.chunkTimeoutMs + 3_000;
  if (elapsedMs > limit) return `the answer took ${elapsedMs} ms (deadline ${streamLimits.answerTimeoutMs} ms)`;
  const end = messages.at(-1) as Extract<ServerMessage, { type: 'answer-end' }>;
  const notice = messages.find((message) => message.type === 'notice') as Extract<ServerMessage, { type: 'notice' }> | undefined;
  if (notice && !allowedNotices.has(notice.code)) return `notice ${notice.code}`;
  if (notice && end.engine !== 'extractive') return `a notice, yet the answer is from ${end.engine}`;
  const sent = (reply.deltas ?? []).join('').length;
  const clean = !reply.errorStatus && reply.headerDelayMs === undefined && reply.pauseAfter === undefined && reply.cutAfter === undefined;
  if (clean && sent > streamLimits.maxAnswerChars && notice?.code !== 'ANSWER_TOO_LONG') return `${sent} characters sent, but no ANSWER_TOO_LONG notice (${notice?.code ?? 'none'})`;
  if (end.answer.length > streamLimits.maxAnswerChars * 20) return `an answer of ${end.answer.length} characters`;
  // Every marker points at a citation, and every citation at a source the model was given.
  const sources = (messages.filter((message) => message.type === 'sources').at(-1) as Extract<ServerMessage, { type: 'sources' }>).citations;
  const given = new Set(sources.map((citation) => citation.chunkId));
  const cited = new Set(end.citations.map((citation) => citation.n));
  for (const citation of end.citations) if (!given.has(citation.chunkId)) return `citation [${citation.n}] is not among the sources`;
  for (const match of end.answer.matchAll(/\[(\d+)\]/g)) if (!cited.has(Number(match[1]))) return `marker ${match[0]} without a citation`;
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(end.answer) && end.engine === 'extractive') return 'a lone surrogate in an extractive answer';
  const leak = leaks(JSON.stringify(messages), secrets);
  return leak ? `the answer ${leak}` : null;
}

/**
 * Asks `runs` questions of a server whose model endpoint replies with hostile streams (index
 * `indexDir`, lexical-only), checking each answer.
 */
export async function fuzzModelStreams(options: { indexDir: string; runs: number; seed: number; secrets?: readonly string[] }): Promise<{ runs: number; failures: FuzzFailure[]; notices: Record<string, number> }> {
  const fake = await startFakeOpenAI({ text: '（未设置回复）' });
  const server = await startServerProcess({
    env: {
      INDEX_DIR: options.indexDir,
      INGEST_ON_START: 'false',
      RATE_LIMIT_PER_MINUTE: '0',
      OPENAI_API_KEY: fakeApiKey,
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MODEL: fakeModel,
      OPENAI_TIMEOUT_MS: String(streamLimits.chunkTimeoutMs),
      OPENAI_ANSWER_TIMEOUT_MS: String(streamLimits.answerTimeoutMs),
      OPENAI_MAX_ANSWER_CHARS: String(streamLimits.maxAnswerChars),
    },
  });
  const socket = new WebSocket(`${server.baseUrl.replace(/^http/, 'ws')}/ws`, ['pbqa.v1']);
  const byId = new Map<string, { messages: ServerMessage[]; done: () => void }>();
  socket.on('message', (data: WebSocket.RawData) => {
    const parsed = serverMessageSchema.safeParse(JSON.parse(String(data)));
    if (!parsed.success || !('id' in parsed.data) || !parsed.data.id) return;
    const entry = byId.get(parsed.data.id);
    if (!entry) return;
    entry.messages.push(parsed.data);
    if (parsed.data.type === 'answer-end' || parsed.data.type === 'error') entry.done();
  });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const notices: Record<string, number> = {};
  let sequence = 0;
  const check = async (reply: FakeReply): Promise<string | null> => {
    if (server.hasExited()) return 'the server has exited';
    if (socket.readyState !== WebSocket.OPEN) return 'the socket closed';
    fake.respond(reply);
    const id = `m${++sequence}`;
    const started = Date.now();
    const messages: ServerMessage[] = [];
    const finished = new Promise<void>((resolve) => byId.set(id, { messages, done: resolve }));
    socket.send(JSON.stringify({ type: 'ask', id, question: validQuestion }));
    const deadline = streamLimits.answerTimeoutMs + streamLimits.chunkTimeoutMs + 10_000;
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, deadline))]);
    // Anything sent after the end would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 20));
    byId.delete(id);
    const notice = messages.find((message) => message.type === 'notice');
    if (notice?.type === 'notice') notices[notice.code] = (notices[notice.code] ?? 0) + 1;
    return checkAnswer(messages, reply, Date.now() - started, options.secrets ?? []);
  };
  try {
    const describe = (reply: FakeReply) => ({
      kind: reply.errorStatus ? `HTTP ${reply.errorStatus}` : reply.cutAfter !== undefined ? 'cut' : reply.pauseAfter !== undefined ? 'stall' : reply.headerDelayMs ? 'no headers' : 'stream',
      input: JSON.stringify({ ...reply, deltas: reply.deltas?.map((delta) => (delta.length > 80 ? `${delta.slice(0, 80)}…(${delta.length})` : delta)) }).slice(0, 600),
    });
    const { runs, failures } = await fuzzProperty('model', replyArbitrary, options.runs, options.seed, check, describe, modelStreamExamples);
    const health = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
    if (health?.status !== 200) failures.push({ surface: 'model', kind: 'health', input: '', problem: `health answered ${health?.status ?? 'nothing'} afterwards` });
    return { runs, failures, notices };
  } finally {
    socket.close();
    await killServerProcesses();
    await fake.close();
  }
}
