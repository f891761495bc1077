/**
 * A meeting draft's practices: a run-in label and the sentence it heads are one practice, one line
 * of 主要做法 (both picked, they would take two of its lines and show one), and that sentence is no
 * background.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles } from '../helpers/answer-checks.ts';

const text = [
  '示例学院高度重视教师发展。聚焦青年教师成长慢、教学能力弱的难题，示例学院全面推进青年教师培养改革。',
  '实施入职“导师制”。为每名新入职的青年教师配备一名教学经验丰富的骨干教师作为导师，全程指导其备课、上课和教学反思。',
  '实施教学“比武制”。每学期组织新入职的青年教师开展课堂教学比武和说课比赛，以赛促教，持续提升课堂教学水平。',
  '实施实践“轮岗制”。安排新入职的青年教师到合作企业一线岗位轮岗锻炼半年以上，积累生产一线实践经验和案例。',
  '实施考核“积分制”。为每名青年教师建立成长积分档案，按教学、科研和服务记录积分，积分结果与评优评先直接挂钩。',
  '实施科研“助推制”。设立青年教师科研启动基金和课题孵化项目，支持青年教师申报各级各类教科研课题。',
  '实施成长“档案制”。为每名青年教师建立从入职到晋升的全过程成长档案，定期回顾成长轨迹和发展目标。',
  '实施发展“双向制”。青年教师与学院签订个人发展协议，学院为其提供进修访学和挂职锻炼的机会。',
  '实施关怀“谈心制”。学院党委委员每学期与青年教师谈心谈话一次，及时了解和解决青年教师的实际困难。\n',
  '学院还组织开展了教职工运动会和迎新春文艺汇演等活动，进一步丰富了教职工的业余文化生活。',
].join('');
const record = { id: 'young-teachers', college: '示例职业学院', title: '示例职业学院推进青年教师培养改革', text };
const ask = askOverArticles('draft-points', { 'articles.jsonl': `${JSON.stringify(record)}\n` });

describe('a draft of a paragraph of labelled points', () => {
  it('gives each point one line, its label and the sentence it heads together', async () => {
    const end = await ask('示例职业学院青年教师培养改革会议材料', 'summary');
    const practices = end.answer.slice(end.answer.indexOf('## 二、主要做法'), end.answer.indexOf('## 三、'));
    // As many of the eight points as the section holds (six), each a line of its own.
    expect(practices.match(/^\d\. 实施/gmu) ?? [], end.answer).toHaveLength(6);
    expect(practices).not.toContain('运动会');
    // A sentence a label heads tells its practice, however near the article's opening.
    const background = end.answer.slice(end.answer.indexOf('## 一、背景'), end.answer.indexOf('## 二、'));
    expect(background, end.answer).toContain('聚焦青年教师成长慢');
    expect(background).not.toContain('配备一名教学经验丰富的骨干教师');
  });
});
