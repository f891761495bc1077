/**
 * A year the question names: an undated article that never writes it may still answer (policies
 * rarely repeat their year), a dated article of another year does not. A time that opens a
 * sentence (2020年以来，…) answers 哪一年 for all of it. Real ingest, real index, real jieba.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles } from '../helpers/answer-checks.ts';

const ask = askOverArticles('years', {
    'loans.txt': '市财政局支持小微企业\n市财政局对受疫情影响的小微企业给予贷款贴息，贴息比例为贷款利率的一半。',
    'canteens.txt': '市场监管局检查学校食堂\n发布时间：2019-05-10\n市场监管局对全市学校食堂开展食品安全检查，覆盖食堂三百余家。',
  });

describe('a year the question names', () => {
  it('is no reason to refuse an undated article that answers the rest', async () => {
    const end = await ask('2020年市财政局对受疫情影响的小微企业给予什么贷款贴息？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('贷款利率的一半');
  });

  it('rules out an article dated another year', async () => {
    const end = await ask('2021年市场监管局对全市学校食堂开展了什么检查？');
    expect(end.notFound, end.answer).toBe(true);
    // The refusal still says which year no article writes.
    expect(end.answer).toContain('没有提到“2021”');
  });
});

const askOpening = askOverArticles('opening-times', {
  'teachers.txt': '星海职业技术学院深化校企合作\n2020年以来，学院先后从合作企业请来55名技术骨干，担任学校技术指导专家和兼职教师，并指派127名专业教师入企锻炼。',
  'classes.txt': '星海职业技术学院机电学院产教融合\n截至2023年底，校企联合开发典型项目案例教材7门，开设工匠班、订单班40个，培养现代学徒制学生1000余人。',
});

describe('a time that opens a sentence on its own', () => {
  it('dates all of the sentence, not only the clause beside it', async () => {
    const end = await askOpening('星海职业技术学院从哪一年开始有了兼职教师？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('2020年以来');
  });

  it('stands beside every clause of its sentence when the question asks something else of that time', async () => {
    const end = await askOpening('截至2023年底，星海职业技术学院机电学院开了多少个工匠班、订单班？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('40个');
  });
});

const askAsOf = askOverArticles('as-of', {
  'freight.txt': '邮政业全力保障防疫物资运输\n截至2月6日，全行业累计承运寄递疫情防控物资2448车次，货运航班102架次，疫情防控物资7454.9吨。\n目前，邮政业已有98%的网点恢复营业，服务群众寄递需求。',
});

describe('a count cut from a sentence that opens with its date', () => {
  it('keeps the date it is of (截至2月6日，…), but not a word of time (目前)', async () => {
    const dated = await askAsOf('邮政业累计承运了多少车次疫情防控物资？');
    expect(dated.notFound, dated.answer).toBe(false);
    expect(dated.answer).toMatch(/^截至2月6日，全行业累计承运寄递疫情防控物资2448车次/u);
    const current = await askAsOf('邮政业恢复营业的网点比例是多少？');
    expect(current.notFound, current.answer).toBe(false);
    expect(current.answer).toMatch(/^邮政业已有98%的网点恢复营业/u);
  });
});

const askDated = askOverArticles('sentence-years', {
  'contests.txt':
    '星海职业技术学院风能学院党建工作总结\n发布时间：2023-10-20\n（二）实施成效\n二是师生技能竞赛。2021年，获职业院校教师能力竞赛国家级三等奖1项、省一等奖2项。\n三是社会服务。主持国培项目4项，累计培训500人次以上。',
  'brands.txt': '星河职业技术学院党建工作\n发布时间：2022-02-24\n2021年打造42个党建特色品牌，两个党总支获批全省标杆院系。\n学院打造“一院一品”特色劳动教育实践活动品牌案例6个。',
  'cases.txt': '星辰职业技术学院智能制造教工党支部\n发布时间：2022-03-01\n三是加强团队建设，组建教学创新团队。《推进四个“融合”打造高水平教学团队》被教育部2021年首场新闻发布会收录为典型案例。',
});

describe('a sentence dated by a year of its own', () => {
  it('does not answer a question about another year, though its article is of that year; the refusal says which years it speaks of', async () => {
    const end = await askDated('星海职业技术学院风能学院2023年在技能竞赛上获得了哪些奖？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('写的是2021年的情况，没有写2023年的');
    // What the article says of 2021 is shown, as related text, not as the answer.
    expect(end.answer).toMatch(/仅供参考：\n- 2021年，获职业院校教师能力竞赛/u);
  });

  it('is no answer given by a weaker sentence that states no year, when the one that says the question is of another', async () => {
    const end = await askDated('星河职业技术学院2022年打造了多少个党建特色品牌？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('写的是2021年的情况，没有写2022年的');
    expect(end.answer).not.toMatch(/^[^\n]*案例6个/u);
  });

  it('tells the years an article speaks of, and shows them, when it never writes the year asked', async () => {
    const end = await askDated('星河职业技术学院2020年打造了多少个党建特色品牌？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('写的是2021年的情况，没有写2020年的');
    expect(end.answer).toMatch(/仅供参考：\n- 2021年打造42个党建特色品牌/u);
  });

  it('is dated by a year in the clause that says what the question asks of that year', async () => {
    const end = await askDated('星辰职业技术学院智能制造教工党支部2022年有什么案例被教育部收录？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('写的是2021年的情况，没有写2022年的');
    const asked = await askDated('星辰职业技术学院智能制造教工党支部2021年有什么案例被教育部收录？');
    expect(asked.notFound, asked.answer).toBe(false);
    expect(asked.answer).toContain('推进四个“融合”');
  });

  it('answers the year it states, and a period the question spans', async () => {
    const asked = await askDated('星海职业技术学院风能学院2021年在技能竞赛上获得了哪些奖？');
    expect(asked.notFound, asked.answer).toBe(false);
    expect(asked.answer).toContain('国家级三等奖1项');
    const spanned = await askDated('2020到2022年间，星海职业技术学院风能学院在技能竞赛上获得了哪些奖？');
    expect(spanned.notFound, spanned.answer).toBe(false);
    expect(spanned.answer).toContain('国家级三等奖1项');
  });
});
