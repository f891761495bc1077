/**
 * Question analysis, table by table: answer types, the role each word plays (with corpus
 * statistics from a real index of the default corpus and jieba's general-language IDF), counts,
 * list nouns, units and names.
 */
import { describe, expect, it } from 'vitest';
import { lackingTopic } from '../../core/answer/compose-lacking.ts';
import { framingClause } from '../../core/answer/compose-summary.ts';
import { absentQualifiers, analyzeQuestion, unwrittenPieces, unwrittenTopicWords, collegeMentions, answerTypeOf, countPhraseOf, expectedCountOf, withClaimedValuesGeneric, withCollegeNamesMended, type QuestionAnalysis } from '../../core/answer/question.ts';
import { askerLead, draftWording, leftOutClause } from '../../core/answer/tuning.ts';
import type { AnswerType } from '../../core/answer/tuning.ts';
import { askedSpans, coreCoverageOf, writtenInFull } from '../../core/answer/evidence.ts';
import { useDefaultSnapshot } from '../helpers/corpus.ts';

const corpus = useDefaultSnapshot('question');

const analyze = (question: string, options: { topicPhrase?: boolean } = {}): QuestionAnalysis => analyzeQuestion(question, { colleges: corpus.colleges, terms: corpus.snapshot.lexical, ...options });
const roleOf = (analysis: QuestionAnalysis, word: string): string | undefined => analysis.terms.find((term) => term.word === word)?.role;

describe('answer types', () => {
  const table: [string, AnswerType][] = [
    ['嘉职院近两年累计开展了多少人次的政治素质考察？', '数量'],
    ['2021年有几名教师成功直聘高一级职称？', '数量'],
    ['台州科技职业学院2024届毕业生就业率有多高？', '数量'],
    ['海东市对办理纳税申报困难的企业可延长多久进行申报？', '数量'],
    ['风能党员活动日固定在什么时间？', '时间'],
    ['黄忠慧那个杰出教师奖，是几几年拿的？', '时间'],
    ['风能学院那篇材料，一级标题依次是哪几个？', '列表'],
    ['获省优秀成果奖一等奖的那个研究课题，题目是什么', '名称'],
    // 分别是什么 asks for the items, not what one name means.
    ['嘉职院党史学习教育的7大系列专题分别是什么？', '列表'],
    ['“红模力”是什么？', '定义'],
    // Spoken forms: 啥 is 什么, 咋 is 怎么; how a matter stands (就业咋样) is its result, what one must do is not.
    ['“三亮三比”具体指的是啥？', '定义'],
    ['台州科技职院机电模具学院的毕业生就业咋样？', '成效'],
    ['返京从业人员需要怎么样？', '做法'],
    // How a measure stands, not how something was done.
    ['台州科技职院机电与模具学院的就业率如何？', '成效'],
    ['台州科技职院机电与模具学院是如何抓就业的？', '做法'],
    // What a named practice does is how it was done; what a day is for is not.
    ['苏州工业职院智能制造支部的“向阳”项目主要干什么？', '做法'],
    // Asked to tell a practice at length: how it was done.
    ['湖南电气职业技术学院“三融教育”工程展开讲讲？', '做法'],
    ['嘉职院的亮牌制具体说说', '做法'],
    ['风能党员活动日主要干啥？', 'general'],
    // 哪个镇 asks a place, an organisation's kind of answer.
    ['无人机巡防队是跟哪个镇成立的', '机构'],
    // The name of someone holding a title is a person's.
    ['台州科院那位浙江省千名好支书叫什么名字？', '人物'],
    // The name of one pointed at (那位博士), or of one of a kind of people, is a person's.
    ['台州科院给杨梅种植户上“博士课堂”的那位博士，叫什么名字？', '人物'],
    ['苏工院劳模工作室里的那位劳模叫什么名字？', '人物'],
    ['嘉职院的党委书记叫什么名字', '人物'],
    // What a thing is for (是干嘛的, 是做什么的): what it is.
    ['其中精英引航是干嘛的', '定义'],
    ['风能党员活动日是做什么的？', '定义'],
    ['“古典学实验班”创办于哪一年？', '时间'],
    ['嘉兴职业技术学院的党委书记是谁？', '人物'],
    // Which one of a kind of people is a person asked for.
    ['浙江机电自动化学院哪个学生拿了中国青少年科技创新奖？', '人物'],
    // Which students, in the plural, are people too; a group of them (学生党员) is not.
    ['浙江机电自动化学院有哪些学生获奖？', '人物'],
    ['嘉职院有哪些学生党员参加了志愿服务？', '列表'],
    // A team of them is no person.
    ['浙江机电职院自动化学院哪个老师团队评上了首批黄大年式教师团队？', 'general'],
    // Who published or recorded it is mostly an organisation.
    ['苏州工业职业技术学院团队的案例被谁收录了？', 'general'],
    // Whom a practice serves is no person's name.
    ['苏州工业职院智能制造党支部的“七个一”先锋工程是针对谁的？', 'general'],
    ['哪所高职院校把红船精神列入了人才培养必修课？', '机构'],
    // A partner asked for (跟谁一起共建) is an organisation in this field, not a person.
    ['嘉职院的马院是跟谁一起共建的？', '机构'],
    // Whom a practice is given to is a group served (杨梅种植户), not a person's name.
    ['台州科技职院机电与模具学院搞的“博士课堂”是给谁讲的？', 'general'],
    // 人数最多 asks which, not how many.
    ['哪个学校的法学学科是法学院校中参与民法典编纂人数最多的？', '机构'],
    ['今年的招生人数是多少？', '数量'],
    // The schools are who is asked about, not what is counted.
    ['几所学校在产教融合、校企合作方面各有什么做法，对比看看', '做法'],
    ['嘉职院有几所二级学院？', '数量'],
    // A bare rate asks its value; how it stands (就业率如何) asks an outcome.
    ['台州科技职业学院就业率？', '数量'],
    ['那入党申请人比例呢', '数量'],
    ['公安部要求通过哪些方式提高检疫效率？', '做法'],
    ['党员要当好表率', 'general'],
    ['那表率呢', 'general'],
    // 几方 counts the parties; 几方面 asks for the aspects.
    ['嘉职院的马克思主义学院是几方共建的？', '数量'],
    ['嘉职院从几方面推进劳动教育？', '列表'],
    // 这几个学校 are who is asked about: 哪几家 asks which of them.
    ['这几个学校里哪几家提到了党支部书记“双带头人”？', '列表'],
    ['智能先锋阵地叫什么名字？', '名称'],
    // A guess about a count's bound (不到一千万吧, 超过一万人次吧) is a yes or no.
    ['台州科院横向技术服务到账不到一千万吧', '是否'],
    ['台州科院培训超过一万人次吧', '是否'],
    // The name of a role is a person's.
    ['嘉职院的校长叫什么名字？', '人物'],
    ['党总支书记的姓名是什么？', '人物'],
    ['嘉兴职业技术学院在教师评价改革中实施了哪些制度？', '列表'],
    ['国家发改委从哪几个方面扩大口罩生产？', '列表'],
    // The items counted, though the question names a 机制 or 方式.
    ['嘉职院新教师培养的“四双”机制具体是哪四双？', '列表'],
    ['嘉职院推行的“三式”学习法具体是哪三种方式？', '列表'],
    ['嘉职院的“四双”机制包括哪些？', '列表'],
    ['“三亮三比”中的“三亮”是什么？', '定义'],
    ['政治素质“首关制”是什么意思？', '定义'],
    ['广州市八个一措施具体指代什么？', '定义'],
    ['嘉兴职业技术学院是怎样推进党建与专业建设融合的？', '做法'],
    ['教师评价改革取得了什么效果？', '成效'],
    ['湖南电气职业技术学院获评过黄大年式教师团队吗？', '是否'],
    // Spoken: the doing, then 没有.
    ['苏工院智能制造支部得过江苏省高校先进基层党组织没有', '是否'],
    ['嘉职院建了劳动教育实践基地没有？', '是否'],
    ['哪些支部还没有建立？', '机构'],
    ['嘉职院评上过没有', '是否'],
    ['学院开展主题教育了没有', '是否'],
    // A guess put to be confirmed; a request that ends in 吧 is none.
    ['嘉职院红船新农人培养模式拿的是国家级教学成果奖吧？', '是否'],
    ['嘉职院的四大工程是红船领航工程吧', '是否'],
    ['嘉职院应该有二十多个师生党支部吧', '是否'],
    ['嘉职院入党申请人比例超过九成了没', '是否'],
    ['苏工院智能制造支部得过全国先进基层党组织吧', '是否'],
    ['说说苏工院得过哪些奖吧', '列表'],
    ['介绍一下嘉职院是怎么做的吧', '做法'],
    ['就是讲讲苏工院智能制造支部的做法吧', '做法'],
    ['帮我整理一下苏工院智能制造支部的做法，主要是行动支部建设吧', '做法'],
    // 通过 is no 过 of a doing done; a question asking which is no yes-or-no one.
    ['哪些支部通过了考核哪些没有', '机构'],
    ['党建引领人才培养', 'general'],
    // How often (多久开一次) asks a frequency, a time; what a project does (先锋工程是干嘛的) is how it is done.
    ['嘉职院警示教育大会多久开一次', '时间'],
    ['主题党日活动的频率是怎样的', '时间'],
    ['苏工院支部的七个一先锋工程是干嘛的', '做法'],
    ['“四双”是干什么的', '定义'],
    // A count inside what describes the thing asked about is no count asked; a count asked still is.
    ['浙江机电自动化学院跟几家单位一起搞的校企协同党建基地，是把哪类资源拼到一块？', 'general'],
    ['台州科院跟几家企业开展了党建联建？', '数量'],
    // The major asked of someone, at the question's end: a name ending in 专业.
    ['樊文天是哪个专业的学生？', '名称'],
    ['那个智控师生团队是哪个专业的？', '名称'],
    ['浙江机电自动化学院哪个专业连续两年排名全国第一？', 'general'],
    // The slogan of a meeting or a practice is its name (打出的主题口号是什么).
    ['劳动教育推进大会打出的主题口号是什么？', '名称'],
    // The names of people counted before a pause (评上浙江工匠的3位老师，各叫什么名字) are people's.
    ['评上浙江工匠的3位老师，各叫什么名字？', '人物'],
    // A count asked with what each is (有几个，分别是哪些; 几支 各是啥): the things counted, which the count is of.
    ['嘉职院四大工程有几个，分别是哪些？', '列表'],
    ['拿国家级牌子的教学团队 几支 各是啥', '定义'],
    // How many parts an article falls into is told by its parts.
    ['嘉职院的文章分几个部分', '列表'],
    ['湖南那篇文章讲了哪几块', '列表'],
  ];
  for (const [question, type] of table) it(`${question} → ${type}`, () => expect(answerTypeOf(question)).toBe(type));
});

