/**
 * A contact asked for (举报电话是多少) is answered with its number, though a number without a unit
 * is no count. Real ingest, real index, real jieba.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles, claimsOf, expectClaimSupported } from '../helpers/answer-checks.ts';

const notice = [
  '海陵区关于加强市场经营主体疫情防控的通告',
  '广大市民要积极参与疫情防控工作，发现违反防疫要求的单位和个人要及时举报。举报电话：86222616、12345。',
].join('\n');
const other = ['杭州市推进企业复工', '杭州市对复工企业实行健康码管理，员工凭绿码上岗，全市共有1200家企业受益。'].join('\n');

const ask = askOverArticles('contacts', { 'notice.txt': notice, 'other.txt': other });

describe('contacts', () => {
  it('answers 举报电话是多少 with the number, cited', async () => {
    const end = await ask('海陵区举报违反防疫要求的单位和个人的电话是多少？');
    expect(end.notFound, end.answer).toBe(false);
    const lead = end.answer.split('\n')[0]!;
    expect(lead).toContain('86222616、12345');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });
});
