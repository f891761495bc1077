/**
 * List questions whose list shares little with the question but its count (哪七大重点领域 →
 * 重点支持七大重点领域：…), counts that are not the list's (95个观察点), and lists written A、B和C or
 * given as examples (诸如A，B，C等…). Real ingest, real index, real jieba.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles, claimsOf, expectClaimSupported, leadLine } from '../helpers/answer-checks.ts';

const bank = [
  '金融服务动态',
  '记者26日从中国工商银行获悉，工行实施“春润行动”，全力支持企业复工复产，促进经济社会平稳运行。',
  '工行将安排专项信贷资金，加大对小微企业的信贷投放。各分行要简化审批流程，提高放款效率。',
  '工行“春润行动”有两项安排：一是持续做好抗疫重点企业保障和受困企业支持。二是分类、分层、分批支持企业复工复产。',
  '“春润行动”期间，工行对复工复产企业开辟绿色通道。工行各分行成立“春润行动”专班，服务复工复产。',
  '工行还通过“春润行动”为复工复产企业减免手续费。工行表示，“春润行动”将持续到复工复产全面完成。',
  // Enough other text that the list opens a passage of its own, far from the words of the question.
  ...Array.from({ length: 6 }, (_, index) => `第${index + 1}家分行加大信贷投放力度，简化审批流程，提高放款效率，降低贷款利率，延长贷款期限，为小微企业和个体工商户提供更加便利的金融服务。`),
  '重点支持七大重点领域：“五医领域”类、生活物资保障类、交通物流类、装备制造类、能源化工类、电信运营类、外贸外资类。',
].join('\n');
const wards = [
  '重庆：建立95个集中隔离医学观察点',
  '重庆已为密切接触者设置了95个集中隔离医学观察点，观察点由专人负责。',
  '在入住期间，观察对象一人一间房，专人24小时服务，并提供心理疏导等人文关怀、送餐上门、每日体温检测等服务。',
].join('\n');

const measures = [
  '关于支持企业应对疫情的若干措施',
  '一、加强防疫指引',
  '（一）指导企业做好防疫。各区要指导复工企业落实测温、消毒、通风等措施。（责任单位：市卫生健康委）',
  '二、降低企业用工成本   （二）实施援企稳岗政策。对不裁员或少裁员的企业，返还其上年度实际缴纳失业保险费的50%。（责任单位：市人社局）',
  '三、减轻企业经营负担   （三）减免企业房租。对承租国有企业房产的中小企业，免收一个月房租。（责任单位：市国资委）',
  '（责任单位：市财政局）   四、进一步降低企业负担   （四）减轻社会保险负担。对受疫情影响不能按时缴纳社会保险费的企业，允许延期至疫情解除后三个月内补缴。补缴社会保险费免收滞纳金，不影响参保个人权益记录。',
  '五、优化政府服务   （五）推行网上办理。各类审批事项一律网上办理。',
].join('\n');

// A compilation that closes every policy with the same sentence.
const compilation = [
  '疫情防控税收优惠政策汇编',
  '取得政府规定标准的疫情防治临时性工作补助和奖金，免征个人所得税。上述优惠政策适用的截止日期将视疫情情况另行公告。',
  '单位发给个人用于预防新型冠状病毒感染的肺炎的药品、医疗用品和防护用品等实物，免征个人所得税。上述优惠政策适用的截止日期将视疫情情况另行公告。',
  '对纳税人提供公共交通运输服务取得的收入，免征增值税。上述优惠政策适用的截止日期将视疫情情况另行公告。',
].join('\n');

// A list closed by a count of the kind asked (等五类功能), beside one closed by other ways.
const bureau = [
  '电子税务局办税指南',
  '答：电子税务局主要包括“我的信息”、“我要办税”、“我要查询”、“互动中心”、“公众服务”等五类功能。',
  '一些省级税务机关还可提供手机APP办税、微信、公众号等其他方式的“非接触式”办税通道办理涉税业务。',
].join('\n');

// Three titles written A、B和C, beside a list of firms written A、B、C.
const teams = [
  '星海学院教师党支部',
  '近期，星海学院活跃着一支党员服务队，他们深入恒力阀门有限公司、绿谐传动科技有限公司、星海轴承厂等企业一线，助力企业复工复产。',
  '支部组建教学创新团队和科技创新团队，先后荣获国家级教育教学创新团队、全国高校黄大年式教师团队和省科技创新团队。',
  '支部还推动疫情防控、恢复教学和复工复产“两手抓”。',
].join('\n');

// Two items of the kind asked (…团队和…团队), beside a list of firms.
const crews = [
  '星云学院教师党支部',
  '近期，星云学院活跃着一支党员服务队，他们深入恒力阀门有限公司、绿谐传动科技有限公司、星海轴承厂等企业一线，助力企业复工复产。',
  '支部组建教学创新团队和科技创新团队，开展教学改革和技术服务。',
  '学院与市文化广电旅游局、市体育局等部门共建非物质文化遗产学院、星云体育学院等，拓宽了人才培养渠道。',
  '学院近两年与158家企业签订战略合作协议，合作共建了桃园数字产业学院、皮革城产业学院，推进产教融合。',
].join('\n');

// One sentence's parts after semicolons, each with a list of its own.
const media = [
  '星云学院新媒体阵地',
  '一是抓节点推进思想政治建设，深入学习新思想。二是推进“两微一端”建设。紧跟新媒体时代步伐，借助“学习强国”“江苏先锋”“星云先锋”等平台进行学习；建立企业微信、微信群进行管理；建设智慧党建平台、育人号平台进行报导。三是推进“廉风洁雨”建设，开展廉洁文化周品牌活动。',
].join('\n');

// A list noun with characters that mean something in a pattern (C++).
const courses = ['星辰学院软件课程', '星辰学院开设C++程序设计课程和Java程序设计课程，培养软件人才。', '学院还开设了数据库课程。'].join('\n');

// Students given as examples across clauses (诸如A，B，C等…学生代表), beside a 、-list of teachers.
const school = [
  '星河学院机电系育人成效',
  '副主任王一鸣、专业带头人李晓东、骨干教师陈立新、专业带头人赵明远等优秀骨干教师远赴西部院校对口支援，深受好评。',
  '机电系学子在各类技能竞赛中成绩优异，涌现了诸如全国技术能手周小川，挑战杯特等奖获得者吴天宇，创业百强英雄郑浩然等优秀学生代表。',
].join('\n');

// A row of quoted names, each with a few words of its own after it (“…”专题理论研讨、“…”专题宣讲…), counted at its end.
const themes = [
  '星河学院党史学习教育',
  '学院高质量推进“我在红船旁学党史”专题学习、“我是红色记忆研学者”专题理论研讨、“我是红色文化传播者”专题宣讲、“我是红船护旗手”专题宣传教育、“我是红船先锋服务员”专题实践活动、“我在红船精神引领下奋斗新征程”专题行动、“高质量开好专题民主生活会和组织生活会”等7大系列专题28项重点工作，开展全校性活动460多次。',
].join('\n');

// A list, then a clause saying the same of one more (…获首批“红色名片”称号，D党支部获第二批“红色名片”称号).
const brands = [
  '星月学院支部建设',
  '2021年，机关第三党支部、园林园艺专业党支部、物流管理专业党支部获首批红色名片·支部党建品牌称号，虚拟现实专业党支部获第二批红色名片·支部党建品牌称号，学院还围绕“一支部一特色”打造了42个党建特色品牌，形成了覆盖全校各二级学院、各职能部门和各专业教研室的党建品牌矩阵，并在全省高校党建工作会议上作典型交流发言，受到与会领导和兄弟院校的一致好评，相关经验做法被省内多家主流媒体和学习平台先后报道转载，在全省同类院校中产生了广泛而积极的示范带动效应。',
].join('\n');

// Names that count their parts: spelled out (“五育”, “两翼”), or only named beside another list (“四双”).
const counted = [
  '星辰学院人才培养',
  '学院践行“德以修身”“智以启慧”“体以铸魂”“美以养性”“劳以笃行”这“五育”人才培养模式，培养高素质技术技能人才。',
  '学院以模具产教融合共同体和智能制造产教联合体为“两翼”，共建全产业链示范基地。',
  '学院建立起新教师培养“四双”机制，并通过蹲苗历练、挂职锻炼、轮岗交流、定期谈话、年度考察等措施，促使青年教师加快成长。',
].join('\n');

// Honours counted in a list beside the sentence that names the teams asked for.
const funded = ['星野学院风能工程学院党建成果', '2021年，获全国教师能力竞赛国家级三等奖1项、省一等奖2项、二等奖1项；2020年，新能源装备技术和思政教学团队分别立项省职业院校教师教学创新团队。'].join('\n');

const ask = askOverArticles('lists', { 'funded.txt': funded, 'bank.txt': bank, 'wards.txt': wards, 'measures.txt': measures, 'compilation.txt': compilation, 'teams.txt': teams, 'school.txt': school, 'themes.txt': themes, 'brands.txt': brands, 'counted.txt': counted, 'crews.txt': crews, 'media.txt': media, 'courses.txt': courses, 'bureau.txt': bureau });

describe('list questions', () => {
  it('finds the list that counts its items as the question does, though it shares no other word', async () => {
    const end = await ask('工行“春润行动”支持哪七大重点领域的企业复工复产？');
    expect(end.notFound, end.answer).toBe(false);
    const lead = leadLine(end.answer);
    for (const item of ['生活物资保障类', '外贸外资类']) expect(lead, end.answer).toContain(item);
    for (const line of end.answer.split('\n')) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });

  it('does not take a number of the question for the number of items asked (95个观察点)', async () => {
    const end = await ask('重庆建立的95个集中隔离医学观察点提供哪些服务？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('心理疏导');
  });

  it('a question that names one heading of a list asks what it covers: its body, from the heading on, through its paragraph', async () => {
    const end = await ask('在减轻社会保险负担方面有哪些政策？');
    expect(end.notFound, end.answer).toBe(false);
    const lead = leadLine(end.answer);
    expect(lead).toMatch(/^(?:（四）)?减轻社会保险负担。对受疫情影响/u);
    expect(lead).toContain('免收滞纳金');
    for (const sibling of ['减免企业房租', '推行网上办理', '责任单位']) expect(lead).not.toContain(sibling);
    for (const line of end.answer.split('\n')) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });

  it('does not take one sentence repeated after every section for a list of items', async () => {
    const end = await ask('疫情防控期间哪些收入免征个人所得税？');
    expect(end.notFound, end.answer).toBe(false);
    const lines = end.answer.split('\n').map((line) => line.replace(/\[\d+\]/gu, '').trim()).filter(Boolean);
    expect(new Set(lines).size, end.answer).toBe(lines.length);
    expect(end.answer.split('另行公告').length - 1, end.answer).toBeLessThanOrEqual(1);
  });

  it('takes a list noun the question writes literally, whatever characters it holds (C++)', async () => {
    const end = await ask('星辰学院开设了哪些c++课程？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('C++程序设计课程');
  });

  it('answers 分别是什么 of a counted row of quoted names with all of it', async () => {
    const end = await ask('星河学院党史学习教育的7大系列专题分别是什么？');
    expect(end.notFound, end.answer).toBe(false);
    for (const name of ['我在红船旁学党史', '我是红船护旗手', '高质量开好专题民主生活会和组织生活会']) expect(end.answer).toContain(name);
  });

  it('answers a counted name with the parts it sums up: a row before 这“五育”, a pair 以A和B为“两翼”', async () => {
    const fivefold = await ask('星辰学院的“五育”人才培养模式具体是哪五育？');
    expect(fivefold.notFound, fivefold.answer).toBe(false);
    expect(leadLine(fivefold.answer)).toContain('“德以修身”“智以启慧”“体以铸魂”“美以养性”“劳以笃行”');
    const pair = await ask('星辰学院的“两翼”指什么？');
    expect(pair.notFound, pair.answer).toBe(false);
    expect(leadLine(pair.answer)).toContain('模具产教融合共同体和智能制造产教联合体');
  });

  it.each(['星辰学院新教师培养的“四双”机制具体是哪四双？', '星辰学院的“四双”机制包括哪些？'])('does not give the list beside a counted name for its parts; it says the name is not spelled out (%s)', async (question) => {
    const end = await ask(question);
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('提到了“四双”，但没有列出它具体包括哪些。');
    // The sentence naming it is still shown, as related text.
    expect(end.answer).toContain('- 学院建立起新教师培养“四双”机制');
  });

  // What the lead must say, and what it must not.
  const leads: [string, string, string[], string[]][] = [
    ['reads A、B和C as a list of three when its items are alike, and leads with it', '星海学院教师党支部获得过哪些国字号团队称号？', ['黄大年式教师团队'], ['恒力阀门', '两手抓']],
    ['reads two items of the kind asked (…团队和…团队) as a list, before a list of other things', '星云学院教师党支部组建了哪些团队？', ['教学创新团队和科技创新团队'], ['恒力阀门']],
    ['reads the kind right after 哪些 as the noun listed, though it reads as a name (哪些产业学院)', '星云学院合作共建了哪些产业学院？', ['桃园数字产业学院、皮革城产业学院'], ['非物质文化遗产学院']],
    ['goes on through the parts of its sentence after a semicolon that list too', '星云学院支部“两微一端”建设用了哪些平台？', ['学习强国', '企业微信、微信群', '育人号平台'], ['廉洁文化周']],
    ['reads examples given across clauses (诸如A，B，C等优秀学生代表) as a list, and leads with the one of the kind asked', '星河学院机电系出了哪些优秀学生？', ['周小川', '郑浩然'], ['王一鸣']],
    ['does not lead with a list that names none of the kind asked, beside the sentence that names it', '星野学院风能工程学院哪些团队立项了省职业院校教师教学创新团队？', ['新能源装备技术和思政教学团队'], ['三等奖']],
    ['reads a list closed by a count of the kind asked (等五类功能) as the kind\'s list', '电子税务局主要包括哪些办税功能？', ['我的信息', '公众服务'], ['手机APP']],
    ['goes on through the clauses after a list that say the same of others, and no further', '星月学院有哪些党支部拿到了“红色名片·支部党建品牌”称号？', ['园林园艺专业党支部', '虚拟现实专业党支部获第二批'], ['42个']],
  ];
  it.each(leads)('%s', async (_behaviour, question, says, saysNot) => {
    const end = await ask(question);
    const lead = leadLine(end.answer);
    for (const text of says) expect(lead, end.answer).toContain(text);
    for (const text of saysNot) expect(lead, end.answer).not.toContain(text);
  });
});
