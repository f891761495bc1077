/**
 * The numbers a text gives for things (3年, 第一周, 一等奖, 首批, 8000元, 周四), each with the frame it
 * fills, so that a yes-or-no question's claim can be held against an article's: 是每月第一周吗
 * against 每月第四周 fills the frame 第…周 with another number.
 */
import { yesNoKnobs } from './tuning.ts';

const digits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3 → 3, 三 → 3, 十二 → 12, 二十 → 20; null for anything else. */
function valueOf(number: string): number | null {
  if (/^\d+(?:\.\d+)?$/u.test(number)) return Number(number);
  const match = /^([一二两三四五六七八九])?(十)?([一二两三四五六七八九])?$/u.exec(number);
  if (!match || (!match[2] && (match[1] === undefined) === (match[3] === undefined))) return null;
  if (!match[2]) return digits[match[1] ?? match[3]!]!;
  return (match[1] ? digits[match[1]]! : 1) * 10 + (match[3] ? digits[match[3]]! : 0);
}

/** A number a text gives for something: 3年, 第一周, 一等奖, 周四. */
export interface Counted {
  text: string;
  /** The frame a number fills: 第…周, …等奖, …年. */
  frame: string;
  value: number;
}

/** The numbers `text` gives, each with the frame it fills (第…周, …等奖, 周…). */
export function countedIn(text: string): Counted[] {
  const found: Counted[] = [];
  for (const match of text.matchAll(yesNoKnobs.counted)) {
    // 首批 is 第一批; a unit without a number (年 in 每年) counts nothing.
    const value = match[1] === '首' && !match[2] ? 1 : match[2] ? valueOf(match[2]) : null;
    if (value !== null) found.push({ text: match[0], frame: `${match[1] ? '第' : ''}…${match[3]!.replace('％', '%')}`, value });
  }
  for (const match of text.matchAll(yesNoKnobs.weekday)) found.push({ text: match[0], frame: '周…', value: '一二三四五六日天'.indexOf(match[2]!) % 7 });
  return found;
}
