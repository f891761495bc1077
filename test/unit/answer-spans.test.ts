/**
 * The pieces direct answers are cut from: clauses with exact offsets, spans of each answer type,
 * ordinal items, and how a cited span reads in an answer.
 */
import { describe, expect, it } from 'vitest';
import { headedNameSpans, personSpans, typedSpans } from '../../core/answer/answer-spans.ts';
import { holdsRole } from '../../core/answer/evidence.ts';
import { displayClaim } from '../../core/answer/citation-book.ts';
import { clausesOf, cutToClauses, tightCut, trimSpan, withinLength } from '../../core/answer/clauses.ts';
import { ordinalOf } from '../../core/answer/enumerations.ts';
import { abbreviatedIn, formsOf, longestSharedRun, namesIn } from '../../core/answer/evidence.ts';
import { sentenceCues } from '../../core/answer/tuning.ts';

const texts = (text: string, spans: readonly { start: number; end: number }[]): string[] => spans.map((span) => text.slice(span.start, span.end));

describe('clauses', () => {
  it('keeps one long clause listing items to its start or its end within the length, whichever says more, the end on a tie', () => {
    const text = '副院长刘哲纬、机电一体化技术专业带头人黄忠慧、电气自动化技术专业带头人吕俊等优秀骨干教师远赴青海柴达木职业技术学院、新疆理工学院对口扶持援疆援青工作';
    const whole = { start: 0, end: text.length };
    const saying = (word: string) => (span: { start: number; end: number }): number => (text.slice(span.start, span.end).includes(word) ? 1 : 0);
    expect(texts(text, [withinLength(text, whole, 60, () => 0)])).toEqual(['电气自动化技术专业带头人吕俊等优秀骨干教师远赴青海柴达木职业技术学院、新疆理工学院对口扶持援疆援青工作']);
    expect(texts(text, [withinLength(text, whole, 60, saying('刘哲纬'))])).toEqual(['副院长刘哲纬、机电一体化技术专业带头人黄忠慧、电气自动化技术专业带头人吕俊等优秀骨干教师远赴青海柴达木职业技术学院']);
    expect(withinLength(text, whole, 200, () => 0)).toEqual(whole);
    const two = '开展报国情怀为统领、时代风尚为指引的专业思政建设，创建“价值引领链”';
    expect(withinLength(two, { start: 0, end: two.length }, 20, () => 0)).toEqual({ start: 0, end: two.length });
  });

  it('splits at ，；： but not inside quotation marks, titles or brackets', () => {
    const text = '实施“红船领航、精英引航，赋能续航”四大工程，出台《办法（试行），细则》，引育博士：共130名。';
    expect(texts(text, clausesOf(text, 0, text.length))).toEqual(['实施“红船领航、精英引航，赋能续航”四大工程', '出台《办法（试行），细则》', '引育博士', '共130名。']);
  });

  it('cuts a long sentence to the best clause and the neighbours that fit, keeping exact offsets', () => {
    const text = '前文。2021年先后7次招聘，共引进高层次、紧缺人才130名，支持11名教师攻读博士，选送1名教师进入博士后工作站。';
    const sentence = { start: 3, end: text.length };
    const cut = cutToClauses(text, sentence, (clause) => (text.slice(clause.start, clause.end).includes('130名') ? 1 : 0), 30, 10);
    expect(text.slice(cut.start, cut.end)).toBe('共引进高层次、紧缺人才130名');
    // A sentence that fits is returned whole, without its final punctuation.
    expect(trimSpan(text, { start: 0, end: 3 })).toEqual({ start: 0, end: 2 });
  });

  it('does not end a cut on a clause that only leads into the next (在…等方面, 依托…平台)', () => {
    const lead = '发挥校企地党组织的战斗堡垒作用';
    const leadIn = '在基地建设、师资培养、学生就业等方面';
    const main = '促进校企地党建共融、资源共享';
    const cutOf = (tail: string, maxLength: number): string => {
      const text = `某党总支本着“以党建促业务”的宗旨，${lead}，${leadIn}，${tail}。`;
      const score = (clause: { start: number; end: number }): number => (text.slice(clause.start, clause.end) === lead ? 2 : text.slice(clause.start, clause.end) === leadIn ? 1 : 0);
      const cut = cutToClauses(text, { start: 0, end: text.length }, score, maxLength, 10);
      return text.slice(cut.start, cut.end);
    };
    const withLeadIn = lead.length + 1 + leadIn.length;
    // The main clause the lead-in opens joins it while the cut stays near its length...
    expect(cutOf(main, withLeadIn)).toBe(`${lead}，${leadIn}，${main}`);
    // ...and the lead-in is left out when the main clause would not fit.
    const longMain = `${main}${'、发展共鸣'.repeat(8)}`;
    expect(cutOf(longMain, withLeadIn)).toBe(lead);
  });

  it('cuts a direct answer to the clauses that say more of what was asked, however short the sentence', () => {
    const text = '2021年，学校招生专业投档线猛增50分，就业率再创历史新高，获得企业各类捐赠总额达到5479万元。';
    const asked = ['捐赠', '5479万元', '2021年'];
    // The value of a cut: how many asked words it holds.
    const value = (span: { start: number; end: number }): number => asked.filter((word) => text.slice(span.start, span.end).includes(word)).length;
    const cut = tightCut(text, { start: 0, end: text.length }, value, 90, 12, 2);
    expect(text.slice(cut.start, cut.end)).toBe('获得企业各类捐赠总额达到5479万元');
    // A neighbour that adds an asked word is taken when it is next to the cut.
    const short = '市委书记张兵莅临宣讲，校党委书记方俊良带头宣讲。';
    const role = (span: { start: number; end: number }): number => ['党委书记', '方俊良'].filter((word) => short.slice(span.start, span.end).includes(word)).length;
    expect(short.slice(...Object.values(tightCut(short, { start: 0, end: short.length }, role, 90, 12, 2)) as [number, number])).toBe('校党委书记方俊良带头宣讲');
    // A clause beyond one that adds nothing is taken when it adds enough (the date a 时间 question asks).
    const dated = '1月29日，针对信贷支持，联社出台意见，推出6项措施。';
    const when = (span: { start: number; end: number }): number => ['1月29日', '联社', '推出', '措施'].filter((word) => dated.slice(span.start, span.end).includes(word)).length;
    const cutDated = (bridgeGain: number): string => dated.slice(...Object.values(tightCut(dated, { start: 0, end: dated.length }, when, 90, 12, bridgeGain)) as [number, number]);
    expect(cutDated(0.5)).toBe('1月29日，针对信贷支持，联社出台意见，推出6项措施');
    expect(cutDated(2)).toBe('联社出台意见，推出6项措施');
    // Below the minimum, neighbours that add nothing complete the cut, and the year beyond them then adds.
    expect(text.slice(...Object.values(tightCut(text, { start: 0, end: text.length }, value, 90, 30, 2)) as [number, number])).toBe(text.slice(0, -1));
  });
});