describe('word roles', () => {
  it('reads a word the synonym list knows whole, though the corpus never writes it (新冠 → 疫情)', () => {
    const analysis = analyze('苏工院智能制造教工党支部在新冠期间帮哪些厂家恢复了生产？');
    expect(roleOf(analysis, '新冠')).toBe('topic');
    expect(roleOf(analysis, '冠')).toBeUndefined();
  });

  it('reads a person the articles name whole, however jieba cuts them, and asking what they are as asking of them', () => {
    const withPeople = (question: string): QuestionAnalysis => analyzeQuestion(question, { colleges: corpus.colleges, terms: corpus.snapshot.lexical, people: ['朱光耀', '黄忠慧', '李文海'] });
    const profile = withPeople('自动化学院的朱光耀是啥身份');
    expect(roleOf(profile, '朱光耀')).toBe('topic');
    expect(roleOf(profile, '光耀')).toBeUndefined();
    expect(roleOf(profile, '身份')).toBe('intent');
    expect(profile.answerType).toBe('general');
    expect(profile.person).toBe('朱光耀');
    // A person before 是…学院 is no part of an organisation's name.
    expect(withPeople('黄忠慧是自动化学院副院长吗').otherOrganisations).not.toContain('黄忠慧是自动化学院');
    // Dated, it asks of that time: the type the question asks.
    const dated = withPeople('李文海在1991年6月获得了什么称号？');
    expect(dated.answerType).toBe('名称');
    expect(dated.person).toBeUndefined();
  });

  it('weighs a part asked of its whole (三亮三比里的亮承诺) above the whole', () => {
    const part = analyze('风能学院三亮三比里的亮承诺是怎么做的');
    const weightOf = (word: string): number => part.terms.find((term) => term.word === word)!.weight;
    expect(weightOf('三亮')).toBeLessThan(weightOf('承诺'));
  });

  it('rates words any question uses as generic, whatever the corpus says (时间, 名字, 类型, 政策)', () => {
    expect(roleOf(analyze('风能党员活动日固定在什么时间？'), '时间')).toBe('generic');
    expect(roleOf(analyze('该支部打造的阵地叫什么名字？'), '名字')).toBe('generic');
    expect(roleOf(analyze('百人宣讲团包括哪些类型？'), '类型')).toBe('generic');
    expect(roleOf(analyze('嘉兴职业技术学院在教师职称评聘上有什么新政策？'), '政策')).toBe('generic');
    // The kind of number asked for: the articles write the number (50%), not the word.
    expect(roleOf(analyze('中央财政给予的贴息比率是多少？'), '比率')).toBe('generic');
    expect(roleOf(analyze('邮政业有百分之多少的网点恢复营业？'), '百分之')).toBe('generic');
    expect(roleOf(analyze('重庆市税务局为确保防疫企业正常生产经营做出了哪些措施？'), '做出')).toBe('generic');
    expect(roleOf(analyze('网上办税清单涵盖哪些方面？'), '涵盖')).toBe('generic');
    // Taking things together, or asking for the article's own words: how the question asks, not what.
    expect(roleOf(analyze('湖南电气风能学院这五大工程合在一起，是要给什么赋能？'), '合在一起')).toBe('generic');
    expect(roleOf(analyze('浙江机电自动化学院党总支原话是要着力打造个啥？'), '原话')).toBe('generic');
    for (const word of ['正文', '小标题']) expect(roleOf(analyze('浙江机电自动化学院那篇报道正文三块小标题'), word), word).toBe('generic');
    for (const word of ['每个', '对应']) expect(roleOf(analyze('五大工程每个工程对应落实哪个“有力”'), word), word).toBe('generic');
    expect(roleOf(analyze('福建省哪些企业现已正常生产了？'), '现已')).toBe('generic');
    expect(roleOf(analyze('湖南电气风能学院教工支部搞了两年，成效怎么样？'), '搞')).toBe('generic');
    expect(roleOf(analyze('嘉职院的精英引航是干嘛的'), '干嘛')).toBe('generic');
    // A word of the field jieba tags as a proper noun is a topic, not a subject.
    expect(roleOf(analyze('嘉职院是怎么抓党风廉政建设的？'), '党风廉政')).toBe('topic');
    // A date's month and day: articles write them otherwise (25日晚); a count stays a topic.
    const dated = analyze('2020年1月25日晚上，湖南省委办公厅下发的通知要求在客运码头做什么？');
    for (const word of ['1', '25']) expect(roleOf(dated, word), word).toBe('generic');
    expect(roleOf(analyze('学校想要申报项目，可以在哪里办理？'), '想要')).toBe('generic');
    // Content words a little less common than those (老师, 农村) are what the question is about.
    expect(roleOf(analyze('博士党员是怎么帮助农村发展的？'), '农村')).toBe('topic');
    expect(roleOf(analyze('老师们拿到过哪些国字号称号？'), '老师')).toBe('topic');
    // A fixed expression of the field whose parts are common words (劳动, 教育) is one topic word.
    expect(roleOf(analyze('嘉职院在劳动教育方面取得了哪些成效？'), '劳动教育')).toBe('topic');
  });

  it('reads how a count is asked (一共) as generic, and a verb with its ending (去过) as its stem', () => {
    expect(roleOf(analyze('嘉职院2021年一共打造了多少个党建特色品牌？'), '一共')).toBe('generic');
    const words = analyze('苏州工业职院的党员技术服务团队去过哪些企业？').terms.map((term) => term.word);
    expect(words).not.toContain('去过');
  });

  it('can weigh the numbers and days a yes-or-no question claims as generic: another number answers it too', () => {
    const question = analyze('湖南电气的风能党员活动日是每月第一周周一吗？');
    expect(roleOf(question, '第一周')).toBe('topic');
    const claimed = withClaimedValuesGeneric(question)!;
    expect(roleOf(claimed, '第一周')).toBe('generic');
    expect(roleOf(claimed, '周一')).toBe('generic');
    expect(roleOf(claimed, '风能')).toBe('topic');
    expect(claimed.totalWeight).toBeLessThan(question.totalWeight);
    expect(withClaimedValuesGeneric(analyze('风能党员活动日是每月第几周？'))).toBeNull();
    expect(withClaimedValuesGeneric(analyze('嘉兴职业技术学院有没有实行党员积分管理？'))).toBeNull();
  });

  it('rates when a question asks (现在) and function words (每月, 下面) as generic', () => {
    const analysis = analyze('苏州工业职业技术学院设了多少个党员先锋岗？现在每月下面有几名党员？');
    for (const word of ['现在', '每月', '下面']) expect(roleOf(analysis, word), word).toBe('generic');
    expect(roleOf(analysis, '党员先锋岗')).toBe('topic');
  });

  it('reads a verb with an aspect or result ending that the corpus never uses as its stem (出过 → 出, 涨到 → 涨)', () => {
    const words = analyze('自动化学院的学生里出过哪位劳动模范？投档线涨到了多少？').terms.map((term) => term.word);
    expect(words).not.toContain('出过');
    expect(words).not.toContain('涨到');
    expect(words).toEqual(expect.arrayContaining(['出', '涨', '劳动模范']));
    // A result complement too (抓出 → 抓).
    expect(analyze('嘉兴职业技术学院的劳动教育抓出了哪些成绩？').terms.map((term) => term.word)).not.toContain('抓出');
    // A word the corpus uses keeps its ending (the articles say 得到).
    expect(analyze('学院得到了哪些荣誉？').terms.map((term) => term.word)).toContain('得到');
    // jieba leaves 发了 an unknown word; beside 老师 it is no name (李明老师).
    const cards = analyze('嘉职院考核不达标的老师发了几张红牌？');
    expect(cards.terms.map((term) => term.word)).not.toContain('发了');
    expect(cards.terms.filter((term) => term.role === 'subject').map((term) => term.word)).toEqual(['嘉兴职业技术学院']);
  });

  it('keeps question words and counts out of the topic (几名, 多少次, 三项, 有何)', () => {
    const words = analyze('东营市对雇佣大学生的企业有何补贴？取消了几名人员？三项服务？').terms.map((term) => term.word);
    for (const word of ['几名', '有何', '三项', '多少次']) expect(words).not.toContain(word);
    expect(analyze('支部活动可以延长多久？').terms.map((term) => term.word)).not.toContain('多久');
  });

  it('cuts a preposition jieba glued to the next character (对受疫情, 意见中要严格)', () => {
    // A corpus segmented by the same jieba holds the glued words too.
    const glued = new Set(['对受', '中要']);
    const terms = { chunkCount: corpus.snapshot.lexical.chunkCount, documentFrequency: (word: string) => (glued.has(word) ? 40 : corpus.snapshot.lexical.documentFrequency(word)), idf: (word: string) => corpus.snapshot.lexical.idf(word) };
    const words = (question: string): string[] => analyzeQuestion(question, { colleges: corpus.colleges, terms }).terms.map((term) => term.word);
    expect(words('学校对受疫情影响的学生有何帮扶政策？')).not.toContain('对受');
    expect(words('指导意见中要严格人员管理的内容是什么？')).not.toContain('中要');
  });

  it('makes quoted names topic and critical, colleges subject and critical', () => {
    const analysis = analyze('嘉兴职业技术学院的“五大计划”包括哪些？');
    expect(analysis.terms.find((term) => term.word === '五大计划')).toMatchObject({ role: 'topic', critical: true, isName: true });
    expect(analysis.terms.find((term) => term.word === '嘉兴职业技术学院')).toMatchObject({ role: 'subject', critical: true });
    expect(analysis.colleges).toEqual(['嘉兴职业技术学院']);
    // A place and a field shortened to their first characters name the college too.
    expect(analyze('苏州工职院智能制造教工支部评上过什么荣誉？').colleges).toEqual(['苏州工业职业技术学院']);
    expect(analyze('苏工职院智能制造教工支部评上过什么荣誉？').colleges).toEqual(['苏州工业职业技术学院']);
    // …and with 院 alone: 苏工院, 台州科院 (not 科院机电模具学院, a unit of no college).
    expect(analyze('苏工院智能制造支部有几个党员先锋岗？').colleges).toEqual(['苏州工业职业技术学院']);
    expect(analyze('台州科院机电模具学院说的“5院4中心”是啥？').colleges).toEqual(['台州科技职业学院']);
    // A work named by its title is critical but weighs nothing: the answering sentence seldom repeats it.
    const work = analyze('《关于加强高校党建工作的意见》提出了哪些要求？');
    expect(work.terms.find((term) => term.word === '关于加强高校党建工作的意见')).toMatchObject({ role: 'subject', critical: true, isName: true, weight: 0 });
    expect(work.terms.some((term) => term.word === '党建工作' && term.role === 'topic')).toBe(true);
  });

  it('reads a common noun with the noun it qualifies (学生党员): said apart, only the noun counts', () => {
    const analysis = analyze('学生党员开展了哪些志愿服务活动？');
    expect(analysis.terms.find((term) => term.word === '学生党员')).toMatchObject({ role: 'topic', head: { word: '党员' } });
    const coverage = coreCoverageOf(analysis);
    expect(coverage('学生党员组建志愿服务队，开展志愿服务活动。')).toBe(1);
    const apart = coverage('党员教师带领学生开展志愿服务活动。');
    expect(apart).toBeGreaterThan(0.5);
    expect(apart).toBeLessThan(0.95);
    // The noun written in full after its qualifier is the qualified noun (铁路劳动模范 for 铁路劳模).
    expect(coreCoverageOf(analyze('学院出过哪位铁路劳模？'))('涌现了铁路劳动模范朱光耀。')).toBeGreaterThan(0.8);
  });

  it('reads a proposal\'s parts as framing only in a request for one (按提案格式写：…理由; not 说明…的理由)', () => {
    expect(roleOf(analyze('教代会上我想提个提案，建议用红色主题给楼宇命名，按提案格式写：标题、案由、理由、建议', { topicPhrase: true }), '理由')).toBe('generic');
    expect(roleOf(analyze('写一段话说明台科院机模学院开展“红模力”党建联建的理由', { topicPhrase: true }), '理由')).toBe('topic');
  });

  it('reads one of a compound\'s parts as only part of it (课程 of 课程思政, whose 思政 jieba does not cut out)', () => {
    const coverage = coreCoverageOf(analyze('对比各院校课程思政的做法和成效', { topicPhrase: true }), ['topic']);
    expect(coverage('实施“党建+课程资源共享”等工程')).toBeLessThan(0.5);
    expect(coverage('立项建设课程思政示范课程2门')).toBe(1);
  });

  it('weighs a word no article uses (主打) beside words they do use no more than the weightiest of them', () => {
    const analysis = analyze('浙江机电自动化学院党总支育人，主打的特色载体叫啥？');
    const weightOf = (word: string): number => analysis.terms.find((term) => term.word === word)!.weight;
    // It keeps a share of its own weight (absentKeepsAtLeast), no more than that beside 育人.
    expect(weightOf('主打')).toBeLessThan(1.5 * Math.max(weightOf('育人'), weightOf('党总支')));
    // Alone, it is what is asked about, and keeps its weight: 留学生 is not in the articles.
    const alone = analyze('嘉职院有多少个留学生？');
    expect(alone.terms.find((term) => term.word === '留学生')!.weight).toBeGreaterThan(2);
    // The thing asked for (粉丝有多少) keeps its weight; so does one beside a verb alone (咋抓 says nothing of what).
    const fans = analyze('嘉职院官微粉丝有多少');
    expect(fans.terms.find((term) => term.word === '粉丝')!.weight).toBeGreaterThan(fans.terms.find((term) => term.word === '官微')!.weight);
    const stance = analyze('嘉职院意识形态工作咋抓的');
    expect(stance.terms.find((term) => term.word === '意识形态')!.weight).toBeGreaterThan(2);
    // A list's word stands for items the articles do write (实际困难 for 联系, 解决): it is no absent word.
    const listed = analyze('各院校党组织联系服务师生、帮师生解决实际困难是怎么做的？列表比较做法和成效', { topicPhrase: true });
    expect(listed.terms.find((term) => term.alternatives?.includes('解决'))!.weight).toBeGreaterThan(2);
    // Not a head the articles write after a word they never do (合作 of 国际交流合作): the item stands
    // in by what they lack; nor a common noun right before an absent head (大学生 of 大学生心理健康教育);
    // but the specific word before a light head does (教育部 of 教育部层面).
    const abroad = analyze('列出这几家在国际交流合作、留学生培养方面的做法', { topicPhrase: true });
    expect(abroad.terms.flatMap((term) => term.alternatives ?? [])).not.toContain('合作');
    const minds = analyze('讲讲这几所学校在大学生心理健康教育、心理危机干预方面的经验', { topicPhrase: true });
    expect(minds.terms.flatMap((term) => term.alternatives ?? [])).not.toContain('大学生');
    const level = analyze('这几家拿到的国家级（全国、教育部层面）牌子和入选', { topicPhrase: true });
    expect(level.terms.find((term) => term.word === '层面')?.alternatives).toContain('教育部');
    // Glued to the word after it, it says which kind (研究生党支部), and keeps its weight too.
    const kind = analyze('研究生党支部建设有什么做法');
    expect(kind.terms.find((term) => term.word === '研究生')!.weight).toBeGreaterThan(kind.terms.find((term) => term.word === '党支部')!.weight);
    // …also after a word with no particle between (量子计算课程).
    const quantum = analyze('量子计算课程如何建设？');
    expect(quantum.terms.find((term) => term.word === '量子')!.weight).toBeGreaterThan(quantum.terms.find((term) => term.word === '课程')!.weight);
  });

  it('holds a number only whole: 20 is not in 2021 or 2000; a name opening with one (6税2费) may go on into another', () => {
    const twenty = coreCoverageOf(analyze('嘉职院有20多个师生党支部吗'), ['topic']);
    expect(twenty('2021年打造42个党建特色品牌。')).toBeLessThan(twenty('共有20多个师生党支部。'));
    expect(coreCoverageOf(analyze('6税2费4项政策都有哪些？'), ['topic'])('涉及教育费附加、地方教育附加6税2费4项政策')).toBe(1);
  });

  it('reads a coined name of counts written in digits (5院4中心) as one name, quoted or not; a date is none', () => {
    expect(analyze('台州机电模具学院的5院4中心是啥？').quoted).toEqual(['5院4中心']);
    expect(analyze('1团6心5育包括哪些队伍？').quoted).toEqual(['1团6心5育']);
    expect(analyze('2021年5月3日召开了什么会？').quoted).toEqual([]);
    expect(analyze('北京市16条举措涉及多少资金？').quoted).toEqual([]);
    expect(analyze('3个月2次的检查是什么？').quoted).toEqual([]);
    expect(analyze('“红船”和5院4中心有什么关系？').quoted).toEqual(['红船', '5院4中心']);
  });

  it('reads a name of the form N个一 typed without quotation marks as one name, no count (七个一, 四个一; not 七个一等奖)', () => {
    const project = analyze('苏工院支部的七个一先锋工程是干嘛的');
    expect(project.quoted).toEqual(['七个一']);
    // It counts its parts as “七个一” does; 七个 alone is no count of the question's.
    expect(project.expectedCount).toBe(7);
    expect(countPhraseOf('苏工院支部的七个一先锋工程是干嘛的')).toBeNull();
    expect(analyze('风能学院四个一是哪四个一').expectedCount).toBe(4);
    expect(analyze('获得了七个一等奖吗').quoted).toEqual([]);
    // 五个一批 is another name (a province's programme), no 五个一.
    expect(analyze('五个一批是什么').quoted).toEqual([]);
  });

  it('reads a college\'s name typed with a character that sounds the same as that name (台洲科院, 湖南电器, 浙江机店)', () => {
    const colleges = ['台州科技职业学院', '湖南电气职业技术学院', '浙江机电职业技术学院'];
    expect(withCollegeNamesMended('台洲科院机电模具学院的五层递进学徒制是什么', colleges)).toBe('台州科院机电模具学院的五层递进学徒制是什么');
    expect(withCollegeNamesMended('湖南电器风能学院五大工程哪个管宣传', colleges)).toBe('湖南电气风能学院五大工程哪个管宣传');
    expect(withCollegeNamesMended('浙江机店自动化学院的五型党总支', colleges)).toBe('浙江机电自动化学院的五型党总支');
    // Another college, or a name two characters away, stays as typed.
    expect(withCollegeNamesMended('湖南电力职业技术学院有什么经验', colleges)).toBe('湖南电力职业技术学院有什么经验');
    expect(withCollegeNamesMended('台洲可院有什么经验', colleges)).toBe('台洲可院有什么经验');
  });

  it('reads 几个学校 in a comparison as the colleges compared, and 几个学院 of a college named as a count', () => {
    expect(analyze('几个学校党员志愿者活动搞法比一比', { topicPhrase: true }).answerType).toBe('general');
    expect(analyze('台州科技职院建了几个学院', { topicPhrase: true }).answerType).toBe('数量');
    expect(analyze('几个学校党员志愿者活动搞法比一比').answerType).toBe('数量');
  });

  it('reads a four-character word the corpus never uses, whose halves it does, as its halves (引进人才)', () => {
    const words = analyze('嘉职院2021年引进人才多少个').terms.map((term) => term.word);
    expect(words).toContain('引进');
    expect(words).toContain('人才');
    expect(words).not.toContain('引进人才');
  });

  it('reads a counted name typed without quotation marks as one, when the question asks for as many of its parts', () => {
    expect(analyze('湖南电气风能学院的三服务是哪三个？').quoted).toEqual(['三服务']);
    expect(analyze('台州的五育是哪五育？').quoted).toEqual(['五育']);
    // 是指 is what is asked, not the name's last character (it had been read as 五育是).
    expect(analyze('台州科院的五育是指哪五育').quoted).toEqual(['五育']);
    expect(analyze('风能学院的三服务指的是哪三个').quoted).toEqual(['三服务']);
    // A count of years, or a name whose parts are not asked for, is no such name.
    expect(analyze('学院近三年是哪三年招生最多？').quoted).toEqual([]);
    expect(analyze('湖南电气风能学院开展三服务工程了吗？').quoted).toEqual([]);
  });

  it('names another college, a person the corpus never names and a year as critical', () => {
    const other = analyze('清华大学的党建工作有什么特色？');
    expect(other.otherOrganisations).toEqual(['清华大学']);
    expect(other.terms.find((term) => term.word === '清华大学')?.critical).toBe(true);
    expect(analyze('李明老师在嘉兴职业技术学院党建工作中做了哪些贡献？').terms.find((term) => term.word === '李明')?.critical).toBe(true);
    expect(analyze('嘉兴职业技术学院2017年开展了哪些活动？').terms.find((term) => term.word === '2017')?.critical).toBe(true);
  });

  it('reads an unknown personal name without a title as one person (王五, 李明, 陈静), not as loose characters', () => {
    for (const [question, name] of [
      ['王五在党建工作中做了什么？', '王五'],
      ['李明在党建工作中做了什么？', '李明'],
      ['陈静是哪个支部的？', '陈静'],
    ]) {
      expect(analyze(question!).terms.find((term) => term.word === name), question).toMatchObject({ role: 'subject', critical: true });
    }
    // Words that open with a surname's character are not names.
    expect(analyze('高校如何开展党史学习教育？').terms.some((term) => term.critical)).toBe(false);
  });

  it('does not take common nouns jieba tags as names (申请书, 那阵子) for people the corpus lacks', () => {
    for (const [question, word] of [
      ['嘉职院学生里写了入党申请书的比例，前后从多少涨到了多少？', '申请书'],
      ['疫情那阵子，有个智能制造教工党支部组织党员去企业帮忙恢复生产，具体是怎么做的？', '那阵子'],
    ]) {
      expect(analyze(question!).terms.find((term) => term.word === word)?.critical, question).toBe(false);
    }
  });

  it('asks how large for an area, how much for money, and a share in %', () => {
    expect(analyze('先锋阵地面积多大').unit).toBe('面积');
    // A unit written after 多少 is the one asked.
    expect(analyze('实训基地占地多少亩').unit).toBe('亩');
    expect(analyze('台州科院模具学院2024届毕业生月薪多少').unit).toBe('元');
    expect(analyze('学生拿到的国家奖学金一共有多少钱').unit).toBe('钱');
    expect(analyze('主题教育投入了多少经费？').unit).toBe('元');
    expect(analyze('按上年补助额度的百分之多少拨付补助资金？').unit).toBe('%');
    // Money named where people are counted (多少讲师的薪酬) is no money asked.
    expect(analyze('2021年嘉职院有多少讲师的薪酬超过了副教授？').unit).not.toBe('元');
    expect(analyze('慈善捐赠举报热线电话是多少？').unit).toBeNull();
  });

  it('counts people asked with the general classifier (多少个讲师) in 名, and posts (多少个党员先锋岗) not', () => {
    expect(analyze('嘉职院2021年有多少个讲师收入超过副教授？').unit).toBe('名');
    expect(analyze('支部设置了多少个党员先锋岗？').unit).toBe('个');
    expect(analyze('嘉职院支持了几个老师读博士？').unit).toBe('名');
    // A verb may follow the people counted, and a qualifier precede them; a branch of teachers is no person.
    expect(analyze('嘉职院21年有几个老师直聘了高一级职称').unit).toBe('名');
    expect(analyze('嘉职院提拔了几个青年教师到中层岗位').unit).toBe('名');
    expect(analyze('学院有几个教师党支部？').unit).toBe('个');
    expect(analyze('学校建了几个学生社团？').unit).toBe('个');
    expect(analyze('嘉兴职业技术学院建成几个学生劳动实践基地？').unit).toBe('个');
    expect(analyze('学校有多少个辅导员工作室？').unit).toBe('个');
    // 人次 counts times, not people: asked apart from 名 (a headcount) and 人 (either).
    expect(analyze('支部一共有多少名党员？').unit).toBe('名');
    expect(analyze('累计培训了多少人次？').unit).toBe('人次');
    expect(analyze('为企业员工培训了多少人？').unit).toBe('人');
  });

  it('reads the topic a question asks which colleges lack (哪些学校没有提到乡村振兴 → 乡村振兴)', () => {
    expect(lackingTopic('哪些学校没有提到乡村振兴')).toBe('乡村振兴');
    expect(lackingTopic('哪几所学校没有黄大年式教师团队？')).toBe('黄大年式教师团队');
    expect(lackingTopic('哪些学校的文章没有提到清廉建设')).toBe('清廉建设');
    expect(lackingTopic('哪些学校获得了荣誉')).toBeNull();
  });

  it('asks the name of an award (什么奖) as a name ending in 奖', () => {
    expect(analyze('黄忠慧获得了什么奖？')).toMatchObject({ answerType: '名称', nameHead: '奖' });
  });

  it('reads a short college name (深职院, 杭职院) as a college named, and a corpus college\'s own short name as that college', () => {
    for (const question of ['深职院有啥党建典型经验', '那深职院呢', '嘉职院和杭职院的党建品牌有什么不同']) {
      const named = analyze(question).terms.filter((term) => term.isName && term.role === 'subject').map((term) => term.word);
      expect(named, question).toContain(question.includes('杭职院') ? '杭职院' : '深职院');
      expect(named, question).not.toContain('那深职院');
    }
    expect(analyze('嘉职院有啥党建经验').colleges).toEqual(['嘉兴职业技术学院']);
    expect(analyze('苏工院智能制造支部有啥经验').terms.some((term) => term.word === '苏工院')).toBe(false);
  });

  it('asks a team founded (成立了一支什么队伍) as a name ending in 队, and a numeral with its classifier is no topic', () => {
    const team = analyze('台州科院机电模具学院与大峃镇成立了一支什么队伍？');
    expect(team).toMatchObject({ answerType: '名称', nameHead: '队' });
    expect(team.terms.find((term) => term.word === '一支')?.role).toBe('generic');
    expect(analyze('嘉职院成立了什么宣讲团？')).toMatchObject({ answerType: '名称', nameHead: '团' });
    // 哪几支队伍 asks the items of a list, not a name.
    expect(analyze('台州机电与模具工程学院的“读·聚”匠心践行团有哪几支队伍？').answerType).toBe('列表');
  });

  it('asks a title won (拿过啥称号, 被评为什么) as the words of an honour, not a name ending in the noun before it', () => {
    expect(analyze('苏工院智能制造支部的教学创新团队拿过啥称号')).toMatchObject({ answerType: '名称', nameHead: '称号' });
    expect(analyze('该支部被评为什么？').nameHead).toBe('称号');
  });

  it('reads a college\'s place before one of its units as that college and unit (台州机电与模具工程学院)', () => {
    const short = analyze('台州机电与模具工程学院的“读·聚”匠心践行团有哪几支队伍？');
    expect(short.colleges).toEqual(['台州科技职业学院']);
    expect(short.otherOrganisations).toEqual(['机电与模具工程学院']);
    // 浙江 opens 浙江机电职业技术学院 too, but 浙江大学计算机学院 is another university's school.
    const other = analyze('浙江大学计算机学院的党建有什么特色？');
    expect(other.colleges).toEqual([]);
    expect(other.otherOrganisations).toEqual(['浙江大学计算机学院']);
  });

  it('finds organisation names without the words around them, and no name in a generic phrase', () => {
    expect(analyze('台州科技职业学院机电与模具工程学院党总支书记是谁？').otherOrganisations).toEqual(['机电与模具工程学院']);
    expect(analyze('2021年嘉职院有几名讲师的收入超过了副教授？').otherOrganisations).toEqual([]);
    expect(analyze('北京市学校食堂按照哪些政策落实疫情防控工作？').otherOrganisations).toEqual([]);
    // 高职院校 are vocational colleges at large: its 职院 ends no name (教师拿过全国高职院).
    expect(analyze('台州科技职业学院机电与模具工程学院的教师拿过全国高职院校教学能力大赛一等奖吗？').otherOrganisations).toEqual(['机电与模具工程学院']);
    expect(analyze('北京市疫情期间医院可以向社会公开募集医疗物资吗？').otherOrganisations).toEqual([]);
    expect(analyze('人大图书馆的人大文库藏有多少藏有人大学者和校友著作？').otherOrganisations).toEqual([]);
    expect(analyze('宁波职业技术学院的“红船”党建品牌叫什么？').otherOrganisations).toEqual(['宁波职业技术学院']);
    // 哪些人来学校: the person asked for goes with the question word (jieba glues 人来).
    expect(analyze('台州科技职业学院还请了哪些人来学校开讲座？').otherOrganisations).toEqual([]);
  });

  it('treats places as places, not as names that rule an article out (articles say 本市)', () => {
    const place = analyze('东营市对雇佣全日制大学生的企业有何补贴政策？').terms.find((term) => term.word === '东营市');
    expect(place).toMatchObject({ role: 'subject', place: true, critical: false });
  });

  it('makes the items of a listed aspect one term with alternatives (any one covers the list); 管理方面 is 管理 + 方面', () => {
    const analysis = analyze('对比各院校在党员先锋岗、积分管理、主题党日方面的做法');
    const listed = analysis.terms.filter((term) => term.alternatives);
    expect(listed).toHaveLength(1);
    expect([listed[0]!.word, ...listed[0]!.alternatives!].sort()).toEqual(['主题党日', '党员先锋岗', '积分'].sort());
    expect(analysis.terms.map((term) => term.word)).not.toContain('党员先锋岗');
    expect(analyze('各院校在党员教育管理方面有哪些做法？').terms.map((term) => term.word)).not.toContain('管理方面');
    // 廉政建设, never written: its stem is, in a synonym (清廉), so it is 廉政 + 建设.
    expect(analyze('嘉职院在廉政建设方面主要做了哪些事？').terms.map((term) => term.word)).toEqual(expect.arrayContaining(['廉政', '建设']));
    // A word far lighter than the list's weightiest (党建, in nearly every passage) stands in for no item of it.
    const [pair] = analyze('各院校创建党建工作标杆院系、样板支部（党建“双创”）的情况对比一下', { topicPhrase: true }).terms.filter((term) => term.alternatives);
    expect([pair!.word, ...pair!.alternatives!]).toEqual(expect.arrayContaining(['党建工作标杆院系', '样板支部']));
    expect(pair!.alternatives).not.toContain('党建');
    // Nor a single character, nor what a thing is built as: 融 (of 融媒体 split) and 平台 are in any passage.
    const media = analyze('对比几个学校用新媒体、融媒体平台做党建的做法', { topicPhrase: true }).terms.find((term) => term.alternatives);
    expect([media!.word, ...media!.alternatives!].sort()).toEqual(['新媒体', '融媒体'].sort());
  });

  it('finds the absent kind of party organisation or work a request asks about, right before its head', () => {
    const kinds = (question: string): string[] => absentQualifiers(analyze(question, { topicPhrase: true }), corpus.snapshot.lexical);
    expect(kinds('对比各校社区党员的做法')).toEqual(['社区']);
    expect(kinds('下个月要专题研究研究生党支部建设，写一份会议材料')).toEqual(['研究生']);
    // A kind the articles write, a partner (街道乡镇合作), or a doing before 党建工作 (压实党建工作) is none.
    expect(kinds('对比各校教工党支部的做法')).toEqual([]);
    expect(kinds('跟地方政府、街道乡镇合作这块，嘉职院和台州科院都做了啥')).toEqual([]);
    expect(kinds('写一份压实党建工作责任制的材料')).toEqual([]);
    // A time before the asker's own unit (下学期|我们学院党总支) is no kind of it.
    expect(kinds('下学期我们学院党总支想提炼一个党建工作理念，先看看各家的理念，按学校列个表')).toEqual([]);
    // Nor whose tenure (新任|支部书记); but the kind of branch a secretary heads is one (研究生|党支部书记).
    expect(kinds('给新任支部书记培训用，写一份党员志愿服务的会议材料')).toEqual([]);
    expect(kinds('研究生党支部书记怎么当好“双带头人”，写个材料')).toEqual(['研究生']);
    // Nor the meeting that is to discuss it (支委会|要讨论党员志愿服务).
    expect(kinds('下周支委会要讨论党员志愿服务的事，帮我把各学院的做法整理成一张表')).toEqual([]);
  });

  it('reads a title the asker makes (要出一期《基层党建简报》) as no work the answer depends on, and a quote within a quote as part of the name', () => {
    expect(analyze('党委办要出一期《基层党建简报》，写嘉职院的党建品牌').terms.some((term) => term.word.includes('简报') && term.critical)).toBe(false);
    expect(analyze('《嘉兴职业技术学院章程》里写了什么').terms.some((term) => term.critical && term.word.includes('章程'))).toBe(true);
    expect(analyze('印发《党员积分管理办法》的是哪所学校').terms.some((term) => term.critical && term.word.includes('管理办法'))).toBe(true);
    expect(analyze('嘉职院“建设‘红船堡垒’ 夯实党建之基”这部分写了什么').quoted).toEqual(['建设‘红船堡垒’ 夯实党建之基']);
  });

  it('finds the absent words inside an absent compound (档案 of 档案管理), not the written ones (管理)', () => {
    expect(unwrittenPieces('档案管理', corpus.snapshot.lexical)).toEqual(['档案管理', '档案']);
    expect(unwrittenPieces('档案', corpus.snapshot.lexical)).toEqual(['档案']);
  });

  it('bounds a first item by the words before it, not by its own last word (对口帮扶 of 对口帮扶、东西部协作)', () => {
    const listed = analyze('在对口帮扶、东西部协作方面的做法', { topicPhrase: true }).terms.find((term) => term.alternatives);
    expect([listed!.word, ...listed!.alternatives!]).toEqual(expect.arrayContaining(['帮扶', '协作']));
  });

  it('reads places listed (新疆、青海) as the list, not the topic words around them as its items; 统称 asks for a name', () => {
    const aid = analyze('浙江机电自动化学院那几位老师去新疆、青海对口帮扶，口碑怎么样？');
    expect(aid.terms.some((term) => term.alternatives)).toBe(false);
    expect(roleOf(analyze('浙江机电自动化学院把党史教育这些活动打包在一起搞，统称是什么主题的活动？'), '统称')).toBe('generic');
  });

  it('reads a noun the articles write after a qualifier they never do as that kind of thing, in a topic to draft or compare on', () => {
    const education = analyze('对比各校心理健康教育的做法', { topicPhrase: true }).terms.find((term) => term.word === '心理健康教育');
    expect(education?.head?.word).toBe('教育');
    // A text with the head alone says little of it.
    expect(education!.head!.share).toBeLessThan(0.3);
    // Not a noun that in turn qualifies the next (学生 of 退役军人学生党员), nor in a question.
    expect(analyze('退役军人学生党员怎么管理，整理成会议材料', { topicPhrase: true }).terms.map((term) => term.word)).not.toContain('退役军人学生');
    expect(analyze('心理健康教育怎么开展？').terms.map((term) => term.word)).not.toContain('心理健康教育');
  });

  it('names the topic words of a request no article writes, in the order written', () => {
    const unwritten = (question: string): string[] => unwrittenTopicWords(analyze(question, { topicPhrase: true }), corpus.snapshot.lexical);
    expect(unwritten('讲讲这几所学校在大学生心理健康教育、心理危机干预方面的经验')).toEqual(['心理健康', '干预']);
    expect(unwritten('列出这几家在国际交流合作、留学生培养方面的做法')).toEqual(['国际交流', '留学生']);
    expect(unwritten('对比各校志愿服务的做法')).toEqual([]);
  });

  it('bounds a list\'s first and last items where a verb, conjunction or particle stands, unless the items are doings', () => {
    // A verb before a word of field (就业 of 学生就业上) names that field: the item runs on through it.
    const fields = analyze('比较嘉兴职院和台州科院在产教融合、学生就业上的做法').terms.find((term) => term.alternatives);
    expect([fields!.word, ...fields!.alternatives!].sort()).toEqual(['产教融合', '就业'].sort());
    // 利用 is how, not what; 开展党建和思政工作 follows the list, so 思政 is a term of its own.
    const analysis = analyze('各院校利用新媒体、融媒体平台开展党建和思政工作的对比', { topicPhrase: true });
    const media = analysis.terms.find((term) => term.alternatives);
    expect([media!.word, ...media!.alternatives!].sort()).toEqual(['新媒体', '融媒体'].sort());
    expect(analysis.terms.find((term) => term.word === '思政')?.role).toBe('topic');
    expect(analysis.terms.find((term) => term.word === '利用')?.role).toBe('generic');
    // Items that open with a verb run on over their verbs (帮师生解决实际困难).
    const doings = analyze('各院校党组织联系服务师生、帮师生解决实际困难是怎么做的？', { topicPhrase: true }).terms.find((term) => term.alternatives);
    expect([doings!.word, ...doings!.alternatives!]).toEqual(expect.arrayContaining(['实际困难', '解决']));
    // An item of several words stands in by its head (案例 of 入选典型案例), not by each word (典型, 入选).
    const cases = analyze('各院校经验做法被媒体报道、入选典型案例的情况对比', { topicPhrase: true }).terms.find((term) => term.alternatives);
    expect(cases?.alternatives).toEqual(['案例']);
    // A word past the bound that the articles never use (评优) still stands for its item: alone it finds nothing.
    const honours = analyze('各院校党员、党务工作者获得的评优表彰，以及先进典型选树的做法', { topicPhrase: true }).terms;
    expect(honours.find((term) => term.alternatives)?.alternatives).toContain('评优');
    expect(honours.find((term) => term.word === '表彰')?.role).toBe('topic');
  });

  it('reads the form a table is asked in (列个表, 做个对比表, 分开写) as no topic', () => {
    for (const question of ['各院校促进毕业生就业的做法，做个对比表', '对比各院校支部书记队伍建设的做法，列个表，做法和成效分开写']) {
      const topics = analyze(question).terms.filter((term) => term.role === 'topic').map((term) => term.word);
      for (const form of ['表', '列', '分开', '对比表']) expect(topics, question).not.toContain(form);
    }
  });

  it('reads a modal glued to its verb (可延长) as the verb, when the articles write the verb more often', () => {
    // Passage counts of a policy corpus that writes 延长 ten times as often as 可延长.
    const counts: Record<string, number> = { 延长: 40, 可延长: 4, 申报: 60 };
    const terms = { chunkCount: 1000, documentFrequency: (word: string) => counts[word] ?? 0, idf: (word: string) => Math.log(1000 / (1 + (counts[word] ?? 0))) };
    const words = analyzeQuestion('企业可延长多久进行申报？', { colleges: [], terms }).terms.map((term) => term.word);
    expect(words).toContain('延长');
    expect(words).not.toContain('可延长');
  });

  it('weighs the role asked about in a 人物 question as topic (书记, 校长)', () => {
    expect(roleOf(analyze('嘉兴职业技术学院的校长是谁？'), '校长')).toBe('topic');
  });

  it('weighs the words of a unit written after its college as its name, however common (经济学院, 智能制造教工党支部)', () => {
    const unit = analyze('苏州工业职业技术学院经济学院的院长是谁？');
    const plain = analyze('经济方面的党建工作有什么做法？');
    expect(roleOf(unit, '经济')).toBe('subject');
    expect(roleOf(plain, '经济')).toBe('generic');
    expect(unit.terms.find((term) => term.word === '经济')!.weight).toBeGreaterThan(3 * plain.terms.find((term) => term.word === '经济')!.weight);
    expect(roleOf(analyze('苏州工业职业技术学院智能制造教工党支部设置了多少个党员先锋岗？'), '智能')).toBe('subject');
    // Without a college right before it, a unit is read as usual.
    expect(roleOf(analyze('各学院经济学院的党建做法'), '经济')).toBe('generic');
  });

  it('reads a question of common words only as about them, but not a question word or a single character', () => {
    const common = analyze('对比各院校服务地方发展的做法');
    for (const word of ['服务', '地方']) expect(roleOf(common, word), word).toBe('topic');
    // 党建 is the topic: the common words beside it stay generic.
    expect(roleOf(analyze('经济方面的党建工作有什么做法？'), '经济')).toBe('generic');
    expect(roleOf(analyze('张三是谁？'), '张')).not.toBe('topic');
  });

  it('reads a topic to draft or compare on as all topic: its common words narrow it, and jieba\'s names among them are words', () => {
    const topic = (question: string): QuestionAnalysis => analyzeQuestion(question, { colleges: corpus.colleges, terms: corpus.snapshot.lexical, topicPhrase: true });
    // 学生 of 学生党员 says whose 党员, in a question and in a topic: the two are one word.
    expect(roleOf(analyze('对比各院校学生党员培养的做法'), '学生党员')).toBe('topic');
    expect(roleOf(topic('对比各院校学生党员培养的做法'), '学生党员')).toBe('topic');
    // jieba tags 文明 a name.
    expect(roleOf(topic('写一份文明校园创建的会议材料'), '文明')).toBe('topic');
    expect(roleOf(analyze('写一份文明校园创建的会议材料'), '文明')).toBe('subject');
    // How far (深度融合) is no topic, however jieba tags it (a place).
    expect(roleOf(topic('党建与专业建设深度融合'), '深度')).toBe('generic');
    // The request's own words stay out.
    expect(topic('对比各院校学生党员培养的做法').terms.filter((term) => term.role === 'topic').map((term) => term.word)).toEqual(['学生党员', '培养']);
  });

  it('marks the words a follow-up carried from the conversation, not those the user wrote', () => {
    const analysis = analyzeQuestion('嘉兴职业技术学院党史学习教育的解决了多少个实际问题？', { colleges: corpus.colleges, terms: corpus.snapshot.lexical, ownWords: '解决了多少个实际问题？' });
    expect(analysis.terms.filter((term) => term.carried).map((term) => term.word).sort()).toEqual(['党史学习教育', '嘉兴职业技术学院'].sort());
    expect(analyze('嘉兴职业技术学院解决了多少个实际问题？').terms.some((term) => term.carried)).toBe(false);
  });

  it('keeps two words whole that together are one the synonym list knows (宣传 + 小组 → 宣传小组)', () => {
    const analysis = analyze('台州科技职院去企业讲二十大精神的是哪个宣传小组？');
    expect(roleOf(analysis, '宣传小组')).toBe('topic');
    expect(analysis.terms.map((term) => term.word)).not.toContain('小组');
    // Both words the corpus's own: they stay two (开学 + 第一课, not 开学第一课 against 开学“初心第一课”).
    const words = analyze('嘉兴职业技术学院每年给大一新同学上的开学第一课叫什么？').terms.map((term) => term.word);
    expect(words).toContain('第一课');
    expect(words).not.toContain('开学第一课');
  });

  it('splits what is counted from the count asked for (招生人数 → 招生 + 人数, unit 名)', () => {
    const analysis = analyze('嘉兴职业技术学院2021年的招生人数是多少？');
    expect(roleOf(analysis, '招生')).toBe('topic');
    expect(roleOf(analysis, '人数')).toBe('generic');
    expect(analysis.unit).toBe('名');
  });
});

