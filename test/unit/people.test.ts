/**
 * People the articles name, found whole in a question however jieba cuts them (real jieba).
 */
import { describe, expect, it } from 'vitest';
import { peopleNamedIn } from '../../core/answer/people.ts';

const articles = ['党总支副书记于施佳获 2021年省“最受师生喜爱书记”。', '涌现了诸如全国技术能手、铁路劳动模范朱光耀，全国高职挑战杯特等奖获得者方文浩等优秀学生代表。', '涌现出马庆斋等全国大学生自强之星。', '党员张伟中入选 2021年杭州市经济和信息化局评审专家库专家。', '推进高质量发展，创新方式方法。'];

describe('people a question names', () => {
  it('finds a name jieba cuts apart (朱/光耀, 马/庆/斋) where an article writes it next to a role', () => {
    const known = new Map<string, boolean>();
    expect(peopleNamedIn('自动化学院的朱光耀是啥身份', () => articles, known)).toEqual(['朱光耀']);
    expect(peopleNamedIn('马庆斋是啥称号', () => articles, known)).toEqual(['马庆斋']);
    expect(peopleNamedIn('张伟中和方文浩入选了啥', () => articles, known)).toEqual(['张伟中', '方文浩']);
    // A surname jieba reads as a word of its own (于/p 施佳/x): the whole name, not 于施.
    expect(peopleNamedIn('于施佳获得了什么', () => articles, known)).toEqual(['于施佳']);
  });

  it('finds no one where the words are common ones (高质量, 方式) or a name no article writes beside a role', () => {
    const known = new Map<string, boolean>();
    // Nor inside a word of the question (于文 of 对于文件, 林国 of 吉林国资委), however an article names them.
    const named = [...articles, '通讯员于文报道。', '记者林国说。'];
    expect(peopleNamedIn('通知中对于文件提出了什么要求', () => named, known)).toEqual([]);
    expect(peopleNamedIn('吉林国资委明确了哪部分资金', () => named, known)).toEqual([]);
    expect(peopleNamedIn('高质量发展方面有哪些方式方法', () => articles, known)).toEqual([]);
    expect(peopleNamedIn('王小明是谁', () => articles, known)).toEqual([]);
  });

  it('remembers what it found: the articles are read once per name', () => {
    const known = new Map<string, boolean>();
    let reads = 0;
    const texts = (): string[] => {
      reads++;
      return articles;
    };
    peopleNamedIn('朱光耀是谁', texts, known);
    const first = reads;
    peopleNamedIn('那朱光耀呢', texts, known);
    expect(reads).toBe(first);
    expect(known.get('朱光耀')).toBe(true);
  });
});
