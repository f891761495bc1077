/**
 * What the extractive engine answers on the default corpus (real index, real jieba): the
 * questions a new user saw refused although the article states the answer, direct answers for
 * counts, lists, names and definitions, refusal decided by evidence (another college, a person, a
 * role, a count the corpus never gives), comparisons that find a topic said in other words, and
 * meeting drafts whose practices are not bare headings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../core/answer/answer-service.ts';
import type { AnswerEnd, AnswerMode, ComparisonRow } from '../../core/answer/protocol.ts';
import { nearbyKnobs, sentenceCues, summaryKnobs } from '../../core/answer/tuning.ts';
import { outcomeStrength } from '../../core/answer/evidence.ts';
import type { SearchService } from '../../core/retrieval/search-service.ts';
import { claimsOf, expectClaimSupported, leadLine, openExtractiveAnswers } from '../helpers/answer-checks.ts';
import { defaultDocId, ingestDefaultCorpus, removeTempDirs } from '../helpers/corpus.ts';

let search: SearchService;
let answers: AnswerService;

beforeAll(async () => {
  const indexDir = await ingestDefaultCorpus('answer-quality');
  ({ search, answers } = openExtractiveAnswers(indexDir));
});
afterAll(() => {
  search.close();
  removeTempDirs();
});

async function ask(question: string, mode: AnswerMode = 'qa'): Promise<Omit<AnswerEnd, 'id'>> {
  return answers.answerOnce({ question, mode, history: [], filters: {} }, AbortSignal.timeout(30_000));
}

/** A follow-up asked after `question` and its answer. */
async function askAfter(question: string, followUp: string, mode: AnswerMode = 'qa'): Promise<Omit<AnswerEnd, 'id'>> {
  const first = await ask(question);
  const history = [
    { role: 'user' as const, content: question },
    { role: 'assistant' as const, content: first.answer },
  ];
  return answers.answerOnce({ question: followUp, mode, history, filters: {} }, AbortSignal.timeout(30_000));
}

/** Each question of a conversation asked after those before it and their answers; the answers in order. */
async function askInTurn(...questions: string[]): Promise<Omit<AnswerEnd, 'id'>[]> {
  const history: { role: 'user' | 'assistant'; content: string }[] = [];
  const ends: Omit<AnswerEnd, 'id'>[] = [];
  for (const question of questions) {
    const end = await answers.answerOnce({ question, mode: 'qa', history: [...history], filters: {} }, AbortSignal.timeout(30_000));
    ends.push(end);
    history.push({ role: 'user', content: question }, { role: 'assistant', content: end.answer });
  }
  return ends;
}

/** A comparison's row for a college (the table must hold it). */
function rowOf(end: Omit<AnswerEnd, 'id'>, college: string): ComparisonRow {
  return end.table!.rows.find((row) => row.college === college)!;
}

/** Lines with claims (not headings, labels or blank lines). */
function claimLines(answer: string): string[] {
  return answer
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /\[\d+\]/.test(line));
}

/** Every claim of an answer is contained in the quote it cites. */
function expectSupported(end: Omit<AnswerEnd, 'id'>): void {
  for (const line of claimLines(end.answer)) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
}

describe('counts of people and of times', () => {
  it('a count whose verb opens the sentence before the list it counts answers (支部接待…，…等院校，以及…近千人次)', async () => {
    const end = await ask('苏工院智能制造党支部那个智能先锋阵地，前前后后接待了多少来访人员？');
    expect(end.notFound, end.answer).toBe(false);
    expect(leadLine(end.answer)).toContain('参观考察近千人次');
    expectSupported(end);
  });

  it('a list asked in everyday words (新冠期间…哪些厂家) is answered by the article\'s (疫情…企业)', async () => {
    const end = await ask('苏工院智能制造教工党支部在新冠期间帮哪些厂家恢复了生产？');
    expect(end.notFound, end.answer).toBe(false);
    expect(leadLine(end.answer)).toContain('昆山维萨阀门股份有限公司');
  });

  it('a count of the noun asked at its number (全国性活动26次) leads, not a count of what the noun ends (七大专题系列学习活动)', async () => {
    for (const question of ['嘉职院党史学习教育开展了多少活动', '嘉职院党史学习教育取得了啥成效，开展了多少活动']) {
      expect(leadLine((await ask(question)).answer), question).toContain('开展全国性活动26次、全校性活动460多次');
    }
  });

  it('a headcount (多少名党员) is not answered by person-times (15人次获…荣誉); 多少人 and 多少人次 are', async () => {
    const members = await ask('苏州工业职院智能制造支部现在一共有多少名党员？');
    expect(members.notFound, members.answer).toBe(true);
    for (const question of ['台州科技职业学院机电与模具工程学院为企业员工培训了多少人次？', '台州科技职业学院机电与模具工程学院为企业员工培训了多少人？']) {
      const trained = await ask(question);
      expect(trained.answer.split('\n')[0], question).toContain('近2万人次');
    }
  });

  // 近年来…到账2000多万元: a count the article does not date is not that year's.
  it('a count asked of a year is told as the article\'s, not that year\'s, when its paragraph writes no year asked', async () => {
    const undated = await ask('台州科院2021年横向技术服务到账多少钱');
    expect(undated.answer).toMatch(/^文章没有写明2021年的数字，写到的是：\n[^\n]*横向技术服务到账2000多万元/u);
    // A year of another sentence of the paragraph dates that one (2021年有5名教师…直聘 before 累计发出“黄牌”5张);
    // a span (2019-2021年) writes its ends, not the years between.
    for (const [question, year] of [['嘉职院2021年发出了几张黄牌', 2021], ['风能学院2020年有几名党员获得校级优秀共产党员', 2020]] as const) {
      expect((await ask(question)).answer, question).toMatch(new RegExp(`^文章没有写明${year}年的数字，写到的是：`, 'u'));
    }
    const dated = await ask('嘉职院2021年有几个老师直聘了高一级职称');
    expect(dated.answer).not.toContain('没有写明');
    expect(leadLine(dated.answer)).toContain('2021年有5名教师成功直聘高一级职称');
    for (const end of [undated, dated]) expectSupported(end);
  });

  it('people counted with 个 (几个老师, 几个青年教师) are answered by the article\'s 名', async () => {
    expect(leadLine((await ask('嘉职院21年有几个老师直聘了高一级职称')).answer)).toContain('5名教师成功直聘高一级职称');
    expect(leadLine((await ask('嘉职院提拔了几个青年教师到中层岗位')).answer)).toContain('13名业绩突出的青年教师');
  });
});

describe('questions once refused although the article states the answer', () => {
  const cases: [string, string[]][] = [
    ['湖南电气职业技术学院风能工程学院的风能党员活动日固定在什么时间？', ['每月第四周周四']],
    ['苏州工业职业技术学院智能制造教工党支部打造的智能先锋阵地叫什么名字？', ['海棠花红智能先锋阵地']],
    // 入选了什么专家库: the name ends in the noun asked, unquoted.
    ['张伟中入选了什么专家库', ['杭州市经济和信息化局评审专家库']],
    ['嘉兴职业技术学院成立的百人宣讲团包括哪些类型？', ['书记院长', '青年教师']],
    ['哪所高职院校把红船精神列入了人才培养必修课？', ['嘉兴职业技术学院', '必修课']],
    ['嘉兴职业技术学院在教师职称评聘上有什么新政策？', ['替代']],
    // Words the corpus never uses (年终考评 for 年度考核, 老师 for 教师, 结对 for 对接) weigh less than
    // the rarest word it does use: a user's own wording is not a topic the corpus lacks.
    ['嘉职院对年终考评不合格的老师实行的“亮牌制”是什么意思？', ['黄牌', '红牌']],
    ['湖南电气风能学院的党员老师是怎么跟普通老师和学生结对帮扶的？', ['一帮一']],
    // The synonym list: people say 示范岗 for the article's 先锋岗, 排行榜 for 排名.
    ['苏州工业职院智能制造支部在产教融合平台上一共设了多少个党员示范岗？', ['16个党员先锋岗']],
    ['浙江机电自动化学院的专业在全国专业排行榜上成绩怎么样？', ['排名全国第一']],
    // 制度文件: 文件 names the kind of text, not a topic the article must write.
    ['嘉职院推进劳动教育出台了哪些制度文件？', ['学生千日劳动成长计划']],
    // 高考录取分数线 for the article's 投档线, 涨 for 猛增.
    ['2021年嘉职院的高考录取分数线涨了多少分？', ['投档线猛增50分']],
    // 劳模 is how people say 劳动模范.
    ['浙江机电职院自动化学院的学生里出过哪位铁路劳模？', ['朱光耀']],
    // A unit's short name, no college named (风能学院 for 风能工程学院).
    ['风能学院他们党员活动日定在啥时候', ['每月第四周周四']],
    ['风能学院的四个一工程是什么', ['听取党外群众意见', '参加志愿者活动']],
  ];
  for (const [question, facts] of cases) {
    it(question, async () => {
      const end = await ask(question);
      expect(end.notFound, end.answer).toBe(false);
      for (const fact of facts) expect(end.answer).toContain(fact);
      expectSupported(end);
    });
  }

  // How a new user asked them: 农户 for 种植户, 多久开一次 for a frequency, 引进人才 (a word the
  // corpus never uses, whose halves it does) 多少个 of people counted in 名, 七个一 unquoted.
  it.each([
    ['台州科院的党员博士给杨梅农户干了啥', '为仙居县南峰街道杨梅种植户讲解无人机的应用'],
    ['嘉职院警示教育大会多久开一次', '每年召开全校警示教育大会'],
    ['风能学院党员多久听取一次群众意见', '每位党员每月听取党外群众意见'],
    ['嘉职院2021年引进人才多少个', '共引进高层次、紧缺人才130名'],
    ['苏工院支部的七个一先锋工程是干嘛的', '实施教师党员“七个一”先锋工程，引导教师党员争做“四有好教师”的示范标杆'],
    // A college's name typed with a character that sounds the same (台洲, 电器) is that college's.
    ['台洲科院机电模具学院的五层递进学徒制是什么', '实施“五层递进学徒制”人才培养新路径'],
    ['湖南电器风能学院五大工程哪个管宣传', '实施“三融教育”工程，落实宣传师生有力'],
  ])('%s leads with what the article says of it', async (question, fact) => {
    const end = await ask(question);
    expect(end.notFound, end.answer).toBe(false);
    expect(leadLine(end.answer), end.answer).toContain(fact);
    expectSupported(end);
  });

  it('各学院是如何推动党建与专业建设相结合的？ is answered from more than one college', async () => {
    const end = await ask('各学院是如何推动党建与专业建设相结合的？');
    expect(end.notFound).toBe(false);
    expect(new Set(end.citations.map((citation) => citation.college)).size).toBeGreaterThan(1);
    expectSupported(end);
  });
});

