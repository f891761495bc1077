/**
 * Whose practices a meeting draft tells: a draft from one college names it in its source line; one
 * from several puts each college's name above its own practices and results; lines from articles
 * that name no college stand under 其他来源, never under an empty name.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles } from '../helpers/answer-checks.ts';

const articles = [
  {
    id: 'college',
    college: '示例职业学院',
    title: '示例职业学院推进垃圾分类进校园',
    text: '示例职业学院推进垃圾分类进校园。学院在每栋宿舍楼设置垃圾分类投放点，组织党员志愿者开展垃圾分类宣传。全校垃圾分类知晓率达到95%以上。',
  },
  {
    id: 'policy-one',
    college: '',
    title: '关于推进垃圾分类工作的通知',
    text: '各单位要推进垃圾分类工作。在社区设置垃圾分类投放点，组织志愿者开展垃圾分类宣传和入户指导。全市垃圾分类覆盖率达到90%以上。',
  },
  {
    id: 'policy-two',
    college: '',
    title: '垃圾分类宣传周活动方案',
    text: '开展垃圾分类宣传周活动。通过宣传栏、广播和短视频开展垃圾分类宣传，组织志愿者进小区开展垃圾分类示范。',
  },
];
const ask = askOverArticles('draft-sources', { 'articles.jsonl': `${articles.map((article) => JSON.stringify(article)).join('\n')}\n` });

describe('a draft from articles with and without a college', () => {
  it('puts the lines of articles naming no college under 其他来源, never under an empty name', async () => {
    const end = await ask('写一份推进垃圾分类宣传的会议材料', 'summary');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).not.toContain('****');
    expect(end.answer).not.toContain('依据的');
    const practices = end.answer.slice(end.answer.indexOf('## 二、主要做法'), end.answer.indexOf('## 三、'));
    expect(practices, end.answer).toContain('**示例职业学院**');
    expect(practices, end.answer).toContain('**其他来源**');
  });
});
