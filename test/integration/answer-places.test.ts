/**
 * The place a question is about, named through its part: an article about 宝山区大场镇 is about
 * 上海市宝山区 without writing 上海. Against articles that never name it: one that opens on another
 * place of its rank (开封市 for 北京市, a municipality that holds no city; 海陵区 for 闵行区) is about
 * somewhere else, though it says 全市 or 我区; a district of the municipality asked (奉贤区 of 上海市)
 * is not. Real ingest, real index, real jieba.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles, claimsOf, expectClaimSupported } from '../helpers/answer-checks.ts';

const town = [
  '宝山区大场镇落实小区封闭式管理',
  '日前，宝山区大场镇针对商铺管理的问题，采取“1名第三方+1名周边小区保安”的模式在临时出入口设卡进行人员管控，不让一户遗漏在防控网外。',
].join('\n');
// A second article, so that word statistics are not those of one text.
const other = ['杭州市推进企业复工', '杭州市对复工企业实行健康码管理，员工凭绿码上岗。'].join('\n');

// A city's notice, which names its city only in its opening.
const kaifeng = [
  '开封市发布通知：符合疫情防控要求的餐饮企业可有序复工',
  '2月20日，市市场监督管理局发布通知，全市餐饮服务单位要对员工集体宿舍每天消毒不少于2次，通风换气每天不少于3次。',
].join('\n');

// A district's notice, which names its district only in its opening and then says 我区.
const hailing = [
  '海陵区审批服务公告',
  '为有效防止疫情在人群聚集场所传播，我区所有高频政务事项均实现了“外网申请、内网审批”的不见面审批，办事群众可通过网上政务服务平台提交材料。',
].join('\n');

// A district of a municipality, which never names the municipality.
const fengxian = [
  '奉贤发布全行业疫情防控规范',
  '奉贤区日前召开疫情防控专题会议，督促全区各委办局、各行各业制定标准化的防控规范。',
  '发布的针对菜场商超的管理要求明确：所有进入菜场商超人员必须规范佩戴口罩，不戴口罩不得进入。',
].join('\n');

const ask = askOverArticles('places', { 'town.txt': town, 'other.txt': other, 'kaifeng.txt': kaifeng, 'hailing.txt': hailing, 'fengxian.txt': fengxian });

describe('places named through their parts', () => {
  it('answers a question about 上海市宝山区大场镇 from an article that names 宝山区 but not 上海', async () => {
    const end = await ask('上海市宝山区大场镇针对商铺管理不到位问题是如何处理的？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('1名第三方+1名周边小区保安');
    for (const line of end.answer.split('\n')) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });
});

describe('questions about a place the articles never name', () => {
  it('refuses when the only article opens on another city (开封市 for 北京市), though it says 全市', async () => {
    const end = await ask('北京市对复工企业的员工集体宿舍有何要求？');
    expect(end.notFound, end.answer).toBe(true);
    // The same article answers its own city.
    const own = await ask('开封市对复工企业的员工集体宿舍有何要求？');
    expect(own.notFound, own.answer).toBe(false);
    expect(own.answer).toContain('每天消毒不少于2次');
  });

  it('refuses a district asked of an article that opens on another district (海陵区 for 闵行区), though it says 我区', async () => {
    const end = await ask('闵行区“不见面审批”是怎样办理的？');
    expect(end.notFound, end.answer).toBe(true);
    const own = await ask('海陵区“不见面审批”是怎样办理的？');
    expect(own.notFound, own.answer).toBe(false);
    expect(own.answer).toContain('外网申请、内网审批');
  });

  it('answers a municipality from an article of one of its districts (奉贤区 for 上海市)', async () => {
    const end = await ask('上海市对菜场商超有何管理要求？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('必须规范佩戴口罩');
    for (const line of end.answer.split('\n')) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });
});