describe('direct answers', () => {
  it('a name asked beside one the question sets aside (除了…) leads with the other', async () => {
    const end = await ask('台州科院那篇里，除了课程思政体系那个入选的案例，另一份多方携手的经验材料题目是什么');
    expect(end.notFound, end.answer).toBe(false);
    expect(leadLine(end.answer)).toMatch(/^《党建引领聚合力 多方携手共发展》/u);
  });

  it('a follow-up asking the outline of 那篇文章 keeps the article pointed at', async () => {
    const end = await askAfter('嘉职院是怎么培养红船工匠的', '那篇文章的一级标题依次是哪几个');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.searchedFor).toContain('嘉兴职业技术学院那篇文章');
    expect(end.answer).toContain('建设“红船堡垒” 夯实党建之基');
  });

  it('a case asked by its 题目 leads with its quoted name; short forms (湖电) name their college', async () => {
    const end = await ask('湖电那篇文章里获机械行业十佳典型案例的那个，题目是什么');
    expect(end.notFound, end.answer).toBe(false);
    expect(leadLine(end.answer)).toContain('“创新‘四位一体’模式，打造国家级教师教学创新团队”');
    expect(end.answer).not.toContain('这篇文章的标题是');
  });

  it('a kind of people asked after (那教师呢) is no person: the answer is not cut to one clause', async () => {
    const end = await askAfter('台州科院为学生就业做了什么', '那教师呢');
    expect(leadLine(end.answer)).not.toMatch(/^教师获[^，。]*先进个人1人，获授权国家发明专利/u);
  });

  it('a person asked after with nothing more is told by the clause naming them, not the sentence naming many', async () => {
    for (const [end, clause] of [
      [await askAfter('自动化学院学生里谁拿过挑战杯', '那樊文天呢'), '全国高职唯一中国青少年科技创新奖获得者樊文天'],
      // jieba cuts 朱光耀 in two; the name is still the person the sentence names.
      [await askAfter('自动化学院学生里谁拿过挑战杯', '那朱光耀呢'), '铁路劳动模范朱光耀'],
    ] as const) {
      const [lead] = claimLines(end.answer);
      expect(lead, end.answer).toContain(clause);
      expect(lead!.length, end.answer).toBeLessThan(80);
      expectSupported(end);
    }
  });

  it('a list question leads with the items, each cited, and nothing before them', async () => {
    const end = await ask('嘉兴职业技术学院在教师评价改革中实施了哪些制度？');
    const lines = claimLines(end.answer);
    for (const [index, item] of ['首关制', '替代制', '亮牌制', '动态制'].entries()) expect(lines[index]).toContain(item);
    expect(lines.slice(0, 4).join('')).not.toMatch(/第一议题|劳动教育/);
    expectSupported(end);
  });

  it('a list spread over the article’s numbered sections gives one item per section heading', async () => {
    const end = await ask('智能制造教工党支部实施了哪三个项目？');
    const lead = claimLines(end.answer).slice(0, 3);
    for (const [index, project] of ['筑基', '示范', '向阳'].entries()) expect(lead[index]).toContain(`“${project}”项目`);
    expectSupported(end);
  });

  it('of two lists in one sentence, the one whose items end like the counted name (“五型” → 规范型、学习型…), not the slogan before it', async () => {
    const end = await ask('自动化学院的“五型”党总支是哪五型？');
    const lead = claimLines(end.answer)[0]!;
    for (const kind of ['规范型', '学习型', '育人型', '创新型']) expect(lead).toContain(kind);
    expect(lead).not.toContain('全员参与');
    expectSupported(end);
  });

  it('a definition leads with the label that names it and its body, up to the next label, even across a passage boundary', async () => {
    const substitute = await ask('嘉兴职业技术学院的职称评聘“替代制”是什么？');
    expect(claimLines(substitute.answer)[0]).toMatch(/^实施职称评聘“替代制”。修订《教师专业技术职务评聘办法》/);
    const cards = await ask('“亮牌制”指的是什么？');
    expect(cards.answer).toMatch(/实施业绩考核“亮牌制”。修订教职工《考核管理办法》/);
    const dynamic = await ask('绩效分配“动态制”具体怎么做？');
    const lead = claimLines(dynamic.answer)[0]!;
    for (const part of ['扁平化', '一、二、三等奖', '绩点年度动态调整机制']) expect(lead).toContain(part);
    expect(lead).not.toContain('坚持引育并举');
    // Bare numerals (设立一、二、三等奖) are one phrase, not a list that could displace the label.
    const meaning = await ask('绩效分配“动态制”是什么意思？');
    expect(claimLines(meaning.answer)[0]).toMatch(/^实施绩效分配“动态制”。改革绩效工资扁平化分配方式。/);
    // A list that holds the label itself (推进“三室一岗”建设、推进“三链课程”建设…) names its siblings.
    const chains = await ask('“三链课程”是什么意思？');
    expect(claimLines(chains.answer)[0]).toMatch(/^推进“三链课程”建设。开展报国情怀为统领/);
    expect(chains.answer).not.toContain('三室一岗');
    // A name its sentence does not define where it names it is told by the clauses after it.
    const brand = await ask('“1团6心5育”指什么？');
    const [brandLead] = claimLines(brand.answer);
    expect(brandLead).toContain('“读·聚”匠心践行团');
    expect(brandLead).toContain('6支队伍');
    // A name in a heading line (锻造“红船铁军” 推动蝶变跃升) is told by the sentence under the heading, not the rest of the line.
    const army = await ask('嘉职院的“红船铁军”指的是什么样的队伍？');
    const [armyLead] = claimLines(army.answer);
    expect(armyLead).toContain('政治素质过硬、业务能力过硬、作风担当过硬');
    for (const end of [substitute, cards, dynamic, meaning, chains, brand, army]) expectSupported(end);
  });

  it('says a thing in the field’s other words (拿到 / 荣获, 国字号 / 国家级), and an outline is no list of what was not asked', async () => {
    const end = await ask('苏州工业职业技术学院智能制造教师党支部拿到过哪些国字号团队称号？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('国家级教育教学创新团队');
    expect(end.answer).not.toContain('“筑基”项目');
    expectSupported(end);
  });

  it('a definition of a counted name gives its parts (“三亮” → 亮身份、亮职责、亮承诺)', async () => {
    const end = await ask('“三亮三比”中的“三亮”是什么？');
    const lead = claimLines(end.answer).slice(0, 3).join('');
    for (const part of ['亮身份', '亮职责', '亮承诺']) expect(lead).toContain(part);
  });

  it('what came of it goes on through its sentence\'s parts (…示范岗1个；3名党员获…), and draws no result from a lesson', async () => {
    const end = await askAfter('风能学院教工支部的“手拉手、一帮一”是啥', '该校党建工作拿了哪些成果');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('3名党员获厅级“优秀共产党员”称号');
    // 三、体会与思考：党建工作是学院事业发展的立业之基… is a lesson, not a result.
    expect(end.answer).not.toContain('立业之基');
    for (const line of claimLines(end.answer)) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });

  it('a coined name of counts typed without quotation marks (5院4中心), under a short name of its college (台州科院), is defined as quoted', async () => {
    for (const question of ['台州机电模具学院的5院4中心是啥？', '台州科院机电模具学院说的“5院4中心”是啥？']) {
      const end = await ask(question);
      expect(end.notFound, end.answer).toBe(false);
      const lead = leadLine(end.answer);
      expect(lead, question).toContain('5个学院');
      expect(lead, question).toContain('4个中心');
    }
  });

  it('the parts of a counted name are the items that open like it, not its sibling’s (“三比” → 比…, “三服务” → 服务…)', async () => {
    const threeCompare = await ask('风能工程学院“三亮三比”工程中“三比”比的是哪几项？');
    const compareLead = claimLines(threeCompare.answer)[0]!;
    for (const part of ['比履职能力', '比服务能力', '比工作业绩']) expect(compareLead).toContain(part);
    expect(compareLead).not.toContain('亮身份');
    const threeServices = await ask('湖南电气职院风能工程学院的“三服务”指哪三项服务？');
    const servicesLead = claimLines(threeServices.answer).slice(0, 3).join('');
    for (const part of ['服务大局', '服务群众', '服务社会']) expect(servicesLead).toContain(part);
    expectSupported(threeServices);
  });

  it('a count question leads with the clause that holds the number, cut short with an exact citation', async () => {
    const end = await ask('嘉兴职业技术学院近两年累计开展了多少人次的政治素质考察？');
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('700多人次');
    expect(lead!.replace(/\[\d+\]/g, '').length).toBeLessThanOrEqual(90);
    expectSupported(end);
  });

  it('a count question leads with the count of the very noun it asks about, far into a long sentence about the topic', async () => {
    const end = await ask('嘉职院搞党史学习教育，给师生办实事解决了多少个实际问题？');
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('解决实际问题65个');
    expectSupported(end);
  });

  it('how a quoted practice was done leads with the label the article names it by and its body, though the question names no 工程', async () => {
    const end = await ask('湖南电气风能学院“手拉手、一帮一”是怎么帮扶的？');
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('一位党员教师对接一位群众教师');
    expect(lead).not.toContain('双创');
    expectSupported(end);
  });

  it('a follow-up naming another run-in label (那亮承诺…) is told by the sentence after that label, not the one before it', async () => {
    const end = await askAfter('湖南电气风能学院“手拉手、一帮一”是怎么帮扶的？', '那亮承诺是怎么做的？');
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('党员积分管理手册');
    expect(lead).not.toContain('以职责为标尺');
    expectSupported(end);
  });

  it('which organisations a college works with is answered by a sentence naming one, not by the college\'s own name in its lede', async () => {
    const end = await ask('台州科技职院和哪些企业合作？');
    const [lead] = claimLines(end.answer);
    expect(lead, end.answer).toMatch(/北京精雕科技集团有限公司|浙江承康机电制造有限公司|黄岩区新前街道|浙江丰立智能科技股份有限公司/u);
    expectSupported(end);
  });

  it('when something a news lead reports (日前，…通过了…验收) happened is answered by the report\'s date, said as such', async () => {
    const end = await ask('浙江机电自动化学院什么时候通过标杆院系验收的？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).toBe('据 2022-10-03 发布的报道：');
    expect(claimLines(end.answer)[0]).toContain('通过了我省首批全省高校党建“双创”党建工作标杆院系验收');
    expectSupported(end);
    // A report's date is not when something began, nor the date of a lead sentence that reports nothing done.
    const started = await ask('浙江机电职业技术学院自动化学院是哪一年开始“党总支领导下的院长负责制试点”的？');
    expect(started.notFound, started.answer).toBe(true);
  });

  it('a count the articles do not give is refused, not answered with another number nearby', async () => {
    // 50余人 are the people invited in, told beside the sentence about 现场工程师; 55名 and 127名 are the
    // school's, not 海盐学院's; 16个党员先锋岗 is no area; 2021年 is a date, not how long.
    for (const question of ['台州科院跟北京精雕的现场工程师项目培养了多少人', '嘉职院海盐学院有多少老师', '苏工院的海棠花红智能先锋阵地面积多大', '自动化学院去援疆援青的老师一共去了多久']) {
      const end = await ask(question);
      expect(end.notFound, `${question}\n${end.answer}`).toBe(true);
    }
    // The unit named in the sentence with its number answers.
    const planned = await ask('嘉职院海盐学院规划招生规模多少人');
    expect(claimLines(planned.answer)[0]).toContain('规划招生规模4000人');
  });

  it('第二条具体说说 after a list said in one line leads with the section that part heads', async () => {
    const end = await askAfter('苏工院智能制造支部聚焦了哪三个方面', '第二条具体说说');
    expect(end.notFound, end.answer).toBe(false);
    expect(claimLines(end.answer)[0]).toMatch(/^聚焦“智能制造”，实施“示范”项目，打造品牌先锋/u);
  });

  it('a follow-up asking another class (那2024届呢) of a salary the article gives for 2023 says so', async () => {
    const end = await askAfter('台州科院模具学院2023年毕业生月薪多少', '那2024届呢');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('台州科院模具学院2024届毕业生月薪多少');
    expect(end.answer).toContain('相关的内容写的是2023年的情况，没有写2024年的');
    // Asked of 2023, the rate the article gives of 2024届 is of another year.
    const earlier = await ask('台州科院2023年毕业生就业率是多少');
    expect(earlier.notFound, earlier.answer).toBe(true);
    // Asked of 2024届, the rate the article gives answers.
    const rate = await ask('台州科院模具学院2024届毕业生就业率是多少');
    expect(claimLines(rate.answer)[0]).toMatch(/^2024届毕业生就业率达98%以上/u);
  });

  it('asked when something began, answers with a time only where its clause says a start', async () => {
    // 2021年，学校招生专业投档线猛增50分 tells no start of 招生; 合作办学迈出新步伐 (the article's date) none either.
    for (const question of ['海盐学院哪年开始招生', '嘉职院海盐学院是哪一年开始办的']) {
      const end = await ask(question);
      expect(end.notFound, end.answer).toBe(true);
      expect(end.answer, question).toContain('但没有从中找到具体时间');
    }
    // A signing (签约仪式) starts a 共建; a span of years (2019-2021年) starts at its first.
    const signed = await ask('自动化学院党总支和杭州供电段什么时候开始共建党建基地');
    expect(claimLines(signed.answer)[0]).toMatch(/^2021年11月2日，自动化学院党总支与杭州供电段党委共建校企协同党建基地签约仪式/u);
    // A start word in another clause (首批) dates no start of the one asked (2021年打造42个党建特色品牌).
    const brands = await ask('嘉职院什么时候开始打造党建特色品牌');
    expect(brands.notFound, brands.answer).toBe(true);
    const span = await ask('风能学院的对标争先建设从哪年开始');
    expect(claimLines(span.answer)[0]).toMatch(/^2019-2021年，学院党总支立项湖南省高校党组织“对标争先”建设计划/u);
  });

  it('a practice asked by the label the article gives it (抓实“关键内容”) leads with that label and its body', async () => {
    const end = await ask('嘉兴职业技术学院在抓实“关键内容”上具体有哪些做法？');
    expect(claimLines(end.answer)[0]).toMatch(/^抓实“关键内容”。每学期召开总支书记政治建设专题会/u);
  });

  it('马院 is the article\'s 马克思主义学院, and who built it with is answered by the partner organisation', async () => {
    const end = await ask('嘉职院的马院是跟谁一起共建的？');
    expect(end.notFound, end.answer).toBe(false);
    expect(claimLines(end.answer)[0]).toContain('与浙江红船干部学院等四方共建马克思主义学院');
  });

  it('which colleges mention a quoted name lists those that write it, named first, each shown saying it', async () => {
    const end = await ask('哪几所学校提到“第一议题”？');
    const lines = end.answer.split('\n');
    expect(lines[0]).toMatch(/^(?:嘉兴职业技术学院、湖南电气职业技术学院|湖南电气职业技术学院、嘉兴职业技术学院)（2 所）/u);
    // Each college's point says the name itself, not a word of its field (理论学习).
    for (const line of claimLines(end.answer)) expect(line).toContain('第一议题');
    expectSupported(end);
  });

  it('a short sentence before a heading is told without it: the heading heads what follows', async () => {
    const end = await ask('湖南电气风能学院的巾帼标兵活动属于三服务中的哪一项？');
    const [lead] = claimLines(end.answer);
    expect(lead, end.answer).toContain('巾帼标兵等活动');
    expect(lead).not.toContain('三融教育');
  });

  it('which college holds a title of a named place names the college whose sentence says the place, not those with another place\'s title', async () => {
    const end = await ask('哪个学校的党支部获得了江苏省高校先进基层党组织称号？');
    expect(end.notFound, end.answer).toBe(false);
    expect(claimLines(end.answer)[0]).toContain('支部荣获江苏省高校先进基层党组织称号');
    // 嘉兴市先进基层党组织 and 中共浙江省教育厅委员会…先进基层党组织 are other titles.
    expect(end.answer).not.toMatch(/嘉兴职业技术学院|浙江机电职业技术学院/u);
    expectSupported(end);
  });

  it('what a named project does (主要干什么) leads with its label and body, not the closing summary that names it', async () => {
    const end = await ask('苏州工业职院智能制造支部的“向阳”项目主要干什么？');
    const [lead] = claimLines(end.answer);
    expect(lead).toMatch(/^聚焦“人人出彩”，实施“向阳”项目/u);
    expect(lead).toContain('给教师出彩平台');
  });

  it('a role asked of an organisation (党总支的书记) is not held by a branch secretary who sits on it (党总支委员、支部书记)', async () => {
    const secretary = await ask('浙江机电职院自动化学院党总支的书记叫什么名字？');
    expect(secretary.notFound, secretary.answer).toBe(true);
    const deputy = await ask('浙江机电职院自动化学院党总支的副书记是谁？');
    expect(claimLines(deputy.answer)[0]).toContain('党总支副书记于施佳');
  });

  it('a place jieba takes for a name beside a role (百名党委书记嘉兴南湖峰会) is no person: no point of who holds the role', async () => {
    const committee = await ask('嘉职院的党委书记是谁？');
    expect(claimLines(committee.answer), committee.answer).toEqual(['校党委书记方俊良带头宣讲和交流发言。[1]']);
  });

  it('spoken forms and short names ask what the written ones do (苏州工职院, 哪年的事, 指的是啥)', async () => {
    const year = await ask('苏州工职院智能制造教工支部是不是评上过江苏省高校先进基层党组织？哪年的事？');
    expect(year.notFound, year.answer).toBe(false);
    expect(year.answer).toContain('2021年度，支部荣获江苏省高校先进基层党组织称号');
    const meaning = await ask('“三亮三比”具体指的是啥？');
    expect(meaning.answer).toContain('亮身份');
    expect(meaning.answer).toContain('亮承诺');
  });

  it('answers which student won an award with the student\'s name', async () => {
    const end = await ask('浙江机电自动化学院哪个学生拿了中国青少年科技创新奖？');
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('中国青少年科技创新奖获得者樊文天');
    // Cut to the names, not the sentence's opening about the college's approach.
    expect(lead).not.toContain('大思政');
  });

  it('reads questions in everyday words: 老师 and an unknown verb form (发了), 几个老师 counted as people', async () => {
    const cards = await ask('嘉职院考核不达标的老师发了几张红牌？');
    expect(cards.notFound, cards.answer).toBe(false);
    expect(claimLines(cards.answer)[0]).toContain('“红牌”7张');
    const doctors = await ask('嘉职院支持了几个老师读博士？');
    expect(claimLines(doctors.answer)[0]).toContain('支持11名教师攻读博士');
  });

  it('a definition leads with what the sentence says the name stands for, not a list beside it', async () => {
    const end = await ask('台州科技职业学院机电与模具工程学院“两翼齐飞”的“两翼”指什么？');
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('长三角模具产教融合共同体');
    expect(lead).toContain('高端模塑智能制造产教联合体');
    expect(lead).not.toContain('三领域');
    expectSupported(end);
  });

  it('a follow-up is answered by the clause its own words point at, not the one its carried topic does', async () => {
    const history = [
      { role: 'user' as const, content: '嘉兴职业技术学院如何推进党史学习教育？' },
      { role: 'assistant' as const, content: '高质量推进党史学习教育。[1]' },
    ];
    const end = await answers.answerOnce({ question: '解决了多少个实际问题？', mode: 'qa', history, filters: {} }, AbortSignal.timeout(30_000));
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('解决实际问题65个');
    expect(lead).not.toContain('28项');
    expectSupported(end);
  });

  it('which colleges lack a topic (哪些学校没有提到…) names those whose articles never write it, and shows, cited, where the others do', async () => {
    const end = await ask('哪些学校没有提到乡村振兴');
    expect(end.notFound, end.answer).toBe(false);
    const [first] = end.answer.split('\n');
    expect(first).toBe('文章中未见“乡村振兴”的院校：苏州工业职业技术学院、浙江机电职业技术学院。');
    const written = end.answer.slice(end.answer.indexOf('写到“乡村振兴”的院校：'), end.answer.indexOf('只写到相近说法的院校：'));
    expect(written).toContain('**嘉兴职业技术学院**');
    expect(written).toContain('**台州科技职业学院**');
    for (const n of [...written.matchAll(/\[(\d+)\]/gu)].map((match) => Number(match[1]))) expect(end.citations.find((citation) => citation.n === n)?.quote).toContain('乡村振兴');
    // 帮扶 is the field's other word for it: said apart, not counted as writing it.
    expect(end.answer.slice(end.answer.indexOf('只写到相近说法的院校：'))).toContain('**湖南电气职业技术学院**');
    // A topic no college writes is refused as any other.
    expect((await ask('哪些学校没有提到火箭发射')).notFound).toBe(true);
  });

  it('a follow-up naming a college by one of its units alone (那风能学院…) is about that college, not the conversation\'s', async () => {
    const own = await askAfter('嘉职院在几个专业群上设了党支部', '那风能学院有几名党员获厅级优秀共产党员');
    expect(claimLines(own.answer)[0], own.answer).toContain('3名党员获厅级“优秀共产党员”称号');
    expect(own.answer).not.toContain('嘉兴');
    const bare = await askAfter('嘉职院获得过哪些荣誉', '那风能学院呢');
    expect(bare.searchedFor).toBe('风能学院获得过哪些荣誉');
    expect(bare.citations.every((citation) => citation.college === '湖南电气职业技术学院'), bare.answer).toBe(true);
    expectSupported(own);
  });

  it('a bare rate asked after a question naming the college by its place and unit (那就业率呢) leads with the rate, though the last answer showed it', async () => {
    const end = await askAfter('台州机电模具学院毕业生月薪大概多少', '那就业率呢');
    expect(end.searchedFor).toBe('台州科技职业学院就业率？');
    const [lead] = claimLines(end.answer);
    expect(lead, end.answer).toContain('就业率达98%以上');
    expect(end.answer).not.toContain('嘉兴');
    expectSupported(end);
  });

  it('a follow-up pointing at the previous topic by a general noun (这项工作) is answered about that topic', async () => {
    const end = await askAfter('嘉职院出台的“服务共富”八大工程有多少项举措和项目？', '这项工作得到了哪位领导批示肯定？');
    const [lead] = claimLines(end.answer);
    expect(lead, end.answer).toContain('市委书记批示肯定');
    expect(lead).not.toContain('云南省委');
    expectSupported(end);
  });

  it('an outcome question leads with what the article reports under its results, not its lessons', async () => {
    const end = await ask('湖南电气风能学院教工支部搞了两年，成效怎么样？');
    const [lead] = claimLines(end.answer);
    expect(lead, end.answer).not.toContain('立业之基');
    expect(outcomeStrength(lead!.replace(/\[\d+\]/gu, ''))).toBeGreaterThan(0);
    expectSupported(end);
  });

  it('a question listing colleges hears from every college that says the topic, each under its name', async () => {
    const end = await ask('这几个学校里哪几家提到了党支部书记“双带头人”？');
    expect(end.notFound, end.answer).toBe(false);
    for (const college of ['嘉兴职业技术学院', '苏州工业职业技术学院', '湖南电气职业技术学院', '浙江机电职业技术学院']) expect(end.answer).toContain(`**${college}**`);
    expect(end.answer).toContain('配强支部书记双带头人');
    expectSupported(end);
  });

  it('the honours of the unit asked about lead, not those of a team of it', async () => {
    const end = await ask('浙江机电自动化学院党总支之前获得过哪些荣誉？');
    const [lead] = claimLines(end.answer);
    expect(lead, end.answer).toContain('学院党总支获浙江省高校党建“双百示范”首批党建特色品牌');
    expectSupported(end);
  });

  it('a message whose parts one sentence answers says it once, under the college no part named', async () => {
    const end = await ask('张伟中是哪个学校的老师，有什么头衔？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).toBe('**浙江机电职业技术学院**（自动化学院党总支）');
    expect(end.answer).toContain('评审专家库专家');
    expect(end.answer).not.toContain('没有找到');
    expectSupported(end);
  });

  it('a later part about a person named with a surname jieba cuts off (于|施佳) is asked of that person, and which school is said', async () => {
    const shared = await ask('于施佳是哪个学校的，拿过什么荣誉');
    expect(shared.answer.split('\n')[0]).toBe('**浙江机电职业技术学院**（自动化学院党总支）');
    expect(shared.answer).toContain('于施佳获 2021年省“最受师生喜爱书记”');
    // The honours of others (党总支, 人人出彩创新 工作法) are no answer about her.
    expect(shared.answer).not.toContain('人人出彩');
    // Parts answered apart: the part asking which school names it.
    const apart = await ask('刘哲纬是哪个学校的，拿过什么荣誉');
    expect(apart.answer).toMatch(/^\*\*刘哲纬是哪个学校的\*\*\n\*\*浙江机电职业技术学院\*\*（自动化学院党总支）\n/u);
    expect(apart.answer).toContain('刘哲纬入选 2020浙江省“万人计划”');
  });

  it('a time that opens a sentence dates all of it only for a question it says much of', async () => {
    // 2020年以来，…担任学校技术指导专家和兼职教师…: 担任 alone is no 担任党委书记.
    const end = await askAfter('嘉兴职业技术学院的党委书记是谁？', '他是哪一年担任党委书记的？');
    expect(end.notFound, end.answer).toBe(true);
  });

  it('people asked for in the plural (请了哪些人) are answered by the kinds of people listed, in a follow-up too, or by their role', async () => {
    const end = await askAfter('台州科技职院的“嘉木先锋”宣讲团去哪些企业宣讲过？', '他们还请了哪些人来学校开讲座？');
    expect(end.notFound, end.answer).toBe(false);
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('劳模工匠');
    expect(lead).toContain('企业家等50余人');
    expectSupported(end);
    // …or by the role the article names them by (落实各级党组织书记讲好“思政第一课”).
    const role = await ask('嘉职院的“思政第一课”，文中要求由哪些人来讲？');
    expect(role.notFound, role.answer).toBe(false);
    expect(claimLines(role.answer)[0]).toContain('各级党组织书记');
  });

  it('就本文提问: a docId filter answers from that article only, whatever the question names', async () => {
    const docId = defaultDocId('hunan');
    const end = await answers.answerOnce({ question: '有哪些具体做法？', mode: 'qa', history: [], filters: { docId } }, AbortSignal.timeout(30_000));
    expect(end.notFound).toBe(false);
    expect(new Set(end.citations.map((citation) => citation.docId))).toEqual(new Set([docId]));
  });

  it('a practice or an outcome leads with a sentence that says it, not the lede that restates the college\'s full name', async () => {
    const practice = claimLines((await ask('台州科技职院机电模具学院的党建联建是怎么做的？')).answer)[0]!;
    expect(practice).toContain('党建联建');
    expect(practice).not.toContain('本着“以党建促业务');
    const outcome = claimLines((await ask('湖南电气职业技术学院风能工程学院党总支在党建工作上取得了哪些成果？')).answer)[0]!;
    expect(outcome).toContain('2019-2021年，学院党总支立项');
    // The news lede names 学生就业 among four things it sums up; the practice is told further on.
    const jobs = claimLines((await ask('台州科技职院机电模具学院党总支是怎么抓学生就业的？')).answer)[0]!;
    expect(jobs).toContain('就业');
    expect(jobs).not.toContain('本着“以党建促业务');
  });

  it('a 时间 question leads with the date its text writes, not a sentence the article\'s date lends one', async () => {
    const first = '浙江机电自动化学院党总支拿过哪些荣誉？';
    const firstAnswer = await ask(first);
    const history = [
      { role: 'user' as const, content: first },
      { role: 'assistant' as const, content: firstAnswer.answer },
    ];
    const end = await answers.answerOnce({ question: '其中省教育厅那个是哪一年的？', mode: 'qa', history, filters: {} }, AbortSignal.timeout(30_000));
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('中共浙江省教育厅委员会 2019年先进基层党组织');
    expect(lead).not.toContain('日前');
  });

  it('a question about one college never leads with another college', async () => {
    const end = await ask('湖南电气职业技术学院风能工程学院教工党支部是如何开展党员教育的？');
    expect(end.notFound).toBe(false);
    expect(new Set(end.citations.map((citation) => citation.college))).toEqual(new Set(['湖南电气职业技术学院']));
  });

  // Each question is answered, and its first claim holds what was asked.
  const leads: [string, string, string][] = [
    ['a name asked for, from the clause that holds it, not the clause that repeats the question', '苏州工业职业技术学院智能制造教工党支部依托省“智能车间”产教融合平台建的阵地叫什么？', '海棠花红智能先锋阵地'],
    ['what a quoted name stands for, by the list right beside it, not a list of a better-ranked passage', '嘉兴职业技术学院要培养的“红船工匠”需要具备哪些素质的人才？', '“家国情怀、工匠精神、国际视野、创新创业能力”的“红船工匠”'],
    ['a count of people asked with 个 (多少个讲师), paraphrase and all, by the count in 名', '嘉职院2021年有多少个讲师挣的钱比副教授还多？', '27名讲师收入超过副教授'],
    ['a definition whose parts follow a clause later (“5院4中心”…基地，包括…), with that clause', '台州科技职院的“5院4中心”是指什么？', '包括市中小微专精特新企业研究院、凯华模具产业学院等5个学院和市智能模具协同创新中心等4个中心'],
    ['a unit named after its college\'s place (台州机电与模具工程学院), from that college\'s article', '台州机电与模具工程学院的“读·聚”匠心践行团有哪几支队伍？', '匠心·向党、匠心·汇智'],
    ['whose approval a practice won (得到了谁的肯定), by the sentence about that practice', '嘉职院的“红船领航”党员职教帮扶行动得到了谁的肯定？', '得到云南省委领导批示肯定'],
    ['an award asked for (什么奖), by the sentence that names the person with it', '黄忠慧获得了什么奖？', '黄忠慧获 2021浙江省黄炎培职业教育杰出教师奖'],
    // The quoted name asked about is no award: the sentence naming the award leads.
    ['an award a quoted practice won, by the award\'s name', '苏州工业职院的“人人出彩创新”工作法获得过什么奖？', '获2021年江苏省党建工作创新奖三等奖'],
    // jieba cuts 工作法 into 工作 + 法; another quoted name (“党员技术服务团队”) is no 工作法.
    ['the name of the kind of practice asked for, by the quoted name before that kind', '苏州工业职院智能制造教师党支部的工作法叫什么？', '积极探索“人人出彩创新”工作法'],
    ['叫啥 as 叫什么, and 那个支部 as the college\'s branch', '苏州工业职院那个支部的工作法叫啥？', '积极探索“人人出彩创新”工作法'],
    // A list later in the sentence naming it (构建“三领域、六平台、五精准”…) is another thing's.
    ['what a name that counts nothing is, by its sentence, not a list far from it', '“红模力”是什么？', '34家模具企业开展“红模力”模具产业链党建联建'],
    // A list in a sentence that does not name it (是浙江省示范性高职院校、…) is not its own.
    ['what a name\'s items are, by the list beside the name', '嘉职院要培养的“红船工匠”应该具备哪些素质？', '家国情怀、工匠精神、国际视野、创新创业能力'],
    ['whom a practice is given to (给谁讲的), by the group it serves', '台州科技职院机电与模具学院搞的“博士课堂”是给谁讲的？', '为仙居县南峰街道杨梅种植户讲解无人机的应用'],
    // The outline of another project (一是推进“三室一岗”建设…) is no part of the counted name.
    ['what a counted name holds, by the examples the article gives of it (A、B、C等“五个一”)', '苏州工业职院智能制造支部党员参加的“五个一”活动都包括哪些？', '参加“党性体检”、谈心谈话、咬耳扯袖等“五个一”活动'],
    // Organisations asked for in the plural are a list, from the sentence that says the topic.
    ['organisations asked for in the plural, by their list', '浙江机电自动化学院党总支和哪些单位共建了党建基地？', '党总支与能源集团、阿克苏职业技术学院机电工程学院、青海柴达木职业技术学院'],
    // …not by a list of other units the next sentence names (机关第三党支部、…获…称号).
    ['organisations asked for in the plural, not by a list about something else', '嘉兴职业技术学院哪些学院的党总支获批了全省高校党建工作标杆院系？', '现代农业学院、城市建设学院党总支获批全省高校党建工作标杆院系'],
  ];
  for (const [what, question, lead] of leads) {
    it(`answers ${what}`, async () => {
      const end = await ask(question);
      expect(end.notFound, end.answer).toBe(false);
      expect(claimLines(end.answer)[0]).toContain(lead);
    });
  }

  // A counted name's parts lead, in order.
  const parts: [string, string, string[]][] = [
    ['not a list after the row that names it among its siblings (“四个一”)', '“四个一”工程是指什么？', ['听取党外群众意见', '掌握入党积极分子学习状态', '阅读党的理论书籍', '参加志愿者活动']],
    ['even when one mentions it in a later clause (三是…融入教风建设，依托“三融教育”平台)', '湖南电气风能工程学院的“三融教育”是融入哪三个方面？', ['融入专业建设', '融入师德建设', '融入教风建设']],
    // 二是…掌握, 二是亮职责, 二是服务群众: the second items of four sections share an ordinal, not an opening.
    ['not the second items of four sections', '“四个一”工程具体指哪四个一？', ['听取党外群众意见', '掌握入党积极分子学习状态', '阅读党的理论书籍', '参加志愿者活动']],
    ['both lists of a name that counts two (“三亮三比”)', '“三亮三比”是指什么？', ['亮身份', '亮职责', '亮承诺', '比履职能力、比服务能力、比工作业绩']],
    ['a name joined from its parts, by the sections each names', '苏州工业职院的“筑基-示范-向阳”项目是什么？', ['实施“筑基”项目', '实施“示范”项目', '实施“向阳”项目']],
  ];
  for (const [what, question, expected] of parts) {
    it(`lists a counted name's parts, ${what}`, async () => {
      const lines = claimLines((await ask(question)).answer);
      for (const [index, part] of expected.entries()) expect(lines[index]).toContain(part);
    });
  }

  it('a whole sentence is cited with its full stop, so the quote reads as the sentence', async () => {
    const end = await ask('嘉兴职业技术学院在教师评价改革中实施了哪些制度？');
    const snapshot = search.retriever().snapshot;
    expect(end.citations[0]!.quote).toBe('实施政治素质“首关制”。');
    for (const citation of end.citations) {
      const text = snapshot.documentText(snapshot.chunkById(citation.chunkId)!.document);
      expect(text.slice(citation.start, citation.end)).toBe(citation.quote);
      expect(text[citation.end] ?? '', citation.quote).not.toMatch(/[。！？]/u);
    }
  });

  it('a typed question leads with the clauses that answer it, not the ones beside them, however short the sentence', async () => {
    const cases: [string, string][] = [
      // 投档线…, 就业率… say nothing of 捐赠.
      ['嘉职院2021年拿到企业捐赠一共多少钱？', '获得企业各类捐赠总额达到5479万元。'],
      // 市委书记张兵 is no 党委书记.
      ['嘉职院党委书记叫什么？', '校党委书记方俊良带头宣讲和交流发言。'],
      // A clause cut before its comma still ends in a full stop.
      ['风能党员活动日固定在什么时间？', '固定每月第四周周四为“风能党员活动日”。'],
    ];
    for (const [question, lead] of cases) {
      const end = await ask(question);
      expect(claimLines(end.answer)[0]!.replace(/\[\d+\]$/u, ''), question).toBe(lead);
      expectSupported(end);
    }
  });

  it('a long sentence is cut at clause boundaries and still cites exactly what is shown', async () => {
    const end = await ask('嘉兴职业技术学院与多少家龙头骨干企业和科研院所签订了战略合作协议？');
    const [lead] = claimLines(end.answer);
    expect(lead).toContain('158家');
    const citation = end.citations[0]!;
    expect(citation.quote.length).toBeLessThan(120);
    expect(lead).toContain(citation.quote.replace(/[，。；]$/u, ''));
  });
});

describe('follow-ups that carry the conversation\'s subject', () => {
  it('a short count asked with no subject (一共培训了多少人) is of the conversation\'s college, not another\'s', async () => {
    const [, , trained] = await askInTurn('湖南电气风能学院这几年有哪些事业发展成果？', '社会服务方面呢', '一共培训了多少人');
    expect(trained!.searchedFor).toContain('湖南电气职业技术学院');
    expect(leadLine(trained!.answer), trained!.answer).toContain('累计培训500人次以上');
    expect(trained!.answer).not.toContain('近2万人次');
  });

  // 五位一体 is a name, no count of people: 个 asked is answered by 名 only.
  it('a count asked with 个 is not answered by a name holding 位 (五位一体)', async () => {
    const [, , cases] = await askInTurn('嘉职院劳动教育怎么搞的', '建了几个实践基地', '典型案例选了多少个');
    expect(leadLine(cases!.answer), cases!.answer).toContain('选树劳动教育典型案例25个');
  });

  it('a short count the conversation\'s college does not give is asked of all the colleges', async () => {
    const [, talent] = await askInTurn('台州科技职院的党建品牌是什么', '引进人才多少名');
    expect(talent!.notFound, talent!.answer).toBe(false);
    expect(talent!.answer).toContain('共引进高层次、紧缺人才130名');
  });

  it('这个工程, 这个机制 point at the name the last answer gave, when the question only asked what it is', async () => {
    const [, project] = await askInTurn('湖南电气风能学院的手拉手一帮一是啥', '这个工程落实的是哪个有力');
    expect(project!.searchedFor).toContain('“手拉手、一帮一”工程');
    expect(leadLine(project!.answer), project!.answer).toContain('落实凝聚和服务师生有力');
    // 被谁认可: the body that did it answers, as a person would.
    const [, approved] = await askInTurn('嘉职院清廉建设有啥机制', '这个机制被谁认可了');
    expect(approved!.notFound, approved!.answer).toBe(false);
    expect(leadLine(approved!.answer)).toContain('被嘉兴市建设高地领导小组办公室列为全市党建高地创建长效机制');
  });
});

describe('follow-ups about an article itself', () => {
  it('asks the date of another college\'s article (嘉职院那篇呢), and its byline without pointing to it (作者是谁)', async () => {
    const date = await askAfter('湖南电气那篇文章是啥时候发布的', '嘉职院那篇呢');
    expect(date.answer).toMatch(/^《[^》]*嘉兴职业技术学院[^》]*》的发布日期是 2022-02-24/u);
    const first = await ask('湖南电气那篇文章是啥时候发布的');
    const history = [
      { role: 'user' as const, content: '湖南电气那篇文章是啥时候发布的' },
      { role: 'assistant' as const, content: first.answer },
      { role: 'user' as const, content: '嘉职院那篇呢' },
      { role: 'assistant' as const, content: date.answer },
    ];
    const author = await answers.answerOnce({ question: '作者是谁', mode: 'qa', history, filters: {} }, AbortSignal.timeout(30_000));
    expect(author.searchedFor).toBe('嘉兴职业技术学院那篇文章的作者是谁？');
    expect(author.answer).toContain('的作者：付梦婕 俞佩忠');
  });
});

describe('names asked about that the article does not spell out', () => {
  // The outline's points around the sentence creating the “价值引领链” are its siblings, no definition.
  it('a name a list neither names nor follows is told by the sentence that names it', async () => {
    const end = await ask('苏工院讲的“价值引领链”是啥意思');
    expect(leadLine(end.answer), end.answer).toContain('创建满足学生成长发展需求的“价值引领链”');
    expect(end.answer).not.toContain('推进“三室一岗”建设');
    expectSupported(end);
  });

  it('a counted name whose parts a list ending in its head names is answered by that list (落实教育党员有力… of “七个有力”)', async () => {
    const end = await ask('风能学院的“七个有力”是什么意思');
    expect(claimLines(end.answer)[0], end.answer).toContain('落实教育党员有力');
  });

  it('a counted name whose parts the article lists only some of says so', async () => {
    // All seven listed in one long clause: no such opening.
    expect((await ask('嘉职院党史学习教育的“7大系列”是哪七个')).answer).not.toContain('没有列全');
    const end = await ask('苏工院党员参加的“五个一”活动是哪五个');
    expect(end.answer).toMatch(/^文章没有列全“五个一”，只写到其中 3 项：\n[^\n]*“党性体检”、谈心谈话、咬耳扯袖等“五个一”活动/u);
    expectSupported(end);
  });

  it('a part asked of its whole (三亮三比里的亮承诺) is answered by the part, not by the sentence naming the whole', async () => {
    for (const end of [await ask('风能学院三亮三比里的亮承诺是怎么做的'), await askAfter('风能学院四个一工程每个党员每月要干啥', '那三亮三比里的亮承诺呢')]) {
      expect(leadLine(end.answer), end.answer).toMatch(/亮承诺。建立“党员积分管理手册”/u);
      expectSupported(end);
    }
  });

  it('the members of a counted set the article only counts are said not to be listed', async () => {
    const end = await ask('嘉职院那16个双融双促红色共同体都是跟哪些单位建的');
    expect(end.answer).toMatch(/^文章只写到双融双促红色共同体有16个，没有列出具体是哪些：\n[^\n]*合作共建16个“双融双促红色共同体”/u);
    expect((await ask('嘉职院8个校级科创平台具体是哪8个')).answer).toMatch(/^文章没有列全这8个校级科创平台，只写到：/u);
  });

  it('a name the article only lists among others (精英引航 of the 四大工程) is said to be told no more of', async () => {
    for (const followUp of ['其中精英引航是干嘛的', '那制度护航是什么意思']) {
      const end = await askAfter('嘉职院的四大工程是哪四个', followUp);
      expect(end.answer, followUp).toMatch(/^文章没有单独介绍“(?:精英引航|制度护航)”，只把它列为“四大工程”之一：\n[^\n]*实施“红船领航、精英引航、赋能续航、制度护航”四大工程/u);
      expectSupported(end);
    }
    // Named on its own elsewhere (开展“红船领航”党员职教帮扶行动): no such opening.
    expect((await ask('红船领航是什么')).answer).not.toContain('没有单独介绍');
  });
});

describe('what is no question about an article itself', () => {
  it('a partner (合作者) or a named work\'s author is no byline; a year of what happened is no year of publishing', async () => {
    const partner = await ask('台州科院50万技术服务项目的合作者是哪家企业');
    expect(partner.answer).toContain('浙江承康机电制造有限公司');
    expect(partner.answer).not.toContain('的作者');
    expect((await ask('《党建引领强担当 组织育人谋新篇》的作者是谁')).answer).not.toContain('付梦婕');
    const patents = await ask('哪些文章说了2021年发明专利的数量');
    expect(patents.answer).not.toContain('年发布的');
    expect(patents.answer).toContain('发明专利7项');
    // 以后 asks for the years after it too.
    expect((await ask('哪些文章是2022年以后发布的')).answer).toMatch(/^2022 年以后发布的文章有 3 篇：/u);
  });

  it('a document the article tells of (那份…办法, 哪年印发的) is not the article: its page date is no answer', async () => {
    const issued = await ask('嘉职院那份劳动教育专题理论课教学实施方案是哪年印发的');
    expect(issued.answer).not.toContain('发布日期');
    expect(issued.notFound, issued.answer).toBe(true);
    // The article itself, pointed to with words before its noun (那份湖南…的材料) or passed on (转发), is.
    expect((await ask('那份湖南电气风能工程学院的材料是什么时候发布的')).answer).toContain('2023-10-20');
    expect((await ask('嘉职院这篇文章是哪天转发的')).answer).toContain('2022-02-24');
  });
});

describe('a lead that ends its point', () => {
  it('stops before the label of the next practice (建设思政育人“新高地”。)', async () => {
    const end = await ask('嘉职院的党建工作被哪些媒体报道过');
    const lead = leadLine(end.answer);
    expect(lead, end.answer).toContain('被《人民日报》《光明日报》等权威媒体报道推广。');
    expect(lead).not.toContain('新高地');
    expectSupported(end);
  });
});

describe('yes-or-no questions', () => {
  it('a count claimed as a number and more (二十多个, 20多个) is held against the article\'s, and a guess with 有 is one', async () => {
    for (const question of ['嘉职院有20多个师生党支部吗', '嘉职院有二十多个师生党支部吗', '嘉职院应该有二十多个师生党支部吧']) {
      const end = await ask(question);
      expect(end.answer, question).toMatch(/^(?:有|是)。\n[^\n]*设置了24个师生党支部/u);
    }
    expect((await ask('嘉职院有三十多个师生党支部吗')).answer).toMatch(/^没有。/u);
  });

  it('answers no where the articles name others of the kind asked and never the one (上过人民日报没有)', async () => {
    for (const question of ['苏工院那个支部上过人民日报没有', '苏工院智能制造支部上过人民日报吗']) {
      const end = await ask(question);
      expect(end.answer.split('\n')[0], question).toMatch(/^(?:没有|否)。$/u);
      expect(claimLines(end.answer)[0], question).toMatch(/光明日报|苏州日报/u);
      expectSupported(end);
    }
    // The one asked, named: yes.
    const named = await ask('苏工院智能制造支部被光明日报报道过吗');
    expect(named.answer.split('\n')[0]).toBe('是。');
  });

  it('says an honour the articles of its subject never name is not mentioned, and shows the honours they do', async () => {
    const wind = await ask('风能学院获得过全国先进基层党组织吗');
    expect(wind.notFound).toBe(true);
    expect(wind.answer).toContain('湖南电气职业技术学院的文章中没有提到“全国先进基层党组织”');
    expect(wind.answer).toContain('文章写到的荣誉：');
    expect(claimLines(wind.answer).join('\n')).toMatch(/样板支部1个|优秀共产党员/u);
    expect(wind.answer).not.toContain('发挥基层党组织');
    expectSupported(wind);
    // 全国五一劳动奖章获得者 are others the college invited: no honour of its own.
    const taizhou = await ask('台州科院机电模具学院获得过全国五一劳动奖状吗');
    expect(taizhou.notFound).toBe(true);
    expect(taizhou.answer).toContain('没有提到“全国五一劳动奖状”');
    expect(taizhou.answer).not.toContain('奖章获得者');
    // Asked with 是否 and its verb, an honour the article states is answered, not refused.
    for (const question of ['苏工院智能制造支部是否获得过先进基层党组织称号', '风能学院教工党支部是否获得样板支部称号']) {
      const stated = await ask(question);
      expect(stated.notFound, `${question}\n${stated.answer}`).toBe(false);
    }
    // A 是不是 about what a unit is (试点单位) is no honour asked: not refused as one.
    expect((await ask('嘉职院是不是试点单位')).answer).not.toContain('无法确认是否获得');
    // Named at another level, the honour is told where it is: the one asked is not mentioned.
    const jiaxing = await ask('嘉职院党委获得过浙江省先进基层党组织吗');
    expect(jiaxing.notFound).toBe(false);
    expect(jiaxing.answer).toMatch(/^文章没有提到“浙江省先进基层党组织”，写到的是：\n[^\n]*嘉兴市先进基层党组织/u);
  });

  it('open with the verdict when the cited clause settles it, yes or no', async () => {
    const week = await ask('湖南电气职业技术学院风能工程学院的“风能党员活动日”是每月第一周吗？');
    expect(week.answer).toMatch(/^不是。\n固定每月第四周周四为“风能党员活动日”/);
    // The day it claims is what it asks to check, not a word the article must hold.
    const day = await ask('湖南电气的风能党员活动日是每月第一周周一吗？');
    expect(day.answer).toMatch(/^不是。\n固定每月第四周周四为“风能党员活动日”/);
    const leaders = await ask('嘉兴职业技术学院领导班子是不是连续3年考核优秀？');
    expect(leaders.answer).toMatch(/^不是。\n[^\n]*领导班子连续2年考核优秀/);
    const secretary = await ask('嘉兴职业技术学院党委书记抓党建工作述职评议考核是不是连续3年获得“优秀”？');
    expect(secretary.answer).toMatch(/^是。\n[^\n]*连续3年获得“优秀”/);
    // Asked as people say it: the doing, then 没有; answered 有/没有, and no where the honour is of another level.
    const honour = await ask('苏工院智能制造支部得过江苏省高校先进基层党组织没有');
    expect(honour.answer).toMatch(/^有。\n[^\n]*荣获江苏省高校先进基层党组织称号/);
    // The verb a place's pattern reaches back over (获得过浙江省…) is no part of the honour named.
    const prize = await ask('自动化学院获得过浙江省教学成果奖吗');
    expect(prize.answer).not.toContain('“过浙江省');
    // Put as a guess (…吧), it is answered the same way.
    const guess = await ask('嘉职院红船新农人培养模式拿的是国家级教学成果奖吧？');
    expect(guess.answer).toMatch(/^文章没有提到“国家级教学成果奖”，写到的是：\n[^\n]*浙江省教学成果一等奖/u);
    // Given at another level only, the one asked is not mentioned: no plain no.
    const national = await ask('苏工院智能制造支部得过全国先进基层党组织没有');
    expect(national.answer).toMatch(/^文章没有提到“全国先进基层党组织”，写到的是：\n[^\n]*荣获江苏省高校先进基层党组织称号/);
    // 评上过 is how people say 获评: no word the article must hold.
    const spoken = await ask('嘉职院是不是评上过全国乡村振兴人才培养优质校啊');
    expect(spoken.answer).toMatch(/^是。\n[^\n]*全国乡村振兴人才培养优质校/);
    // The honour's level is marked within its item of a list, however far before it (中共浙江省教育厅委员会 2019年先进基层党组织).
    const listed = await ask('自动化学院得过全国先进基层党组织没有');
    expect(listed.answer).toMatch(/^文章没有提到“全国先进基层党组织”，写到的是：\n/);
    expect(listed.answer).toContain('中共浙江省教育厅委员会 2019年先进基层党组织');
    // A thing's own level guessed (是省级的吧): the article gives it another, which is a no.
    const group = await ask('新能源装备职教集团是省级的吧');
    expect(group.answer).toMatch(/^(?:否|不是)。\n[\s\S]*全国首批示范性职教集团新能源装备职教集团/u);
    for (const end of [week, day, leaders, secretary, honour, national, spoken, listed, group]) expectSupported(end);
  });

  // The sentence that says 黄大年式 is the 智能控制技术 team's; the team asked about holds another title.
  it('say nothing of one team from another team\'s sentence, and lead with the sentence about the one asked', async () => {
    const end = await ask('浙江机电自动化学院的机电一体化教学团队是全国高校黄大年式教师团队吗？');
    expect(end.answer).not.toMatch(/^(?:是|否|不是)。/);
    expect(claimLines(end.answer)[0]).toContain('“机电一体化教学团队”获得了国家级职业教育教师教学创新团队称号');
    expectSupported(end);
  });

  // 是…省级文明单位 names another level, but says nothing of 获评: a weighty word of the question is missing.
  it('leave the verdict to the reader when the sentence lacks a weighty word of the question', async () => {
    const end = await ask('嘉兴职业技术学院获评过全国文明单位吗？');
    expect(end.answer).not.toMatch(/^(?:是|否|不是)。/);
  });
});

describe('messages that ask several things', () => {
  it('a wordy request is answered as what it asks, its lead-up and courtesy left out of the search', async () => {
    const end = await ask('我们书记下周要去台州科技职业学院调研，想提前知道他们机电与模具工程学院的老师都拿过些什么荣誉称号，比如省优秀党务工作者、浙江工匠之类的各有几个人，麻烦帮我查一下，越具体越好');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.searchedFor).toBe('台州科技职业学院机电与模具工程学院的老师都拿过些什么荣誉称号，比如省优秀党务工作者、浙江工匠之类的各有几个人');
    expect(leadLine(end.answer)).toContain('浙江省优秀党务工作者1人');
    expect(end.answer).not.toContain('没有找到');
  });

  it('老师…荣誉称号 is answered by the teachers\' honours (荣誉称号 is said as 获…奖, …工匠3人)', async () => {
    const end = await ask('台州科院机电模具学院的老师拿过哪些荣誉称号');
    expect(end.notFound, end.answer).toBe(false);
    expect(leadLine(end.answer)).toContain('浙江工匠3人');
  });

  it('answers each part under its own words, the later part about the first part’s college', async () => {
    const end = await ask('嘉职院一共发了几张黄牌几张红牌？另外有多少讲师收入超过了副教授？');
    expect(end.notFound, end.answer).toBe(false);
    const [first, second] = end.answer.split('**有多少讲师收入超过了副教授**');
    expect(first).toMatch(/^\*\*嘉职院一共发了几张黄牌几张红牌\*\*/u);
    expect(first).toMatch(/“黄牌”5张、“红牌”7张/u);
    expect(second).toContain('27名讲师收入超过副教授');
    expectSupported(end);
  });

  it('says once what one sentence answers for every part', async () => {
    const end = await ask('台州科技职业学院机电与模具工程学院2023年走访了多少次企业？紧密合作企业增加到多少家？');
    expect(end.answer).toBe('2023年完成50余次企业走访，建立紧密合作关系的企业倍增至54家。[1]');
  });

  // Part 1's answer also showed a sentence that shares only 招 (招生专业投档线…).
  it('says once what one sentence answers for every part, though one part shows more beside it', async () => {
    const end = await ask('嘉职院2021年一共招了几次人，引进了多少高层次和紧缺人才？');
    expect(end.answer).toBe('2021年先后7次招聘，共引进高层次、紧缺人才130名，支持11名教师攻读博士，选送1名教师进入博士后工作站。[1]');
    expect(end.citations).toHaveLength(1);
  });

  it('answers each part from its own sentence (活动日, 志愿服务)', async () => {
    const end = await ask('湖南电气风能学院的党员活动日是哪天，志愿服务活动叫什么名字？');
    expect(end.answer).toContain('每月第四周周四');
    expect(end.answer).toContain('风能蒲公英');
    expectSupported(end);
  });
});

describe('refusal decided by evidence', () => {
  it('who gave a talk the article names without its speaker is refused; a role beside another talk (思政第一课) is no answer', async () => {
    for (const question of ['红船精神第一课是谁讲的', '嘉职院红船精神第一课是哪位老师讲的']) {
      const end = await ask(question);
      expect(end.notFound, end.answer).toBe(true);
      expect(end.answer).not.toContain('思政第一课');
      expect(end.answer).toContain('开讲“红船精神第一课”');
    }
  });

  it('a date asked of a prize at a grade the article does not give (一等奖 for 三等奖) says the grade it gives', async () => {
    const end = await ask('嘉职院获全国挑战杯红色专项一等奖是哪一年？');
    expect(end.notFound).toBe(true);
    expect(end.answer).toContain('写的是“三等奖”，不是“一等奖”，也没有写具体时间');
  });

  // 研究生 is no 研究 (研究课题): a word of people whose stem means something else is read whole.
  it('养殖户 (who keep livestock) is no 种植户: a service to them the articles never tell is refused', async () => {
    expect((await ask('为养殖户提供了什么服务')).notFound).toBe(true);
  });

  it('a kind of branch the articles never write (研究生党支部) is refused, as a question and as a draft', async () => {
    for (const mode of ['qa', 'summary'] as const) {
      const end = await ask(mode === 'qa' ? '研究生党支部建设有什么做法' : '写一份研究生党支部建设的会议材料', mode);
      expect(end.notFound, end.answer).toBe(true);
    }
  });

  it('a draft or a table on a field no article writes (心理健康教育, 国际交流合作) is refused and names what is missing', async () => {
    const draft = await ask('学工部要开心理健康教育工作推进会，请起草一份材料，讲讲这几所学校在大学生心理健康教育、心理危机干预方面的经验。', 'summary');
    expect(draft.notFound, draft.answer).toBe(true);
    expect(draft.answer).toContain('没有提到“心理健康”');
    expect(draft.answer).toContain('关于“大学生心理健康教育、心理危机干预”');
    const table = await ask('国际处想做个对比表，列出这几家在国际交流合作、留学生培养和中外合作办学方面的做法和成效。', 'compare');
    expect(table.notFound, table.answer).toBe(true);
    expect(table.answer).toContain('“留学生”');
  });

  const cases: [string, string | null][] = [
    ['清华大学的党建工作有什么特色？', '清华大学'],
    ['宁波职业技术学院的“红船”党建品牌叫什么？', '宁波职业技术学院'],
    ['李明老师在嘉兴职业技术学院党建工作中做了哪些贡献？', '李明'],
    // No title beside it: jieba's dictionary cut reads 王 + 五.
    ['王五在党建工作中做了什么？', '王五'],
    ['嘉兴职业技术学院的校长是谁？', null],
    // jieba cuts 党总支书记 into 党总支 + 书记; the article names only a 支部书记 and a 党总支副书记.
    ['浙江机电职业技术学院自动化学院的党总支书记是谁？', null],
    ['嘉兴职业技术学院的“红船铁军”有多少人？', null],
    ['苏州工业职业技术学院智能制造教工党支部的教师党员“七个一”先锋工程具体是哪七个一？', null],
    // The articles open naming 嘉兴, 浙江, 苏州…: about somewhere else, not about 北京.
    ['北京市的高校如何开展党史学习教育？', null],
    // 积分管理 is 湖南电气's practice; 嘉兴's 入党积极分子 holds 积…分 but no 积分.
    ['嘉兴职业技术学院有没有实行党员积分管理？', null],
  ];
  for (const [question, missing] of cases) {
    it(question, async () => {
      const end = await ask(question);
      expect(end.notFound, end.answer).toBe(true);
      // A name the corpus lacks leaves nothing related to show; otherwise related text may follow, marked as such.
      if (missing) {
        expect(end.answer).toContain(`没有提到“${missing}”`);
        expect(end.citations).toEqual([]);
      }
      if (end.citations.length > 0) expect(end.answer).toContain('以下内容与问题相关，但不一定回答了它');
      expectSupported(end);
      // The question is quoted once, without doubled quotation marks.
      expect(end.answer).not.toMatch(/““|””/u);
    });
  }
});

describe('a college the articles only name in passing', () => {
  it('is refused when asked about as the subject, showing only where it is named', async () => {
    for (const [question, college] of [
      ['青海柴达木职业技术学院有什么党建典型经验', '青海柴达木职业技术学院'],
      ['新疆理工学院的党建经验有哪些', '新疆理工学院'],
      ['金华职技院有啥党建典型经验', '金华职技院'],
    ]) {
      const end = await ask(question!);
      expect(end.notFound, end.answer).toBe(true);
      expect(end.answer).toContain(`没有关于“${college}”的文章`);
      const shown = claimLines(end.answer);
      expect(shown.length, end.answer).toBeGreaterThan(0);
      for (const line of shown) expect(line).toContain(college!);
      expectSupported(end);
    }
  });

  it('is no reason to refuse what it received from a corpus college', async () => {
    const end = await ask('青海柴达木职业技术学院得到了哪些对口支援？');
    expect(end.notFound, end.answer).toBe(false);
  });

  it('is no reason to refuse a question about its relation to a corpus college, nor one about a unit', async () => {
    const partner = await ask('青海柴达木职业技术学院跟哪个学院共建了党建基地');
    expect(partner.notFound, partner.answer).toBe(false);
    expect(leadLine(partner.answer)).toContain('共建校企协同党建基地');
    const unit = await ask('风能学院有什么党建经验');
    expect(unit.notFound, unit.answer).toBe(false);
  });
});

describe('a refusal points to the text nearest the question', () => {
  it('嘉兴职业技术学院的校长是谁？ names no one, and shows where the article speaks of the 校长', async () => {
    const end = await ask('嘉兴职业技术学院的校长是谁？');
    expect(end.notFound).toBe(true);
    // The article speaks of its 校长 without naming one: the refusal says what was not found.
    // Searched in the college's articles only: the refusal says where.
    expect(end.answer).toMatch(/^语料库中没有找到关于“嘉兴职业技术学院的校长是谁”的信息：嘉兴职业技术学院的文章中有相关内容，但没有从中找到具体人名。\n/u);
    const related = claimLines(end.answer);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(nearbyKnobs.limit);
    expect(related.join('')).toContain('校长负责制');
    expect(end.citations.every((citation) => citation.college === '嘉兴职业技术学院')).toBe(true);
    expect(end.answer.trimEnd()).toMatch(/可以换个说法，或在“浏览文章”中查看已收录的文章。$/u);
    expectSupported(end);
  });

  it('says which kind of answer was not found only for a typed question whose topic the articles speak of', async () => {
    expect((await ask('嘉兴职业技术学院的“红船铁军”有多少人？')).answer).toContain('嘉兴职业技术学院的文章中有相关内容，但没有从中找到具体数字。');
    expect((await ask('清华大学有多少名党员？')).answer).toContain('已收录的文章中没有提到“清华大学”。');
    expect((await ask('量子计算的发展前景')).answer).toContain('已收录的文章中没有能直接回答这个问题的内容。');
    // jieba reads 张三 as 张 + 三: a question of generic words is near nothing (not 两张皮).
    const placeholder = await ask('张三是谁？');
    expect(placeholder.answer).toContain('已收录的文章中没有能直接回答这个问题的内容。');
    expect(placeholder.citations).toEqual([]);
  });

  it('does not say no number was found over related text that shows one', async () => {
    // Refused for want of an amount in 元; the related sentence shows counts all the same.
    const end = await ask('2021年嘉职院讲师的收入比副教授高多少元？');
    expect(end.notFound).toBe(true);
    expect(claimLines(end.answer).join('')).toContain('27名讲师收入超过副教授');
    expect(end.answer).not.toContain('没有从中找到');
  });

  it('gives no reason in a draft or a comparison, which show no related text', async () => {
    for (const mode of ['summary', 'compare'] as const) expect((await ask('嘉兴职业技术学院有多少名党员？', mode)).answer, mode).not.toContain('有相关内容');
  });

  it('says what was not found was not found within the college the user chose', async () => {
    const filters = { college: '湖南电气职业技术学院' };
    const end = await answers.answerOnce({ question: '台州科技职业学院的宣讲团叫什么？', mode: 'qa', history: [], filters }, AbortSignal.timeout(30_000));
    expect(end.notFound).toBe(true);
    expect(end.answer).toContain('：所选范围内的文章中');
    expect(end.answer).not.toContain('已收录的文章中没有');
  });

  it('says a name was not found in the articles of the college the question was narrowed to, not in the corpus', async () => {
    const end = await ask('湖南电气职业技术学院自动化学院的党总支副书记是谁？');
    expect(end.notFound).toBe(true);
    // 自动化学院 is 浙江机电's: the corpus names it, 湖南电气's articles do not.
    expect(end.answer).toContain('：湖南电气职业技术学院的文章中没有提到“自动化学院”。');
  });

  it('answers 第二个工程… about the second item the previous answer listed', async () => {
    const end = await askAfter('湖南电气风能工程学院教工党支部实施了哪五大工程？', '第二个工程具体内容是什么？');
    expect(end.searchedFor).toBe('湖南电气职业技术学院“三亮三比”工程具体内容是什么？');
    expect(end.notFound, end.answer).toBe(false);
    expect(claimLines(end.answer).join('')).toContain('亮身份');
    // 怎么做的 about it is told by its parts, each with what was done, never with the article's outline
    // (实施背景。实施过程与成效。…).
    const how = await askAfter('湖南电气风能学院教工支部实施了哪几个工程？', '第二个工程具体是怎么做的？');
    expect(claimLines(how.answer)[0]).toMatch(/^- 亮身份。开展“党员先锋岗”活动/u);
    expect(claimLines(how.answer).join('')).toContain('比履职能力、比服务能力、比工作业绩');
    expect(how.answer).not.toContain('实施背景');
    expectSupported(how);
  });

  it('says what was not found in the articles of the college a follow-up turned to, not in the corpus', async () => {
    const end = await askAfter('浙江机电职业技术学院自动化学院的党总支副书记是谁？', '那湖南电气职业技术学院呢？');
    expect(end.notFound).toBe(true);
    // 自动化学院 is 浙江机电's: asked of 湖南电气, the question loses that unit along with the college.
    expect(end.searchedFor).toBe('湖南电气职业技术学院的党总支副书记是谁？');
    expect(end.answer).toMatch(/^语料库中没有找到关于“湖南电气职业技术学院的党总支副书记是谁”的信息：湖南电气职业技术学院的文章中/u);
  });

  it('quotes a follow-up as it was searched, and names the college the corpus lacks', async () => {
    const history = [
      { role: 'user' as const, content: '苏州工业职业技术学院的校长是谁？' },
      { role: 'assistant' as const, content: '语料库中没有找到关于“苏州工业职业技术学院的校长是谁”的信息。' },
    ];
    const end = await answers.answerOnce({ question: '那北京大学呢？', mode: 'qa', history, filters: {} }, AbortSignal.timeout(30_000));
    expect(end.searchedFor).toBe('北京大学的校长是谁？');
    expect(end.answer).toMatch(/^语料库中没有找到关于“北京大学的校长是谁”的信息：已收录的文章中没有提到“北京大学”。/u);
    expect(end.citations).toEqual([]);
  });

  it('shows nothing for a question on something the corpus never mentions, and none in a draft or a comparison', async () => {
    for (const question of ['量子计算的发展前景', '今天天气怎么样？']) expect((await ask(question)).citations, question).toEqual([]);
    for (const mode of ['summary', 'compare'] as const) {
      const end = await ask('嘉兴职业技术学院的校长是谁？', mode);
      expect(end.notFound, mode).toBe(true);
      expect(end.citations, mode).toEqual([]);
    }
  });
});

describe('which college did it', () => {
  it('hears from each college whose article says it, not from a sentence that only names some unit', async () => {
    const end = await ask('哪个学院获得了全国高校黄大年式教师团队？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('**浙江机电职业技术学院**');
    expect(end.answer).toContain('**苏州工业职业技术学院**');
    expect(end.answer).toContain('智能控制技术教学团队');
    expect(end.answer).not.toContain('机电一体化教学团队');
  });

  // 提到了 asks which articles mention it, no topic of its own; a name asked about is said by every college listed.
  it('lists the colleges whose articles mention a name, each saying it', async () => {
    // 万人计划 as the lead says it, not 万人 of 一百万人次.
    expect((await ask('哪些学校提到了万人计划')).answer).not.toContain('嘉兴职业技术学院');
    for (const question of ['哪些学校提到了黄炎培', '哪些学校提到了黄炎培职业教育方面的奖项']) {
      const end = await ask(question);
      expect(end.notFound, end.answer).toBe(false);
      expect(end.answer.split('\n')[0], question).toBe('湖南电气职业技术学院、浙江机电职业技术学院（2 所）：');
      expectSupported(end);
    }
  });
});

describe('a label that says the topic', () => {
  it('leads with what it heads, a little below the best sentence too', async () => {
    const end = await ask('嘉职院党史学习教育开展了哪些活动？');
    expect(claimLines(end.answer)[0]).toMatch(/^高质量推进党史学习教育。学校全面落实/u);
  });
});

describe('a unit named without its college', () => {
  it('is looked for in the articles of the one college that has it', async () => {
    const hunan = await ask('风能工程学院获得过哪些省级荣誉？');
    expect(hunan.notFound, hunan.answer).toBe(false);
    expect(hunan.answer).toContain('**湖南电气职业技术学院**');
    // 省级 is said by the province's name (湖南省…).
    expect(claimLines(hunan.answer)[0]).toContain('湖南省');
    const zhejiang = await ask('自动化学院党总支获得过哪些荣誉？');
    expect(zhejiang.notFound, zhejiang.answer).toBe(false);
    expect(claimLines(zhejiang.answer)[0]).toContain('双百示范');
  });
});

describe('words the articles say otherwise', () => {
  it('典型人物 is said as …等优秀学生代表: the sentence naming them is the answer', async () => {
    for (const question of ['自动化学院学生里出了哪些典型人物', '浙江机电职业技术学院学生里出了哪些典型人物']) {
      const end = await ask(question);
      expect(end.notFound, end.answer).toBe(false);
      // The people asked for: not the college's motto, which names its college in full and lists words.
      expect(claimLines(end.answer)[0], question).toContain('樊文天等优秀学生代表');
    }
  });

  it('党风廉政 is said as 从严治党, 清廉: the passage is found and leads', async () => {
    const end = await ask('嘉职院是怎么抓党风廉政建设的？');
    expect(end.notFound, end.answer).toBe(false);
    expect(claimLines(end.answer)[0]).toMatch(/从严治党|清廉|廉洁/u);
  });

  it('支教 is said as 援疆援青, 对口扶持: the teachers sent lead', async () => {
    const end = await ask('浙江机电自动化学院有哪些老师去新疆支教？');
    expect(end.notFound, end.answer).toBe(false);
    expect(claimLines(end.answer)[0]).toContain('刘哲纬');
  });

  it('a lead that is one of parallel points (抓“四大工程”，…) goes on through its own, not into the next (抓“五大计划”，…)', async () => {
    const end = await askAfter('嘉职院的三大教育是哪三个', '那四大工程呢');
    const [lead] = claimLines(end.answer);
    expect(lead, end.answer).toContain('红船领航、精英引航、赋能续航、制度护航');
    expect(lead, end.answer).not.toContain('五大计划');
    expectSupported(end);
  });

  it('a title asked for (拿过啥称号) leads with the honours the team won, not the sentence that names the team', async () => {
    const end = await askAfter('苏工院智能制造支部的人人出彩创新工作法得过什么奖', '他们的教学创新团队拿过啥称号');
    const [lead] = claimLines(end.answer);
    expect(lead, end.answer).toContain('国家级教育教学创新团队');
    expectSupported(end);
  });

  it('获奖 is said as 获…奖, 获得者: the students who won lead', async () => {
    const end = await ask('浙江机电自动化学院有哪些学生获奖？');
    expect(end.notFound, end.answer).toBe(false);
    expect(claimLines(end.answer)[0]).toContain('方文浩');
  });
});

describe('comparisons and meeting drafts', () => {
  // Long office requests: what frames them (the asker's plan, someone's question, the columns wanted)
  // is not their topic, and a scare-quoted word in it (“仪式感”, “真金白银”) refuses nothing.
  it('a table on 对口帮扶、东西部协作 fills 浙江机电\'s row from its 对口扶持援疆援青 (the field\'s words for the same work)', async () => {
    const end = await ask('看看嘉兴和浙江机电两家在对口帮扶、东西部协作方面的做法', 'compare');
    expect(rowOf(end, '浙江机电职业技术学院').practice?.text ?? '', end.answer).toContain('远赴青海');
  });

  it('what the 援疆 teachers\' work earned (口碑) leads with the sentence that says it was praised', async () => {
    const end = await ask('浙江机电自动化学院那几位老师去新疆、青海对口帮扶，口碑怎么样？');
    expect(end.notFound, end.answer).toBe(false);
    expect(claimLines(end.answer)[0]).toContain('远赴青海');
    expect(outcomeStrength('为少数民族区域教育发展做出突出贡献,深受多方好评。')).toBeGreaterThan(0);
  });

  it('这几位 without a kind points at the people the last question asked about', async () => {
    const end = await askAfter('自动化学院有哪些老师去援疆援青？', '这几位分别是什么职务？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('副院长刘哲纬');
  });

  it('那几位老师 after a question naming a unit keeps pointing: the teachers\' posts, not a count', async () => {
    const end = await askAfter('自动化学院有哪些老师去援疆援青？', '那几位老师分别是什么职务？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('副院长刘哲纬');
  });

  it('a draft whose meeting theme no article writes (讲“支部建在哪里”) is drawn up from the practices it names in quotes, one per college', async () => {
    const end = await ask('下个月学院开组织员培训会，讲“支部建在哪里”。请整理嘉兴“把支部建在专业群上”和湖南“把支部建在团队上”的做法，写成培训材料', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('把支部建在专业群上');
    expect(end.answer).toContain('把支部建在团队上');
  });

  it('a table request framed by the asker\'s own plan is drawn up for the colleges it names', async () => {
    const end = await ask('想在支部里多搞点“仪式感”。嘉兴职业技术学院和苏州工业职业技术学院智能制造教工党支部，升国旗、表彰大会、政治生日这类仪式活动各是怎么搞的？两家对比列个表', 'compare');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('升国旗');
    expect(end.answer).toContain('政治生日');
  });

  it('a table request opened by a question someone asked, with places for its colleges, is drawn up for those two', async () => {
    const end = await ask('党委会上有人问：党建能不能带来“真金白银”？嘉兴那边和台州那边两家，企业捐赠、技术服务到账这类跟钱有关的数字各是多少，拉个表，就两列：数字｜怎么来的', 'compare');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.table!.rows.map((row) => row.college).sort()).toEqual(['台州科技职业学院', '嘉兴职业技术学院'].sort());
    expect(end.answer).toContain('5479万元');
  });

  it('a comparison\'s 做法 is the practice under the college\'s own label for the topic', async () => {
    const end = await ask('对比各院校推动党建与专业建设融合的做法和成效', 'compare');
    const jiaxing = rowOf(end, '嘉兴职业技术学院');
    // 坚持党建与专业建设相融合。 heads 嘉兴's answer, not a sentence elsewhere that says 专业 (专业主任谈改革).
    expect(jiaxing.practice?.text ?? '', end.answer).toMatch(/^坚持党建与专业建设相融合。把支部建在专业群上/u);
  });

  // The news lede names the college and its unit in full, so it covers any question about them.
  it('a comparison\'s cells are held to the college\'s best sentence, not its news lede', async () => {
    const end = await ask('各院校在促进学生就业方面的做法和成效对比', 'compare');
    const taizhou = rowOf(end, '台州科技职业学院');
    expect(taizhou.outcome?.text ?? '', end.answer).toContain('就业率达98%以上');
  });

  // 全国五一劳动奖章获得者 are who was invited, no result: the sentence is one practice, not split into a result.
  it('a comparison keeps a practice whole where it names people by an honour they hold', async () => {
    const end = await ask('各校请劳模工匠、企业专家进校园的做法对比', 'compare');
    const taizhou = rowOf(end, '台州科技职业学院');
    expect(taizhou.practice?.text ?? '', end.answer).toMatch(/^邀请黄岩区、台州市劳模工匠，全国五一劳动奖章获得者、企业家等50余人进校园/u);
    expect(taizhou.outcome?.text ?? '').not.toContain('奖章获得者');
  });

  // 思政 follows the list (新媒体、融媒体平台|开展…思政工作): no stand-in for 新媒体, so 课程思政 fills no cell.
  it('a comparison on a listed means (新媒体、融媒体平台) fills its cells with that means, not with what shares a later word', async () => {
    const end = await ask('各院校利用新媒体、融媒体平台开展党建和思政工作的对比', 'compare');
    expect(rowOf(end, '嘉兴职业技术学院').practice?.text ?? '', end.answer).toContain('两微一端');
    expect(rowOf(end, '台州科技职业学院').practice, end.answer).toBeNull();
  });

  // 技能比赛 / 技能大赛 say 技能竞赛; a prize of a grade (一等奖) is an award (获奖).
  it('a comparison of awards finds them in the field\'s other words and cuts to the clause of the kind asked', async () => {
    const end = await ask('各院校学生技能竞赛获奖情况对比', 'compare');
    expect(rowOf(end, '台州科技职业学院').outcome?.text ?? '', end.answer).toContain('学生获全国职业技能比赛一类赛二等奖2项');
    expect(rowOf(end, '嘉兴职业技术学院').outcome?.text ?? '', end.answer).toContain('全国职业院校技能大赛');
    expect(rowOf(end, '苏州工业职业技术学院').outcome?.text ?? '', end.answer).toContain('指导学生获国家、省技能竞赛一等奖');
  });

  // The clause that says the topic opens with 在, like a lead-in (在基地建设…等方面), but is the point of the cut.
  it('a comparison\'s cell keeps the clause it is cut for, though that clause opens like a lead-in', async () => {
    const end = await ask('对比各院校发挥党员先锋模范作用（党员先锋岗、亮身份等）的做法和成效', 'compare');
    const jiaxing = rowOf(end, '嘉兴职业技术学院');
    expect(jiaxing.practice?.text ?? '', end.answer).toContain('在教学科研中充分发挥党员教师的先锋模范作用');
  });

  // 上级 (from above) is no word of the honours: the articles never say it.
  it('a comparison of the honours a college\'s party bodies won hears from every college, and takes no practice that only names 表彰', async () => {
    const end = await ask('对比一下各院校党组织获得的上级荣誉和表彰', 'compare');
    expect(end.table!.coverage.covered, end.answer).toBe(5);
    const jiaxing = rowOf(end, '嘉兴职业技术学院');
    expect(jiaxing.practice?.text ?? '').not.toContain('表彰奖励');
  });

  // 典型事迹 and 刘哲纬入选…万人计划 share a word of 入选典型案例, not what it is.
  it('a comparison on a listed thing of several words (入选典型案例) fills cells with that thing, not with what shares one of its words', async () => {
    const end = await ask('各院校经验做法被媒体报道、入选典型案例的情况对比', 'compare');
    expect(rowOf(end, '湖南电气职业技术学院').outcome?.text ?? '', end.answer).toContain('十佳典型案例');
    for (const cell of [rowOf(end, '嘉兴职业技术学院').practice, rowOf(end, '浙江机电职业技术学院').outcome]) expect(cell?.text ?? '').not.toMatch(/典型事迹|万人计划/u);
  });

  // The articles write the grade inside the prize's name (教学成果一等奖, 教学成果特等奖).
  it('a comparison finds a prize asked for by its name (成果奖) where the article writes its grade in it', async () => {
    const end = await ask('对比各院校科研平台建设和专利、成果奖等科研成果情况', 'compare');
    expect(rowOf(end, '浙江机电职业技术学院').outcome?.text ?? '', end.answer).toContain('国家教学成果一等奖');
    expect(rowOf(end, '苏州工业职业技术学院').outcome?.text ?? '', end.answer).toContain('省教学成果特等奖');
  });

  it('a draft asked for three practices (整理三条) gives three', async () => {
    const end = await ask('整理三条嘉职院教师评价改革的做法', 'summary');
    const practices = (end.answer.split('## 二、主要做法')[1] ?? '').split('## 三、')[0]!;
    expect(practices.match(/^\d+\. /gmu)).toHaveLength(3);
    expect(practices).toContain('首关制');
  });

  it('a comparison asked colloquially (比一比, 有啥区别) compares the colleges named', async () => {
    for (const question of ['嘉职院和台州科院人才培养模式比一比', '嘉职院跟台州科院的人才培养模式有啥区别']) {
      const end = await ask(question, 'compare');
      expect(end.notFound, question).toBe(false);
      expect(end.table!.rows.map((row) => row.college).sort(), question).toEqual(['台州科技职业学院', '嘉兴职业技术学院']);
      expect(rowOf(end, '嘉兴职业技术学院').practice?.text ?? '', question).toContain('人才培养模式');
    }
  });

  it('a draft about a college by a short name its articles never write (苏工院) tells its practices', async () => {
    const end = await ask('帮我把苏工院的经验写成一份会议交流材料', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).toBe('# 关于“苏工院”的典型经验材料');
    expect(end.answer).toContain('实施“示范”项目');
    expect(new Set(end.citations.map((citation) => citation.college))).toEqual(new Set(['苏州工业职业技术学院']));
  });

  it('a comparison finds a topic said in other words (党史教育 / 党史学习教育) and keeps cells short', async () => {
    const end = await ask('对比一下各院校开展党史教育的做法', 'compare');
    const jiaxing = rowOf(end, '嘉兴职业技术学院');
    expect(jiaxing.practice).not.toBeNull();
    for (const row of end.table!.rows) for (const cell of [row.practice, row.outcome]) if (cell) expect(cell.text.length).toBeLessThanOrEqual(100);
  });

  it('a comparison looks in each college\'s articles for the topic in the field\'s other words (校企合作 / 产教融合)', async () => {
    const end = await ask('对比一下各院校校企合作的做法', 'compare');
    const suzhou = rowOf(end, '苏州工业职业技术学院');
    expect(suzhou.practice, end.answer).not.toBeNull();
    expect(end.citations.find((citation) => citation.n === suzhou.practice!.citations[0])!.quote).toContain('产教融合');
  });

  it('a comparison\'s result cell says the topic itself, or stays empty: not any honour of the college', async () => {
    const end = await ask('对比各学校党员志愿服务的做法', 'compare');
    for (const college of ['湖南电气职业技术学院', '台州科技职业学院']) {
      const row = rowOf(end, college);
      expect(row.practice, end.answer).not.toBeNull();
      const quote = row.outcome ? end.citations.find((citation) => citation.n === row.outcome!.citations[0])!.quote : '志愿';
      expect(quote, end.answer).toMatch(/志愿|公益/u);
    }
  });

  it('a meeting draft on a topic lists practices that say it, background that is background, results that are results', async () => {
    const section = (answer: string, title: string): string => answer.slice(answer.indexOf(`## ${title}`), answer.indexOf('## ', answer.indexOf(`## ${title}`) + 3));
    // 清廉校园: not 校园 alone (校园文化建设年 with no 廉 in it).
    const clean = await ask('写一份清廉校园建设的会议发言材料', 'summary');
    const practices = claimLines(section(clean.answer, '二、主要做法'));
    expect(practices.length, clean.answer).toBeGreaterThan(0);
    for (const line of practices) expect(line).toMatch(/廉|从严治党|警示|纪律/u);
    expect(clean.answer.split('\n')[0]).toBe('# 关于“清廉校园建设”的典型经验材料');
    // A practice in the body is no background, whatever word of a background opener it holds mid-sentence.
    const volunteers = await ask('写一份党员志愿服务的经验交流材料', 'summary');
    expect(section(volunteers.answer, '一、背景')).not.toContain('组建“匠心机电”');
    // A practice's size (在9个专业群上设置了24个师生党支部) is no result.
    const majors = await ask('写一份党建与专业建设深度融合的会议材料', 'summary');
    expect(section(majors.answer, '三、取得成效')).not.toContain('24个师生党支部');
    expect(section(majors.answer, '二、主要做法')).toContain('24个师生党支部');
  });

  it('a comparison on a topic of common words (服务地方发展) is about them, not refused as about nothing', async () => {
    const end = await ask('对比各院校服务地方发展的做法', 'compare');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.table!.rows.filter((row) => row.practice !== null).length, end.answer).toBeGreaterThanOrEqual(3);
  });

  it('a comparison hears 师德师风 in the words of 教师 standards (“四有”教师, 四有好教师)', async () => {
    const end = await ask('各院校师德师风建设的做法对比', 'compare');
    const filled = end.table!.rows.filter((row) => row.practice !== null).map((row) => row.college);
    for (const college of ['湖南电气职业技术学院', '苏州工业职业技术学院', '浙江机电职业技术学院']) expect(filled, end.answer).toContain(college);
  });

  it('a comparison cell shows a practice with the label that names it, cited as one span', async () => {
    const end = await ask('各院校在清廉文化建设上有什么做法？对比一下。', 'compare');
    const suzhou = rowOf(end, '苏州工业职业技术学院');
    expect(suzhou.practice!.text).toMatch(/^推进“廉风洁雨”建设。通过组织党员/u);
    expect(suzhou.practice!.text.length).toBeLessThanOrEqual(100);
    const citation = end.citations.find((entry) => entry.n === suzhou.practice!.citations[0])!;
    expect(citation.quote).toContain('廉风洁雨');
  });

  it('a comparison cell starts where a sentence or clause starts, and a label picked as the practice comes with its sentence', async () => {
    const end = await ask('对比各院校利用新媒体开展党建和思政工作的做法。', 'compare');
    const snapshot = search.retriever().snapshot;
    for (const row of end.table!.rows) {
      for (const cell of [row.practice, row.outcome]) {
        if (!cell) continue;
        const citation = end.citations.find((entry) => entry.n === cell.citations[0])!;
        const text = snapshot.documentText(snapshot.chunkById(citation.chunkId)!.document);
        expect(citation.start === 0 || /[。！？；;，,：:\s]/u.test(text[citation.start - 1]!), cell.text).toBe(true);
      }
    }
    // 两微一端 is the article's word for new media.
    expect(rowOf(end, '嘉兴职业技术学院').practice!.text).toContain('两微一端');
    const labelled = await ask('对比各院校开展思政育人的做法。', 'compare');
    expect(rowOf(labelled, '嘉兴职业技术学院').practice!.text).toMatch(/^建设思政育人“新高地”。与浙江红船干部学院/u);
  });

  it('a comparison never puts an honour in the 做法 column, nor a label that heads one (优秀成果奖。)', async () => {
    const end = await ask('校企党建共建', 'compare');
    const hunan = rowOf(end, '湖南电气职业技术学院');
    expect(hunan.practice).toBeNull();
    expect(hunan.outcome!.text).toContain('优秀成果奖一等奖');
    for (const topic of ['校企党建共建', '对比五所院校党建与专业建设融合的做法', '教工党支部管理党员的方式']) {
      const table = topic === '校企党建共建' ? end.table! : (await ask(topic, 'compare')).table!;
      for (const row of table.rows) if (row.practice) expect(outcomeStrength(row.practice.text), row.practice.text).toBeLessThan(1);
    }
  });

  it('a draft says whose practices it tells: one college in its source line, several each above its own lines', async () => {
    const one = await ask('党员干部带头抓就业、访企拓岗的经验，整理份材料', 'summary');
    expect(one.answer).toContain('（依据台州科技职业学院（机电与模具工程学院党总支）的 1 篇相关文章整理');
    const several = await ask('支部建在专业上、书记双带头人，帮我出一份交流材料', 'summary');
    const practices = several.answer.slice(several.answer.indexOf('## 二、主要做法'), several.answer.indexOf('## 三、取得成效'));
    expect(practices).toContain('**嘉兴职业技术学院**（学校党委）\n\n1. ');
    expect(practices).toMatch(/\*\*苏州工业职业技术学院\*\*（[^）]+）\n\n\d+\. /u);
  });

  it('a draft\'s background does not open with a sentence pointing back at one it leaves out (这支队伍就是来自…)', async () => {
    const end = await ask('把苏州工业职院智能制造教工支部“在一线行动”的经验整理成会议材料', 'summary');
    const background = end.answer.slice(end.answer.indexOf('## 一、背景'), end.answer.indexOf('## 二、主要做法'));
    expect(claimLines(background).length, end.answer).toBeGreaterThan(0);
    expect(background).not.toContain('这支队伍');
  });

  it('posts set up in figures (支部设置16个党员先锋岗) are a practice, not a draft\'s result', async () => {
    expect(outcomeStrength('依托省“智能车间”装备集成与应用技术产教融合集成平台，支部设置16个党员先锋岗，岗位配置…，打造了集教育、管理、监督、组织、宣传、服务师生为一体的海棠花红智能先锋阵地。')).toBeLessThan(summaryKnobs.outcomeStrength);
    const end = await ask('党员日常教育管理怎么做实，帮我整理一份交流材料', 'summary');
    const outcomes = end.answer.slice(end.answer.indexOf('## 三、取得成效'), end.answer.indexOf('## 四、经验启示'));
    expect(claimLines(outcomes).length, end.answer).toBeGreaterThan(0);
    expect(outcomes, end.answer).not.toContain('16个党员先锋岗');
  });

  it('a figure of people who succeeded (5名教师成功直聘) is a result, told as one, not as the label of the point after it', async () => {
    expect(outcomeStrength('2021年有5名教师成功直聘高一级职称。')).toBeGreaterThanOrEqual(summaryKnobs.outcomeStrength);
    const end = await ask('嘉兴职业技术学院教师评价改革取得了什么效果？');
    const lines = claimLines(end.answer).map((line) => line.replace(/^- /u, '').replace(/\[\d+\]/gu, '').trim());
    expect(lines, end.answer).toContain('2021年有5名教师成功直聘高一级职称。');
    // The draft on the reform tells it with the point it closes.
    const draft = await ask('写一份关于嘉职院教师评价机制改革的会议材料', 'summary');
    expect(draft.answer).toContain('破格晋升。2021年有5名教师成功直聘高一级职称。');
  });

  it('a comparison takes what was done from a sentence that turns to an honour, and a standing that rose is a result, not a practice', async () => {
    const end = await ask('对比各院校的党建品牌', 'compare');
    const jiaxing = rowOf(end, '嘉兴职业技术学院');
    // …2021年打造42个党建特色品牌，现代农业学院…党总支获批…: the part before the honour is the practice.
    expect(jiaxing.practice!.text, end.answer).toMatch(/打造42个党建特色品牌。$/u);
    expect(jiaxing.practice!.text).not.toContain('影响力');
    expect(outcomeStrength('学校党建品牌影响力和办学综合实力持续上升，是浙江省示范性高职院校。')).toBe(1);
    // Rising is a result only as what the sentence opens on, not a practice's aim (…，提高党员管理和监督的科学化水平).
    expect(outcomeStrength('建立“党员积分管理手册”，明确考核目标，提高党员管理和监督的科学化、规范化水平。')).toBe(0);
    // An honour worked towards (扎实推进…首批…培育创建) is an aim; one won is a result.
    expect(outcomeStrength('对标对表高校党建“双创”工作标准，扎实推进全省首批“党建工作标杆院系”培育创建，推动学院事业纵深发展。')).toBe(0);
    expect(outcomeStrength('自动化学院党总支通过了我省首批全省高校党建“双创”党建工作标杆院系验收。')).toBe(1);
  });

  it('a comparison takes what was done from a sentence that turns to what came of it (…格局，育人成效凸显，…获…)', async () => {
    const end = await ask('各学院如何培养学生的工匠精神', 'compare');
    const zhejiang = rowOf(end, '浙江机电职业技术学院');
    expect(zhejiang.practice!.text).toMatch(/工匠精神专业育人.*大思政育人工作格局。$/u);
    expect(zhejiang.practice!.text).not.toContain('成效凸显');
    // Said only in other words (公益服务 for 志愿服务), the topic does not make the sentence a practice.
    const volunteers = await ask('各院校党组织组织党员参加志愿服务有什么不同做法？', 'compare');
    expect(rowOf(volunteers, '浙江机电职业技术学院').practice!.text).toContain('公益志愿实践活动');
  });

  it('a comparison on 校企合作 hears it in 校企双主体 too', async () => {
    const end = await ask('对比一下各校校企合作的做法', 'compare');
    // “校企双主体办学背景下风电技术专业群课程体系构建与实施研究”获第四届湖南省优秀成果奖一等奖
    expect(rowOf(end, '湖南电气职业技术学院')?.outcome?.text ?? '', end.answer).toContain('校企双主体');
  });

  it('a comparison never shows in 成效 what its 做法 cell already shows', async () => {
    const end = await ask('各学院在校企合作方面分别是怎么做的？请做个对比。', 'compare');
    for (const row of end.table!.rows) {
      if (!row.practice || !row.outcome) continue;
      const [practice, outcome] = [row.practice, row.outcome].map((cell) => end.citations.find((entry) => entry.n === cell.citations[0])!);
      const overlapping = practice!.docId === outcome!.docId && practice!.start < outcome!.end && outcome!.start < practice!.end;
      expect(overlapping, `${row.college}: ${row.practice.text} / ${row.outcome.text}`).toBe(false);
    }
  });

  it('fills students\' results from the articles that give them (学生培养成效: 朱光耀…, 指导学生获…31项)', async () => {
    const end = await ask('自动化学院、风能学院、苏工院、台州科院学生培养成效对比', 'compare');
    expect(rowOf(end, '浙江机电职业技术学院').outcome?.text ?? '', end.answer).toMatch(/方文浩|朱光耀|王晨超/u);
    expect(rowOf(end, '苏州工业职业技术学院').outcome?.text ?? '', end.answer).toMatch(/指导学生获|马庆斋/u);
    expect(rowOf(end, '苏州工业职业技术学院').practice?.text ?? '').not.toContain('涌现出');
  });

  it('hears a listed item of light words (技术服务 beside 社会服务) whole, and a base built together is no honour', async () => {
    const end = await ask('台州科院和苏工院的社会服务、技术服务对比', 'compare');
    expect(rowOf(end, '台州科技职业学院').outcome?.text ?? '', end.answer).toContain('横向技术服务到账2000多万元');
    expect(rowOf(end, '台州科技职业学院').practice, end.answer).not.toBeNull();
    expect(outcomeStrength('联合街道内龙头企业共建“5院4中心”全产业链示范基地')).toBe(0);
  });

  it('a college that says the topic only in a result gets no 做法 from its other work', async () => {
    const end = await ask('对比各院校在创新创业教育方面的做法和取得的成效', 'compare');
    const row = rowOf(end, '浙江机电职业技术学院');
    // Its students' 创业百强 is a result; its students' volunteering is no 创新创业 practice.
    expect(row.outcome?.text, end.answer).toContain('创业百强');
    expect(row.practice, end.answer).toBeNull();
    expect(end.citations.find((citation) => citation.n === row.outcome!.citations[0])!.quote).toContain(row.outcome!.text);
  });

  it('a table takes a result from the paragraph of a sentence that says the topic, though the result does not repeat it', async () => {
    const end = await ask('对比各学校社会服务的做法和成效', 'compare');
    const outcomeOf = (college: string): string => rowOf(end, college)?.outcome?.text ?? '';
    // 三是社会服务。主持国培项目4项…。行业技能赛点共12项。累计培训500人次以上。
    expect(outcomeOf('湖南电气职业技术学院'), end.answer).toContain('500人次');
    // Not an honour that follows the practice: it names what earned it.
    const branches = await ask('对比一下各院校党支部书记“双带头人”培育和支部书记队伍建设的做法，列个表，做法和成效分开写', 'compare');
    expect(rowOf(branches, '苏州工业职业技术学院')?.outcome?.text ?? '', branches.answer).not.toContain('党建工作创新奖');
  });

  it('a draft shows a practice with its whole heading line, a heading of two phrases too', async () => {
    const end = await ask('围绕红船精神铸魂育人写个会议材料', 'summary');
    const headed = end.answer.split('\n').find((line) => line.includes('铸就担当之能'));
    // 培养“红船工匠” 铸就担当之能 heads 学校党委坚持以红船精神为立德树人的鲜明底色…
    expect(headed, end.answer).toContain('培养“红船工匠” 铸就担当之能');
    for (const line of claimLines(end.answer)) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });

  it('a short sentence stating a result in figures labels nothing after it (…课程思政示范课程2门。三是推进智能先锋阵地建设。)', async () => {
    const end = await ask('课程思政各校对比一下', 'compare');
    const practice = rowOf(end, '苏州工业职业技术学院')?.practice?.text ?? '';
    expect(practice, end.answer).toContain('三链课程');
    expect(practice, end.answer).not.toContain('先锋岗');
    // A titled label as long as a label may be still heads its practice.
    const lectures = await ask('对比各校在理论学习和宣讲方面的做法', 'compare');
    expect(rowOf(lectures, '台州科技职业学院')?.practice?.text ?? '', lectures.answer).toMatch(/^党建赋能：“不忘初心 牢记使命”奏响新时代最强音。该党总支依托/u);
  });

  it('a table shows no reflection as a practice: not a lesson under 体会与思考, nor a closing look ahead', async () => {
    const fusion = await ask('对比各院校党建与事业发展融合的做法', 'compare');
    // 三、体会与思考 … 发挥基层党组织在提高院系事业发展的战斗堡垒作用，着力拓宽基层党建工作与事业发展融合的深度和广度…
    const hunan = rowOf(fusion, '湖南电气职业技术学院')?.practice?.text ?? '';
    expect(hunan, fusion.answer).not.toContain('战斗堡垒');
    expect(hunan, fusion.answer).toContain('党建工作融入专业建设');
    const service = await ask('乡村振兴和社会服务方面各校做法对比', 'compare');
    // “站在新的历史起点上，我们要…以优异成绩迎接党的二十大胜利召开！” closes the article; the practice is told before it.
    const jiaxing = rowOf(service, '嘉兴职业技术学院')?.practice?.text ?? '';
    expect(jiaxing, service.answer).not.toContain('站在新的历史起点');
    expect(jiaxing, service.answer).toContain('三服务');
  });

  it('a table takes no result from after a list of works that names one word of the topic', async () => {
    const end = await ask('比较一下几所学校在教师团队建设上的做法和成效', 'compare');
    // 实施“党建+实训基地共建”“党建+课程资源共享”“党建+师资团队共育”等工程…。学生思政素质明显提高，
    // 入党申请人比例从75.3%提高到93.8%…: the students' figures are no result of 教师团队建设.
    expect(rowOf(end, '嘉兴职业技术学院')?.outcome?.text ?? '', end.answer).not.toContain('入党申请人比例');
    // A team's honours stay: 智能控制技术教学团队”获得首批“全国高校黄大年式教师团队”.
    expect(rowOf(end, '浙江机电职业技术学院')?.outcome?.text ?? '', end.answer).toContain('黄大年式教师团队');
  });

  it('a 做法 cell tells what was done: not the article\'s news lede, nor the figures that came of it', async () => {
    const end = await ask('各院校党组织在促进毕业生就业方面有哪些做法、效果怎么样？做个对比表', 'compare');
    const practice = rowOf(end, '台州科技职业学院')?.practice?.text ?? '';
    expect(practice, end.answer).toContain('带头开展就业工作');
  });

  it('a comparison fills the colleges that say the topic, in the field\'s words (两微一端 for 新媒体), and no other', async () => {
    const end = await ask('对比几个学校用新媒体、融媒体平台做党建的做法', 'compare');
    const practiceOf = (college: string): string | undefined => rowOf(end, college)?.practice?.text;
    expect(practiceOf('嘉兴职业技术学院'), end.answer).toContain('两微一端');
    expect(practiceOf('浙江机电职业技术学院'), end.answer).toContain('融媒体');
    // 三融教育”平台 and 技能创新平台 share a word of the question, not its topic.
    expect(practiceOf('湖南电气职业技术学院'), end.answer).toBeUndefined();
    // A point of a list is shown without the next point after it (…进行报导。三是推进“廉风洁雨”建设。).
    expect(practiceOf('苏州工业职业技术学院') ?? '', end.answer).not.toContain('廉风洁雨');
  });

  it('a table of honours takes each college\'s honours conferred, in whatever words, and no practice that merely names one', async () => {
    const end = await ask('对比各院校党组织获得的荣誉和表彰', 'compare');
    // 台州 never writes 荣誉 or 表彰: its 案例入选…, …获评…先进单位 are its honours.
    expect(rowOf(end, '台州科技职业学院').outcome?.text ?? '', end.answer).toMatch(/入选|获评|等奖|称号/u);
    // 在干部晋升、职称评聘、表彰奖励…方面充分听取基层党组织意见 is no honour, nor a practice of honours.
    expect(rowOf(end, '嘉兴职业技术学院').practice?.text ?? '', end.answer).not.toContain('表彰奖励');
    for (const college of ['嘉兴职业技术学院', '苏州工业职业技术学院', '湖南电气职业技术学院']) expect(rowOf(end, college).outcome, end.answer).not.toBeNull();
  });

  it('a table on students\' competitions takes no teachers\' prize as a result', async () => {
    const end = await ask('对比各院校学生竞赛获奖情况', 'compare');
    // 2021年，获职业院校教师能力竞赛国家级三等奖… is what 湖南电气's teachers won.
    expect(rowOf(end, '湖南电气职业技术学院').outcome?.text ?? '', end.answer).not.toContain('教师能力竞赛');
    expect(rowOf(end, '台州科技职业学院').outcome?.text ?? '', end.answer).toContain('学生获全国职业技能比赛');
    expect(rowOf(end, '苏州工业职业技术学院').outcome?.text ?? '', end.answer).toContain('指导学生获');
  });

  it('a table of a body\'s honours (党组织…集体荣誉) is a table of honours, leaves out what the request leaves out, and takes no one person\'s', async () => {
    const end = await ask('各院校的党组织（党委、党总支、支部）拿过哪些集体荣誉？按学校列表，个人获奖的不用列', 'compare');
    expect(end.answer.split('\n')[0], end.answer).toBe('| 院校 | 荣誉 | 来源 |');
    expect(rowOf(end, '嘉兴职业技术学院').outcome?.text ?? '', end.answer).toMatch(/党委|党总支|党支部/u);
    // 3名党员获厅级“优秀共产党员”称号… is the members' own.
    expect(rowOf(end, '湖南电气职业技术学院').outcome?.text ?? '', end.answer).not.toContain('名党员获');
  });

  it('a table asking for honours without a topic of its own (都拿过哪些荣誉) is a table of honours too', async () => {
    const end = await ask('各校党组织都拿过哪些荣誉', 'compare');
    // Honours beside their sources: no 做法 column standing empty in every row.
    const [header, rule, ...body] = end.answer.split('\n');
    expect(header, end.answer).toBe('| 院校 | 荣誉 | 来源 |');
    expect(rule).toBe('|---|---|---|');
    for (const line of body.filter((row) => row.startsWith('|'))) expect(line.split('|').slice(1, -1), line).toHaveLength(3);
    // 共建“5院4中心”全产业链示范基地 builds a base; 教师获…二等奖…浙江省优秀党务工作者1人 states honours.
    expect(rowOf(end, '台州科技职业学院')?.outcome?.text ?? '', end.answer).not.toContain('5院4中心');
    for (const row of end.table!.rows) {
      expect(row.outcome?.text ?? '', end.answer).toMatch(sentenceCues.conferred);
      // No practice stands in for an honour (三、体会与思考…, 选准配强…领导班子).
      expect(row.practice, end.answer).toBeNull();
    }
  });

  it('a comparison of the colleges it names compares those, their names its scope and not its topic', async () => {
    const end = await ask('对比苏州工业职院和湖南电气职院教工党支部管理党员的方式', 'compare');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.table!.rows.map((row) => row.college).sort()).toEqual(['湖南电气职业技术学院', '苏州工业职业技术学院']);
    expect(end.table!.rows.every((row) => row.practice !== null)).toBe(true);
    expect(end.answer).toContain('覆盖情况：比较了 2 所院校（语料中共 5 所）');
    // 五所院校 counts the colleges; it is no topic the articles must hold.
    expect((await ask('对比五所院校党建与专业建设融合的做法', 'compare')).table!.rows).toHaveLength(5);
  });

  it('a comparison said the Latin way (A vs B) compares the two, vs no word the articles must hold', async () => {
    const end = await ask('台州科院 vs 嘉职院，产教融合对比', 'compare');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.table!.rows.map((row) => row.college).sort()).toEqual(['嘉兴职业技术学院', '台州科技职业学院'].sort());
  });

  it('a comparison naming a college by one of its units (风能学院, 模具学院) compares that college', async () => {
    for (const [question, colleges] of [
      ['苏工院和风能学院在党员教育管理上有什么不同', ['湖南电气职业技术学院', '苏州工业职业技术学院']],
      ['模具学院和嘉职院在产教融合上有啥不同', ['台州科技职业学院', '嘉兴职业技术学院']],
    ] as const) {
      const end = await ask(question, 'compare');
      expect(end.notFound, end.answer).toBe(false);
      expect(end.table!.rows.map((row) => row.college).sort(), end.answer).toEqual([...colleges].sort());
      expect(end.table!.rows.every((row) => row.practice !== null), end.answer).toBe(true);
    }
  });

  it('a comparison with another college that names no topic (跟苏工院对比一下) compares on the last question\'s', async () => {
    for (const [first, followUp] of [
      ['风能学院党员先锋岗是怎么搞的', '跟苏工院对比一下'],
      ['风能学院亮身份是怎么搞的', '跟苏州工业职业技术学院的比一比'],
      // jieba reads 再跟风能学院 as 再 + 跟风 + 能 + 学院: the unit is still found.
      ['苏工院书记工作室、劳模工作室那些是干嘛的', '再跟风能学院的党员先锋岗比较一下'],
    ] as const) {
      const end = await askAfter(first, followUp, 'compare');
      expect(end.notFound, end.answer).toBe(false);
      expect(end.table!.rows.map((row) => row.college).sort(), followUp).toEqual(['湖南电气职业技术学院', '苏州工业职业技术学院'].sort());
      expect(rowOf(end, '湖南电气职业技术学院').practice?.text ?? '', followUp).toMatch(/党员先锋岗|亮身份/u);
      expect(rowOf(end, '苏州工业职业技术学院').practice?.text ?? '', followUp).toMatch(/党员先锋岗|亮身份/u);
    }
  });

  it('a draft of "this topic" (就这个主题…) is of the conversation\'s last question, titled by it', async () => {
    const end = await askAfter('台州科院访企拓岗促就业是怎么搞的', '就这个主题帮我写个会议材料', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toMatch(/^# 关于“台州科院访企拓岗促就业”的典型经验材料/u);
    expect(end.answer).not.toContain('这个主题');
    expect(end.answer).toContain('访企拓岗');
  });

  it('a comparison naming one college compares it with the conversation\'s college, or with every college', async () => {
    const first = '风能学院的三融教育是怎么做的';
    const paired = await askAfter(first, '跟嘉职院党建和专业建设相融合比一比', 'compare');
    expect(paired.table!.rows.map((row) => row.college).sort(), paired.answer).toEqual(['嘉兴职业技术学院', '湖南电气职业技术学院'].sort());
    expect(rowOf(paired, '湖南电气职业技术学院').practice?.text ?? '', paired.answer).toContain('党建工作融入专业建设');
    // Without a conversation, or asked across the colleges, every college is compared; the one
    // named is no topic the others' articles must hold.
    for (const alone of [
      await ask('跟嘉职院党建和专业建设相融合比一比', 'compare'),
      await askAfter(first, '嘉职院和其他学校在党建和专业建设相融合上比一比', 'compare'),
    ]) {
      expect(alone.table!.rows, alone.answer).toHaveLength(5);
      expect(rowOf(alone, '湖南电气职业技术学院').practice?.text ?? '', alone.answer).toContain('党建工作融入专业建设');
    }
  });

  // 把支部建在专业群上 says what was done as much as 实施… does.
  it('a comparison\'s 做法 may be said with 把 (把支部建在专业群上)', async () => {
    const end = await ask('嘉职院和湖南电气一个把支部建在专业群上一个建在团队上，对比下这两种做法', 'compare');
    expect(rowOf(end, '嘉兴职业技术学院').practice?.text ?? '', end.answer).toContain('把支部建在专业群上，在9个专业群上设置了24个师生党支部');
    expect(rowOf(end, '湖南电气职业技术学院').practice?.text ?? '', end.answer).toContain('坚持“把支部建在团队上”');
  });

  // The article's title says the topic (对标“七个有力”，赋能…); its results section does not repeat it.
  it('a comparison takes an article\'s results as the topic\'s when its title says the topic', async () => {
    const end = await ask('苏工院和湖南电气都讲“七个有力”，他们各自怎么落实的，对比一下', 'compare');
    const hunan = rowOf(end, '湖南电气职业技术学院');
    expect(hunan.outcome?.text ?? '', end.answer).toContain('标杆院系1个、样板支部1个');
    const citation = end.citations.find((entry) => entry.n === hunan.outcome!.citations[0])!;
    expect(citation.title).toContain('对标“七个有力”');
    expect(citation.quote).toContain(hunan.outcome!.text.replace(/。$/u, ''));
    // A claim without figures or an honour (党建品牌影响力…持续上升) is no result of the topic.
    const crafts = await ask('嘉职院和湖南电气在培养工匠方面的成效对比', 'compare');
    expect(rowOf(crafts, '嘉兴职业技术学院').outcome?.text ?? '', crafts.answer).not.toContain('持续上升');
  });

  it('a meeting draft takes the points of the paragraph that states its topic, and the problem it answers as background', async () => {
    const end = await ask('嘉职院教师评价机制综合改革会议材料', 'summary');
    const section = (title: string): string => end.answer.slice(end.answer.indexOf(`## ${title}`), end.answer.indexOf('## ', end.answer.indexOf(`## ${title}`) + 3));
    // …全面实施教师评价机制综合改革。 then 实施政治素质“首关制”。… 实施绩效分配“动态制”。: none repeats the topic.
    for (const point of ['首关制', '替代制', '亮牌制', '动态制']) expect(section('二、主要做法'), end.answer).toContain(point);
    // 聚焦…的难题和…积弊 says why; 根据二级机构考核结果设立一、二、三等奖 is a practice, not where from.
    expect(section('一、背景'), end.answer).toContain('“五唯”积弊');
    expect(section('一、背景'), end.answer).not.toContain('一、二、三等奖');
  });

  it('a meeting draft\'s background holds no result, however it opens', async () => {
    const end = await ask('台州“红模力”党建联建会议材料', 'summary');
    const background = end.answer.slice(end.answer.indexOf('## 一、背景'), end.answer.indexOf('## 二、'));
    // 近年来，基地获批…“五个一批”项目5个… opens like a background and reports results.
    expect(background, end.answer).not.toContain('获批');
  });

  it('a meeting draft on the colleges it names draws on their articles only, titled without the instruction', async () => {
    const end = await ask('写一份基层教工党支部建设经验的会议材料，重点参考苏州工业职院和湖南电气职院', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).toBe('# 关于“基层教工党支部建设”的典型经验材料');
    expect(new Set(end.citations.map((citation) => citation.college))).toEqual(new Set(['湖南电气职业技术学院', '苏州工业职业技术学院']));
  });

  it('a meeting draft is titled with the request, lists practices that are not bare headings, and lessons that state lessons', async () => {
    const end = await ask('写一份关于党建与专业建设融合的会议材料', 'summary');
    expect(end.answer.split('\n')[0]).toBe('# 关于“党建与专业建设融合”的典型经验材料');
    const section = (title: string): string[] => {
      const lines = end.answer.split('\n');
      const start = lines.findIndex((line) => line.startsWith(`## ${title}`));
      const next = lines.findIndex((line, index) => index > start && line.startsWith('## '));
      return lines.slice(start + 1, next < 0 ? undefined : next).filter((line) => /\[\d+\]/.test(line));
    };
    for (const practice of section('二、主要做法')) expect(practice.replace(/^\d+\.\s*|\[\d+\]/g, '').length, practice).toBeGreaterThan(24);
    // A run-in label (加强“行动支部”建设。) comes with the sentence it heads, which is not listed again.
    const branches = await ask('基层教工党支部建设经验', 'summary');
    const practices = branches.answer.split('\n').filter((line) => /^\d+\. /u.test(line));
    expect(practices.find((line) => line.includes('加强“行动支部”建设'))).toMatch(/加强“行动支部”建设。配强支部书记双带头人/u);
    expect(practices.filter((line) => line.includes('配强支部书记双带头人'))).toHaveLength(1);
    practices.forEach((line, index) => expect(line.startsWith(`${index + 1}. `), line).toBe(true));
    // So does a titled one (党建聚智：“读·聚匠心、五育并举”组建六支金队伍。), longer than a plain label.
    const taizhou = await ask('帮我写一份介绍台州科技职院机电模具学院校企地党建联建经验的会议材料', 'summary');
    const titled = taizhou.answer.split('\n').filter((line) => /^\d+\. 党建(?:聚智|助力)：/u.test(line));
    expect(titled.length, taizhou.answer).toBeGreaterThan(0);
    for (const line of titled) expect(line, line).toMatch(/。该党总支/u);
    // What a practice's body told is not told again under another section.
    expect(taizhou.answer.split('\n').filter((line) => line.includes('34家模具企业')), taizhou.answer).toHaveLength(1);
    expectSupported(taizhou);
    // A lesson states one (关键, 只有…才能) or stands under the article's 体会/启示 heading.
    for (const lesson of section('四、经验启示')) {
      const [n] = claimsOf(lesson)[0]!.numbers;
      const chunk = search.retriever().snapshot.chunkById(end.citations.find((citation) => citation.n === n)!.chunkId)!;
      expect(sentenceCues.insight.test(lesson) || summaryKnobs.headingCues.insight.test(chunk.headingPath.join(' ')), lesson).toBe(true);
    }
    expectSupported(end);
  });

  it('a draft lists as 成效 only results that say its topic themselves', async () => {
    const end = await ask('写一份关于发挥党员先锋模范作用的会议材料', 'summary');
    const results = end.answer.slice(end.answer.indexOf('## 三、取得成效'), end.answer.indexOf('## 四、经验启示'));
    expect(results, end.answer).toContain('先锋模范党建育人');
    // An award and a college's research platforms, beside sentences that say the topic.
    for (const elsewhere of ['最受师生喜爱书记', '8个校级科创平台']) expect(results).not.toContain(elsewhere);
    expectSupported(end);
  });

  it('a draft\'s 背景 says why the work began, not what a speaker means to do next', async () => {
    const end = await ask('帮我整理一份嘉兴职业技术学院弘扬红船精神、铸魂育人做法的会议交流材料', 'summary');
    const background = end.answer.slice(end.answer.indexOf('## 一、背景'), end.answer.indexOf('## 二、主要做法'));
    expect(background, end.answer).toContain('作为中国革命红船起航地的高职院校');
    expect(background).not.toContain('站在新的历史起点上');
  });

  // 湖南's 体会与思考 names 样板支部, an honour's words; 将学院建成标杆院系 is an aim.
  it('a draft keeps an article\'s lessons in 启示 and its aims out of 成效, though they name honours', async () => {
    const end = await ask('综合几所院校创建党建工作标杆院系、样板支部的经验，整理一份会议交流材料', 'summary');
    const results = end.answer.slice(end.answer.indexOf('## 三、取得成效'), end.answer.indexOf('## 四、经验启示'));
    const lessons = end.answer.slice(end.answer.indexOf('## 四、经验启示'));
    expect(results, end.answer).toContain('现代农业学院、城市建设学院党总支获批全省高校党建工作标杆院系');
    for (const notResult of ['党建工作是学院事业发展的立业之基', '协力将学院建成标杆院系']) expect(results).not.toContain(notResult);
    expect(lessons).toContain('党建工作是学院事业发展的立业之基');
  });

  // 嘉兴's many passages on 红船精神育人 crowded out the other colleges' 工匠精神 practices.
  it('a draft across the colleges (综合各院校…) hears from each college that says the topic', async () => {
    const end = await ask('请综合各院校弘扬工匠精神、劳模精神育人的做法，写一份会议材料', 'summary');
    const practices = end.answer.slice(end.answer.indexOf('## 二、主要做法'), end.answer.indexOf('## 三、取得成效'));
    expect(practices, end.answer).toContain('开发校企合作课程，将工匠精神等思政元素融入课程中');
    expect(new Set(end.citations.map((citation) => citation.docId)).size).toBeGreaterThanOrEqual(4);
    expectSupported(end);
  });

  // The article sets out its results and lessons under headings of their own ((二)实施成效, 三、体会与思考),
  // not in the words of the one practice the draft takes for its example.
  it('a draft from one article whose results and lessons never name its topic reads them under the article\'s own headings, and says so', async () => {
    const end = await ask('以风能学院"四个一"工程为例，写一份加强党员教育的会议材料', 'summary');
    const part = (title: string): string => {
      const start = end.answer.indexOf(`## ${title}`);
      const next = end.answer.indexOf('## ', start + 3);
      return end.answer.slice(start, next < 0 ? undefined : next);
    };
    expect(part('三、取得成效'), end.answer).toContain('（摘自该文“实施成效”部分）');
    expect(part('三、取得成效')).toContain('立项湖南省高校党组织“对标争先”建设计划第二批项目标杆院系1个');
    expect(part('四、经验启示'), end.answer).toContain('（摘自该文“体会与思考”部分）');
    expect(part('四、经验启示')).toContain('精准把握党建与事业发展的“方向思路”：党建工作是学院事业发展的立业之基');
    expect(end.answer).not.toContain('未见相关内容');
    expectSupported(end);
    // A draft whose results say its topic keeps them, with no such line.
    const own = await ask('苏州工业职院智能制造教工党支部加强党员教师队伍和创新团队建设的经验材料', 'summary');
    expect(own.answer).not.toContain('摘自该文');
  });

  it('a draft on a college\'s unit reads the unit\'s name as whose work it is: what its team did is told, not a sentence pointing back or a caption', async () => {
    const team = await ask('写一份苏工院智能制造支部党员技术服务团队服务企业一线的会议材料', 'summary');
    expect(team.answer).toContain('他们深入昆山维萨阀门股份有限公司');
    const practices = (answer: string): string => answer.slice(answer.indexOf('## 二、主要做法'), answer.indexOf('## 三、'));
    expect(practices(team.answer), team.answer).not.toContain('这支队伍就是来自');
    // A photo's dated caption, kept as a line of its own, is no practice.
    const aid = await ask('写一份浙江机电自动化学院党员教师对口援疆援青的会议材料', 'summary');
    expect(practices(aid.answer), aid.answer).toContain('远赴青海柴达木职业技术学院');
    expect(practices(aid.answer)).not.toMatch(/签约仪式/u);
    // What a speaker means to do next (“站在新的历史起点上，我们要…) is no practice.
    const craft = await ask('写一份关于培育工匠精神的会议材料', 'summary');
    expect(practices(craft.answer), craft.answer).not.toContain('站在新的历史起点上');
    // The media's reporting and a work honoured by its title (《推进…》被…收录为典型案例) are results, no practices.
    const branch = await ask('写一份苏州工业职业技术学院智能制造教工党支部加强基层党支部组织力建设（“行动支部”）的会议材料，要有背景、做法、成效和启示。', 'summary');
    expect(practices(branch.answer), branch.answer).not.toMatch(/光明日报|收录为典型案例/u);
    expect(outcomeStrength('《推进四个“融合”打造高水平教师教学创新团队》被教育部2021年首场新闻发布会收录为典型案例。')).toBe(1);
    for (const draft of [team, aid, branch]) expectSupported(draft);
  });

  // Results told under the heading that names the quoted practice are its results.
  it('a draft on a quoted practice takes the results told under its heading', async () => {
    const end = await ask('写一份嘉职院建设"红船堡垒"、加强基层党组织建设的会议材料', 'summary');
    const results = end.answer.slice(end.answer.indexOf('## 三、取得成效'), end.answer.indexOf('## 四、经验启示'));
    expect(results, end.answer).toContain('2021年打造42个党建特色品牌');
    expect(results).toContain('被省发改委授予浙江省“双创”示范基地称号');
    expectSupported(end);
  });

  it('a draft of a college\'s 党建工作 draws on its whole article, as a draft of the college does', async () => {
    const end = await ask('写一份嘉兴职业技术学院的党建工作经验材料', 'summary');
    expect(end.answer).toContain('# 关于“嘉兴职业技术学院的党建工作”的典型经验材料');
    const practices = end.answer.slice(end.answer.indexOf('## 二、主要做法'), end.answer.indexOf('## 三、'));
    expect(practices.match(/^\d+\. /gmu)?.length ?? 0, end.answer).toBeGreaterThanOrEqual(4);
    const background = end.answer.slice(end.answer.indexOf('## 一、背景'), end.answer.indexOf('## 二、'));
    expect(background, end.answer).not.toContain('未见相关内容');
    expectSupported(end);
  });

  it('a draft across colleges names whose each background line is, and reads lessons its sources state when none says its topic', async () => {
    const end = await ask('写一份支部建在专业上的会议材料', 'summary');
    const background = end.answer.slice(end.answer.indexOf('## 一、背景'), end.answer.indexOf('## 二、'));
    expect(background.split('\n').filter((line) => /^\*\*.+\*\*/u.test(line)).length, end.answer).toBeGreaterThan(1);
    const lessons = end.answer.slice(end.answer.indexOf('## 四、经验启示'));
    expect(lessons, end.answer).toContain('（摘自所引文章总结的体会）');
    expect(lessons).toContain('拓宽“党建+事业”融合的深度和广度');
    expect(lessons).not.toContain('未见相关内容');
    expectSupported(end);
    // A lesson that says nothing of the topic (核心在于组织力建设 for 党风廉政) is none of its lessons.
    const integrity = await ask('写一份党风廉政建设材料', 'summary');
    expect(integrity.answer.slice(integrity.answer.indexOf('## 四、经验启示'))).not.toContain('核心在于组织力建设');
  });

  // The result closes the practice's point without repeating the topic's words (队伍建设).
  it('a draft takes a practice\'s own result, the sentence after it in its point, as 成效', async () => {
    const end = await ask('苏州工业职院智能制造教工党支部加强党员教师队伍和创新团队建设的经验材料', 'summary');
    const results = end.answer.slice(end.answer.indexOf('## 三、取得成效'), end.answer.indexOf('## 四、经验启示'));
    expect(results, end.answer).toContain('指导学生获国家、省技能竞赛一等奖、省本专科优秀毕业设计一等奖等31项');
    // A practice cut from its sentence leaves the rest of it, which opens on no comma.
    const lecture = await ask('综合各院校开展理论学习和宣讲的做法，写一份会议交流材料', 'summary');
    const lectureResults = lecture.answer.slice(lecture.answer.indexOf('## 三、取得成效'), lecture.answer.indexOf('## 四、经验启示'));
    expect(lectureResults, lecture.answer).toContain('- 深入挖掘各类典型事迹、先进做法，分层分类开展宣讲128场次');
    for (const draft of [end, lecture]) expectSupported(draft);
  });

  // The article's title says the topic (…顺利通过…党建工作标杆院系验收); its honours do not repeat it.
  it('a draft on what an article is about takes that article\'s results though they do not repeat the topic', async () => {
    const end = await ask('浙江机电职院自动化学院党总支创建全省高校党建工作标杆院系的经验总结', 'summary');
    const results = end.answer.slice(end.answer.indexOf('## 三、取得成效'), end.answer.indexOf('## 四、经验启示'));
    expect(results, end.answer).toContain('学院党总支获浙江省高校党建“双百示范”首批党建特色品牌');
    // The opening that sets out to win it is no result.
    expect(results).not.toContain('扎实推进全省“双百示范”首批党建特色品牌');
    expectSupported(end);
  });

  it('a draft about one article that outlines its practices under headings gives one practice per heading, in order; a topic of its own keeps its sentences', async () => {
    const end = await ask('湖南电气职业技术学院风能工程学院教工党支部对标“七个有力”的经验', 'summary');
    const practices = end.answer.split('\n').filter((line) => /^\d+\. /u.test(line));
    const projects = ['“四个一”工程', '“三亮三比”工程', '“三服务”工程', '“三融教育”工程', '“手拉手、一帮一”工程'];
    expect(practices.map((line) => projects.findIndex((project) => line.includes(project))), end.answer).toEqual([0, 1, 2, 3, 4]);
    // Each heading comes with the sentence it heads.
    for (const line of practices) expect(line.replace(/^\d+\.\s*|\[\d+\]/gu, '').length, line).toBeGreaterThan(30);
    expectSupported(end);
    // So too when the request quotes what every heading says (“有力”) and says how to tell each (每个工程对应…).
    const told = await ask('下周支部书记例会要用，帮我把湖南电气风能工程学院教工支部的五大工程整理一下，每个工程对应落实哪个“有力”写清楚', 'summary');
    const toldPractices = told.answer.split('\n').filter((line) => /^\d+\. /u.test(line));
    expect(toldPractices.map((line) => projects.findIndex((project) => line.includes(project))), told.answer).toEqual([0, 1, 2, 3, 4]);
    for (const line of toldPractices) expect(line, line).toMatch(/落实[^：]*有力：/u);
    const volunteering = await ask('湖南电气风能工程学院志愿服务的材料', 'summary');
    const volunteeringPractices = volunteering.answer.split('\n').filter((line) => /^\d+\. /u.test(line));
    expect(volunteeringPractices.some((line) => line.includes('志愿')), volunteering.answer).toBe(true);
  });

  it('a draft on two colleges named together (by their places alone) gives each one\'s outlined practices, under its own name', async () => {
    const end = await ask('把苏州和湖南两个教工党支部的做法合在一起，写一份会议交流材料', 'summary');
    expect(end.answer.split('\n')[0]).toBe('# 关于“苏州和湖南两个教工党支部”的典型经验材料');
    const practices = end.answer.slice(end.answer.indexOf('## 二'), end.answer.indexOf('## 三'));
    expect(practices, end.answer).toContain('**苏州工业职业技术学院**');
    expect(practices, end.answer).toContain('**湖南电气职业技术学院**');
    for (const project of ['“筑基”项目', '“示范”项目', '“向阳”项目', '“四个一”工程', '“手拉手、一帮一”工程']) expect(practices, project).toContain(project);
    expect(practices, end.answer).not.toMatch(/嘉兴职业技术学院|浙江机电职业技术学院/u);
    expectSupported(end);
  });

  it('colleges named by their places in a list or counted (湖南风能和苏州两个…, 苏州和台州两家) are drafted on, each; 湖南那个呢 turns to 湖南', async () => {
    const draft = await ask('请整理湖南风能和苏州两个教工党支部的做法', 'summary');
    expect(draft.notFound, draft.answer).toBe(false);
    for (const college of ['**湖南电气职业技术学院**', '**苏州工业职业技术学院**']) expect(draft.answer, college).toContain(college);
    const counted = await ask('请帮我起草一份会议材料，重点写苏州和台州两家在党建与业务融合上的具体做法和成效，字数控制在800字左右', 'summary');
    expect(counted.notFound, counted.answer).toBe(false);
    expect(counted.answer).not.toMatch(/嘉兴职业技术学院|浙江机电职业技术学院|湖南电气职业技术学院/u);
    const turned = await askAfter('苏州那个教工党支部获得过什么荣誉？', '湖南那个呢？');
    expect(turned.notFound, turned.answer).toBe(false);
    expect(turned.searchedFor).toContain('湖南');
    expect(turned.searchedFor).not.toContain('苏州');
    expect(turned.answer).toContain('**湖南电气职业技术学院**');
  });

  it('a draft request\'s courtesy and framing (请以…为题, 请综合各院校…的做法) are no topic; a name quoted in part in the article (对标“七个有力”) is the name', async () => {
    const end = await ask('请以湖南电气职院风能工程学院教工党支部“对标七个有力”为题，整理一份会议材料', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).toBe('# 关于“湖南电气职院风能工程学院教工党支部‘对标七个有力’”的典型经验材料');
    const ethics = await ask('请综合各院校推进课程思政的做法，整理一份会议交流材料', 'summary');
    expect(ethics.answer.split('\n')[0]).toBe('# 关于“推进课程思政”的典型经验材料');
  });

  it('a draft on 党建引领 X is about X: a label that happens to read 党建引领 is no practice of it', async () => {
    const end = await ask('写一份党建引领促进毕业生就业的会议材料', 'summary');
    const practices = end.answer.split('\n').filter((line) => /^\d+\. /u.test(line));
    expect(practices.length, end.answer).toBeGreaterThan(0);
    for (const line of practices) expect(line, end.answer).toMatch(/就业/u);
  });

  it('a draft puts the occasion a year was (2021年是中国共产党成立100周年，…) in its background, not among its practices', async () => {
    const end = await ask('帮我写个党史学习教育的经验材料，开会用', 'summary');
    const section = (title: string): string => end.answer.slice(end.answer.indexOf(`## ${title}`), end.answer.indexOf('## ', end.answer.indexOf(`## ${title}`) + 3));
    expect(section('一、背景'), end.answer).toContain('2021年是中国共产党成立100周年');
    expect(section('二、主要做法')).not.toContain('2021年是中国共产党成立100周年');
  });

  it('a draft on a practice it quotes, told under its own heading, takes its practices from that heading alone', async () => {
    const end = await ask('根据湖南电气职业技术学院风能工程学院教工党支部“手拉手、一帮一”的经验，起草一份党员联系服务师生的会议交流材料。', 'summary');
    // The quoted name keeps its marks, nested as single quotes in the title.
    expect(end.answer.split('\n')[0]).toBe('# 关于“湖南电气职业技术学院风能工程学院教工党支部‘手拉手、一帮一’，党员联系服务师生”的典型经验材料');
    const practices = end.answer.split('\n').filter((line) => /^\d+\. /u.test(line));
    expect(practices.length, end.answer).toBeGreaterThan(0);
    for (const line of practices) expect(line, end.answer).toMatch(/手拉手|一位党员教师对接一位群众教师/u);
    // The article's other projects share the request's words (服务, 师生) but are other practices.
    for (const other of ['“三融教育”', '“三亮三比”', '志愿者活动']) expect(practices.join('\n')).not.toContain(other);
    expectSupported(end);
  });

  // 坚持党建与教学科研相融合。以…为抓手…。近两年来，…被省发改委授予…称号，建成…8个校级科创平台…
  it('a comparison takes as a result an honour inside the point whose label says the whole topic', async () => {
    const end = await ask('各院校党建与教学科研融合的做法和成效对比', 'compare');
    expect(rowOf(end, '嘉兴职业技术学院')?.outcome?.text, end.answer).toContain('8个校级科创平台');
  });

  it('a comparison takes no dated photo caption, kept as a line of its own, for a practice', async () => {
    const end = await ask('各学院党总支的荣誉对比', 'compare');
    expect(rowOf(end, '浙江机电职业技术学院')?.practice?.text ?? '', end.answer).not.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/u);
  });

  it('a comparison asked the way staff say it (几个学校…比一比, 口号, 考核办法) is answered, not refused for those words', async () => {
    // 几个学校 names the colleges compared, not a count asked.
    const volunteers = await ask('几个学校党员志愿者活动搞法比一比', 'compare');
    expect(volunteers.notFound, volunteers.answer).toBe(false);
    expect(rowOf(volunteers, '湖南电气职业技术学院')?.practice?.text, volunteers.answer).toContain('风能蒲公英');
    // 口号 is how staff say what articles write as 理念 or 宗旨.
    const slogans = await ask('各学校的党建工作理念或口号对比一下', 'compare');
    expect(slogans.notFound, slogans.answer).toBe(false);
    expect(rowOf(slogans, '台州科技职业学院')?.practice?.text, slogans.answer).toContain('以党建促业务，以业务强党建');
    // 考核办法: 考核 the articles write, 办法 a generic word jieba glued to it.
    const assessment = await ask('各院校党员管理考核办法对比', 'compare');
    expect(assessment.notFound, assessment.answer).toBe(false);
    expect(rowOf(assessment, '湖南电气职业技术学院')?.practice?.text, assessment.answer).toContain('党员积分管理手册');
  });

  it('a request that names its form (列表对比一下, 包括背景…启示) is answered, not refused for those words', async () => {
    const compare = await ask('各院校在打造党建品牌方面有哪些做法？列表对比一下。', 'compare');
    expect(compare.notFound, compare.answer).toBe(false);
    // 苏州 says no 党建品牌, but 品牌 in the body of a label (…廉洁文化周品牌活动).
    expect(rowOf(compare, '苏州工业职业技术学院')?.practice, compare.answer).not.toBeNull();
    expect(compare.table!.rows.filter((row) => row.practice !== null).length).toBeGreaterThan(1);
    const draft = await ask('帮我整理一份党建引领产教融合的会议材料，包括背景、主要做法、成效和启示。', 'summary');
    expect(draft.notFound, draft.answer).toBe(false);
    expect(draft.answer.split('\n')[0]).toBe('# 关于“党建引领产教融合”的典型经验材料');
    expectSupported(draft);
    // What the draft is for (…，支部学习会上用) is neither searched for nor its title.
    const forMeeting = await ask('整理一份嘉职院加强教师队伍建设的经验材料，支部学习会上用', 'summary');
    expect(forMeeting.notFound, forMeeting.answer).toBe(false);
    expect(forMeeting.answer.split('\n')[0]).toBe('# 关于“嘉职院加强教师队伍建设”的典型经验材料');
    // 经验交流材料 names the draft's kind, not its topic.
    const exchange = await ask('帮我起草一份党建促就业的经验交流材料', 'summary');
    expect(exchange.notFound, exchange.answer).toBe(false);
    expect(exchange.answer.split('\n')[0]).toBe('# 关于“党建促就业”的典型经验材料');
  });

  it('a draft on a topic of a college\'s work draws its practices from what says the topic', async () => {
    const teachers = await ask('整理一份嘉职院加强教师队伍建设的经验材料', 'summary');
    const practices = teachers.answer.slice(teachers.answer.indexOf('## 二、主要做法'), teachers.answer.indexOf('## 三、取得成效'));
    expect(practices).toContain('四大工程');
    // 建党百年 events are the college's work, not its teachers'.
    expect(practices).not.toContain('南湖峰会');
    expectSupported(teachers);
  });
});

describe('questions that compare two things', () => {
  it('answers each side under its own name from its own articles, one citation numbering for both', async () => {
    const end = await ask('嘉兴职业技术学院与台州科技职业学院在校企合作上有何不同？');
    expect(end.notFound, end.answer).toBe(false);
    const [first, second] = end.answer.split('**台州科技职业学院**');
    expect(first).toContain('**嘉兴职业技术学院**');
    expect(second).toBeDefined();
    // Each side cites its own college's articles only.
    const cited = (part: string): string[] => [...part.matchAll(/\[(\d+)\]/g)].map((match) => end.citations.find((citation) => citation.n === Number(match[1]))!.college);
    expect(new Set(cited(first!))).toEqual(new Set(['嘉兴职业技术学院']));
    expect(new Set(cited(second!))).toEqual(new Set(['台州科技职业学院']));
    expect(end.citations.map((citation) => citation.n)).toEqual(end.citations.map((_, index) => index + 1));
    expectSupported(end);
  });

  it('says which side the corpus has nothing on, and still answers the other', async () => {
    const end = await ask('嘉兴职业技术学院和清华大学在校企合作上有何不同？');
    expect(end.notFound).toBe(false);
    expect(end.answer).toContain('没有找到关于“清华大学”的相关内容');
    expect(end.answer.split('**清华大学**')[0]).toMatch(/\[1\]/);
  });

  it('refuses when neither side has evidence', async () => {
    const end = await ask('清华大学和北京大学在校企合作上有何不同？');
    expect(end.notFound).toBe(true);
  });
});


describe('a counted name (三服务, 三亮三比) typed without quotation marks, or asked how it was done', () => {
  it('is answered by its parts, and how it was done by each part with the sentence it introduces', async () => {
    const parts = await ask('三服务是指什么');
    expect(claimLines(parts.answer).slice(0, 3).map((line) => line.replace(/\[\d+\]/gu, ''))).toEqual(['- 服务大局。', '- 服务群众。', '- 服务社会。']);
    const done = await ask('三服务工程是怎么做的');
    expect(claimLines(done.answer)[0]).toContain('服务大局。发挥党支部的“智囊团”作用');
    expect(claimLines(done.answer)[2]).toContain('服务社会。开展为人民服务工程');
    // The README's own example: not bare headings (亮身份。亮职责。亮承诺。).
    const shown = await ask('“三亮三比”是怎么做的？');
    expect(claimLines(shown.answer)[0]).toContain('亮身份。开展“党员先锋岗”活动');
    for (const end of [parts, done, shown]) expectSupported(end);
  });

  it('points a follow-up at the part the list gave (第三个具体做了啥 → 服务社会)', async () => {
    const [, end] = await askInTurn('风能学院三服务工程是哪三服务', '第三个具体做了啥');
    expect(leadLine(end!.answer)).toContain('巾帼标兵');
  });

  it('a part asked of its whole (亮承诺, 三比, 融入师德建设) is told by its own label and body, not by another list', async () => {
    for (const question of ['风能学院的亮承诺是啥意思', '三亮三比里的亮承诺是什么意思']) {
      const end = await ask(question);
      expect(leadLine(end.answer), question).toMatch(/^亮承诺。建立“党员积分管理手册”/u);
      expect(end.answer, question).not.toContain('服务大局');
    }
    const compared = await ask('风能学院三亮三比里的三比是比啥');
    expect(leadLine(compared.answer)).toMatch(/^比履职能力、比服务能力、比工作业绩/u);
    const item = await ask('风能学院三融教育里融入师德建设具体指啥');
    expect(leadLine(item.answer)).toContain('党建工作融入师德建设，在全院范围内开展师德师风专题报告会');
    for (const end of [compared, item]) expectSupported(end);
  });
});

describe('follow-ups about another college after a question that named a unit', () => {
  it('asks the same question of the college named next (自动化学院涌现了… → 那苏工院呢)', async () => {
    const end = await askAfter('自动化学院涌现了哪些优秀学生代表', '那苏工院呢');
    expect(end.searchedFor).toBe('苏工院涌现了哪些优秀学生代表');
    expect(leadLine(end.answer)).toContain('马庆斋');
  });
});

describe('questions typed in traditional characters', () => {
  it('answers them from the simplified articles, and shows the search in simplified characters', async () => {
    const end = await ask('嘉職院的入黨申請人比例是多少');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.searchedFor).toBe('嘉职院的入党申请人比例是多少');
    expect(leadLine(end.answer)).toContain('93.8%');
    expectSupported(end);
  });

  it('reads traditional characters in a follow-up and in the question it follows', async () => {
    const end = await askAfter('蘇工院智能製造支部實施了哪幾個項目', '第二個呢');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.searchedFor).toBe('苏州工业职业技术学院“示范”项目？');
  });
});

