/**
 * Years a question is bound to and years a sentence dates itself by: 湖南电气…2023年在技能竞赛上拿了
 * 哪些奖 is not answered by 2021年，获职业院校教师能力竞赛…, though the article (published in 2023)
 * names the year.
 */
import { clausesOf } from './clauses.ts';
import { sentenceCues } from './tuning.ts';

const yearRange = /((?:19|20)\d{2})\s*年?\s*(?:到|至|—|–|-|~|～)\s*((?:19|20)\d{2})/gu;
// Not a document's number (公告2020年第8号, （2019年第39号）): that names the document.
const statedYear = /(?<!\d)((?:19|20)\d{2})(?=\s*(?:年|届|学年))(?!年第\d{1,4}号)/gu;
const documentNumber = /(?:19|20)\d{2}年第\d{1,4}号/gu;
const quotedName = /“[^”]{0,60}”|《[^》]{0,60}》|"[^"]{0,60}"/gu;
const anyYear = /(?<!\d)((?:19|20)\d{2})(?!\d)/gu;

function addRanges(text: string, years: Set<number>): void {
  for (const match of text.matchAll(yearRange)) {
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (to > from && to - from <= 20) for (let year = from; year <= to; year++) years.add(year);
  }
}

/** The years a question names (2023, 2024届), with those between two it joins (2019到2021年间). */
export function askedYears(question: string): Set<number> {
  const years = new Set<number>();
  for (const match of question.replace(documentNumber, '').matchAll(anyYear)) years.add(Number(match[1]));
  addRanges(question, years);
  return years;
}

/**
 * The years a sentence dates what it says by, when none of them is asked (2021年度，支部荣获… for a
 * question about 2023); none otherwise. What dates it: a time that opens it as a clause of its own
 * (2021年，…; 2019-2021年，…), and the clauses holding its answer (`answerAt`: offsets of a typed
 * question's spans, 2021年打造42个…, and of the question's weightiest topic word, 被教育部2021年…
 * 收录). A year elsewhere in it dates another clause (在教育部2017年公布的…评估结果中，…获评A类学科…
 * 共14个: the 14 is not of 2017). A sentence that opens a period (2020年以来,
 * 截至…, 近两年) may cover the year asked, and one that writes the year asked anywhere is of it.
 */
export function yearsElsewhere(sentence: string, asked: ReadonlySet<number>, answerAt: readonly number[] = []): number[] {
  if (asked.size === 0 || sentenceCues.openPeriod.test(sentence)) return [];
  // A year inside a name (“2024年世界政治经济秩序展望”, 《2021年工作要点》) names, it does not date.
  const unnamed = maskNames(sentence);
  const all = yearsIn(unnamed);
  if (all.size === 0) return [];
  const clauses = clausesOf(unnamed, 0, unnamed.length);
  // The year asked may date another clause than the answer's (2023年毕业生月薪…6000元，2024届毕业生就业率…
  // for 2024届毕业生月薪): where every clause holding an answer writes a year of its own, none asked, those date it.
  const answering = clauses.filter((clause) => answerAt.some((at) => clause.start <= at && at < clause.end));
  const answerYears = answering.map((clause) => yearsIn(unnamed.slice(clause.start, clause.end)));
  if (answering.length > 0 && answerYears.every((years) => years.size > 0 && ![...years].some((year) => asked.has(year)))) return [...new Set(answerYears.flatMap((years) => [...years]))].sort((a, b) => a - b);
  if ([...all].some((year) => asked.has(year))) return [];
  const [first] = clauses;
  const dating = clauses.filter((clause) => (clause === first && isTimeClause(unnamed.slice(clause.start, clause.end))) || answerAt.some((at) => clause.start <= at && at < clause.end));
  const stated = new Set(dating.flatMap((clause) => [...yearsIn(unnamed.slice(clause.start, clause.end))]));
  return [...stated].sort((a, b) => a - b);
}

/** The sentence with its quoted and book-titled names blanked, offsets kept. */
function maskNames(sentence: string): string {
  return sentence.replace(quotedName, (name) => '□'.repeat(name.length));
}

function yearsIn(text: string): Set<number> {
  const years = new Set<number>();
  for (const match of text.matchAll(statedYear)) years.add(Number(match[1]));
  addRanges(text, years);
  return years;
}

/** A clause that is a time and little else (2021年, 2021年度, 2019-2021年, 2023年3月, 截至2月6日). */
export function isTimeClause(clause: string): boolean {
  return clause.replace(sentenceCues.timeWords, '').replace(/[\s\p{P}]/gu, '').length <= sentenceCues.timeClauseRest;
}

/**
 * Whether `text` writes none of the years asked: a figure there may be of any year (近年来…到账
 * 2000多万元 for 2021年…多少钱). A span it joins (2019-2021年) writes its ends, not the years between:
 * a total over three years is no one year's.
 */
export function writesNoneOf(text: string, asked: ReadonlySet<number>): boolean {
  const years = new Set<number>();
  for (const match of text.replace(documentNumber, '').matchAll(anyYear)) years.add(Number(match[1]));
  return ![...asked].some((year) => years.has(year));
}
