/** A name an article only lists among others, and the name a question asks about as a text writes it. */
import { describe, expect, it } from 'vitest';
import { askedName, countedMembersAsked, listedOnly, membersTold } from '../../core/answer/listed-only.ts';
import { analyzeQuestion } from '../../core/answer/question.ts';
import { useDefaultSnapshot } from '../helpers/corpus.ts';

const corpus = useDefaultSnapshot('listed-only');
const listing = '实施“红船领航、精英引航、赋能续航、制度护航”四大工程，大力引育博士。开展“红船领航”党员职教帮扶行动。';

describe('listedOnly', () => {
  it('gives the counted head of the list a name is only an item of', () => {
    expect(listedOnly(listing, '精英引航')).toBe('四大工程');
    expect(listedOnly(listing, '制度护航')).toBe('四大工程');
  });

  it('is null when the text tells of the name on its own anywhere, or never names it', () => {
    // Listed once, and once the name of an action of its own.
    expect(listedOnly(listing, '红船领航')).toBeNull();
    expect(listedOnly('实施政治素质“首关制”。', '首关制')).toBeNull();
    expect(listedOnly(listing, '三大教育')).toBeNull();
  });

  it('is null for a list without a counted head, or a name holding 、 itself (“手拉手、一帮一”)', () => {
    expect(listedOnly('通过谈心活动、组织生活会、座谈会等形式听取意见。', '组织生活会')).toBeNull();
    const projects = '实施“四个一”“三亮三比”“三服务”“三融教育”“手拉手、一帮一”五大工程。5.实施“手拉手、一帮一”工程，落实…有力';
    expect(listedOnly(projects, '手拉手')).toBeNull();
  });
});

describe('askedName', () => {
  const analyze = (question: string) => analyzeQuestion(question, { colleges: corpus.colleges, terms: corpus.snapshot.lexical });

  it('joins the adjacent words the text holds, a topic word among them, the college aside', () => {
    expect(askedName(analyze('嘉兴职业技术学院制度护航是什么意思？'), listing)).toBe('制度护航');
    expect(askedName(analyze('嘉职院精英引航是干嘛的'), listing)).toBe('精英引航');
  });

  it('takes a quoted name as it is, when the text holds it', () => {
    expect(askedName(analyze('“赋能续航”是什么？'), listing)).toBe('赋能续航');
    expect(askedName(analyze('“蓝领精英”是什么？'), listing)).toBeUndefined();
  });
});

describe('members of a counted set', () => {
  it('reads the count and what it counts from a question asking its members', () => {
    expect(countedMembersAsked('嘉职院那16个双融双促红色共同体都是跟哪些单位建的')).toEqual({ count: '16', classifier: '个', noun: '双融双促红色共同体' });
    expect(countedMembersAsked('台州科院那2个杰出台州工匠叫什么')).toMatchObject({ count: '2', noun: '杰出台州工匠' });
    // Asking how many, not which, is no such question.
    expect(countedMembersAsked('嘉职院建了多少个红色共同体')).toBeNull();
  });

  it('tells whether the clause giving the count names none, a few before 等, or lists them', () => {
    const asked = { count: '16', noun: '双融双促红色共同体' };
    expect(membersTold('合作共建16个“双融双促红色共同体”，助力小微企业迭代升级。', asked)).toBe('none');
    expect(membersTold('建成航空发动机关键零部件制造技术研究院等8个校级科创平台。', { count: '8', noun: '校级科创平台' })).toBe('some');
    // A list of counts names no members; a list of names does.
    expect(membersTold('浙江工匠3人、杰出台州工匠2人。', { count: '2', noun: '杰出台州工匠' })).toBe('none');
    expect(membersTold('共建红船学院、南湖学院、秀洲学院等3个学院。', { count: '3', noun: '学院' })).toBeNull();
    // 160 holds no 16.
    expect(membersTold('合作共建160个红色共同体。', asked)).toBeNull();
  });
});
