/**
 * The evidence gate: a question is answered only when one sentence holds enough of it. Sentences
 * that each hold one of its words (a window gathered from three lines of a notice) are no answer;
 * nor is an article that never names the work (《…》) a question is about. Real ingest, real index, real jieba.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles } from '../helpers/answer-checks.ts';

const notice = [
  '滨江区春季便民工作安排',
  '一、街道图书馆本月起延长开放时间，周末照常开放。',
  '二、社区食堂本月起推出老年助餐服务，每餐优惠3元。',
  '三、卫生服务站组织志愿者本月起开展上门送药活动。',
  '四、文化站本月起每周举办一次义务剪发活动。',
].join('\n');
// Other articles, so that word statistics are not those of one text.
const others = {
  'school.txt': ['西湖区中小学开学安排', '西湖区中小学春季学期于三月一日开学，学生凭健康码入校。'].join('\n'),
  'market.txt': ['拱墅区农贸市场管理', '拱墅区农贸市场实行错峰经营，摊位每日消毒两次。'].join('\n'),
};

// The number stands clauses away from what it counts, named at the sentence's start.
const campus = ['星海职业技术学院校地合作', '学校与星海经开区管委会、海宁市政府等地方政府签订校地全面战略合作协议，合作共建星海学院海盐学院，实施中高职一体化办学，规划招生规模4000人。'].join('\n');

// A number that counts one thing in a sentence that names another without counting it.
const posts = ['星光职业技术学院智能制造教工党支部', '依托省“智能车间”产教融合集成平台，支部设置16个党员先锋岗，岗位配置智能制造关键技术链所需的教科研实训室。', '学院对年度考核不达标的教师依规给予警告，累计发出“红牌”7张。'].join('\n');

// A notice that names the work it carries out, beside one that does not name the work asked about.
const lending = ['滨江区金融支持企业复工', '按照《关于进一步强化金融支持企业复工的通知》要求，区内银行对受疫情影响的小微企业贷款给予展期，展期最长6个月。'].join('\n');

// Units that serve meals (开餐单位), which jieba, reading 对开餐单位, cuts as 对开 + 餐.
const canteens = ['德阳市机关食堂疫情防控', '开餐单位要对食堂操作人员和就餐人员进行全面摸排，实行分餐制，禁止任何情况不明的人员进入食堂就餐。'].join('\n');

const ask = askOverArticles('gate', { 'canteens.txt': canteens, 'notice.txt': notice, 'campus.txt': campus, 'posts.txt': posts, 'lending.txt': lending, ...others });

describe('the evidence gate', () => {
  it('refuses a question whose words only neighbouring sentences hold, one each, and points to them', async () => {
    const end = await ask('图书馆如何开展助餐送药剪发？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('以下内容与问题相关');
  });

  it('answers with the one number of a sentence that says nearly all of the question, though clauses apart', async () => {
    const end = await ask('星海职业技术学院和海盐合作办的那个学院规划招多少学生？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('4000人');
  });

  it('does not take a number of something else for the count asked (16个党员先锋岗 for 教科研实训室)', async () => {
    const other = await ask('星光职业技术学院智能制造教工党支部设置了多少个教科研实训室？');
    expect(other.notFound, other.answer).toBe(true);
    const asked = await ask('星光职业技术学院智能制造教工党支部设置了多少个党员先锋岗？');
    expect(asked.notFound, asked.answer).toBe(false);
    expect(asked.answer).toContain('16个党员先锋岗');
    // What is counted may stand before its number.
    const cards = await ask('星光职业技术学院发了多少张红牌？');
    expect(cards.notFound, cards.answer).toBe(false);
    expect(cards.answer).toContain('7张');
  });

  it('reads a preposition glued to the next word\'s first character apart (对开|餐 as 对|开餐)', async () => {
    const end = await ask('德阳市对开餐单位做了哪些要求？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('开餐单位要对食堂操作人员');
  });

  it('refuses a question about a work (《…》) no article names, naming it, though its words are all there', async () => {
    const end = await ask('《关于金融支持小微企业贷款展期的通知》规定展期最长多久？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toContain('没有提到《关于金融支持小微企业贷款展期的通知》');
    const named = await ask('《关于进一步强化金融支持企业复工的通知》要求小微企业贷款展期最长多久？');
    expect(named.notFound, named.answer).toBe(false);
    expect(named.answer).toContain('展期最长6个月');
  });

  it('answers when one sentence holds the question', async () => {
    const end = await ask('社区食堂的老年助餐服务每餐优惠多少？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toContain('每餐优惠3元');
  });
});
