/**
 * 是否: whether the sentence that answers a yes-or-no question says yes or no. Said only when the
 * sentence settles it: the question's words are there with its numbers, level and person (yes), or
 * another number, level or person stands where the question's would (是每月第一周吗 against 每月第四周,
 * 全国文明单位 against 省级文明单位, 党委书记是张兵吗 against 校党委书记方俊良: no). Otherwise the
 * answer shows the evidence and leaves the verdict to the reader.
 */
import { personSpans, typedSpans } from './answer-spans.ts';
import { askedRoles, coreCoverageOf, holdsRole, longestSharedRun, modifiersOfAnother, termsNotIn } from './evidence.ts';
import { isYear, type QuestionAnalysis, type QuestionTerm } from './question.ts';
import { anyFrame, countedIn, fillsFrame, type Counted } from './claimed-values.ts';
import { escapeRegExp } from '../text/clean.ts';
import { getJieba } from '../text/tokenize.ts';
import { levelAskedIn, levelPhrase } from './honour-asked.ts';
import { sentenceCues, yesNoKnobs } from './tuning.ts';

/** What the evidence says to a yes-or-no question. */
export type YesNo = 'yes' | 'no';

/** A verdict and the clauses of the sentence that settle it (where the number, level or role stands). */
export interface Verdict {
  answer: YesNo;
  settling: string[];
  /**
   * The honour asked, as the question names it with its level (浙江省先进基层党组织), when the no is
   * only that the sentence gives it at another level (嘉兴市先进基层党组织): the article does not
   * mention the one asked, which is less than saying it was never received.
   */
  otherLevel?: string;
}

/** The level a text marks (national, provincial…), by the first marker found, or null. */
function levelOf(text: string): string | null {
  return yesNoKnobs.levels.find(([, marker]) => marker.test(text))?.[0] ?? null;
}

/** The level whose marker stands last in `text` (nearest the noun after it), or null. */
function nearestLevel(text: string): string | null {
  let best: { level: string; at: number } | null = null;
  for (const [level, marker] of yesNoKnobs.levels) {
    const pattern = new RegExp(marker.source, 'gu');
    for (const match of text.matchAll(pattern)) if (!best || match.index > best.at) best = { level, at: match.index };
  }
  return best?.level ?? null;
}

/**
 * Whether the sentence gives what the question asks for at the level it asks (是不是全国文明单位):
 * 'same' when the noun stands after a marker of that level, 'other' when only after another
 * level's (省级文明单位, 台州市职业教育先进单位), null when the question names no level or the
 * sentence does not tell.
 */
function levelMatch(question: string, sentence: string): { match: 'same' | 'other'; clause: string } | null {
  const asked = levelAskedIn(question);
  if (!asked) return null;
  const askedLevel = levelOf(asked.level);
  // The noun's opening words find it in the sentence (职业教育先进单位 → 职业教育), quoted or not
  // (双创示范基地 in 省级“双创”示范基地).
  const noun = asked.noun.replace(/[“”]/gu, '');
  const anchorOf = (text: string): RegExp => new RegExp([...text].map(escapeRegExp).join('[“”"]?'), 'gu');
  // Else the noun's first word (高水平 of 高水平专业群 in 国家高水平 A 档…专业群).
  const [firstWord] = getJieba().cut(noun, true);
  const anchored = [anchorOf(noun.slice(0, 4)), ...(firstWord && firstWord.length >= 2 && firstWord.length < 4 ? [anchorOf(firstWord)] : [])].find((pattern) => sentence.search(pattern) >= 0);
  if (!anchored) return null;
  let other: string | null = null;
  for (const found of sentence.matchAll(anchored)) {
    const at = found.index;
    // Within the honour's own item of a list (…、中共浙江省教育厅委员会 2019年先进基层党组织): the
    // marker nearest the noun.
    const window = sentence.slice(Math.max(0, at - yesNoKnobs.levelWindow), at);
    const before = window.slice(Math.max(...[...'、，,；;。'].map((mark) => window.lastIndexOf(mark))) + 1);
    // A thing's own level may head its list (立项湖南省…项目标杆院系1个、样板支部1个) or follow it in
    // its clause (“方鸷翔技能大师工作室”立项湖南省技能创新平台).
    const clause = clauseAt(sentence, at);
    const inClause = clause.indexOf(found[0]);
    // Several of them (…示范课程2门) may each have their own level: the sentence settles none.
    const after = clause.slice(inClause + found[0].length);
    if (asked.predicate && yesNoKnobs.severalCounted.test(after)) return null;
    // …not past its own item of a list (…主题教育基地、嘉兴市红船精神教育实践中心: 嘉兴市 is the next item's).
    // A name's level may open its clause, far before the noun it ends in (依托省“智能车间”…产教融合集成平台).
    const opening = levelOf(clause.slice(0, Math.min(inClause, 4)));
    const level = nearestLevel(before) ?? (asked.predicate ? (nearestLevel(clause.slice(0, inClause)) ?? levelOf(after.split('、')[0]!)) : opening);
    if (level === askedLevel) return { match: 'same', clause };
    if (level) other ??= clause;
  }
  return other === null ? null : { match: 'other', clause: other };
}

