/**
 * The retrieval-index contract, checked through the HTTP API: a PostgreSQL-backed app must give
 * the same documents, the same passages for the same queries and filters, and the same answers in
 * every mode as the embedded index over the same corpus. Each check runs the same requests
 * against both apps and compares the responses whole.
 */
import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { defaultDocId } from './corpus.ts';

/** Searches over the default corpus: plain questions, college and year filters, rare and absent words, ASCII. */
export const contractSearches: readonly Record<string, string>[] = [
  { q: '嘉兴职业技术学院有哪些党建做法' },
  { q: '黄大年式教师团队' },
  { q: '党员志愿服务取得了哪些成效', college: '湖南电气职业技术学院' },
  { q: '风能工程学院', year: '2023' },
  { q: '党建引领 双创', year: '2022' },
  { q: '样板支部创建', college: '台州科技职业学院', k: '5' },
  { q: '智能制造 教工党支部', k: '20' },
  { q: '红船精神' },
  { q: 'AI 5G 数字化' },
  { q: '量子引力波天文台' },
  { q: '学' },
];

/** Questions for the answer engine, in all three modes. */
export const contractQuestions: readonly { question: string; mode: 'qa' | 'summary' | 'compare'; filters?: Record<string, unknown> }[] = [
  { question: '嘉兴职业技术学院是怎样坚持党建引领的？', mode: 'qa' },
  { question: '各校党支部如何开展党员志愿服务？', mode: 'qa' },
  { question: '黄大年式教师团队建设有哪些经验？', mode: 'summary' },
  { question: '各院校在党建与业务融合方面的做法', mode: 'compare' },
  { question: '样板支部的成效', mode: 'qa', filters: { college: '台州科技职业学院' } },
  { question: '量子引力波天文台的党建做法', mode: 'qa' },
  // Asked about one article in words it does not use: the engine shows its own passages.
  { question: '有哪些具体做法？', mode: 'qa', filters: { docId: defaultDocId('hunan') } },
  { question: '量子引力波天文台怎么样？', mode: 'qa', filters: { docId: defaultDocId('suzhou') } },
  { question: '党建引领的做法', mode: 'summary', filters: { year: 2023 } },
];

async function both<T>(embedded: TestApp, other: TestApp, request: (app: TestApp) => Promise<T>): Promise<[T, T]> {
  return [await request(embedded), await request(other)];
}

/** Same document list, and the same article (text, headings, passages) for every document. */
export async function expectSameDocuments(embedded: TestApp, other: TestApp): Promise<void> {
  const [left, right] = await both(embedded, other, (app) => app.get('/api/documents'));
  expect(right.status).toBe(200);
  expect(right.body).toEqual(left.body);
  for (const { docId } of left.body.documents as { docId: string }[]) {
    const [one, two] = await both(embedded, other, (app) => app.get(`/api/documents/${encodeURIComponent(docId)}`));
    expect(two.status, docId).toBe(200);
    expect(two.body, docId).toEqual(one.body);
  }
  const [missing, missingToo] = await both(embedded, other, (app) => app.get('/api/documents/no-such-article'));
  expect(missingToo.status).toBe(404);
  expect(missingToo.body).toEqual(missing.body);
}

/** Same passages, in the same order with the same scores, for every contract search. */
export async function expectSameSearches(embedded: TestApp, other: TestApp): Promise<void> {
  for (const query of contractSearches) {
    const [left, right] = await both(embedded, other, (app) => app.get('/api/search', query));
    expect(right.status, JSON.stringify(query)).toBe(200);
    expect(right.body.results, JSON.stringify(query)).toEqual(left.body.results);
    expect(right.body.mode).toBe(left.body.mode);
  }
}

/** Same answer-end for every contract question, and the same similar practices for an article. */
export async function expectSameAnswers(embedded: TestApp, other: TestApp): Promise<void> {
  for (const body of contractQuestions) {
    const [left, right] = await both(embedded, other, (app) => app.app.inject({ method: 'POST', url: '/api/ask', payload: body }));
    expect(right.statusCode, body.question).toBe(200);
    const { id: _left, ...expected } = left.json();
    const { id: _right, ...actual } = right.json();
    expect(actual, body.question).toEqual(expected);
  }
  const similar = { docId: defaultDocId('hunan') };
  const [left, right] = await both(embedded, other, (app) => app.app.inject({ method: 'POST', url: '/api/similar', payload: similar }));
  expect(right.statusCode).toBe(200);
  expect(right.json()).toEqual(left.json());
}

/** The same 做法库: categories, lists (whole and filtered), a practice with its comparable ones, the CSV export. */
export async function expectSamePractices(embedded: TestApp, other: TestApp): Promise<void> {
  const [categories, categoriesToo] = await both(embedded, other, (app) => app.get('/api/practices/categories'));
  expect(categoriesToo.status).toBe(200);
  expect(categoriesToo.body).toEqual(categories.body);
  const [list, listToo] = await both(embedded, other, (app) => app.get('/api/practices', { limit: '200' }));
  expect(listToo.body).toEqual(list.body);
  expect(list.body.total).toBeGreaterThan(10);
  const [filtered, filteredToo] = await both(embedded, other, (app) => app.get('/api/practices', { college: '嘉兴职业技术学院' }));
  expect(filteredToo.body).toEqual(filtered.body);
  const id = (list.body.practices as { id: string }[])[0]!.id;
  const [detail, detailToo] = await both(embedded, other, (app) => app.get(`/api/practices/${encodeURIComponent(id)}`));
  expect(detailToo.status).toBe(200);
  expect(detailToo.body).toEqual(detail.body);
  const [csv, csvToo] = await both(embedded, other, (app) => app.app.inject({ method: 'GET', url: '/api/practices/export?format=csv' }));
  expect(csvToo.body).toBe(csv.body);
}
