/**
 * Drafts and tables judged item by item: what each citation shows and where, against the passages a
 * reader accepts for the request.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerEnd, Citation } from '../../core/answer/protocol.ts';
import type { RelevantPassage } from '../../eval/answer-set.ts';
import { judgeItems, longestSharedRun, shownItems } from '../../eval/draft-items.ts';

const citation = (n: number, college: string, quote: string): Citation => ({ n, chunkId: `c${n}`, docId: `d${n}`, title: '', college, date: '', quote, start: 0, end: quote.length });

describe('draft and table items', () => {
  const citations = [
    citation(1, '甲学院', '推进清廉文化进校园，开展清廉书画展、微廉课评比等清廉活动。'),
    citation(2, '甲学院', '每年召开全校警示教育大会，实现教职工警示教育全覆盖。'),
    citation(3, '乙学院', '建成学生文化天地“后浪文化园”。'),
  ];
  const relevant: RelevantPassage[] = [
    { college: '甲学院', quote: '推进清廉文化进校园，通过挖掘本校清廉文化资源', section: '做法' },
    { college: '甲学院', quote: '每年召开全校警示教育大会', section: '做法' },
    // The same words under another college's name do not make an item on topic.
    { college: '丙学院', quote: '建成学生文化天地“后浪文化园”', section: '成效' },
  ];

  it('reads a draft\'s items by the section their markers stand in', () => {
    const answer = ['# 关于“清廉校园”的典型经验材料', '', '## 一、背景', '', '每年召开全校警示教育大会。[2]', '', '## 二、主要做法', '', '1. 推进清廉文化进校园。[1]', '', '## 三、取得成效', '', '- 建成“后浪文化园”。[3]', '', '## 四、经验启示', '', '（语料中未见相关内容）'].join('\n');
    const items = shownItems({ mode: 'summary', answer, citations, table: undefined });
    expect(items.map((item) => [item.section, item.college])).toEqual([
      ['背景', '甲学院'],
      ['做法', '甲学院'],
      ['成效', '乙学院'],
    ]);
    // On topic: the two of 甲学院; in their section: only the practice.
    expect(judgeItems(items, relevant)).toEqual({ shown: 3, onTopic: 2, rightSection: 1 });
  });

  it('reads a table\'s cells by column', () => {
    const table: NonNullable<AnswerEnd['table']> = {
      rows: [
        { college: '甲学院', unit: '', practice: { text: '…', citations: [1] }, outcome: { text: '…', citations: [2] }, sources: [1, 2] },
        { college: '乙学院', unit: '', practice: null, outcome: null, sources: [] },
      ],
      coverage: { covered: 1, total: 2 },
    };
    const items = shownItems({ mode: 'compare', answer: '', citations, table });
    expect(items.map((item) => item.section)).toEqual(['做法', '成效']);
    expect(judgeItems(items, relevant)).toEqual({ shown: 2, onTopic: 2, rightSection: 1 });
    // A plain answer has no items to judge.
    expect(shownItems({ mode: 'qa', answer: '…[1]', citations, table: undefined })).toEqual([]);
  });

  it('counts the characters two texts share in a row', () => {
    expect(longestSharedRun('推进清廉文化进校园', '清廉文化建设')).toBe(4);
    expect(longestSharedRun('abc', 'xyz')).toBe(0);
  });
});
