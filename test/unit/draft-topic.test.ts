/**
 * A drafting request's topic: the request without its wording, its sections, and what it says of
 * the draft's use.
 */
import { describe, expect, it } from 'vitest';
import { draftTopic, withoutUsageNote } from '../../core/answer/compose-summary.ts';

describe('a drafting request', () => {
  const table: [string, string][] = [
    ['整理一份嘉职院加强教师队伍建设的经验材料，支部学习会上用', '整理一份嘉职院加强教师队伍建设的经验材料'],
    ['写一份湖南电气风能学院教工支部的经验材料，用于党课', '写一份湖南电气风能学院教工支部的经验材料'],
    ['写一份校企合作的会议材料，下周开会时要用', '写一份校企合作的会议材料'],
    ['写一份校企合作的会议材料，供支部学习参考', '写一份校企合作的会议材料'],
    // A clause about the topic stays (应用 is no use of the draft).
    ['写一份党建引领的材料，突出信息技术应用', '写一份党建引领的材料，突出信息技术应用'],
    ['写一份党建引领产教融合的会议材料', '写一份党建引领产教融合的会议材料'],
  ];
  it.each(table)('%s → %s', (request, searched) => {
    expect(withoutUsageNote(request)).toBe(searched);
  });

  it('is titled by its topic alone', () => {
    expect(draftTopic('整理一份嘉职院加强教师队伍建设的经验材料，支部学习会上用')).toBe('嘉职院加强教师队伍建设');
    expect(draftTopic('帮我整理一份党建引领产教融合的会议材料，包括背景、主要做法、成效和启示。')).toBe('党建引领产教融合');
    expect(draftTopic('帮我起草一份党建促就业的经验交流材料')).toBe('党建促就业');
  });
});