/** What ends a clause within a sentence. */
const clauseEnd = /[，,；;。！？!?]/u;
/** …and, where numbers are compared, an item of a list. */

/** The clause of `sentence` around offset `at`. */
function clauseAt(sentence: string, at: number): string {
  let start = at;
  while (start > 0 && !clauseEnd.test(sentence[start - 1]!)) start--;
  let end = at;
  while (end < sentence.length && !clauseEnd.test(sentence[end]!)) end++;
  return sentence.slice(start, end);
}

/** The person a question asks to hold a role (…副书记是黄忠慧吗 → 黄忠慧), or null. */
function personAskedFor(question: string, roles: readonly string[]): string | null {
  for (const role of roles) {
    const match = new RegExp(`${role}(?:是|为)([\\u4e00-\\u9fa5]{2,4}?)(?:同志|老师)?(?:吗|么|嘛)`, 'u').exec(question);
    if (match) return match[1]!;
  }
  return null;
}

/**
 * Whether the person the question names holds the role it asks about in the sentence (党委书记是张兵吗
 * against 市委书记张兵…，校党委书记方俊良): 'same', 'other' when someone else named there holds it
 * (whether or not the person asked is named there: 副书记是黄忠慧吗 against 党总支副书记于施佳), 'open'
 * when the person is there without it (副书记是黄忠慧吗 against 支部书记黄忠慧), or null when the
 * question names no role and person.
 */
function roleMatch(analysis: QuestionAnalysis, sentence: string): { match: 'same' | 'other' | 'open'; clause: string } | null {
  const roles = askedRoles(analysis);
  if (roles.length === 0) return null;
  const people = personSpans(sentence);
  const asked = people.filter((span) => analysis.question.includes(sentence.slice(span.start, span.end)));
  if (asked.length === 0) {
    // 副书记是黄忠慧吗 against 党总支副书记于施佳…: the role is another's, and the person asked is not named.
    const named = personAskedFor(analysis.question, roles);
    const other = named && !sentence.includes(named) ? people.find((span) => holdsRole(sentence, span, roles)) : undefined;
    return other ? { match: 'other', clause: clauseAt(sentence, other.start) } : null;
  }
  const holding = asked.find((span) => holdsRole(sentence, span, roles));
  if (holding) return { match: 'same', clause: clauseAt(sentence, holding.start) };
  const other = people.find((span) => !asked.includes(span) && holdsRole(sentence, span, roles));
  // The person asked holds the role's deputy (副院长, 党总支副书记), or the role whose deputy was asked
  // (刘哲纬是院长吗 against 副院长刘哲纬): one cannot be both.
  // Only a role asked as one (是党总支书记, 自动化学院的院长), not a word of an honour's name (最受师生喜爱书记).
  const askedAsRole = roles.filter((role) => new RegExp(`${yesNoKnobs.roleAsked.source}${role}`, 'u').test(analysis.question));
  const counterparts = askedAsRole.flatMap((role) => (role.includes('副') ? [role.replace('副', '')] : [`副${role}`, role.replace(yesNoKnobs.deputyOf, '副$1')]));
  const counterpart = other || counterparts.length === 0 ? undefined : asked.find((span) => holdsRole(sentence, span, counterparts));
  if (counterpart) return { match: 'other', clause: clauseAt(sentence, counterpart.start) };
  return { match: other ? 'other' : 'open', clause: clauseAt(sentence, (other ?? asked[0]!).start) };
}

