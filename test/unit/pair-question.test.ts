/** Pair questions (A与B有何不同): where the two sides are, and the question asked of each alone. */
import { describe, expect, it } from 'vitest';
import { pairOf } from '../../core/answer/pair-question.ts';

const sides = (question: string): [string, string][] | null => pairOf(question)?.map((side) => [side.name, side.question]) ?? null;

describe('pair questions', () => {
  it('splits two compared things and asks the rest of the question of each', () => {
    expect(sides('劳动关系学与劳动经济学各自的核心课程有哪些？')).toEqual([
      ['劳动关系学', '劳动关系学的核心课程有哪些？'],
      ['劳动经济学', '劳动经济学的核心课程有哪些？'],
    ]);
    expect(sides('嘉职院和苏州工业职院的党建品牌有什么区别？')).toEqual([
      ['嘉职院', '嘉职院的党建品牌有何特点？'],
      ['苏州工业职院', '苏州工业职院的党建品牌有何特点？'],
    ]);
    expect(sides('中国人民大学的外交学专业和国际政治专业有哪些共同点和不同点？')).toEqual([
      ['外交学专业', '中国人民大学的外交学专业有何特点？'],
      ['国际政治专业', '中国人民大学的国际政治专业有何特点？'],
    ]);
  });

  it('asks which of the two (A和B，哪个的…) of each side, without the question word', () => {
    expect(sides('苏州工业职院和浙江机电，哪个的团队是首批全国高校黄大年式教师团队？')).toEqual([
      ['苏州工业职院', '苏州工业职院团队是首批全国高校黄大年式教师团队？'],
      ['浙江机电', '浙江机电团队是首批全国高校黄大年式教师团队？'],
    ]);
  });

  it('takes the split whose sides end alike when 与 also stands inside a name', () => {
    expect(sides('政治学与行政学专业与外交学专业在人才培养方面有哪些异同？')?.map(([name]) => name)).toEqual(['政治学与行政学专业', '外交学专业']);
    expect(sides('计算机科学与技术专业与软件工程专业培养的学生有何异同？')).toEqual([
      ['计算机科学与技术专业', '计算机科学与技术专业培养的学生有何特点？'],
      ['软件工程专业', '软件工程专业培养的学生有何特点？'],
    ]);
  });

  it('reads a yes or no asked of both (A和B都有…吗) as asked of each', () => {
    expect(sides('苏工院和自动化学院都有黄大年式教师团队吗')).toEqual([
      ['苏工院', '苏工院有黄大年式教师团队吗'],
      ['自动化学院', '自动化学院有黄大年式教师团队吗'],
    ]);
    // …and what is asked of each (分别是第几批, 各是哪年).
    expect(sides('苏工院和自动化学院的黄大年式教师团队分别是第几批')).toEqual([
      ['苏工院', '苏工院的黄大年式教师团队是第几批'],
      ['自动化学院', '自动化学院的黄大年式教师团队是第几批'],
    ]);
    expect(sides('苏工院和浙江机电的黄大年式教师团队各是第几批')!.map(([name]) => name)).toEqual(['苏工院', '浙江机电']);
    // 各 ends the second side's name (not 风能学院各).
    expect(sides('嘉职院和风能学院各是什么时候开展的党史学习教育')!.map(([name]) => name)).toEqual(['嘉职院', '风能学院']);
    // Not a question asking what both did (都开展了哪些活动), nor 都 without two things joined.
    expect(pairOf('嘉职院和台州科院都开展了哪些活动')).toBeNull();
    expect(pairOf('我们都知道嘉职院的党建吗')).toBeNull();
  });

  it('does not read a pair into questions that compare nothing', () => {
    expect(pairOf('学校在党建和业务融合方面有什么不同做法？')).toBeNull();
    expect(pairOf('嘉兴职业技术学院和浙江机电职业技术学院取得了哪些成效？')).toBeNull();
    expect(pairOf('各院校的做法有何不同？')).toBeNull();
  });
});
