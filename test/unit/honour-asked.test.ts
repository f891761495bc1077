import { describe, expect, it } from 'vitest';
import { honourAskedIn, levelAskedIn, namesHonour } from '../../core/answer/honour-asked.ts';

describe('honourAskedIn', () => {
  it.each([
    ['风能学院获得过全国先进基层党组织吗', '全国先进基层党组织', '先进基层党组织'],
    ['台州科院机电模具学院获得过全国五一劳动奖状吗', '全国五一劳动奖状', '五一劳动奖状'],
    ['嘉职院是省级文明单位吗', '省级文明单位', '文明单位'],
    ['风能学院获得过先进基层党组织称号吗', '先进基层党组织', '先进基层党组织'],
    ['苏工院的团队入选过“黄大年式教师团队”吗', '黄大年式教师团队', '黄大年式教师团队'],
    // The verb after 是否 is no part of the honour; nor is 称号, nor the 过 a place's pattern reaches back over.
    ['苏工院智能制造支部是否获得过先进基层党组织称号', '先进基层党组织', '先进基层党组织'],
    ['嘉职院获得过全国先进集体称号吗', '全国先进集体', '先进集体'],
    ['嘉职院党委获得过浙江省先进基层党组织吗', '浙江省先进基层党组织', '先进基层党组织'],
    // A campus or a school honoured (全国文明校园) is an honour too.
    ['嘉职院有没有评上全国文明校园？', '全国文明校园', '文明校园'],
    // Said of the college as what it is, with no verb of receiving.
    ['台州科技职院是不是平安校园', '平安校园', '平安校园'],
  ])('%s → %s', (question, asWritten, noun) => {
    expect(honourAskedIn(question)).toEqual({ asWritten, noun });
  });

  it.each([
    '嘉职院有没有开展全国性的活动',
    // Too short a noun without its level to be one honour's name.
    '嘉职院是不是示范校',
    // Not an honour's head.
    '刘哲纬入选了万人计划吗',
    '嘉职院是浙江省示范性高职院校吗',
    // No verb of receiving: what a unit set up or is (设有, 是不是…单位) is no honour asked.
    '苏工院智能制造支部是否设立了党员先锋岗',
    '嘉职院是不是试点单位',
    // A thing's own level (是省级的吧) is no honour named at a level.
    '新能源装备职教集团是省级的吧',
  ])('%s names no honour', (question) => {
    expect(honourAskedIn(question)).toBeNull();
  });
});

describe('namesHonour', () => {
  it('finds the honour in full, without quotation marks', () => {
    expect(namesHonour('2021年，学校党委荣获嘉兴市先进基层党组织、嘉兴市五一劳动奖状等荣誉称号。', '五一劳动奖状')).toBe(true);
    expect(namesHonour('入选首批“全国高校黄大年式教师团队”。', '高校黄大年式教师团队')).toBe(true);
  });

  it('finds it in other words only where the sentence holds its head and most of it', () => {
    expect(namesHonour('获评第二批全国高校黄大年式教师团队。', '全国黄大年式教师团队')).toBe(true);
    // 奖章 is not 奖状; 基层党组织 is not 先进基层党组织.
    expect(namesHonour('全国五一劳动奖章获得者进校园。', '五一劳动奖状')).toBe(false);
    expect(namesHonour('发挥基层党组织的战斗堡垒作用。', '先进基层党组织')).toBe(false);
  });
});

describe('levelAskedIn', () => {
  it('a place\'s agency before what it holds (浙江省经信厅的评审专家库): the level is the place\'s, the noun what the agency holds', () => {
    expect(levelAskedIn('张伟中入选的是浙江省经信厅的评审专家库吗')).toMatchObject({ noun: '评审专家库', predicate: false });
    expect(levelAskedIn('张伟中入选的是浙江省经信厅的评审专家库吗')?.level).toMatch(/浙江省$/u);
    // No agency: the noun after the place stays.
    expect(levelAskedIn('嘉职院的两个实验室是浙江省重点实验室吗')).toMatchObject({ noun: '重点实验室' });
  });
});
