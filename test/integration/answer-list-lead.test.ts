/**
 * A list leads a list or definition answer only where its sentence says something of the topic:
 * a list beside the answer (相关经费可用于A、B、C…) is another thing's, however well its passage ranks.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles } from '../helpers/answer-checks.ts';

const records = [
  {
    id: 'mentoring',
    college: '示例职业学院',
    title: '示例职业学院推进教师培养',
    text: '示例职业学院党委高度重视青年教师成长。学院实施青蓝结对培养计划，由骨干教师与新入职教师一对一结对，帮助新教师尽快站稳讲台。相关经费可用于听课交流、教学研讨、技能培训、资料购置等支出。',
  },
  { id: 'volunteering', college: '另一职业学院', title: '另一职业学院开展志愿服务', text: '另一职业学院组织学生党员开展志愿服务活动，走进社区开展义诊、义修和政策宣讲。' },
];
const ask = askOverArticles('list-lead', { 'articles.jsonl': `${records.map((record) => JSON.stringify(record)).join('\n')}\n` });

describe('a list in a sentence that says none of the topic', () => {
  it.each(['示例职业学院的青蓝结对培养计划是什么？', '示例职业学院的青蓝结对培养计划包括哪些内容？'])('does not lead the answer to %s', async (question) => {
    const end = await ask(question);
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer.split('\n')[0]).toContain('由骨干教师与新入职教师一对一结对');
  });
});