describe('counts, list nouns, units and names', () => {
  it('reads the number of items a question expects', () => {
    expect(expectedCountOf('湖南电气职院风能工程学院的“三服务”指哪三项服务？')).toBe(3);
    expect(expectedCountOf('苏州工业职业技术学院智能制造教工党支部持续实施的三个项目是哪些？')).toBe(3);
    expect(expectedCountOf('“三亮三比”中的“三亮”是什么？')).toBe(3);
    expect(expectedCountOf('嘉兴职业技术学院的“五大计划”包括哪些？')).toBe(5);
    // A counted name typed without quotation marks, opening what is asked of it.
    expect(expectedCountOf('三服务是指什么')).toBe(3);
    expect(expectedCountOf('风能学院三服务工程是哪三服务')).toBe(3);
    expect(expectedCountOf('三服务工程是怎么做的')).toBe(3);
    expect(analyze('三亮三比具体指什么').quoted).toEqual(['三亮三比']);
    expect(analyze('三年来取得了什么成效').quoted).toEqual([]);
    // Nor a word opening with 一, or people counted.
    for (const question of ['苏州工业职业技术学院一共有哪些党建品牌？', '党支部一般是怎么开展主题党日的？', '获奖的两人是谁']) expect(analyze(question).quoted, question).toEqual([]);
    // A place opening with a numeral is no counted name.
    expect(analyze('四川省如何做好受影响企业和个人金融服务？').quoted).toEqual([]);
    expect(analyze('九江市是哪个省的').quoted).toEqual([]);
    expect(expectedCountOf('嘉兴职业技术学院在教师评价改革中实施了哪些制度？')).toBeNull();
    expect(expectedCountOf('工行“春润行动”支持哪七大重点领域的企业复工复产？')).toBe(7);
    expect(countPhraseOf('工行“春润行动”支持哪七大重点领域的企业复工复产？')).toBe('七大');
    // A larger number counts what the question is about, not the items of its answer.
    expect(expectedCountOf('重庆建立的95个集中隔离医学观察点提供哪些服务？')).toBeNull();
  });

  it('finds the noun a list enumerates, the unit a count asks for, and the noun a name is asked for', () => {
    expect(analyze('嘉兴职业技术学院在教师评价改革中实施了哪些制度？').listHead).toBe('制度');
    expect(analyze('苏州工业职业技术学院智能制造教工党支部持续实施的三个项目是哪些？').listHead).toBe('项目');
    expect(analyze('嘉职院取消了几个人的申报资格？').unit).toBe('名');
    expect(analyze('累计发出多少张黄牌和红牌？').unit).toBe('张');
    expect(analyze('入党申请人比例从多少涨到了多少？').unit).toBe('%');
    expect(analyze('苏州工业职业技术学院智能制造教工党支部打造的智能先锋阵地叫什么名字？').nameHead).toBe('阵地');
    expect(analyze('嘉兴职业技术学院的政治素质“首关制”是什么意思？').nameHead).toBe('首关制');
  });

  it('reads a contact asked for as a count whose answer is a number: 电话是多少, 热线是什么', () => {
    for (const [question, head] of [
      ['举报违反防疫要求的单位和个人的电话是多少？', '电话'],
      ['纳税服务热线是什么？', '热线'],
      ['咨询电话号码是多少？', '电话'],
    ] as const) {
      expect(analyze(question).answerType, question).toBe('数量');
      expect(analyze(question).nameHead, question).toBe(head);
    }
    expect(analyze('嘉职院取消了几个人的申报资格？').nameHead).toBeNull();
  });

  it('asks for the deputy only when the question says 副, however jieba cuts the role', () => {
    const text = '自动化学院党总支副书记王海燕获奖，党总支书记沈敏发言。';
    const holders = (question: string): string[] => askedSpans(analyze(question), text).map((span) => text.slice(span.start, span.end));
    expect(holders('自动化学院的党总支副书记是谁？')).toEqual(['王海燕']);
    expect(holders('自动化学院的党总支书记是谁？')).toEqual(['沈敏']);
  });

  it('asks for the role as the question writes it: a 支部书记 is no 党总支书记', () => {
    const text = '党总支委员、支部书记王海燕获奖，党总支书记沈敏发言。';
    const holders = (question: string): string[] => askedSpans(analyze(question), text).map((span) => text.slice(span.start, span.end));
    expect(holders('自动化学院的党总支书记是谁？')).toEqual(['沈敏']);
    expect(holders('自动化学院的支部书记是谁？')).toEqual(['王海燕']);
    expect(holders('自动化学院的书记是谁？')).toEqual(['王海燕', '沈敏']);
    // A role inside a quoted honour is part of its name, not the role asked: the deputy may hold it.
    const deputy = '自动化学院党总支副书记王海燕获奖，党总支书记沈敏发言。';
    expect(askedSpans(analyze('自动化学院哪位获得了“最受师生喜爱书记”？'), deputy).map((span) => deputy.slice(span.start, span.end))).toEqual(['王海燕', '沈敏']);
  });
});

