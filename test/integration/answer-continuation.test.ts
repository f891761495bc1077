/**
 * A lead that tells how goes on through its paragraph while the sentences stay on the question or
 * on the lead, as one cited span; it stops at the next point of an outline and at a sentence on
 * something else, and a count stays one clause. Real ingest, real index, real jieba.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEnd } from '../../core/answer/protocol.ts';
import type { SearchService } from '../../core/retrieval/search-service.ts';
import { claimsOf, expectClaimSupported, extractiveAnswersOver } from '../helpers/answer-checks.ts';
import { removeTempDirs } from '../helpers/corpus.ts';

const article = [
  '关于支持企业复工复产的若干措施',
  '一、全力保障防控物资快速通关。各直属海关设立进口捐赠物资专门受理窗口和绿色通道，对防控物资实施快速验放。防控物资到港后，由海关优先安排查验。查验完毕的物资当日放行。本市今年还将举办春季校园招聘会。',
  '二、减免中小企业房租。承租国有企业房产的中小企业，免收2月份房租。',
  '三、加大稳岗返还力度。对不裁员的企业，返还上年度实际缴纳失业保险费的50%，全市共有1200家企业受益。稳岗返还资金由失业保险基金列支。',
].join('\n');

let search: SearchService;
let ask: (question: string) => Promise<Omit<AnswerEnd, 'id'>>;

beforeAll(async () => {
  ({ search, ask } = await extractiveAnswersOver('continuation', { 'measures.txt': article }));
});
afterAll(() => {
  search.close();
  removeTempDirs();
});

describe('a lead told through its paragraph', () => {
  it('goes on into the sentence that continues it, cited as one span, and stops at a sentence on something else', async () => {
    const end = await ask('海关如何对防控物资实施快速验放？');
    expect(end.notFound).toBe(false);
    const lead = end.answer.split('\n').find((line) => line.includes('[1]'))!;
    expect(lead).toContain('实施快速验放。防控物资到港后，由海关优先安排查验。查验完毕的物资当日放行。[1]');
    expect(end.answer).not.toContain('招聘会');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });

  it('stops before the next point of the outline', async () => {
    const end = await ask('怎样全力保障防控物资快速通关？');
    const lead = end.answer.split('\n').find((line) => line.includes('[1]'))!;
    expect(lead).toContain('快速验放');
    expect(lead).not.toContain('减免中小企业房租');
  });

  it('a count stays the clause that holds it', async () => {
    const end = await ask('稳岗返还共有多少家企业受益？');
    const lead = end.answer.split('\n').find((line) => line.includes('[1]'))!;
    expect(lead).toContain('全市共有1200家企业受益。[1]');
    expect(lead).not.toContain('列支');
  });
});
