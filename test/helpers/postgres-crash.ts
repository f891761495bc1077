/**
 * Crash scenarios for the PostgreSQL backend, shared by the PGlite and PostgreSQL 15 tests: the
 * real `npm run ingest` CLI in a child process, killed with SIGKILL while it stages rows or while
 * it publishes, must leave the previous corpus version serving, unchanged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { settings } from '../../core/config.ts';
import type { PostgresStore } from '../../core/index/postgres/postgres-source.ts';
import { defaultCorpusDir, repoRoot } from './corpus.ts';
import { rows } from './postgres.ts';

const children = new Set<ChildProcess>();

/** SIGKILLs every ingest child still running (call from afterEach). */
export function killIngestProcesses(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
}

/**
 * Writes `count` articles into `dir`, each a different pseudo-random selection of the default
 * corpus's sentences with a numbered heading, so none is a near-duplicate of another.
 */
export function writeSyntheticCorpus(dir: string, count: number, seed = 1): void {
  const sentences = fs
    .readdirSync(defaultCorpusDir)
    .flatMap((name) => fs.readFileSync(path.join(defaultCorpusDir, name), 'utf8').split(/(?<=[。！？])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 12);
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  fs.mkdirSync(dir, { recursive: true });
  for (let article = 0; article < count; article++) {
    const body = Array.from({ length: 24 }, () => sentences[next() % sentences.length]).join('');
    fs.writeFileSync(path.join(dir, `synthetic-${String(article).padStart(4, '0')}.txt`), `第${article}号党建工作案例\n${body}\n`);
  }
}

/** Starts `npm run ingest` (ingest/cli.ts) against `url`, lexical-only. */
export function startIngest(url: string, corpusDir: string): { child: ChildProcess; output: () => string; waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>; exited: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(settings)) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', '--corpus', corpusDir, '--lexical-only'], {
    cwd: repoRoot,
    env: { ...env, DATABASE_URL: url, EMBEDDING_MODEL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async waitFor(pattern, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`the ingest exited (${child.exitCode}) before ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    exited,
  };
}

/** What a reader sees of the published corpus: version, counts, and every document's content hash. */
export async function publishedState(store: PostgresStore): Promise<unknown> {
  return {
    meta: await rows(store, 'SELECT corpus_version, passages, documents, word_tokens, bigram_tokens FROM pbqa_meta'),
    documents: await rows(store, 'SELECT doc_id, content_hash, chunk_count FROM pbqa_documents ORDER BY doc_id'),
    passages: await rows(store, 'SELECT count(*) AS count FROM pbqa_passages'),
    terms: await rows(store, 'SELECT count(*) AS count, sum(passages) AS passages FROM pbqa_terms'),
  };
}

/**
 * Publishes the default corpus, then runs an ingest of `corpusDir` and kills it with SIGKILL at
 * `when`: while it stages rows (`staging`), or once staging is complete and it has started its
 * publish transaction (`publishing`). Checks that the published state is exactly what it was,
 * then that a new ingest publishes the corpus.
 */
export async function killIngestAndCheck(store: PostgresStore, url: string, corpusDir: string, when: 'staging' | 'publishing', stagedPassages: () => Promise<number>): Promise<void> {
  const before = await publishedState(store);
  const run = startIngest(url, corpusDir);
  if (when === 'staging') {
    const deadline = Date.now() + 120_000;
    while ((await stagedPassages()) === 0) {
      if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`the ingest staged nothing before it ended:\n${run.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } else {
    // Printed after the last article is read; the remaining rows are flushed, then the transaction starts.
    await run.waitFor(/building the search indexes/);
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  run.child.kill('SIGKILL');
  expect(await run.exited).toBeNull();
  // Readers see the previous version, exactly.
  expect(await publishedState(store)).toEqual(before);
  if (when === 'publishing') {
    // The kill came after staging was complete and before the commit: everything was staged, nothing published.
    const expected = (await rows<{ count: number }>(store, 'SELECT count(*) AS count FROM pbqa_ingest_documents'))[0]!.count;
    expect(expected).toBeGreaterThan(0);
  }
  const again = startIngest(url, corpusDir);
  expect(await again.exited, again.output()).toBe(0);
  expect(again.output()).toMatch(/corpus version \d+/);
  const after = (await rows<{ corpus_version: number; count: number }>(store, 'SELECT corpus_version, (SELECT count(*) FROM pbqa_ingest_documents) AS count FROM pbqa_meta'))[0]!;
  expect(after.count).toBe(0);
}