describe('names and lists written without their marks or separators', () => {
  it('a label\'s quoted name asked without its marks (手拉手一帮一) is told by the section it heads', async () => {
    const end = await ask('手拉手一帮一是做什么的');
    expect(leadLine(end.answer)).toContain('一位党员教师对接一位群众教师');
    expectSupported(end);
  });

  it('a name\'s parts joined by dashes (“A——B——C”) are its list, cut to the clause naming it', async () => {
    const end = await ask('自动化学院的大思政育人格局由哪三部分组成？');
    const lead = leadLine(end.answer);
    expect(lead).toContain('先锋模范党建育人——工匠精神专业育人——公益服务实践育人');
    expect(lead).not.toContain('樊文天');
    expectSupported(end);
  });

  it('asked which media reported it, the examples of media lead, not a list of companies beside them', async () => {
    const end = await ask('苏工院智能制造支部被哪些媒体报道过');
    expect(leadLine(end.answer)).toContain('光明日报、苏州日报等媒体');
    // Titles side by side (《人民日报》《光明日报》等权威媒体) are examples of the kind too.
    const titled = await ask('嘉兴职业技术学院的“红船铸魂”育人模式被哪些媒体报道推广了');
    expect(leadLine(titled.answer)).toContain('《人民日报》《光明日报》等权威媒体');
    const practice = await ask('嘉职院的做法被哪些媒体报道');
    // Either article list of media may lead; both are shown, not a sentence of its works.
    expect(leadLine(practice.answer)).toMatch(/26家主流媒体|《人民日报》《光明日报》/u);
    expect(practice.answer).toContain('26家主流媒体');
    for (const answer of [end, practice]) expectSupported(answer);
  });
});

