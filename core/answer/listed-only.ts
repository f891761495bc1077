/**
 * What an article only lists or counts and never tells of on its own: a name among others
 * (实施“红船领航、精英引航、赋能续航、制度护航”四大工程), or the members of a set it counts (合作共建16个
 * “双融双促红色共同体”). Asked what they are, the answer says so before what the article does say.
 */
import { numeral, type QuestionAnalysis } from './question.ts';
import { countedSetAsked, listedHead, membersAsked } from './tuning.ts';

/**
 * The name a question asks about as `text` writes it: its last quoted name, else the longest run of
 * the question's adjacent words, one of them a topic word, that the text holds (制度 + 护航).
 */
export function askedName(analysis: QuestionAnalysis, text: string): string | undefined {
  const quoted = analysis.quoted[analysis.quoted.length - 1];
  if (quoted) return text.includes(quoted) ? quoted : undefined;
  // Each word where the question writes it, in order; the college named is no part of a name.
  const placed: { word: string; at: number; topic: boolean }[] = [];
  for (const term of analysis.terms) {
    const at = analysis.question.indexOf(term.word, placed.length > 0 ? placed[placed.length - 1]!.at + 1 : 0);
    if (at >= 0 && term.role !== 'subject') placed.push({ word: term.word, at, topic: term.role === 'topic' });
  }
  let longest = '';
  for (let first = 0; first < placed.length; first++) {
    let run = '';
    let topic = false;
    for (let last = first; last < placed.length && (last === first || placed[last]!.at === placed[last - 1]!.at + placed[last - 1]!.word.length); last++) {
      run += placed[last]!.word;
      topic ||= placed[last]!.topic;
      if (topic && [...run].length > [...longest].length && text.includes(run)) longest = run;
    }
  }
  return [...longest].length >= 3 ? longest : undefined;
}

/**
 * Where every mention of `name` in `text` is one item of a quoted list whose counted head after its
 * closing mark counts its items (“红船领航、精英引航、赋能续航、制度护航”四大工程): that head; null when
 * the text tells of the name anywhere on its own, or never names it.
 */
export function listedOnly(text: string, name: string): string | null {
  let head: string | null = null;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const before = text[at - 1] ?? '';
    const after = text[at + name.length] ?? '';
    if (!(before === '、' || after === '、') || !/[、“"]/u.test(before) || !/[、”"]/u.test(after)) return null;
    // The list is the quotation holding the name, as many items as its counted head says (四大工程:
    // 4); a name holding 、 itself (“手拉手、一帮一”工程) is no list.
    const open = text.lastIndexOf('“', at);
    const close = text.indexOf('”', at);
    if (open < 0 || close < 0) return null;
    const counted = listedHead.exec(text.slice(close));
    const items = text.slice(open + 1, close).split('、').length;
    if (!counted || numeral(counted[1]!) !== items) return null;
    head ??= counted[0].slice(1);
  }
  return head;
}

/** What a question counts and asks the members of (那16个双融双促红色共同体都是跟哪些单位建的), or null. */
export function countedMembersAsked(question: string): { count: string; classifier: string; noun: string } | null {
  if (!membersAsked.test(question)) return null;
  const found = countedSetAsked.exec(question);
  return found ? { count: found[1]!, classifier: found[2]!, noun: found[3]!.replace(/[“”]/gu, '') } : null;
}

/**
 * How a text tells the members of a counted set it names: 'none' when the clause giving the count
 * names none of them (合作共建16个“双融双促红色共同体”), 'some' when it names a few before 等 (…研究院等8个
 * 校级科创平台), null when it lists them or does not give the count.
 */
export function membersTold(text: string, asked: { count: string; noun: string }): 'none' | 'some' | null {
  const tail = asked.noun.slice(-2);
  for (const clause of text.split(/[，,；;。]/u)) {
    const at = wholeNumberAt(clause, asked.count);
    if (at < 0 || !clause.includes(tail)) continue;
    if (/[“"][^”"]+[”"][^“"]{0,2}[“"]/u.test(clause)) return null;
    const parts = clause.split('、');
    // A list of counts (浙江工匠3人、杰出台州工匠2人) names no members.
    if (parts.length >= 2 && !parts.every((part) => /(?:\d+|[一二两三四五六七八九十]+)[个人名项家所支门条位]$/u.test(part.trim()))) return null;
    return clause.slice(Math.max(0, at - 1), at) === '等' ? 'some' : 'none';
  }
  return null;
}

/** Where `count` stands in `text` as a whole number, or -1. */
function wholeNumberAt(text: string, count: string): number {
  for (let at = text.indexOf(count); at >= 0; at = text.indexOf(count, at + 1)) {
    if (!/[\d一二两三四五六七八九十百千万]/u.test(text[at - 1] ?? '') && !/[\d一二两三四五六七八九十百千万]/u.test(text[at + count.length] ?? '')) return at;
  }
  return -1;
}