describe('answer-type spans', () => {
  it('finds numbers with units, in either order of 余 and 万', () => {
    const text = '累计发出“黄牌”5张，藏书8万余册，就业率达98%以上，共百余次活动。';
    expect(texts(text, typedSpans('数量', text))).toEqual(expect.arrayContaining(['5张', '8万余册', '98%', '百余次']));
  });

  it('finds the words of the honours a text states, from each one\'s verb to its clause\'s end', () => {
    const text = '组建智能制造教学创新团队，先后荣获国家级教育教学创新团队、第二批全国高校黄大年式教师团队和省科技创新团队。2021年度，支部荣获江苏省高校先进基层党组织称号。';
    expect(texts(text, typedSpans('名称', text, '称号'))).toEqual(['国家级教育教学创新团队、第二批全国高校黄大年式教师团队和省科技创新团队', '江苏省高校先进基层党组织称号']);
    // The verb is read whole (获批, 获评为, 荣获了), and 获得感 or 收获 states no honour.
    const other = '师生获得感显著增强，收获颇丰；获批省级示范基地，获评为全国样板支部，荣获了优秀组织奖。';
    expect(texts(other, typedSpans('名称', other, '称号'))).toEqual(['省级示范基地', '全国样板支部', '优秀组织奖']);
  });

  it('reads 馀, the traditional 余, and counts pictures (5120馀幅)', () => {
    const text = '征集到全国各地1380馀位作者的5120馀幅漫画作品。';
    expect(texts(text, typedSpans('数量', text))).toEqual(['1380馀位', '5120馀幅']);
    // An anniversary is counted in 周年, not in weeks.
    const anniversaries = '充分利用五四运动100周年、新中国成立70周年等重大节日纪念日契机';
    expect(texts(anniversaries, typedSpans('数量', anniversaries))).toEqual(['100周年', '70周年']);
  });

  it('counts parties (四方), not aspects or ways (一方面, 多方式)', () => {
    const text = '与浙江红船干部学院等四方共建马克思主义学院，一方面抓学习，另一方面通过多方式宣传。';
    expect(texts(text, typedSpans('数量', text))).toEqual(['四方']);
  });

  it('reads a number and its magnitude ending a clause (2500万，) as a count of what goes without saying', () => {
    const text = '补贴金额超过2500万，惠及中小企业超过2000家，全年投入1.2亿。另有万人计划1人。';
    expect(texts(text, typedSpans('数量', text))).toEqual(expect.arrayContaining(['2500万', '1.2亿', '2000家']));
    expect(texts(text, typedSpans('数量', text))).not.toContain('万');
  });

  it('reads a duration whole (3个月, 5个工作日), not as a count of 个', () => {
    const text = '最长不超过3个月，5个工作日内办结。';
    expect(texts(text, typedSpans('数量', text))).toEqual(['3个月', '5个工作日']);
  });

  it('finds contact numbers only when a contact is asked for', () => {
    const text = '举报电话：0523-86222616、12345，或拨打18032925850转1。';
    expect(texts(text, typedSpans('数量', text, '电话'))).toEqual(['0523-86222616', '12345', '18032925850转1']);
    expect(typedSpans('数量', text)).toEqual([]);
  });

  it('finds dates, recurring times and year ranges', () => {
    const text = '固定每月第四周周四为党员活动日，2019-2021年立项，2021年12月8日签约。';
    expect(texts(text, typedSpans('时间', text))).toEqual(['每月第四周周四', '2019-2021年', '2021年12月8日']);
    // A bare year before who gave an award is its year; a bare number elsewhere is none.
    const award = '支部书记黄忠慧获 2021浙江省黄炎培职业教育杰出教师奖，共2021人参加。';
    expect(texts(award, typedSpans('时间', award))).toEqual(['2021']);
  });

  it('finds organisations by the word that ends their name (学院, 局, 协会, 委员会)', () => {
    const text = '这是由上海市美术家协会主办的网络漫画展，市卫生健康委员会指导。';
    const found = texts(text, typedSpans('机构', text));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/上海市美术家协会$/u);
    expect(found[1]).toBe('市卫生健康委员会');
  });

  it('finds an organisation\'s name or kind, not a bare kind, nor the organisation asked about', () => {
    const text = '台州科技职业学院机电与模具工程学院党总支，与34家模具企业联建，为合作型企业浙江承康机电制造有限公司升级产线，完成50余次企业走访，建立紧密合作关系的企业倍增。';
    expect(texts(text, typedSpans('机构', text, null, ['台州科技职业学院']))).toEqual(['模具企业', '合作型企业浙江承康机电制造有限公司', '建立紧密合作关系的企业']);
    // Two organisations joined by 与: the second on its own, and a bare kind not at all.
    const joined = '该党总支与黄岩区新前街道联建，建立党总支与企业紧密合作关系。';
    expect(texts(joined, typedSpans('机构', joined))).toEqual(['黄岩区新前街道']);
    // 与 inside a name stays: 机电与模具工程学院.
    expect(texts(text, typedSpans('机构', text))[0]).toBe('台州科技职业学院机电与模具工程学院党总支');
  });

  it('names an award by its own words, not by the quoted name that won it (什么奖)', () => {
    const text = '支部“人人出彩创新”工作法获2021年江苏省党建工作创新奖三等奖。';
    const found = texts(text, typedSpans('名称', text, '奖'));
    expect(found).toContain('2021年江苏省党建工作创新奖');
    expect(found.some((span) => span.includes('人人出彩创新'))).toBe(false);
    expect(typedSpans('名称', '积极探索“人人出彩创新”工作法。', '奖')).toEqual([]);
  });

  it('finds an official named by office right before the approval asked about (得到了谁的肯定)', () => {
    const text = '开展“红船领航”党员职教帮扶行动，相关做法得到云南省委领导批示肯定，浙江卫视作专题报道。';
    expect(texts(text, typedSpans('人物', text))).toEqual(['云南省委领导']);
    expect(typedSpans('人物', '学校领导高度重视，多次召开专题会议。')).toEqual([]);
  });

  it('finds people only next to a role, so that words jieba takes for names do not count', () => {
    const text = '市委书记张兵莅临嘉职院宣讲，校党委书记方俊良带头宣讲，师生喜爱。';
    expect(texts(text, personSpans(text))).toEqual(['张兵', '方俊良']);
    // A place jieba tags as a name, next to a role, is still a place.
    expect(personSpans('举办全国高职院校百名党委书记嘉兴南湖峰会。')).toEqual([]);
    // Nor is a verb with its result after a role (书记讲好), which jieba leaves unknown.
    expect(personSpans('落实各级党组织书记讲好“思政第一课”。')).toEqual([]);
    // A name before its workshop's kind (“方鸷翔技能大师工作室”) is a person's.
    const workshop = '“方鸷翔技能大师工作室”立项湖南省技能创新平台。';
    expect(texts(workshop, personSpans(workshop))).toEqual(['方鸷翔']);
  });

  it('reads a person\'s role from the titles before the name, back to the person named before', () => {
    const chain = '苏州校区党委书记兼国际学院、中法学院院长杨伟国说。';
    const [person] = personSpans(chain);
    expect(chain.slice(person!.start, person!.end)).toBe('杨伟国');
    expect(holdsRole(chain, person!, ['党委书记'])).toBe(true);
    expect(holdsRole(chain, person!, ['校长'])).toBe(false);
    // 院长 belongs to 杨瑞龙; 赵彦云's title is 统计学院院长, not 党委书记.
    const list = '经济学院党委书记、长江学者杨瑞龙，统计学院院长赵彦云，中央财经大学政府管理学院院长赵景华。';
    const people = personSpans(list);
    expect(texts(list, people)).toEqual(['杨瑞龙', '赵彦云', '赵景华']);
    expect(people.map((span) => holdsRole(list, span, ['党委书记']))).toEqual([true, false, false]);
  });

  it('does not take a deputy for the role asked (副院长 is no 院长), unless the deputy is asked', () => {
    const text = '国际关系学院副院长李晨主持，统计学院院长赵彦云发言。';
    const people = personSpans(text);
    expect(texts(text, people)).toEqual(['李晨', '赵彦云']);
    expect(people.map((span) => holdsRole(text, span, ['院长']))).toEqual([false, true]);
    expect(people.map((span) => holdsRole(text, span, ['副院长']))).toEqual([true, false]);
  });

  it('finds names built on the noun asked about, and quoted names', () => {
    const text = '打造了集教育、管理为一体的海棠花红智能先锋阵地，开展“风能蒲公英”志愿服务。';
    expect(texts(text, headedNameSpans(text, '阵地'))).toEqual(['海棠花红智能先锋阵地']);
    expect(texts(text, typedSpans('名称', text, '阵地'))).toEqual(['“风能蒲公英”', '海棠花红智能先锋阵地']);
  });

  it('finds a definition only right after the name it defines', () => {
    const text = '“三亮”即亮身份、亮职责、亮承诺；另有其他：说明。';
    expect(texts(text, typedSpans('定义', text, '三亮'))).toEqual(['三亮”即']);
  });

  it('finds a definition that lists the parts after the thing the name stands for, up to the clause\'s end', () => {
    const text = '联合街道内龙头企业共建“5院4中心”全产业链示范基地，包括市中小微专精特新企业研究院等5个学院和市智能模具协同创新中心等4个中心，创新“校中厂”建设模式。';
    expect(texts(text, typedSpans('定义', text, '5院4中心'))).toEqual(['5院4中心”全产业链示范基地，包括市中小微专精特新企业研究院等5个学院和市智能模具协同创新中心等4个中心']);
  });

  it('finds a definition said before the name (以A和B为“两翼”), within its clause', () => {
    const text = '加强校企地基层党组织建设，以长三角模具产教融合共同体和高端模塑智能制造产教联合体为“两翼”，联合龙头企业共建基地。';
    expect(texts(text, typedSpans('定义', text, '两翼'))).toEqual(['以长三角模具产教融合共同体和高端模塑智能制造产教联合体为“两翼']);
    expect(typedSpans('定义', '学校以“两翼”为题开展研讨。', '两翼')).toEqual([]);
  });
});