describe('office words, counts by another measure word, and people the articles do not name', () => {
  it('reads office words as the articles\' own (套路 for 范式, 加把劲 for 助推)', async () => {
    const pattern = await ask('台州科院机电模具学院的党建工作最后形成了什么套路');
    expect(pattern.notFound, pattern.answer).toBe(false);
    expect(pattern.answer).toContain('可复制、可示范、可推广');
    const pushed = await ask('台州科院五育人才培养模式是给什么加把劲');
    expect(pushed.answer).toContain('助推新质生产力');
  });

  it('answers a count of rooms asked by 间 with the count the article gives by 个 (两个实验室)', async () => {
    const end = await ask('嘉职院有多少间重点实验室');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('两个实验室');
  });

  it('refuses the name of someone the article only counts (千名好支书1人)', async () => {
    const end = await ask('台州科院那位浙江省千名好支书叫什么名字');
    expect(end.notFound, end.answer).toBe(true);
  });
});

describe('what the articles say of a person they name', () => {
  it('a person jieba cuts apart, asked what they are or won, is answered by the clause naming them', async () => {
    const cases: [string, string][] = [
      ['自动化学院的朱光耀是啥身份', '铁路劳动模范朱光耀'],
      ['方文浩拿过啥奖', '全国高职挑战杯特等奖获得者方文浩'],
      ['马庆斋是啥称号', '马庆斋等全国大学生自强之星'],
      ['自动化学院党员张伟中入选了啥', '张伟中入选 2021年杭州市经济和信息化局评审专家库专家'],
    ];
    for (const [question, says] of cases) {
      const end = await ask(question);
      expect(end.notFound, `${question}: ${end.answer}`).toBe(false);
      expect(leadLine(end.answer), question).toContain(says);
      expectSupported(end);
    }
  });

  it('a follow-up naming people by what they did (去的老师都有谁) is answered from the conversation\'s college', async () => {
    const [, end] = await askInTurn('自动化学院援疆援青去了哪几所学校', '去的老师都有谁');
    expect(leadLine(end!.answer)).toContain('副院长刘哲纬、机电一体化技术专业带头人黄忠慧');
  });

  it('a province before an organisation\'s name (浙江红船干部学院) names no college of the corpus beside another college', async () => {
    const end = await ask('嘉职院跟浙江红船干部学院合作建了啥');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('与浙江红船干部学院等四方共建马克思主义学院');
    // Alone, a province and a unit (浙江自动化学院, 湖南风能学院) are that college's unit.
    for (const question of ['浙江自动化学院党总支获得过哪些荣誉', '湖南风能学院实施了哪些工程']) expect((await ask(question)).notFound, question).toBe(false);
  });

  it('a person asked of a role they do not hold gets a no, not a refusal naming "黄忠慧是自动化学院"', async () => {
    const end = await ask('黄忠慧是自动化学院副院长吗');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toMatch(/^不是/u);
    expect(end.answer).toContain('副院长刘哲纬');
  });
});

