/**
 * What every AppStore must do (core/store/app-store.ts), run against the SQLite store and the
 * PostgreSQL one: the same calls give the same records.
 */
import { expect, it } from 'vitest';
import { feedbackInputSchema, type AppStore, type FeedbackInput } from '../../core/store/app-store.ts';

export function feedback(overrides: Partial<FeedbackInput> = {}): FeedbackInput {
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

export async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Defines the contract's tests; `open` gives an empty store for each. */
export function appStoreContract(open: () => Promise<AppStore>): void {
  it('keeps one record per answer: feedback given again replaces the rating and comment', async () => {
    const store = await open();
    const first = await store.saveFeedback(feedback());
    const second = await store.saveFeedback(feedback({ rating: 'up', comment: '补充：很有用' }));
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ rating: 'up', comment: '补充：很有用', createdAt: first.createdAt });
    const page = await store.listFeedback({ limit: 10, offset: 0 });
    expect(page.total).toBe(1);
    expect(page.items[0]!.citations[0]!.quote).toBe('实施“红色领航”工程');
  });

  it('lists newest first, by rating and by words in the question or comment, with counts', async () => {
    const store = await open();
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
    const store = await open();
    for (let index = 0; index < 1_203; index++) await store.saveFeedback(feedback({ answerId: `q-${index}`, rating: index % 3 === 0 ? 'up' : 'down' }));
    const exported = await all(store.exportFeedback(undefined));
    expect(exported).toHaveLength(1_203);
    expect(exported[0]!.answerId).toBe('q-1202');
    expect(new Set(exported.map((record) => record.id)).size).toBe(1_203);
    expect(await all(store.exportFeedback('up'))).toHaveLength(401);
  });

  it('records uploads, and forgets them', async () => {
    const store = await open();
    await store.recordUpload({ sourcePath: 'a.txt', originalName: '../a.txt', bytes: 3, sha256: 'ab', uploadedAt: '2026-01-01T00:00:00.000Z' });
    await store.recordUpload({ sourcePath: 'b.txt', originalName: 'b.txt', bytes: 4, sha256: 'cd', uploadedAt: '2026-01-02T00:00:00.000Z' });
    expect((await store.uploads()).map((record) => record.sourcePath)).toEqual(['b.txt', 'a.txt']);
    await store.forgetUploads(['a.txt']);
    expect(await store.uploads()).toEqual([{ sourcePath: 'b.txt', originalName: 'b.txt', bytes: 4, sha256: 'cd', uploadedAt: '2026-01-02T00:00:00.000Z' }]);
  });

}