describe('items and claims', () => {
  it('reads the ordinal an item opens with', () => {
    expect(ordinalOf('一是亮身份。')).toEqual({ value: 1, kind: 'shi' });
    expect(ordinalOf('（二）实施成效')).toEqual({ value: 2, kind: 'paren' });
    expect(ordinalOf('3.实施“三服务”工程')).toEqual({ value: 3, kind: 'digit' });
    expect(ordinalOf('2021年有5名教师')).toBeNull();
  });

  it('shows a claim without its enumerator or dateline, ending in punctuation', () => {
    expect(displayClaim('一是亮身份')).toBe('亮身份。');
    expect(displayClaim('中国教育报客户端讯（通讯员 徐兵）该党总支本着宗旨，')).toBe('该党总支本着宗旨。');
    // A closing quote ends a sentence only after its own stop.
    expect(displayClaim('实施政治素质“首关制”')).toBe('实施政治素质“首关制”。');
    expect(displayClaim('他说：“要抓好落实。”')).toBe('他说：“要抓好落实。”');
  });

  it('joins a heading to the body it heads with a colon, a label ending in its own stop directly, a wrapped line with a space', () => {
    const heading = '二、聚焦“智能制造”，实施“示范”项目，打造品牌先锋';
    expect(displayClaim(`${heading}\u00a0\n支部认真履行党建主体责任。`, [heading.length])).toBe('聚焦“智能制造”，实施“示范”项目，打造品牌先锋：支部认真履行党建主体责任。');
    expect(displayClaim('推进智能先锋阵地建设。\n依托省“智能车间”平台。', [11])).toBe('推进智能先锋阵地建设。依托省“智能车间”平台。');
    expect(displayClaim('王亚培教授研究团队\n在可降解农药领域取得重要研究进展。')).toBe('王亚培教授研究团队 在可降解农药领域取得重要研究进展。');
  });

  it('finds a name written with a few characters more, but not another name sharing a word', () => {
    expect(namesIn('机电与模具学院', '台州科技职业学院机电与模具工程学院党总支')).toBe(true);
    expect(namesIn('杭州职业技术学院', '浙江机电职业技术学院与杭州供电段')).toBe(false);
  });

  it('finds a unit named by some of its characters in order and its noun (机模学院, 精密系), not by characters scattered far', () => {
    expect(abbreviatedIn('机模学院', '台州科技职业学院机电与模具工程学院党总支')).toBe(true);
    expect(abbreviatedIn('精密系', '精密制造工程系党总支智能制造教工党支部')).toBe(true);
    expect(abbreviatedIn('机模学院', '机电一体化专业建设与技能大赛培训模块学院')).toBe(false);
    expect(abbreviatedIn('风能', '风能工程学院')).toBe(false);
  });

  it('measures the longest phrase a sentence repeats from the question', () => {
    expect(longestSharedRun('嘉兴职业技术学院|党建与专业建设融合', '坚持党建与专业建设相融合。')).toBe(7);
    expect(longestSharedRun('党建与|方面', '坚持党建工作')).toBe(0);
  });
});