/** The question's subject and topic words, but its colleges, that the sentence holds. */
function heldTerms(analysis: QuestionAnalysis, sentence: string): QuestionTerm[] {
  const lower = sentence.toLowerCase();
  return analysis.terms.filter((term) => (term.role === 'subject' || term.role === 'topic') && !analysis.colleges.includes(term.word) && lower.includes(term.word.toLowerCase()));
}

/**
 * Whether the sentence splits the question's words between clauses, one of which names a unit the
 * question does not: A党总支获批…标杆院系，B党支部荣获…称号 says nothing of B being a 标杆院系, while
 * 自动化学院党总支不断提升党建质量，通过了…标杆院系验收 goes on about the same 党总支. A clause that
 * says all of them is about what the question asks, whatever its neighbours name.
 */
function saidOfAnother(analysis: QuestionAnalysis, sentence: string): boolean {
  // A year dates every clause it opens (2021年，学校…，获得企业各类捐赠…): it names no unit.
  const held = heldTerms(analysis, sentence).filter((term) => !isYear(term.word));
  if (held.length < 2) return false;
  const clauses = sentence.split(clauseEnd).map((clause) => ({ clause, inClause: held.filter((term) => clause.toLowerCase().includes(term.word.toLowerCase())).length }));
  // A clause that says all of them settles it there (…职教集团，“方鸷翔技能大师工作室”立项湖南省技能创新平台).
  if (clauses.some(({ inClause }) => inClause === held.length)) return false;
  return clauses.some(({ clause, inClause }) => inClause > 0 && typedSpans('机构', clause).some((span) => !analysis.question.includes(clause.slice(span.start, span.end))));
}

/**
 * Yes when `sentence` (with `context`, what the article is about: its college, title) holds the
 * question's words and the same numbers, level and person; no when it holds the rest and gives what
 * the question counts another number, the honour another level, or the role another person; null
 * when it does not settle the question, or says no itself.
 */
