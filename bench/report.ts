/**
 * The benchmark's outputs: the full results as JSON and a short Markdown table (one column per
 * corpus size, so each cost's growth with the corpus reads across a row), with the targets.
 */
import type { EmbeddingResult } from './embedding-child.ts';
import type { IngestResult } from './ingest-child.ts';
import type { PostgresResult } from './postgres-child.ts';
import type { ReingestResult } from './reingest.ts';
import type { ServeResult } from './serve-child.ts';
import type { WebsocketTask } from './websocket-child.ts';

export interface SizeResult {
  label: string;
  target: number | null;
  corpus: { dir: string; newsArticles: number; estimatedChunks: number; characters: number; bytes: number };
  /** The best of the lexical ingest runs (peak RSS: the worst). */
  lexicalIngest?: IngestResult;
  lexicalIngestRuns?: (IngestResult & { parallelism: { soloMs: number; pairMs: number[]; efficiency: number } })[];
  vectorIngest?: IngestResult;
  serve?: ServeResult;
  errors: string[];
}

export interface BenchResults {
  version: 1;
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; totalMemoryBytes: number; node: string; platform: string };
  git: { commit: string; dirty: boolean } | null;
  settings: {
    chunking: { size: number; overlap: number };
    hnsw: { m: number; efConstruction: number; efSearch: number };
    embeddingBatchSize: number;
    queries: number;
    passes: number;
    k: number;
    websocket: Omit<WebsocketTask, 'url' | 'questions'> | null;
  };
  notes: string[];
  sizes: SizeResult[];
  embedding: EmbeddingResult | null;
  reingest: ReingestResult | null;
  /** The same corpus and queries through the embedded index and PostgreSQL (PGlite), per size. */
  postgres?: (PostgresResult & { label: string })[];
  errors: string[];
  /** Two-thread efficiency checks at the start and the end (1 = two full cores). */
  parallelism: { soloMs: number; pairMs: number[]; efficiency: number }[];
}

const mb = (bytes: number | null | undefined): string => (bytes === null || bytes === undefined ? '–' : `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')}`);
const int = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '–' : Math.round(value).toLocaleString('en-US'));
const ms = (value: number | undefined, digits = 1): string => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));
const mark = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? ' ✅' : ' ❌');

/** Which targets apply to a size: retrieval has targets at 100k and at the whole corpus. */
function retrievalTarget(size: SizeResult): { p50: number; p99: number } | undefined {
  if (size.target === null) return { p50: 40, p99: 100 };
  if (size.target === 100_000) return { p50: 20, p99: 50 };
  return undefined;
}

type Row = (label: string, cell: (size: SizeResult) => string, target?: string) => string;

/** Websocket rows: one client, then each load step (open-loop rates, then back to back). */
function websocketRows(results: BenchResults, row: Row): string[] {
  const plan = results.settings.websocket;
  if (!plan) return [];
  const at100k = (size: SizeResult): boolean => size.target === 100_000;
  const problems = (step: { errors: Record<string, number>; lost: number }): string => {
    const errors = Object.values(step.errors).reduce((sum, count) => sum + count, 0);
    return errors + step.lost > 0 ? ` (${errors} errors, ${step.lost} lost)` : '';
  };
  const rows = [
    row('websocket, one client: first token p50 / p99 ms', (s) => {
      const single = s.serve?.websocket?.single;
      if (!single) return '–';
      return `${ms(single.firstToken.p50)} / ${ms(single.firstToken.p99)}${at100k(s) ? mark(single.firstToken.p50 <= 50 && single.firstToken.p99 <= 150) : ''}`;
    }, 'p50 ≤ 50, p99 ≤ 150 (100k)'),
    row('websocket, one client: answer end p50 / p99 ms', (s) => {
      const single = s.serve?.websocket?.single;
      return single ? `${ms(single.answerEnd.p50)} / ${ms(single.answerEnd.p99)}` : '–';
    }),
    row('websocket sessions open (time to open all, s)', (s) => {
      const open = s.serve?.websocket?.open;
      return open ? `${int(open.openAtEnd)} of ${int(open.sessions)} (${ms(open.milliseconds / 1000)})` : '–';
    }, `${int(plan.sessions)} open`),
  ];
  const stepCount = plan.rates.length + 1;
  for (let index = 0; index < stepCount; index++) {
    const rate = plan.rates[index];
    const label = rate === undefined ? `${int(plan.sessions)} sessions back to back: answers/s; first token p50 / p99 ms` : `${int(plan.sessions)} sessions at ${rate} q/s: answers/s; first token p50 / p99; answer end p99 ms`;
    rows.push(
      row(label, (s) => {
        const step = s.serve?.websocket?.steps[index];
        if (!step) return '–';
        const ok = rate !== undefined && rate >= 20 ? step.answeredPerSecond >= 20 && step.firstToken.p99 <= 250 && step.lost === 0 : undefined;
        const end = rate === undefined ? '' : `; ${ms(step.answerEnd.p99)}`;
        return `${ms(step.answeredPerSecond)}; ${ms(step.firstToken.p50)} / ${ms(step.firstToken.p99)}${end}${mark(ok)}${problems(step)}`;
      }, rate === 20 ? '≥ 20 q/s, p99 first token ≤ 250' : ''),
    );
  }
  return rows;
}

