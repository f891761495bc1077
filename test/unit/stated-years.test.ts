import { describe, expect, it } from 'vitest';
import { askedYears, writesNoneOf, yearsElsewhere } from '../../core/answer/stated-years.ts';

describe('askedYears', () => {
  it.each([
    ['湖南电气风能学院2023年在技能竞赛上拿了哪些奖？', [2023]],
    ['台州科技职院2022届毕业生就业率是多少？', [2022]],
    ['2019到2021年间，有几名党员获评优秀党员？', [2019, 2020, 2021]],
    ['2019—2021年立项了哪些项目？', [2019, 2020, 2021]],
    ['嘉职院有多少名党员？', []],
    // A document's number names it: 公告2020年第8号 asks of no year.
    ['财政部、税务总局公告2020年第8号什么时候开始实施？', []],
  ])('%s', (question, years) => {
    expect([...askedYears(question)].sort()).toEqual(years);
  });
});

describe('yearsElsewhere', () => {
  const asked = new Set([2023]);
  it.each([
    ['2021年，获职业院校教师能力竞赛国家级三等奖1项。', [2021]],
    ['2021年度，支部荣获江苏省高校先进基层党组织称号。', [2021]],
    ['2019-2021年，学院党总支立项样板支部1个。', [2019, 2020, 2021]],
    // The year asked, a period that may cover it, or no year at all: not judged.
    ['2023年完成50余次企业走访。', []],
    ['2021年以来，学院累计培训500人次。', []],
    ['截至2021年底，开设工匠班40个。', []],
    ['主持国培项目4项，累计培训500人次以上。', []],
    // A year inside a name names it, it does not date the sentence.
    ['翟东升围绕“2021年世界政治经济秩序展望”进行现场发言。', []],
    ['学习《2021年工作要点》。', []],
    ['财政部 税务总局公告（2019年第84号）。', []],
    // A number that is not a year.
    ['横向技术服务到账2000多万元。', []],
  ])('%s', (sentence, years) => {
    expect(yearsElsewhere(sentence, asked)).toEqual(years);
  });

  it('dates a typed answer by the clause holding it, not by a year in another clause', () => {
    const brands = '2021年打造42个党建特色品牌，两个党总支获批标杆院系。';
    expect(yearsElsewhere(brands, asked, [brands.indexOf('42个')])).toEqual([2021]);
    // Without an answer's place, only an opening time dates a sentence.
    expect(yearsElsewhere(brands, asked)).toEqual([]);
    const ratings = '在教育部2017年公布的全国第四轮学科评估结果中，中国人民大学获评A类学科的总数共14个。';
    expect(yearsElsewhere(ratings, asked, [ratings.indexOf('14个')])).toEqual([]);
  });

  it('dates the answer by its own clause\'s year though the year asked dates another clause', () => {
    const graduates = '2023年毕业生月薪平均达6000元以上，2024届毕业生就业率达98%以上。';
    const salary = [graduates.indexOf('6000元')];
    expect(yearsElsewhere(graduates, new Set([2024]), salary)).toEqual([2023]);
    expect(yearsElsewhere(graduates, new Set([2023]), salary)).toEqual([]);
    // The rate is of 2024届: asked of 2023, its clause dates it.
    expect(yearsElsewhere(graduates, new Set([2023]), [graduates.indexOf('98%')])).toEqual([2024]);
    // The answer's clause writing no year is dated by the sentence as before.
    const lecturers = '2021年，有27名讲师收入超过副教授。';
    expect(yearsElsewhere(lecturers, new Set([2021]), [lecturers.indexOf('27名')])).toEqual([]);
  });

  it('judges nothing when the question names no year', () => {
    expect(yearsElsewhere('2021年，获国家级三等奖1项。', new Set())).toEqual([]);
  });
});

describe('writesNoneOf', () => {
  it.each([
    ['近年来，基地获批…横向技术服务到账2000多万元', [2021], true],
    ['2021年有5名教师成功直聘高一级职称', [2021], false],
    // A span it joins writes its ends, not the years between: a total over three years is no one year's.
    ['2019-2021年，学院党总支立项…样板支部1个', [2020], true],
    ['2019-2021年，学院党总支立项…样板支部1个', [2021], false],
    ['2019-2021年，学院党总支立项…样板支部1个', [2023], true],
    // A document's number names no year.
    ['公告2020年第8号', [2020], true],
  ] as const)('%s, asked %j → %s', (text, years, expected) => {
    expect(writesNoneOf(text, new Set(years))).toBe(expected);
  });
});