export function yesNoVerdict(analysis: QuestionAnalysis, sentence: string, context = ''): Verdict | null {
  if (analysis.answerType !== '是否') return null;
  const asked = countedIn(analysis.question);
  // A count is settled by its own clause: a no elsewhere in the sentence (考核不达标的教师…累计发出“黄牌”5张) says nothing of it.
  if (asked.length === 0 && yesNoKnobs.negation.test(sentence)) return null;
  // 全国五一劳动奖章获得者…进校园: someone holding the honour asked about, not the one asked of.
  if (!yesNoKnobs.holderNoun.test(analysis.question) && !yesNoKnobs.ownPeopleAsked.test(analysis.question) && heldByOthers(analysis, sentence)) return null;
  const inCount = (word: string): boolean => asked.some((count) => count.text.includes(word) || word.includes(count.text));
  // A sentence may count several things (领导班子连续2年…，党委书记…连续3年…): the clause that says
  // most of the question's other words, then the longest run of them, is the one whose number
  // answers it (27名副教授收入超过了教授 is 37名副教授收入超过教授, not 27名讲师收入超过副教授).
  const coverage = coreCoverageOf({ ...analysis, terms: analysis.terms.filter((term) => !inCount(term.word)) }, ['subject', 'topic', 'generic']);
  // Items of a list count apart too (全国…大赛二等奖1项、浙江省一等奖2项).
  // An item after the first of a list (教师获…二等奖1项、浙江省一等奖2项) is still of the list's holder
  // and verb (教师获): weighed with them.
  const clauses = listItems(sentence).map(({ text, head }) => ({ text, counted: countedIn(text), covers: coverage(`${head}${text}`.toLowerCase()), run: longestSharedRun(analysis.question, text) }));
  let countDiffers = false;
  const settling: string[] = [];
  for (const count of asked) {
    // People asked by 个 (浙江工匠有5个吧) are counted by 人, 名 or 位 too; an award by 个 is not (一等奖2个).
    const ofPeople = count.frame === '…个' && yesNoKnobs.peopleCountedBy个.test(analysis.question.slice(0, Math.max(0, analysis.question.indexOf(count.text))).replace(/(?:有|是|共|一共|总共|大概|大约)+$/u, ''));
    const fills = (frame: string): boolean => fillsFrame(count.frame, frame) || (ofPeople && /^…(?:人|名|位)$/u.test(frame));
    const framed = clauses.filter((clause) => clause.counted.some((other) => fills(other.frame)));
    // The sentence does not say how many: it cannot settle the question.
    if (framed.length === 0) return null;
    // The clause counting the noun the claim counts (“红牌”7张 for 7张红牌), where one does.
    const noun = nounAfter(analysis.question, count.text, count.at);
    const ofNoun = noun ? framed.filter((clause) => clause.counted.some((other) => fills(other.frame) && nounAfter(clause.text, other.text) === noun)) : [];
    const pool = ofNoun.length > 0 ? ofNoun : framed;
    const best = Math.max(...pool.map((clause) => clause.covers));
    const covering = pool.filter((clause) => clause.covers === best);
    const longest = Math.max(...covering.map((clause) => clause.run));
    const closest = covering.filter((clause) => clause.run === longest);
    const bound = boundAsked(analysis.question, count);
    const answers = closest.map((clause) => holdsCount(analysis.question, clause.text, clause.counted, count, bound, fills));
    // Clauses that say as much of the question and disagree on the number leave it open, as does a
    // bound the sentence's own bound cannot settle (高于95% against 90%以上).
    if (answers.some((same) => same === null || same !== answers[0])) return null;
    if (!answers[0]) countDiffers = true;
    if (yesNoKnobs.negation.test(closest[0]!.text)) return null;
    settling.push(closest[0]!.text);
  }
  const level = levelMatch(analysis.question, sentence);
  const role = roleMatch(analysis, sentence);
  // The person is named without the role asked: the sentence does not say who holds it.
  if (role?.match === 'open') return null;
  const differs = countDiffers || level?.match === 'other' || role?.match === 'other';
  if (level) settling.push(level.clause);
  if (role) settling.push(role.clause);
  // A question naming a level is settled only where the sentence tells it.
  if (levelAskedIn(analysis.question) !== null && level === null) return null;
  // A word inside a number the sentence gives otherwise (一等奖, 第一周) is what differs, not what is
  // missing; a few light words (听说, 搞) may be missing, never a name.
  const total = analysis.terms.filter((term) => term.role !== 'intent').reduce((sum, term) => sum + term.weight, 0);
  // The person asked for is missing where another holds the role: that is the no.
  const absentPerson = role?.match === 'other' ? personAskedFor(analysis.question, askedRoles(analysis)) : null;
  // A level the sentence marks as asked is said in its own words (省级 by 湖南省技能创新平台); one it
  // marks otherwise (江苏省…先进基层党组织 for 全国…) is what differs, not what is missing.
  const levelSaid = level ? levelAskedIn(analysis.question)?.level : undefined;
  // The bound a question puts on its number (超过20次) is said by the sentence's own number (20多次).
  const boundWord = (word: string): boolean => asked.length > 0 && yesNoKnobs.boundsBefore.some(([, cue]) => cue.test(word));
  const said = `${sentence} ${context}`.toLowerCase();
  // …with the noun jieba may fuse it with (省级重点 of 省级重点实验室): the rest is what must be said.
  const ofLevelSaid = (word: string): boolean => levelSaid !== undefined && (word === levelSaid || (word.startsWith(levelSaid) && said.includes(word.slice(levelSaid.length))));
  const missing = termsNotIn(analysis, said, ['subject', 'topic', 'generic']).filter((term) => !inCount(term.word) && !boundWord(term.word) && !ofLevelSaid(term.word) && !(absentPerson && absentPerson.includes(term.word)));
  const missingWeight = missing.reduce((sum, term) => sum + term.weight, 0);
  if (missing.some((term) => term.isName || term.critical) || missingWeight > total * yesNoKnobs.missingShare) return null;
  // 学生拿过一等奖吗 against 教师获…一等奖2项: what others won says nothing of those asked.
  if (wonByOthers(analysis.question, sentence)) return null;
  if (modifiersOfAnother(analysis, sentence, missing.filter((term) => !yesNoKnobs.sumWords.test(term.word))).length > 0) return null;
  if (!differs && saidOfAnother(analysis, sentence)) return unitsHonour(analysis, sentence);
  if (!differs) {
    const titled = peopleTitles(analysis, sentence);
    if (titled) return titled;
  }
  const levelOnly = level?.match === 'other' && !levelAskedIn(analysis.question)?.predicate && role?.match !== 'other' && !countDiffers;
  return { answer: differs ? 'no' : 'yes', settling, ...(levelOnly ? { otherLevel: levelPhrase(analysis.question)!.asWritten } : {}) };
}

