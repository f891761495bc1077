/**
 * An ingest that dies without a word (out of memory on a hostile file, a native crash) never takes
 * the server down, and the log names the file it was reading. The crash is real: a preload makes
 * any process that opens `abort-here.txt` abort, as an out-of-memory process does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Reindexer } from '../../server/reindexer.ts';
import { copyDefaultCorpus, currentPointer, ingest, makeTempDir, removeTempDirs, repoRoot } from '../helpers/corpus.ts';
import { killServerProcesses, startServerProcess } from '../helpers/server-process.ts';

const preload = `--import=${pathToFileURL(path.join(repoRoot, 'test/fixtures/abort-on-open.mjs')).href}`;

afterEach(killServerProcesses);
afterAll(removeTempDirs);

/** The default corpus, ingested, then a file added that makes the next ingest abort. */
async function corpusThatCrashesIngest(): Promise<{ corpusDir: string; indexDir: string }> {
  const root = makeTempDir('ingest-crash');
  const corpusDir = copyDefaultCorpus(root);
  const indexDir = path.join(root, 'index');
  await ingest(corpusDir, indexDir);
  fs.writeFileSync(path.join(corpusDir, 'abort-here.txt'), '某某学院党委开展主题党日活动。');
  return { corpusDir, indexDir };
}

describe('an ingest process that dies', () => {
  it('is reported by the reindexer (WATCH_CORPUS) with the signal and the file it was reading; the live index stays', { timeout: 60_000 }, async () => {
    const { corpusDir, indexDir } = await corpusThatCrashesIngest();
    const before = currentPointer(indexDir);
    const warnings: { details: object; message: string }[] = [];
    const reindexer = new Reindexer({
      corpusDir,
      indexDir,
      lexicalOnly: true,
      env: { ...process.env, NODE_OPTIONS: preload },
      logger: { info: () => undefined, warn: (details, message) => warnings.push({ details, message }) },
      onPublished: () => undefined,
    });
    try {
      const outcome = await reindexer.run('test');
      expect(outcome).toMatchObject({ code: null, signal: 'SIGABRT', file: 'abort-here.txt', failure: null });
      expect(warnings.map((warning) => warning.message)).toEqual(['re-ingest failed (killed by SIGABRT while reading abort-here.txt); the current index stays live']);
      expect(currentPointer(indexDir)).toBe(before);
    } finally {
      await reindexer.close();
    }
  });

  it('at start-up leaves the server serving the index it has, saying which file the ingest died on', { timeout: 60_000 }, async () => {
    const { corpusDir, indexDir } = await corpusThatCrashesIngest();
    const before = currentPointer(indexDir);
    const server = await startServerProcess({ env: { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, RATE_LIMIT_PER_MINUTE: '0', NODE_OPTIONS: preload } });
    expect(server.stderr()).toContain('Ingesting');
    expect(server.stderr()).toContain('error: ingest failed (killed by SIGABRT while reading abort-here.txt). Serving the previous index, if there is one.');
    const health = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ documents: 5 });
    expect(currentPointer(indexDir)).toBe(before);
  });
});
