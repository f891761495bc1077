/**
 * Feedback and upload records in PostgreSQL (PGlite): the AppStore contract the SQLite store
 * passes, and two app servers over one database that show each other's feedback.
 */
import { describe, expect, it } from 'vitest';
import { PostgresSource } from '../../core/index/postgres/postgres-source.ts';
import { PostgresAppStore } from '../../core/store/postgres-store.ts';
import { buildTestApp } from '../helpers/app.ts';
import { appStoreContract, feedback } from '../helpers/app-store-contract.ts';
import { copyDefaultCorpus } from '../helpers/corpus.ts';
import { emptyDatabase, ingestIntoDatabase, openStore, pgliteForFile } from '../helpers/postgres.ts';

const shared = pgliteForFile({ extensions: [] });

describe('the PostgreSQL store', () => {
  appStoreContract(async () => {
    await emptyDatabase(shared.server.url);
    return new PostgresAppStore((await openStore(shared.server.url)).database);
  });

  it('is shared by the app servers over one database: feedback given on one is listed by the other', async () => {
    await emptyDatabase(shared.server.url);
    const [first, second] = [await openStore(shared.server.url), await openStore(shared.server.url)];
    await ingestIntoDatabase(first, copyDefaultCorpus());
    const apps = [
      await buildTestApp({ indexDir: '', source: new PostgresSource(first), store: new PostgresAppStore(first.database) }),
      await buildTestApp({ indexDir: '', source: new PostgresSource(second), store: new PostgresAppStore(second.database) }),
    ];
    const given = await apps[0]!.app.inject({ method: 'POST', url: '/api/feedback', payload: feedback({ answerId: 'shared-1', comment: '第二台服务器也应看到' }) });
    expect(given.statusCode).toBe(200);
    const listed = await apps[1]!.get('/api/kb/feedback', { rating: 'down' });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, counts: { up: 0, down: 1 }, items: [{ answerId: 'shared-1', comment: '第二台服务器也应看到' }] });
    const csv = await apps[1]!.app.inject({ method: 'GET', url: '/api/kb/feedback.csv' });
    expect(csv.body).toContain('第二台服务器也应看到');
  }, 120_000);
});