describe('lists of honours, of whom they were asked', () => {
  it('a list received (先后荣获A、B和C) answers 获过哪些称号, not a list of firms or of what students won', async () => {
    const end = await ask('苏工院智能制造团队获过哪些称号');
    expect(leadLine(end.answer)).toContain('先后荣获国家级教育教学创新团队');
    expectSupported(end);
  });

  it('points that state no honour (聚焦“铸魂引领”，实施“筑基”项目…) are no list of the titles asked', async () => {
    const end = await ask('苏工院智能制造支部获过哪些称号');
    expect(leadLine(end.answer)).not.toContain('铸魂引领');
  });

  it('a list in a sentence that says next to nothing of the topic (邀请…全国五一劳动奖章获得者) does not lead before one that does', async () => {
    const end = await ask('台州科院教师拿过哪些国家级的奖');
    expect(leadLine(end.answer)).toMatch(/^教师获全国高职院校教学能力大赛二等奖1项/u);
  });

  it('narrows the list asked and then asks the same of another level', async () => {
    const [, narrowed, level] = await askInTurn('苏工院智能制造团队获过哪些称号', '其中哪些是国家级的', '那省级的呢');
    expect(narrowed!.searchedFor).toContain('称号中国家级的');
    expect(leadLine(narrowed!.answer)).toContain('国家级教育教学创新团队');
    if (!level) throw new Error('no third answer');
    expect(level.searchedFor).toContain('称号中省级的');
    expect(level.searchedFor).not.toContain('国省级');
    expect(leadLine(level.answer)).toContain('省科技创新团队');
  });
});