describe('two-character words written in full', () => {
  it('finds the long form jieba knows as one word (劳模 in 劳动模范, 思政 in 思想政治), not any four characters that fit', () => {
    expect(writtenInFull('劳模', '铁路劳动模范朱光耀')).toBe(true);
    expect(writtenInFull('思政', '加强思想政治教育')).toBe(true);
    expect(writtenInFull('劳模', '劳动规模扩大')).toBe(false);
    expect(writtenInFull('配送', '配合送达文件')).toBe(false);
    expect(writtenInFull('高考', '高度考虑')).toBe(false);
  });
});

describe('what a long request for a draft or a table says of itself', () => {
  it('asks of the articles in a clause with a question or a practice word, not in its occasion or form', () => {
    for (const clause of ['党员防汛突击队怎么组建', '几所学院各组了几支返乡宣讲小分队', '讲了多少场', '两家党建服务产业的主要做法', '哪几类人组成']) expect(draftWording.asking.test(clause), clause).toBe(true);
    for (const clause of ['上周组织部带队去苏州、台州两地学习', '现场记录丢了', '工会和组织部打算合办一个“××月”', '图我自己画']) expect(draftWording.asking.test(clause), clause).toBe(false);
    // Borrowing a practice is asking about it.
    expect(draftWording.asking.test('团委想借鉴湖电风能学院的做法')).toBe(true);
    // A superior asking for the text is who asks, not what about.
    for (const clause of ['书记要讲话', '领导让我准备材料', '书记让大家先学习一下']) expect(draftWording.superiorAsks.test(clause), clause).toBe(true);
    expect(draftWording.superiorAsks.test('书记要讲讲“双带头人”怎么培育')).toBe(false);
  });

  it('leaves out what was covered before (…前面已经汇报过了) as it leaves out what not to list', () => {
    expect(leftOutClause.test('，课程思政（示范课那些）前面已经汇报过了')).toBe(true);
    expect(leftOutClause.test('，发展党员那块之前写过了')).toBe(true);
    expect(leftOutClause.test('，个人获奖的不用列')).toBe(true);
    expect(leftOutClause.test('，各校学生党员怎么发挥作用')).toBe(false);
    // What not to write, named after the verb.
    expect(leftOutClause.test('，不要写嘉职院的绩效改革')).toBe(true);
    expect(leftOutClause.test('，别提亮牌制')).toBe(true);
    expect(leftOutClause.test('，要写清楚绩效改革怎么推进')).toBe(false);
    // A longer lead, and what does not count (…那种不算).
    expect(leftOutClause.test('。只说“建立机制”“对标标准”、没写出文件名的不要')).toBe(true);
    expect(leftOutClause.test('。学生月薪那种不算')).toBe(true);
    // What not to mix in, and a clause only saying to skip the one before it.
    expect(leftOutClause.test('，别的年份的、没写年份的都不要混进来')).toBe(true);
    expect(leftOutClause.test('。课程思政、廉洁文化这些跟服务产业不沾边的，统统略过')).toBe(true);
    expect(leftOutClause.test('。课程思政、廉洁文化这些，统统列出来')).toBe(false);
    expect(leftOutClause.test('。台州科院党员干部带头访企拓岗、毕业生就业率98%以上那块不用写')).toBe(true);
    // What not to carry over, not to put in, or what does not count as the thing asked about.
    expect(leftOutClause.test('。别的章节（红船精神、从严治党那些）一个字都不要搬过来')).toBe(true);
    expect(leftOutClause.test('。湖电那个“一帮一”结对这回不放')).toBe(true);
    expect(leftOutClause.test('。学生自己办的公司不算合作企业')).toBe(true);
    expect(leftOutClause.test('，把红船精神搬到课堂上')).toBe(false);
    // A question whether it counts is no exclusion.
    expect(leftOutClause.test('，“网格化”这个说法算不算党建创新')).toBe(false);
  });
  it('reads a clause saying how long, in what order or in what form the answer is as no topic', () => {
    for (const clause of ['每段不超过', '每家不超过3条这样的链子', '然后做法和成效合在一起压到8条以内', '都摘出来按家数从多到少排', '五段按文章发布时间从早到晚排', '文章上没写发布日期的放最后', '要点式', '列表比一下']) {
      expect(draftWording.arrangement.test(clause), clause).toBe(true);
    }
    for (const clause of ['各校党员先锋岗怎么排班', '新模式', '落到了哪些具体项目或队伍上', '每家的党建品牌']) expect(draftWording.arrangement.test(clause), clause).toBe(false);
    // An overview for an audience says no topic; what they are to be told does.
    expect(draftWording.audience.test('想先给大家一个全景')).toBe(true);
    expect(draftWording.audience.test('给书记们讲讲巡察整改')).toBe(false);
    expect('想让新同志了解政治生日怎么过'.replace(draftWording.audienceLead, '')).toBe('政治生日怎么过');
  });
  it('reads the words a request uses of the text it wants (提法, 全景, 链子) as generic in a request only', () => {
    const request = analyze('想先给大家一个全景，说清各家主打什么理念、这种提法落在哪些项目上', { topicPhrase: true });
    for (const word of ['全景', '主打', '提法']) expect(roleOf(request, word), word).toBe('generic');
    expect(roleOf(analyze('嘉职院出过党建简报吗'), '简报')).toBe('topic');
    // A generic piece of an absent word (时间 of 时间段) is not said again by another.
    expect(unwrittenPieces('时间段', corpus.snapshot.lexical)).not.toContain('时间');
  });
  it('reads a quoted shape (“××机制”) as its fixed words and a quoted mark to write (“未写”, “+”) as nothing asked', () => {
    const request = analyze('几所学院文章里凡是写成“××机制”的都摘出来，文中没写的那格写“未写”，“+”后面接的是什么', { topicPhrase: true });
    expect(request.terms.filter((term) => term.isName).map((term) => term.word)).toEqual([]);
    expect(request.terms.map((term) => term.word)).toContain('机制');
    expect(request.terms.map((term) => term.word)).not.toContain('未写');
  });
  it('reads the columns, the marks to write, the asker\'s publication and a speech\'s occasion as framing a request', () => {
    expect(draftWording.arrangement.test('立项原话｜哪一年｜哪一级')).toBe(true);
    for (const clause of ['照样排进去但要标明“涨幅”', '别替人家补', '书记下周在全校党建推进会上讲话', '都摘出来']) expect(framingClause(clause), clause).toBe(true);
    expect(framingClause('各校党员先锋岗怎么设的')).toBe(false);
  });
  it('reads the asker\'s own offices opening a clause as who asks, not as its topic', () => {
    expect('教务处和党委联合开课程改革研讨会'.replace(askerLead, '')).toBe('联合开课程改革研讨会');
    expect('科技处和党委想联合推“党员服务产业”'.replace(askerLead, '')).toBe('想联合推“党员服务产业”');
    expect('人事处和组织部要一起研究考核办法'.replace(askerLead, '')).toBe('要一起研究考核办法');
    // An office that is what the clause is about stays.
    expect('各校教务处的做法'.replace(askerLead, '')).toBe('各校教务处的做法');
  });
  it('rates a set phrase no article writes as generic when it is said of a doing (一门心思扑到), not of a kind (离退休党支部)', () => {
    expect(roleOf(analyze('湖南电气风能学院的“三服务”工程，是要领着师生一门心思扑到哪儿？'), '一门心思')).toBe('generic');
    expect(roleOf(analyze('各校离退休党支部有哪些做法'), '离退休')).toBe('topic');
    // Nor before a copula: 必备条件是什么 asks the thing itself.
    expect(roleOf(analyze('企业复工必备条件是什么？'), '必备条件')).toBe('topic');
    // Where in the article (文中点名的): no topic either.
    for (const word of ['文中', '点名']) expect(roleOf(analyze('嘉职院的重点专业群，文中点名的是哪几个'), word), word).toBe('generic');
  });
  it('rates the colleges pointed at with their count (这三家) and the table asked for (一张) as generic', () => {
    expect(roleOf(analyze('嘉职院、浙江机电、台州科院这三家，各拿了哪些省级荣誉'), '这三家')).toBe('generic');
    expect(roleOf(analyze('要一张表'), '一张')).toBe('generic');
  });
});

