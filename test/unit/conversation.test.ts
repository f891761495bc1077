/**
 * Follow-up questions without a model: which questions cannot stand on their own, and what the
 * previous turn passes on to them (colleges, quoted practice names, its rarest words). Uses the
 * word statistics of the default corpus, ingested lexical-only into a temporary folder.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrySubjects, pointedName, collegesIn, isFollowUp, narrowingForm, pointsIntoList, saysValue, swappedValue } from '../../core/answer/conversation.ts';
import type { HistoryTurn } from '../../core/answer/protocol.ts';
import type { TermStatistics } from '../../core/index/index-snapshot.ts';
import { SearchService } from '../../core/retrieval/search-service.ts';
import { copyDefaultCorpus, ingest, makeTempDir, removeTempDirs } from '../helpers/corpus.ts';

const colleges = ['嘉兴职业技术学院', '浙江机电职业技术学院', '湖南电气职业技术学院', '苏州工业职业技术学院', '台州科技职业学院'];
let search: SearchService;
let lexical: TermStatistics;

beforeAll(async () => {
  const root = makeTempDir('conversation');
  const indexDir = path.join(root, 'index');
  await ingest(copyDefaultCorpus(root), indexDir);
  search = new SearchService({ indexDir, embedder: null, retriever: { efSearch: 128 }, closeDelayMs: 0 });
  search.load();
  lexical = search.retriever().snapshot.lexical;
});

afterAll(() => {
  search?.close();
  removeTempDirs();
});

const turn = (role: HistoryTurn['role'], content: string): HistoryTurn => ({ role, content });

describe('collegesIn', () => {
  it('finds every college a text names, longest names first', () => {
    expect(collegesIn('嘉兴职业技术学院和台州科技职业学院有何异同？', colleges)).toEqual(['嘉兴职业技术学院', '台州科技职业学院']);
    expect(collegesIn('党建引领', colleges)).toEqual([]);
    // A college whose name contains another's: only the one the text names (the shorter is a part of it).
    expect(collegesIn('浙江机电职业技术学院', ['机电职业技术学院', '浙江机电职业技术学院'])).toEqual(['浙江机电职业技术学院']);
    expect(collegesIn('浙江机电职业技术学院和机电职业技术学院', ['机电职业技术学院', '浙江机电职业技术学院'])).toEqual(['浙江机电职业技术学院', '机电职业技术学院']);
  });

  it('knows the short forms colleges go by', () => {
    expect(collegesIn('浙江机电职院自动化学院如何融合专业发展？', colleges)).toEqual(['浙江机电职业技术学院']);
    expect(collegesIn('2021年嘉职院有几名讲师收入超过副教授？', colleges)).toEqual(['嘉兴职业技术学院']);
    expect(collegesIn('湖南电气风能工程学院的“三亮三比”', colleges)).toEqual(['湖南电气职业技术学院']);
  });
});

describe('isFollowUp', () => {
  const followUps = ['那他们取得了哪些成效？', '他们是怎么做的？', '该校还有哪些做法？', '还有呢？', '上述做法有什么成效？', '成效如何？', '那台州科技职业学院呢？', '其成效如何？', '这几位分别是什么职务？', '这几项制度分别取得了什么数据？'];
  const standalone = [
    '嘉兴职业技术学院取得了哪些成效？',
    '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？',
    '党员志愿服务有哪些典型做法？',
    '高校如何推进党建与业务深度融合？',
    // A new topic, however short, starts fresh (it was glued to the last question's college).
    '党建引领人才培养',
    '其他院校有哪些志愿服务做法？',
  ];
  for (const question of followUps) it(`${question} needs the conversation`, () => expect(isFollowUp(question, colleges)).toBe(true));
  for (const question of standalone) it(`${question} stands on its own`, () => expect(isFollowUp(question, colleges)).toBe(false));
});

describe('carrySubjects', () => {
  const history = [turn('user', '嘉兴职业技术学院如何开展党史学习教育？'), turn('assistant', '**嘉兴职业技术学院**（学校党委）\n- 高质量推进党史学习教育。[1]')];

  it('carries the college and the topic of the previous question into a follow-up', () => {
    const carried = carrySubjects('那他们取得了哪些成效？', history, colleges, lexical);
    // Shown to users as what was searched for: it reads as a question.
    expect(carried).toEqual({ question: '嘉兴职业技术学院在党史学习教育方面取得了哪些成效？', college: '嘉兴职业技术学院', rewritten: true });
  });

  it('one of a listed kind asked without its noun (其中哪个拿了…) is asked of that kind; a noun of its own stays', () => {
    const listed = [turn('user', '浙江机电自动化学院出了哪些优秀学生？'), turn('assistant', '涌现了…樊文天等优秀学生代表。[1]')];
    expect(carrySubjects('其中哪个拿了中国青少年科技创新奖？', listed, colleges, lexical).question).toBe('浙江机电职业技术学院哪个学生拿了中国青少年科技创新奖？');
    expect(carrySubjects('其中哪个支部获得了表彰？', listed, colleges, lexical).question).not.toContain('学生');
  });

  it('asks the previous question with the counterpart a bare 那X呢 names: 那全校性的呢, 那2022年呢', () => {
    const asked = (previous: string, followUp: string): string => carrySubjects(followUp, [turn('user', previous), turn('assistant', '…[1]')], colleges, lexical).question;
    expect(asked('嘉职院党史学习教育搞了多少次全国性活动？', '那全校性的呢？')).toBe('嘉职院党史学习教育搞了多少次全校性活动？');
    expect(asked('嘉职院2021年打造了多少个党建特色品牌？', '那2022年呢？')).toBe('嘉职院2022年打造了多少个党建特色品牌？');
    expect(asked('嘉职院有多少个教师党支部？', '那学生党支部呢？')).toBe('嘉职院有多少个学生党支部？');
    // A class (2024届) for a year, and a bare year keeping the previous form.
    expect(asked('台州科院模具学院2023年毕业生月薪多少', '那2024届呢')).toBe('台州科院模具学院2024届毕业生月薪多少？');
    expect(asked('台州科院模具学院2023届毕业生就业率多少', '那2024呢')).toBe('台州科院模具学院2024届毕业生就业率多少？');
    // Nothing of the previous question stands beside it: carried as before.
    expect(asked('嘉职院的校长是谁？', '那书记呢？')).not.toContain('校长');
    // Another thing of the count the previous question ended on (几名双带头人标兵 → 几个样板支部).
    expect(asked('风能学院对标争先立项了几名双带头人标兵', '样板支部呢')).toBe('风能学院对标争先立项了几个样板支部？');
    // A level for a level, word for whole word: 省级 stands for 国家级, not for its 家级.
    expect(asked('台州科院教师拿过哪些国家级的奖', '省级的呢')).toBe('台州科院教师拿过哪些省级的奖？');
    expect(asked('风能学院获过哪些全国的荣誉', '那省级的呢')).toBe('风能学院获过哪些省级的荣誉？');
    // 全省 is said by a province's name (江苏省…), not in 全国's place.
    expect(asked('苏工院获得过哪些全国荣誉', '那全省的呢')).not.toContain('全省荣誉');
  });

  it('reads those named by what they did alone (去的老师都有谁, 都是哪些老师去的) as of the last question, with its topic', () => {
    const history = [turn('user', '自动化学院援疆援青去了哪几所学校'), turn('assistant', '…[1]')];
    for (const followUp of ['去的老师都有谁', '都是哪些老师去的']) {
      expect(isFollowUp(followUp, colleges), followUp).toBe(true);
      const carried = carrySubjects(followUp, history, colleges, lexical).question;
      expect(carried, followUp).toMatch(/^自动化学院援疆.*(?:去的老师都有谁|都是哪些老师去的)/u);
    }
    // A question with a doing of its own object is no such pointer, nor one naming what was won (入选的…).
    expect(isFollowUp('去年参加技能大赛的学生有多少', colleges)).toBe(false);
    // A short count with no subject and at most one word of its own is the conversation's; one asked of all is not.
    expect(isFollowUp('一共培训了多少人', colleges)).toBe(true);
    expect(isFollowUp('全省一共培训了多少人', colleges)).toBe(false);
    expect(isFollowUp('入选的黄大年式团队是哪个学院的', colleges)).toBe(false);
  });

  it('reads a narrowing asked the other way round (其中哪些是国家级的) as one, of what the question before it listed', () => {
    expect(narrowingForm('其中哪些是国家级的')).toBe('其中国家级的是哪些');
    expect(narrowingForm('其中哪个是第二批的？')).toBe('其中第二批的是哪个？');
    expect(narrowingForm('哪些是国家级的')).toBe('哪些是国家级的');
    // Of whom or what the items are (其中哪些是女生, 其中哪些是党员): no narrowing of the list shown.
    expect(narrowingForm('其中哪些是女生')).toBe('其中哪些是女生');
    const listed = [turn('user', '苏工院智能制造团队获过哪些称号'), turn('assistant', '…[1]')];
    const narrowed = carrySubjects(narrowingForm('其中哪些是国家级的'), listed, colleges, lexical).question;
    expect(narrowed).toBe('苏州工业职业技术学院智能制造团队获过的称号中国家级的是哪些称号？');
    // And a counterpart after it (那省级的呢) is of that list too.
    const chain = [...listed, turn('user', narrowingForm('其中哪些是国家级的')), turn('assistant', '…[1]')];
    expect(carrySubjects('那省级的呢', chain, colleges, lexical).question).toBe('苏州工业职业技术学院智能制造团队获过的称号中省级的是哪些称号？');
  });

  it('reads a college named by one of its units alone (那风能学院…) as named: a question of its own, or the last one asked of it', () => {
    const unitsOf = (text: string): { form: string; college: string }[] => (text.includes('风能学院') ? [{ form: '风能学院', college: '湖南电气职业技术学院' }] : []);
    const history = [turn('user', '嘉职院获得过哪些荣誉'), turn('assistant', '…[1]')];
    expect(carrySubjects('那风能学院有几名党员获厅级优秀共产党员', history, colleges, lexical, unitsOf).question).toBe('那风能学院有几名党员获厅级优秀共产党员');
    expect(carrySubjects('那风能学院呢', history, colleges, lexical, unitsOf).question).toBe('风能学院获得过哪些荣誉');
    // Without the units, the unit was read under the conversation's college.
    expect(carrySubjects('那风能学院有几名党员获厅级优秀共产党员', history, colleges, lexical).question).toContain('嘉兴职业技术学院');
  });

  it('asks the previous question of another college where it named the last one by a unit (自动化学院… → 那苏工院呢)', () => {
    const unitsOf = (text: string): { form: string; college: string }[] => (text.includes('自动化学院') ? [{ form: '自动化学院', college: '浙江机电职业技术学院' }] : []);
    const history = [turn('user', '自动化学院涌现了哪些优秀学生代表'), turn('assistant', '…[1]')];
    const carried = carrySubjects('那苏工院呢', history, colleges, lexical, unitsOf);
    expect(carried.question).toBe('苏工院涌现了哪些优秀学生代表');
    expect(carried.college).toBe('苏州工业职业技术学院');
  });

  it('asks the previous question of a unit where it named its college by place and unit (台州机电模具学院… → 那风能学院呢)', () => {
    const unitsOf = (text: string): { form: string; college: string }[] => (text.includes('风能学院') ? [{ form: '风能学院', college: '湖南电气职业技术学院' }] : []);
    const history = [turn('user', '台州机电模具学院获得过哪些荣誉'), turn('assistant', '…[1]')];
    // Not 台州机电风能学院: 风能学院 is no counterpart of 模具学院 within one college's name.
    expect(carrySubjects('那风能学院呢', history, colleges, lexical, unitsOf).question).toBe('风能学院获得过哪些荣誉');
    expect(carrySubjects('那嘉职院呢', history, colleges, lexical, unitsOf).question).toBe('嘉职院获得过哪些荣誉');
  });

  it('carries the college a previous question named by its place and one of its units (台州机电模具学院)', () => {
    const history = [turn('user', '台州机电模具学院毕业生月薪大概多少'), turn('assistant', '2023年毕业生月薪平均达6000元以上。[1]')];
    const carried = carrySubjects('那就业率呢', history, colleges, lexical);
    expect(carried.question).toBe('台州科技职业学院就业率？');
    expect(carried.college).toBe('台州科技职业学院');
  });

  it('reads 该学院 as the unit the conversation named alone, never as the college doubled (…学院学院)', () => {
    const unitsOf = (text: string): { form: string; college: string }[] => (text.includes('自动化学院') ? [{ form: '自动化学院', college: '浙江机电职业技术学院' }] : []);
    const history = [turn('user', '自动化学院的人人在岗位闪光工程是干嘛的'), turn('assistant', '…[1]')];
    expect(carrySubjects('该学院学生里出了哪些典型人物', history, colleges, lexical, unitsOf).question).toBe('浙江机电职业技术学院自动化学院学生里出了哪些典型人物？');
    const college = [turn('user', '嘉职院在几个专业群上设了党支部'), turn('assistant', '…[1]')];
    expect(carrySubjects('该学院的入党申请人比例呢', college, colleges, lexical).question).toBe('嘉兴职业技术学院的入党申请人比例？');
  });

  it('reads 那个… as that thing of the conversation\'s college, without a stray 个', () => {
    const history = [turn('user', '嘉职院跟哪些地方政府签了校地合作协议'), turn('assistant', '…[1]')];
    expect(carrySubjects('那个分院规划招多少人', history, colleges, lexical).question).toBe('嘉兴职业技术学院分院规划招多少人？');
    // 这个工程… still points at the topic, 那个/这个 kept for it.
    const named = [turn('user', '湖南电气职业技术学院的“三服务”工程是什么？'), turn('assistant', '- 服务大局。[1]')];
    expect(carrySubjects('这个工程取得了什么成效？', named, colleges, lexical).question).toContain('“三服务”');
    // 那它… about the conversation's college: its name, not 它.
    expect(carrySubjects('那它的入党申请人比例是多少', history, colleges, lexical).question).toBe('嘉兴职业技术学院入党申请人比例是多少？');
  });

  it('reads 该支部 as the branch the conversation named, in full', () => {
    const history = [turn('user', '苏州工业职业技术学院智能制造教工党支部借助哪些新媒体平台组织党员学习？'), turn('assistant', '…[1]')];
    expect(carrySubjects('那该支部靠什么管理党员？', history, colleges, lexical).question).toBe('苏州工业职业技术学院智能制造教工党支部靠什么管理党员？');
  });

  it('keeps the previous topic for a 那X呢 that goes on to ask its own question', () => {
    const asked = carrySubjects('那配套的工程呢，有几大？', [turn('user', '嘉兴职业技术学院为“服务共富”出台了多少项举措？'), turn('assistant', '…[1]')], colleges, lexical).question;
    expect(asked).toBe('嘉兴职业技术学院“服务共富”的配套的工程，有几大？');
  });

  it('puts the previous topic where a general pointer (这项工作) stood, though the follow-up has words of its own', () => {
    const asked = carrySubjects('这项工作得到了哪位领导批示肯定？', [turn('user', '嘉职院出台的“服务共富”八大工程有多少项举措和项目？'), turn('assistant', '…[1]')], colleges, lexical).question;
    expect(asked).toBe('嘉兴职业技术学院的“服务共富”得到了哪位领导批示肯定？');
  });

  // 现代产业学院 ends like an organisation's name, but the follow-up asks something of its own.
  it('reads 那… that asks its own question as a follow-up about the same college, not as another organisation', () => {
    const carried = carrySubjects('那一起共建了几个现代产业学院？', [turn('user', '嘉职院近两年跟多少家企业和科研院所签了战略合作协议？'), turn('assistant', '…[1]')], colleges, lexical);
    expect(carried.question).toBe('嘉兴职业技术学院一起共建了几个现代产业学院？');
  });

  it('asks the previous question about another college: 那台州科技职业学院呢？', () => {
    const carried = carrySubjects('那台州科技职业学院呢？', history, colleges, lexical);
    expect(carried).toEqual({ question: '台州科技职业学院如何开展党史学习教育？', college: '台州科技职业学院', rewritten: true });
  });

  it('asks the previous question again when the follow-up only points back: 那他们学院呢？, 那该校呢？', () => {
    for (const question of ['那他们学院呢？', '那该校呢', '他们呢？']) {
      expect(carrySubjects(question, history, colleges, lexical), question).toEqual({ question: '嘉兴职业技术学院如何开展党史学习教育？', college: '嘉兴职业技术学院', rewritten: true });
    }
  });

  it('asks the previous question about another college\'s unit, in place of the old college and its unit', () => {
    const honours = [turn('user', '苏州工业职业技术学院智能制造教工党支部获得过哪些荣誉？'), turn('assistant', '2021年度，支部荣获江苏省高校先进基层党组织称号。[1]')];
    expect(carrySubjects('那湖南电气的风能学院呢？', honours, colleges, lexical)).toEqual({ question: '湖南电气的风能学院获得过哪些荣誉？', college: '湖南电气职业技术学院', rewritten: true });
  });

  it('reads 其中… as narrowing the last question: its topic is carried, and a bare 哪个 asks for what it listed', () => {
    const brands = [turn('user', '嘉职院哪些支部拿了红色名片支部党建品牌'), turn('assistant', '机关第三党支部…获市属教育系统首批红色名片·支部党建品牌称号。[1]')];
    const carried = carrySubjects('其中第二批的是哪个', brands, colleges, lexical).question;
    expect(carried).toContain('红色名片');
    expect(carried).toMatch(/哪个支部？$/u);
    // Without 其中, a short qualifier before 的…哪几个 narrows the same way.
    const first = carrySubjects('首批的有哪几个', brands, colleges, lexical).question;
    expect(first).toContain('红色名片');
    expect(first).toMatch(/首批的有哪几个支部？$/u);
  });

  it('counts into a list inside the lead\'s one clause, or quoted names side by side, when points too few follow', () => {
    const plans = [turn('user', '嘉职院强化干部教师素养的五大计划包括哪些'), turn('assistant', '实施“强基”“提优”“攀登”“登峰”培育计划和“青年培优计划”，助推教师综合素质全面提升。[1]\n\n- 抓“五大计划”，强化干部教师素养。[2]')];
    expect(carrySubjects('第二项指什么', plans, colleges, lexical).question).toContain('“提优”');
    const batch = [turn('user', '风能学院党总支入选湖南省对标争先建设计划第二批的都有啥'), turn('assistant', '**湖南电气职业技术学院**（风能工程学院教工党支部）\n2019-2021年，学院党总支立项湖南省高校党组织“对标争先”建设计划第二批项目标杆院系1个、样板支部1个、双带头人标兵1名、青年教工党员示范岗1个；3名党员获厅级“优秀共产党员”称号。[1]\n\n- 实施“四个一”“三亮三比”五大工程。[2]')];
    expect(carrySubjects('第三个是啥', batch, colleges, lexical).question).toContain('双带头人标兵1名');
    expect(carrySubjects('第一个是啥', batch, colleges, lexical).question).toContain('标杆院系1个');
    expect(carrySubjects('第一个是啥', batch, colleges, lexical).question).not.toContain('建设计划');
  });

  it('asks a yes or no without a subject (有没有拿过一等奖) of the last question\'s college and those it asked about', () => {
    const awards = [turn('user', '台州科院学生拿过哪些比赛奖项'), turn('assistant', '学生获全国职业技能比赛一类赛二等奖2项。[1]')];
    expect(isFollowUp('有没有拿过一等奖', colleges)).toBe(true);
    expect(carrySubjects('有没有拿过一等奖', awards, colleges, lexical).question).toBe('台州科技职业学院学生有没有拿过一等奖？');
    // A yes or no with a subject of its own stands alone, as does one asking of any college or anyone.
    expect(isFollowUp('嘉职院有没有拿过一等奖', colleges)).toBe(false);
    expect(isFollowUp('是否有院校获得黄大年式教师团队称号', colleges)).toBe(false);
    expect(isFollowUp('有人拿过挑战杯特等奖吗', colleges)).toBe(false);
    // A yes or no of a number alone is of the last question's topic.
    const share = [turn('user', '嘉职院入党申请人比例是多少'), turn('assistant', '入党申请人比例从75.3%提高到93.8%。[1]')];
    expect(carrySubjects('有没有超过九成', share, colleges, lexical).question).toMatch(/^嘉兴职业技术学院入党申请人.*有没有超过九成？$/u);
  });

  it('asks 分别… after a question of two (A和B都有X吗) of each side\'s X', () => {
    const both = [turn('user', '苏工院和自动化学院都有黄大年式教师团队吗'), turn('assistant', '**苏工院**\n有。\n…第二批全国高校黄大年式教师团队…[1]')];
    expect(isFollowUp('分别是第几批', colleges)).toBe(true);
    expect(carrySubjects('分别是第几批', both, colleges, lexical).question).toBe('苏工院和自动化学院的黄大年式教师团队分别是第几批？');
    expect(carrySubjects('那它们各自是哪年评上的呢', both, colleges, lexical).question).toBe('苏工院和自动化学院的黄大年式教师团队各自是哪年评上的？');
  });

  it('asks when the thing the last answer led with happened (那是哪年的) of that thing, its dates aside', () => {
    const cases = [turn('user', '其中全国的是哪个'), turn('assistant', '《长三角模具产教联盟打造“政校行企”产教融合生态圈》案例入选全国2021年产教融合校企合作典型案例。[1]\n\n- 2023年毕业生月薪平均达6000元以上。[2]')];
    expect(carrySubjects('那是哪年的', cases, colleges, lexical)).toEqual({ question: '《长三角模具产教联盟打造“政校行企”产教融合生态圈》案例入选全国产教融合校企合作典型案例是哪年的？', college: undefined, rewritten: true });
    expect(carrySubjects('这是什么时候的事', cases, colleges, lexical).question).toMatch(/典型案例是什么时候的？$/u);
  });

  it('counts a lead that opens as every point does as the list\'s first item, and names listed in a lead without points', () => {
    const monthly = [
      turn('user', '风能学院四个一工程每个党员每月要干啥'),
      turn('assistant', '**湖南电气职业技术学院**（风能工程学院教工党支部）\n每位党员每月听取党外群众意见。通过开展谈心活动等形式积极征求群众意见。[1]\n\n- 每位党员每月掌握入党积极分子学习状态。[2]\n- 每位党员每月阅读党的理论书籍。[3]\n- 每位党员每月参加志愿者活动。[4]'),
    ];
    expect(carrySubjects('第二个展开说说', monthly, colleges, lexical).question).toContain('每位党员每月掌握入党积极分子学习状态');
    expect(carrySubjects('第四个展开说说', monthly, colleges, lexical).question).toContain('每位党员每月参加志愿者活动');
    const rooms = [turn('user', '苏工院三室一岗是哪几个'), turn('assistant', '推进“三室一岗”建设。弘扬“我在乎你”学院精神，建设“书记工作室”、“劳模工作室”、“博士工作室”、“党员先锋岗”，带领党员在各项工作中亮身份。[1]')];
    expect(carrySubjects('第三个呢', rooms, colleges, lexical).question).toContain('“博士工作室”');
  });

  it('reads 第二个工程… as the second item of the previous answer\'s list, by its quoted name', () => {
    const projects = [
      turn('user', '湖南电气风能工程学院教工党支部实施了哪五大工程？'),
      turn('assistant', '- 实施“四个一”工程，落实教育党员有力。[1]\n- 实施“三亮三比”工程，落实管理和监督党员有力。[2]\n- 实施“三服务”工程，落实组织师生有力。[3]\n\n- 湖南电气职业技术学院风能工程学院党总支教工党支部严格对照…[4]'),
    ];
    expect(pointsIntoList('第二个工程具体内容是什么？')).toBe(true);
    expect(carrySubjects('第二个工程具体内容是什么？', projects, colleges, lexical)).toEqual({ question: '湖南电气职业技术学院“三亮三比”工程具体内容是什么？', college: '湖南电气职业技术学院', rewritten: true });
    // Its place said as a rank (排第二的工程) points at it too.
    expect(pointsIntoList('那排第二的工程，小标题说要落实什么？')).toBe(true);
    expect(carrySubjects('那排第二的工程，小标题说要落实什么？', projects, colleges, lexical).question).toContain('“三亮三比”工程');
    expect(pointsIntoList('排在第三位的是什么')).toBe(true);
    // No such item, or no list: the question is left to the other follow-up rules.
    expect(carrySubjects('第九个工程具体内容是什么？', projects, colleges, lexical).question).not.toContain('“');
    expect(isFollowUp('第一个获得全国样板支部的是哪个学院？', colleges)).toBe(false);
    // 第二个呢 of items that name a focus and then their practice (聚焦“智能制造”，实施“示范”项目…): the practice.
    const focused = [
      turn('user', '苏工院智能制造支部实施了哪几个项目'),
      turn('assistant', '- 聚焦 “铸魂引领”，实施“筑基”项目，夯实信念根基。[1]\n- 聚焦“智能制造”，实施“示范”项目，打造品牌先锋。[2]'),
    ];
    expect(carrySubjects('第二个呢', focused, colleges, lexical).question).toBe('苏州工业职业技术学院“示范”项目？');
    // Items that open with a short label and go on with its body (服务社会。开展…): the label, as written.
    const labelled = [
      turn('user', '风能学院三服务工程是哪三服务'),
      turn('assistant', '**湖南电气职业技术学院**（风能工程学院教工党支部）\n- 服务大局。发挥党支部的“智囊团”作用…[1]\n- 服务群众。注重人才培养…[2]\n- 服务社会。开展为人民服务工程、志愿服务、巾帼标兵等活动。[3]'),
    ];
    expect(carrySubjects('第三个具体做了啥', labelled, colleges, lexical).question).toBe('湖南电气职业技术学院“服务社会”具体做了啥？');
    // A list said in the lead's one line, with a supporting point below it: the lead's part, as written.
    const inline = [
      turn('user', '苏工院智能制造支部聚焦了哪三个方面'),
      turn('assistant', '聚焦“铸魂引领”、聚焦“智能制造”、聚焦“人人出彩”。[1]\n\n- 依托省“智能车间”…打造了…海棠花红智能先锋阵地。[2]'),
    ];
    expect(carrySubjects('第二条具体说说', inline, colleges, lexical).question).toBe('苏州工业职业技术学院聚焦“智能制造”具体说说？');
    expect(carrySubjects('第四条具体说说', inline, colleges, lexical).question).not.toContain('聚焦');
    // A lead of several clauses, or whose 、 stand inside quotation marks, is no list: the points below are.
    const clauses = [
      turn('user', '嘉职院党委2021年获得了哪些荣誉称号'),
      turn('assistant', '2021年，学校党委荣获嘉兴市先进基层党组织、嘉兴市五一劳动奖状等荣誉称号。[1]\n\n- 现代农业学院、城市建设学院党总支获批全省高校党建工作标杆院系。[2]'),
    ];
    expect(carrySubjects('第一条呢', clauses, colleges, lexical).question).toContain('现代农业学院、城市建设学院党总支获批');
    const quoted = [turn('user', '嘉职院的办学理念是什么'), turn('assistant', '秉持“红船铸魂、工匠立身、报效祖国”的办学理念。[1]')];
    expect(carrySubjects('第一个是什么意思', quoted, colleges, lexical).question).not.toContain('红船铸魂是什么意思');
  });

  it('reads 还有呢 as the last question asked again, about its college', () => {
    const history = [turn('user', '嘉职院的四大工程是哪四个'), turn('assistant', '实施“红船领航…”四大工程。[1]')];
    expect(carrySubjects('还有呢', history, colleges, lexical)).toEqual({ question: '嘉职院的四大工程是哪四个？', college: '嘉兴职业技术学院', rewritten: true });
    expect(carrySubjects('其他的呢？', history, colleges, lexical).question).toBe('嘉职院的四大工程是哪四个？');
  });

  it('reads 这个支部 as the conversation\'s college\'s branch, asked about as a whole, not the last list item\'s topic', () => {
    const pointed = [
      turn('user', '湖南电气风能学院教工支部实施了哪几个工程？'),
      turn('assistant', '- 实施“四个一”工程，落实教育党员有力。[1]'),
      turn('user', '第二个工程具体是怎么做的？'),
      turn('assistant', '实施“三亮三比”工程，落实管理和监督党员有力 比履职能力、比服务能力、比工作业绩，落实管理和监督党员有力。[1]'),
    ];
    expect(isFollowUp('这个支部有什么成效？', colleges)).toBe(true);
    expect(carrySubjects('这个支部有什么成效？', pointed, colleges, lexical)).toEqual({ question: '湖南电气职业技术学院支部有什么成效？', college: '湖南电气职业技术学院', rewritten: true });
    // A pointer alone (那这支队伍呢？) asks nothing of its own: the other follow-up rules take it.
    expect(carrySubjects('那这支队伍呢？', pointed, colleges, lexical).question).not.toBe('湖南电气职业技术学院队伍？');
  });

  it('reads 这个阵地 as the thing an earlier question named ending in 阵地, asked about that question\'s college', () => {
    const place = [turn('user', '那个智能制造支部的海棠花红智能先锋阵地是依托什么平台建的？'), turn('assistant', '依托省“智能车间”…集成平台。[1]')];
    expect(carrySubjects('这个阵地有什么功能？', place, colleges, lexical)).toEqual({ question: '海棠花红智能先锋阵地有什么功能？', college: undefined, rewritten: true });
    const day = [turn('user', '湖南电气风能学院的风能党员活动日是哪天？'), turn('assistant', '固定每月第四周周四为“风能党员活动日”。[1]')];
    expect(carrySubjects('这个活动日主要干啥？', day, colleges, lexical)).toEqual({ question: '湖南电气职业技术学院风能党员活动日主要干啥？', college: '湖南电气职业技术学院', rewritten: true });
  });

  it('reads 这个工程 after a turn that pointed into a list (第四项展开讲讲) as the item it pointed at', () => {
    const projects = [
      turn('user', '湖南电气风能学院搞了哪五大工程'),
      turn('assistant', '- 实施“四个一”工程，落实教育党员有力。[1]\n- 实施“三亮三比”工程，落实管理和监督党员有力。[2]\n- 实施“三服务”工程，落实组织师生有力。[3]\n- 实施“三融教育”工程，落实宣传师生有力。[4]'),
    ];
    // What is asked of the item (展开讲讲) is no noun of the pointer's: the item keeps its own.
    expect(carrySubjects('第四项展开讲讲', projects, colleges, lexical).question).toBe('湖南电气职业技术学院“三融教育”工程展开讲讲？');
    const followed = [...projects, turn('user', '第四项展开讲讲'), turn('assistant', '- 党建工作融入专业建设…[1]')];
    // The pointer's noun is its first word, however the sentence goes on (这个工程落实的…); a question
    // about names (哪五大工程) names none.
    expect(pointedName('这个工程落实的是哪个有力', followed)).toEqual({ pointer: '这个工程', name: '“三融教育”工程' });
    expect(carrySubjects('这个工程落实的是哪个有力', followed, colleges, lexical).question).toContain('“三融教育”工程落实的是哪个有力');
    expect(pointedName('这个工程落实的是哪个有力', projects)).toBeNull();
    // A question that asked what one is (手拉手一帮一是啥): the one name its answer gave, not those of a count (五大工程).
    const asked = [turn('user', '湖南电气风能学院的手拉手一帮一是啥'), turn('assistant', '实施“手拉手、一帮一”工程，落实凝聚和服务师生有力：…[1]\n\n- …实施“四个一”“三亮三比”“三服务”“三融教育”“手拉手、一帮一”五大工程…[2]')];
    expect(pointedName('这个工程落实的是哪个有力', asked)).toEqual({ pointer: '这个工程', name: '“手拉手、一帮一”工程' });
    const mechanism = [turn('user', '嘉职院清廉建设有啥机制'), turn('assistant', '坚持全面从严治党…强化“四责协同”，严肃党内政治生活…[1]\n\n- 学校清廉嘉职“四责协同”管理机制被嘉兴市建设高地领导小组办公室列为…[2]')];
    expect(pointedName('这个机制被谁认可了', mechanism)).toEqual({ pointer: '这个机制', name: '“四责协同”管理机制' });
    // Asked what it is, the name its answer gave comes before the question's own words (党建品牌), a
    // few words after the quotes; not after a question asking for several (哪些基地).
    const brand = [turn('user', '自动化学院党总支的党建品牌是什么'), turn('assistant', '以“党建统领、全员参与”为工作理念…以“立示范，树标杆”为主要内容的党建品牌…[1]\n\n- 学院党总支获浙江省高校党建“双百示范”首批党建特色品牌…[2]')];
    expect(pointedName('这个品牌是哪年获得的', brand)).toEqual({ pointer: '这个品牌', name: '“双百示范”首批党建特色品牌' });
    const bases = [turn('user', '嘉职院有哪些基地'), turn('assistant', '高标准建设教育部机关“不忘初心、牢记使命”主题教育基地…开发…30个校外教育实践基地…[1]')];
    expect(pointedName('这个基地在哪', bases)).toBeNull();
    // A name the question quoted before the noun (“向阳”项目) is the one meant, whatever its answer names.
    const project = [turn('user', '苏工院智能制造支部搞的“向阳”项目主要想破解什么难题？'), turn('assistant', '…持续深入实施“筑基-示范-向阳”项目…[1]\n\n- …以实施“向阳”项目为依托…[2]')];
    expect(pointedName('那这个项目下面具体加强了哪三方面的建设？', project)).toEqual({ pointer: '这个项目', name: '“向阳”项目' });
  });

  it('reads 它 as the conversation\'s topic with its college, or the college when there is none', () => {
    const practice = [turn('user', '湖南电气风能学院的三融教育是怎么做的'), turn('assistant', '党建工作融入专业建设…[1]')];
    expect(isFollowUp('它落实的是哪个有力', colleges)).toBe(true);
    const carried = carrySubjects('它落实的是哪个有力', practice, colleges, lexical);
    expect(carried.question).toMatch(/^湖南电气职业技术学院.*三融教育落实的是哪个有力？$/u);
    expect(carried.college).toBe('湖南电气职业技术学院');
    // What is asked of the college (它的就业率), or a numeral that names no practice (一等奖), leaves 它 the college's.
    const named = [turn('user', '台州科院“红模力”党建联建是怎么做的'), turn('assistant', '…[1]')];
    expect(carrySubjects('它的就业率是多少', named, colleges, lexical).question).toBe('台州科技职业学院就业率是多少？');
    const prizes = [turn('user', '嘉职院学生拿过哪些一等奖'), turn('assistant', '…[1]')];
    expect(carrySubjects('它落实的是什么', prizes, colleges, lexical).question).not.toContain('一等奖');
  });

  it('reads a college named by its place alone in a bare follow-up (台州那边呢, 换成台州的呢) as that college', () => {
    const rate = [turn('user', '嘉职院毕业生就业率是多少'), turn('assistant', '…[1]')];
    for (const question of ['台州那边呢', '换成台州的呢', '那台州呢？']) {
      expect(carrySubjects(question, rate, colleges, lexical), question).toEqual({ question: '台州科技职业学院毕业生就业率是多少', college: '台州科技职业学院', rewritten: true });
    }
    // A province asks the question of that province, about no one college (three may be in it).
    expect(carrySubjects('那浙江的呢', [turn('user', '湖南电气风能学院获得过哪些省级荣誉'), turn('assistant', '…[1]')], colleges, lexical)).toEqual({ question: '浙江获得过哪些省级荣誉？', college: undefined, rewritten: true });
    // A place no college's name opens with, or a counterpart word, is no college.
    expect(carrySubjects('那全校性的呢', [turn('user', '嘉职院开展了多少全国性活动'), turn('assistant', '…[1]')], colleges, lexical).question).toContain('全校性');
  });

  it('reads 其中… as a follow-up on the previous question\'s college', () => {
    const results = [turn('user', '台州科技职院机电与模具工程学院的“红模力”党建联建取得了哪些成效？'), turn('assistant', '获授权国家发明专利7项。[1]')];
    expect(carrySubjects('其中专利有多少项？', results, colleges, lexical)).toEqual({ question: '台州科技职业学院专利有多少项？', college: '台州科技职业学院', rewritten: true });
  });

  it('asks it about a college the corpus does not hold too, narrowed to none: 那清华大学呢？', () => {
    for (const question of ['那清华大学呢？', '清华大学呢']) {
      expect(carrySubjects(question, history, colleges, lexical), question).toEqual({ question: '清华大学如何开展党史学习教育？', college: undefined, rewritten: true });
    }
  });

  it('starts a new topic fresh, without the previous college', () => {
    const about = [turn('user', '台州科技职业学院机电与模具工程学院有哪些做法？'), turn('assistant', '……')];
    expect(carrySubjects('党建引领人才培养', about, colleges, lexical)).toEqual({ question: '党建引领人才培养', college: undefined, rewritten: false });
  });

  it('asks for honours afresh: they are a topic of their own, not of the question before', () => {
    // 党史学习教育的各院校都拿过哪些荣誉 had glued the previous topic to it.
    expect(carrySubjects('各院校都拿过哪些荣誉？', history, colleges, lexical)).toEqual({ question: '各院校都拿过哪些荣誉？', college: undefined, rewritten: false });
    // Pointing back, the honours are still asked of the college pointed at, not of the previous topic.
    const about = [turn('user', '嘉兴职业技术学院如何开展党史学习教育？'), turn('assistant', '……')];
    expect(carrySubjects('他们获得过哪些荣誉？', about, colleges, lexical).question).not.toContain('党史');
  });

  it('leaves a question that stands on its own, or one without history, unchanged', () => {
    expect(carrySubjects('台州科技职业学院获得了哪些荣誉？', history, colleges, lexical)).toEqual({ question: '台州科技职业学院获得了哪些荣誉？', college: undefined, rewritten: false });
    expect(carrySubjects('那他们取得了哪些成效？', [], colleges, lexical)).toEqual({ question: '那他们取得了哪些成效？', college: undefined, rewritten: false });
  });

  it('reads 他 or 她 as the person the conversation named, in full, passing over questions that point too', () => {
    const about = [turn('user', '于施佳是什么职务'), turn('assistant', '**浙江机电职业技术学院**（自动化学院党总支）\n党总支副书记于施佳获 2021年省“最受师生喜爱书记”。[1]')];
    expect(carrySubjects('她获得过什么荣誉', about, colleges, lexical)).toMatchObject({ question: '于施佳获得过什么荣誉？', rewritten: true });
    const longer = [...about, turn('user', '她是哪年获奖的'), turn('assistant', '2021年。[1]')];
    expect(carrySubjects('那她还有别的荣誉吗', longer, colleges, lexical).question).toBe('于施佳还有别的荣誉吗？');
    // Asked who, the person the answer gave.
    const who = [turn('user', '嘉职院党委书记是谁'), turn('assistant', '校党委书记方俊良带头宣讲和交流发言。[1]')];
    expect(carrySubjects('他在六中全会宣讲里做了什么', who, colleges, lexical).question).toBe('方俊良在六中全会宣讲里做了什么？');
    // 其他, 他们 point at no one person.
    expect(carrySubjects('其他学校呢', who, colleges, lexical).question).not.toContain('方俊良');
    expect(isFollowUp('他们取得了哪些成效？', colleges)).toBe(true);
  });

  it('uses the latest user turn', () => {
    const longer = [turn('user', '湖南电气职业技术学院实施了哪些工程？'), turn('assistant', '……'), ...history];
    const carried = carrySubjects('他们还有哪些做法？', longer, colleges, lexical);
    expect(carried.college).toBe('嘉兴职业技术学院');
    expect(carried.question).not.toContain('湖南');
  });

  it('takes the college from the previous answer when the question named none and the answer one', () => {
    const about = [turn('user', '哪所学校开展了“风能蒲公英”志愿服务？'), turn('assistant', '**湖南电气职业技术学院**（风能工程学院教工党支部）\n- 开展“风能蒲公英”党员志愿服务活动。[1]')];
    const carried = carrySubjects('他们还做了什么？', about, colleges, lexical);
    expect(carried.college).toBe('湖南电气职业技术学院');
    expect(carried.question).toBe('湖南电气职业技术学院在“风能蒲公英”志愿服务方面还做了什么？');
  });

  it('does not pick one college when the previous answer is about several', () => {
    const several = [turn('user', '哪些学校开展了党员志愿服务？'), turn('assistant', '**湖南电气职业技术学院**\n- ……[1]\n\n**台州科技职业学院**\n- ……[2]')];
    const carried = carrySubjects('他们取得了哪些成效？', several, colleges, lexical);
    expect(carried.college).toBeUndefined();
    expect(carried.rewritten).toBe(true);
    expect(carried.question).toContain('志愿服务');
    expect(carried.question).not.toContain('湖南电气职业技术学院');
  });

  it('carries both colleges of a comparison, without narrowing to either', () => {
    const both = [turn('user', '嘉兴职业技术学院和台州科技职业学院在乡村振兴方面做了什么？'), turn('assistant', '……')];
    const carried = carrySubjects('那他们取得了哪些成效？', both, colleges, lexical);
    expect(carried.college).toBeUndefined();
    expect(carried.question).toContain('嘉兴职业技术学院');
    expect(carried.question).toContain('台州科技职业学院');
    expect(carried.question).toContain('乡村振兴');
  });

  it('does not carry words the follow-up already says, nor intent words such as 做法', () => {
    const practice = [turn('user', '嘉兴职业技术学院党史学习教育有哪些做法？'), turn('assistant', '……')];
    const carried = carrySubjects('那党史学习教育的成效呢？', practice, colleges, lexical);
    expect(carried.question).toBe('嘉兴职业技术学院党史学习教育的成效？');
    expect(carried.question.match(/党史学习教育/g)).toHaveLength(1);
    expect(carried.question).not.toContain('做法');
  });
});

describe('swappedValue', () => {
  it('is the level or year a follow-up swapped into the previous question', () => {
    expect(swappedValue('风能学院师生技能竞赛拿了哪些省级奖？', '风能学院师生技能竞赛拿了哪些国家级奖')).toBe('省级');
    expect(swappedValue('嘉职院2020年有多少讲师收入超过副教授？', '那嘉职院2021年有多少讲师收入超过副教授')).toBe('2020年');
  });

  it('is null for the same question, and for one with other words changed', () => {
    expect(swappedValue('风能学院师生技能竞赛拿了哪些国家级奖？', '风能学院师生技能竞赛拿了哪些国家级奖')).toBeNull();
    expect(swappedValue('苏工院拿了哪些省级奖？', '风能学院拿了哪些国家级奖')).toBeNull();
  });

  it('is said by a text marking that level or year', () => {
    expect(saysValue('获…国家级三等奖1项、湖南省一等奖2项', '省级')).toBe(true);
    expect(saysValue('获全国…示范基地', '市级')).toBe(false);
    expect(saysValue('2020年，…立项', '2020年')).toBe(true);
  });
});