describe('sentences that state nothing', () => {
  it('a sentence that only names who spoke is no evidence; a statement that reports speech is', () => {
    for (const sentence of ['杨海杰提醒说。', '浙江省大数据发展管理局副局长蒋汝忠说。', '他介绍。']) expect(sentenceCues.attributionOnly.test(sentence), sentence).toBe(true);
    for (const sentence of ['杨海杰说，入沪道口均未出现拥堵。', '市公安局交警总队作出权威解答。', '学校党委书记强调，要把党建与专业建设相结合。']) expect(sentenceCues.attributionOnly.test(sentence), sentence).toBe(false);
  });
});

describe('the forms an article may use for a question word', () => {
  it('an organisation may drop the place it opens with; a school, a generic name or a bare place may not', () => {
    expect(formsOf('天津泰达医院')).toContain('泰达医院');
    expect(formsOf('北京市协和医院')).toContain('协和医院');
    expect(formsOf('宁波职业技术学院')).not.toContain('职业技术学院');
    expect(formsOf('天津人民医院')).not.toContain('人民医院');
    expect(formsOf('东营市')).toContain('东营');
  });

  it('holds the field’s synonyms (电子邮件 / 邮箱)', () => {
    expect(formsOf('电子邮件')).toContain('邮箱');
  });
});

describe('sentences that state a lesson', () => {
  it('a lesson says what matters (关键在于, 只有…才, 离不开); a practice that names a core or a guarantee is none', () => {
    for (const sentence of ['基层党建工作的核心在于组织力建设，组织力建设的关键在于行动。', '只有把党建与业务深度融合，才能激发支部活力。', '学院事业发展离不开党建引领。'])
      expect(sentenceCues.insight.test(sentence), sentence).toBe(true);
    for (const sentence of ['以服务学院全体师生为目标，以支部党员为核心，采取一位党员教师对接一位群众教师的方式。', '开展谈心谈话等“五个一”活动，保障政令畅通。', '抓住关键少数。', '认真落实立德树人根本任务。'])
      expect(sentenceCues.insight.test(sentence), sentence).toBe(false);
  });
});