/** A sentence's clauses and items, each with what heads its list when it is an item after the first (教师获 of 教师获A、B). */
function listItems(sentence: string): { text: string; head: string }[] {
  const items: { text: string; head: string }[] = [];
  for (const segment of sentence.split(/[，,；;。！？!?]/u)) {
    const [first, ...rest] = segment.split('、');
    const head = first ? (yesNoKnobs.listHeadVerb.exec(first)?.[0] ?? '') : '';
    items.push({ text: first ?? '', head: '' }, ...rest.map((text) => ({ text, head })));
  }
  return items;
}

/** Whether the question asks of holders (学生) the sentence does not name, while it names others winning (教师获…). */
function wonByOthers(question: string, sentence: string): boolean {
  const asked = yesNoKnobs.holders.filter((group) => group.some((holder) => question.includes(holder)));
  if (asked.length === 0 || asked.flat().some((holder) => sentence.includes(holder))) return false;
  // 指导学生获…: the teachers' guidance, not the students' own win, when teachers are asked.
  return yesNoKnobs.holders.some((group) => !asked.includes(group) && group.some((holder) => new RegExp(`(?<!指导)${holder}(?:荣获|获得|斩获|获|拿到|拿下)`, 'u').test(sentence)));
}

/** The holder's noun right after an honour (…奖章获得者). */
const holderAfter = new RegExp(`^(?:${yesNoKnobs.holderNoun.source})`, 'u');

/** Whether the sentence names a word the question asks about only as what others hold (…奖章获得者). */
function heldByOthers(analysis: QuestionAnalysis, sentence: string): boolean {
  return analysis.terms.some((term) => {
    if (term.role === 'generic' || term.role === 'intent' || !sentence.includes(term.word)) return false;
    for (let at = sentence.indexOf(term.word); at >= 0; at = sentence.indexOf(term.word, at + 1)) {
      if (!holderAfter.test(sentence.slice(at + term.word.length))) return false;
    }
    return true;
  });
}

/**
 * The clause of `sentence` that names others of the kind of a name the question asks about and
 * the sentence lacks (光明日报、苏州日报等媒体…报道 for 上过人民日报没有), or null.
 */
