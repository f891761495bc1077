/**
 * Word vectors in the answer layer: a question that says 提拔 where the article says 晋升 is
 * answered from that sentence when vectors are configured, and refused without them; a question
 * the articles do not answer stays refused. Real ingest, real index, real jieba; the vectors are a tiny table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerService } from '../../core/answer/answer-service.ts';
import type { AnswerEnd } from '../../core/answer/protocol.ts';
import { analyzeQuestion } from '../../core/answer/question.ts';
import type { SearchService } from '../../core/retrieval/search-service.ts';
import { WordVectors } from '../../core/text/word-vectors.ts';
import { claimsOf, expectClaimSupported, extractiveAnswersOver } from '../helpers/answer-checks.ts';
import { removeTempDirs } from '../helpers/corpus.ts';

const reform = [
  '星海职业技术学院深化教师评价改革',
  '学院修订教师专业技术职务评聘办法，实行分类评价，允许取得重大突破性成果的教师破格晋升。2021年有5名教师成功直聘高一级职称。',
  '学院坚持把政治素质考察作为教师招聘的首要环节。',
].join('\n');
const canteen = ['星海职业技术学院改进后勤服务', '学院食堂推出营养套餐，师生满意度明显提升。'].join('\n');

// 提拔 is near 晋升 (which the article says) and 升职; 食堂 is far from all three.
const vectors = new WordVectors(['晋升', '提拔', '升职', '食堂'], 3, Float32Array.from([1, 0.1, 0, 0.95, 0.2, 0, 0.9, 0.3, 0, 0, 0, 1]));

let search: SearchService;
let plain: (question: string) => Promise<Omit<AnswerEnd, 'id'>>;
let withVectors: AnswerService;

beforeAll(async () => {
  ({ search, ask: plain } = await extractiveAnswersOver('related-words', { 'reform.txt': reform, 'canteen.txt': canteen }));
  withVectors = new AnswerService({ search, generator: null, relatedWords: vectors });
});
afterAll(() => {
  search.close();
  removeTempDirs();
});

const question = '星海职业技术学院的教师怎样破格提拔？';

describe('words a question says differently from the article', () => {
  it('gives a topic word the corpus never uses its nearest words (through its parts: 破格提拔 → 提拔), not distant ones', () => {
    const snapshot = search.retriever().snapshot;
    const analysis = analyzeQuestion(question, { colleges: ['星海职业技术学院'], terms: snapshot.lexical, related: vectors });
    const related = analysis.terms.flatMap((term) => [...(term.related ?? []), ...Object.values(term.relatedToPart ?? {}).flat()].map((word) => word.word));
    expect(related).toEqual(['晋升', '升职']);
  });

  it('answers from the sentence that says it in other words, with vectors; refuses without them', async () => {
    expect((await plain(question)).notFound).toBe(true);
    const end = await withVectors.answerOnce({ question, mode: 'qa', history: [], filters: {} }, AbortSignal.timeout(30_000));
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('破格晋升');
    expect(end.answer).not.toContain('食堂');
    for (const line of end.answer.split('\n')) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });

  it('still refuses what no article says, in any words', async () => {
    const end = await withVectors.answerOnce({ question: '星海职业技术学院对退休教师怎样发放提拔补贴？', mode: 'qa', history: [], filters: {} }, AbortSignal.timeout(30_000));
    expect(end.notFound, end.answer).toBe(true);
  });
});
