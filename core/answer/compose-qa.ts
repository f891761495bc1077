/**
 * 问答: a direct answer first, then a few supporting points, every claim an exact span of an
 * article with its citation. The lead is what was asked: the clause that holds the number, date
 * or name for a typed question, the items for a list question, the best sentence (cut at clause
 * boundaries when long) otherwise.
 */
import type { IndexSnapshot, IndexedDocument } from '../index/index-reader.ts';
import { besideRole, isTyped, typedSpans, type TextSpan } from './answer-spans.ts';
import { CitationBook, displayClaim, passageHolding, type CitedSpan } from './citation-book.ts';
import { clausesOf, cutToClauses, tightCut, trimSpan } from './clauses.ts';
import { escapeRegExp } from '../text/clean.ts';
import { splitSentences } from '../text/sentences.ts';
import { bigrams } from '../text/tokenize.ts';
import type { ComposedAnswer } from './composed-answer.ts';
import { findEnumeration, ordinalOf, ordinalOpening } from './enumerations.ts';
import { askedSpans, coreCoverageOf, countsAskedNoun, countsAskedNounRightThere, documentContext, formsOf, isAsking, labelEndingAt, namesIn, nearlySame, outcomeStrength, reflects, type Evidence, type EvidenceSentence } from './evidence.ts';
import { askedName, countedMembersAsked, listedOnly, membersTold } from './listed-only.ts';
import { saidOnlyVaguely } from './not-found.ts';
import { isHeadline } from './run-together.ts';
import { askedYears, isTimeClause, writesNoneOf } from './stated-years.ts';
import { saysValue } from './conversation.ts';
import { collegeMentions, expectedCountOf, numeral, type QuestionAnalysis } from './question.ts';
import type { AnswerType } from './tuning.ts';
import { answerLengths, collegesListed, eachOneName, itemByContentAsked, itemPlaceUncounted, itemPositionAsked, outlineAsked, practiceNouns, qaKnobs, roleWords, scopeOfAll, sectionAsked, sectionPartsAsked, sentenceCues, summaryKnobs, parentClaimed, unitParentAsked, yesNoKnobs } from './tuning.ts';
import { generalIdf } from './term-statistics.ts';
import { kindNameAsked, othersOfKind, subjectWordsOfAnother, verdictWord, yesNoVerdict, type Verdict } from './yes-no.ts';

export interface QaOptions {
  /** The previous answer of the conversation: what it showed steps back for what it did not. */
  alreadyShown?: string;
  /** A level or year a follow-up swapped in (省级 of 那省级的呢): a sentence shown before that says it is not set back. */
  shownSaying?: string;
  /** Where the claims are numbered, when this answer is part of a larger one (a pair question's side). */
  book?: CitationBook;
  /** Part of a larger answer that names its own sections: no college label above a single source, and fewer supporting points. */
  nested?: boolean;
  /** A typed lead keeps its whole sentence (within its length) instead of the clauses that answer. */
  wholeLead?: boolean;
  /** A nested side of a yes-or-no asked of two (A和B都有…吗) says its own 是 or 否. */
  sideVerdict?: boolean;
}

/**
 * The person a question names and asks nothing more of (浙江机电职业技术学院樊文天？, 那朱光耀呢), when
 * `text` names them as a person; the question's college and its bare asking aside.
 */
function personAlone(analysis: QuestionAnalysis, text: string): string | undefined {
  // jieba may cut a name it does not know (朱 + 光耀) and rate a part of it a subject: the words
  // left once the college is out are the name, when the text names someone by them.
  const colleges = analysis.terms.filter((term) => term.role === 'subject' && term.isName && [...term.word].length > 4);
  const name = colleges.reduce((question, term) => question.split(term.word).join(''), analysis.question).replace(/^[\s那么]+|[\s呢吗？?。]+$/gu, '');
  // 那教师呢 asks of teachers, no one person.
  if (!/^\p{Script=Han}{2,4}$/u.test(name) || yesNoKnobs.holders.flat().includes(name) || roleWords.includes(name)) return undefined;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (besideRole(text, at, at + name.length)) return name;
  return undefined;
}

/** The run of a span's clauses that say `words` (首批… of 首批…，…第二批…), or the span when none or all do. */
function narrowedTo(snapshot: IndexSnapshot, span: CitedSpan, words: string): CitedSpan {
  const text = snapshot.documentText(span.chunk.document);
  const saying = clausesOf(text, span.start, span.end).filter((clause) => text.slice(clause.start, clause.end).includes(words));
  if (saying.length === 0) return span;
  return { ...span, ...trimSpan(text, { start: saying[0]!.start, end: saying[saying.length - 1]!.end }) };
}

/** Whether every clause of `text` says `words` (第二批…, not 首批… beside it). */
function saysEachPart(text: string, words: string): boolean {
  const parts = text.split(/[，,；;]/u).filter((part) => part.trim() !== '');
  return parts.length > 0 && parts.every((part) => part.includes(words));
}

/** The name under which an article's claims are grouped: its college and unit. */
export function groupLabel(document: IndexedDocument): string {
  if (document.college && document.unit) return `**${document.college}**（${document.unit}）`;
  return `**${document.college || document.unit}**`;
}

/**
 * A sentence cut to the clauses that matter to the question, at most `maxLength` long. `prefer`
 * adds to a clause's score (a meeting draft's 取得成效 prefers the clause with the figure or honour).
 */
export function cutSentence(snapshot: IndexSnapshot, sentence: EvidenceSentence, analysis: QuestionAnalysis, maxLength: number, prefer?: (clause: string) => number, tight = false): CitedSpan {
  const text = snapshot.documentText(sentence.chunk.document);
  const followUp = analysis.terms.some((term) => term.carried);
  // The question's generic words (解决了多少个实际问题) tell clauses apart when its core words do not;
  // in a follow-up, the user's own words outweigh what the conversation carried in.
  const wordCoverage = coreCoverageOf(analysis, ['subject', 'topic', 'generic'], followUp);
  const wordWeight = followUp ? qaKnobs.ownWordsClauseWeight : qaKnobs.genericWordsClauseWeight;
  const typed = isTyped(analysis.answerType);
  // Spans found over the whole sentence: a definition may run across clauses (“5院4中心”…基地，包括…).
  const spans = typed || analysis.answerType === '定义' ? askedSpans(analysis, text.slice(sentence.start, sentence.end)).map((span) => ({ start: sentence.start + span.start, end: sentence.start + span.end })) : [];
  // A value the question states itself (从2月17日开始办理，至什么时间为止) is not its direct answer.
  const unstated = spans.filter((span) => !analysis.question.includes(text.slice(span.start, span.end)));
  // What the question sets aside (除了课程思政案例，…) is what it knows already, not what it asks.
  const setAside = setAsideWords(analysis);
  const scorer = (direct: boolean): ((clause: TextSpan) => number) => {
    // A direct answer's sentence is already the subject's: its clauses are told apart by the topic.
    const coverage = direct && analysis.terms.some((term) => term.role === 'topic') ? coreCoverageOf(analysis, ['topic'], followUp) : coreCoverageOf(analysis);
    const answers = direct ? unstated : spans;
    return (clause) => {
      const clauseText = text.slice(clause.start, clause.end);
      const lowered = clauseText.toLowerCase();
      const aside = setAside.some((word) => lowered.includes(word)) ? qaKnobs.setAsideFactor : 1;
      const covered = aside * (coverage(lowered) + wordWeight * wordCoverage(lowered)) + (prefer?.(clauseText) ?? 0);
      const heldSpans = answers.filter((span) => span.start < clause.end && clause.start < span.end);
      const held = heldSpans.length;
      // A count of the noun asked, named beside it, answers however little of the topic its clause says.
      const counted = heldSpans.some((span) => countsAskedNoun(analysis, text, span)) ? qaKnobs.countedNounClauseBonus : 0;
      // The clause with the number (or date, name) and the topic first; a bare number a little, so a
      // direct answer's cut takes the number beside its topic (热线：88202020). It keeps every other
      // span of the asked type beside it too: 2448车次，102架次… answer together, and of 王利明…副组长，
      // 王轶…秘书长 the words alone do not tell which is asked.
      // Quoted names beside the one asked (…的理念，…“人人出彩创新”工作法) name other things.
      const beside = direct && analysis.answerType !== '名称' ? qaKnobs.besideSpanBonus * Math.max(0, held - 1) : 0;
      // A name asked for is told from the clause that holds it, however much of the question another
      // clause says (依托省“智能车间”…平台，…打造了…海棠花红智能先锋阵地).
      if (held === 0) return direct && analysis.answerType === '名称' ? 0 : covered;
      return covered * (1 + qaKnobs.typedClauseBonus) + qaKnobs.bareSpanBonus + beside + counted;
    };
  };
  // A direct answer leaves out the clauses beside its span that say nothing asked (投档线… before
  // 捐赠…5479万元), unless the answer's clause is too long to join it (热线：12366 and a run-together list).
  const tightened = tight && unstated.length > 0 ? tightCut(text, sentence, scorer(true), maxLength, qaKnobs.tightLeadMinimum, qaKnobs.bridgeGain) : null;
  const cut = tightened && unstated.some((span) => span.start < tightened.end && tightened.start < span.end) ? tightened : cutToClauses(text, sentence, scorer(false), maxLength);
  return { ...withOpeningTime(text, sentence, cut, maxLength, analysis.question), chunk: sentence.chunk };
}

/** The topic words only a question's 除了… clause says (课程思政 of 除了课程思政案例，还有…题目是啥). */
function setAsideWords(analysis: QuestionAnalysis): string[] {
  const match = qaKnobs.setAside.exec(analysis.question);
  if (!match) return [];
  const rest = analysis.question.replace(match[0], '');
  return analysis.terms.filter((term) => term.role === 'topic' && match[1]!.includes(term.word) && !rest.includes(term.word)).map((term) => term.word.toLowerCase());
}

/**
 * A cut that leaves out its sentence's opening time (截至2月6日，全行业累计承运…) takes it back, with
 * the clauses between when they fit: the figure is of that time.
 */
function withOpeningTime(text: string, sentence: TextSpan, cut: TextSpan, maxLength: number, question: string): TextSpan {
  const [opening, second] = clausesOf(text, sentence.start, sentence.end);
  // A date or year (截至2月6日, 2021年), not a word of time (目前, 此前), and not one the question
  // already states (嘉职院2021年拿到企业捐赠一共多少钱).
  const time = opening ? text.slice(opening.start, opening.end) : '';
  const stated = (/(?:19|20)\d{2}年|\d{1,2}月\d{1,2}[日号]/u.exec(time)?.[0] ?? time).trim();
  if (!opening || !second || cut.start < second.start || !/\d/u.test(time) || !isTimeClause(time) || question.includes(stated)) return cut;
  return cut.end - opening.start <= maxLength + qaKnobs.openingTimeSlack ? { start: opening.start, end: cut.end } : cut;
}

/**
 * The label right before a sentence (三是推进“廉风洁雨”建设。 before 通过组织党员…): a short sentence
 * without a comma, in the same paragraph, ending where the sentence begins; or null.
 */
export function labelBefore(snapshot: IndexSnapshot, sentence: EvidenceSentence): TextSpan | null {
  const text = snapshot.documentText(sentence.chunk.document);
  const label = labelEndingAt(text, sentence.start);
  // A short sentence stating a result in figures (立项建设…课程思政示范课程2门。) labels nothing after it.
  return label && !statesFigureResult(text.slice(label.start, label.end)) ? label : null;
}

