/**
 * Follow-up questions. `那他们取得了哪些成效？` means nothing on its own; after
 * `嘉兴职业技术学院如何开展党史学习教育？` it asks for 嘉兴职业技术学院's results in 党史学习教育.
 * A question is a follow-up only when it points back (他们, 该校, 这些, 其, 那…呢) or has no topic
 * of its own; one with its own topic starts fresh. Without a model the follow-up is rewritten
 * here into a question that reads as one (shown to users as what was searched for); with a model,
 * the model rewrites it (see answer-service).
 */
import { getJieba, questionWords, stopwords } from '../text/tokenize.ts';
import { partyBuildingTerms } from '../text/domain-terms.ts';
import { articleFactAsked } from './article-facts.ts';
import type { HistoryTurn } from './protocol.ts';
import { analyzeQuestion, answerTypeOf, collegeMentions, collegesAskedOf, collegesNamedIn, placeAndUnitMentions } from './question.ts';
import { personSpans, type TextSpan } from './answer-spans.ts';
import { generalIdf, type TermStatistics } from './term-statistics.ts';
import { amongPointer, articleFactCues, askedOfPractice, askedWhatItIs, subjectlessFactoid, carriedTopicWords, collegeAbbreviation, continuationOpening, countedAtEnd, counterpartFollowUp, definiteByDoing, peoplePointer, eachOpening, subjectlessYesNo, genericIdfBelow, genericWords, honourTopicWords, inlineList, intentWords, invertedNarrowing, narrowingFollowUp, itsPractice, listedAsking, listedNoun, nameEnd, namedPointer, objectlessWinning, organisationName, parallelOpening, partAsks, personPointer, quotedRun, pointedLabelLength, pointedLabelNot, pointerToNamed, pointerToTopic, practiceNouns, provinces, referringWords, leadClaimLength, levelCounterpart, levelMarkers, listLeadVerb, unitAfterName, whenOfAnswerAsked, yesNoKnobs } from './tuning.ts';

/** What a follow-up inherits from the conversation. */
export interface CarriedContext {
  /** The question to search for, as a readable question. */
  question: string;
  /** A college the conversation is about, to narrow the search when the user set no filter. */
  college: string | undefined;
  /** Whether anything was carried. */
  rewritten: boolean;
}

/** Colleges named in a text, longest names first (a shorter name inside a longer one is not counted). */
export function collegesIn(text: string, colleges: readonly string[]): string[] {
  return collegesNamedIn(text, colleges);
}

// Honours asked for (都拿过哪些荣誉) are a topic of their own, not a kind of answer to a topic before.
const notTopic: ReadonlySet<string> = new Set([...intentWords.filter((word) => !honourTopicWords.includes(word)), ...genericWords, ...questionWords]);
const domain: ReadonlySet<string> = new Set(partyBuildingTerms);