/** The embedded index and PostgreSQL side by side, one column pair per size. */
function postgresRows(runs: NonNullable<BenchResults['postgres']>): string[] {
  const cells = (cell: (backend: PostgresResult['embedded']) => string): string => runs.map((run) => `${cell(run.embedded)} | ${cell(run.postgres)}`).join(' | ');
  const row = (label: string, cell: (backend: PostgresResult['embedded']) => string): string => `| ${label} | ${cells(cell)} |`;
  const pair = (summary: { p50: number; p99: number }): string => `${ms(summary.p50)} / ${ms(summary.p99)}`;
  return [
    `**Retrieval backends**: the same corpus, queries and projection vectors through the embedded index and PostgreSQL (${[...new Set(runs.map((run) => run.postgres.server ?? 'PGlite'))].join(', ')}; lexical: ${runs.map((run) => run.postgres.lexicalMode).join(', ')}), reached over a loopback socket with \`pg\`. PGlite is PostgreSQL 18 in WebAssembly, one backend running one statement at a time, with pgvector and pg_textsearch: its rows are a floor, a native server is faster. Debian's PostgreSQL 15 is native but has neither extension: lexical rows only.`,
    '',
    `| | ${runs.map((run) => `${run.label} embedded | ${run.label} PostgreSQL (${run.postgres.server ?? 'PGlite'})`).join(' | ')} |`,
    `|---|${runs.map(() => '---:|---:').join('|')}|`,
    row('passages', (backend) => int(backend.passages)),
    row('ingest passages/s (with vectors and HNSW where the backend stores them)', (backend) => `${int(backend.passagesPerSecond)} (${ms(backend.ingestMs / 1000)} s)`),
    row('load a version, s', (backend) => ms(backend.loadMs / 1000, 2)),
    row('lexical retrieval p50 / p99 ms', (backend) => pair(backend.lexical)),
    row('hybrid retrieval p50 / p99 ms', (backend) => (backend.hybrid ? pair(backend.hybrid) : '–')),
    row('HNSW recall@10 vs exact scan', (backend) => (backend.recallAt10 === null ? '–' : backend.recallAt10.toFixed(3))),
    row('4 clients at once: searches/s (p99 ms)', (backend) => `${ms(backend.concurrent.searchesPerSecond)} (${ms(backend.concurrent.latency.p99)})`),
  ];
}

