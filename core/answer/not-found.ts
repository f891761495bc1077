/** The answer when the corpus has nothing on a question: what was not found, and what to try. */
import type { AnswerType } from './tuning.ts';
import { bookTitle, titleName } from './question.ts';

/** The question as quoted in a sentence: without its own outer quotation marks, at most 60 characters. */
function quoteQuestion(question: string): string {
  const plain = question.trim().replace(/[？?。！!]+$/u, '');
  const short = plain.length > 60 ? `${plain.slice(0, 60)}…` : plain;
  return /[“”"]/u.test(short) ? short : `“${short}”`;
}

/** What a typed question asked for, as a refusal names it. */
const askedFor: Partial<Record<AnswerType, string>> = {
  数量: '具体数字',
  时间: '具体时间',
  人物: '具体人名',
  机构: '具体单位',
  名称: '具体名称',
};

/** Why the corpus cannot answer, as far as the evidence tells. */
export interface NotFoundReasons {
  /** Names the question depends on that no article mentions (another college, a person). */
  missing?: readonly string[];
  /** The kind of answer the articles that speak of the question do not give (see EvidenceVerdict). */
  lacking?: AnswerType | undefined;
  /** A counted name (“四双”) the articles mention without listing its parts. */
  unlisted?: string | undefined;
  /** The clause that counts what a 数量 question asks only vaguely (形成一批“课堂革命”典型案例). */
  vaguelyCounted?: string | undefined;
  /** A name the question says the article gives only short (能源集团), as the article writes it. */
  shortNameOnly?: string | undefined;
  /** A college no article is of, which articles name only in passing. */
  mentionedOnly?: string | undefined;
  /** An honour a yes-or-no question asks about that the articles do not name; `nearby` then holds the honours they do. */
  unnamedHonour?: string | undefined;
  /** A prize grade the question claims, where the nearest text states the prize at another (三等奖 for 一等奖). */
  gradeInstead?: { asked: string; stated: string } | undefined;
  /** The year asked about, and the other years the sentences that speak of the question are dated by. */
  yearsInstead?: { asked: readonly number[]; stated: readonly number[] } | undefined;
  /** Related text (claims with their citation markers), listed as not answering. */
  nearby?: readonly string[];
  /**
   * A yes-or-no question claiming the year a thing was done (是2022年评上…的吗): the sentences of
   * `yearsInstead` answer it no, and are shown as the answer.
   */
  yearClaimed?: boolean;
  /**
   * Where it was looked for, when not in the whole corpus: the scope the user chose (`'filters'`),
   * or the college the question named (its articles only were searched).
   */
  within?: 'filters' | { college: string } | undefined;
}

/** A work's title as the question wrote it (《创新“四位一体”模式》), when `name` is one read without its quotation marks. */
function titleAsWritten(question: string, name: string): string | undefined {
  return [...question.matchAll(bookTitle)].find((match) => titleName(match[1]!) === name)?.[0];
}

/** That an article counts what was asked only vaguely (`clause`: 形成一批“课堂革命”典型案例), with its citation `marker` ([3]) if any. */
export function saidOnlyVaguely(where: string, clause: string, marker = ''): string {
  return `${where}只写了“${clause.replace(/“/gu, '‘').replace(/”/gu, '’')}”${marker}，没有写具体数量。`;
}

/**
 * Says plainly that the corpus cannot answer and why: what it does not mention (another college, a
 * person, a practice), or the number (date, person) that was not found in the articles that speak
 * of the question. Related text is listed as not answering, before what to try.
 */
export function notFoundText(question: string, { missing = [], lacking, unlisted, vaguelyCounted, shortNameOnly, mentionedOnly, unnamedHonour, yearsInstead, nearby = [], within, yearClaimed, gradeInstead }: NotFoundReasons = {}): string {
  const wanted = lacking ? askedFor[lacking] : undefined;
  const where = within === 'filters' ? '所选范围内的文章中' : within ? `${within.college}的文章中` : '已收录的文章中';
  const years = (list: readonly number[]): string => list.slice(0, 3).map((year) => `${year}年`).join('、');
  if (yearClaimed && yearsInstead && nearby.length > 0) return [`不是。${where}写的是${years(yearsInstead.stated)}，不是${years(yearsInstead.asked)}：`, '', ...nearby.map((claim) => `- ${claim}`)].join('\n');
  const about =
    missing.length > 0
      ? `${where}没有提到${missing.slice(0, 3).map((name) => titleAsWritten(question, name) ?? `“${name}”`).join('、')}。`
      : mentionedOnly
        ? `已收录的文章中没有关于“${mentionedOnly}”的文章，它只在其他院校的文章中被提到，那些内容说的是其他院校的工作。`
        : unnamedHonour
        ? `${where}没有提到“${unnamedHonour}”，无法确认是否获得。`
        : unlisted
        ? `${where}提到了“${unlisted}”，但没有列出它具体包括哪些。`
        : vaguelyCounted
        ? saidOnlyVaguely(where, vaguelyCounted)
        : shortNameOnly
        ? `${where}只写了“${shortNameOnly}”，没有写它的全称或是哪一家。`
        : yearsInstead
          ? `${where}相关的内容写的是${years(yearsInstead.stated)}的情况，没有写${years(yearsInstead.asked)}的。`
          : gradeInstead
            ? `${where}写的是“${gradeInstead.stated}”，不是“${gradeInstead.asked}”${wanted ? `，也没有写${wanted}` : ''}。`
          : wanted
            ? `${where}有相关内容，但没有从中找到${wanted}。`
            : `${where}没有能直接回答这个问题的内容。`;
  const opening = `语料库中没有找到关于${quoteQuestion(question)}的信息：${about}`;
  const advice = '可以换个说法，或在“浏览文章”中查看已收录的文章。';
  if (nearby.length === 0) return `${opening}${advice}`;
  const lead = mentionedOnly ? `提到“${mentionedOnly}”的内容：` : unnamedHonour ? '文章写到的荣誉：' : '以下内容与问题相关，但不一定回答了它，仅供参考：';
  return [opening, '', lead, ...nearby.map((claim) => `- ${claim}`), '', advice].join('\n');
}
