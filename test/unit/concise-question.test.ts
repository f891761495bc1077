/**
 * A question read without what leads up to it and its closing courtesies (real jieba; the default
 * corpus's colleges).
 */
import { describe, expect, it } from 'vitest';
import { conciseQuestion } from '../../core/answer/concise-question.ts';
import { questionParts } from '../../core/answer/question-parts.ts';
import { useDefaultSnapshot } from '../helpers/corpus.ts';

const corpus = useDefaultSnapshot('concise-question');
const concise = (question: string): string => conciseQuestion(question, corpus.colleges);

describe('conciseQuestion', () => {
  it('keeps the college a lead-up names, drops the rest of it, the asking\'s opener and the closing courtesy', () => {
    expect(concise('我们书记下周要去台州科技职业学院调研，想提前知道他们机电与模具工程学院的老师都拿过些什么荣誉称号，比如省优秀党务工作者、浙江工匠之类的各有几个人，麻烦帮我查一下，越具体越好')).toBe(
      '台州科技职业学院机电与模具工程学院的老师都拿过些什么荣誉称号，比如省优秀党务工作者、浙江工匠之类的各有几个人',
    );
    expect(concise('领导让我摸个底，想了解一下嘉职院的入党申请人比例是多少，谢谢')).toBe('嘉职院的入党申请人比例是多少');
  });

  it('leaves a question without lead-up or courtesy as typed', () => {
    for (const question of ['嘉职院的入党申请人比例是多少？', '苏州工业职院智能制造支部指导学生拿了多少项奖，立项了几门课程思政示范课？', '谢谢']) expect(concise(question)).toBe(question);
    // A lead-up about the topic, not about the asker, is part of the question.
    expect(concise('星海职业技术学院志愿服务的那篇文章，作者是谁？')).toBe('星海职业技术学院志愿服务的那篇文章，作者是谁？');
    expect(concise('嘉职院的入党申请人比例是多少，谢谢')).toBe('嘉职院的入党申请人比例是多少');
    for (const question of ['浙江省居民通过手机进行自我申报时，都可以提供哪些线索？', '台州科技职院机电模具学院领导带头跑企业找岗位，效果怎么样？']) expect(concise(question)).toBe(question);
    // A lead-up that introduces the topic (我想了解一下“三亮三比”工程，…) is the question's.
    for (const question of ['我想了解一下“三亮三比”工程，具体是怎么做的？', '我想了解一下乡村振兴，哪些学院有相关做法？']) expect(concise(question)).toBe(question);
    expect(concise('嘉职院的入党申请人比例是多少？谢谢')).toBe('嘉职院的入党申请人比例是多少？');
  });

  it('reads examples of what a clause asks (，比如…各有几个人) as part of it, not as a question of their own', () => {
    expect(questionParts('台州科技职业学院机电与模具工程学院的老师都拿过些什么荣誉称号，比如省优秀党务工作者、浙江工匠之类的各有几个人', corpus.colleges, corpus.snapshot.lexical)).toBeNull();
  });
});
