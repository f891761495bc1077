/**
 * Several app servers over one database, and ingests that crash: two real servers
 * (`server/main.ts` processes) answer while a third process ingests; both see the new corpus
 * version within seconds. An ingest killed with SIGKILL while it stages or while it publishes
 * leaves the previous version serving. PGlite with pgvector and pg_textsearch.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyDefaultCorpus, makeTempDir, removeTempDirs, writeFiles } from '../helpers/corpus.ts';
import { closeStores, emptyDatabase, ingestIntoDatabase, openStore, rows } from '../helpers/postgres.ts';
import { killIngestAndCheck, killIngestProcesses, startIngest, writeSyntheticCorpus } from '../helpers/postgres-crash.ts';
import { startPglite, type PgliteServer } from '../helpers/pglite-server.ts';
import { killServerProcesses, startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

let server: PgliteServer;

beforeAll(async () => {
  server = await startPglite();
}, 180_000);

afterEach(async () => {
  killIngestProcesses();
  await killServerProcesses();
  await closeStores();
});

afterAll(async () => {
  removeTempDirs();
  await server?.stop();
});

/** The default corpus and `extra` more articles (150: an ingest long enough to be killed in the middle). */
function largerCorpus(extra = 150): string {
  const corpusDir = copyDefaultCorpus();
  writeSyntheticCorpus(path.join(corpusDir, 'more'), extra);
  return corpusDir;
}

async function getJson(app: ServerProcess, url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.baseUrl}${url}`);
  return { status: response.status, body: await response.json() };
}

describe('ingest killed with SIGKILL (PGlite)', () => {
  it.each(['staging', 'publishing'] as const)('while %s: the previous version keeps serving, the next ingest publishes', async (when) => {
    await emptyDatabase(server.url);
    const fresh = await openStore(server.url);
    await ingestIntoDatabase(fresh, copyDefaultCorpus());
    const staged = async (): Promise<number> => (await rows<{ count: number }>(fresh, 'SELECT count(*) AS count FROM pbqa_ingest_passages'))[0]!.count;
    await killIngestAndCheck(fresh, server.url, largerCorpus(), when, staged);
  }, 300_000);
});

describe('two app servers over one database', () => {
  it('both answer while a third process ingests, and both serve the new version within seconds', async () => {
    await emptyDatabase(server.url);
    const corpusDir = largerCorpus(40);
    await ingestIntoDatabase(await openStore(server.url), corpusDir);
    const env = { DATABASE_URL: server.url, CORPUS_DIR: corpusDir, INGEST_ON_START: 'false', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' };
    const apps = await Promise.all([startServerProcess({ env, readyTimeoutMs: 120_000 }), startServerProcess({ env, readyTimeoutMs: 120_000 })]);
    for (const app of apps) expect((await getJson(app, '/api/health')).body).toMatchObject({ index: { backend: 'postgres', lexical: 'pg_textsearch', version: '1' } });

    const phrase = '星火燎原党员先锋工作室';
    writeFiles(corpusDir, { '0000-new.txt': `新增：学院党委成立${phrase}\n学院党委成立${phrase}，组织党员教师开展结对帮扶，服务学生成长。` });
    const ingest = startIngest(server.url, corpusDir);
    let answered = 0;
    const failures: string[] = [];
    let ingesting = true;
    const ingested = ingest.exited.then((code) => {
      ingesting = false;
      return code;
    });
    // Both servers answer questions the whole time the ingest runs.
    const questions = ['嘉兴职业技术学院如何坚持党建引领？', '各校党员志愿服务的成效', '黄大年式教师团队'];
    const askers = apps.map(async (app, index) => {
      for (let round = 0; ingesting || round < 2; round++) {
        const question = questions[(round + index) % questions.length]!;
        const response = await fetch(`${app.baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
        if (response.status === 200 && (await response.json()).answer) answered++;
        else failures.push(`${response.status} ${await response.text()}`);
      }
    });
    expect(await ingested, ingest.output()).toBe(0);
    const publishedAt = Date.now();
    await Promise.all(askers);
    expect(failures, apps.map((app) => app.stdout()).join("\n")).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(4);

    // Both pick the new version up by polling (every 2 s) and serve the new article.
    const seenAfter = await Promise.all(
      apps.map(async (app) => {
        for (;;) {
          const found = await getJson(app, `/api/search?q=${encodeURIComponent(phrase)}&k=3`);
          if (found.body.results?.[0]?.docId === '0000-new') return Date.now() - publishedAt;
          if (Date.now() - publishedAt > 30_000) throw new Error(`server on ${app.baseUrl} still serves the old version`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
    for (const milliseconds of seenAfter) expect(milliseconds).toBeLessThan(10_000);
    for (const app of apps) expect((await getJson(app, '/api/health')).body.index.version).toBe('2');
  }, 300_000);
});
