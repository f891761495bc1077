import { describe, expect, it } from 'vitest';
import { otherGrade } from '../../core/answer/claimed-values.ts';
import { notFoundText } from '../../core/answer/not-found.ts';

describe('notFoundText', () => {
  it('says the grade the nearest text gives a prize a question claims at another grade, and what else it lacks', () => {
    const text = notFoundText('嘉职院获全国挑战杯红色专项一等奖是哪一年？', { gradeInstead: otherGrade('嘉职院获全国挑战杯红色专项一等奖是哪一年？', '获全国“挑战杯”红色专项比赛三等奖，全省仅3家高职院校获此殊荣。') ?? undefined, lacking: '时间', within: { college: '嘉兴职业技术学院' } });
    expect(text).toContain('嘉兴职业技术学院的文章中写的是“三等奖”，不是“一等奖”，也没有写具体时间。');
    // Another prize's grade, or the same grade, is no such claim.
    expect(otherGrade('挑战杯红色专项一等奖是哪一年', '获湖南省职业院校技能竞赛一等奖。')).toBeNull();
    expect(otherGrade('挑战杯红色专项一等奖是哪一年', '获全国“挑战杯”红色专项比赛一等奖。')).toBeNull();
  });

  it('names what the corpus does not mention, in one line, when there is nothing related to show', () => {
    expect(notFoundText('清华大学的党建工作有什么特色？', { missing: ['清华大学'] })).toBe(
      '语料库中没有找到关于“清华大学的党建工作有什么特色”的信息：已收录的文章中没有提到“清华大学”。可以换个说法，或在“浏览文章”中查看已收录的文章。',
    );
  });

  it('names a missing work by its title marks, as the question wrote it', () => {
    expect(notFoundText('哪些部门联合印发了《关于支持企业复工的通知》？', { missing: ['关于支持企业复工的通知'] })).toContain('已收录的文章中没有提到《关于支持企业复工的通知》。');
    // Looked for without its quotation marks, it is shown with them.
    expect(notFoundText('《创新“四位一体”模式》是哪年获评的？', { missing: ['创新四位一体模式'] })).toContain('没有提到《创新“四位一体”模式》。');
  });

  it('quotes a question that has its own quotation marks once, and cuts a long one', () => {
    expect(notFoundText('“红船铁军”有多少人？')).toContain('关于“红船铁军”有多少人的信息');
    expect(notFoundText('党'.repeat(80))).toContain(`关于“${'党'.repeat(60)}…”的信息`);
  });

  it('says what a typed question asked for and the articles do not give; a missing name says more', () => {
    expect(notFoundText('嘉兴职业技术学院有多少名党员？', { lacking: '数量' })).toContain('已收录的文章中有相关内容，但没有从中找到具体数字。');
    expect(notFoundText('嘉兴职业技术学院的校长是谁？', { lacking: '人物' })).toContain('但没有从中找到具体人名。');
    expect(notFoundText('清华大学有多少名党员？', { missing: ['清华大学'], lacking: '数量' })).toContain('没有提到“清华大学”。');
    // A type that is no span (做法) names nothing it lacks.
    expect(notFoundText('嘉兴职业技术学院如何开展党史学习教育？', { lacking: '做法' })).toContain('没有能直接回答这个问题的内容');
  });

  it('says a counted name is mentioned but not spelled out', () => {
    expect(notFoundText('嘉职院新教师培养的“四双”机制具体是哪四双？', { unlisted: '四双', within: { college: '嘉兴职业技术学院' } })).toContain('：嘉兴职业技术学院的文章中提到了“四双”，但没有列出它具体包括哪些。');
  });

  it('says an honour asked about is not mentioned, and lists the honours the articles do state', () => {
    const text = notFoundText('风能学院获得过全国先进基层党组织吗', { unnamedHonour: '全国先进基层党组织', nearby: ['3名党员获厅级“优秀共产党员”称号[1]'], within: { college: '湖南电气职业技术学院' } });
    expect(text).toContain('：湖南电气职业技术学院的文章中没有提到“全国先进基层党组织”，无法确认是否获得。');
    expect(text).toContain('文章写到的荣誉：\n- 3名党员');
    expect(text).not.toContain('不一定回答了它');
  });

  it('says a college is only named in passing, and lists where, as text about it rather than related', () => {
    const text = notFoundText('新疆理工学院的党建经验有哪些', { mentionedOnly: '新疆理工学院', nearby: ['党总支与…新疆理工学院…共建校企协同党建基地[1]'] });
    expect(text).toContain('：已收录的文章中没有关于“新疆理工学院”的文章，它只在其他院校的文章中被提到，那些内容说的是其他院校的工作。');
    expect(text).toContain('提到“新疆理工学院”的内容：\n- 党总支与');
    expect(text).not.toContain('不一定回答了它');
  });

  it('says which years the related text is of when it is not of the year asked', () => {
    expect(notFoundText('湖南电气风能学院2023年在技能竞赛上拿了哪些奖？', { yearsInstead: { asked: [2023], stated: [2020, 2021] }, within: { college: '湖南电气职业技术学院' } })).toContain(
      '：湖南电气职业技术学院的文章中相关的内容写的是2020年、2021年的情况，没有写2023年的。',
    );
  });

  it('says what was not found was not found within the scope the user chose', () => {
    expect(notFoundText('台州科技职业学院的宣讲团叫什么？', { missing: ['台州科技职业学院'], within: 'filters' })).toContain('：所选范围内的文章中没有提到“台州科技职业学院”。');
    expect(notFoundText('党史学习教育', { within: 'filters' })).toContain('：所选范围内的文章中没有能直接回答这个问题的内容。');
    // Narrowed to the college the question named, not the user's choice.
    expect(notFoundText('湖南电气职业技术学院自动化学院党总支副书记是谁？', { missing: ['自动化学院'], within: { college: '湖南电气职业技术学院' } })).toContain('：湖南电气职业技术学院的文章中没有提到“自动化学院”。');
  });

  it('lists related text as a list under its own line, marked as not answering, before what to try', () => {
    const text = notFoundText('嘉兴职业技术学院的校长是谁？', { nearby: ['完善党委领导下的校长负责制。[1]', '确保党委会、校长办公会作出的各项决策落实到位。[2]'] });
    expect(text.split('\n')).toEqual([
      '语料库中没有找到关于“嘉兴职业技术学院的校长是谁”的信息：已收录的文章中没有能直接回答这个问题的内容。',
      '',
      '以下内容与问题相关，但不一定回答了它，仅供参考：',
      '- 完善党委领导下的校长负责制。[1]',
      '- 确保党委会、校长办公会作出的各项决策落实到位。[2]',
      '',
      '可以换个说法，或在“浏览文章”中查看已收录的文章。',
    ]);
  });
});
