/**
 * News copy whose headline runs into the story through a dateline (…渡难关 新华社成都2月24日电（记者
 * 胡旭）日前，…): the headline and dateline are no answer, the story is. Real ingest, real index,
 * real jieba.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles, claimsOf, expectClaimSupported, leadLine } from '../helpers/answer-checks.ts';

// One line, as news pages often come: headline, dateline and story without a break.
const story =
  '成都推出减税抗疫贷支持小微企业渡难关 新华社成都2月24日电（记者胡旭）日前，一家医药公司用时不到20分钟就通过手机申办获得信用贷款300万元。' +
  '减税抗疫贷以纳税企业的实缴税额及减免税额为授信依据，不需要任何抵押或担保，最快当天放款。' +
  '成都市税务局表示，将继续扩大减税抗疫贷的覆盖面。';

// A notice whose line breaks were lost: its title runs into its salutation on one line.
const notice =
  '北京市住房和城乡建设委员会关于加强疫情防控保障建设工程有序复工的通知 各区住房城乡建设委，各集团总公司：' +
  '为做好疫情防控期间建设工程复工工作，现将有关事项通知如下。建设工程确保各项疫情防控措施落实到位，施工现场具备封闭集中管理条件，完成复工各项准备工作后方可复工。' +
  '对返京人员实行居家医学隔离，每日进行体温检测。';

// A city's notice that names the city in its opening only: the date asked stands in a later
// passage, which ranks below the opening's.
const duties = [
  '各区县要加强协调联动，指导企业科学合理安排生产计划和用工安排。',
  '行业主管部门负责帮助企业解决原材料供应、物流运输和资金周转等方面的困难。',
  '企业要落实员工健康监测和生产经营场所消毒，严格执行人员登记制度。',
  '市级各部门要加强督促检查，对工作不力的单位及时通报并责令整改。',
  '各级工会组织要做好职工关心关爱工作，帮助解决职工实际困难。',
  '交通部门要做好员工返岗运输保障，开通点对点直达运输服务。',
];
const resumption = [
  '关于推进企业复工复产的通知',
  '为统筹做好疫情防控和经济社会发展工作，现将贵阳市企业复工复产有关事项通知如下。',
  '建立贵阳市疫情防控期间企业复工复产备案登记制度。由企业通过“贵阳市企业复工复产申报备案登记平台”进行备案，备案通过后方可复工复产。',
  duties.join(''),
  [...duties].reverse().join(''),
  duties.join(''),
  '在扎实做好疫情防控工作的基础上，从2020年2月10日起分类有序推进全市企业复工复产。',
  duties.join(''),
].join('\n');

// Two notices issued by several departments, one named by its title: the other shares more of a
// question's words about the first (联合印发, 强化金融支持…).
const issued = [
  '多部门出台金融支持疫情防控措施',
  '近日，人力资源社会保障部等5部门联合印发通知，进一步强化金融支持防控新型冠状病毒感染肺炎疫情期间的创业就业工作。',
  '中国人民银行、财政部等五部门发布《关于进一步强化金融支持防控新型冠状病毒感染肺炎疫情的通知》，出台30条措施。',
].join('\n');

const ask = askOverArticles('news', { 'loan.txt': story, 'notice.txt': notice, 'resumption.txt': resumption, 'issued.txt': issued });

describe('news copy with a dateline', () => {
  it('answers from the story, not from the headline and dateline that say the question back', async () => {
    const end = await ask('成都推出的减税抗疫贷支持小微企业，需要什么担保？');
    expect(end.notFound, end.answer).toBe(false);
    const lead = leadLine(end.answer);
    expect(lead).toContain('不需要任何抵押或担保');
    expect(lead).not.toContain('新华社');
    for (const line of end.answer.split('\n')) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });
});

describe('a page whose line breaks were lost', () => {
  it('answers from the notice’s body, not with its title or salutation, though the title says the question back', async () => {
    const end = await ask('北京市住房和城乡建设委员会对建设工程复工有哪些要求？');
    expect(end.notFound, end.answer).toBe(false);
    const lead = leadLine(end.answer);
    expect(lead).toContain('施工现场具备封闭集中管理条件');
    expect(end.answer).not.toContain('有序复工的通知');
    expect(end.answer).not.toContain('各集团总公司');
    for (const line of end.answer.split('\n')) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });
});

describe('a date asked of an article that names its city elsewhere', () => {
  it('leads with the sentence holding the date, not the opening’s sentences that name the city without it', async () => {
    const end = await ask('贵阳市从几号开始推进各企业复工复产？');
    expect(end.notFound, end.answer).toBe(false);
    const lead = leadLine(end.answer);
    expect(lead).toContain('2020年2月10日');
    for (const line of end.answer.split('\n')) for (const claim of claimsOf(line)) expectClaimSupported(claim, end.citations);
  });
});

describe('who issued a work the question names by its title', () => {
  it('leads with the sentence that names the work, not one that shares more of the question\'s words', async () => {
    const end = await ask('哪些部门联合印发了《关于进一步强化金融支持防控新型冠状病毒感染肺炎疫情的通知》？');
    expect(end.notFound, end.answer).toBe(false);
    const lead = leadLine(end.answer);
    expect(lead, end.answer).toContain('中国人民银行、财政部等五部门');
    expect(lead).not.toContain('人力资源社会保障部');
    for (const claim of claimsOf(lead)) expectClaimSupported(claim, end.citations);
  });
});