/** The Markdown report. */
export function renderMarkdown(results: BenchResults): string {
  const sizes = results.sizes;
  const header = `| | ${sizes.map((size) => `${size.label}`).join(' | ')} | target |`;
  const divider = `|---|${sizes.map(() => '---:').join('|')}|---|`;
  const row: Row = (label, cell, target = '') => `| ${label} | ${sizes.map(cell).join(' | ')} | ${target} |`;
  const rows: string[] = [
    row('passages (documents)', (s) => (s.lexicalIngest ? `${int(s.lexicalIngest.chunks)} (${int(s.lexicalIngest.documents)})` : '–')),
    row('lexical ingest, passages/s (best run; all runs)', (s) => (s.lexicalIngest ? `${int(s.lexicalIngest.chunksPerSecond)}${mark(s.lexicalIngest.chunksPerSecond >= 3000)} (${(s.lexicalIngestRuns ?? []).map((run) => int(run.chunksPerSecond)).join(', ')})` : '–'), '≥ 3,000'),
    row('lexical ingest, characters/s', (s) => int(s.lexicalIngest?.charactersPerSecond)),
    row('lexical ingest, wall s (index build phase s)', (s) => (s.lexicalIngest ? `${ms(s.lexicalIngest.totalMs / 1000)} (${ms(s.lexicalIngest.buildPhaseMs / 1000)})` : '–')),
    row('lexical ingest, peak RSS MB', (s) => mb(s.lexicalIngest?.peakRssBytes), 'flat as corpus grows'),
    row('vector ingest (projection vectors + HNSW), wall s', (s) => (s.vectorIngest ? `${ms(s.vectorIngest.totalMs / 1000)} (HNSW+merge ${ms(s.vectorIngest.buildPhaseMs / 1000)})` : '–')),
    row('index on disk MB (with vectors)', (s) => mb(s.vectorIngest?.indexBytes)),
    row('retrieval total p50 / p95 / p99 ms', (s) => {
      const total = s.serve?.latency.total;
      if (!total) return '–';
      const target = retrievalTarget(s);
      return `${ms(total.p50)} / ${ms(total.p95)} / ${ms(total.p99)}${target ? mark(total.p50 <= target.p50 && total.p99 <= target.p99) : ''}`;
    }, 'p50 ≤ 20, p99 ≤ 50 (100k); p50 ≤ 40, p99 ≤ 100 (all)'),
    row('· query embedding p50 / p99 ms', (s) => (s.serve ? `${ms(s.serve.latency.embed.p50)} / ${ms(s.serve.latency.embed.p99)}` : '–')),
    row('· BM25 p50 / p99 ms', (s) => (s.serve ? `${ms(s.serve.latency.lexical.p50)} / ${ms(s.serve.latency.lexical.p99)}` : '–')),
    row('· vector search p50 / p99 ms', (s) => (s.serve ? `${ms(s.serve.latency.vector.p50, 2)} / ${ms(s.serve.latency.vector.p99, 2)}` : '–')),
    row('· fusion + passages p50 / p99 ms', (s) => (s.serve ? `${ms(s.serve.latency.fuse.p50, 2)} / ${ms(s.serve.latency.fuse.p99, 2)}` : '–')),
    row(`HNSW recall@10 vs exact, ef ${results.settings.hnsw.efSearch} (held-out passages / questions)`, (s) => {
      const entry = s.serve?.recall.find((item) => item.ef === results.settings.hnsw.efSearch);
      return entry ? `${entry.passages.toFixed(3)}${mark(entry.passages >= 0.95)} / ${entry.questions.toFixed(3)}` : '–';
    }, '≥ 0.95'),
    row('recall@10 (passages) by ef', (s) => (s.serve ? s.serve.recall.map((item) => `${item.ef}: ${item.passages.toFixed(3)}`).join(', ') : '–')),
    row('vector search p50 ms by ef', (s) => (s.serve ? s.serve.recall.map((item) => `${item.ef}: ${item.vectorSearch.p50.toFixed(2)}`).join(', ') : '–')),
    row('server start: index load s (query model, loaded alongside)', (s) => (s.serve ? `${ms(s.serve.indexLoadMs / 1000, 2)}${s.target === 100_000 ? mark(s.serve.indexLoadMs <= 3000) : ''} (${ms(s.serve.modelLoadMs / 1000, 2)})` : '–'), '≤ 3 s (100k)'),
    row('server start: process to listening s', (s) => (s.serve ? `${ms(s.serve.startToListenMs / 1000, 2)}${s.target === 100_000 ? mark(s.serve.startToListenMs <= 3000) : ''}` : '–'), '≤ 3 s (100k)'),
    row('server RSS MB after load / after queries', (s) => (s.serve ? `${mb(s.serve.rssAfterLoadBytes)} / ${mb(s.serve.rssAfterQueriesBytes)}` : '–')),
    ...websocketRows(results, row),
  ];
  const efficiency = results.parallelism.map((check) => check.efficiency.toFixed(2)).join(' → ');
  const lines = [`## Benchmark ${results.startedAt}${results.quick ? ' (quick)' : ''}`, '', `${results.machine.cpus} × ${results.machine.cpuModel}, ${mb(results.machine.totalMemoryBytes)} MB, Node ${results.machine.node}; commit ${results.git ? `${results.git.commit.slice(0, 10)}${results.git.dirty ? ' (with uncommitted changes)' : ''}` : 'unknown'}; two-thread efficiency ${efficiency} (1 = two full cores; lower means the host was stalling a vCPU)`, '', header, divider, ...rows, ''];
  const embedding = results.embedding;
  if (embedding) {
    const best = embedding.best;
    lines.push(
      `**Embedding stage** (${embedding.modelId}, random weights, bge-small-zh shape, int8): best ${int(best.charactersPerSecond)} characters/s at batch ${best.batchSize} (${best.arrangement})${mark(best.charactersPerSecond >= 6000)} (target ≥ 6,000); ` +
        `by batch size: ${embedding.runs.filter((run) => run.arrangement === 'pipeline').map((run) => `${run.batchSize}: ${int(run.charactersPerSecond)}`).join(', ')} (ingest-style batches); query embedding ${ms(embedding.queryEmbedMs)} ms.`,
      '',
    );
  }
  const reingest = results.reingest;
  if (reingest) {
    lines.push(
      `**Re-ingest while serving** (${reingest.corpusLabel}, ${int(reingest.chunks)} passages; ingest in a child process at low priority, new generation loaded asynchronously in the server): ` +
        `/api/search at ${reingest.requestsPerSecond}/s — idle p50 ${ms(reingest.idle.p50)} / p99 ${ms(reingest.idle.p99)} ms; during re-ingest and swap p50 ${ms(reingest.during.p50)} / p99 ${ms(reingest.during.p99)} ms` +
        `${mark(reingest.during.p99 <= 2 * reingest.idle.p99)} (target p99 ≤ 2× idle); ingest ${ms(reingest.ingestMs / 1000)} s, swap load ${ms(reingest.swapLoadMs)} ms, longest event-loop stall during swap ${ms(reingest.maxEventLoopDelayMs)} ms; errors ${reingest.errors}.`,
      '',
    );
  }
  if (results.postgres && results.postgres.length > 0) lines.push(...postgresRows(results.postgres), '');
  if (results.notes.length > 0) lines.push(...results.notes.map((note) => `- ${note}`), '');
  if (results.errors.length > 0) lines.push('Errors:', ...results.errors.map((error) => `- ${error}`), '');
  return lines.join('\n');
}