export function othersOfKind(analysis: QuestionAnalysis, sentence: string): string | null {
  const asked = kindNameAsked(analysis);
  if (!asked || sentence.includes(asked.name)) return null;
  // Another of that kind: the kind's word right after a name's characters.
  for (let at = sentence.indexOf(asked.kind); at >= 0; at = sentence.indexOf(asked.kind, at + asked.kind.length)) {
    const inside = yesNoKnobs.kindWordInside.before.test(sentence.slice(0, at)) || yesNoKnobs.kindWordInside.after.test(sentence.slice(at + asked.kind.length));
    if (at > 0 && /\p{Script=Han}/u.test(sentence[at - 1]!) && !inside) return clauseAt(sentence, at);
  }
  return null;
}

/** The name of a listed kind (人民日报: a 日报) a yes-or-no question asks about, with its kind, or null. */
export function kindNameAsked(analysis: QuestionAnalysis): { name: string; kind: string } | null {
  for (const term of analysis.terms) {
    if (!term.isName && term.role !== 'subject') continue;
    const kind = yesNoKnobs.namedKinds.find((ending) => term.word.endsWith(ending) && term.word.length > ending.length);
    if (kind) return { name: term.word, kind };
  }
  return null;
}

/**
 * The words a yes-or-no question names its subject by that `sentence` (with its article's
 * `context`) lacks where it says the subject's noun of another (机电一体化 against
 * 智能控制技术教学团队…): a sentence holding them is about the one asked.
 */
export function subjectWordsOfAnother(analysis: QuestionAnalysis, sentence: string, context = ''): string[] {
  const missing = termsNotIn(analysis, `${sentence} ${context}`.toLowerCase(), ['subject', 'topic']);
  return modifiersOfAnother(analysis, sentence, missing).map((term) => term.word);
}

/** How a question bounds its number: 超过95% (more), 不低于 / 以上 (at least), 低于 / 不到 (less), or exactly. */
type Bound = 'more' | 'atLeast' | 'less' | 'atMost' | 'exact';

function boundAsked(question: string, count: Counted): Bound {
  if (count.bound) return count.bound;
  // A round sum said with its magnitude alone (有2000万吗, 到账2000万了吗) asks whether it was reached.
  const roundSum = count.frame === anyFrame && /^[\d一二两三四五六七八九十]+[万亿]$/u.test(count.text);
  const at = question.indexOf(count.text);
  if (at < 0) return 'exact';
  const before = question.slice(Math.max(0, at - 4), at);
  const after = question.slice(at + count.text.length, at + count.text.length + 2);
  for (const [bound, cue] of yesNoKnobs.boundsBefore) if (cue.test(before)) return bound;
  for (const [bound, cue] of yesNoKnobs.boundsAfter) if (cue.test(after)) return bound;
  return roundSum ? 'atLeast' : 'exact';
}

/**
 * Whether a clause's numbers of the question's frame hold its claim: true when one holds it whatever
 * the number it stands for, false when none can, null when one may (90%以上 for 超过95%).
 */
function holdsCount(question: string, clause: string, counted: readonly Counted[], claim: Counted, bound: Bound, fills: (frame: string) => boolean = (frame) => fillsFrame(claim.frame, frame)): boolean | null {
  // A claim said as a number and more (二十多个) holds what lies within its own range.
  const claimed: CountRange | null = claim.below !== undefined && bound === 'exact' ? { low: claim.value, lowOpen: true, high: claim.below, highOpen: true } : null;
  // 从75.3%提高到93.8%: the value a change started from is what a question about before (原来, 以前) asks; else the value it reached.
  // A question stating the change itself (是从75.3%升到93.8%) claims each end: its start the start's.
  const startOf = (text: string, count: string): boolean => yesNoKnobs.changedFrom.test(text.slice(Math.max(0, text.indexOf(count) - 1), text.indexOf(count) + count.length + 6));
  const startAsked = yesNoKnobs.startAsked.test(question) || startOf(question, claim.text);
  const framed = counted.filter((other) => fills(other.frame) && startAsked === startOf(clause, other.text));
  // 在9个专业群上设置了24个师生党支部: the number of the noun the claim counts (专业群), where the clause says it.
  const noun = nounAfter(question, claim.text, claim.at);
  const ofNoun = noun ? framed.filter((other) => nounAfter(clause, other.text) === noun) : [];
  const answers = (ofNoun.length > 0 ? ofNoun : framed).map((other) => (claimed ? within(rangeOf(clause, other), claimed) : settles(rangeOf(clause, other), claim.value, bound)));
  return answers.includes(true) ? true : answers.includes(null) ? null : false;
}

