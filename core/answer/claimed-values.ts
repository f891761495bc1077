/**
 * The numbers a text gives for things (3年, 第一周, 一等奖, 首批, 8000元, 周四), each with the frame it
 * fills, so that a yes-or-no question's claim can be held against an article's: 是每月第一周吗
 * against 每月第四周 fills the frame 第…周 with another number.
 */
import { prizeGrades, yesNoKnobs } from './tuning.ts';

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
  /** The bound the text's own words put on it (过万: more than 10000), when they are part of it. */
  bound?: 'more' | 'less' | 'atLeast';
  /** Said as a number and more (20多次, 120余所): below this. */
  below?: number;
  /** Where in the text it stands (two counts may be written alike: 5张黄牌和5张红牌). */
  at?: number;
}

const magnitudes: Record<string, number> = { 百: 1e2, 千: 1e3, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8, 十亿: 1e9, 百亿: 1e10, 千亿: 1e11 };

/** The place value of a number's last non-zero figure: 120 → 10, 2000 → 1000, 15 → 1. */
function lastPlace(number: number): number {
  let place = 1;
  while (number >= place * 10 && number % (place * 10) === 0) place *= 10;
  return place;
}

/** The frame of a round magnitude said without what it counts (过万): it stands for any count but a year's, an ordinal or a share. */
export const anyFrame = '…';

/** The numbers `text` gives, each with the frame it fills (第…周, …等奖, 周…); 5479万元 is 54790000 of …元. */
export function countedIn(text: string): Counted[] {
  const found: Counted[] = [];
  for (const match of text.matchAll(yesNoKnobs.counted)) {
    // 首批 is 第一批; a unit without a number (年 in 每年) counts nothing.
    const number = match[1] === '首' && !match[2] ? 1 : match[2] ? valueOf(match[2]) : null;
    if (number === null) continue;
    const scale = match[4] ? magnitudes[match[4]]! : 1;
    // 20多次, 120余所: at least the number, short of the next step of its last figure (30, 130).
    const approximate = match[3] ? { below: (number + lastPlace(number)) * scale } : {};
    // 连续两年 counts years; 2022年 names one: their numbers are of different frames.
    const unit = match[5] === '年' && number * scale < 1000 ? '年数' : match[5]!.replace('％', '%');
    found.push({ text: match[0], frame: `${match[1] ? '第' : ''}…${unit}`, value: number * scale, ...approximate, at: match.index });
  }
  // 3000万, 5479万 with nothing after them: a count of anything a magnitude counts.
  for (const match of text.matchAll(yesNoKnobs.bareMagnitude)) {
    const number = valueOf(match[1]!);
    if (number === null) continue;
    const scale = magnitudes[match[3]!]!;
    found.push({ text: match[0], frame: anyFrame, value: number * scale, ...(match[2] ? { below: (number + lastPlace(number)) * scale } : {}) });
  }
  // 过万, 上十万人次: a magnitude passed, where nothing above matched (十万人次 did, as 十 of 万…人次).
  for (const match of text.matchAll(yesNoKnobs.magnitude)) {
    const at = match.index + match[1]!.length;
    if (found.some((count) => text.indexOf(count.text) <= at && at < text.indexOf(count.text) + count.text.length)) continue;
    found.push({ text: match[0], frame: match[4] ? `…${match[4]}` : anyFrame, value: (match[2] ? digits[match[2]]! : 1) * magnitudes[match[3]!]!, bound: /^(?:不到|不足)$/u.test(match[1]!) ? 'less' : 'more' });
  }
  // A year written without 年 before what it dates (入选 2020浙江省“万人计划”): a year all the same.
  for (const match of text.matchAll(yesNoKnobs.bareYear)) found.push({ text: match[0], frame: '…年', value: Number(match[0]) });
  for (const match of text.matchAll(yesNoKnobs.weekday)) found.push({ text: match[0], frame: '周…', value: '一二三四五六日天'.indexOf(match[2]!) % 7 });
  // 九成 is 90%, 九成五 95%; 八成多 is above 80% and below 90%; 有九成 is at least 90%.
  for (const match of text.matchAll(yesNoKnobs.tenths)) {
    const value = digits[match[1]!]! * 10 + (match[2] ? digits[match[2]]! : 0);
    const atLeast = yesNoKnobs.tenthsAtLeast.test(text.slice(Math.max(0, match.index - 3), match.index));
    found.push({ text: match[0], frame: '…%', value, ...(match[3] ? { below: value + (match[2] ? 1 : 10) } : atLeast ? { bound: 'atLeast' as const } : {}) });
  }
  // 前十 is any rank from the first to the tenth: above 0, below 11.
  for (const match of text.matchAll(yesNoKnobs.rank)) {
    const number = valueOf(match[1]!);
    if (number !== null) found.push({ text: match[0], frame: '前…', value: 0, below: number + 1 });
  }
  // A 档 is one of its letters: A 档 is no B档.
  for (const match of text.matchAll(yesNoKnobs.grade)) found.push({ text: match[0], frame: `…${match[2]}`, value: match[1]!.toUpperCase().charCodeAt(0) });
  return found;
}

/** Whether a count of frame `other` can hold a claim of frame `asked`: the same frame, or any count's but a year's, an ordinal or a share for a bare magnitude. */
export function fillsFrame(asked: string, other: string): boolean {
  return asked === other || (asked === anyFrame && !other.startsWith('第') && !/^…(?:年|年数|%|等奖|级|星|周)$/u.test(other));
}

/**
 * The prize grade a question claims (挑战杯红色专项一等奖是哪一年) where a text states the same prize
 * at another grade (红色专项比赛三等奖): both, or null. The prize is the same when the two characters
 * before the question's grade stand just before the text's.
 */
export function otherGrade(question: string, text: string): { asked: string; stated: string } | null {
  const asked = askedGrade.exec(question);
  if (!asked) return null;
  for (const stated of text.matchAll(statedGrade)) {
    const before = text.slice(Math.max(0, stated.index - yesNoKnobs.gradeNameReach), stated.index);
    if (stated[1] !== asked[2] && before.includes(asked[1]!)) return { asked: `${asked[2]}奖`, stated: `${stated[1]}奖` };
  }
  return null;
}

/** A prize's grade (一等, 特等), as the question claims it after two characters of the prize's name, and as a text states it. */
const grades = prizeGrades.join('|');
const askedGrade = new RegExp(`(\\p{Script=Han}{2})(${grades})奖`, 'u');
const statedGrade = new RegExp(`(${grades})奖`, 'gu');
