import { describe, expect, it } from 'vitest';
import { superlativeLevelAsked } from '../../core/answer/honour-level.ts';

describe('the highest or lowest level asked of honours', () => {
  it('reads 最高荣誉, 最高级别的称号 and 哪个级别最低 as asking a level', () => {
    expect(superlativeLevelAsked('苏工院智能制造支部获得的最高级别荣誉是什么？')).toBe('highest');
    expect(superlativeLevelAsked('嘉职院获得的最高荣誉是什么')).toBe('highest');
    expect(superlativeLevelAsked('那两支团队先后荣获的几个名头，哪个级别最低？')).toBe('lowest');
  });
  it('does not read a prize\'s top grade (挑战杯的最高奖) or who won it as asking a level', () => {
    expect(superlativeLevelAsked('哪位学生拿过全国高职挑战杯的最高奖？')).toBeNull();
    expect(superlativeLevelAsked('谁获得的荣誉级别最高')).toBeNull();
    expect(superlativeLevelAsked('嘉职院获得过哪些荣誉')).toBeNull();
  });
});