describe('the article a question points at', () => {
  it('is no topic: 那篇文章 and 文章 say which text to read', () => {
    const analysis = analyze('苏工院那篇文章正文有哪几个小标题');
    expect(analysis.terms.filter((term) => term.role === 'topic')).toEqual([]);
    expect(roleOf(analyze('嘉职院的文章分几个部分'), '文章')).toBe('generic');
  });
  it('names its college by the place alone (苏州那篇, 湖南的文章) when one college opens with that place', () => {
    expect(analyze('苏州那篇正文有哪几个小标题').colleges).toEqual(['苏州工业职业技术学院']);
    expect(analyze('湖南的文章讲了哪几块').colleges).toEqual(['湖南电气职业技术学院']);
    // A place with no pointer at an article names no college.
    expect(analyze('苏州有哪些企业得到了帮助').colleges).toEqual([]);
  });
  it('reads places listed with other colleges, or counted (苏州和台州两家), as those colleges; not a province, a city or another college', () => {
    const named = (text: string): string[] => collegeMentions(text, corpus.colleges).map((mention) => mention.college).sort();
    expect(named('苏州和台州两家在党建与业务融合上的做法')).toEqual(['台州科技职业学院', '苏州工业职业技术学院']);
    expect(named('嘉兴、台州、浙江机电这三家的体会')).toEqual(['台州科技职业学院', '嘉兴职业技术学院', '浙江机电职业技术学院'].sort());
    expect(named('请整理湖南风能和苏州两个教工党支部的做法')).toEqual(['湖南电气职业技术学院', '苏州工业职业技术学院']);
    expect(named('台州科院党总支是不是也在深化浙江省级高校党建工作标杆院系建设')).toEqual(['台州科技职业学院']);
    expect(named('台州职业技术学院2023年毕业生的平均月薪是多少')).toEqual([]);
    expect(named('苏州、无锡的企业有哪些')).toEqual([]);
    // …and places pointed at as a side (嘉兴那边和台州那边两家), not a place's firms (嘉兴那边的企业).
    expect(named('嘉兴那边和台州那边两家的文章里，跟钱有关的数字')).toEqual(['台州科技职业学院', '嘉兴职业技术学院'].sort());
    expect(named('嘉兴那边的企业有哪些')).toEqual([]);
    // Short forms of a place's first character (浙机电, 湖电, 嘉职) where a word starts and ends, not inside one (平台科技, 湖电网).
    expect(named('浙机电、湖电和嘉职三家的做法')).toEqual(['浙江机电职业技术学院', '湖南电气职业技术学院', '嘉兴职业技术学院'].sort());
    expect(named('平台科技企业和湖电网公司')).toEqual([]);
    // The country names no college, though one college's name opens with it.
    expect(collegeMentions('中国高校的党建做法', ['中国人民大学', '苏州工业职业技术学院'])).toEqual([]);
  });
});

