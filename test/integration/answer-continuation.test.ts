/**
 * A lead that tells how goes on through its paragraph while the sentences stay on the question or
 * on the lead, as one cited span; it stops at the next point of an outline and at a sentence on
 * something else, and a count stays one clause. Real ingest, real index, real jieba.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles, claimsOf, expectClaimSupported, leadLine } from '../helpers/answer-checks.ts';

const article = [
  '关于支持企业复工复产的若干措施',
  '一、全力保障防控物资快速通关。各直属海关设立进口捐赠物资专门受理窗口和绿色通道，对防控物资实施快速验放。防控物资到港后，由海关优先安排查验。查验完毕的物资当日放行。本市今年还将举办春季校园招聘会。',
  '二、减免中小企业房租。承租国有企业房产的中小企业，免收2月份房租。',
  '三、加大稳岗返还力度。对不裁员的企业，返还上年度实际缴纳失业保险费的50%，全市共有1200家企业受益。稳岗返还资金由失业保险基金列支。',
].join('\n');

// Two paragraphs of the default corpus: practices opened by run-in labels (实施…“X制”。), and
// practices separated by semicolons.
const reform = [
  '嘉兴职业技术学院深化教师评价改革',
  '坚持问题导向,打出教师改革“组合拳”。聚焦高校政治意识淡化的普遍性难题和人才评价的“五唯”积弊,嘉职院全面实施教师评价机制综合改革。实施政治素质“首关制”。出台《政治素质考察办法》,将政治素质作为干部提任、职称评聘的前置条件,对考察不过关的人员实行“一票否决”。近两年已累计开展700多人次的考察,取消了5名政治素质评价不过关人员的申报资格。实施职称评聘“替代制”。修订《教师专业技术职务评聘办法》,制定21项业绩成果互认“替代”机制,实行分类评价,制定破格和直聘条件,允许取得重大突破性成果、突出业绩和贡献的教师破格晋升。2021年有5名教师成功直聘高一级职称。实施业绩考核“亮牌制”。修订教职工《考核管理办法》,对年度和聘期考核不达标的教师,依规给予“黄牌”警告、“红牌”诫勉、调整岗位或不再续聘,累计发出“黄牌”5张、“红牌”7张。建立教师高职低聘、低职高聘机制,打破资历限制,提拔任用13名业绩突出的青年教师到中层岗位任职。实施绩效分配“动态制”。改革绩效工资扁平化分配方式。根据二级机构考核结果设立一、二、三等奖,拉开考核奖分配差距。制定各类教师职务成果清单,进行年度“盘账”,形成与高职低聘、低职高聘相衔接的绩点年度动态调整机制。2021年,有27名讲师收入超过副教授,有37名副教授收入超过教授,形成了讲业绩、比贡献的价值导向。',
  '台州科技职业学院机电与模具工程学院党总支',
  '党建赋能:“不忘初心 牢记使命”奏响新时代最强音。该党总支依托台州市青年理论宣讲名家工作室——学校“嘉木先锋”宣讲团,到浙江丰立智能科技股份有限公司等20家党建联建企业宣讲党的二十大精神、党的二十届三中全会精神等;组建“匠心机电”党员志愿服务先锋队,发挥党员青年博士作为高层次人才在全方位创先争优中的表率作用,开展“博士课堂”,为仙居县南峰街道杨梅种植户讲解无人机的应用,助力乡村振兴,与大峃镇成立无人机森立安全巡防队,保障森林生态安全等;邀请黄岩区、台州市劳模工匠,全国五一劳动奖章获得者、企业家等50余人进校园开展校内论坛、讲座、报告会;联合党建联建企业共同培养高素质现场工程师,《台州科技职业学院+北京精雕科技集团有限公司+数控技术+现场工程师联合培养项目》入选浙江省职业教育现场工程师专项培养计划;开发校企合作课程,将工匠精神等思政元素融入课程中,将技能知识与德育结合起来,实现高质量企业案例授课。截至2023年底,校企联合开发典型项目案例教材7门,开设工匠班、订单班40个,培养现代学徒制学生1000余人,培育工程师230名,服务台州模具特色产业集群高质量发展,学生获全国职业技能比赛一类赛二等奖2项,获浙江省高职高专院校国家奖学金特别评选奖1项。《“双线耦合、四维融合”工科专业课课程思政体系的构建与实践》入选浙江省推进习近平新时代中国特色社会主义思想进课程教材工作典型案例,《党建引领聚合力 多方携手共发展》等党建引领产教融合、匠心筑梦、协同育人经验形成可复制、可示范、可推广的工作范式。',
].join('\n');

// Steps announced by a colon, as a page that lost its line breaks shows them.
const steps = '金税盘便捷清卡指引 金税盘便捷清卡解锁的操作步骤：   第一步，纳税人登陆开票系统。   第二步，系统自动上报汇总发票数据。   第三步，系统自动完成清卡。   如有疑问请拨打12366。';

// The same steps on lines of their own, after a lead that ends at its colon (and a web address's).
const lines = ['电子发票申领指引', '登录网址https://etax.example.cn后，电子发票申领的办理步骤如下：', '第一步，填写申领信息。', '第二步，上传身份证明。', '第三步，等待审核通过。', '办理时间为工作日。'].join('\n');

// Headings whose body follows after a run of spaces, as a page that lost its line breaks shows them.
const haidian = [
  '海淀区支持企业稳定发展的若干措施',
  '为解决企业经营困难，特制定以下具体措施。   一、鼓励企业科技防疫   （一）支持企业科研攻关   对从事快速检测试剂、疫苗研发的企业，给予不高于300万元的研发支持。（对接部门：区科信局）   对从事疫苗研发的科研带头人及其团队优先评选海英人才。   （二）激励企业参与技术防疫   对利用大数据技术参与疫情防控的企业，给予不高于100万元的一次性奖励。',
].join('\n');

// A numbered heading, a run-in sentence, then the points it stands for (the default corpus's 湖南电气 article).
const projects = [
  '星海职业技术学院风能工程学院教工党支部',
  '4.实施“三融教育”工程,落实宣传师生有力 ',
  '筑牢“主阵地”,师生宣传扎实有效。一是党建工作融入专业建设,坚持“把支部建在团队上”,推动产教科研与党支部融合。二是党建工作融入师德建设,在全院范围内开展师德师风专题报告会、“师魂映党旗”演讲比赛等系列活动。三是党建工作融入教风建设,依托“三融教育”平台开展教师风采展示活动,推进党建与教风工作相辅相成。',
  '5.实施“手拉手、一帮一”工程,落实凝聚和服务师生有力 ',
  '以服务学院全体师生为目标,以支部党员为核心,形成师生有困难找支部、找党员的循环帮扶机制。',
].join('\n');

// Two practices side by side; the second opens with its own purpose (为服务…，出台…).
const help = [
  '星湖职业技术学院服务地方发展',
  '构建“党建引领、三级联动、六院一体”对口帮扶体系，开展“红船领航”党员职教帮扶行动，相关做法得到省委领导批示肯定。为服务省市高质量发展，出台学校“服务地方”八大工程、30项举措，相关做法和成效获市委书记批示肯定。',
].join('\n');

// Points each opened by a run-in label (二是每位党员每月掌握入党积极分子学习状态。) and told by the sentence after it.
const points = [
  '星潭职业技术学院风能工程学院教工党支部',
  '坚持以政治建设为统领,确保党员教育扎实有效。一是每位党员每月听取党外群众意见。通过开展谈心活动、组织生活会和座谈会等形式积极征求群众意见。二是每位党员每月掌握入党积极分子学习状态。固定每月第四周周四为“风能党员活动日”,动态更新团队成员的状态。三是每位党员每月参加志愿者活动。开展“风能蒲公英”党员志愿服务活动。',
].join('\n');

// A paragraph longer than a passage: its practice ends the first passage, and the sentence that goes
// on with it opens the next (the lead is too long to be carried over as the next passage's context).
const service = [
  '星河区税务局优化疫情期间纳税服务',
  [
    '今年以来，星河区税务局坚持把疫情防控作为当前工作的重中之重，成立了由主要负责同志任组长的工作专班，统筹推进各项防控措施和税收征管工作。',
    '区局先后召开专题会议十余次，逐项研究部署税收政策落实、机关内部管理和干部职工健康监测等工作，确保各项工作有序开展。',
    '全局干部职工按照属地要求，参与社区卡口值守和入户排查，累计投入人员三百余人次，协助社区完成重点人员登记和体温检测。',
    '区局加强与财政、社保、人民银行等部门的信息共享，及时掌握企业复工复产情况，为后续政策落地提供数据支撑。',
    '区局还通过官方网站和微信公众号发布政策解读文章二十余篇，帮助纳税人准确理解各项税收优惠政策。',
    '区局组织青年干部组成志愿服务队，走访辖区重点企业六十余户，了解企业生产经营中遇到的困难和诉求。',
    '区局对机关办公场所实行每日两次全面消毒，为干部职工配发口罩和消毒用品，落实错峰就餐和分散办公要求。',
    '对确需到办税服务厅办理业务的纳税人，税务机关主动通过电话和网上预约服务，为纳税人分时分批、错峰错期办理提供便利，并在大厅入口设置体温检测点和一米线，千方百计降低疫情传播风险。',
    '预约成功的纳税人可在约定时段直接到专门窗口办理，无需排队取号，办结后由工作人员对窗口进行清洁。',
    '此外，机关食堂自三月起恢复正常供餐。',
  ].join(''),
].join('\n');

// A short lead, then what its subject must do next, said without a subject of its own and none of the question's words.
const crowded = [
  '星城市加强人员密集场所疫情防控',
  '机场、火车站、宾馆等流动性强的人员密集场所，要严格落实旅客体温筛查，登记健康信息和联系方式。对疑似病例必须劝阻其登乘、入住，并就地留观、确认。本市今年还将举办春季校园招聘会。',
].join('\n');

// Parts announced by a colon and joined by semicolons, the later ones in words of their own.
const market = ['星江市发布菜场管理要求', '发布的4条针对菜场的管理要求明确：外来返城经营人员严格居家隔离；所有人员进入菜场必须测量体温，未测体温不得进场；每天必须做好开休市消毒至少2次；必须张贴宣传告示等。本市今年还将举办春季校园招聘会。'].join('\n');

// Numbered points run together on one line, as a page that lost its line breaks shows them.
const numbered = '星州市住房公积金阶段性支持政策\n5．受疫情影响的企业可申请缓缴住房公积金，缓缴期间职工正常提取。 6．对支付房租压力较大的职工，可在原1000元/月·户标准基础上提高50%，即按1500元/月·户标准提取。职工可灵活选择提取时间。 7．企业缓缴期间，中心通过多种渠道告知职工其所在企业的缓缴情况，提醒职工及时调整还款计划。';

const ask = askOverArticles('continuation', { 'numbered.txt': numbered, 'market.txt': market, 'crowded.txt': crowded, 'service.txt': service, 'points.txt': points, 'help.txt': help, 'measures.txt': article, 'reform.txt': reform, 'steps.txt': steps, 'lines.txt': lines, 'haidian.txt': haidian, 'projects.txt': projects });

describe('a lead told through its paragraph', () => {
  it('goes on into the sentence that continues it, cited as one span, and stops at a sentence on something else', async () => {
    const end = await ask('海关如何对防控物资实施快速验放？');
    expect(end.notFound).toBe(false);
    const lead = leadLine(end.answer);
    expect(lead).toContain('实施快速验放。防控物资到港后，由海关优先安排查验。查验完毕的物资当日放行。[1]');
    expect(end.answer).not.toContain('招聘会');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });

  it('goes on past the end of its passage, each part cited from the passage that holds it', async () => {
    const end = await ask('星河区税务局如何为到办税服务厅办理业务的纳税人提供便利？');
    const lead = leadLine(end.answer);
    expect(lead, end.answer).toMatch(/^对确需到办税服务厅办理业务的纳税人，.*降低疫情传播风险。\[(\d+)\]预约成功的纳税人可在约定时段直接到专门窗口办理，无需排队取号，办结后由工作人员对窗口进行清洁。\[(\d+)\]$/u);
    const claims = claimsOf(lead);
    // Two passages, two citations: no passage holds the paragraph's two sentences together.
    expect(new Set(claims.flatMap((claim) => claim.numbers)).size).toBe(2);
    for (const claim of claims) expectClaimSupported(claim, end.citations);
    expect(end.answer).not.toContain('食堂');
  });

  it('stops before a sentence that opens with a purpose of its own and shares only boilerplate (批示肯定)', async () => {
    const end = await ask('星湖职业技术学院的对口帮扶是怎么做的？');
    const lead = leadLine(end.answer);
    expect(lead, end.answer).toContain('党员职教帮扶行动');
    expect(lead).not.toContain('服务地方');
  });

  it('tells a sentence with the run-in label of its point, which says what it is for', async () => {
    const end = await ask('星潭职业技术学院的风能党员活动日主要做什么？');
    const lead = leadLine(end.answer);
    expect(lead, end.answer).toMatch(/^(?:二是)?每位党员每月掌握入党积极分子学习状态。固定每月第四周周四为“风能党员活动日”/u);
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });

  it('goes on into what the lead subject must do next, said without a subject of its own (对疑似病例必须…)', async () => {
    const end = await ask('星城市针对人员密集场所出台了哪些新举措？');
    const lead = leadLine(end.answer);
    expect(lead, end.answer).toContain('登记健康信息和联系方式。对疑似病例必须劝阻其登乘、入住，并就地留观、确认。');
    expect(end.answer).not.toContain('招聘会');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });

  it('goes on through the semicolon-joined parts its colon announces, to the end of the sentence', async () => {
    const end = await ask('星江市对菜场有何管理要求？');
    const lead = leadLine(end.answer);
    expect(lead, end.answer).toContain('管理要求明确：外来返城经营人员严格居家隔离；所有人员进入菜场必须测量体温，未测体温不得进场；每天必须做好开休市消毒至少2次；必须张贴宣传告示等。[1]');
    expect(end.answer).not.toContain('招聘会');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });

  it('goes on through the body of the numbered point it opens, and stops at the next point', async () => {
    const end = await ask('星州市对支付房租压力较大的职工有什么政策？');
    const lead = leadLine(end.answer);
    expect(lead, end.answer).toContain('即按1500元/月·户标准提取。职工可灵活选择提取时间。');
    expect(lead).not.toContain('还款计划');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });

  it('stops before the next point of the outline', async () => {
    const end = await ask('怎样全力保障防控物资快速通关？');
    const lead = leadLine(end.answer);
    expect(lead).toContain('快速验放');
    expect(lead).not.toContain('减免中小企业房租');
  });

  it('a count stays the clause that holds it', async () => {
    const end = await ask('稳岗返还共有多少家企业受益？');
    const lead = leadLine(end.answer);
    expect(lead).toContain('全市共有1200家企业受益。[1]');
    expect(lead).not.toContain('列支');
  });

  it('under a labelled practice, stops at the next label: the next practice', async () => {
    const end = await ask('嘉兴职业技术学院的政治素质“首关制”是什么意思？');
    const lead = leadLine(end.answer);
    expect(lead).toContain('一票否决');
    expect(end.answer).not.toContain('替代制');
  });

  it('does not go on for a common word the next sentence shares (开展)', async () => {
    const end = await ask('台州科技职业学院机电与模具工程学院的博士党员是怎么帮助农村发展的？');
    const lead = leadLine(end.answer);
    expect(lead).toContain('无人机');
    expect(lead).not.toContain('劳模工匠');
  });

  it('goes on through the items its lead announces, in order, though they share no word with the question', async () => {
    const end = await ask('金税盘便捷清卡解锁的操作步骤是什么？');
    const lead = leadLine(end.answer);
    expect(lead).toContain('第一步，纳税人登陆开票系统。   第二步，系统自动上报汇总发票数据。   第三步，系统自动完成清卡。[1]');
    expect(lead).not.toContain('12366');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });

  it('goes on through announced items on lines of their own', async () => {
    const end = await ask('电子发票申领的办理步骤是什么？');
    const lead = end.answer.split('\n\n')[0]!;
    for (const step of ['填写申领信息', '上传身份证明', '等待审核通过']) expect(lead, end.answer).toContain(step);
    expect(lead).not.toContain('工作日');
  });

  it('a heading that answers goes on through the points under it (一是…二是…三是…), and not into the next heading', async () => {
    const end = await ask('星海职业技术学院风能工程学院是怎么落实宣传师生有力的？');
    const lead = leadLine(end.answer);
    for (const point of ['融入专业建设', '融入师德建设', '融入教风建设']) expect(lead, end.answer).toContain(point);
    expect(lead).not.toContain('手拉手');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });

  it('a heading leads with its body when a run of spaces, a lost line break, stands between them', async () => {
    const end = await ask('海淀区通过哪些政策支持企业科研攻关？');
    const lead = leadLine(end.answer);
    expect(lead, end.answer).toMatch(/^支持企业科研攻关 +对从事快速检测试剂、疫苗研发的企业，给予不高于300万元的研发支持。（对接部门：区科信局） +对从事疫苗研发的科研带头人及其团队优先评选海英人才。\[1\]$/u);
    // The next point of the outline is the next practice.
    expect(end.answer).not.toContain('激励企业参与技术防疫   对利用');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });
});