describe('questions in office words, and names their labels give', () => {
  it('a name asked of what a sentence tells is its run-in label\'s, which leads the answer', async () => {
    // 三是推进“廉风洁雨”建设。通过组织党员…营造廉洁文化氛围…: the sentence says 廉洁文化, its label names it.
    const end = await ask('苏州工业职业技术学院智能制造教工党支部的廉洁文化建设叫什么？');
    expect(end.notFound, end.answer).toBe(false);
    expect(leadLine(end.answer)).toMatch(/^推进“廉风洁雨”建设。通过组织党员/u);
    expectSupported(end);
  });

  it('a label\'s name answers only a sentence that says the whole topic', async () => {
    // 推进“三室一岗”建设 heads sentences about 书记工作室…, not about 廉洁文化.
    const end = await ask('苏州工业职业技术学院智能制造教工党支部的党员先锋岗叫什么？');
    expect(leadLine(end.answer)).not.toContain('廉风洁雨');
  });

  it('asked which body a unit belongs to, the article\'s unit in full is said, and 隶属于 is no topic', async () => {
    const end = await ask('苏州工业职业技术学院智能制造教工党支部隶属于哪个系的党总支？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).toContain('精密制造工程系党总支');
  });

  it('the words office staff use for the articles\' own are read as them', async () => {
    const cases: [string, RegExp][] = [
      ['苏州工业职院智能制造老师党支部立项建了几门教育部和省里的课程思政样板课？', /示范课程2门/u],
      ['台州科技职院机电模具学院跟企业一起开了多少个工匠班和定向培养班？', /订单班40个/u],
      ['台州科技职业学院机电与模具工程学院2024届毕业生的去向落实率有多少？', /就业率达98%以上/u],
      ['苏州工业职业技术学院智能制造教工党支部的经验做法被报刊登载过多少次？', /20多次报道/u],
      ['苏州工业职业技术学院智能制造教师党支部在新冠期间怎样支援企业恢复生产？', /复工复产/u],
      ['湖南电气职业技术学院风能工程学院教工党支部组织党员去福利院当义工，这个活动叫什么？', /风能蒲公英/u],
    ];
    for (const [question, answer] of cases) {
      const end = await ask(question);
      expect(end.notFound, `${question}\n${end.answer}`).toBe(false);
      expect(leadLine(end.answer), question).toMatch(answer);
    }
  });

  it('asked what team was founded, the team\'s name leads, and a numeral with its classifier is no topic', async () => {
    const cases: [string, string][] = [
      // 一支 is how many; the team is the 无人机森立安全巡防队 (the article's spelling).
      ['台州科技职业学院机电与模具工程学院与大峃镇成立了一支什么队伍？', '与大峃镇成立无人机森立安全巡防队'],
      ['台州科院机电模具学院组建了什么党员志愿服务队伍？', '组建“匠心机电”党员志愿服务先锋队'],
      ['嘉职院成立了什么宣讲团？', '新时代大学生百人宣讲团'],
    ];
    for (const [question, lead] of cases) {
      const end = await ask(question);
      expect(end.notFound, `${question}\n${end.answer}`).toBe(false);
      expect(leadLine(end.answer), question).toContain(lead);
      expect(leadLine(end.answer).length, question).toBeLessThanOrEqual(40);
    }
  });

  it('a college named by a short name no article is of is refused as such, asked alone or as a follow-up', async () => {
    for (const end of [await ask('深职院有啥党建典型经验'), await askAfter('嘉职院有啥党建经验', '那深职院呢')]) {
      expect(end.notFound, end.answer).toBe(true);
      expect(end.answer).toContain('没有提到“深职院”');
    }
  });

  it('a headcount the articles never give is refused: winners counted, a year and 一位 are no count of members', async () => {
    for (const question of ['风能学院教工党支部有多少名党员', '苏工院那个党员技术服务团队有多少人', '自动化学院党总支有多少党员']) {
      const end = await ask(question);
      expect(end.notFound, `${question}\n${end.answer}`).toBe(true);
    }
    // 一 with its classifier ending an item is a count (国家教学成果一等奖一项、二等奖一项).
    const prizes = await ask('自动化学院教改项目拿了几个国家教学成果奖');
    expect(prizes.notFound, prizes.answer).toBe(false);
    expect(prizes.answer).toContain('一等奖一项、二等奖一项');
    // Asked how many won, the winners are the count.
    const winners = await ask('风能学院教工党支部有多少名党员获厅级优秀共产党员称号');
    expect(winners.notFound, winners.answer).toBe(false);
    expect(winners.answer).toContain('3名党员获厅级“优秀共产党员”称号');
  });

  it('a follow-up narrowing a list (其中第二批的是哪个) answers within the list asked about', async () => {
    const end = await askAfter('嘉职院哪些支部拿了红色名片支部党建品牌', '其中第二批的是哪个');
    expect(end.notFound, end.answer).toBe(false);
    expect(leadLine(end.answer)).toContain('虚拟现实应用技术专业党支部获第二批红色名片');
    // The lead is the clause that says which, not the first batch beside it.
    expect(leadLine(end.answer)).not.toContain('首批');
    const first = await askAfter('嘉职院哪些支部拿了红色名片支部党建品牌', '首批的有哪几个');
    expect(leadLine(first.answer)).toContain('机关第三党支部、园林园艺专业党支部、物流管理文秘专业党支部获市属教育系统首批');
    expect(leadLine(first.answer)).not.toContain('第二批');
  });

  it('a follow-up asking another kind of answer (效果如何 after …是怎么回事) may lead with what was shown', async () => {
    const end = await askAfter('嘉职院教师评价改革的首关制是怎么回事', '效果如何');
    expect(leadLine(end.answer), end.answer).toContain('取消了5名政治素质评价不过关人员的申报资格');
    expect(leadLine(end.answer)).not.toContain('直聘');
  });

  it('a narrowing follow-up finds its item among what the last answer showed, and its year after 那是哪年的', async () => {
    const national = await askAfter('台州科院有哪些案例入选了典型案例', '其中全国的是哪个');
    expect(leadLine(national.answer), national.answer).toContain('《长三角模具产教联盟打造“政校行企”产教融合生态圈》案例入选全国2021年产教融合校企合作典型案例');
    expect(leadLine(national.answer)).not.toContain('“红链”引领');
    const history = [
      { role: 'user' as const, content: '其中全国的是哪个' },
      { role: 'assistant' as const, content: national.answer },
    ];
    const year = await answers.answerOnce({ question: '那是哪年的', mode: 'qa', history, filters: {} }, AbortSignal.timeout(30_000));
    expect(leadLine(year.answer), year.answer).toMatch(/^《长三角模具产教联盟[^\n]*全国2021年/u);
    expectSupported(year);
  });

  it('分别是第几批 after a yes or no of two colleges gives each its batch (首批 counts as one); 第几场 its meeting', async () => {
    const end = await askAfter('苏工院和自动化学院都有黄大年式教师团队吗', '分别是第几批');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toMatch(/\*\*苏工院\*\*\n[^\n]*第二批全国高校黄大年式教师团队/u);
    expect(end.answer).toMatch(/\*\*自动化学院\*\*\n[^\n]*首批全国高校黄大年式教师团队/u);
    expectSupported(end);
    // Which of a series of meetings (第几场) is answered by its ordinal (首场).
    const meeting = await ask('苏工院智能制造支部那个打造教学创新团队的案例，是教育部那年第几场发布会拿去当典型的？');
    expect(claimLines(meeting.answer)[0], meeting.answer).toContain('首场新闻发布会');
  });

  it('a yes or no claiming the year a thing was done is answered no by the year the article gives', async () => {
    const end = await ask('苏工院支部是2022年评上江苏省高校先进基层党组织的吗');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toMatch(/^不是。.*写的是2021年，不是2022年/u);
    expect(end.answer).toContain('2021年度，支部荣获江苏省高校先进基层党组织称号');
    expectSupported(end);
    // Asked whether it happened that year, not when, the article's silence on the year settles nothing.
    const still = await ask('苏工院支部2023年还获得过江苏省高校先进基层党组织称号吗');
    expect(still.answer).not.toMatch(/^不是/u);
  });

  it('a yes or no asked of two (A和B都有…吗) is answered for each, each with its verdict', async () => {
    const end = await ask('苏工院和自动化学院都有黄大年式教师团队吗');
    expect(end.notFound, end.answer).toBe(false);
    const [suzhou, automation] = end.answer.split('**自动化学院**');
    expect(suzhou).toMatch(/\*\*苏工院\*\*\n有。/u);
    expect(suzhou).toContain('黄大年式教师团队');
    // The sentence that settles it leads, not the one saying the team is being built.
    expect(automation).toMatch(/^\n有。\n智能控制技术教学团队”获得首批“全国高校黄大年式教师团队”/u);
    expectSupported(end);
  });

  it('a comparison of aid to other places finds each college that gives it, in its own words (对口扶持援疆援青, 对口帮扶)', async () => {
    for (const question of ['各校对外帮扶的地区和做法列个对比表', '各校援疆援青、东西部协作的做法对比']) {
      const end = await ask(question, 'compare');
      expect(rowOf(end, '浙江机电职业技术学院').practice?.text ?? '', question).toMatch(/援疆援青|东西部协作/u);
      expect(rowOf(end, '嘉兴职业技术学院').practice?.text ?? '', question).toContain('对口帮扶');
    }
  });

  it('a list led by a few items gains the sentences that each say the whole topic (one 案例入选… each)', async () => {
    const end = await ask('台州科院有哪些案例入选了典型案例');
    expect(end.notFound, end.answer).toBe(false);
    for (const name of ['双线耦合、四维融合', '“红链”引领', '长三角模具产教联盟']) expect(end.answer).toContain(name);
    expectSupported(end);
  });

  it('a second reader\'s misfires of these rules stay mended', async () => {
    // The article's own bound (超过一百万人次) answers a question asking it.
    expect((await ask('嘉职院初心第一课观看量超过一百万人次了吗')).answer).toMatch(/^是。/u);
    // 政治素质考察 is no visit; 省里 is no synonym that lists 6支队伍 as 标杆院系.
    expect((await ask('有多少人来嘉职院参观')).notFound).toBe(true);
    expect((await ask('省里的标杆院系有哪些')).answer).not.toContain('6支队伍');
    // Counts of things selected (7个案例入选) and written in words (经过两年建设) are answered.
    expect((await ask('嘉职院有几个案例被收进三全育人丛书')).answer).toContain('7个案例入选');
    expect((await ask('风能学院经过几年建设')).answer).toContain('经过两年建设');
    // A part of a corpus college's name said short is that college; 本科院校 names no college.
    expect((await ask('电气职院有什么党建做法')).notFound).toBe(false);
    expect((await ask('台州科院是本科院校吗')).answer).not.toContain('本科院”');
    // A pair's side that is a college with articles is not said to be missing from them.
    const pair = await ask('苏工院和嘉职院都获得过黄大年式教师团队吗');
    expect(pair.answer).not.toContain('没有找到关于“嘉职院”');
    // 都 after two things that are not organisations is no pair.
    expect((await ask('党建和业务都融合了吗')).answer).not.toMatch(/^\*\*党建\*\*/u);
    // A name stops before what is said of it.
    expect((await askAfter('黄忠慧获得过什么奖', '她去哪里援疆了')).searchedFor).toBe('黄忠慧去哪里援疆了？');
  });
});

describe('a part of a whole, an aim, a level swapped, a person\'s own clause', () => {
  it('a part asked of its whole (“三亮三比”工程的亮承诺) leads with the part, not the sentence naming the whole', async () => {
    for (const question of ['“三亮三比”工程的亮承诺是什么？', '三亮三比工程的亮承诺是啥', '三亮三比工程里的亮承诺是什么']) {
      const end = await ask(question);
      const [lead] = claimLines(end.answer);
      expect(lead, question).toContain('建立“党员积分管理手册”');
      expect(lead, question).not.toContain('五大工程');
    }
    const [done] = claimLines((await ask('三亮三比里亮身份是怎么做的')).answer);
    expect(done).toContain('开展“党员先锋岗”活动');
    expect(done).not.toContain('亮职责');
  });

  it('the effect a branch aims at (要达成啥效果) is the one it names, not an honour it won', async () => {
    const [lead] = claimLines((await ask('苏工院行动支部建设要达成啥效果')).answer);
    expect(lead).toContain('行动有实效、方法可示范、党员成标杆');
  });

  it('那省级的呢 after …拿了哪些国家级奖 may show the sentence the last answer showed: it holds both', async () => {
    const [, provincial] = await askInTurn('风能学院师生技能竞赛拿了哪些国家级奖', '那省级的呢');
    const [lead] = claimLines(provincial!.answer);
    expect(lead).toContain('湖南省一等奖2项');
  });

  it('a person\'s profile is their clause, not the next people\'s', async () => {
    expect(claimLines((await ask('刘哲纬拿过啥奖')).answer)[0]).toBe('党总支委员刘哲纬入选 2020浙江省“万人计划”。[1]');
    expect(claimLines((await ask('于施佳获得过什么荣誉')).answer)).toEqual(['党总支副书记于施佳获 2021年省“最受师生喜爱书记”。[1]']);
  });

  it('a level asked with an agency (浙江省经信厅的) or fused with its noun (省级重点) is told against the article\'s', async () => {
    const agency = await ask('张伟中入选的是浙江省经信厅的评审专家库吗');
    expect(agency.answer).toMatch(/^文章没有提到/u);
    expect(agency.answer).toContain('杭州市经济和信息化局');
    expect((await ask('嘉职院两个实验室是省级重点实验室吗')).answer).toMatch(/^文章没有提到“省级重点实验室”/u);
    expect((await ask('张伟中入选的是杭州市经信局的评审专家库吗')).answer).toMatch(/^是。/u);
  });
});

describe('claims put to be checked, and the words office staff use for them', () => {
  it('…，对不对 is a yes or no, said 对 or 不对; a change stated whole claims both its ends', async () => {
    expect((await ask('嘉职院入党申请人比例是从75.3%升到93.8%，对不对？')).answer).toMatch(/^对。/u);
    expect((await ask('嘉职院入党申请人比例是从75.3%升到98.3%，对不对？')).answer).toMatch(/^不对。/u);
    expect((await ask('嘉职院入党申请人比例是从70.3%升到93.8%吗')).answer).toMatch(/^不是。/u);
  });

  it('counts of two things are each told by the clause counting that thing (“黄牌”5张、“红牌”7张), whatever no stands elsewhere in the sentence', async () => {
    expect((await ask('嘉职院一共发了5张黄牌7张红牌，对吗？')).answer).toMatch(/^对。/u);
    expect((await ask('嘉职院一共发了7张黄牌5张红牌，对吗？')).answer).toMatch(/^不对。/u);
  });

  it('a claim ending in a question mark, a batch, a level opening a name\'s clause: each is told against the article', async () => {
    expect((await ask('嘉职院的现代农业学院、城市建设学院党总支是全国标杆院系？')).answer).toMatch(/^文章没有提到“全国标杆院系”/u);
    expect((await ask('风能学院教工支部对标的是第一批双创重点任务指南吗？')).answer).toMatch(/^不是。/u);
    expect((await ask('苏工院智能制造支部的16个党员先锋岗是依托国家级平台设的吗？')).answer).toMatch(/^文章没有提到“国家级平台”/u);
    expect((await ask('16个党员先锋岗依托的是省级平台吗')).answer).toMatch(/^是。/u);
  });

  it('the unit a branch is claimed to belong to is told by the article\'s unit in full', async () => {
    const wrong = await ask('苏工院智能制造支部是归智能制造学院党总支管的吗？');
    expect(wrong.answer).toMatch(/^不是。/u);
    expect(wrong.answer).toContain('精密制造工程系党总支智能制造教工党支部');
    expect((await ask('苏工院智能制造支部是归精密制造工程系党总支管的吗？')).answer).toMatch(/^是。/u);
    // What a college is said to be is no unit it belongs to.
    expect((await ask('嘉职院是双高学院吗')).answer).not.toMatch(/^不是。/u);
  });

  it('a year claimed with 吧 or before what was done (是2021年立项的…吗) is answered no by the year the article gives', async () => {
    for (const question of ['风能学院的新能源装备技术团队和思政教学团队都是2021年立的省级创新团队吧？', '风能学院的新能源装备技术团队是2021年立项的省级创新团队吗？']) {
      expect((await ask(question)).answer, question).toMatch(/^不是。.*写的是2020年，不是2021年/u);
    }
  });

  it('合建 is 合作共建, and a name\'s parts are the same name whatever marks stand between them', async () => {
    const built = await ask('嘉职院跟企业合建了哪些产业学院？');
    expect(built.notFound, built.answer).toBe(false);
    expect(built.answer).toContain('桃园数字产业学院');
    const focus = await ask('苏工院那个支部的“筑基、示范、向阳”三个项目分别聚焦啥？');
    expect(focus.notFound, focus.answer).toBe(false);
    for (const focused of ['铸魂引领', '智能制造', '人人出彩']) expect(focus.answer).toContain(focused);
  });

  it('a whole named with 里 and a number asked of it (专业群里算第几梯队) is no part asked', async () => {
    const end = await ask('浙江机电自动化学院的“智控专业”群在国家高水平专业群里算第几梯队？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('国家高水平 A 档');
  });
});

describe('what a follow-up won, which part of the work a thing is in, which colleges say a topic', () => {
  it('全省有几家高职拿到 after …挑战杯拿了什么奖 asks of what was won, told in the same sentence', async () => {
    const [, count] = await askInTurn('嘉职院挑战杯拿了什么奖', '全省有几家高职拿到');
    expect(count!.answer).toContain('全省仅3家高职院校获此殊荣');
  });

  it('这属于哪个工程 is told by the heading over the sentence that says the thing', async () => {
    const [, section] = await askInTurn('风能学院的党员积分管理手册是干嘛用的', '这属于哪个工程');
    expect(claimLines(section!.answer)[0]).toContain('实施“三亮三比”工程');
    expect(claimLines((await ask('风能蒲公英志愿服务属于哪个工程')).answer)[0]).toContain('实施“四个一”工程');
  });

  it('listing the colleges that say a topic, each is heard by a sentence saying it, and 标杆 alone is no 标杆院系', async () => {
    const departments = await ask('哪几所学校的院系是标杆院系？');
    expect(departments.answer.split('\n')[0]).toContain('浙江机电职业技术学院');
    const said = await ask('哪几个学校提到了党建工作标杆院系？');
    expect(said.answer.split('\n')[0]).not.toContain('苏州工业职业技术学院');
  });
});

describe('an item of a counted list asked by its place', () => {
  it('五大工程里第一个, 最后一个, 四大工程里的第二个: the item at that place, told by its heading where it has one', async () => {
    expect(claimLines((await ask('风能学院五大工程里第一个是啥')).answer)[0]).toContain('实施“四个一”工程');
    expect(claimLines((await ask('嘉职院四大工程里的第二个是什么')).answer)[0]).toMatch(/^精英引航/u);
    const [, last] = await askInTurn('风能学院五大工程里第一个是啥', '那最后一个呢');
    expect(claimLines(last!.answer)[0]).toContain('实施“手拉手、一帮一”工程');
  });
});

describe('an item of a named whole asked by what it says', () => {
  it('“四个一”中哪一项…活动日: the item whose text says it, with that text; not the item after it', async () => {
    const [day] = claimLines((await ask('风能学院“四个一”里，哪一项带着一个每月的活动日？')).answer);
    expect(day).toContain('掌握入党积极分子学习状态');
    expect(day).toContain('风能党员活动日');
    const [welfare] = claimLines((await ask('风能学院“四个一”里哪一条要跟福利院对接？')).answer);
    expect(welfare).toContain('参加志愿者活动');
    expect(welfare).not.toContain('三亮三比');
  });

  it('“三亮三比”里哪一项…积分手册: the item whose text says it leads, over the item holding most of the topic words', async () => {
    const [line] = claimLines((await ask('风能学院“三亮三比”里哪一项要求建党员积分手册？')).answer);
    expect(line).toMatch(/^亮承诺/u);
  });

  it('“三服务”对应“七个有力”中的哪一条: the heading pairing them, alone', async () => {
    const [line] = claimLines((await ask('风能学院的“三服务”工程落实的是“七个有力”中的哪一条？')).answer);
    expect(line).toContain('落实组织师生有力');
    expect(line).not.toContain('四个一');
  });
});

describe('a count in the unit asked, and a part asked by its place in an uncounted section', () => {
  it('多少家 beside 80个项目 and 26家主流媒体: the clause counting 家 leads', async () => {
    const [line] = claimLines((await ask('嘉职院出台“服务共富”八大工程以后，主流媒体予以报道的有多少家？')).answer);
    expect(line).toContain('26家主流媒体');
  });

  it('“事业发展硕果累累”下面的几块里，第三块: that part alone, not the list', async () => {
    const lines = claimLines((await ask('风能学院“事业发展硕果累累”下面的几块里，第三块是什么？')).answer);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('社会服务');
  });
});

describe('a table request that says which text to draw on', () => {
  it('几所学院文章里凡是写明拿了一等奖的: drawn up from that clause, whatever its occasion names that no article writes', async () => {
    const end = await ask('学工处年底要开总结会，科长这回只看“一等奖”。几所学院文章里凡是写明拿了一等奖的，按学校列个表：奖项原话｜谁拿的｜哪一级', 'compare');
    expect(end.notFound).toBe(false);
    expect(end.table!.rows.some((row) => row.sources.length > 0 && `${row.practice?.text ?? ''}${row.outcome?.text ?? ''}`.includes('一等奖'))).toBe(true);
  });

  it('…不算标杆院系，别放进来；“样板支部”…: what is left out is no kind of branch no article writes', async () => {
    const end = await ask('宣传部要给各系讲讲“标杆院系”是怎么创建的。几所学院文章里写到“标杆院系”的，按学校列：哪个院系｜做了什么｜结果。苏工院那篇是支部，不算标杆院系，别放进来；“样板支部”这些也另算', 'compare');
    expect(end.notFound).toBe(false);
    expect(end.table!.rows.filter((row) => row.sources.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('an office holding a branch meeting (组织部下周开支部书记述职会) is no kind of branch no article writes', async () => {
    const end = await ask('组织部下周开支部书记述职会，文章里写到“双带头人”的几个学校，整理一份发言参考材料', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('双带头人');
    expect((await ask('写一份研究生党支部建设的会议材料', 'summary')).notFound).toBe(true);
  });

  it('what not to write, named after the verb (不要写嘉职院的绩效改革), is left out, and its college asks for nothing', async () => {
    const end = await ask('组织部下周开支部书记述职会，文章里写到“双带头人”的几个学校，整理一份发言参考材料，不要写嘉职院的绩效改革', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('双带头人');
    expect(end.answer).not.toContain('绩效');
  });

  it('a draft or a table holds nothing the request leaves out (援疆援青那段不写; …是援疆援青，不算企业，也都别放进来)', async () => {
    const draft = await ask('给支委会整理一份浙江机电自动化学院党总支党建引领育人的材料。援疆援青那段不写，获奖的个人名单也不要。', 'summary');
    expect(draft.notFound, draft.answer).toBe(false);
    expect(draft.answer).not.toContain('援疆援青');
    expect(draft.answer.split('\n')[0]).not.toContain('不写');
    const table = await ask('按学校列表比较各学院怎么搞校企党建共建。和新疆、青海院校的共建是援疆援青，不算企业，也都别放进来。', 'compare');
    expect(table.notFound, table.answer).toBe(false);
    expect(table.answer).not.toMatch(/新疆|青海/u);
    // A left-out clause that sets a condition (光是…的也不算) drops no sentence on its words.
    const forums = await ask('请列表比较几所学院办过的论坛和峰会，光是签约仪式的也不算', 'compare');
    expect(forums.notFound, forums.answer).toBe(false);
  });

  it('what a sentence sets aside all at once (…是护林，…也没写抗台，都别拿来顶) is no part of the draft', async () => {
    const end = await ask('学校要开防汛防台工作部署会，请以台州科技职业学院机电与模具工程学院党总支为例写一份会议材料：党员防汛突击队怎么组建、台风来时怎么值守和转移学生。跟大峃镇成立的无人机森林安全巡防队是护林，“匠心机电”党员志愿服务先锋队也没写抗台，都别拿来顶', 'summary');
    expect(end.notFound, end.answer).toBe(true);
  });

  it('an occasion told once that asks nothing of the articles (上周组织部带队去…学习，现场记录丢了) refuses nothing', async () => {
    const end = await ask('上周组织部带队去苏州、台州两地学习，考察了苏州工业职业技术学院精密制造工程系智能制造教工党支部和台州科技职业学院机电与模具工程学院党总支，现场记录丢了。请按考察对象基本情况、两家党建服务产业的主要做法、取得的成效写一份学习考察报告', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('苏州工业职业技术学院');
    expect(end.answer).toContain('台州科技职业学院');
    // What the occasion names that no article writes, asked again in the request, is its topic.
    expect((await ask('学校要开防汛工作部署会。请以台州科技职业学院机电与模具工程学院党总支为例写一份会议材料：党员防汛突击队怎么组建、汛期怎么值守', 'summary')).notFound).toBe(true);
  });

  it('an occasion set aside leaves a topic to draw on, or the request is refused; one naming a field of work is said in the notice', async () => {
    // Only a superior's asking and who acts are left (书记要讲话；几所学院的做法): nothing to draw on.
    for (const request of ['学校下个月启动心理健康教育活动月，书记要讲话。请把几所学院的做法整理成讲话提纲', '下周一全校开安全生产月动员会，书记要致辞。请把几所学院的好做法整理成致辞提纲']) {
      expect((await ask(request, 'summary')).notFound, request).toBe(true);
    }
    const inspected = await ask('最近要迎接疫情防控工作检查。请把几所学院党组织发挥战斗堡垒作用的做法整理成一页材料', 'summary');
    expect(inspected.notFound, inspected.answer).toBe(false);
    expect(inspected.notice?.message ?? '').toMatch(/防控|检查/u);
  });

  it('the kind of text asked and its parts (欢迎词的结尾, 班会教案的小结, 年鉴条目) are no topic no article writes', async () => {
    const welcome = await ask('台州科技职业学院机电与模具工程学院党总支要来交流党建联建，院长要致欢迎词。请以那篇报道为底子写一篇：开头欢迎，中间点到对方三四项做法和成绩，结尾落到希望交流的两三个话题（只能是文中写过的做法）', 'summary');
    expect(welcome.notFound, welcome.answer).toBe(false);
    const lesson = await ask('辅导员下周给学生上一节主题班会，让我们党总支帮着出教案。请写一份班会教案：导入、案例、讨论题、小结，案例用浙江机电职业技术学院自动化学院党总支培养优秀学生的做法', 'summary');
    expect(lesson.notFound, lesson.answer).toBe(false);
    // Office genres and their layout (黑板报的报头、栏目, 长图的数据块) frame the text too, and so does how to
    // fill it (几个数看不出是否共用一个年份的也写“未写”, 学生姓名只用文中点了名的).
    const chart = await ask('宣传部要做一张竖版长图，讲台州科技职业学院机电与模具工程学院访企拓岗促就业。请出6个数据块，每块两行：大数字（照原文）｜一行说明；一句话里几个数看不出是否共用一个年份的也写“未写”', 'summary');
    expect(chart.notFound, chart.answer).toBe(false);
    // 分别用…的内容 names what each part is drawn from: no clause pointing back.
    const board = await ask('五四前学生党支部要出一期黑板报，主题“青春向党 技能报国”。请写版面文字：报头一行；两个栏目，分别用嘉职院的劳动教育、台科院机模学院劳模工匠进校园的内容，每栏不超过150字。学生姓名只用文中点了名的', 'summary');
    expect(board.notFound, board.answer).toBe(false);
    expect(board.answer).toContain('劳动教育');
    // A proposal's parts (提案的案由、理由) frame it as a letter's do.
    const proposal = await ask('教代会上我打算提个提案，建议学校用红色主题给楼宇和道路命名，参照嘉职院“深入开展‘校园文化建设年’活动”的做法。请按提案格式写：标题、案由、理由、建议（3条）。理由只用文中那一段的内容，具体楼名路名留“××”', 'summary');
    expect(proposal.notFound, proposal.answer).toBe(false);
    expect(proposal.answer).toContain('校园文化建设年');
    // A column's note in brackets may hold a comma: the column bar still makes the clause layout.
    const titles = await ask('先看看兄弟院校文章里那些劳模、工匠的称号落在谁身上。就看浙机电自动化学院、台科院机模学院两篇，列表：称号原话｜持有人（点了名的照抄姓名，没点名写人数）｜文中跟它连在一起的做法', 'compare');
    expect(titles.notFound, titles.answer).toBe(false);
  });

  it('a genre said as a practice (给困难党员写慰问信的做法, 栏目建设) is what the request is about', async () => {
    const letters = await ask('整理各院校给困难党员写慰问信的做法', 'summary');
    expect(letters.notFound || (letters.notice?.message ?? '').includes('慰问信'), letters.answer).toBe(true);
    expect((await ask('对比各院校党建栏目建设的做法', 'compare')).notFound).toBe(true);
  });

  it('a clause saying which text to draw on, answered by its generic words only, says what no article writes', async () => {
    const end = await ask('宣传部年底考核要用，文章里写到意识形态工作责任制的，材料不超过500字', 'summary');
    expect(end.notice?.message).toContain('“意识形态”');
  });

  it('a clause saying which text to draw on that names what no article writes still refuses', async () => {
    expect((await ask('学校下月开巡察整改推进会，纪委书记要讲话。几所学院文章里凡是写到巡察整改的，按学校列表：反馈问题｜整改措施｜结果', 'compare')).notFound).toBe(true);
    expect((await ask('党办年底要开述职会。几所学院文章里写到网格化管理的，汇总成一份会议材料，只要做法和成效', 'summary')).notFound).toBe(true);
  });
});

describe('a draft titled by its topic, or by whose practice it tells', () => {
  it('a quoted word of two characters titles a draft only where the articles quote it too', async () => {
    const end = await ask('下周党委中心组学习，请以嘉兴职业技术学院为例，把四个以“坚持”打头的段落整理成一份会议材料，每段写清做法和成效', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).not.toContain('“坚持”');
    // Nor does a time it quotes (“2023年”“截至2023年底”这些别混).
    const welcome = await ask('请以台州科技职业学院机电与模具工程学院党总支那篇报道为底子写一篇欢迎词，点到对方三四项做法和成绩（数字、年份照原文，“2023年”“2024届”“截至2023年底”这些别混）', 'summary');
    expect(welcome.notFound, welcome.answer).toBe(false);
    expect(welcome.answer.split('\n')[0]).not.toContain('2023');
  });

  it('a long request with its occasion and layout is no title: the unit the draft tells of is', async () => {
    const end = await ask('下个月市里开教工支部书记沙龙，请了湖电风能学院教工支部书记来讲，请以湖南电气职业技术学院风能工程学院教工党支部为例，用第一人称写一篇发言稿，开头两三句交代对照《指南》、围绕“七个有力”搞五大工程，中间每项一小段，最后讲成绩', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).toBe('# 关于“七个有力”的典型经验材料（湖南电气职业技术学院风能工程学院教工党支部）');
  });

  it('a request drawn from what its scope clause names is titled by that (文章里凡是写到党员先锋岗的 → 党员先锋岗)', async () => {
    const end = await ask('几所学院文章里凡是写到党员先锋岗的，整理一份会议材料', 'summary');
    expect(end.answer.split('\n')[0]).toBe('# 关于“党员先锋岗”的典型经验材料');
  });
});

describe('a table in the order its request asks', () => {
  it('按合作企业家数从多到少: the rows writing a count of 家 first, largest first, and a line saying so', async () => {
    const end = await ask('对比各学院校企合作情况，按合作企业家数从多到少排列', 'compare');
    const rows = end.table!.rows;
    expect(rows[0]!.college).toBe('嘉兴职业技术学院');
    expect(end.answer).toContain('排序：按合作企业家数从多到少，依各行文中写明的“家”数；没有写明的排在后面。');
    const unordered = await ask('对比各学院校企合作情况', 'compare');
    expect(unordered.answer).not.toContain('排序：');
  });

  it('按获评时间从早到晚: rows by the earliest year their cells write, those writing none last', async () => {
    const end = await ask('各学院党建获得的荣誉，按获评时间从早到晚排', 'compare');
    const years = end.table!.rows.map((row) => [...`${row.practice?.text ?? ''}${row.outcome?.text ?? ''}`.matchAll(/((?:19|20)\d{2})年/gu)].map((match) => Number(match[1])));
    const firsts = years.map((written) => (written.length > 0 ? Math.min(...written) : Infinity));
    expect(firsts.filter(Number.isFinite).length).toBeGreaterThanOrEqual(2);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });
});

describe('the kind asked under its own modifier (全国性活动, not 全校性活动)', () => {
  it('a count of the kind under another modifier in the same sentence is not the one asked', async () => {
    expect(claimLines((await ask('嘉兴职业技术学院全国性活动办了多少次？')).answer)[0]).toContain('开展全国性活动26次');
  });

  it('only a scope (…性, …级) is such a modifier: 企业员工 may say 企业职工, 校企联合 may say 校企合作', async () => {
    expect((await ask('台州科技职业学院机电与模具工程学院的产教融合基地为企业职工培训了多少人次？')).answer).toContain('近2万人次');
    expect((await ask('台州科技职院机电模具学院校企合作开发了几门教材')).answer).toContain('教材7门');
  });

  it('a list closed by the kind under another modifier is another\'s; the examples of the kind asked lead', async () => {
    const national = claimLines((await ask('嘉职院庆祝建党100周年搞了哪些全国性活动')).answer)[0];
    expect(national).toContain('百名党委书记嘉兴南湖峰会');
    expect(national).not.toContain('全校性活动');
    expect(claimLines((await ask('嘉职院搞了哪些全校性活动')).answer)[0]).toContain('万名师生升国旗仪式');
  });
});

describe('a second reader\'s misfires of round 29\'s rules stay mended', () => {
  it('a level or 院系 is no parent unit; a parent said short or with its college is said', async () => {
    for (const question of ['自动化学院党总支是省级标杆院系吗', '嘉职院现代农业学院党总支是全省标杆院系吗', '风能学院教工党支部是风能学院党总支的吗', '苏工院智能制造支部是归精密制造系管的吗', '苏工院智能制造支部是苏工院精密制造工程系的吗']) {
      expect((await ask(question)).answer, question).not.toMatch(/^(?:不是|否)。/u);
    }
    // A college said short is no parent unit this rule tells; nor a unit the article never places.
    expect((await ask('风能学院教工党支部归湖南电气学院管吗')).answer).not.toMatch(/^(?:不是|否)。/u);
    expect((await ask('嘉职院服装与服饰设计专业党支部是时尚设计学院的吗')).answer).not.toMatch(/^(?:不是|否)。/u);
  });

  it('a choice (是周四还是周五？) and 是多高？ are no claims to check', async () => {
    expect((await ask('风能学院党员活动日是周四还是周五？')).answer).not.toMatch(/^(?:否|不是)。/u);
    expect((await ask('嘉职院发出的黄牌是5张还是7张？')).answer).not.toMatch(/^(?:否|不是)。/u);
    expect((await ask('嘉职院海盐学院的招生规模是多大？')).answer).toContain('4000人');
  });

  it('two counts written alike are each their own noun\'s; 是…有力吗 is said 是', async () => {
    expect((await ask('嘉职院发了5张黄牌和5张红牌吗')).answer).toMatch(/^否。/u);
    expect((await ask('风能学院对标的是七个有力吗')).answer).toMatch(/^是。/u);
  });

  it('a place asked of a list counting other than the one found, and a thing of its own after 有几个人入选, are left alone', async () => {
    expect(claimLines((await ask('嘉职院获批标杆院系的两个党总支里第一个是哪个')).answer)[0]).not.toMatch(/^机关第三党支部/u);
    const [, craftsmen] = await askInTurn('嘉职院红船精神第一课是什么', '浙江省千名好支书有几个人入选');
    expect(craftsmen!.notFound, craftsmen!.answer).toBe(false);
    expect(craftsmen!.answer).toContain('浙江省千名好支书1人');
  });

  it('a part whose first word is no word of the whole (一对一帮扶 in 手拉手一帮一) is not renamed away', async () => {
    expect((await ask('手拉手一帮一工程里一对一帮扶是怎么做的')).notFound).toBe(false);
  });

  it('那市级的呢 shows again only a sentence of the last answer that says 市', async () => {
    const [, city] = await askInTurn('嘉职院有哪些国家级的育人基地', '那市级的呢');
    expect(claimLines(city!.answer)[0]).toContain('市');
  });
});

describe('the parts a body of work falls into', () => {
  it('党建工作分哪几个板块 is told by the article\'s outline: its run-in labels, or its top headings', async () => {
    const blocks = claimLines((await ask('台州科院机电模具学院的党建工作分哪几个板块？')).answer);
    expect(blocks.map((line) => line.slice(2, 6))).toEqual(['党建引领', '党建聚智', '党建助力', '党建赋能']);
    const parts = claimLines((await ask('苏工院智能制造支部的工作分哪几个部分')).answer);
    expect(parts).toHaveLength(3);
    expect(parts[2]).toContain('实施“向阳”项目');
    // Asked for an article's subheadings, however tersely: its top headings.
    const headings = claimLines((await ask('嘉职院那篇报道正文有哪几个小标题')).answer);
    expect(headings.map((line) => line.slice(2, 10))).toEqual(['守好“红色根脉”', '锻造“红船铁军”', '建设“红船堡垒”', '培养“红船工匠”']);
    // The article pointed at by its place alone, or its parts counted.
    expect(claimLines((await ask('苏州那篇正文有哪几个小标题')).answer)).toHaveLength(3);
    expect(claimLines((await ask('嘉职院的文章分几个部分')).answer).map((line) => line.slice(2, 10))).toEqual(['守好“红色根脉”', '锻造“红船铁军”', '建设“红船堡垒”', '培养“红船工匠”']);
  });
});

describe('a list the article gives as examples of a counted whole', () => {
  it('answers 哪十个 with the ones it names (工业互联网、时尚设计、智能制造等十大重点专业群), not a refusal', async () => {
    const end = await ask('嘉职院的十大重点专业群是哪十个');
    expect(end.notFound, end.answer).toBe(false);
    for (const name of ['工业互联网', '时尚设计', '智能制造']) expect(end.answer, name).toContain(name);
    expectSupported(end);
  });
});

describe('那些 typed for 哪些', () => {
  it('is no claim to check (是从那些专业选拔的？)', async () => {
    for (const question of ['台州科院是和那些企业开展党建联建的？', '苏工院支部是在那些企业服务的？']) {
      expect((await ask(question)).answer, question).not.toMatch(/^(?:是|否|对|不对|不是)。/u);
    }
  });
});

describe('a year a yes-or-no question asks to check', () => {
  it('is checked against what the question says it of, not against any sentence of that year', async () => {
    const end = await ask('向阳项目是2019年成立的吗？');
    // 2019年先进基层党组织 and 2019年11月6日…主题教育活动 are of 2019 but about other things.
    expect(end.answer).not.toContain('2019年先进基层党组织');
    expect(end.answer).not.toContain('2019年11月6日');
    expect(end.answer).not.toMatch(/^(?:是|不是)。/u);
  });

  it('is no yes and no no where the article gives the thing no year', async () => {
    const end = await ask('风能党员活动日是2019年开始的吗？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toMatch(/^文章没有写明年份，无法确认是不是2019年。/u);
    expect(end.answer).toContain('风能党员活动日');
  });

  it('still hears yes or no where the article dates it', async () => {
    expect((await ask('苏工院人人出彩创新工作法是2022年获奖的吗？')).answer).toMatch(/^不是。/u);
    expect((await ask('嘉职院是2021年获评嘉兴市先进基层党组织的吗？')).answer).toMatch(/^是。/u);
  });
});

describe('a comparison whose request lists what it wants (积分制、党性体检、警示教育之类的)', () => {
  it('shows a further item in a cell when it says a listed thing the first does not, each item cited', async () => {
    const end = await ask('党员日常管理监督各家是怎么做的？积分制、党性体检、警示教育之类的，列表比较做法和成效', 'compare');
    const jiaxing = rowOf(end, '嘉兴职业技术学院');
    expect(jiaxing.practice?.citations, end.answer).toHaveLength(2);
    expect(jiaxing.practice?.text ?? '').toContain('警示教育');
    // Each item carries its own marker, in the table as in the row.
    const [first, second] = jiaxing.practice!.citations;
    expect(jiaxing.practice!.text).toMatch(new RegExp(`。\\[${first}\\].+。\\[${second}\\]$`, 'u'));
    expect(end.answer).toContain(jiaxing.practice!.text);
    for (const claim of claimsOf(jiaxing.practice!.text)) expectClaimSupported(claim, end.citations);
  });

  it('keeps one item per cell when the request lists nothing', async () => {
    const end = await ask('对比一下各院校开展党史教育的做法', 'compare');
    for (const row of end.table!.rows) expect(row.practice?.citations.length ?? 0, row.college).toBeLessThanOrEqual(1);
  });
});

describe('a long request for a draft or a table', () => {
  it('is drawn up from the clauses the articles answer, and titled by them', async () => {
    const draft = await ask('给新任支部书记培训用：怎样加强党员教育管理？汇总几所学院的经验写份材料', 'summary');
    expect(draft.notFound, draft.answer).toBe(false);
    expect(draft.answer).toMatch(/^# 关于“加强党员教育管理”/u);
    const speech = await ask('下周专业建设研讨会，参照嘉职院的做法起草一份发言材料，专业怎么调、人才培养方案怎么修，附上成效', 'summary');
    expect(speech.notFound, speech.answer).toBe(false);
    // What was searched for is the clauses answered, not the occasion or what to append.
    for (const word of ['研讨会', '附上']) expect(speech.searchedFor, word).not.toContain(word);
    expect(speech.answer).toContain('人才培养方案');
  });

  it('is drawn up when each clause it keeps is answered, though no one sentence says all of them; the asker\'s offices, a report upward and what was covered before are no part of it', async () => {
    const table = await ask('人事处和组织部要一起研究考核办法，按学校拉个表：各校党员积分管理、先锋岗考评是怎么做的，效果怎么样', 'compare');
    expect(table.notFound, table.answer).toBe(false);
    expect(table.searchedFor).not.toContain('人事处');
    expect(table.answer).toContain('党员积分管理手册');
    const report = await ask('要向上级汇报“亮点工作”，把几所学院党支部在服务企业、技术攻关上的做法整理成一份材料', 'summary');
    expect(report.notFound, report.answer).toBe(false);
    expect(report.searchedFor).not.toContain('亮点工作');
    const draft = await ask('给支部书记培训要用，汇总一下几所学院在党员先锋岗、志愿服务、结对帮扶上的做法，写成一份材料。党史学习教育那块之前写过了，别再展开', 'summary');
    expect(draft.notFound, draft.answer).toBe(false);
    expect(draft.searchedFor).not.toContain('党史学习教育');
    expect(draft.answer.split('\n')[0]).toBe('# 关于“党员先锋岗、志愿服务、结对帮扶”的典型经验材料');
    expectSupported(draft);
  });

  it('leaves out the sections it says to leave out, saying so, and keeps the others', async () => {
    const end = await ask('给新入职的党务干事做个培训材料：嘉职院教师评价改革那几个“制”都是怎么搞的，背景介绍就不用展开了', 'summary');
    // A section: from its title to the next one, or to the end.
    const section = (title: string): string => {
      const start = end.answer.indexOf(title);
      const next = end.answer.indexOf('\n## ', start);
      return end.answer.slice(start, next < 0 ? undefined : next);
    };
    expect(section('## 一、背景'), end.answer).toContain('（按要求从略）');
    expect(section('## 二、主要做法'), end.answer).toContain('“首关制”');
    expectSupported(end);
  });

  it('is refused when a clause it drops names what the articles never mention, whatever its asides name', async () => {
    // 离退休 is in no article; 三亮三比 is an aside to draw on, not the topic.
    const table = await ask('党委要开研讨会，按学校拉个表对比各校离退休党支部的工作做法，像“三亮三比”这类的也可以参考，数字有就写上', 'compare');
    expect(table.notFound, table.answer).toBe(true);
    // 研究生 is in no article: the clause naming 红船领航 does not make a draft of it.
    const end = await ask('下个月党委要专题研究研究生党支部建设，参考嘉职院“红船领航”的思路，帮我写一份研究生党支部建设的会议材料', 'summary');
    expect(end.notFound, end.answer).toBe(true);
  });

  it('is drawn up when the only words no article writes are a quoted label its answered clauses spell out, saying so', async () => {
    // 领头羊 is in no article; the clause after it asks what the articles do tell.
    const table = await ask('“领头羊”这块，嘉职院、台州科院机电模具学院两家的书记、院长这些领导干部是怎么带头干的（带头宣讲、带头跑企业找岗位之类），拉个表', 'compare');
    expect(table.notFound, table.answer).toBe(false);
    expect(table.notice).toEqual({ code: 'PARTLY_UNWRITTEN', message: '文章中没有提到“领头羊”，以下只整理文章写到的部分。' });
    const row = (college: string): string => table.answer.split('\n').find((line) => line.startsWith(`| ${college}`)) ?? '';
    expect(row('台州科技职业学院'), table.answer).toContain('带头开展就业工作');
    // A label nothing else in the request spells out, an absent word not quoted (党费), or one said
    // again (研究生) is what the request is about.
    // So is a draft whose request reads as answered whole, and a label set in its occasion (开“红色引擎”
    // 专题会); a label the articles do write (红船领航) is said nothing of.
    const beacon = await ask('“灯塔工程”这块，党员怎么亮身份、带头示范的，写个材料', 'summary');
    expect(beacon.notFound, beacon.answer).toBe(false);
    expect(beacon.notice?.message).toContain('“灯塔工程”');
    const engine = await ask('党委要开“红色引擎”专题会，围绕党建引领产教融合、校企党建联建这两块，整理一份材料', 'summary');
    expect(engine.notice?.message).toContain('“红色引擎”');
    const written = await ask('党委要开“红船领航”专题会，围绕产教融合、校企党建联建这两块，整理一份材料', 'summary');
    expect(written.notFound, written.answer).toBe(false);
    expect(written.notice).toBeUndefined();
    // Nor a list the articles write the other way round (手拉手、一帮一), or a coined name in other marks (读·聚).
    for (const request of ['湖电“一帮一、手拉手”和苏工院“三室一岗”，拉个表对比', '把台科院“读聚匠心”践行团和苏工院“行动团队”放一张表对比']) {
      expect((await ask(request, 'compare')).notice, request).toBeUndefined();
    }
    // So is a table quoting two practices, one of which no article names.
    const two = await ask('按学校拉个表对比嘉职院“领头羊”和湖南“双带头人”的做法', 'compare');
    expect(two.notFound, two.answer).toBe(false);
    expect(two.notice?.message).toContain('“领头羊”');
    expect(two.notice?.message).not.toContain('“双带头人”');
    const unexplained = await ask('“领头羊”这块，各校有什么做法，按学校拉个表，数字有就写上', 'compare');
    expect(unexplained.notFound, unexplained.answer).toBe(true);
    // Nor one whose spelling out names what no article writes (党课) beside what one does (支部).
    const meetings = await ask('想搞个“三会一课”专题，支部怎么开会、党课怎么上的，整理份会议材料', 'summary');
    expect(meetings.notFound, meetings.answer).toBe(true);
    const records = await ask('组织部要规范党员档案管理，帮我把几所学校人事档案专项审核（“三龄两历一身份”那些）的做法做成对比表', 'compare');
    expect(records.notFound, records.answer).toBe(true);
    const dues = await ask('按学校拉个表比较一下各校党费收缴和使用管理的做法，积分制、警示教育这些有就写上', 'compare');
    expect(dues.notFound, dues.answer).toBe(true);
    expect(dues.notice).toBeUndefined();
  });

  it('drafts a request whose other clauses only say how to lay it out or name the text it wants, not what it is about', async () => {
    // 一期《…简报》 is what the asker makes; 那一大块做底子 points at the heading (written with double
    // marks in the article); 要点式 and 压到6条以内 are its form.
    const bulletin = await ask('党办要出一期《支部工作简报》，用嘉职院那篇里“建设‘红船堡垒’ 夯实党建之基”那一大块做底子，写成要点式材料，压到6条以内', 'summary');
    expect(bulletin.notFound, bulletin.answer).toBe(false);
    expect(bulletin.searchedFor).not.toContain('简报');
    expect(bulletin.answer).toContain('24个师生党支部');
    // 全景, 链子 and an order to sort by are no topic; 五所学院 is every college.
    const overview = await ask('支部书记例会要用，想先给大家一个全景：五所学院怎么做党员志愿服务、取得了哪些荣誉，每家不超过2条这样的链子，按学校从早到晚排', 'summary');
    expect(overview.notFound, overview.answer).toBe(false);
    expect(overview.searchedFor).not.toMatch(/全景|链子|学院/u);
    expect(overview.answer).toMatch(/依据语料中 [3-5] 篇相关文章整理/u);
    // What only points at a practice to draw on makes no draft when the work asked about is in no article.
    const inspection = await ask('给新任书记培训：各校巡察整改工作是怎么开展的，参考嘉兴职院“四责协同”机制，整理要点，数字有就写上', 'summary');
    expect(inspection.notFound, inspection.answer).toBe(true);
    const borrowed = await ask('给新任书记培训：各校巡察整改工作是怎么开展的，借鉴嘉兴职院清廉文化进校园的做法，整理要点', 'summary');
    expect(borrowed.notFound, borrowed.answer).toBe(true);
    expect(borrowed.notice).toBeUndefined();
    // Whom the draft is for is no topic; what it is to tell them is (给书记们讲讲巡察整改), and a title
    // of the asker's publication that says more than its kind (《巡察整改专刊》) is the topic too.
    for (const request of ['支部书记培训班上用，给书记们讲讲巡察整改，把五所学院的做法整理成要点，压到8条以内', '要出一期《巡察整改专刊》，各学院的做法和成效整理一下，每段不超过100字']) {
      expect((await ask(request, 'summary')).notFound, request).toBe(true);
    }
    // A speech's occasion, the marks to write where an article says nothing and what not to add are no topic.
    const talkingPoints = await ask('书记下周在全校党建推进会上讲话，让我从兄弟院校文章里找些“接地气的大白话”：“牛鼻子”“两张皮”“唱主角”，每个说法注明是哪家的，文中没写结果的那格写“未写”，别替人家补', 'summary');
    expect(talkingPoints.notFound, talkingPoints.answer).toBe(false);
    expect(talkingPoints.answer).toContain('两张皮');
    // What an instruction clause names (党费收缴标准都标明) is asked about too, though it is not searched.
    const dues = await ask('五所学院的做法写个会议材料，党费收缴标准都标明', 'summary');
    expect(dues.notFound || dues.notice?.message.includes('“党费”'), dues.answer).toBe(true);
    // A heading quoted with the article's comma and other marks is named, so no notice; nor is a mark
    // the answer is to write (标明“涨幅”).
    const heading = await ask('用嘉职院那篇里“坚持全面从严治党,夯实防腐拒变‘压舱石’”那一大块做底子，写成要点式', 'summary');
    expect(heading.notFound, heading.answer).toBe(false);
    expect(heading.notice).toBeUndefined();
    const rises = await ask('几所学院文章里写成“××%”的数按学校列个表：百分数原话｜说的是什么，“提高了××%”这种是涨幅，要标明“涨幅”', 'compare');
    expect(rises.notFound, rises.answer).toBe(false);
    expect(rises.notice).toBeUndefined();
    // A topic said in a few words names what no article writes beside what one does: the notice says so.
    const partly = await ask('各校巡察整改和清廉文化进校园的做法，整理要点', 'summary');
    expect(partly.notFound, partly.answer).toBe(false);
    expect(partly.notice?.message).toContain('“巡察”');
    expect(partly.answer).toContain('清廉');
    // What points at a practice to draw on is no draft's title (参考几所学院的做法).
    const birthdays = await ask('想让新同志了解政治生日怎么过，参考几所学院的做法写个材料，每段不超过100字', 'summary');
    expect(birthdays.answer.split('\n')[0]).toBe('# 关于“政治生日”的典型经验材料');
  });

  it('reads a clause of its occasion as what it is to discuss, and one excluding what not to mix in as left out', async () => {
    // 支委会 is in no article: the meeting is not the topic of the clause that names it.
    const occasion = await ask('下周支委会要讨论跟企业共建的事，帮我把各学院党员志愿服务的做法和效果整理成一张表', 'compare');
    expect(occasion.notFound, occasion.answer).toBe(false);
    expect(occasion.searchedFor).not.toContain('支委会');
    const years = await ask('按学校列张表，只放文章里写了是2021年拿到的荣誉，没写年份的都不要混进来', 'compare');
    expect(years.notFound, years.answer).toBe(false);
    expect(years.answer).toContain('2021');
  });

  it('compares on the fields a table lists (产教融合、学生就业上), not on the words of its use (支部书记培训用)', async () => {
    const table = await ask('支部书记培训用，比较嘉兴职院和台州科院在产教融合、学生就业上的做法，按学校拉个表，背景介绍就不用了', 'compare');
    expect(table.notFound, table.answer).toBe(false);
    const row = (college: string): string => table.answer.split('\n').find((line) => line.startsWith(`| ${college}`)) ?? '';
    expect(row('嘉兴职业技术学院'), table.answer).toContain('产教融合');
    expect(row('嘉兴职业技术学院')).not.toContain('宣讲团');
    // A cell saying either field is on topic: the 就业率 is Taizhou's result.
    expect(row('台州科技职业学院'), table.answer).toContain('就业率达98%');
    // A meeting named by its kind (组织员座谈会) is no topic either: the colleges that tell of it fill their rows.
    const meeting = await ask('学院下周开组织员座谈会，请列表对比各校党员志愿服务的做法', 'compare');
    expect(meeting.notFound, meeting.answer).toBe(false);
    expect(meeting.answer).toContain('“风能蒲公英”党员志愿服务');
  });

  it('is refused when it asks for a kind of party organisation no article writes (社区党支部), whatever practice it draws on', async () => {
    const draft = await ask('下个月要开社区党支部工作交流会，参考苏工院“人人出彩创新”工作法，帮我写一份社区党支部建设的会议材料', 'summary');
    expect(draft.notFound, draft.answer).toBe(true);
    expect(draft.answer).toContain('没有提到“社区”');
    // So too when the kind is whom the draft is for (给我们后勤党支部写…).
    const forKind = await ask('参照台州的真实做法，给我们后勤党支部写一份会议材料', 'summary');
    expect(forKind.notFound, forKind.answer).toBe(true);
    expect(forKind.answer).toContain('没有提到“后勤”');
    const table = await ask('按学校拉个表对比各校社区党员的做法，像“三亮三比”这类的也可以参考', 'compare');
    expect(table.notFound, table.answer).toBe(true);
    // A kind the articles write (教工党支部) is drafted as before.
    const written = await ask('按学校拉个表对比各校教工党支部的做法，像“三亮三比”这类的也可以参考', 'compare');
    expect(written.notFound, written.answer).toBe(false);
    const drafted = await ask('参考苏工院“人人出彩创新”工作法，帮我写一份教工党支部建设的会议材料', 'summary');
    expect(drafted.notFound, drafted.answer).toBe(false);
  });

  it('leaves out what it says to leave out and the occasion, in its title and its search', async () => {
    const end = await ask('下周支委会学习讨论党员先锋模范作用，参考苏工院、湖南电气的做法写份材料，党史学习教育就不用展开了', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    const title = end.answer.split('\n')[0]!;
    expect(title).toContain('党员先锋模范作用');
    for (const word of ['不用展开', '党史学习教育', '支委会']) expect(title, word).not.toContain(word);
    // Nor an aside put to the reader, nor how to fill the draft.
    const aside = await ask('苏工院那16个党员先锋岗不是都配了实训室吗，这次想看看各校怎么抓党员教育管理，汇总几所学院的经验写份材料，数字有就写上', 'summary');
    const asideTitle = aside.answer.split('\n')[0]!;
    expect(asideTitle).toContain('党员教育管理');
    for (const word of ['实训室', '数字有就写上']) expect(asideTitle, word).not.toContain(word);
  });

  it('is still refused when no clause says a topic the articles have', async () => {
    for (const question of ['党委要开研讨会，写一份关于附属医院党建工作的会议材料，分背景、做法、成效、启示', '给新任书记培训用：怎样做好离退休老干部党支部工作？汇总几所学院的经验写份材料']) {
      const end = await ask(question, 'summary');
      expect(end.notFound, `${question}\n${end.answer}`).toBe(true);
    }
    // A clause pointing back at the one before (各是什么团队) is nothing to draw on alone.
    const table = await ask('哪些院校建成了量子计算教师团队？各是什么团队？', 'compare');
    expect(table.notFound, table.answer).toBe(true);
  });

  it('compares colleges each on its own quoted name', async () => {
    const end = await ask('苏工院讲“德技融合”，台州科院讲“五育并举”，两家育人理念怎么落地的，做个对比表', 'compare');
    expect(end.notFound, end.answer).toBe(false);
    for (const college of ['苏州工业职业技术学院', '台州科技职业学院']) expect(rowOf(end, college).sources.length, college).toBeGreaterThan(0);
  });
});

describe('the parts of a section the question names', () => {
  it('are its run-in labels (“事业发展硕果累累”分成了哪几方面)', async () => {
    const end = await ask('湖南电气风能学院的实施成效里，“事业发展硕果累累”分成了哪几方面来讲？');
    expect(claimLines(end.answer).map((line) => line.replace(/^- /u, '').replace(/。\[\d+\]$/u, ''))).toEqual(['团队建设成果', '师生技能竞赛', '社会服务', '优秀成果奖']);
  });

  it('are found for a section named by one of its heading\'s phrases, asked as 哪几块内容', async () => {
    const end = await ask('嘉兴职院“锻造红船铁军”这一部分讲了哪几块内容');
    const parts = claimLines(end.answer);
    expect(parts, end.answer).toHaveLength(4);
    expect(parts.every((line) => line.startsWith('- 坚持')), end.answer).toBe(true);
    // The four 制 are items of one part, not parts of the section.
    expect(end.answer).not.toContain('首关制');
  });

  it('are not the article\'s outline when the section has none', async () => {
    const end = await ask('湖南电气风能学院的实施成效里，“党建工作成果突出”分成哪几方面？');
    expect(end.answer).not.toContain('实施背景');
  });
});

describe('what an article says without the detail asked', () => {
  it('a count it gives only as 一批 is said so, not answered with the sentence\'s other numbers', async () => {
    const end = await ask('嘉兴职业技术学院形成的“课堂革命”典型案例一共多少个？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('只写了“形成一批‘课堂革命’典型案例”，没有写具体数量');
    // A count it does give is answered (选树劳动教育典型案例25个).
    expect((await ask('嘉兴职业技术学院选树了多少个劳动教育典型案例？')).answer).toContain('25个');
    // As a part of a message, with the clause saying most of what it counts (淘汰了一批…专业, not 新增转设一批紧缺专业).
    const parts = await ask('嘉职院淘汰了多少专业，修订了多少个专业的人才培养方案');
    expect(parts.answer).toMatch(/只写了“淘汰了一批与地方产业联系不紧密的专业”\[\d+\]，没有写具体数量/u);
    expect(parts.answer).toContain('33个专业');
  });

  it('a television station is named by its channel (浙江卫视新闻频道)', async () => {
    const end = await ask('嘉职院和佳利电子合作搞出来的技术成果，被哪家电视台的哪个频道重点报道了？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).toContain('浙江卫视新闻频道');
  });
});

describe('the highest or lowest level of the honours an article names', () => {
  it('ranks them by the level their own words give (国家级, 全国 over 省), each cited', async () => {
    const highest = await ask('苏工院智能制造支部获得的最高级别荣誉是什么？');
    const [lead, ...rest] = highest.answer.split('\n\n');
    expect(lead, highest.answer).toMatch(/^级别最高的是国家级的：/u);
    expect(lead).toContain('国家级教育教学创新团队');
    expect(lead).not.toContain('江苏省');
    expect(rest.join('\n')).toContain('江苏省高校先进基层党组织');
    // Of the honours one sentence names (那两支团队先后荣获的几个名头), the lowest.
    const lowest = await ask('苏工院智能制造支部那两支团队先后荣获的几个名头，哪个级别最低？');
    expect(lowest.notFound, lowest.answer).toBe(false);
    expect(lowest.answer.split('\n\n')[0]).toContain('省科技创新团队');
    expect(lowest.answer.split('\n\n')[0]).not.toContain('黄大年');
  });
});

describe('a person\'s major the article never gives', () => {
  it('is refused, the sentence naming the person shown as related', async () => {
    const end = await ask('浙江机电自动化学院拿中国青少年科技创新奖的樊文天，学的是哪个专业？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('樊文天');
  });
});

describe('a total asked', () => {
  it('is told with every semicolon-joined part of its sentence that counts in the measure asked', async () => {
    const end = await ask('湖南电气风能学院2021年师生技能竞赛一共拿了多少项奖？');
    const lead = leadLine(end.answer);
    for (const part of ['国家级三等奖1项', '湖南省一等奖2项', '二等奖1项；获湖南省职业院校教师思想政治教育教学能力比赛二等奖1项', '创业规划大赛获一等奖1项']) expect(lead, end.answer).toContain(part);
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });
  it('stays with the parts that say what the question names of the lead (教师能力竞赛; 对标争先)', async () => {
    const contest = await ask('湖电风能学院教师能力竞赛一共拿了几项奖？');
    expect(leadLine(contest.answer), contest.answer).toContain('二等奖1项');
    expect(contest.answer).not.toContain('思想政治教育教学能力比赛');
    const project = await ask('湖电风能学院对标争先项目一共涉及多少名人员？');
    expect(project.answer).not.toContain('优秀共产党员');
    // A part naming another thing the question names (思政教学能力比赛) is summed too.
    const both = await ask('湖电风能学院2021年教师能力竞赛和思政教学能力比赛总共获了几项奖？');
    expect(leadLine(both.answer), both.answer).toContain('思想政治教育教学能力比赛二等奖1项');
  });
  it('stays with the count the question names (湖南省二等奖，一共有几项)', async () => {
    const end = await ask('湖南电气风能学院老师在教师能力竞赛中获得的湖南省二等奖，一共有几项？');
    expect(leadLine(end.answer), end.answer).toContain('二等奖1项');
    expect(end.answer).not.toContain('黄炎培');
  });
});

describe('a count asked with what each is', () => {
  it('is answered with the things counted (拿国家级牌子的教学团队 几支 各是啥)', async () => {
    const end = await ask('浙江机电自动化学院 拿国家级牌子的教学团队 几支 各是啥');
    expect(end.notFound, end.answer).toBe(false);
    for (const team of ['机电一体化教学团队', '智能控制技术教学团队']) expect(end.answer).toContain(team);
  });
});

describe('a count asked with what each counted thing is, where the article names them without counting', () => {
  it('is answered with the things named (跟几家单位共建…，分别是哪些)', async () => {
    const end = await ask('浙江机电自动化学院党总支跟几家单位共建校企协同党建基地，分别是哪些？');
    expect(end.notFound, end.answer).toBe(false);
    for (const partner of ['能源集团', '新疆理工学院', '浙江中控第四党总支']) expect(leadLine(end.answer)).toContain(partner);
  });
  it('keeps the count where the article gives one, the things asked too (建成…等8个校级科创平台)', async () => {
    const end = await ask('嘉职院建成了几个校级科创平台，分别是哪些？');
    expect(leadLine(end.answer), end.answer).toContain('8个校级科创平台');
  });
});

describe('the names of people a count stands for', () => {
  it('are refused where the article gives the count only (评上浙江工匠的3位老师，各叫什么名字)', async () => {
    const end = await ask('台州科技职业学院机电与模具工程学院评上浙江工匠的3位老师，各叫什么名字？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('浙江工匠3人');
  });
});

describe('a name the question says the article gives only short', () => {
  it('is refused saying so where the article writes nothing longer (只写了“能源集团”，到底是哪家)', async () => {
    const end = await ask('浙江机电自动化学院那篇只写了“能源集团”，究竟是哪一家能源集团？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('只写了“能源集团”');
    expect(end.citations.some((citation) => citation.quote.includes('能源集团'))).toBe(true);
  });
  it('is answered where the article writes it longer (杭州供电段党委, 上海铁路局杭州供电段)', async () => {
    const end = await ask('浙江机电自动化学院那篇只写了“供电段党委”，到底是哪家单位的供电段？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('杭州供电段');
  });
});