describe('organisations a question names', () => {
  it('are not two nouns joined by 和 where the first ends a topic (党建工作和二级学院事业)', () => {
    const analysis = analyze('湖南电气风能学院党建工作和二级学院事业的步调现在怎么样？');
    expect(analysis.otherOrganisations).not.toContain('党建工作和二级学院');
    expect(analysis.terms.some((term) => term.word.includes('党建工作和'))).toBe(false);
  });
});

describe('a year a yes-or-no question asks to check', () => {
  it('weighs at most half the weightiest word it is said of', () => {
    const analysis = analyze('向阳项目是2019年成立的吗？');
    const year = analysis.terms.find((term) => term.word === '2019')!;
    const named = analysis.terms.find((term) => term.word === '向阳')!;
    expect(year.weight).toBeLessThanOrEqual(named.weight * 0.5 + 1e-9);
  });
});

describe('several colleges asked of together (苏工院讲“德技融合”，台州科院讲“五育并举”)', () => {
  it('read their quoted names as standing for one another', () => {
    const apart = analyzeQuestion('讲“德技融合”，讲“五育并举”，两家育人理念怎么落地的', { colleges: corpus.colleges, terms: corpus.snapshot.lexical, topicPhrase: true, quotedApart: true });
    const name = apart.terms.find((term) => term.word === '德技融合')!;
    expect(name.alternatives).toEqual(['五育并举']);
    expect(apart.terms.some((term) => term.word === '五育并举')).toBe(false);
    const together = analyze('讲“德技融合”，讲“五育并举”，两家育人理念怎么落地的', { topicPhrase: true });
    expect(together.terms.filter((term) => term.isName && term.critical).map((term) => term.word)).toEqual(['德技融合', '五育并举']);
  });
});
