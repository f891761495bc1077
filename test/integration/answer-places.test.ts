/**
 * The place a question is about, named through its part: an article about 宝山区大场镇 is about
 * 上海市宝山区 without writing 上海. Real ingest, real index, real jieba.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles, claimsOf, expectClaimSupported } from '../helpers/answer-checks.ts';

const town = [
  '宝山区大场镇落实小区封闭式管理',
  '日前，宝山区大场镇针对商铺管理的问题，采取“1名第三方+1名周边小区保安”的模式在临时出入口设卡进行人员管控，不让一户遗漏在防控网外。',
].join('\n');
// A second article, so that word statistics are not those of one text.
const other = ['杭州市推进企业复工', '杭州市对复工企业实行健康码管理，员工凭绿码上岗。'].join('\n');

const ask = askOverArticles('places', { 'town.txt': town, 'other.txt': other });

describe('places named through their parts', () => {
  it('answers a question about 上海市宝山区大场镇 from an article that names 宝山区 but not 上海', async () => {
    const end = await ask('上海市宝山区大场镇针对商铺管理不到位问题是如何处理的？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('1名第三方+1名周边小区保安');
    for (const line of end.answer.split('\n')) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });
});
