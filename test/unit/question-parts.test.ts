/**
 * Messages that ask several things: where the parts are, and the question asked of each alone
 * (real jieba; corpus statistics from a real index of the default corpus).
 */
import { describe, expect, it } from 'vitest';
import { questionParts } from '../../core/answer/question-parts.ts';
import { maxParts } from '../../core/answer/tuning.ts';
import { useDefaultSnapshot } from '../helpers/corpus.ts';

const corpus = useDefaultSnapshot('question-parts');

const parts = (message: string): [string, string][] | null => questionParts(message, corpus.colleges, corpus.snapshot.lexical)?.map((part) => [part.name, part.question]) ?? null;

describe('messages that ask several things', () => {
  it('splits at question marks, and a later part without a college asks about the first part’s', () => {
    expect(parts('嘉职院一共发了几张黄牌几张红牌？另外有多少讲师收入超过了副教授？')).toEqual([
      ['嘉职院一共发了几张黄牌几张红牌', '嘉职院一共发了几张黄牌几张红牌'],
      ['有多少讲师收入超过了副教授', '嘉兴职业技术学院有多少讲师收入超过了副教授？'],
    ]);
  });

  it('reads 这几支/那几位 as pointing, not as a count asked: one question', () => {
    expect(parts('台州科院机电模具学院匠心·向党这几支队伍，是哪年拉起来的？')).toBeNull();
    expect(parts('浙江机电自动化学院那几位老师去新疆、青海对口帮扶，口碑怎么样？')).toBeNull();
  });

  it('splits at a comma between two asks, keeping the college and its unit', () => {
    expect(parts('苏州工业职院智能制造支部指导学生拿了多少项奖，立项了几门课程思政示范课？')?.[1]).toEqual(['立项了几门课程思政示范课', '苏州工业职院智能制造支部立项了几门课程思政示范课？']);
    expect(parts('湖南电气风能学院的党员活动日是哪天，志愿服务活动叫什么名字？')?.map(([name]) => name)).toEqual(['湖南电气风能学院的党员活动日是哪天', '志愿服务活动叫什么名字']);
  });

  it('reads a pasted message: the lead-up before the first ask and a closing courtesy are no parts; 他们 points at the subject, a part naming its own unit keeps it', () => {
    const message = '我们学院下个月要迎接党建标杆院系的验收，领导让我先摸个底。想了解一下：自动化学院是哪一年通过全省高校党建双创标杆院系验收的？他们说的五型党总支具体是哪五型？另外台州那个机电与模具工程学院是不是也是省级标杆院系？麻烦都回答一下，谢谢';
    const found = parts(message);
    expect(found?.map(([name]) => name)).toEqual(['自动化学院是哪一年通过全省高校党建双创标杆院系验收的', '他们说的五型党总支具体是哪五型', '台州那个机电与模具工程学院是不是也是省级标杆院系']);
    expect(found?.[1]?.[1]).toContain('自动化学院');
    expect(found?.[2]?.[1]).toBe('台州那个机电与模具工程学院是不是也是省级标杆院系');
  });

  it('asks a later part without a subject about the name the first part opens with', () => {
    expect(parts('张伟中是哪个学校的老师，有什么头衔？')?.[1]).toEqual(['有什么头衔', '张伟中有什么头衔？']);
    // Once, though the conversation carried it in too (清华大学清华大学的… named it twice in a refusal).
    expect(parts('清华大学是不是评上过先进基层党组织？哪年的事？')?.[1]).toEqual(['哪年的事', '清华大学的哪年的事？']);
  });

  it('asks a later part without words of its own about the first part’s topic, whole', () => {
    expect(parts('嘉职院从哪一年起从合作单位请校外专家来当兼职老师？请了多少人？')?.[1]).toEqual(['请了多少人', '嘉兴职业技术学院校外专家来当兼职老师的请了多少人？']);
  });

  it('leaves one question whole: a comma that parts no asks, a later part on the first one’s answer, a request for a form', () => {
    expect(parts('疫情期间，门把手、按钮、扶手是否有病毒？')).toBeNull();
    expect(parts('哪些院校建成了黄大年式教师团队？各是什么团队？')).toBeNull();
    expect(parts('各学院在校企合作方面分别是怎么做的？请做个对比。')).toBeNull();
    expect(parts('嘉职院一共发了几张黄牌几张红牌？')).toBeNull();
    // Each part costs a retrieval: more than a few is one question.
    expect(parts('嘉职院有多少党员？'.repeat(maxParts))).toHaveLength(maxParts);
    expect(parts('嘉职院有多少党员？'.repeat(maxParts + 1))).toBeNull();
  });
});
