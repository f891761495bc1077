import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { csvCell, feedbackCsv, feedbackCsvHeader } from '../../core/export/csv.ts';
import { feedbackInputSchema, type FeedbackInput } from '../../core/store/app-store.ts';
import { SqliteStore } from '../../core/store/sqlite-store.ts';
import { makeTempDir, removeTempDirs } from '../helpers/corpus.ts';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  removeTempDirs();
});

function open(file = ':memory:'): SqliteStore {
  const store = SqliteStore.open(file);
  stores.push(store);
  return store;
}

function feedback(overrides: Partial<FeedbackInput> = {}): FeedbackInput {
  return feedbackInputSchema.parse({
    answerId: 'q-1',
    rating: 'down',
    question: '如何打造党建特色品牌？',
    mode: 'qa',
    answer: '学院实施“红色领航”工程[1]。',
    citations: [{ n: 1, chunkId: 'a#0', docId: 'a', title: '标题', college: '嘉兴职业技术学院', date: '2022-02-24', quote: '实施“红色领航”工程', start: 0, end: 9 }],
    ...overrides,
  });
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('the SQLite store', () => {
  it('keeps one record per answer: feedback given again replaces the rating and comment', async () => {
    const store = open();
    const first = await store.saveFeedback(feedback());
    const second = await store.saveFeedback(feedback({ rating: 'up', comment: '补充：很有用' }));
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ rating: 'up', comment: '补充：很有用', createdAt: first.createdAt });
    const page = await store.listFeedback({ limit: 10, offset: 0 });
    expect(page.total).toBe(1);
    expect(page.items[0]!.citations[0]!.quote).toBe('实施“红色领航”工程');
  });

  it('lists newest first, by rating and by words in the question or comment, with counts', async () => {
    const store = open();
    await store.saveFeedback(feedback({ answerId: 'a', rating: 'up', question: '红船精神是什么？' }));
    await store.saveFeedback(feedback({ answerId: 'b', rating: 'down', question: '风能学院的党员活动日', comment: '没有找到 100% 的数据' }));
    await store.saveFeedback(feedback({ answerId: 'c', rating: 'down', question: '校企合作' }));
    const downs = await store.listFeedback({ rating: 'down', limit: 10, offset: 0 });
    expect(downs.items.map((item) => item.answerId)).toEqual(['c', 'b']);
    expect(downs.counts).toEqual({ up: 1, down: 2 });
    expect((await store.listFeedback({ text: '100%', limit: 10, offset: 0 })).items.map((item) => item.answerId)).toEqual(['b']);
    expect((await store.listFeedback({ text: '_', limit: 10, offset: 0 })).total).toBe(0);
    expect((await store.listFeedback({ limit: 1, offset: 1 })).items.map((item) => item.answerId)).toEqual(['b']);
  });

  it('exports every record in pages, newest first', async () => {
    const store = open();
    for (let index = 0; index < 1_203; index++) await store.saveFeedback(feedback({ answerId: `q-${index}`, rating: index % 3 === 0 ? 'up' : 'down' }));
    const exported = await all(store.exportFeedback(undefined));
    expect(exported).toHaveLength(1_203);
    expect(exported[0]!.answerId).toBe('q-1202');
    expect(new Set(exported.map((record) => record.id)).size).toBe(1_203);
    expect(await all(store.exportFeedback('up'))).toHaveLength(401);
  });

  it('records uploads, and forgets them', async () => {
    const store = open();
    await store.recordUpload({ sourcePath: 'a.txt', originalName: '../a.txt', bytes: 3, sha256: 'ab', uploadedAt: '2026-01-01T00:00:00.000Z' });
    await store.recordUpload({ sourcePath: 'b.txt', originalName: 'b.txt', bytes: 4, sha256: 'cd', uploadedAt: '2026-01-02T00:00:00.000Z' });
    expect((await store.uploads()).map((record) => record.sourcePath)).toEqual(['b.txt', 'a.txt']);
    await store.forgetUploads(['a.txt']);
    expect(await store.uploads()).toEqual([{ sourcePath: 'b.txt', originalName: 'b.txt', bytes: 4, sha256: 'cd', uploadedAt: '2026-01-02T00:00:00.000Z' }]);
  });

  it('keeps its data across restarts, in a file it creates with its folder', async () => {
    const file = path.join(makeTempDir('sqlite'), 'nested', 'app.sqlite');
    const first = open(file);
    await first.saveFeedback(feedback());
    await first.close();
    const again = open(file);
    expect((await again.listFeedback({ limit: 10, offset: 0 })).total).toBe(1);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a file that is not a database with STORE_UNAVAILABLE naming it', () => {
    const file = path.join(makeTempDir('sqlite-bad'), 'app.sqlite');
    fs.writeFileSync(file, 'this is not a database, it only has the name of one'.repeat(100));
    expect(() => SqliteStore.open(file)).toThrow(AppError);
    try {
      SqliteStore.open(file);
    } catch (error) {
      expect((error as AppError).code).toBe('STORE_UNAVAILABLE');
      expect((error as AppError).message).toContain(file);
    }
  });
});

describe('feedback as CSV', () => {
  it('quotes what needs quoting and never lets a spreadsheet run a cell as a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const start of ['+', '-', '@', '\t']) expect(csvCell(`${start}1`)).toBe(`'${start}1`);
  });

  it('starts with the byte-order mark and the header, one line per record with its sources', async () => {
    const store = open();
    await store.saveFeedback(feedback({ comment: '缺少"成效"数据' }));
    const text = (await all(feedbackCsv(store.exportFeedback(undefined)))).join('');
    expect(text.startsWith(`\ufeff${feedbackCsvHeader.join(',')}\r\n`)).toBe(true);
    const line = text.split('\r\n')[1]!;
    expect(line).toContain(',没用,如何打造党建特色品牌？,问答,"缺少""成效""数据",');
    expect(line).toContain('[1] 《标题》 嘉兴职业技术学院：实施“红色领航”工程');
  });
});