/**
 * The two characters after a count in a text (专业 of 二十多个专业群), with 的 or 个 passed over; or
 * the quoted name right before it (黄牌 of “黄牌”5张); '' when none.
 */
function nounAfter(text: string, count: string, where?: number): string {
  const at = where !== undefined && text.startsWith(count, where) ? where : text.indexOf(count);
  if (at < 0) return '';
  const after = /^[个的]?(\p{Script=Han}{2})/u.exec(text.slice(at + count.length))?.[1];
  return after ?? /“(\p{Script=Han}{2})\p{Script=Han}{0,2}”$/u.exec(text.slice(0, at))?.[1] ?? '';
}

/** The numbers a count may stand for: from `low` to `high`, each end open (excluded) or not. */
interface CountRange {
  low: number;
  lowOpen: boolean;
  high: number;
  highOpen: boolean;
}

/**
 * What a clause's count says of the number: itself; more than it (超过一百万人次, 98%以上: at least);
 * less (…以下); or, said as a number and more (20多次, 500余万), above it and below the next step.
 */
function rangeOf(clause: string, count: Counted): CountRange {
  const at = clause.indexOf(count.text) + count.text.length;
  const own = count.bound ?? yesNoKnobs.boundsAfter.find(([, cue]) => cue.test(clause.slice(at, at + 2)))?.[0];
  if (own === 'more' || own === 'atLeast') return { low: count.value, lowOpen: own === 'more', high: Infinity, highOpen: true };
  if (own === 'less' || own === 'atMost') return { low: -Infinity, lowOpen: true, high: count.value, highOpen: own === 'less' };
  if (count.below !== undefined) return { low: count.value, lowOpen: true, high: count.below, highOpen: true };
  return { low: count.value, lowOpen: false, high: count.value, highOpen: false };
}

/** Whether every number of the range holds the question's bound on `claim` (true), none does (false), or some do (null). */
function settles(range: CountRange, claim: number, bound: Bound): boolean | null {
  const { low, lowOpen, high, highOpen } = range;
  const [all, none] =
    bound === 'more'
      ? [low > claim || (low === claim && lowOpen), high <= claim]
      : bound === 'atLeast'
        ? [low >= claim, high < claim || (high === claim && highOpen)]
        : bound === 'less'
          ? [high < claim || (high === claim && highOpen), low >= claim]
          : bound === 'atMost'
            ? [high <= claim, low > claim || (low === claim && lowOpen)]
            : [low === claim && high === claim && !lowOpen && !highOpen, claim < low || claim > high || (claim === low && lowOpen) || (claim === high && highOpen)];
  return all ? true : none ? false : null;
}

/** Whether every number of `range` lies in `claimed` (true), none does (false), or some do (null). */
function within(range: CountRange, claimed: CountRange): boolean | null {
  const all = (range.low > claimed.low || (range.low === claimed.low && (range.lowOpen || !claimed.lowOpen))) && (range.high < claimed.high || (range.high === claimed.high && (range.highOpen || !claimed.highOpen)));
  const none = range.low > claimed.high || (range.low === claimed.high && (range.lowOpen || claimed.highOpen)) || range.high < claimed.low || (range.high === claimed.low && (range.highOpen || claimed.lowOpen));
  return all ? true : none ? false : null;
}