/** Words of a question that name a topic of its own (not colleges, question, generic or intent words). */
export function ownTopicWords(question: string, colleges: readonly string[]): string[] {
  let rest = question;
  for (const college of collegesNamedIn(question, colleges)) rest = rest.split(college).join(' ');
  const quoted = [...rest.matchAll(/[“"「]([^”"」]{1,30})[”"」]/gu)].map((match) => match[1]!);
  const words = getJieba()
    .cut(rest.replace(referringWords, ' '), true)
    .map((word) => word.trim().toLowerCase())
    .filter((word) => /[\p{L}\p{N}]/u.test(word) && !stopwords.has(word) && !notTopic.has(word))
    .filter((word) => domain.has(word) || generalIdf(word) >= genericIdfBelow);
  return [...new Set([...quoted, ...words])];
}

/** A follow-up's opening 那 (那…呢, 那么…), not the 那 of 那几位 or 那篇文章 that points at what was listed or told. */
const openingThat = '那么|那(?![几篇份条则])';
const leadingThat = new RegExp(`^(?:${openingThat})\\s*`, 'u');
/** …with the other words that only open a follow-up (还有, 另外, 其中); and 那个/这个 when no topic is pointed at. */
const followUpOpening = new RegExp(`^(?:${openingThat}|还有|另外|此外|其中)\\s*`, 'u');
const followUpOpeningOrPointer = new RegExp(`^(?:那个|这个|${openingThat}|还有|另外|此外|其中)\\s*`, 'u');
/** 它 opening a question (它落实的是哪个有力, 那它的成效呢): the thing or the college the conversation is about. */
const itPointer = /^(?:那么|那)?\s*它(?!们)/u;

/** True when a question cannot stand on its own; a college named by one of its units alone is named too. */
export function isFollowUp(asked: string, colleges: readonly string[], unitsOf: UnitMentions = noUnits): boolean {
  const question = withPlaceNamed(withoutArticlePointer(asked), colleges);
  // 他, 她: a person the conversation named.
  if (personPointer.test(question)) return true;
  const named = collegesNamedIn(question, colleges).length > 0 || unitsOf(question).length > 0;
  const own = ownTopicWords(question, colleges).length > 0;
  if (named) return asksAboutAnother(question, colleges, unitsOf) || (!own && continuationOpening.test(question));
  return narrowingFollowUp.test(asked.trim()) || eachOpening.test(question.trim()) || definiteByDoing.test(question.trim()) || objectlessWinning.test(question.trim()) || (subjectlessYesNo.test(question.trim()) && answerTypeOf(question) === '是否') || referringWords.test(question) || itPointer.test(question) || namedPointer.test(question) || continuationOpening.test(question) || !own || subjectlessFactoidAsked(question, colleges);
}

/**
 * 一共培训了多少人 in a conversation: a short count or date asked with no subject and hardly a word of
 * its own, the conversation's (a college it names is checked by the caller).
 */
export function subjectlessFactoidAsked(question: string, colleges: readonly string[]): boolean {
  const text = question.trim().replace(/[？?。！!]+$/u, '');
  const type = answerTypeOf(text);
  return [...text].length <= subjectlessFactoid.maxLength && (type === '数量' || type === '时间') && !subjectlessFactoid.beyond.test(text) && ownTopicWords(text, colleges).length <= subjectlessFactoid.ownWordsAtMost;
}

/**
 * What a pointer in `question` (这个阵地) points at: the name ending in its noun that the latest
 * earlier question wrote (海棠花红智能先锋阵地), or the item of a list an earlier question pointed
 * at (第四项 → “三融教育”工程), with the pointer; null when none did. A unit's pointer (这个支部) is the
 * college's own, not this.
 */
export function pointedName(question: string, history: readonly HistoryTurn[]): { pointer: string; name: string } | null {
  const pointer = pointerToNamed.exec(question);
  if (!pointer || namedPointer.test(question)) return null;
  // The noun is the pointer's first word (这个工程落实的… → 工程), however the sentence goes on.
  const [first] = getJieba().cut(question.slice(pointer.index + pointer[0].length - pointer[1]!.length), true);
  const noun = first && /^\p{Script=Han}+$/u.test(first) && pointer[1]!.startsWith(first) ? first : pointer[1]!;
  const said = `${pointer[0].slice(0, pointer[0].length - pointer[1]!.length)}${noun}`;
  for (let index = history.length - 1; index >= 0; index--) {
    const turn = history[index]!;
    if (turn.role !== 'user') continue;
    const answerBefore = history.slice(0, index).reverse().find((entry) => entry.role === 'assistant')?.content ?? '';
    const item = pointedItem(turn.content, answerBefore)?.item;
    if (item?.endsWith(noun) && item.length > noun.length) return { pointer: said, name: item };
    // A question that asked what it is (手拉手一帮一是啥, 有啥机制, 党建品牌是什么) points at the name its
    // answer gave (实施“手拉手、一帮一”工程，…; “四责协同”管理机制), when its cited lines give one such.
    // The noun may stand inside the quotes (产教融合“金基地”) or a few words after them (“双百示范”首批党建特色品牌).
    // Not after a question asking for several (嘉职院有哪些基地, 哪五大工程): 这个 picks none of them.
    // The lead line's one such name, else the one of all its cited lines.
    const cited = (history.slice(index + 1).find((entry) => entry.role === 'assistant')?.content ?? '').split('\n').filter((line) => /\[\d+\]/u.test(line));
    const namesIn = (text: string): string[] => [...new Set([...text.matchAll(new RegExp(`“[^“”]{2,16}”(?:[^\\P{Script=Han}的为是和与及]{0,8}?(?<![一二三四五六七八九十两]大))${noun}|“[^“”]{0,16}${noun}”`, 'gu'))].map((match) => match[0]))];
    const [given] = /哪些|哪几|都有|哪[两二三四五六七八九十]|几[大个项]/u.test(turn.content) ? [] : [namesIn(cited[0] ?? ''), namesIn(cited.join('\n'))].filter((found) => found.length === 1).map(([name]) => name!);
    const answered = given ? { pointer: said, name: given } : null;
    if (answered && askedWhatItIs.test(turn.content.trim())) return answered;
    // A name, not a question about names (哪五大工程); one quoted before its noun (“向阳”项目) whole.
    const names = [...turn.content.matchAll(new RegExp(`“[^“”]{1,16}”${noun}|[^的了是在和与及对把将，。？?！!、：“”\\s]{0,12}${noun}`, 'gu'))].map((match) => match[0]).filter((name) => name.length > noun.length && !/[哪几啥]|什么|多少/u.test(name));
    if (names.length > 0) return { pointer: said, name: names.sort((a, b) => b.length - a.length)[0]! };
    if (answered) return answered;
  }
  return null;
}

/**
 * The person a 他 or 她 points at: one the latest question naming someone names, as its answer names
 * a person (黄忠慧是哪个专业的带头人 → …专业带头人黄忠慧…), or the one its answer gave to 谁 (党委书记是谁
 * → …党委书记方俊良…); null when neither is one person. Questions pointing with 他 or 她 themselves
 * are passed over (她去哪援疆了 → 她拿过什么奖 is still 黄忠慧).
 */
function personOfConversation(history: readonly HistoryTurn[]): string | null {
  for (let index = history.length - 1; index >= 0; index--) {
    const turn = history[index]!;
    if (turn.role !== 'user' || personPointer.test(turn.content)) continue;
    const answer = history.slice(index + 1).find((entry) => entry.role === 'assistant')?.content ?? '';
    const asked = [...new Set(personSpans(answer).map((span) => nameAsWritten(answer, span, turn.content)).filter((name): name is string => name !== null))];
    if (asked.length === 1) return asked[0]!;
    const lead = answer.split('\n').find((line) => /\[\d+\]/u.test(line)) ?? '';
    const leadPeople = [...new Set(personSpans(lead).map((span) => lead.slice(span.start, span.end)))];
    return asked.length === 0 && answerTypeOf(turn.content) === '人物' && leadPeople.length === 1 ? leadPeople[0]! : null;
  }
  return null;
}

/**
 * A person's name an answer gives at `span`, as `question` writes it: grown a character at a time on
 * either side while the question and the answer both hold it (施佳 → 于施佳); null when the question
 * does not name the person.
 */
function nameAsWritten(answer: string, span: TextSpan, question: string): string | null {
  let { start, end } = span;
  if (!question.includes(answer.slice(start, end))) return null;
  // A name ends before what is said of it (黄忠慧获…): 获, 是, 的… are no part of it.
  while (end - start < 4 && end < answer.length && !nameEnd.test(answer[end]!) && question.includes(answer.slice(start, end + 1))) end++;
  while (end - start < 4 && start > 0 && question.includes(answer.slice(start - 1, end))) start--;
  return answer.slice(start, end);
}

/** Whether a question opens pointing at an item of the previous answer's list (第二个工程…, 那第三项呢). */
export function pointsIntoList(question: string): boolean {
  return itemPointer.test(question.trim());
}

/** A follow-up asking for more of the same (还有呢, 其他的呢, 还有别的吗). */
const moreAsked = /^(?:那)?(?:还有|其他|其它|别的|另外)(?:的|呢|吗|吧|别的|其他|什么|哪些|没有)*[？?。]?$/u;

// 第二个工程, and its place said as a rank (排第二的项目, 排在第三位的).
const itemPointer = /^(?:那么?)?(?:(?:排在?)?第([一二三四五六七八九十]|\d{1,2})(?:位)?的|第([一二三四五六七八九十]|\d{1,2})(?:个|项|条|种|点))([\u4e00-\u9fa5]{0,4}?)(?=[的具是有怎如呢？?，,]|$)/u;
const chineseNumerals = '一二三四五六七八九十';

/** How many characters two texts open with alike. */
function sharedOpening(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/**
 * The item of the previous answer's list (a lead said as a list in one clause, else its first run
 * of `- ` or `1. ` lines) that `question` points at: a part of a one-line list as written; an item
 * by its quoted name with the pointer's noun (第二个工程 → “三亮三比”工程) or else its first clause;
 * null when the question points at none.
 */
function pointedItem(question: string, previousAnswer: string): { pointer: string; item: string } | null {
  const found = itemPointer.exec(question.trim());
  if (!found) return null;
  // The words after the counter are its noun (第二个工程), not what is asked of it (第四项展开讲讲).
  const [place, said] = [found[1] ?? found[2]!, found[3]!];
  const [tagged] = said ? getJieba().tag(said, true) : [];
  const noun = tagged && tagged.tag.startsWith('n') ? said : '';
  const pointer = [found[0].slice(0, found[0].length - said.length + noun.length), place, noun] as const;
  const n = /\d/u.test(pointer[1]) ? Number(pointer[1]) : chineseNumerals.indexOf(pointer[1]) + 1;
  const lines = previousAnswer.split('\n');
  const listed = (line: string): boolean => /^(?:- |\d+\. )/u.test(line);
  const first = lines.findIndex(listed);
  // A list said in the lead's one line (聚焦“铸魂引领”、聚焦“智能制造”、聚焦“人人出彩”。[1]), before
  // any points supporting it: its parts.
  const lead = lines.slice(0, first < 0 ? lines.length : first).find((line) => /\[\d+\]/u.test(line));
  const parts = lead ? inlineParts(lead.replace(/(?:\[\d+\])+/gu, '').trim()) : null;
  // A part of a one-line list is short and written as the article writes it: looked for as it is.
  if (parts) return parts[n - 1] ? { pointer: pointer[0], item: parts[n - 1]! } : null;
  // Names listed in the lead's text (建设“书记工作室”、“劳模工作室”、“博士工作室”、“党员先锋岗”), when no points follow.
  const run = lead ? quotedRun.exec(lead)?.[0] : undefined;
  const named = run?.match(/“[^”]+”/gu);
  if (named && first < 0) return named[n - 1] ? { pointer: pointer[0], item: named[n - 1]! } : null;
  // A list inside one clause of the lead (…第二批项目标杆院系1个、样板支部1个、双带头人标兵1名…).
  const clauseParts = lead ? listInClause(lead.replace(/(?:\[\d+\])+/gu, '').trim()) : null;
  if (clauseParts && first < 0) return clauseParts[n - 1] ? { pointer: pointer[0], item: clauseParts[n - 1]! } : null;
  const items: string[] = [];
  if (first >= 0) {
    for (const line of lines.slice(first)) {
      if (!listed(line)) break;
      items.push(line.replace(/^(?:- |\d+\. )/u, '').replace(/(?:\[\d+\])+/gu, '').trim());
    }
  }
  // A lead that opens as every point does (每位党员每月听取… above - 每位党员每月掌握…) is the list's first item.
  const leadText = lead?.replace(/(?:\[\d+\])+/gu, '').trim();
  if (leadText && items.length >= 2 && items.every((item) => sharedOpening(item, leadText) >= parallelOpening)) items.unshift(leadText);
  // One point is no list (- 抓“五大计划”…); nor are points too few to count to it: the lead's own list, when it has one.
  const inLead = named ?? clauseParts;
  if (inLead && (items.length < 2 || !items[n - 1])) return inLead[n - 1] ? { pointer: pointer[0], item: inLead[n - 1]! } : null;
  const item = items[n - 1];
  if (!item) return null;
  // The name the item gives its practice (聚焦“智能制造”，实施“示范”项目… → “示范”项目), else its first quoted name.
  const names = [...item.matchAll(/(“[^”]{1,20}”)([\u4e00-\u9fa5]{0,3})/gu)];
  const practice = names.find((match) => practiceNouns.some((noun) => match[2]!.startsWith(noun)));
  const quoted = practice ? `${practice[1]}${pointer[2] || practiceNouns.find((noun) => practice[2]!.startsWith(noun))}` : names[0] ? `${names[0][1]}${pointer[2] ?? ''}` : null;
  // An item opening with a short label (服务社会。开展…) is that label, looked for as written.
  const opening = item.split(/[，,。；;]/u)[0] ?? item;
  // Not a date or a connective opening a sentence (2020年，…; 同时，…): those name nothing.
  const label = opening.length <= pointedLabelLength && opening !== item && /^\p{Script=Han}+$/u.test(opening) && !pointedLabelNot.test(opening);
  const text = quoted ?? (label ? `“${opening}”` : opening);
  return { pointer: pointer[0], item: text };
}

/**
 * The parts of a list said in one clause (聚焦“铸魂引领”、聚焦“智能制造”、聚焦“人人出彩”。), split
 * outside quotation marks (秉持“红船铸魂、…”的办学理念 is one thing), or null when the text is no such list.
 */
function inlineParts(text: string): string[] | null {
  const body = text.replace(/[。；;]$/u, '');
  if (/[，,：:。]/u.test(body)) return null;
  const parts = outsideQuotes(body, inlineList.marks).map((part) => part.trim());
  return parts.length >= 2 && parts.every((part) => part.length > 0 && part.length <= inlineList.length) ? parts : null;
}

/** `text` split at the marks `marks` matches where they stand outside quotation marks. */
function outsideQuotes(text: string, marks: RegExp): string[] {
  const parts = [''];
  let depth = 0;
  for (const character of text) {
    if (character === '“') depth++;
    if (character === '”') depth = Math.max(0, depth - 1);
    if (depth === 0 && marks.test(character)) parts.push('');
    else parts[parts.length - 1] += character;
  }
  return parts;
}

/**
 * The items of the clause of `text` that lists most (three or more, at 、 outside quotation marks),
 * the first without what leads up to it (…建设计划第二批项目|标杆院系1个); or null.
 */
function listInClause(text: string): string[] | null {
  let best: string[] | null = null;
  for (const clause of text.split(/[，,；;。：:]/u)) {
    const parts = outsideQuotes(clause, /、/u).map((part) => part.trim());
    const lead = listLeadVerb.exec(parts[0]!);
    if (lead?.[1]) parts[0] = lead[1];
    if (parts.length >= 3 && parts.every((part) => part.length > 0 && part.length <= inlineList.length) && (!best || parts.length > best.length)) best = parts;
  }
  return best;
}

/**
 * The units a text names without their college (风能学院 of 湖南电气职业技术学院), each with the words
 * naming it and its college: the answer layer knows the corpus's units; none by default.
 */
export type UnitMentions = (text: string) => { form: string; college: string }[];
const noUnits: UnitMentions = () => [];

/** The colleges whose units a text names alone, each once. */
function collegesOfUnits(text: string, unitsOf: UnitMentions): string[] {
  return [...new Set(unitsOf(text).map((mention) => mention.college))];
}

/** A bare 那X呢 whose X is a corpus college, or one of its units (那湖南电气的风能学院呢？, 那风能学院呢？). */
function asksAboutAnother(question: string, colleges: readonly string[], unitsOf: UnitMentions = noUnits): boolean {
  const phrase = bareSubject(question);
  if (!phrase) return false;
  const mentions = collegeMentions(phrase, colleges);
  if (mentions.length === 0) return unitsOf(phrase).length === 1 && [...phrase.matchAll(organisationName)][0]?.[0] === phrase;
  const rest = mentions.reduce((text, { form }) => text.split(form).join(''), phrase).replace(/^的/u, '');
  return rest === '' || /^[\u4e00-\u9fa5]{0,10}(?:学院|系|党委|党总支|党支部|支部|中心)$/u.test(rest);
}

/** What a bare 那X呢 asks about (那湖南电气的风能学院呢？ → 湖南电气的风能学院), or null. */
function bareSubject(question: string): string | null {
  const bare = /^(?:(?:那么|那|还有|另外)\s*(.+?)\s*呢?|(.+?)\s*呢)[？?]?$/u.exec(question.trim());
  return bare?.[1] ?? bare?.[2] ?? null;
}

/** The organisation a bare 那X呢 names (那清华大学呢？ → 清华大学), when it is the whole question; else null. */
function otherOrganisation(question: string): string | null {
  const name = bareSubject(question);
  // 那一起共建了几个现代产业学院？ asks something of its own: no organisation's name on its own.
  if (!name || referringWords.test(name) || partAsks.test(name)) return null;
  // matchAll works on a copy: the shared pattern's lastIndex stays as it was.
  const [match] = name.matchAll(organisationName);
  const [short] = name.matchAll(collegeAbbreviation);
  return match?.[0] === name || short?.[1] === name ? name : null;
}

/** A follow-up that only points back: 他们学院, 该校, 他们那边. */
const pointerOnly = new RegExp(`^(?:${referringWords.source})(?:学院|学校|院校|那边|这边|那里|这里)?[？?]?$`, 'u');

/** The topic of a question as a phrase of its own words: from its first to its last strongest topic word. */
function topicPhrase(question: string, colleges: readonly string[], terms: TermStatistics, strongestOnly = false): string {
  const analysis = analyzeQuestion(question, { colleges, terms });
  const topic = analysis.terms.filter((term) => term.role === 'topic' || (term.role === 'subject' && !analysis.colleges.includes(term.word)));
  const strongest = [...topic].sort((a, b) => b.weight - a.weight).slice(0, carriedTopicWords);
  const positions = strongest.slice(0, strongestOnly ? 1 : undefined).map((term) => ({ at: question.indexOf(term.word), term })).filter((entry) => entry.at >= 0);
  if (positions.length === 0) return '';
  let start = Math.min(...positions.map((entry) => entry.at));
  let end = Math.max(...positions.map((entry) => entry.at + entry.term.word.length));
  // Quotation marks stay paired: “风能蒲公英”志愿服务, not 风能蒲公英”志愿服务.
  if (/^[^“]*”/u.test(question.slice(start, end)) && question[start - 1] === '“') start--;
  if (/“[^”]*$/u.test(question.slice(start, end)) && question[end] === '”') end++;
  const phrase = question.slice(start, end);
  // Quoted names keep their quotation marks; a long stretch is cut back to the strongest word.
  const quoted = analysis.quoted.find((name) => phrase === name);
  if (quoted) return `“${quoted}”`;
  if (phrase.length <= 16 && !/[，。？?！!]/u.test(phrase)) return phrase;
  const word = strongest[0]!.word;
  return analysis.quoted.includes(word) ? `“${word}”` : word;
}

/** The unit of `kind` (支部) the latest turn naming `college` names right after it (智能制造教工党支部), or ''. */
function unitNamedIn(turns: readonly string[], college: string, colleges: readonly string[], kind: string, unitsOf: UnitMentions): string {
  for (const turn of turns) {
    for (const mention of collegeMentions(turn, colleges).filter((found) => found.college === college)) {
      const unit = unitAfterName.exec(turn.slice(turn.indexOf(mention.form) + mention.form.length))?.[1] ?? '';
      if (unit.endsWith(kind)) return unit;
    }
    // Or named alone (自动化学院的…工程是干嘛的 → 该学院).
    const alone = unitsOf(turn).find((found) => found.college === college && found.form.endsWith(kind));
    if (alone) return alone.form;
  }
  return '';
}

/** A narrowing follow-up asked the other way round in its usual order (其中哪些是国家级的 → 其中国家级的是哪些); any other question as it is. */
export function narrowingForm(question: string): string {
  const inverted = invertedNarrowing.exec(question.trim());
  return inverted ? `${inverted[1]}${inverted[3]}的是${inverted[2]}${inverted[4]}` : question;
}

/**
 * Carries the conversation's subject and topic into a follow-up (without a model). Returns the
 * question unchanged when it stands on its own or there is no history.
 */
export function carrySubjects(asked: string, history: readonly HistoryTurn[], colleges: readonly string[], terms: TermStatistics, unitsOf: UnitMentions = noUnits): CarriedContext {
  const unchanged: CarriedContext = { question: asked, college: undefined, rewritten: false };
  if (history.length === 0) return unchanged;
  const userTurns = history.filter((turn) => turn.role === 'user').map((turn) => turn.content).reverse();
  const question = withListedNoun(withPlaceNamed(withoutArticlePointer(asked), colleges), userTurns[0] ?? '');
  const previousAnswer = [...history].reverse().find((turn) => turn.role === 'assistant')?.content ?? '';
  // 那浙江的呢 after a question about one college: the same question of that province, about no one
  // college (three of the colleges may be in it).
  const province = provinceAsked(question);
  if (province && userTurns[0]) {
    const previous = userTurns[0];
    const [mention] = collegeMentions(previous, colleges);
    // The college and the unit after it (湖南电气风能学院) give way to the province.
    const at = mention ? previous.indexOf(mention.form) : -1;
    const end = at + (mention?.form.length ?? 0);
    const unit = mention ? (unitAfterName.exec(previous.slice(end))?.[1] ?? '') : '';
    const replaced = mention ? `${previous.slice(0, at)}${province}${previous.slice(end + unit.length)}` : `${province}${previous}`;
    return { question: /[？?]$/u.test(replaced) ? replaced : `${replaced}？`, college: undefined, rewritten: true };
  }
  // 第二个工程具体内容是什么？ after a list: that item, asked about the college the list was about.
  const pointed = pointedItem(question, previousAnswer);
  if (pointed) {
    const named = userTurns.map((turn) => collegesNamedIn(turn, colleges)).find((found) => found.length > 0) ?? collegesNamedIn(previousAnswer, colleges);
    const who = named.length === 1 ? named[0]! : '';
    // The pointer (那第三项 included) gives way to the item it points at.
    let asked = `${who}${question.trim().replace(pointed.pointer, pointed.item).replace(/呢([？?]?)$/u, '$1')}`;
    if (!/[？?]$/u.test(asked)) asked += '？';
    return { question: asked, college: who || undefined, rewritten: true };
  }
  // 这个阵地有什么功能？ after …海棠花红智能先锋阵地…: that thing, asked about the college the conversation is about.
  const pointedAt = pointedName(question, history);
  if (pointedAt) {
    const named = collegesNamedIn(question, colleges).length > 0 ? [] : (userTurns.map((turn) => collegesNamedIn(turn, colleges)).find((found) => found.length > 0) ?? []);
    const who = named.length === 1 ? named[0]! : '';
    let asked = `${who}${question.trim().replace(pointedAt.pointer, pointedAt.name).replace(leadingThat, '').replace(/呢([？?]?)$/u, '$1')}`;
    if (!/[？?]$/u.test(asked)) asked += '？';
    return { question: asked, college: who || undefined, rewritten: true };
  }
  // 她拿过什么奖 after 黄忠慧是哪个专业的带头人: the person the conversation is about, by name.
  const person = personPointer.test(question) ? personOfConversation(history) : null;
  if (person) {
    let asked = question.trim().replace(personPointer, person).replace(leadingThat, '').replace(/呢([？?]?)$/u, '$1');
    if (!/[？?]$/u.test(asked)) asked += '？';
    return { question: asked, college: undefined, rewritten: true };
  }
  // 那是哪年的 after …案例入选全国2021年…典型案例: when what the last answer led with happened, its own dates aside.
  const when = whenOfAnswerAsked.exec(question.trim());
  const told = when ? leadClaim(previousAnswer) : null;
  if (when && told) return { question: `${told}是${when[1]}的？`, college: undefined, rewritten: true };
  // 分别是第几批 after 苏工院和自动化学院都有黄大年式教师团队吗: asked of each side of that question's thing.
  const each = eachOpening.exec(question.trim());
  const bothHave = each && userTurns[0] ? /^(.+?)都有([^？?，,]+?)(?:吗|么|嘛)?[？?]?$/u.exec(userTurns[0].trim()) : null;
  if (each && bothHave) {
    const asked = `${bothHave[1]}的${bothHave[2]}${question.trim().replace(/^(?:那么?)?(?:它们|他们|她们|两者|二者|两个|两所|两校)?/u, '').replace(/呢([？?]?)$/u, '$1')}`;
    return { question: /[？?]$/u.test(asked) ? asked : `${asked}？`, college: undefined, rewritten: true };
  }
  // 那全校性的呢？ after …搞了多少次全国性活动？: the previous question with that word in place of its counterpart.
  // The previous question as it was asked in its own conversation (其中哪些是国家级的 → of 苏工院's titles).
  const lastAsked = history.map((turn) => turn.role).lastIndexOf('user');
  const previous = userTurns[0] && lastAsked > 0 && bareSubject(question) ? carrySubjects(userTurns[0], history.slice(0, lastAsked), colleges, terms, unitsOf).question : (userTurns[0] ?? '');
  const parallel = parallelQuestion(question, previous, colleges, unitsOf);
  if (parallel) return { question: parallel, college: undefined, rewritten: true };
  if (!isFollowUp(question, colleges, unitsOf) && !narrowingFollowUp.test(asked.trim())) return unchanged;
  // 还有呢？ 其他的呢？: the last question again (its answer steps back for what it did not show).
  if (moreAsked.test(question.trim()) && userTurns[0]) {
    const previous = userTurns[0];
    const named = collegesAskedOf(previous, colleges);
    return { question: /[？?]$/u.test(previous) ? previous : `${previous}？`, college: named.length === 1 ? named[0] : undefined, rewritten: true };
  }
  const byName = collegesNamedIn(question, colleges);
  const inCorpus = byName.length > 0 ? byName : collegesOfUnits(question, unitsOf);
  // 那清华大学呢？: a college the corpus does not hold is asked about all the same, and refused by name.
  const elsewhere = inCorpus.length === 0 ? otherOrganisation(question) : null;
  const named = elsewhere ? [elsewhere] : inCorpus;
  // The subject: the colleges the user named last, else the one the last answer was about.
  let subject: string[] = [];
  if (named.length === 0) {
    for (const turn of userTurns) {
      // A turn naming a unit alone (自动化学院…) is about its college.
      subject = [...new Set([...collegesAskedOf(turn, colleges), ...collegesOfUnits(turn, unitsOf)])];
      if (subject.length > 0) break;
    }
    if (subject.length === 0) {
      const answered = collegesNamedIn(previousAnswer, colleges);
      if (answered.length === 1) subject = answered;
    }
  }
  // 作者是谁 after questions about a college's article: that article's byline or date.
  if (subject.length === 1 && articleFactAsked(question) !== null && !articleFactCues.article.test(question)) {
    const asked = `${subject[0]}那篇文章的${question.trim().replace(leadingThat, '').replace(/^的/u, '')}`;
    return { question: /[？?]$/u.test(asked) ? asked : `${asked}？`, college: subject[0], rewritten: true };
  }
  // 这个支部有什么成效: the conversation's college's branch, asked about as a whole.
  const pointer = namedPointer.exec(question);
  const askedOfIt = pointer ? question.replace(pointer[0], '').replace(/^(?:那么|那)|呢|[？?]/gu, '').trim() : '';
  if (pointer && subject.length > 0 && askedOfIt.length >= 2) {
    // 该支部 after …苏州工业职业技术学院智能制造教工党支部…: that unit, named in full.
    const unit = subject.length === 1 ? unitNamedIn(userTurns, subject[0]!, colleges, pointer[1]!, unitsOf) : '';
    // 该学院 of a college that is a 学院 itself is the college (not 浙江机电职业技术学院学院).
    const noun = unit || (subject.length === 1 && subject[0]!.endsWith(pointer[1]!) ? '' : pointer[1]);
    let asked = question.replace(pointer[0], `${subject.join('和')}${noun}`).replace(/^(?:那么|那|还有|另外|此外)\s*/u, '').replace(/呢([？?]?)$/u, '$1');
    if (!/[？?]$/u.test(asked)) asked += '？';
    return { question: asked, college: subject.length === 1 ? subject[0] : undefined, rewritten: true };
  }
  // The topic: that of the latest user turn that had one, unless this question brings its own.
  const own = ownTopicWords(question, colleges);
  const counterpart = counterpartFollowUp.test(question);
  const topicPointer = pointerToTopic.exec(question);
  let topic = '';
  // 其中第二批的是哪个 after 哪些支部拿了红色名片…: one of what was asked, so of its topic too.
  const narrowing = narrowingFollowUp.test(asked.trim());
  // 有没有超过95% after …就业率是多少: a yes or no of a number alone is of the last question's topic.
  const numberOnly = subjectlessYesNo.test(question.trim()) && own.every((word) => !/\p{Script=Han}{2}/u.test(word.replace(/[一二两三四五六七八九十百千万亿成多余]/gu, '')));
  const wantsTopic = own.length === 0 || counterpart || topicPointer !== null || narrowing || eachOpening.test(question.trim()) || numberOnly || definiteByDoing.test(question.trim()) || objectlessWinning.test(question.trim()) || peoplePointer.test(question.trim());
  if (wantsTopic || itPointer.test(question)) {
    // Beside the counterpart's own words, the previous topic's strongest word alone (“服务共富”).
    for (const turn of userTurns) {
      topic = topicPhrase(turn, colleges, terms, counterpart);
      if (topic) break;
    }
    // 它 asking something of its own is the topic only where that names a practice (三融教育, “三服务”
    // 工程) and what is asked is asked of one (它落实的…): 它的就业率 asks of the college.
    if (!wantsTopic && !(itsPractice.test(topic) && askedOfPractice.test(question.trim()))) topic = '';
  }
  // 那台州科技职业学院呢？: the previous question, asked about this college instead.
  if (named.length > 0) {
    // The college it replaces may have been named by one of its units, with or without its place
    // (自动化学院涌现了…, 台州机电模具学院获得过… → 那苏工院呢).
    const previous = userTurns.find((turn) => collegesAskedOf(turn, colleges).length > 0 || unitsOf(turn).length > 0) ?? userTurns[0] ?? '';
    const byCollege = collegeMentions(previous, colleges);
    const before = byCollege.length > 0 ? byCollege : [...placeAndUnitMentions(previous, colleges), ...unitsOf(previous)];
    // 那湖南电气的风能学院呢？ after a question about 苏州…智能制造教工党支部: the new college and unit
    // stand where the old college and its unit stood.
    const phrase = bareSubject(question);
    const replacement = phrase && (collegesNamedIn(phrase, colleges).length > 0 || unitsOf(phrase).length > 0) ? phrase : named.join('和');
    const asked = before.length > 0
      ? before.reduce((text, { form }) => {
          const at = text.indexOf(form);
          if (at < 0) return text;
          const unit = unitAfterName.exec(text.slice(at + form.length))?.[1] ?? '';
          return `${text.slice(0, at)}${replacement}${text.slice(at + form.length + unit.length)}`;
        }, previous)
      : `${named.join('和')}${topic ? `在${topic}方面` : ''}${question.replace(continuationOpening, '')}`;
    return { question: asked, college: inCorpus.length === 1 ? inCorpus[0] : undefined, rewritten: true };
  }
  if (subject.length === 0 && !topic) return unchanged;
  const who = subject.join('和');
  // 那个分院… is 分院…, not 个分院 (那 is no word of its own there); 这个工程… points at the topic (below).
  // 那它社会服务方面…, 那它的成效呢 are the college's: 它 gives way to the college's name.
  // 那篇文章… keeps its 那: the article pointed at (嘉兴职业技术学院那篇文章…), as 那几位 keeps it.
  let rewritten = question.replace(topicPointer ? followUpOpening : followUpOpeningOrPointer, '');
  // 它 is the conversation's topic with its college (风能学院的三融教育是怎么做的 → 它落实的是哪个有力), or
  // the college when there is no topic (那它的成效呢).
  const it = who !== '' && /^它(?!们)/u.test(rewritten);
  if (it) rewritten = rewritten.replace(/^它(?!们)/u, '');
  rewritten = rewritten.replace(counterpart ? /呢([，,])/u : /呢([？?]?)$/u, '$1');
  // 那他们学院呢？, 那该校呢？: nothing asked but the one pointed at, so the previous question again.
  if (who && pointerOnly.test(rewritten)) {
    const previous = userTurns.find((turn) => collegesNamedIn(turn, colleges).length > 0 || topicPhrase(turn, colleges, terms) !== '') ?? '';
    const asked = collegesNamedIn(previous, colleges).length > 0 ? previous : `${who}${previous}`;
    if (previous) return { question: asked, college: subject.length === 1 ? subject[0] : undefined, rewritten: asked !== question };
  }
  if (topicPointer && topic) {
    // 这项工作得到了…: the topic stands where the pointer stood.
    rewritten = rewritten.replace(topicPointer[0], `${who}${who ? '的' : ''}${topic}`);
  } else if (referringWords.test(rewritten) && who) {
    rewritten = rewritten.replace(referringWords, `${who}${topic ? `在${topic}方面` : ''}`);
  } else if (it) {
    rewritten = topic ? `${who}${topic}${rewritten}` : `${who}${rewritten.replace(/^的/u, '')}`;
  } else {
    // 有没有拿过一等奖 after 台州科院学生拿过哪些比赛奖项: asked of those the last question was about.
    const holders = yesNoKnobs.holders.flat();
    const holder = subjectlessYesNo.test(rewritten) && !holders.some((word) => rewritten.includes(word) || topic.includes(word)) ? holders.find((word) => userTurns[0]?.includes(word)) : undefined;
    // 其中国家级的是哪些 after …获过哪些称号: among what that asked (…获过的称号中国家级的是哪些称号).
    const among = narrowing && /哪(?:些|几个|几|个)/u.test(topic) ? `${topic.replace(/哪(?:些|几个|几|个)/u, '的')}中` : '';
    rewritten = `${who}${holder ?? ''}${among || (topic ? `${topic}的` : '')}${rewritten}`;
  }
  if (!/[？?]$/u.test(rewritten)) rewritten += '？';
  return { question: rewritten, college: subject.length === 1 ? subject[0] : undefined, rewritten: rewritten !== question };
}

/**
 * What an answer leads with, as a claim to ask about: its first cited line without its citations,
 * its list mark or its dates; null when there is none or it is too long to search as a question.
 */
function leadClaim(answer: string): string | null {
  const line = answer.split('\n').find((text) => /\[\d+\]/u.test(text));
  if (!line) return null;
  const claim = line.replace(/\[\d+\]/gu, '').replace(/^\s*-\s*/u, '').replace(/(?:19|20)\d{2}年(?:度|底|初)?|\d{1,2}月(?:\d{1,2}日)?/gu, '').replace(/[。；;\s]+$/u, '').trim();
  return claim.length >= 4 && claim.length <= leadClaimLength ? claim : null;
}

/** The province a bare follow-up names (那浙江的呢, 换成江苏的呢), or null. */
function provinceAsked(question: string): string | null {
  const place = barePlace(question);
  return place && provinces.test(place) ? place : null;
}

/** The place a bare follow-up names (台州那边呢, 换成浙江的呢, 那湖南呢), or null. */
function barePlace(question: string): string | null {
  return /^(?:那么|那|还有|另外)?\s*(?:换成|换到|改成|换)?\s*(\p{Script=Han}{2,5}?)(?:那边|这边|那里|这里|那个|这个|那家|那所|的)?\s*呢?[？?]?$/u.exec(question.trim())?.[1] ?? null;
}

/** 嘉职院那篇呢 after a question about an article: 那嘉职院呢, the question asked of that college's. */
function withoutArticlePointer(question: string): string {
  const bare = /^(?:那么|那)?\s*(\p{Script=Han}{2,20}?)的?(?:那篇|这篇)(?:文章|报道|稿子)?\s*呢[？?]?$/u.exec(question.trim());
  return bare ? `那${bare[1]}呢？` : question;
}

/**
 * A bare follow-up naming a college by its place alone (台州那边呢, 换成台州的呢, 那湖南呢), asked as
 * 那<college>呢 when one college's name opens with that place; else the question as it is.
 */
function withPlaceNamed(question: string, colleges: readonly string[]): string {
  // A city's short name (台州), not a province's.
  const place = barePlace(question);
  const owners = place && [...place].length <= 3 && !provinces.test(place) ? colleges.filter((college) => college.startsWith(place)) : [];
  return owners.length === 1 && owners[0] !== place ? `那${owners[0]}呢？` : question;
}

/**
 * The level or year a follow-up swapped in, when it was searched as the previous question with only
 * that changed (那省级的呢 after …拿了哪些国家级奖 → 省级); null otherwise. The same thing asked of
 * another value, which the sentence the last answer showed may hold too.
 */
export function swappedValue(searchedFor: string, previous: string): string | null {
  const bare = (text: string): string => text.trim().replace(leadingThat, '').replace(/[？?]$/u, '');
  const values = new RegExp(`(?:19|20)\\d{2}(?:年度|年|届|级)?|${levelCounterpart.source}`, 'gu');
  const [left, right] = [bare(searchedFor), bare(previous)];
  if (left === right || left.replace(values, '□') !== right.replace(values, '□')) return null;
  const before = [...right.matchAll(values)].map((match) => match[0]);
  return [...left.matchAll(values)].map((match) => match[0]).find((value, index) => value !== before[index]) ?? null;
}

/** Whether a text says a level or year a follow-up swapped in (省级: 湖南省…; 2020年: 2020). */
export function saysValue(text: string, value: string): boolean {
  const year = /^(?:19|20)\d{2}/u.exec(value)?.[0];
  if (year) return text.includes(year);
  const marker = levelMarkers.find(([level]) => level.test(value))?.[1];
  return marker !== undefined && marker.test(text);
}

/**
 * A bare 那X呢 whose X stands beside a word of the previous question as its counterpart: a year for
 * its year (那2022年呢), or a word as long that shares half its characters in place (全校性 for 全国性).
 * The previous question asked with X instead, or null.
 */
function parallelQuestion(question: string, previous: string, colleges: readonly string[], unitsOf: UnitMentions): string | null {
  const phrase = bareSubject(question)?.replace(/的$/u, '');
  // 那风能学院呢 after …模具学院…: another college's unit, asked about as a college is.
  if (!phrase || !previous || collegesNamedIn(phrase, colleges).length > 0 || unitsOf(phrase).length > 0 || referringWords.test(phrase)) return null;
  const asked = (counterpart: string): string => {
    const text = previous.replace(counterpart, phrase).replace(leadingThat, '');
    return /[？?]$/u.test(text) ? text : `${text}？`;
  };
  // A year, a class (2024届) or an intake (2024级) for the previous question's year in any of these forms.
  const year = /^(?:19|20)\d{2}(?:年度|年|届|级)?$/u;
  if (year.test(phrase)) {
    const stated = /((?:19|20)\d{2})(?:年度|年|届|级)?/u.exec(previous);
    return stated ? asked(/\D$/u.test(phrase) ? stated[0] : stated[1]!) : null;
  }
  // A level for the previous question's level (那省级的呢 after …国家级的奖), word for whole word.
  // Only a level of 级 (省级 for 国家级): 全省 is said by a province's name, not in its place.
  const level = levelCounterpart.exec(phrase);
  const previousLevel = level && level[0] === phrase && phrase.endsWith('级') ? levelCounterpart.exec(previous) : null;
  if (previousLevel) return asked(previousLevel[0]);
  const characters = [...phrase];
  if (characters.length < 2 || characters.length > 6 || !/^\p{Script=Han}+$/u.test(phrase)) return null;
  // Only a stretch of whole words: 省级 stands for no 家级 of 国家级.
  const boundaries = new Set<number>([0]);
  let offset = 0;
  for (const word of getJieba().cut(previous, true)) boundaries.add((offset += word.length));
  // A stretch of the previous question as long, ending alike (…性, …党支部), outside a college's name.
  const names = collegeMentions(previous, colleges).map(({ form }) => ({ start: previous.indexOf(form), end: previous.indexOf(form) + form.length }));
  let best: { at: number; shared: number } | null = null;
  for (let at = 0; at + phrase.length <= previous.length; at++) {
    const stretch = previous.slice(at, at + phrase.length);
    if (stretch === phrase || stretch.at(-1) !== phrase.at(-1) || !/^\p{Script=Han}+$/u.test(stretch) || !boundaries.has(at) || !boundaries.has(at + phrase.length)) continue;
    if (names.some((name) => at < name.end && name.start < at + phrase.length)) continue;
    const shared = [...stretch].filter((character, index) => character === characters[index]).length;
    if (shared * 2 >= characters.length && shared < characters.length && (!best || shared > best.shared)) best = { at, shared };
  }
  if (best) return asked(previous.slice(best.at, best.at + phrase.length));
  // 那样板支部呢 after …立项了几名双带头人标兵: the same count of another thing (几个样板支部).
  const counted = countedAtEnd.exec(previous);
  return counted && counted[3] !== phrase ? `${previous.slice(0, counted.index).replace(leadingThat, '')}${counted[1]}个${phrase}？` : null;
}

/**
 * 其中哪个拿了… after 出了哪些优秀学生: the noun the previous question listed goes after the asking
 * word (其中哪个学生拿了…), so the question asks for what it means (a person). A noun of its own
 * (其中哪个支部…) stays.
 */
function withListedNoun(question: string, previous: string): string {
  const pointer = amongPointer.exec(question);
  const listed = listedNounOf(previous);
  if (!listed) return question;
  // 其中第二批的是哪个 after 哪些支部拿了…: which 支部, asked at the end.
  const endsAsking = narrowingFollowUp.exec(question.trim());
  if (!pointer && endsAsking) return `${question.trim().slice(0, endsAsking.index + endsAsking[0].length - endsAsking[1]!.length - endsAsking[2]!.length)}${endsAsking[1]}${headOf(listed)}${endsAsking[2]}`;
  if (!pointer) return question;
  const after = question.slice(pointer[0].length);
  const [next] = getJieba().tag(after, true);
  if (!next || !/^[vp]/u.test(next.tag)) return question;
  return `${pointer[0]}${headOf(listed)}${after}`;
}

/**
 * What a question asked a list of: the phrase closing it (出了哪些优秀学生 → 优秀学生), else the noun
 * right after its asking word (哪些支部拿了… → 支部).
 */
function listedNounOf(question: string): string | null {
  const closing = listedNoun.exec(question)?.[1];
  if (closing) return closing;
  const asking = listedAsking.exec(question);
  if (!asking) return null;
  const [next] = getJieba().tag(question.slice(asking.index + asking[0].length), true);
  return next && next.tag.startsWith('n') && next.word.length >= 2 ? next.word : null;
}

/** The head of a listed phrase: 学生 of 优秀学生. */
function headOf(listed: string): string {
  const pieces = getJieba().cutForSearch(listed, true);
  return pieces.filter((piece) => piece.length >= 2 && listed.endsWith(piece)).sort((a, b) => a.length - b.length)[0] ?? listed;
}