/** An outline's point ((二), 三、, 四是, 其五): a new practice or section, unlike a step (1.) or ①. */
function outlinePoint(ordinal: ReturnType<typeof ordinalOf>): boolean {
  return ordinal !== null && /^(?:shi|qi|paren|comma)$/u.test(ordinal.kind);
}

/** A short sentence without a comma that names a practice or a section: a heading, or a run-in label. */
function isLabel(sentence: EvidenceSentence): boolean {
  // A news headline names the story, not a practice whose body follows.
  if (sentence.isHeadline || isHeadline(sentence.text)) return false;
  return sentence.isHeading || isAsking(sentence.text) || isLabelText(sentence.text);
}

/** Short and without a comma: a run-in label (三是推进“廉风洁雨”建设。), not a sentence of the body. */
export function isLabelText(text: string): boolean {
  // A short sentence stating a result in figures (2021年有5名教师成功直聘高一级职称。) names no practice.
  return text.length - lastLineStart(text) <= qaKnobs.labelLength && !/[，,；;]/u.test(text) && !statesFigureResult(text);
}

/** Whether a text states a result in figures (…课程思政示范课程2门, 5名教师成功直聘…). */
function statesFigureResult(text: string): boolean {
  return sentenceCues.quantity.test(text) && outcomeStrength(text) >= summaryKnobs.outcomeStrength;
}

/**
 * A run-in label, plain (加强“行动支部”建设。), titled (党建聚智：“读·聚匠心、五育并举”组建六支金队伍。) or a
 * couplet (抓“四大工程”，优化师资队伍结构。): it names a practice the sentence after it tells.
 */
/** A quoted name that is all of the form N个一 (七个一), not one holding it. */
const wholeEachOneName = new RegExp(`^(?:${eachOneName.source})$`, 'u');

/** Whether a sentence is a line of its own in its article (a photo's caption kept as an event is one). */
export function standsAlone(snapshot: IndexSnapshot, sentence: EvidenceSentence): boolean {
  const text = snapshot.documentText(sentence.chunk.document);
  const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  const lineEnd = text.indexOf('\n', sentence.end);
  return text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim() === sentence.text.trim();
}

export function isRunInLabel(text: string): boolean {
  const trimmed = text.trim();
  return isLabelText(text) || summaryKnobs.titledLabel.test(trimmed) || summaryKnobs.coupletLabel.test(trimmed);
}

/**
 * Where the last of several lines that lost their breaks starts in `text` (二、进一步降低企业用工成本
 * （五）减轻社会保险负担。: at （五）), or 0: lines run together at a run of spaces or at a space
 * before an outline number (300 元 is one line).
 */
