/**
 * Fuzzing with fast-check (seeded; a failing input is shrunk to a minimal one and reported):
 *
 * - websocket frames on `/ws` and raw HTTP requests (scripts/fuzz/frames.ts, requests.ts): each
 *   frame gets exactly one protocol `error` with a stable code and the socket stays open; each
 *   request gets a JSON error (4xx, never 5xx) without stack traces or server paths;
 * - hostile model streams (scripts/fuzz/model-streams.ts): every answer ends once, in protocol
 *   order, within the answer deadline and the length limit, citing only real sources;
 * - hostile corpus files (scripts/fuzz/corpus-files.ts): zip bombs, links out of the corpus,
 *   undeclared encodings, non-characters; ingest finishes and accounts for every file;
 * - slow request bodies and headers (scripts/fuzz/slow-bodies.ts), many at once: each answered
 *   408 and closed by the request time-out while the server keeps answering.
 *
 * The CI form is test/integration/fuzz.test.ts; the long form is
 *   npm run fuzz -- [--frames N] [--requests N] [--streams N] [--corpora N] [--slow N] [--seed N]
 * (or FUZZ_FRAMES, FUZZ_REQUESTS, FUZZ_STREAMS, FUZZ_CORPORA, FUZZ_SLOW, FUZZ_SEED), which serves
 * the default corpus from a temporary index on a loopback port and exits non-zero on any failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzCorpusFiles } from './fuzz/corpus-files.ts';
import { fuzzModelStreams } from './fuzz/model-streams.ts';
import { fuzzSlowBodies } from './fuzz/slow-bodies.ts';
import type { FuzzFailure, FuzzLimits } from './fuzz/shared.ts';
import { fuzzHttp, fuzzWebsocket, type WebsocketResult } from './fuzz/surfaces.ts';

export type { FuzzFailure, FuzzLimits } from './fuzz/shared.ts';
export { fuzzCorpusFiles } from './fuzz/corpus-files.ts';
export { fuzzModelStreams, modelStreamExamples } from './fuzz/model-streams.ts';
export { fuzzSlowBodies } from './fuzz/slow-bodies.ts';

export interface FuzzReport {
  seed: number;
  frames: number;
  requests: number;
  failures: FuzzFailure[];
  /** Error codes seen on the websocket, and HTTP statuses. */
  wsCodes: Record<string, number>;
  httpStatuses: Record<string, number>;
  /** The normal question asked on the fuzzed socket afterwards. */
  afterwards: WebsocketResult['afterwards'];
  ms: number;
}

export interface FuzzOptions {
  /** `http://127.0.0.1:port` of a running server (no access token, no rate limit). */
  baseUrl: string;
  frames: number;
  requests: number;
  seed: number;
  limits: FuzzLimits;
  /** Server paths that must never appear in an answer (index, corpus, repository). */
  secrets?: readonly string[];
  /** Longest wait for any one answer (default 10 s). */
  replyTimeoutMs?: number;
}

/** Fuzzes the websocket and HTTP surfaces of a running server; returns what failed (nothing, when it holds). */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const surface = { baseUrl: options.baseUrl, limits: options.limits, secrets: options.secrets ?? [], ...(options.replyTimeoutMs ? { replyTimeoutMs: options.replyTimeoutMs } : {}) };
  // Separate seeds, so changing one count does not change the other surface's inputs.
  const ws = await fuzzWebsocket({ ...surface, seed: options.seed }, options.frames);
  const http = await fuzzHttp({ ...surface, seed: options.seed ^ 0x5bd1e995 }, options.requests);
  return {
    seed: options.seed,
    frames: ws.frames,
    requests: http.requests,
    failures: [...ws.failures, ...http.failures],
    wsCodes: ws.codes,
    httpStatuses: http.statuses,
    afterwards: ws.afterwards,
    ms: Date.now() - started,
  };
}

/** The long form: a server over the default corpus in a temporary folder, fuzzed, then checked. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: Object.fromEntries(['frames', 'requests', 'streams', 'corpora', 'slow', 'seed'].map((name) => [name, { type: 'string' as const }])) });
  const count = (name: string, fallback: number): number => Number(values[name] ?? process.env[`FUZZ_${name.toUpperCase()}`] ?? fallback);
  const frames = count('frames', 50_000);
  const requests = count('requests', 20_000);
  const streams = count('streams', 300);
  const corpora = count('corpora', 40);
  const slow = count('slow', 20);
  const seed = count('seed', Date.now() % 1_000_000);
  const { loadConfig } = await import('../core/config.ts');
  const { SearchService } = await import('../core/retrieval/search-service.ts');
  const { AnswerService } = await import('../core/answer/answer-service.ts');
  const { buildApp } = await import('../server/app.ts');
  const { ingestCorpus } = await import('../ingest/pipeline.ts');
  const repoRoot = path.resolve(import.meta.dirname, '..');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pbqa-fuzz-'));
  const indexDir = path.join(root, 'index');
  const say = (line: string): boolean => process.stderr.write(`${line}\n`);
  try {
    await ingestCorpus({ corpusDir: path.join(repoRoot, 'corpus'), indexDir, chunking: { size: 500, overlap: 80 }, embedder: null, embeddingBatchSize: 16, hnsw: { m: 16, efConstruction: 200 } });
    const config = loadConfig({}, { INDEX_DIR: indexDir, RATE_LIMIT_PER_MINUTE: '0', REQUEST_TIMEOUT_MS: '2000' });
    const search = new SearchService({ indexDir, embedder: null, retriever: { efSearch: config.HNSW_EF_SEARCH } });
    search.load();
    const app = await buildApp({ config, search, answers: new AnswerService({ search, generator: null }) });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    say(`fuzzing ${baseUrl} with ${frames} frames and ${requests} requests, seed ${seed}…`);
    const report = await runFuzz({
      baseUrl,
      frames,
      requests,
      seed,
      limits: { maxMessageBytes: config.MAX_MESSAGE_BYTES, maxQuestionLength: config.MAX_QUESTION_LENGTH, maxHistoryTurns: config.MAX_HISTORY_TURNS },
      secrets: [repoRoot, root],
    });
    say(`${slow} rounds of slow requests…`);
    const slowBodies = await fuzzSlowBodies({ baseUrl, runs: slow, seed, requestTimeoutMs: config.REQUEST_TIMEOUT_MS });
    const health = await fetch(`${baseUrl}/api/health`);
    const polluted = ({} as Record<string, unknown>).polluted !== undefined;
    await app.close();
    search.close();
    say(`${streams} hostile model streams…`);
    const model = await fuzzModelStreams({ indexDir, runs: streams, seed, secrets: [repoRoot, root] });
    say(`${corpora} hostile corpora…`);
    const corpus = await fuzzCorpusFiles({ runs: corpora, seed });
    const failures = [...report.failures, ...slowBodies.failures, ...model.failures, ...corpus.failures];
    for (const failure of failures.slice(0, 50)) say(`FAIL ${failure.surface} ${failure.kind}: ${failure.problem}\n  input: ${failure.input}`);
    const ok = failures.length === 0 && report.afterwards.answered && report.afterwards.notFound === false && health.status === 200 && !polluted;
    const summary = { ...report, failures: failures.length, healthAfter: health.status, polluted, slow: slowBodies.runs, streams: { runs: model.runs, notices: model.notices }, corpora: { runs: corpus.runs, kinds: corpus.kinds }, ok };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