/**
 * The verdict of a sentence that lists people each after their title (全国技术能手、铁路劳动模范朱光耀，
 * 全国高职挑战杯特等奖获得者方文浩，…), from the clause naming the person asked: yes when it holds
 * the title asked, no when another person's clause does; null when the sentence lists no one asked.
 */
function peopleTitles(analysis: QuestionAnalysis, sentence: string): Verdict | null {
  const clauses = sentence.split(clauseEnd).map((clause) => ({ clause, names: yesNoKnobs.titledNames.exec(clause.trim().replace(yesNoKnobs.namesClosing, ''))?.[1]?.split('、') ?? [] }));
  const asked = clauses.find(({ names }) => names.some((name) => analysis.question.includes(name)));
  if (!asked) return null;
  const lower = (text: string): string => text.toLowerCase();
  const titleTerms = heldTerms(analysis, sentence).filter((term) => !asked.names.some((name) => name.includes(term.word) || term.word.includes(name)));
  if (titleTerms.length === 0) return null;
  const holds = (clause: string): boolean => titleTerms.every((term) => lower(clause).includes(lower(term.word)));
  if (holds(asked.clause)) return { answer: 'yes', settling: [asked.clause] };
  const other = clauses.find(({ clause, names }) => clause !== asked.clause && names.length > 0 && holds(clause));
  return other ? { answer: 'no', settling: [other.clause, asked.clause] } : null;
}

/**
 * The verdict of a sentence that names several units, each with its honour, from the clause naming
 * the unit asked about: yes when that clause says the honour asked (C党支部荣获…示范党支部称号 for
 * 是否获得示范党支部称号); no when it says another while a clause about others says the one asked
 * (A、B党总支获批…标杆院系，C党支部荣获…示范党支部称号: C is no 标杆院系); null when it does not tell.
 */
function unitsHonour(analysis: QuestionAnalysis, sentence: string): Verdict | null {
  const opening = yesNoKnobs.honourAsked.exec(analysis.question)?.index ?? analysis.question.length;
  const named = analysis.question.slice(0, opening);
  const unit = typedSpans('机构', named)
    .map((span) => named.slice(span.start, span.end))
    .sort((a, b) => b.length - a.length)[0];
  if (!unit) return null;
  const held = heldTerms(analysis, sentence);
  const unitTerms = held.filter((term) => unit.includes(term.word));
  // What the unit is asked to have been honoured with, without the words every honour shares (称号).
  const honourTerms = held.filter((term) => !unit.includes(term.word) && !yesNoKnobs.honourWords.test(term.word));
  if (unitTerms.length === 0 || honourTerms.length === 0) return null;
  const holds = (clause: string, terms: readonly QuestionTerm[]): boolean => terms.every((term) => clause.toLowerCase().includes(term.word.toLowerCase()));
  const clauses = sentence.split(clauseEnd);
  const unitClause = clauses.find((clause) => holds(clause, unitTerms));
  if (!unitClause || !sentenceCues.honour.test(unitClause)) return null;
  if (holds(unitClause, honourTerms)) return { answer: 'yes', settling: [unitClause] };
  const otherClause = clauses.find((clause) => clause !== unitClause && holds(clause, honourTerms));
  if (!otherClause || !sentenceCues.honour.test(otherClause) || honourTerms.some((term) => unitClause.toLowerCase().includes(term.word.toLowerCase()))) return null;
  return { answer: 'no', settling: [otherClause, unitClause] };
}

/** The words that say the verdict as the question asks for it (有/没有, 是/不是, 是/否). */
export function verdictWord(question: string, verdict: YesNo): string {
  // The cue that asks first (是七个有力吗: 是, not the 有 of 有力).
  const asked = yesNoKnobs.words
    .map((entry) => ({ entry, at: entry[0].exec(question)?.index ?? Infinity }))
    .filter(({ at }) => at < Infinity)
    .sort((a, b) => a.at - b.at)[0]?.entry;
  const [yes, no] = asked ? [asked[1], asked[2]] : yesNoKnobs.otherwise;
  return verdict === 'yes' ? yes : no;
}