function lastLineStart(text: string): number {
  const trimmed = text.trimEnd();
  let start = 0;
  for (const gap of trimmed.matchAll(/\s{2,}|\s(?=[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/gu)) start = gap.index + gap[0].length;
  return start;
}

/**
 * A label with the sentence after it, as one contiguous span (the following sentence cut to its
 * first clauses when longer than `maxLength`), or null when no sentence follows in the same passage.
 */
export function labelWithSentence(snapshot: IndexSnapshot, label: EvidenceSentence, analysis: QuestionAnalysis, maxLength: number = answerLengths.longSentence): CitedSpan | null {
  const document = label.chunk.document;
  const text = snapshot.documentText(document);
  // A label inside a heading line (锻造“红船铁军” 推动蝶变跃升) is followed by the rest of that line, not by its body.
  const headingEnd = document.headings.find(([start, end]) => start <= label.start && label.start < end)?.[1] ?? label.end;
  const from = Math.max(label.end, headingEnd);
  // Read past the label's passage: a label often closes one passage and its body opens the next.
  const [next] = splitSentences(text, from, Math.min(text.length, from + answerLengths.longSentence * 3));
  // The body opens right after its label, on the same line or the next (a lost line break leaves a run of spaces).
  if (!next || next.start - from > qaKnobs.labelGap || /\S/u.test(text.slice(from, next.start))) return null;
  // What follows a short sentence may be the next point beside it (…平台进行报导。三是推进“廉风洁雨”建设。),
  // not its body: a later point of an outline (a first one, 一是…, may open the body).
  const nextPoint = ordinalOf(text.slice(next.start, next.end).trimStart());
  if (outlinePoint(nextPoint) && nextPoint!.value > 1) return null;
  // Nor is a heading on the next line (…等活动。\n4.实施“三融教育”工程…) any sentence's body.
  if (document.headings.some(([start, end]) => start < next.end && next.start < end)) return null;
  const cut = cutSentence(snapshot, { ...label, start: next.start, end: next.end, text: text.slice(next.start, next.end) }, analysis, maxLength);
  // Only a cut that keeps the sentence's start stays contiguous with its label.
  const ends = [cut.start !== next.start ? trimSpan(text, { start: next.start, end: clausesOf(text, next.start, next.end)[0]?.end ?? next.end }).end : cut.end];
  // The body goes on while it is short: up to the next label (the next practice) or a line break.
  if (cut.start === next.start && cut.end >= next.end - 1) {
    for (const more of splitSentences(text, next.end, Math.min(text.length, label.start + qaKnobs.labelBody * 2))) {
      const moreText = text.slice(more.start, more.end);
      if (text.slice(ends[ends.length - 1]!, more.start).includes('\n') || more.end - label.start > Math.min(qaKnobs.labelBody, maxLength)) break;
      // The next point of the outline ((二)… after (一)…) opens the next practice, however long its first sentence.
      if (isRunInLabel(moreText) || outlinePoint(ordinalOf(moreText.trimStart()))) break;
      ends.push(more.end);
    }
  }
  // Lines run together before the label (（责任单位：…）   二、…   5.实施援企稳岗政策。): the span opens at the last.
  const start = label.start + lastLineStart(text.slice(label.start, label.end));
  // The longest span one passage holds, so that its citation highlights all of it.
  for (const end of ends.reverse()) {
    const chunk = passageHolding(snapshot, document, { start, end }, label.chunk);
    if (chunk) return { start, end, chunk };
  }
  return null;
}

/** An item shown as its first clause, as the whole sentence it opens (cut to the longest a passage holds). */
function wholeItem(snapshot: IndexSnapshot, item: CitedSpan): CitedSpan {
  const text = snapshot.documentText(item.chunk.document);
  const [sentence] = splitSentences(text, item.start, Math.min(text.length, item.start + answerLengths.longSentence * 2));
  if (!sentence || sentence.end <= item.end) return item;
  const whole = trimSpan(text, { start: item.start, end: Math.min(sentence.end, item.start + answerLengths.longSentence) });
  const chunk = passageHolding(snapshot, item.chunk.document, whole, item.chunk);
  return chunk ? { ...whole, chunk } : item;
}

/** A list item that is a bare run-in label, with the sentence after it; any other item as it is. */
function itemWithBody(snapshot: IndexSnapshot, item: CitedSpan, template: EvidenceSentence, analysis: QuestionAnalysis): CitedSpan {
  const text = snapshot.documentText(item.chunk.document).slice(item.start, item.end);
  if (!isLabelText(text)) return item;
  return labelWithSentence(snapshot, { ...template, chunk: item.chunk, start: item.start, end: item.end, text, isHeading: false, isHeadline: false }, analysis) ?? item;
}

/** Text without punctuation or spaces, lower-cased: how a name reads when its marks are dropped. */
function bare(text: string): string {
  return text.replace(/[\s\p{P}]/gu, '').toLowerCase();
}

/** The quoted name of a run-in label among the candidates that the question holds unquoted, marks aside. */
function nameOfLabelAsked(question: string, candidates: readonly EvidenceSentence[]): string | undefined {
  const asked = bare(question);
  for (const sentence of candidates) {
    if (!isLabel(sentence)) continue;
    for (const [, name] of sentence.text.matchAll(/“([^”]{2,20})”/gu)) {
      const plain = bare(name!);
      // Not a whole asked of one of its parts (三亮三比里的亮承诺).
      const after = asked.slice(asked.indexOf(plain) + plain.length);
      if ([...plain].length >= qaKnobs.unquotedNameLength && asked.includes(plain) && !qaKnobs.partOfNameAfter.test(after)) return name;
    }
  }
  return undefined;
}

/** Distinct Chinese character bigrams two texts share, stopword pairs and common words (开展, 企业) aside. */
function sharedBigrams(left: string, right: string): number {
  const grams = new Set(bigrams(left));
  return new Set(bigrams(right).filter((gram) => grams.has(gram) && generalIdf(gram) >= qaKnobs.continuationBigramIdf)).size;
}

const continues: ReadonlySet<AnswerType> = new Set(['做法', '定义', '列表', 'general']);

/** The number an item opens with: an outline's (二是, （三）, 4.) or a step's (第二步), or null. */
function itemNumber(text: string): number | null {
  const step = /^第([一二三四五六七八九十])步/u.exec(text);
  return step ? '一二三四五六七八九十'.indexOf(step[1]!) + 1 : (ordinalOf(text)?.value ?? null);
}

/** Where a span ends through its sentence's closing mark, which it may stop right before; null when it ends mid-sentence. */
function closingEnd(text: string, span: TextSpan): number | null {
  if (/[。！？；;!?]$/u.test(text.slice(span.start, span.end).trim())) return span.end;
  return /[。！？；;!?]/u.test(text[span.end] ?? '') ? span.end + 1 : null;
}

/**
 * A lead that ends a sentence goes on through its paragraph (an answer often spans several
 * sentences: 第一级人群：…。疫情防治一线医护人员…。), as one contiguous span, while the sentences
 * stay on the question or on the lead: up to a line break, a question, the next point of an
 * outline, a sentence on something else, or `leadWithNext` characters in all. Only answers
 * that tell how (做法, 定义, a list, general) go on; a count, a yes or an outcome is one clause.
 * A lead `headed` by its label goes on through the points that follow it from 一是 on; a lead in a
 * sentence whose colon announces semicolon-joined parts (…要求明确：A；B；C。) through those parts; a lead
 * that opens a numbered point (2．降低…成本。) through the point's body, up to the next point (3．…).
 * The paragraph goes on past the lead's passage too: the part beyond it is cited from the passage
 * that holds it, so the lead comes back as its span followed by those parts.
 */
function withContinuation(snapshot: IndexSnapshot, lead: CitedSpan, sentence: EvidenceSentence, analysis: QuestionAnalysis, headed = false): CitedSpan[] {
  const text = snapshot.documentText(lead.chunk.document);
  if (lead.end < sentence.end - 1) return [lead];
  let end = lead.end;
  const [opening] = splitSentences(text, lead.start, lead.end);
  const onQuestion = coreCoverageOf(analysis);
  const labelled = opening !== undefined && opening.end < lead.end - 1 && isLabelText(text.slice(opening.start, opening.end));
  // A lead that announces its items (操作步骤：, …如下：) goes on through them in order, whether
  // it already gives the first (操作步骤：   第一步，…。) or ends at the colon.
  // The lead's sentence whole: a span may leave out the colon it ends with.
  const leadText = text.slice(lead.start, Math.max(lead.end, sentence.end));
  // Its last colon, not a web address's (https://…).
  const colon = [...leadText.matchAll(/：|:(?!\/\/)/gu)].at(-1);
  const announced = colon ? leadText.slice(colon.index + 1).trim() : null;
  let item = announced === null ? -1 : announced === '' ? 0 : itemNumber(announced) === 1 ? 1 : -1;
  // Parallel points open alike (抓“四大工程”，… then 抓“五大计划”，…): the next one is another practice.
  const parallelOpening = /^(\p{Script=Han}{1,2})“/u.exec(text.slice(lead.start, lead.end).trim())?.[1];
  // A colon in the lead's sentence (…管理要求明确：A；B；C。) announces the semicolon-joined parts after it.
  const sentenceStart = Math.max(...['。', '！', '？', '\n'].map((mark) => text.lastIndexOf(mark, lead.start - 1))) + 1;
  const announcesSeries = /：|:(?!\/\/)/u.test(text.slice(sentenceStart, lead.end));
  // A lead that opens a numbered point (2．降低中小企业融资成本。) goes on through the point's body, to the next point.
  const leadOpening = ordinalOf(text.slice(lead.start, lead.end).trim());
  const numberedPoint = leadOpening?.kind === 'digit' ? leadOpening : null;
  const parts: TextSpan[] = [];
  for (const [index, next] of splitSentences(text, sentence.end, Math.min(text.length, lead.start + qaKnobs.leadWithNext + answerLengths.longSentence)).entries()) {
    const nextText = text.slice(next.start, next.end);
    // A heading's points (4.实施“三融教育”工程… 筑牢“主阵地”…。一是…二是…三是…) are what it announces.
    if (headed && index === 0 && item < 0 && itemNumber(nextText) === 1) item = 0;
    if (next.end - lead.start > qaKnobs.leadWithNext) break;
    // The announced items, each on a line of its own or after a run of spaces (a lost line break).
    if (item >= 0 && itemNumber(nextText) === item + 1) {
      item++;
      parts.push(trimSpan(text, next));
      end = parts[parts.length - 1]!.end;
      continue;
    }
    if (next.start - end > 2 || text.slice(end, next.start).includes('\n')) break;
    if (isAsking(nextText)) break;
    // A sentence that opens with its own purpose (为服务省市高质量发展…，出台…) and does not say the
    // question's words starts another practice.
    if (qaKnobs.purposeOpening.test(nextText) && onQuestion(nextText.toLowerCase()) < qaKnobs.continuationCoverage) break;
    // Under a labelled lead (实施政治素质“首关制”。…), the next label (实施职称评聘“替代制”。) opens the next
    // practice; so does a label naming one (建设思政育人“新高地”。) after any lead, though a short plain
    // sentence (查验完毕的物资当日放行。) may go on.
    if (isLabelText(nextText) && (labelled || /“[^”]+”/u.test(nextText))) break;
    if (parallelOpening && nextText.trim().startsWith(`${parallelOpening}“`)) break;
    // It stays with the question's words or with what the lead says (紧急情况下可先登记放行… after …快速验放).
    const onTopic = onQuestion(nextText.toLowerCase()) >= qaKnobs.continuationCoverage || sharedBigrams(text.slice(lead.start, end), nextText) >= qaKnobs.continuationSharedBigrams;
    // Or it goes on from the lead's own subject, a short lead's (可采取…, 对疑似病例必须…).
    const continuing = end - lead.start < qaKnobs.continuingLeadLength && qaKnobs.continuingOpening.test(nextText.trim());
    // Or it is the next of the parts its colon announced, whatever its words (…必须测量体温；每天必须做好开休市消毒…).
    const announcedPart = announcesSeries && /[；;]/u.test(`${text[end - 1] ?? ''}${text.slice(end, next.start)}`);
    if (numberedPoint && ordinalOf(nextText.trim())?.kind === numberedPoint.kind) break;
    if (!onTopic && !continuing && !announcedPart && !numberedPoint) break;
    // The next point of an outline (二是…, （三）…, 四、…) is another practice, unless this one announced it (…如下：).
    if (outlinePoint(ordinalOf(nextText)) && !/[：:]\s*$/u.test(text.slice(lead.start, end))) break;
    parts.push(trimSpan(text, next));
    end = parts[parts.length - 1]!.end;
  }
  return spansThroughPassages(snapshot, lead, parts);
}

/**
 * A count asked as a total (一共写了几项奖) goes on from a lead that ends at a semicolon through
 * the parts after it that count in the measure asked (…国家级三等奖1项、湖南省一等奖2项；获…二等奖1项):
 * each holds some of what is summed. A part that does not say what the question names of the lead
 * (教师能力竞赛, 对标争先) counts something else.
 */
function withCountedParts(snapshot: IndexSnapshot, lead: CitedSpan, sentence: EvidenceSentence, analysis: QuestionAnalysis): CitedSpan[] {
  const measure = qaKnobs.totalAsked.exec(analysis.question)?.[1];
  if (!measure || lead.end < sentence.end - 1) return [lead];
  const text = snapshot.documentText(lead.chunk.document);
  const counts = new RegExp(`(?:\\d+|[一二两三四五六七八九十百]+)${measure}`, 'u');
  // What the question names of a text, when it is a stretch of `countNamedStretch` characters or more.
  const namedIn = (part: string): string => {
    const stretch = longestStretchIn(analysis.question, part);
    return [...stretch.replace(/[^\p{Script=Han}]/gu, '')].length >= qaKnobs.countNamedStretch ? stretch : '';
  };
  // Not into a part that leaves out what the question names of the lead (教师能力竞赛一共拿了几项奖: the
  // next part's contests are others), unless it names another thing the question names
  // (教师能力竞赛和思政教学能力比赛总共…).
  const named = namedIn(text.slice(lead.start, lead.end));
  const parts: TextSpan[] = [];
  let end = lead.end;
  for (const next of splitSentences(text, sentence.end, Math.min(text.length, lead.start + qaKnobs.leadWithNext))) {
    const gap = `${text[end - 1] ?? ''}${text.slice(end, next.start)}`;
    const nextText = text.slice(next.start, next.end);
    if (!/[；;]/u.test(gap) || gap.includes('\n') || !counts.test(nextText)) break;
    if (named && !nextText.includes(named) && !namedIn(nextText)) break;
    parts.push(trimSpan(text, next));
    end = parts[parts.length - 1]!.end;
  }
  return spansThroughPassages(snapshot, lead, parts);
}

/**
 * A span grown by the sentences `parts` after it, cited passage by passage: each span grows while
 * one passage holds it whole; the next sentence no passage holds with it starts a span of its own.
 */
function spansThroughPassages(snapshot: IndexSnapshot, lead: CitedSpan, parts: readonly TextSpan[]): CitedSpan[] {
  const spans: CitedSpan[] = [{ ...lead }];
  for (const part of parts) {
    const last = spans[spans.length - 1]!;
    const grown = passageHolding(snapshot, lead.chunk.document, { start: last.start, end: part.end }, last.chunk);
    if (grown) {
      spans[spans.length - 1] = { ...last, end: part.end, chunk: grown };
      continue;
    }
    const holder = passageHolding(snapshot, lead.chunk.document, part);
    if (!holder) break;
    spans.push({ start: part.start, end: part.end, chunk: holder });
  }
  return spans;
}

/**
 * An inline list goes on through the clauses after it, in its sentence, that say the topic of
 * others too (…党支部获首批红色名片…称号，虚拟现实应用技术专业党支部获第二批红色名片…称号); units or
 * people asked for in the plural only with one of their kind in the clause.
 */
function withParallelClauses(snapshot: IndexSnapshot, item: CitedSpan, analysis: QuestionAnalysis): CitedSpan {
  const text = snapshot.documentText(item.chunk.document);
  const [sentence] = splitSentences(text, item.start, Math.min(text.length, item.start + answerLengths.longSentence * 3));
  if (!sentence || sentence.end <= item.end) return item;
  const topicOf = coreCoverageOf(analysis, ['topic']);
  let end = item.end;
  for (const clause of clausesOf(text, item.end, sentence.end)) {
    const clauseText = text.slice(clause.start, clause.end);
    if (clause.end - item.start > answerLengths.longSentence || topicOf(clauseText.toLowerCase()) < qaKnobs.pluralListTopic || (analysis.answerType !== '列表' && askedSpans(analysis, clauseText).length === 0)) break;
    end = trimSpan(text, clause).end;
  }
  // A list question's list goes on through the parts of its sentence beside a semicolon that list
  // too (借助“学习强国”…等平台进行学习；建立企业微信、微信群进行管理；建设智慧党建平台、育人号平台进行报导。),
  // after it, and before it while the parts are short (a long one is another provision).
  let start = item.start;
  if (analysis.answerType === '列表') {
    const lists = (part: TextSpan): boolean => /[^，。；、]、[^，。；、]|”[^“”，。；]{0,8}“/u.test(text.slice(part.start, part.end));
    const opening = text.lastIndexOf('\n', item.start - 1) + 1;
    const before = splitSentences(text, opening, item.start);
    for (let index = before.length - 1; index >= 0; index--) {
      const part = before[index]!;
      const partText = text.slice(part.start, part.end).trim();
      if (!/[；;]$/u.test(partText) || !lists(part) || partText.length > qaKnobs.listPartBefore || /\s{2,}/u.test(partText) || end - part.start > answerLengths.longSentence) break;
      start = trimSpan(text, part).start;
    }
    if (end >= trimSpan(text, sentence).end) {
      for (let part = sentence; /[；;]$/u.test(text.slice(part.start, part.end).trim()); ) {
        const [next] = splitSentences(text, part.end, Math.min(text.length, part.end + answerLengths.longSentence));
        if (!next || next.end - start > answerLengths.longSentence || !lists(next)) break;
        end = trimSpan(text, next).end;
        part = next;
      }
    }
  }
  const grown = { start, end };
  return (start < item.start || end > item.end) && passageHolding(snapshot, item.chunk.document, grown, item.chunk) ? { ...item, ...grown } : item;
}

/** Whether `text` quotes a name of the kind `kind` (“人人出彩创新”工作法, “匠心筑梦、协同育人”党建特色品牌). */
function namesKind(text: string, kind: string): boolean {
  for (let at = text.indexOf(kind); at >= 0; at = text.indexOf(kind, at + 1)) if (/”[^“”，。；]{0,6}$/u.test(text.slice(Math.max(0, at - 7), at))) return true;
  return false;
}

/** Whether the question quotes `name` as a practice (“三亮三比”工程, “首关制”), not as a word of its topic (“菜篮子”市长负责制). */
function namesPractice(question: string, name: string): boolean {
  const after = question.slice(question.indexOf(name) + name.length).replace(/^[”"」]/u, '');
  return practiceNouns.some((noun) => name.endsWith(noun) || after.startsWith(noun));
}

/**
 * Asked which named part of the work a thing belongs to (这属于哪个工程): the nearest heading before
 * the best sentence, when it names the kind asked (2.实施“三亮三比”工程，…) and the sentence says the
 * thing itself; null otherwise.
 */
function sectionOver(snapshot: IndexSnapshot, candidates: readonly EvidenceSentence[], analysis: QuestionAnalysis): { heading: CitedSpan; sentence: EvidenceSentence } | null {
  const kind = sectionAsked.exec(analysis.question)?.[1];
  const best = candidates.find((sentence) => !sentence.isHeading);
  if (!kind || !best || best.ownTopicCoverage < qaKnobs.sectionTopic) return null;
  const document = best.chunk.document;
  const over = document.headings.filter(([start]) => start < best.start).at(-1);
  if (!over) return null;
  const [start, end] = over;
  const text = snapshot.documentText(document).slice(start, end);
  if (!text.includes(kind)) return null;
  const chunk = passageHolding(snapshot, document, { start, end }, best.chunk);
  return chunk ? { heading: { chunk, start, end }, sentence: best } : null;
}

/** The place of a list's item a question asks (五大工程里第二个; 几块里排老三的; 最后一个) and how many items it counts, when it says. */
interface ItemPlace {
  counted: number | null;
  place: number | 'last';
}

/** The place a question asks of a list's item, or null when it asks none. */
function itemPlaceOf(question: string): ItemPlace | null {
  const counted = itemPositionAsked.exec(question);
  // numeral() reads counts, and 一 alone is no count.
  const placeOf = (written: string): number => (written === '一' ? 1 : (numeral(written) ?? 0));
  if (counted) return { counted: numeral(counted[1]!), place: counted[3] ? 'last' : placeOf(counted[2]!) };
  const uncounted = itemPlaceUncounted.exec(question);
  return uncounted ? { counted: null, place: placeOf(uncounted[1]!) } : null;
}

/**
 * The item of a list at the place asked (第二个, 最后一个): an item of several, or one of the names a
 * single sentence counts (实施“四个一”“三亮三比”…五大工程, “红船领航、精英引航…”四大工程), told by the
 * heading that names it where the article has one (1.实施“四个一”工程，…); null when there is none.
 */
function itemAtPlace(snapshot: IndexSnapshot, items: readonly CitedSpan[], position: ItemPlace): CitedSpan | null {
  // Only a list of as many items as the question counts (五大 → five) is the one asked about.
  const at = (count: number): number => (position.counted !== null && count !== position.counted ? -1 : position.place === 'last' ? count - 1 : position.place - 1);
  if (items.length >= 2) {
    const item = items[at(items.length)];
    return item ? wholeItem(snapshot, item) : null;
  }
  const [only] = items;
  if (!only) return null;
  const document = only.chunk.document;
  const text = snapshot.documentText(document);
  const spans = namesCounted(text.slice(only.start, only.end)).map((span) => ({ start: only.start + span.start, end: only.start + span.end }));
  const span = spans[at(spans.length)];
  if (!span) return null;
  const name = text.slice(span.start + 1, span.end - 1);
  const heading = document.headings.find(([start, end]) => text.slice(start, end).includes(`“${name}”`));
  const shown = heading ? { start: heading[0], end: heading[1] } : span;
  const chunk = passageHolding(snapshot, document, shown, only.chunk);
  return chunk ? { ...shown, chunk } : null;
}

/**
 * The item of a list that says what the question asks of it (“四个一”里，哪一条配了个…活动日;
 * “三服务”工程对应“七个有力”里的哪一条): the one whose text, up to the next item, shares the most of
 * the question's other words, by character pairs (活动日 is one word to the question, 活动 + 日 to
 * the index). A run-in item is shown with that text, which tells what was asked; a heading alone. Null
 * when no item, or more than one, shares the most.
 */
function itemByContent(snapshot: IndexSnapshot, items: readonly CitedSpan[], asked: string): CitedSpan | null {
  if (items.length < 2) return null;
  const wanted = new Set(bigrams(asked));
  const bodies = items.map((item, index) => {
    const text = snapshot.documentText(item.chunk.document);
    const next = items[index + 1];
    const end = next && next.chunk.document.docId === item.chunk.document.docId && next.start > item.end ? next.start : (splitSentences(text, item.end, Math.min(text.length, item.end + answerLengths.longSentence))[0]?.end ?? item.end);
    return trimSpan(text, { start: item.start, end: Math.min(end, item.start + answerLengths.longSentence) });
  });
  const shared = bodies.map((span, index) => [...new Set(bigrams(snapshot.documentText(items[index]!.chunk.document).slice(span.start, span.end)))].filter((pair) => wanted.has(pair)).length);
  const most = Math.max(...shared);
  if (most === 0 || shared.filter((count) => count === most).length > 1) return null;
  const index = shared.indexOf(most);
  const item = items[index]!;
  if (item.chunk.document.headings.some(([start, end]) => start <= item.start && item.end <= end)) return item;
  const chunk = passageHolding(snapshot, item.chunk.document, bodies[index]!, item.chunk);
  return chunk ? { ...bodies[index]!, chunk } : null;
}

/** The quoted names a sentence counts (“A”“B”“C”三大工程, “A、B、C”三大工程), each with its marks. */
function namesCounted(text: string): TextSpan[] {
  const run = /(?:“[^“”]+”){2,}(?=[^，。；“”]{0,2}(?:[两二三四五六七八九十]|\d{1,2})大)/u.exec(text);
  if (run) return [...run[0].matchAll(/“[^“”]+”/gu)].map((match) => ({ start: run.index + match.index, end: run.index + match.index + match[0].length }));
  const listed = /“([^“”]+、[^“”]+)”(?=(?:[两二三四五六七八九十]|\d{1,2})大)/u.exec(text);
  if (!listed) return [];
  const spans: TextSpan[] = [];
  let offset = listed.index + 1;
  for (const part of listed[1]!.split('、')) {
    spans.push({ start: offset, end: offset + part.length });
    offset += part.length + 1;
  }
  return spans;
}

/**
 * An article's outline: its top headings where it has two or more (一、…二、…), else the run-in
 * labels that open its paragraphs (党建引领：“两翼齐飞…”打造…。), each to the end of its first sentence.
 */
function outlineOf(snapshot: IndexSnapshot, best: EvidenceSentence | undefined): CitedSpan[] {
  if (!best) return [];
  const document = best.chunk.document;
  const text = snapshot.documentText(document);
  const top = Math.min(...document.headings.map(([, , level]) => level));
  const headings = document.headings.filter(([, , level]) => level === top).map(([start, end]) => ({ start, end }));
  const labelled = [...text.matchAll(/^([^\n：:。]{2,8})[：:][^\n。]{0,60}。?/gmu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const parts = headings.length >= 2 ? headings : labelled.length >= 2 ? labelled : [];
  return parts.flatMap((span) => {
    const chunk = passageHolding(snapshot, document, span, best.chunk);
    return chunk ? [{ ...span, chunk }] : [];
  });
}

/**
 * The parts of the section whose heading the question names (2.事业发展硕果累累 of “事业发展硕果累累”
 * 分成了哪几方面): its sub-headings, or else the run-in labels that open its paragraphs (一是团队建设
 * 成果。); [] when the section has fewer than two parts; null when the question names no heading of
 * the articles found.
 */
function partsOfNamedSection(snapshot: IndexSnapshot, found: readonly EvidenceSentence[], question: string): CitedSpan[] | null {
  const asked = question.replace(/[“”"\s]/gu, '');
  const documents = [...new Map(found.map((sentence) => [sentence.chunk.document.docId, sentence])).values()];
  for (const sentence of documents) {
    const document = sentence.chunk.document;
    const text = snapshot.documentText(document);
    const headings = document.headings.map(([start, end, level]) => ({ start, end, level }));
    // The deepest heading named (事业发展硕果累累 inside 实施成效, both named), whole or by one of its
    // phrases (锻造红船铁军 of 锻造“红船铁军” 推动蝶变跃升).
    const named = headings
      .filter((heading) => {
        const raw = text.slice(heading.start, heading.end);
        const names = [raw, ...raw.trim().split(/\s+/u)].map((part) => displayClaim(part).replace(/[。“”"\s]/gu, ''));
        return names.some((name) => [...name].length >= 4 && asked.includes(name));
      })
      .sort((a, b) => b.level - a.level)[0];
    if (!named) continue;
    const next = headings.find((heading) => heading.start > named.start && heading.level <= named.level);
    const end = next?.start ?? text.length;
    const inside = headings.filter((heading) => heading.start > named.start && heading.start < end);
    const top = Math.min(...inside.map((heading) => heading.level));
    const subHeadings = inside.filter((heading) => heading.level === top).map(({ start, end: stop }) => ({ start, end: stop }));
    const labels = splitSentences(text, named.end, end).filter((span) => {
      const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
      return text.slice(lineStart, span.start).trim() === '' && isRunInLabel(text.slice(span.start, span.end));
    });
    const parts = subHeadings.length >= 2 ? subHeadings : labels.length >= 2 ? labels : [];
    const spans = parts.flatMap((span) => {
      const chunk = passageHolding(snapshot, document, span, sentence.chunk);
      return chunk ? [{ ...span, chunk }] : [];
    });
    return spans.length >= 2 ? spans : [];
  }
  return null;
}

/** `qa`: the direct answer, then supporting points; grouped by college when several colleges speak. */
export function composeQa(snapshot: IndexSnapshot, evidence: Evidence, analysis: QuestionAnalysis, options: QaOptions = {}): ComposedAnswer {
  const shown = options.alreadyShown ?? '';
  const candidates = evidence.sentences
    .filter((sentence) => sentence.score > 0)
    // A follow-up's answer leads with what the previous answer did not already say, unless it asks
    // for a detail of it (其中省教育厅那个是哪一年的: the year is in the honours just shown).
    .map((sentence) => (shown && !isTyped(analysis.answerType) && shown.includes(sentence.text.slice(0, 30)) && !(options.shownSaying && saysValue(sentence.text, options.shownSaying)) ? { ...sentence, score: sentence.score * qaKnobs.alreadyShownFactor } : sentence))
    .sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
  const book = options.book ?? new CitationBook(snapshot);
  if (candidates.length === 0) return { text: '', citations: [] };
  const type = analysis.answerType;
  // Ranked as found: what the last answer showed may be the thing asked about here (这属于哪个工程).
  const found = [...evidence.sentences].sort((a, b) => b.score - a.score || a.rank - b.rank);
  // “事业发展硕果累累”分成了哪几方面: the parts of the section the question names, else the article's.
  // A section named without parts of its own is answered from its text, not from the article's outline.
  const namedParts = !options.nested && (outlineAsked.test(analysis.question) || sectionPartsAsked.test(analysis.question)) ? partsOfNamedSection(snapshot, found, analysis.question) : null;
  const outline = namedParts ?? (!options.nested && outlineAsked.test(analysis.question) ? outlineOf(snapshot, found.find((sentence) => !sentence.isHeading)) : []);
  // 五大工程里第一个, 几块里排老三的: the place of an item asked, read once for the outline and the lists below.
  const placeAsked = type === '是否' ? null : itemPlaceOf(analysis.question);
  // …底下分的几块里，排老三的是哪块: the part at that place alone.
  const placedPart = placeAsked && outline.length >= 2 ? itemAtPlace(snapshot, outline, placeAsked) : null;
  if (placedPart) return { text: [groupLabel(placedPart.chunk.document), book.claim(placedPart)].join('\n'), citations: book.citations };
  if (outline.length > 0) {
    // 党建工作分哪几个板块: the article's outline, each part as it opens.
    const lines = [groupLabel(outline[0]!.chunk.document), ...outline.map((span) => `- ${book.claim(span)}`)];
    return { text: lines.join('\n'), citations: book.citations };
  }
  const section = options.nested ? null : sectionOver(snapshot, found, analysis);
  if (section) {
    // 这属于哪个工程: the heading over the sentence that says the thing, then that sentence.
    const lines = [groupLabel(section.sentence.chunk.document), book.claim(section.heading), '', `- ${book.claim(cutSentence(snapshot, section.sentence, analysis, answerLengths.longSentence))}`];
    return { text: lines.join('\n'), citations: book.citations };
  }

  let leadItems: CitedSpan[] = [];
  // The lead's paragraph where it goes on past the lead's passage: shown on the lead's line.
  let leadTail: CitedSpan[] = [];
  let leadSentences: EvidenceSentence[] = [];
  let enumerated = false;
  let continued = false;
  let verdict: Verdict | null = null;
  // 和哪些单位共建了…, 有哪些人获得了…: organisations or people asked for in the plural are a list too.
  const pluralAsked = (type === '机构' || type === '人物') && /哪些|哪几/u.test(analysis.question);
  // 哪几家学校提到了…: the items are the colleges, each told by its own sentence, not a list in one.
  const collegesAsked = analysis.colleges.length === 0 && collegesListed.test(analysis.question);
  // 五大工程里第一个是啥: one item of a list, by its place.
  // Only a counted list (五大工程) is the one whose place is asked: 几块里排第二的 counts none to check a list by.
  const position = placeAsked !== null && placeAsked.counted !== null ? placeAsked : null;
  // “四个一”里，哪一条…: one item of a whole the question names before the cue, by what it says.
  const byContent = type === '是否' || position !== null ? null : itemByContentAsked.exec(analysis.question);
  const whole = byContent ? analysis.quoted.findLast((name) => analysis.question.indexOf(name) < byContent.index) : undefined;
  // What the item is asked by: the question's other words, without the whole, the cue or the college.
  const contentAsked = byContent && whole !== undefined ? collegeMentions(analysis.question, analysis.colleges).reduce((rest, mention) => rest.split(mention.form).join(' '), analysis.question.replace(byContent[0], ' ').split(whole).join(' ')) : null;
  const listAsked = !collegesAsked && (type === '列表' || type === '定义' || pluralAsked || (analysis.expectedCount !== null && analysis.expectedCount > 1));
  const wantsItems = listAsked || (!collegesAsked && (position !== null || contentAsked !== null));
  // The items of the whole named before 哪一条 are looked for as its parts would be listed.
  const itemsOf = whole !== undefined && !listAsked ? { ...analysis, answerType: '列表' as const, quoted: [...analysis.quoted.filter((name) => name !== whole), whole], expectedCount: expectedCountOf(`“${whole}”`) } : analysis;
  const enumeration = wantsItems ? findEnumeration(snapshot, candidates, itemsOf) : null;
  const body = candidates.filter((sentence) => !sentence.isHeading);
  const best = body[0] ?? candidates[0]!;
  // What a definition asks about, or how a named practice was done (“三亮三比”工程是怎么做的), is
  // introduced by the label that names it (实施职称评聘“替代制”。, 2.实施“三亮三比”工程，…).
  // A label's quoted name the question writes without its marks (手拉手一帮一 for 实施“手拉手、一帮一”工程) is asked as quoted.
  // A part asked of its whole (“三亮三比”工程的亮承诺) is what is asked, not the whole's quoted name.
  const quotedLast = analysis.partAsked ?? analysis.quoted[analysis.quoted.length - 1] ?? nameOfLabelAsked(analysis.question, candidates);
  // So is a name the articles' labels call a practice (5.实施“手拉手、一帮一”工程，…) though the question
  // does not (“手拉手、一帮一”是怎么帮扶的).
  const labelledPractice = (name: string): boolean => candidates.some((sentence) => isLabel(sentence) && practiceNouns.some((noun) => sentence.text.includes(`${name}”${noun}`)));
  const namedPractice = quotedLast !== undefined && (namesPractice(analysis.question, quotedLast) || labelledPractice(quotedLast));
  const defined = type === '定义' || (type === '做法' && namedPractice) ? quotedLast : undefined;
  const namingLabel = defined ? candidates.find((sentence) => isLabel(sentence) && sentence.text.includes(defined) && sentence.score >= best.score * qaKnobs.namingLabelAgainstBest) : undefined;
  // A label asked for as the article writes it, its verb with its quoted name (聚焦“智能制造”, from a
  // list the previous answer gave): its section answers, however little its body repeats the name.
  const quotedAt = quotedLast !== undefined ? analysis.question.indexOf(`“${quotedLast}”`) : -1;
  const verb = quotedAt >= 2 ? analysis.question.slice(quotedAt - 2, quotedAt) : '';
  const asWritten = /^\p{Script=Han}{2}$/u.test(verb) ? `${verb}“${quotedLast}”` : undefined;
  // It opens the label (二、聚焦“智能制造”，实施…), which states rather than asks, and scores near the best.
  const opensWith = (sentence: EvidenceSentence): boolean => sentence.text.replace(/\s/gu, '').replace(ordinalOpening, '').startsWith(asWritten!);
  const writtenLabel = asWritten && type !== '是否' ? candidates.find((sentence) => isLabel(sentence) && !isAsking(sentence.text) && opensWith(sentence) && sentence.score >= best.score * qaKnobs.namingLabelAgainstBest) : undefined;
  // A list elsewhere in the article is not what that label introduces.
  // Nor is a list that holds the label itself (推进“三室一岗”建设、推进“三链课程”建设…): those are the name's siblings.
  const listNearLabel = (found: NonNullable<typeof enumeration>): boolean => {
    const first = found.items[0]!;
    if (!namingLabel) return true;
    const holdsLabel = found.items.some((item) => item.chunk.document.docId === namingLabel.chunk.document.docId && item.start < namingLabel.end && namingLabel.start < item.end);
    return !holdsLabel && first.chunk.document.docId === namingLabel.chunk.document.docId && Math.abs(first.start - namingLabel.start) <= qaKnobs.labelBody * 2;
  };
  // A sentence that states what the asked name stands for (以A和B为“两翼”) answers a definition
  // better than a list elsewhere; a list inside that sentence still leads.
  const stated = type === '定义' ? body.find((sentence) => sentence.typedMatch && sentence.score >= best.score * qaKnobs.enumerationAgainstBest) : undefined;
  const statedSpans = stated ? askedSpans(analysis, stated.text).map((span) => ({ start: stated.start + span.start, end: stated.start + span.end })) : [];
  const listInStated = (found: NonNullable<typeof enumeration>): boolean =>
    !stated || found.items.every((item) => item.chunk.document.docId === stated.chunk.document.docId && statedSpans.some((span) => item.start < span.end + qaKnobs.definitionListSlack && item.end > span.start - qaKnobs.definitionListSlack));
  // A question that names one label of the list (（五）减轻社会保险负担。) asks what that label covers.
  // Only one label may say the topic: where every label does (坚持党建与…相融合), the list is the answer.
  const topicLabels = enumeration && analysis.expectedCount === null
    ? candidates.filter((sentence) => isLabel(sentence) && sentence.ownTopicCoverage >= qaKnobs.askedLabelTopic && enumeration.items.some((item) => item.chunk.document.docId === sentence.chunk.document.docId && item.start <= sentence.start && sentence.end <= item.end + 1))
    : [];
  const askedLabel = topicLabels.length === 1 ? topicLabels[0] : undefined;
  // Organisations or people asked for in the plural are listed only by a list that says the topic
  // itself, in a sentence about as strong as the best: a list beside it names other units (…党支部获…称号).
  const topicOf = coreCoverageOf(analysis, ['topic']);
  const listInBest = (found: NonNullable<typeof enumeration>): boolean => {
    if (!pluralAsked) return true;
    const [list] = found.items;
    if (!list || found.items.length !== 1) return false;
    if (topicOf(snapshot.documentText(list.chunk.document).slice(list.start, list.end).toLowerCase()) < qaKnobs.pluralListTopic) return false;
    return candidates.some((sentence) => sentence.chunk.document.docId === list.chunk.document.docId && sentence.start <= list.start && list.end <= sentence.end && sentence.score >= best.score * qaKnobs.pluralListAgainstBest);
  };
  // 哪些团队立项了…: a list that names no 团队 asked for, in a sentence far less on the question than the best,
  // which names one and announces nothing, is another thing's (获…三等奖1项、一等奖2项…).
  const listKind = analysis.listHead && [...analysis.listHead].length >= 2 && analysis.question.includes(`哪些${analysis.listHead}`) ? analysis.listHead : null;
  const offKind = (found: NonNullable<typeof enumeration>): boolean => {
    if (listKind === null || !best.text.includes(listKind) || /[：:]\s*$/u.test(best.text)) return false;
    const texts = found.items.map((item) => snapshot.documentText(item.chunk.document).slice(item.start, item.end));
    if (texts.some((itemText) => itemText.includes(listKind))) return false;
    const [first] = found.items;
    const holder = candidates.find((sentence) => sentence.chunk.document.docId === first!.chunk.document.docId && sentence.start <= first!.start && first!.start < sentence.end);
    return holder !== undefined && holder !== best && holder.ownTopicCoverage < best.ownTopicCoverage * qaKnobs.offKindListTopic;
  };
  // A list inside a sentence that says nothing of the topic itself (打造规范型、学习型…“五型”党总支 for
  // 有哪些学生获奖) leads only where no sentence says it: its neighbours lent it the score. A list of
  // the kind asked (哪些平台: 智慧党建平台、育人号平台) or of a quoted name's parts is found by its own words.
  const silentList = (found: NonNullable<typeof enumeration>): boolean => {
    const [list] = found.items;
    if (!list || found.items.length !== 1 || analysis.quoted.length > 0) return false;
    if (analysis.listHead && snapshot.documentText(list.chunk.document).slice(list.start, list.end).includes(analysis.listHead)) return false;
    const holder = candidates.find((sentence) => sentence.chunk.document.docId === list.chunk.document.docId && sentence.start <= list.start && list.end <= sentence.end);
    return holder !== undefined && holder.ownTopicCoverage < qaKnobs.supportOwnTopic && candidates.some((sentence) => sentence.ownTopicCoverage >= qaKnobs.silentListElsewhere);
  };
  // A name asked to be defined that a list neither names nor follows (the outline's points
  // 推进“三室一岗”建设。… around the sentence creating the “价值引领链”): those are the name's siblings.
  const listBesideDefined = (found: NonNullable<typeof enumeration>): boolean => {
    if (type !== '定义' || defined === undefined || namingLabel || stated || !candidates.some((sentence) => sentence.text.includes(defined))) return true;
    const [first] = found.items;
    const text = snapshot.documentText(first!.chunk.document);
    const before = text.slice(Math.max(0, first!.start - qaKnobs.definedBeforeList), first!.start);
    // A name joined from its parts (“筑基-示范-向阳”) is followed by the list naming them (实施“筑基”项目…);
    // a counted name's parts end in its head (落实教育党员有力 of “七个有力”).
    const parts = [...defined.split(/[-—–·、]/u).filter((part) => part.length >= 2), ...(/^[一二三四五六七八九十两\d]/u.test(defined) && defined.length >= 4 ? [defined.slice(-2)] : [])];
    return before.includes(defined) || found.items.some((item) => parts.some((part) => snapshot.documentText(item.chunk.document).slice(item.start, item.end).includes(part)));
  };
  // A counted name asked (七个一先锋工程是干嘛的) that the article never lists is not told by a list of
  // another count that neither names it nor follows it (the outline's three 聚焦…).
  // Only a name of one each (N个一): its parts share no word with it to be found by.
  const countedAsked = analysis.expectedCount !== null && analysis.expectedCount > 1 ? analysis.quoted.findLast((name) => wholeEachOneName.test(name)) : undefined;
  const listOfOtherCount = (found: NonNullable<typeof enumeration>): boolean => {
    if (countedAsked === undefined || found.items.length === analysis.expectedCount || found.items.length === 1) return false;
    const [first] = found.items;
    const text = snapshot.documentText(first!.chunk.document);
    const before = text.slice(Math.max(0, first!.start - qaKnobs.definedBeforeList), first!.start);
    return !before.includes(countedAsked) && !found.items.some((item) => snapshot.documentText(item.chunk.document).slice(item.start, item.end).includes(countedAsked));
  };
  // What a name is (五层递进学徒制是什么), asked of a sentence that says the whole name in a clause of
  // its own, is not a list beside it that says none of its words (构建“三领域、六平台、五精准”…).
  const listWithoutTopic = (found: NonNullable<typeof enumeration>): boolean => {
    const words = analysis.terms.filter((term) => term.role === 'topic').map((term) => term.word.toLowerCase());
    // A counted or quoted name (“三亮”, 四个一) is told by its parts, which need not repeat it.
    if (type !== '定义' || words.length === 0 || best.ownTopicCoverage < 1 || analysis.quoted.length > 0 || analysis.expectedCount !== null) return false;
    return !found.items.some((item) => words.some((word) => snapshot.documentText(item.chunk.document).slice(item.start, item.end).toLowerCase().includes(word)));
  };
  const saysWholeTopic = (sentence: EvidenceSentence): boolean => isLabel(sentence) && analysis.terms.some((term) => term.role === 'topic') && sentence.ownTopicCoverage >= 1;
  // The best sentence's own run-in label, when it says the whole topic (抓实“关键内容”。 before 每学期召开…), heads it.
  const bestLabelAt = labelBefore(snapshot, best);
  const bestLabel = bestLabelAt ? candidates.find((sentence) => sentence.chunk.document.docId === best.chunk.document.docId && sentence.start === bestLabelAt.start && saysWholeTopic(sentence)) : undefined;
  // Or, saying less of it, when it says more of it than its body does (三是亮承诺。 for 三亮三比里的亮承诺).
  const ownLabel = bestLabel ?? (bestLabelAt ? candidates.find((sentence) => sentence.chunk.document.docId === best.chunk.document.docId && sentence.start === bestLabelAt.start && isLabel(sentence) && sentence.ownTopicCoverage >= qaKnobs.ownLabelTopic && sentence.ownTopicCoverage > best.ownTopicCoverage) : undefined);
  // What that label names (三是亮承诺。) is told by its body, not by a list elsewhere in its article (一是服务大局。…).
  const listUnderBestLabel = (found: NonNullable<typeof enumeration>): boolean => {
    if (!ownLabel || type === '是否') return true;
    const first = found.items[0]!;
    const body = labelWithSentence(snapshot, ownLabel, analysis);
    return first.chunk.document.docId === ownLabel.chunk.document.docId && first.start >= ownLabel.start && first.start <= (body?.end ?? ownLabel.end);
  };
  // A list found only for the place asked is of use only where it holds that place.
  if (enumeration && (listAsked || (position !== null && itemAtPlace(snapshot, enumeration.items, position) !== null) || (contentAsked !== null && itemByContent(snapshot, enumeration.items, contentAsked) !== null)) && !askedLabel && listNearLabel(enumeration) && listUnderBestLabel(enumeration) && listBesideDefined(enumeration) && listInStated(enumeration) && listInBest(enumeration) && !offKind(enumeration) && !silentList(enumeration) && !listOfOtherCount(enumeration) && !listWithoutTopic(enumeration) && enumeration.score >= best.score * qaKnobs.enumerationAgainstBest) {
    leadItems = (pluralAsked || type === '列表') && enumeration.items.length === 1 && !enumeration.closed ? [withParallelClauses(snapshot, enumeration.items[0]!, analysis)] : enumeration.items;
    // Asked how it was done (“三亮三比”是怎么做的), an item that is a bare label (亮身份。) is told with
    // the sentence it introduces (开展“党员先锋岗”活动…).
    if (type === '做法') leadItems = leadItems.map((item) => itemWithBody(snapshot, item, best, analysis));
    // 三融教育里融入师德建设具体指啥: the one item that says the topic, whole, is what was asked.
    // It holds a topic word no other item does (师德), and holds more of the topic than any other.
    if (type !== '列表' && analysis.expectedCount === null && contentAsked === null && leadItems.length >= 2) {
      const topicWords = analysis.terms.filter((term) => term.role === 'topic').map((term) => term.word.toLowerCase());
      const said = leadItems.map((item) => topicWords.filter((word) => snapshot.documentText(item.chunk.document).slice(item.start, item.end).toLowerCase().includes(word)));
      const own = said.map((words, index) => words.filter((word) => said.every((others, other) => other === index || !others.includes(word))));
      const asked = own.flatMap((words, index) => (words.length > 0 ? [index] : []));
      if (asked.length === 1 && said[asked[0]!]!.length > Math.max(...said.filter((_, index) => index !== asked[0]).map((words) => words.length))) leadItems = [wholeItem(snapshot, leadItems[asked[0]!]!)];
    }
    // 首批的有哪几个: the clauses of the list that say which.
    if (analysis.narrowedBy && leadItems.length === 1) leadItems = [narrowedTo(snapshot, leadItems[0]!, analysis.narrowedBy)];
    const placed = position ? itemAtPlace(snapshot, leadItems, position) : contentAsked !== null ? itemByContent(snapshot, leadItems, contentAsked) : null;
    if (placed) leadItems = [placed];
    enumerated = true;
  } else {
    // Asked which college did it, the college is the article's: the sentence that says it best leads.
    // Within the best sentence's article the subject is the article's too (贵阳市…备案登记制度 beside
    // 从2020年2月10日起…推进全市企业复工复产): a sentence holding the answer and as much of the topic leads.
    const typedCandidates = isTyped(type) && !collegesAsked
      ? body.filter((sentence) => sentence.typedMatch && (sentence.coreCoverage >= best.coreCoverage * qaKnobs.typedLeadCoverage || (sentence.chunk.document.docId === best.chunk.document.docId && sentence.topicCoverage >= best.topicCoverage)))
      : [];
    // The name of a practice's kind asked for (工作法叫什么) is the quoted name before that kind
    // (“人人出彩创新”工作法), not another quoted name (“党员技术服务团队”).
    const kind = type === '名称' && analysis.nameHead && practiceNouns.includes(analysis.nameHead) ? analysis.nameHead : null;
    // A date the text writes answers 哪一年 before one the article's own date lends a sentence (日前，…公示了…).
    const written = type === '时间' ? typedCandidates.find((sentence) => sentence.typeSpans.length > 0) : undefined;
    // A count of the very noun asked, at its number (全国性活动26次 for 开展了多少活动), before one that
    // counts something the noun ends (七大专题系列学习活动).
    // It must say as much of the question as the one it goes before.
    const firstTyped = typedCandidates[0];
    const countedThere = type === '数量' && firstTyped ? typedCandidates.find((sentence) => sentence.coreCoverage >= firstTyped.coreCoverage && countsAskedNounRightThere(analysis, sentence.text)) : undefined;
    const typedLead = isTyped(type) ? ((kind ? typedCandidates.find((sentence) => namesKind(sentence.text, kind)) : undefined) ?? written ?? countedThere ?? typedCandidates[0]) : stated;
    // A label (坚持党建与专业建设相融合。 / 实施政治素质“首关制”。) that matches best leads with the sentence it introduces.
    // A label that says the whole topic (高质量推进党史学习教育。 for 党史学习教育开展了哪些活动) heads what
    // the article says of it, a little below the best sentence too.
    const topicLabel = (sentence: EvidenceSentence): boolean => saysWholeTopic(sentence) && sentence.score >= best.score * qaKnobs.topicLabelAgainstBest;
    // A yes or no about one of a kind (机电一体化教学团队) leads with the sentence about that one, not another's (智能控制技术教学团队…).
    const othersWords = type === '是否' ? subjectWordsOfAnother(analysis, best.text, documentContext(best.chunk)) : [];
    const aboutAsked = othersWords.length > 0 ? candidates.find((sentence) => sentence.score >= best.score * qaKnobs.askedOneAgainstBest && othersWords.every((word) => sentence.text.toLowerCase().includes(word.toLowerCase()))) : undefined;
    // A yes or no about a name no sentence of the evidence names (上过人民日报没有) leads with one naming
    // others of its kind (光明日报、苏州日报等媒体…报道了该支部): that sentence tells the no. A sentence
    // naming the one asked answers it as any other does.
    const kindAsked = type === '是否' && !aboutAsked ? kindNameAsked(analysis) : null;
    let namedInstead: { sentence: EvidenceSentence; clause: string } | undefined;
    if (kindAsked && !candidates.some((sentence) => sentence.text.includes(kindAsked.name))) {
      for (const sentence of candidates) {
        const clause = othersOfKind(analysis, sentence.text);
        if (clause !== null) {
          namedInstead = { sentence, clause };
          break;
        }
      }
    }
    const othersNamed = namedInstead?.sentence;
    const label = !isTyped(type) && !typedLead && !othersNamed ? (askedLabel ?? writtenLabel ?? namingLabel ?? ownLabel ?? candidates.find((sentence) => isLabel(sentence) && sentence.score >= best.score * qaKnobs.labelAgainstBest) ?? candidates.find(topicLabel)) : undefined;
    const labelled = label ? labelWithSentence(snapshot, label, analysis) : null;
    // A yes or no leads with a sentence that settles it, among those saying as much of it (获得首批…
    // 黄大年式教师团队 over 扎实推进…黄大年式教师团队建设, which says it is being built).
    const settlingLead = type === '是否' && !aboutAsked && yesNoVerdict(analysis, best.text, documentContext(best.chunk)) === null ? body.find((sentence) => sentence.score >= best.score * qaKnobs.settlingAgainstBest && sentence.topicCoverage >= best.topicCoverage && yesNoVerdict(analysis, sentence.text, documentContext(sentence.chunk)) !== null) : undefined;
    // A label with no sentence after it in reach is no answer on its own.
    const lead = othersNamed ?? typedLead ?? (labelled ? label : undefined) ?? aboutAsked ?? settlingLead ?? best;
    leadSentences = [lead];
    // A sentence naming several holders of the asked role (four deans of four schools) is cut closer to the one asked for.
    // A person asked after with nothing more (那樊文天呢): the clause naming them, out of a sentence naming many.
    const person = type === 'general' ? ((analysis.person && lead.text.includes(analysis.person) ? analysis.person : undefined) ?? personAlone(analysis, lead.text)) : undefined;
    // Which of the last answer's items (其中全国的是哪个): the clauses saying it, as a factoid's.
    const narrowedBy = analysis.narrowedBy;
    const leadLength = type === '是否' || narrowedBy || (person && person === analysis.person) ? answerLengths.factoidLead : person ? answerLengths.severalPeopleLead : !isTyped(type) ? answerLengths.longSentence : type === '人物' && askedSpans(analysis, lead.text).length > 1 ? answerLengths.severalPeopleLead : answerLengths.factoidLead;
    // A yes or no is shown with the clause that settles it (the number, the level, the person).
    verdict = options.nested && !options.sideVerdict ? null : namedInstead ? { answer: 'no', settling: [namedInstead.clause] } : (parentVerdict(analysis, snapshot, lead.chunk.document) ?? yesNoVerdict(analysis, lead.text, documentContext(lead.chunk)));
    const settling = verdict?.settling.map((text) => text.trim()).filter(Boolean) ?? [];
    // A name the lead does not define where it names it (以“1团6心5育”的…品牌建设为抓手，校企组建…践行团，包括…6支队伍):
    // the clauses after the name's say what it is.
    const explains = type === '定义' && defined !== undefined && lead.text.includes(defined) && !lead.typedMatch && !labelled ? (clause: string): number => (!clause.includes(defined) && lead.text.indexOf(clause.trim()) > lead.text.indexOf(defined) ? qaKnobs.definitionClauseBonus : 0) : undefined;
    const settles = settling.length > 0 ? (clause: string): number => (settling.some((text) => text.includes(clause.trim()) || clause.includes(text)) ? qaKnobs.settlingClauseBonus : 0) : person ? (clause: string): number => (clause.includes(person) ? qaKnobs.settlingClauseBonus : 0) : narrowedBy ? (clause: string): number => (saysEachPart(clause, narrowedBy) ? qaKnobs.settlingClauseBonus : 0) : explains;
    const cutLead = labelled ?? cutSentence(snapshot, lead, analysis, leadLength, settles, isTyped(type) && !options.wholeLead);
    // A sentence under the run-in label of its point (二是每位党员每月掌握入党积极分子学习状态。固定每月
    // 第四周周四为“风能党员活动日”…) is told with the label, which says what it is for; a section's
    // heading (一、…) is not such a label.
    // A name asked of what the sentence tells is its label's, which leads with it.
    const pointLabel = !labelled && ((continues.has(type) && cutLead.start === lead.start) || lead.namedByLabel) ? labelBefore(snapshot, lead) : null;
    const labelledLead = pointLabel && (lead.namedByLabel || ordinalOf(snapshot.documentText(lead.chunk.document).slice(pointLabel.start, pointLabel.end))?.kind === 'shi') ? passageHolding(snapshot, lead.chunk.document, { start: pointLabel.start, end: cutLead.end }, lead.chunk) : undefined;
    const leadSpan = labelledLead && pointLabel ? { start: pointLabel.start, end: cutLead.end, chunk: labelledLead } : cutLead;
    // A side of a pair question is stated briefly beside the other.
    // A label's body goes on too when it ends where a sentence does.
    const closed = labelled ? closingEnd(snapshot.documentText(labelled.chunk.document), labelled) : null;
    const through = labelled ? (closed !== null ? { ...lead, start: labelled.start, end: closed } : null) : lead;
    // A person's profile asked (刘哲纬拿过啥奖) is their clause: the next clauses are other people's.
    const profiled = person !== undefined && person === analysis.person;
    const [grown, ...tail] = continues.has(type) && through && !options.nested && !profiled ? withContinuation(snapshot, leadSpan, through, analysis, labelled !== null) : type === '数量' && !options.nested ? withCountedParts(snapshot, leadSpan, lead, analysis) : [leadSpan];
    leadItems = [grown!];
    leadTail = tail;
    continued = grown!.end > leadSpan.end || tail.length > 0;
  }

  // Supporting points: the next best sentences that add something.
  const leadScore = leadSentences[0]?.score ?? best.score;
  const limit = options.nested
    ? qaKnobs.nestedSupport
    : enumerated
      ? qaKnobs.enumerationSupport
      : isTyped(type) || type === '是否' || type === '定义'
        ? answerLengths.supportingPoints
        : answerLengths.points - 1;
  const shownLead = [...leadItems, ...leadTail];
  const usedText = shownLead.map((item) => snapshot.documentText(item.chunk.document).slice(item.start, item.end));
  const covered = (sentence: EvidenceSentence): boolean =>
    shownLead.some((item) => item.chunk.document.docId === sentence.chunk.document.docId && item.start < sentence.end && sentence.start < item.end);
  const support: CitedSpan[] = [];
  // Right after a span shown, as the next part of its sentence (…样板支部1个；3名党员获…): the same
  // point going on.
  const goesOn = (sentence: EvidenceSentence): boolean =>
    [...shownLead, ...support].some((span) => {
      if (span.chunk.document.docId !== sentence.chunk.document.docId || sentence.start < span.end) return false;
      const text = snapshot.documentText(sentence.chunk.document);
      const gap = text.slice(span.end, sentence.start);
      return /^[\s；;]{0,3}$/u.test(gap) && /[；;]/u.test(`${text[span.end - 1] ?? ''}${gap}`);
    });
  // A question about every college (各学院…) hears first from the colleges not heard yet.
  const everyCollege = scopeOfAll.test(analysis.question) && analysis.colleges.length === 0;
  const heard = new Set(leadItems.map((item) => item.chunk.document.college));
  // Listing colleges, each college's first sentence that says the topic itself, before any college's second.
  const saysTopic = (sentence: EvidenceSentence): boolean => !collegesAsked || sentence.ownTopicCoverage >= qaKnobs.collegeListOwnTopic;
  const ordered = everyCollege || collegesAsked
    ? [...body.filter((sentence) => !heard.has(sentence.chunk.document.college) && saysTopic(sentence) && body.find((other) => other.chunk.document.college === sentence.chunk.document.college && saysTopic(other)) === sentence), ...body]
    : body;
  let budget = everyCollege ? qaKnobs.supportBudget * 2 : qaKnobs.supportBudget;
  // Listing colleges, a place the lead says is part of what is asked: 嘉兴市先进基层党组织 is not the
  // 江苏省高校先进基层党组织 title, however many of its words it shares.
  const saysAsked = (text: string, word: string): boolean => formsOf(word).some((form) => text.includes(form));
  const leadPlaces = collegesAsked ? analysis.terms.filter((term) => term.place && usedText.some((text) => saysAsked(text, term.word))) : [];
  // What the question names, as the lead says it: a name it quotes (“双带头人”), else the longest
  // stretch of it the lead holds (黄炎培职业教育, 万人计划).
  const quotedAsked = analysis.quoted.filter((name) => usedText.some((text) => text.includes(name))).at(-1);
  const sharedStretch = collegesAsked ? (quotedAsked ?? longestStretchIn(analysis.question, usedText.join('\n'))) : '';
  // A practice told through its paragraph leaves room for fewer points beside it.
  // Listing colleges, every one that says the topic is an item: the budget alone bounds them.
  const pointLimit = collegesAsked ? Infinity : continued && !everyCollege && (type === '做法' || type === 'general') ? Math.max(1, limit - qaKnobs.continuedLeadPoints) : limit;
  for (const sentence of ordered) {
    if (support.length >= pointLimit || budget <= 0) break;
    if (support.some((span) => span.chunk.document.docId === sentence.chunk.document.docId && span.start === sentence.start)) continue;
    if (sentence.score < leadScore * (collegesAsked ? qaKnobs.collegeListFloor : isTyped(type) || enumerated ? Math.min(qaKnobs.typedSupportFloor, qaKnobs.supportFloor) : qaKnobs.supportFloor)) break;
    // Beside a list led by a few items, a sentence saying the whole topic itself is more of them
    // (哪些案例入选了典型案例: one 案例入选… per sentence); other points need a typed answer's floor.
    const moreItems = type === '列表' && sentence.ownTopicCoverage >= 1;
    if (!collegesAsked && (isTyped(type) || enumerated) && !moreItems && sentence.score < leadScore * qaKnobs.typedSupportFloor) continue;
    if (leadSentences.includes(sentence) || covered(sentence)) continue;
    // A point says something of the topic itself, not only beside a sentence that does, or goes on
    // from one shown as the next part of its sentence.
    if (sentence.ownTopicCoverage < (collegesAsked ? qaKnobs.collegeListOwnTopic : qaKnobs.supportOwnTopic) && !goesOn(sentence)) continue;
    // Asked what came of it, a lesson drawn (三、体会与思考：党建工作是…立业之基) is no result.
    if (type === '成效' && reflects(sentence)) continue;
    // A yes or no settled by its lead hears only of what it asked beside it (no 国家发明专利 under 国家级标杆院系).
    if (verdict && sentence.topicCoverage < (leadSentences[0]?.topicCoverage ?? 0) * qaKnobs.verdictSupportTopic) continue;
    if (leadPlaces.some((term) => !saysAsked(sentence.text, term.word))) continue;
    // Listing colleges, what the question names (黄炎培职业教育 of …黄炎培职业教育方面的奖项, 万人计划)
    // is said by every item as the lead says it, not only in some of its words (职业教育, 一百万人次).
    if (sharedStretch && !saysAsked(sentence.text, sharedStretch)) continue;
    if (usedText.some((text) => nearlySame(text, sentence.text))) continue;
    const span = cutSentence(snapshot, sentence, analysis, answerLengths.longSentence);
    support.push(span);
    usedText.push(sentence.text);
    budget -= span.end - span.start;
  }

  // A yes-or-no question hears yes or no first, when the lead settles it. Asked when, a lead that
  // writes no time of its own is dated by its report (日前，…通过了…验收), and says so.
  const [onlyLead] = leadItems;
  const leadText = onlyLead ? snapshot.documentText(onlyLead.chunk.document).slice(onlyLead.start, onlyLead.end) : '';
  const reportDate = type === '时间' && leadItems.length === 1 && onlyLead?.chunk.document.date && typedSpans('时间', leadText).length === 0 ? onlyLead.chunk.document.date : null;
  // Given at another level only (嘉兴市… for 浙江省先进基层党组织): not mentioned, which is no plain no.
  // Asked how many in a year, a count whose paragraph up to it writes no year asked (近年来…到账
  // 2000多万元) is told as what the article says, not as that year's: an article of that year may
  // still count since whenever (主持国培项目4项 in an article of 2023 on 2019-2021).
  const years = type === '数量' && leadItems.length === 1 && onlyLead ? askedYears(analysis.question) : new Set<number>();
  // What dates the count: its own sentence; the paragraph's opening when a time opens it (2021年，…);
  // an article's title (…2018年高水平艺术团招生简章), which dates all of it. A year of another sentence
  // of the paragraph dates that one (2021年有5名教师…直聘 before 累计发出“黄牌”5张).
  const datingText = (): string => {
    const text = snapshot.documentText(onlyLead!.chunk.document);
    const paragraphStart = text.lastIndexOf('\n', onlyLead!.start - 1) + 1;
    const [opening] = splitSentences(text, paragraphStart, onlyLead!.end);
    const openingText = opening ? text.slice(opening.start, opening.end) : '';
    const opensWithTime = isTimeClause(openingText.split(/[，,]/u)[0] ?? '');
    const own = Math.min(onlyLead!.start, leadSentences[0]?.start ?? onlyLead!.start);
    return `${onlyLead!.chunk.document.title}\n${opensWithTime ? openingText : ''}\n${text.slice(own, onlyLead!.end)}`;
  };
  const undated = years.size > 0 && onlyLead !== undefined && writesNoneOf(datingText(), years);
  // 风能党员活动日是2019年开始的吗, where the article gives no year of it: that is no yes and no no.
  const claimedYears = type === '是否' && !verdict && leadItems.length === 1 && onlyLead ? askedYears(analysis.question) : new Set<number>();
  const yearUnstated = claimedYears.size > 0 && writesNoneOf(datingText(), claimedYears) && !/(?:19|20)\d{2}/u.test(leadText);
  // A counted name asked for (“五个一”是哪五个) whose lead lists fewer parts, with 等 (“党性体检”、谈心谈话、
  // 咬耳扯袖等“五个一”活动): the article names only those; it does not list them all.
  const countedName = analysis.expectedCount !== null && analysis.expectedCount > 1 ? analysis.quoted.find((name) => leadText.includes(`等“${name}”`) || leadText.includes(`等${name}`)) : undefined;
  // The parts are counted from the list's clause, however long, at 、 outside quotation marks.
  const listed = countedName ? new RegExp(`([^，,。；;：:]+)等“?${escapeRegExp(countedName)}`, 'u').exec(leadText)?.[1] : undefined;
  const partsNamed = listed ? listed.replace(/“[^”]*”/gu, '□').split('、').length : 0;
  const partial = countedName !== undefined && partsNamed > 1 && partsNamed < analysis.expectedCount!;
  // Asked what a name is that the article only lists among others (其中精英引航是干嘛的): it says no more of it.
  const name = (type === '定义' || type === '做法' || type === 'general') && onlyLead ? askedName(analysis, leadText) : undefined;
  const listHead = name ? listedOnly(snapshot.documentText(onlyLead!.chunk.document), name) : null;
  // Asked the members of a counted set the article only counts (那16个…共同体都是跟哪些单位建的): it lists none, or a few.
  const members = onlyLead && type !== '数量' && type !== '时间' && type !== '是否' ? countedMembersAsked(analysis.question) : null;
  const told = members ? membersTold(leadText, members) : null;
  const opening = verdict?.otherLevel
    ? `文章没有提到“${verdict.otherLevel}”，写到的是：`
    : verdict
      ? `${verdictWord(analysis.question, verdict.answer)}。`
      : reportDate
        ? `据 ${reportDate} 发布的报道：`
        : undated
          ? `文章没有写明${[...years].sort((a, b) => a - b).join('、')}年的数字，写到的是：`
          : yearUnstated
            ? `文章没有写明年份，无法确认是不是${[...claimedYears].sort((a, b) => a - b).join('、')}年。写到的是：`
          : partial
            ? `文章没有列全“${countedName}”，只写到其中 ${partsNamed} 项：`
            : listHead !== null
              ? `文章没有单独介绍“${name}”，只把它列为“${listHead}”之一：`
              : told === 'none'
                ? `文章只写到${members!.noun}有${members!.count}${members!.classifier}，没有列出具体是哪些：`
                : told === 'some'
                  ? `文章没有列全这${members!.count}${members!.classifier}${members!.noun}，只写到：`
                  : '';

  // A lead that goes on into the next passage reads as one paragraph, each part citing its passage.
  const leadLine = (span: CitedSpan): string => (leadItems.length === 1 && span === leadItems[0] ? [span, ...leadTail].map((part) => book.claim(part)).join('') : book.claim(span));
  const documents = new Map<string, IndexedDocument>();
  for (const span of [...leadItems, ...support]) documents.set(span.chunk.document.docId, span.chunk.document);
  const colleges = new Set([...documents.values()].map((document) => document.college || document.unit));
  const lines: string[] = [];
  if (colleges.size > 1) {
    // 哪几所学校提到了…: the colleges are the answer, named first, each then shown saying it.
    if (collegesAsked) lines.push(`${[...colleges].join('、')}（${colleges.size} 所）：`, '');
    // Several colleges: each speaks under its own name, the one with the direct answer first.
    const order: string[] = [];
    const byCollege = new Map<string, { document: IndexedDocument; spans: CitedSpan[] }>();
    for (const span of [...leadItems, ...support]) {
      const key = span.chunk.document.college || span.chunk.document.unit;
      if (!byCollege.has(key)) {
        order.push(key);
        byCollege.set(key, { document: span.chunk.document, spans: [] });
      }
      byCollege.get(key)!.spans.push(span);
    }
    for (const key of order) {
      const group = byCollege.get(key)!;
      if (key) lines.push(groupLabel(group.document));
      for (const span of group.spans) lines.push(`- ${leadLine(span)}`);
      lines.push('');
    }
  } else {
    const [document] = documents.values();
    // Who said it, when the question did not name them; asked which unit (隶属于哪个系的党总支), the
    // article's unit in full when the question says less of it (精密制造工程系党总支智能制造教工党支部).
    const unitAsked = (type === '机构' && unitParentAsked.test(analysis.question) && Boolean(document?.unit) && !analysis.question.includes(document!.unit!)) || (document !== undefined && parentVerdict(analysis, snapshot, document) !== null);
    if (document && (document.college || document.unit) && (analysis.colleges.length === 0 || unitAsked) && !options.nested) lines.push(groupLabel(document));
    if (leadItems.length > 1) for (const item of leadItems) lines.push(`- ${book.claim(item)}`);
    else lines.push(leadLine(leadItems[0]!));
    if (support.length > 0) {
      lines.push('');
      for (const span of support) lines.push(`- ${book.claim(span)}`);
    }
  }
  // The verdict stands on its own line, above whoever says it: the claims below carry the citations.
  if (opening) lines.unshift(opening);
  return { text: lines.join('\n').trim(), citations: book.citations };
}

/**
 * 是归智能制造学院党总支管的吗: a parent unit claimed is told by the article's unit in full, yes where
 * it holds the parent named, no where neither it nor the article's text names it; null otherwise.
 */
function parentVerdict(analysis: QuestionAnalysis, snapshot: IndexSnapshot, document: IndexedDocument): Verdict | null {
  if (analysis.answerType !== '是否' || !document.unit) return null;
  // The college's names were taken out of the question: 是 精密制造工程系的吗 reads whole again.
  const question = analysis.question.replace(/\s+/gu, '');
  const claimed = parentClaimed.exec(question);
  // Only of a branch named before it (苏工院智能制造支部是归…管的吗), not what a college is (…是双高学院吗).
  const named = claimed && /支部|党总支/u.test(question.slice(0, claimed.index)) ? claimed[1]! : undefined;
  // …said with its college (苏工院精密制造工程系): the unit is what is claimed.
  const parent = named && document.college ? collegeMentions(named, [document.college]).reduce((text, { form }) => text.replace(form, ''), named) : named;
  // The branch asked about itself (…党总支是…党总支) says nothing of its parent.
  if (!parent || document.unit.endsWith(parent) || parent.length < 3) return null;
  // Said short (精密制造系 for 精密制造工程系) is said; named anywhere else in the article, it is not for this rule to tell.
  if (namesIn(parent, document.unit)) return { answer: 'yes', settling: [] };
  return namesIn(parent, snapshot.documentText(document)) ? null : { answer: 'no', settling: [] };
}

/**
 * A question comparing two things, or a message asking several: each side answered under its own
 * name, one citation numbering for all; a side without evidence says so rather than borrowing another's.
 */
export function composePair(snapshot: IndexSnapshot, sides: readonly AnsweredSide[], options: { parts?: boolean } = {}): ComposedAnswer {
  // One sentence answering every part (走访了多少次企业？…增加到多少家？) is said once, whole.
  if (options.parts) {
    const whole = composeSides(snapshot, sides, true, true);
    // …or leads every part's answer (2021年先后7次招聘，共引进…人才130名 for 招了几次 and 引进了多少):
    // said once, with the part's answer that adds least beside it.
    const lead = (text: string): string => text.split('\n')[0]!.replace(/(?:\[\d+\])+$/u, '');
    if (whole.texts[0] && whole.texts.every((text) => lead(text) === lead(whole.texts[0]!))) {
      const fewest = sides[whole.texts.reduce((best, text, index) => (text.split('\n').length < whole.texts[best]!.split('\n').length ? index : best), 0)]!;
      const once = whole.texts.every((text) => text === whole.texts[0]) ? whole : composeSides(snapshot, [fewest], true, true);
      // Who says it, when no part named them (张伟中是哪个学校的老师，有什么头衔？).
      const [citation] = once.answer.citations;
      const document = citation && sides.every((side) => side.analysis.colleges.length === 0) ? snapshot.chunkById(citation.chunkId)?.document : undefined;
      const label = document && (document.college || document.unit) ? `${groupLabel(document)}\n` : '';
      return { text: `${label}${once.texts[0]}`, citations: once.answer.citations };
    }
  }
  return composeSides(snapshot, sides, options.parts ?? false, false).answer;
}

/** The one college whose articles every citation of `text` is of, or undefined. */
function citedCollege(snapshot: IndexSnapshot, book: CitationBook, text: string): IndexedDocument | undefined {
  const documents = [...text.matchAll(/\[(\d+)\]/gu)].map((match) => {
    const citation = book.citations[Number(match[1]) - 1];
    return citation ? snapshot.chunkById(citation.chunkId)?.document : undefined;
  });
  const [first] = documents;
  return first && first.college && documents.every((document) => document?.college === first.college) ? first : undefined;
}

/** A side of a pair question, or a part of a message, with its evidence. */
interface AnsweredSide {
  name: string;
  evidence: Evidence;
  analysis: QuestionAnalysis;
}

/** Each side composed under its name (a typed lead whole when `wholeLeads`), and each side's own text. */
function composeSides(snapshot: IndexSnapshot, sides: readonly AnsweredSide[], parts: boolean, wholeLeads: boolean): { answer: ComposedAnswer; texts: string[] } {
  const book = new CitationBook(snapshot);
  const lines: string[] = [];
  let shown = '';
  const texts: string[] = [];
  for (const side of sides) {
    lines.push(`**${side.name}**`);
    // What one side said steps back in the other's answer; the parts of one message may be answered by one sentence.
    const part = side.evidence.verdict.answerable ? composeQa(snapshot, side.evidence, side.analysis, { book, nested: true, alreadyShown: parts ? '' : shown, wholeLead: wholeLeads, sideVerdict: !parts && side.analysis.answerType === '是否' }) : null;
    // A part asking which college (刘哲纬是哪个学校的) hears the college its sentences are of.
    const college = parts && part?.text && side.analysis.answerType === '机构' && side.analysis.colleges.length === 0 ? citedCollege(snapshot, book, part.text) : undefined;
    if (college) lines.push(groupLabel(college));
    // A side that is a college with articles was searched there: what is missing is the answer, not the college.
    const ownCollege = side.analysis.colleges.length === 1 ? side.analysis.colleges[0] : undefined;
    // A count given only vaguely (形成一批…) says so, citing the sentence, as a refusal of its own would.
    const vague = part?.text ? undefined : side.evidence.verdict.vaguelyCounted;
    const holder = vague ? side.evidence.sentences.find((sentence) => sentence.text.includes(vague)) : undefined;
    const at = vague && holder ? holder.start + holder.text.indexOf(vague) : -1;
    const vaguely = vague && holder ? saidOnlyVaguely(ownCollege ? `${ownCollege}的文章中` : '已收录的文章中', vague, `[${book.cite({ start: at, end: at + vague.length, chunk: holder.chunk })}]`) : undefined;
    lines.push(part?.text ? part.text : (vaguely ?? (ownCollege ? `${ownCollege}的文章中没有找到能回答这一问的内容。` : `已收录的文章中没有找到关于“${side.name}”的相关内容。`)), '');
    shown += part?.text ?? '';
    texts.push(part?.text ?? '');
  }
  return { answer: { text: lines.join('\n').trim(), citations: book.citations }, texts };
}

/**
 * The longest stretch of `question`, of at least `qaKnobs.sharedStretch` characters, that `text`
 * holds, or '' when none does.
 */
function longestStretchIn(question: string, text: string): string {
  const characters = [...question.replace(/[\s\p{P}]/gu, '|')];
  for (let length = characters.length; length >= qaKnobs.sharedStretch; length--) {
    for (let start = 0; start + length <= characters.length; start++) {
      const stretch = characters.slice(start, start + length).join('');
      if (!stretch.includes('|') && text.includes(stretch)) return stretch;
    }
  }
  return '';
}
