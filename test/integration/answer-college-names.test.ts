/**
 * A college the question names is read off its words: the answer comes from that college's
 * articles, also where the corpus records it under another form of its name (人民大学 /
 * 中国人民大学), and never from another college's article on the same topic.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../core/answer/answer-service.ts';
import type { SearchService } from '../../core/retrieval/search-service.ts';
import { openExtractiveAnswers } from '../helpers/answer-checks.ts';
import { ingest, makeTempDir, removeTempDirs, writeFiles } from '../helpers/corpus.ts';

let search: SearchService;
let answers: AnswerService;

const articles = [
  // Recorded under the short name: on the college, not on its library.
  { id: 'short-name', college: '人民大学', title: '人民大学举办校园开放日', text: '人民大学举办校园开放日活动。来自各地的中学生走进校园，参观了教学楼和实验室。学校领导介绍了招生政策和专业设置。' },
  // Recorded under the full name: the answer.
  { id: 'full-name', college: '中国人民大学', title: '中国人民大学图书馆新馆启用', text: '中国人民大学图书馆新馆于2011年正式投入使用。新馆总建筑面积约4.5万平方米，总藏书量为200万册。新馆采用了自助借还系统和智能门禁系统。' },
  // Another college, on the same topic.
  { id: 'other-college', college: '北京师范大学', title: '北京师范大学图书馆新馆启用', text: '北京师范大学图书馆新馆正式投入使用。新馆总藏书量为300万册，采用了智能书架系统。' },
];

beforeAll(async () => {
  const root = makeTempDir('college-names');
  const corpusDir = path.join(root, 'corpus');
  writeFiles(corpusDir, { 'articles.jsonl': `${articles.map((article) => JSON.stringify(article)).join('\n')}\n` });
  const indexDir = path.join(root, 'index');
  await ingest(corpusDir, indexDir);
  ({ search, answers } = openExtractiveAnswers(indexDir));
});
afterAll(() => {
  search.close();
  removeTempDirs();
});

describe('a college named in the question', () => {
  it('is answered from its articles under another form of its name, never from another college', async () => {
    const end = await answers.answerOnce({ question: '人民大学图书馆新馆的总藏书量是多少？', mode: 'qa', history: [], filters: {} }, AbortSignal.timeout(30_000));
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('200万册');
    expect(end.answer).not.toContain('300万册');
    expect(end.citations.map((citation) => citation.docId)).not.toContain('other-college');
  });

  it('chosen as a filter by the user, stays the whole scope', async () => {
    const end = await answers.answerOnce({ question: '图书馆新馆的总藏书量是多少？', mode: 'qa', history: [], filters: { college: '人民大学' } }, AbortSignal.timeout(30_000));
    expect(end.citations.map((citation) => citation.docId)).not.toContain('full-name');
  });
});
