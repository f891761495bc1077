/**
 * Evidence: how well the retrieved passages answer an analysed question, sentence by sentence,
 * and whether they can answer it at all. One measure serves every mode and both engines, so the
 * model endpoint is asked exactly the questions the extractive engine would answer.
 *
 * A text covers a question word when it contains the word, one of its synonyms (tuning.ts), or,
 * for part of its weight, its character bigrams: Chinese word boundaries differ between a
 * question and an article (党史学习 / 党史学习教育), substrings do not. A sentence is judged
 * with its window (its neighbours in the passage) and its context (the article's title, college,
 * unit, date and the headings above it), because an article names its subject once, not in every
 * sentence.
 */
import type { IndexSnapshot, IndexedChunk, IndexedDocument } from '../index/index-reader.ts';
import type { SearchHit } from '../retrieval/retriever.ts';
import { escapeRegExp } from '../text/clean.ts';
import { getJieba } from '../text/tokenize.ts';
import { isTyped, personSpans, spansOf, typedSpans, type TextSpan } from './answer-spans.ts';
import { newsDateline } from './citation-book.ts';
import { clausesOf } from './clauses.ts';
import { findEnumeration } from './enumerations.ts';
import { honourAskedIn, namesHonour } from './honour-asked.ts';
import { coreTerms, isYear, weightiestTopic, type QuestionAnalysis, type QuestionTerm, type TermRole } from './question.ts';
import { evidenceSpans } from './run-together.ts';
import { askedYears, yearsElsewhere } from './stated-years.ts';
import { generalIdf } from './term-statistics.ts';
import { collegeNameEnding, evidence as knobs, knownPlaces, municipalities, notLongForms, ordinalAsked, organisationTail, peopleKindsAsked, peopleRole, placeName, placeWordIdf, yearOnly, ownPracticeAsked, ownPracticeTypes, passingMention, prizeGrades, qaKnobs, roleWords, sentenceCues, subjectOpening, summaryKnobs, synonymsOf, unitGroups, unitsAlsoAnswering, yesNoKnobs, type AnswerType } from './tuning.ts';

/** The forms a text may use for a question word: itself and its synonyms (including those of its parts). */
export function formsOf(word: string): string[] {
  const forms = new Set([word, ...(synonymsOf.get(word) ?? [])]);
  // 东营市 is often just 东营; 内蒙古自治区, 内蒙古.
  const place = /^([\u4e00-\u9fa5]{2,}?)(?:自治区|省|市|县|区|州)$/u.exec(word);
  if (place) forms.add(place[1]!);
  const opening = knownPlaces.find((known) => word.startsWith(known));
  const rest = opening ? word.slice(opening.length).replace(/^(?:市|省)/u, '') : '';
  if (organisationTail.test(rest)) forms.add(rest);
  // 成果奖 is written 成果一等奖, 成果特等奖: a prize's grade stands before its 奖.
  const prize = /^(\p{Script=Han}{2,})奖$/u.exec(word);
  if (prize && !prize[1]!.endsWith('等')) for (const grade of prizeGrades) forms.add(`${prize[1]}${grade}奖`);
  // 党史学习教育活动 contains 党史学习教育: its synonyms count too.
  for (const [key, synonyms] of synonymsOf) if (key.length >= 2 && key !== word && word.includes(key)) for (const synonym of synonyms) forms.add(word.replace(key, synonym));
  return [...forms];
}

/** A question word prepared for matching. */
interface MatchTerm {
  term: QuestionTerm;
  forms: string[];
  /** The words a compound is made of (媒体报道 → 媒体, 报道): an article may say them apart. */
  parts: string[];
  bigrams: string[];
  /** For a two-character topic word, the shape of its long form (劳模 → 劳?模?: 劳动模范). */
  longForm: RegExp | null;
  /** For a common noun read with the noun it qualifies (学生党员): that noun, and the qualifier. */
  head?: { match: MatchTerm; qualifier: string; share: number };
}

function bigramsOf(word: string): string[] {
  const characters = [...word];
  const grams: string[] = [];
  for (let index = 0; index + 1 < characters.length; index++) grams.push(characters[index]! + characters[index + 1]!);
  return grams;
}

const partsCache = new Map<string, string[]>();

function partsOf(word: string): string[] {
  let parts = partsCache.get(word);
  if (!parts) {
    parts = [...new Set(getJieba().cutForSearch(word, true).filter((part) => part !== word && [...part].length >= 2))];
    // What jieba's parts leave of the word (思政 of 课程思政, which it cuts only as 课程) is a part too:
    // one part alone is not the whole compound.
    if (parts.length > 0) parts.push(...uncoveredRuns(word, parts));
    if (partsCache.size > 10_000) partsCache.clear();
    partsCache.set(word, parts);
  }
  return parts;
}

/** The runs of two or more characters of `word` that none of `parts` covers. */
function uncoveredRuns(word: string, parts: readonly string[]): string[] {
  const covered = new Array<boolean>(word.length).fill(false);
  for (const part of parts) for (let at = word.indexOf(part); at >= 0; at = word.indexOf(part, at + 1)) covered.fill(true, at, at + part.length);
  return [...word.replace(/./gsu, (character, at: number) => (covered[at] ? ' ' : character)).matchAll(/\S{2,}/gu)].map((run) => run[0]);
}

function prepare(terms: readonly QuestionTerm[]): MatchTerm[] {
  return terms.map((term) => {
    const word = term.word.toLowerCase();
    if (term.head) {
      const [head] = prepare([{ ...term, word: term.head.word, head: undefined }]);
      return { term, forms: formsOf(word), parts: [], bigrams: [], longForm: null, head: { match: head!, qualifier: word.slice(0, word.length - term.head.word.length), share: term.head.share } };
    }
    const long = [...word].length >= 3 && !term.isName && !knobs.wholePeopleWords.test(word);
    const forms = [...new Set([word, ...(term.alternatives ?? [])].flatMap((form) => formsOf(form.toLowerCase())))];
    const longForm = term.role === 'topic' && !term.isName ? longFormPattern(word) : null;
    return { term, forms, parts: long ? partsOf(word) : [], bigrams: long ? bigramsOf(word) : [], longForm };
  });
}

/**
 * How much of a qualified noun (学生党员) a text holds: all of it with the qualifier right before the
 * noun in any of the noun's forms (铁路劳动模范 for 铁路劳模), else the noun's share.
 */
function qualifiedPresence(head: NonNullable<MatchTerm['head']>, haystack: string): number {
  const alone = presence(head.match, haystack);
  if (alone === 0) return 0;
  for (let at = haystack.indexOf(head.qualifier); at >= 0; at = haystack.indexOf(head.qualifier, at + 1)) {
    const after = haystack.slice(at + head.qualifier.length, at + head.qualifier.length + knobs.qualifiedReach);
    if (presence(head.match, after) >= knobs.partsFound && head.match.forms.some((form) => after.startsWith(form.slice(0, 1)))) return alone;
  }
  return alone * head.share;
}

const longFormCache = new Map<string, boolean>();

/** Four characters with a two-character word's two first and third (劳?模? for 劳模); null for any other word. */
function longFormPattern(word: string): RegExp | null {
  const [first, second] = [...word];
  return /^\p{Script=Han}{2}$/u.test(word) ? new RegExp(`${first}\\p{Script=Han}${second}\\p{Script=Han}`, 'gu') : null;
}

/** Whether `text` holds four characters of the pattern that jieba's dictionary holds as one word. */
function holdsLongForm(pattern: RegExp, text: string): boolean {
  for (const found of text.matchAll(pattern)) {
    const candidate = found[0];
    let known = longFormCache.get(candidate);
    if (known === undefined) {
      known = getJieba().cut(candidate, false).length === 1 && !notLongForms.has(candidate);
      if (longFormCache.size > 10_000) longFormCache.clear();
      longFormCache.set(candidate, known);
    }
    if (known) return true;
  }
  return false;
}

/**
 * Whether `text` writes a two-character word in full: four characters with the word's two first and
 * third (劳?模? for 劳模) that jieba's dictionary holds as one word (劳动模范, 思想政治), not any
 * four characters that happen to fit (配合|送达, 高度|考虑).
 */
export function writtenInFull(word: string, text: string): boolean {
  const pattern = longFormPattern(word);
  return pattern !== null && holdsLongForm(pattern, text);
}

function share(pieces: readonly string[], haystack: string): number {
  if (pieces.length === 0) return 0;
  let found = 0;
  for (const piece of pieces) if (haystack.includes(piece)) found++;
  return found / pieces.length;
}

/**
 * How much of a word a text holds: 1 for the word or a synonym; for a compound whose parts stand
 * apart (媒体…报道) or a paraphrase sharing most bigrams, part of it. One shared bigram of five is chance.
 */
function presence(match: MatchTerm, haystack: string): number {
  for (const form of match.forms) if (holdsForm(haystack, form)) return 1;
  // 学生党员 said apart (学生管理…党员教师) is its head only.
  if (match.head) return qualifiedPresence(match.head, haystack);
  // A name the text quotes in part (对标“七个有力” for 对标七个有力) is the name; so is one quoting within
  // it in other marks (“建设‘红船堡垒’ 夯实党建之基” for the heading 建设“红船堡垒” 夯实党建之基).
  if (match.term.isName && /[“”]/u.test(haystack)) {
    const unquoted = withoutQuotationMarks(haystack);
    if (match.forms.some((form) => unquoted.includes(withoutQuotationMarks(form)))) return 1;
  }
  // The marks between a name's parts are written either way (筑基、示范、向阳 for 筑基-示范-向阳).
  if (match.term.isName && match.forms.some((form) => nameSeparator.test(form) && withoutSeparators(haystack).includes(withoutSeparators(form)))) return 1;
  // An organisation's short name (风能学院 for 风能工程学院) is read in a sentence as the article check reads it.
  if (match.term.isName && match.term.role === 'subject' && match.forms.some((form) => namesIn(form, haystack))) return 1;
  // Chinese shortens a pair of words to their first characters (劳动模范 → 劳模, 思想政治 → 思政).
  if (match.longForm && holdsLongForm(match.longForm, haystack)) return knobs.partsFound;
  const parts = share(match.parts, haystack);
  const grams = share(match.bigrams, haystack);
  return Math.max(parts >= 1 ? knobs.partsFound : parts >= 0.5 ? knobs.paraphraseFactor * parts : 0, grams >= 0.5 ? knobs.paraphraseFactor * grams : 0);
}

/** Whether `haystack` holds `form`; a number only whole (20 is not held by 2021 or 120). */
function holdsForm(haystack: string, form: string): boolean {
  const opens = /^\d/u.test(form);
  const ends = /\d$/u.test(form);
  if (!opens && !ends) return haystack.includes(form);
  for (let at = haystack.indexOf(form); at >= 0; at = haystack.indexOf(form, at + 1)) {
    if (!(opens && /\d/u.test(haystack[at - 1] ?? '')) && !(ends && /\d/u.test(haystack[at + form.length] ?? ''))) return true;
  }
  return false;
}

/**
 * The words naming the question's subject whose noun the sentence says of another one of its kind:
 * a word the sentence lacks stands in the question right before words it holds as one
 * (机电一体化|教学团队), and wherever the sentence holds them another word stands before them
 * (智能控制技术教学团队). What is said of the other team says nothing of the one asked about.
 */
export function modifiersOfAnother(analysis: QuestionAnalysis, sentence: string, missing: readonly QuestionTerm[], quotedOnly = false): QuestionTerm[] {
  const lower = sentence.toLowerCase();
  const question = analysis.question.toLowerCase();
  // Only the subject, named before what is asked of it (…教学团队|是…吗; honourAsked opens what is
  // asked): a word of what is asked (是否|征收关税) is no modifier.
  const asking = yesNoKnobs.honourAsked.exec(analysis.question)?.index ?? question.length;
  return missing.filter((term) => {
    const word = term.word.toLowerCase();
    const at = question.indexOf(word);
    if (at < 0 || at + word.length > asking) return false;
    const after = at + word.length;
    // The head is the run of the question's words after it that the sentence holds as one (教学团队).
    let headWord = '';
    for (;;) {
      const next = analysis.terms.find((other) => other.role !== 'intent' && question.startsWith(other.word.toLowerCase(), after + headWord.length) && lower.includes(headWord + other.word.toLowerCase()));
      if (!next) break;
      headWord += next.word.toLowerCase();
    }
    if (!headWord) return false;
    const places: number[] = [];
    for (let found = lower.indexOf(headWord); found >= 0; found = lower.indexOf(headWord, found + 1)) places.push(found);
    // Every place the head stands, a modifier of its own stands before it (inside the quotation
    // marks of another name, where only such a name tells).
    const quoted = (place: number): boolean => lower.lastIndexOf('“', place) > lower.lastIndexOf('”', place);
    return places.length > 0 && places.every((place) => place > 0 && /\p{Script=Han}/u.test(lower[place - 1]!) && (!quotedOnly || quoted(place)));
  });
}

/**
 * The share of the question's core (subject and topic) weight that a text holds, for scoring
 * clauses and cells. Lower-case the text first.
 */
export function coreCoverageOf(analysis: QuestionAnalysis, roles: readonly TermRole[] = ['subject', 'topic'], ownOnly = false): (text: string) => number {
  const core = prepare(analysis.terms.filter((term) => roles.includes(term.role) && !(ownOnly && term.carried)));
  const weight = core.reduce((sum, match) => sum + match.term.weight, 0);
  return (text) => weightedShare(core, weight, (match) => presence(match, text));
}

/**
 * The question's words of `roles` that `text` does not hold: neither the word, nor a synonym, nor
 * its parts. Lower-case the text first.
 */
export function termsNotIn(analysis: QuestionAnalysis, text: string, roles: readonly TermRole[] = ['subject', 'topic']): QuestionTerm[] {
  return prepare(analysis.terms.filter((term) => roles.includes(term.role)))
    .filter((match) => presence(match, text) < knobs.partsFound)
    .map((match) => match.term);
}

/** A sentence of a retrieved passage, scored against the question. */
export interface EvidenceSentence {
  chunk: IndexedChunk;
  /** Rank of its passage in the retrieval (0 = best). */
  rank: number;
  /** Offsets in the document's cleaned text. */
  start: number;
  end: number;
  text: string;
  /** A heading of the article, or a short run-in heading (党建引领开新局。) at the start of a paragraph. */
  isHeading: boolean;
  /** A news headline or a page's title run into its text: it names the story, not a practice whose body follows. */
  isHeadline: boolean;
  /** Weighted share of the question's words found in the sentence itself (context counts at contextFactor). */
  coverage: number;
  /** As `coverage`, with the neighbours' words counting at neighbourFactor. */
  windowCoverage: number;
  /** Share of the question's core (subject and topic) weight found in the window. */
  coreCoverage: number;
  /** Share of the topic's weight found in the window (what the sentence must say beyond who it is about). */
  topicCoverage: number;
  /** As `topicCoverage`, in the sentence's own words (neither its neighbours nor its context). */
  ownTopicCoverage: number;
  /** Whether the window holds the question's weightiest topic word (or a synonym). */
  keyPresent: boolean;
  /** Spans of the question's answer type in the sentence (offsets into `text`). */
  typeSpans: TextSpan[];
  /** For a typed question: a span of the asked type (and unit) stands next to the topic. */
  typedMatch: boolean;
  /** For a 名称 question: the name asked is its run-in label's (三是推进“廉风洁雨”建设。), not its own. */
  namedByLabel?: boolean;
  /** Whether its article mentions every name, year and person the question depends on. */
  articleMatches: boolean;
  /** It would answer but for being of another year than asked (its article may never write the year asked). */
  ofOtherYear?: boolean;
  /** How strongly the sentence, in its window, answers the question (what the verdict takes the best of). */
  strength: number;
  /** Relevance used for selection. */
  score: number;
  /** The years the sentence dates itself by when the question asks about another (2021 for 2023): its strength is then 0. */
  otherYears?: number[];
}

/** The verdict on whether the corpus can answer a question. */
export interface EvidenceVerdict {
  answerable: boolean;
  /** Best window's topic coverage (0..1), after the article and answer-type checks. */
  strength: number;
  /** Names the question depends on that no retrieved passage mentions (another college, a person, a practice). */
  missing: string[];
  /**
   * A typed question refused only for want of its kind of answer: sentences speak of what it asks
   * about, but no number (date, person, name) was found next to its words.
   */
  lacking?: AnswerType;
  /** Refused because the articles name the counted name asked about (“四双”) without listing its parts. */
  unlisted?: string;
  /** Refused because the sentence saying what a 数量 question counts gives no number, only a vague one (形成一批…): its clause. */
  vaguelyCounted?: string;
  /** A name the question says the article gives only short (能源集团), where no passage writes a longer one. */
  shortNameOnly?: string;
  /** Refused because the sentences that speak of the question are of other years than the one asked. */
  yearsInstead?: { asked: number[]; stated: number[] };
  /** Refused because the college asked about has no article of its own: articles only name it in passing. */
  mentionedOnly?: string;
  /** Refused because no article of the question's subject names the honour a yes-or-no question asks about (全国先进基层党组织). */
  unnamedHonour?: string;
}

export interface Evidence {
  sentences: EvidenceSentence[];
  verdict: EvidenceVerdict;
}

/** The article-level context of a passage: what every sentence of it is about. */
export function documentContext(chunk: IndexedChunk): string {
  const { title, college, unit, date } = chunk.document;
  return [title, college, unit, date ? `${date.slice(0, 4)}年` : ''].join(' ');
}

/** The article context plus the headings above a passage. */
export function passageContext(chunk: IndexedChunk): string {
  return [documentContext(chunk), ...chunk.headingPath].join(' ');
}

/** An article that speaks of its own place without naming it (本市, 我省). */
const selfReference = /本市|本省|我市|我省|本区|我区|本县|我县|全市|全省/u;

// Only the well-known names: a suffix pattern (…市) also matches 城市 and 全市.
const placeMention = new RegExp(knownPlaces.join('|'), 'gu');

/** How high a place stands: 3 a province or municipality, 2 a city or prefecture, 1 a district, county or town. */
function placeRank(word: string): number {
  if (/(?:省|自治区)$/u.test(word)) return 3;
  const stem = word.replace(/(?:市|州)$/u, '');
  const known = knownPlaces.indexOf(stem);
  // knownPlaces lists the provinces before the cities (石家庄 on); 吉林市 is a city of 吉林省.
  if (known >= 0) return known < knownPlaces.indexOf('石家庄') && (municipalities.has(stem) || stem === word) ? 3 : 2;
  return /(?:区|县|镇|乡|街道)$/u.test(word) ? 1 : 2;
}

/** Whether a place of rank `inner` may lie within or hold a place asked: a municipality holds districts, not cities. */
function mayNest(asked: string, inner: number): boolean {
  const rank = placeRank(asked);
  if (inner > rank) return true;
  return inner < rank && !(municipalities.has(asked.replace(/市$/u, '')) && inner === 2);
}

/**
 * Whether an article's title or opening names a place none of whose names is one asked: a
 * well-known one, or another place (海陵区, 开封市) that can neither lie within a place asked
 * (奉贤区 of 上海市) nor hold it.
 */
function opensWithOtherPlace(title: string, text: string, places: readonly MatchTerm[]): boolean {
  const opening = `${title} ${text.slice(0, knobs.placeOpening)}`;
  const forms = places.flatMap((match) => match.forms);
  const other = (place: string): boolean => !forms.some((form) => place.includes(form) || form.includes(place));
  for (const match of opening.matchAll(placeMention)) if (other(match[0])) return true;
  return placesNamedIn(opening).some((place) => other(place) && !places.some((match) => mayNest(match.term.word, placeRank(place))));
}

/**
 * The places a text names: words jieba tags as places, with their suffix (开封市, 海陵区; 漯河 + 市,
 * which jieba cuts apart) or rare in general Chinese (珠海): jieba tags common words as places too
 * (上路, 深度).
 */
function placesNamedIn(text: string): string[] {
  const tagged = getJieba().tag(text, true);
  const found: string[] = [];
  tagged.forEach(({ word, tag }, index) => {
    if (tag !== 'ns') return;
    const next = tagged[index + 1]?.word ?? '';
    const place = /^(?:省|市|区|县|州)$/u.test(next) ? word + next : word;
    if (placeName.test(place) || generalIdf(place) >= placeWordIdf) found.push(place);
  });
  return found;
}

const runInHeading = /^[^，,；;：:]{2,18}[。！]?$/u;

function weightedShare(matches: readonly MatchTerm[], total: number, found: (match: MatchTerm) => number): number {
  if (total === 0) return 0;
  let sum = 0;
  for (const match of matches) sum += match.term.weight * found(match);
  return sum / total;
}

/** Fit of a sentence to the kind of answer wanted (1 = neutral). */
export function typeFit(type: AnswerType, sentence: string, matched: boolean): number {
  if (isTyped(type) || type === '列表' || type === '定义') return matched ? knobs.typedFit : knobs.untypedFit;
  if (type === '成效') return 0.7 + 0.65 * outcomeStrength(sentence);
  if (type === '做法') return (sentenceCues.practice.test(sentence) ? 1.15 : 0.85) * (1 - 0.3 * outcomeStrength(sentence));
  return 1;
}

/** For a 成效 question: a sentence under a heading of results (实施成效) counts more, one under lessons (体会与思考) less. */
function sectionFit(headingPath: readonly string[]): number {
  const path = headingPath.join(' ');
  if (summaryKnobs.headingCues.outcome.test(path)) return knobs.outcomeSectionFactor;
  return summaryKnobs.headingCues.insight.test(path) ? knobs.insightSectionFactor : 1;
}

/**
 * A sentence that reflects rather than reports: under a section of lessons (三、体会与思考), or looking
 * ahead (站在新的历史起点上，我们要…). It is no practice of a table's cell, nor a result.
 */
export function reflects(sentence: EvidenceSentence): boolean {
  const path = sentence.chunk.headingPath.join(' ');
  return (summaryKnobs.headingCues.insight.test(path) && !summaryKnobs.headingCues.practice.test(path)) || sentenceCues.lookingAhead.test(sentence.text);
}

/**
 * How clearly a sentence reports a result (0..1): honours and awards most, praise received and
 * figures achieved next, bare numbers a little. 修订《…办法》，制定21项… has a number but is a measure, not a result.
 */
export function outcomeStrength(sentence: string): number {
  if (statesHonour(sentence) || sentenceCues.risenStanding.test(sentence.trim())) return 1;
  if (sentenceCues.praised.test(sentence)) return 0.6;
  if (sentenceCues.quantity.test(sentence)) {
    if (sentenceCues.planned.test(sentence)) return 0.2;
    return sentenceCues.result.test(sentence) ? 0.8 : 0.4;
  }
  return 0;
}

/**
 * Whether a sentence states an honour: a clause naming one that is not what the clause sets out
 * to win (扎实推进…首批“党建工作标杆院系”培育创建 is work towards it, not a result).
 */
export function statesHonour(sentence: string): boolean {
  return sentence.split(/[，,；;。！？!?]/u).some((clause) => {
    // Not the holders of an honour named as who they are (全国五一劳动奖章获得者…进校园).
    const honour = [...clause.matchAll(everyHonourCue)].find((match) => !sentenceCues.honourHolderAfter.test(clause.slice(match.index + match[0].length)));
    // A work's title before it (《推进四个“融合”…》被…收录为典型案例) is what was honoured, no pursuit.
    return honour !== undefined && !sentenceCues.pursued.test(clause.slice(0, honour.index).replace(/《[^》]*》/gu, ''));
  });
}

/** Every honour cue of a clause, compiled once: statesHonour runs on every sentence an answer weighs. */
const everyHonourCue = new RegExp(sentenceCues.honour.source, 'gu');

/**
 * Whether a sentence holds a span of the asked type next to the topic: in the same clause as the
 * topic's words, or the clause beside it (2021年，有27名讲师收入超过副教授). A question that names
 * its unit (多少名, 几张) wants a number with that unit.
 */
/** Whether every clause between the first and the one at `index` lists (ends in 等…, holds 、 or opens with 以及). */
function listedAfter(sentence: string, clauses: readonly TextSpan[], index: number): boolean {
  return clauses.slice(1, index + 1).every((clause) => /、|等|^以及|^及/u.test(sentence.slice(clause.start, clause.end)));
}

/**
 * Whether the clause of a count names the noun the question counts under another scope than the
 * question's (全校性活动 for 全国性活动, 省级项目 for 市级项目: a word before the noun ending in 性 or 级
 * as the question's does, opening alike and not it). Years are told apart elsewhere; words that
 * differ otherwise (企业员工 for 企业职工) may say the same.
 */
function countsAnother(analysis: QuestionAnalysis, sentence: string, clauses: readonly TextSpan[], span: TextSpan): boolean {
  const clause = clauses.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
  if (!clause) return false;
  const text = sentence.slice(clause.start, clause.end).toLowerCase();
  const question = analysis.question.toLowerCase();
  return termsNotIn(analysis, text, ['topic']).some((term) => {
    const word = term.word.toLowerCase();
    if (!/^\p{Script=Han}{1,3}[性级]$/u.test(word)) return false;
    const at = question.indexOf(word);
    const head = at < 0 ? undefined : analysis.terms.find((other) => other !== term && question.startsWith(other.word.toLowerCase(), at + word.length) && text.includes(other.word.toLowerCase()))?.word.toLowerCase();
    if (!head) return false;
    for (let found = text.indexOf(head); found >= word.length; found = text.indexOf(head, found + 1)) {
      const before = text.slice(found - word.length, found);
      if (before !== word && /^\p{Script=Han}+$/u.test(before) && before[0] === word[0] && before.at(-1) === word.at(-1)) return true;
    }
    return false;
  });
}

function typedMatchIn(sentence: string, analysis: QuestionAnalysis, topic: readonly MatchTerm[], topicWeight: number, neighbours: string): boolean {
  const spans = askedSpans(analysis, sentence);
  if (spans.length === 0) return false;
  if (topicWeight === 0) return true;
  const clauses = clausesOf(sentence, 0, sentence.length);
  // A time that opens the sentence as a clause of its own (2020年以来，…; 截至2023年底，…) dates all of it.
  const [first] = clauses;
  const time = first && clauses.length > 1 ? typedSpans('时间', sentence.slice(first.start, first.end))[0] : undefined;
  const openingTime = time !== undefined && first!.end - first!.start - (time.end - time.start) <= knobs.openingTimeRest;
  const clausesAround = (span: TextSpan): { nearby: typeof clauses; around: string } => {
    const index = clauses.findIndex((clause) => clause.start <= span.start && span.start < clause.end);
    // Asked when, the opening time answers for every clause; asked anything else, it stands beside every clause.
    const nearby = openingTime && analysis.answerType === '时间' && index === 0 ? clauses : clauses.slice(Math.max(0, index - 1), index + 2);
    // A count's verb may open the sentence before the list it counts (支部接待省教育厅…，同济…等院校，以及…参观考察近千人次).
    const opening = index > 1 && (openingTime || (analysis.answerType === '数量' && listedAfter(sentence, clauses, index)));
    const around = [...(opening ? [first!] : []), ...nearby].map((clause) => sentence.slice(clause.start, clause.end)).join('，').toLowerCase();
    return { nearby, around };
  };
  for (const span of spans) {
    const { nearby, around } = clausesAround(span);
    if (startUnsaid(analysis, around)) continue;
    // Headings and titles do not count here: a number under “红船铁军” need not count its members.
    const own = weightedShare(topic, topicWeight, (match) => presence(match, around));
    const near = weightedShare(topic, topicWeight, (match) => Math.max(presence(match, around), knobs.typedNeighbourFactor * presence(match, neighbours)));
    // A count is of what its own clauses say; a date, a unit or a person may be told beside it
    // (本公告自2020年1月1日起实施 after the sentence naming the 公告).
    if (analysis.answerType === '数量' && own < knobs.typedOwnFocus) continue;
    // A count of the noun asked under another modifier (全校性活动共百余次 for 全国性活动办了多少次) is another's.
    if (analysis.answerType === '数量' && countsAnother(analysis, sentence, clauses, span)) continue;
    // Read across the whole sentence, the topic must stand out more (担任学校技术指导专家 is no 担任党委书记).
    if (near >= (nearby === clauses && clauses.length > 2 ? knobs.openingTimeFocus : knobs.typedFocus)) return true;
  }
  // The sentence's one span of the type, in a sentence that says nearly all of the question
  // (合作共建嘉职院海盐学院，实施…办学，规划招生规模4000人): what its clauses go on about is the topic
  // named before them.
  if (spans.length === 1 && !startUnsaid(analysis, clausesAround(spans[0]!).around) && !(analysis.answerType === '数量' && countsAnother(analysis, sentence, clauses, spans[0]!))) {
    const whole = sentence.toLowerCase();
    if (weightedShare(topic, topicWeight, (match) => presence(match, whole)) >= knobs.soleSpanFocus) return true;
  }
  return false;
}

/**
 * The run-in label ending where a sentence starts at `start` in `text` (三是推进“廉风洁雨”建设。 before
 * 通过组织党员…): a short sentence without a comma in the same paragraph; or null.
 */
export function labelEndingAt(text: string, start: number): TextSpan | null {
  const from = Math.max(0, start - qaKnobs.labelLength - 3);
  // A label starts after a sentence's end or at the text's start, never where the window happens to.
  const before = `${from === 0 ? '\n' : ''}${text.slice(from, start)}`;
  // In the same paragraph: the last sentence of the one before is no label of this one.
  const label = /[。！？\n]([^。！？\n，,；;]{2,})[。！？][ \t]*$/u.exec(before);
  if (!label) return null;
  const labelStart = start - before.length + label.index + label[0].indexOf(label[1]!);
  return start - labelStart <= qaKnobs.labelLength + 2 ? { start: labelStart, end: start } : null;
}

/** Whether the run-in label before the sentence at `start` holds a name of the kind asked. */
function labelNames(analysis: QuestionAnalysis, text: string, start: number): boolean {
  const label = labelEndingAt(text, start);
  return label !== null && spansOfType(analysis, text.slice(label.start, label.end)).length > 0;
}

/**
 * Whether a question asks when something began (哪年开始招生) and `text` says no start (自…起, 正式上线,
 * 以来, 成立…): then its time is no answer (2021年，…招生…投档线猛增 tells no start of 招生).
 */
function startUnsaid(analysis: QuestionAnalysis, text: string): boolean {
  return analysis.answerType === '时间' && knobs.askedStart.test(analysis.question) && !knobs.startSaid.test(text);
}

/**
 * Spans of `text` of the answer type: people asked for in the plural without a role (请了哪些人) may
 * be answered by the kinds of people a list names (劳模工匠、企业家等50余人) or a role names (各级党组织书记) as well as by names.
 */
function spansOfType(analysis: QuestionAnalysis, text: string): TextSpan[] {
  // Asked which batch or session (第几批): its ordinal (首批, 第二批) is the answer, not a count.
  const ordinal = analysis.answerType === '数量' ? ordinalAsked.exec(analysis.question)?.[1] : undefined;
  if (ordinal) return [...text.matchAll(new RegExp(`(?:首|第[一二三四五六七八九十百\\d]+)${ordinal}`, 'gu'))].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  // Asked which organisations a college works with, the college itself is no answer.
  const spans = typedSpans(analysis.answerType, text, analysis.nameHead, analysis.colleges);
  if (analysis.answerType !== '人物' || !peopleKindsAsked.test(analysis.question) || askedRoles(analysis).length > 0) return spans;
  return [...spans, ...typedSpans('列表', text), ...spansOf(peopleRole, text)];
}

/**
 * Spans of `text` of the kind the question asks for, with the unit it names (多少名) and, for a
 * 人物 question naming a role (党总支书记是谁), only the people holding that role.
 */
export function askedSpans(analysis: QuestionAnalysis, text: string): TextSpan[] {
  const roles = analysis.answerType === '人物' ? askedRoles(analysis) : [];
  const counted = analysis.answerType === '数量' ? countedNounOf(analysis.question) : null;
  const spans = spansOfType(analysis, text)
    .filter((span) => unitFits(analysis.unit, text.slice(span.start, span.end)))
    // A year is no count (党员张伟中入选2021年…), and 一 with its classifier before a noun is Chinese
    // for “a” (一位党员教师对接一位群众教师).
    .filter((span) => analysis.answerType !== '数量' || !(yearOnly.test(text.slice(span.start, span.end)) || (knobs.articleOne.test(text.slice(span.start, span.end)) && /^\p{Script=Han}/u.test(text.slice(span.end)))))
    .filter((span) => roles.length === 0 || holdsRole(text, span, roles))
    .filter((span) => counted === null || countsNoun(text, span, counted))
    .filter((span) => analysis.answerType !== '数量' || knobs.winningAsked.test(analysis.question) || !knobs.peopleCounted.test(text.slice(span.start, span.end)) || !knobs.winnersCounted.test(text.slice(span.end)));
  // 多少家 beside 80个项目 and 26家主流媒体: a count in the very unit asked goes before one its unit's group lets answer.
  const unit = analysis.unit;
  const exact = unit ? spans.filter((span) => text.slice(span.start, span.end).includes(unit)) : [];
  return exact.length > 0 ? exact : spans;
}

/** What a count question counts, when it names it right after 多少/几 (多少个教科研实训室 → 教科研实训室). */
function countedNounOf(question: string): string | null {
  const noun = knobs.countedNoun.exec(question)?.[1];
  return noun && [...noun].length >= 2 ? noun : null;
}

/**
 * Whether a number counts the noun asked: the words beside it in its clause share a character pair
 * with the noun, or the sentence does not name the noun elsewhere
 * (支部设置16个党员先锋岗，岗位配置…所需的教科研实训室 names 教科研实训室 without counting it).
 */
function countsNoun(text: string, span: TextSpan, noun: string): boolean {
  if (nounBeside(text, span, noun)) return true;
  const { before, after } = besideSpan(text, span);
  return !(text.slice(0, span.start - before.length) + text.slice(span.end + after.length)).includes(noun);
}

/** The words of a number's clause right before and after it. */
function besideSpan(text: string, span: TextSpan): { before: string; after: string } {
  return {
    before: /[^，。；;、,]{0,12}$/u.exec(text.slice(0, span.start))?.[0] ?? '',
    after: /^[^，。；;、,]{0,12}/u.exec(text.slice(span.end))?.[0] ?? '',
  };
}

/** Whether the noun stands after the number (16个党员先锋岗), right before it (“红牌”7张, 学徒制学生1000余人), or is its unit (多少平方米). */
function nounBeside(text: string, span: TextSpan, noun: string): boolean {
  const { before, after } = besideSpan(text, span);
  const own = text.slice(span.start, span.end);
  return bigramsOf(noun).some((gram) => after.includes(gram) || before.includes(gram) || own.includes(gram));
}

/** Whether `text` counts the noun the question counts right at one of its numbers. */
export function countsAskedNounRightThere(analysis: QuestionAnalysis, text: string): boolean {
  const counted = analysis.answerType === '数量' ? countedNounOf(analysis.question) : null;
  if (counted === null) return false;
  // 全国性活动26次, 开展26次活动: the noun touches the number (its measure word between), not 七大专题系列学习活动.
  // A grade or a year (2019级学生) counts no one.
  const after = new RegExp(`^(?![级届年])[\\p{Script=Han}]?${escapeRegExp(counted)}`, 'u');
  return askedSpans(analysis, text).some((span) => text.slice(0, span.start).endsWith(counted) || after.test(text.slice(span.end)));
}

/**
 * Whether a span of `text` is a count of the very noun the question counts, named beside it
 * (解决实际问题65个 for 解决了多少个实际问题): then its clause is the answer whatever else the
 * sentence says of the topic.
 */
export function countsAskedNoun(analysis: QuestionAnalysis, text: string, span: TextSpan): boolean {
  const counted = analysis.answerType === '数量' ? countedNounOf(analysis.question) : null;
  return counted !== null && nounBeside(text, span, counted);
}

const rolesLongestFirst = [...roleWords].sort((a, b) => b.length - a.length);

/**
 * The roles a question asks for, as it writes them: jieba cuts 党总支书记 into 党总支 +
 * 书记 and 副书记 into 副 + 书记, but a 支部书记 is no 党总支书记 and a 副院长 no 院长. The longest role
 * word the question holds wins; 副 before it asks for the deputy.
 */
export function askedRoles(analysis: QuestionAnalysis): string[] {
  // A quoted name (“最受师生喜爱书记”) is what is asked about, not a role.
  // 党总支的书记 is the 党总支书记, whom a 支部书记 who sits on the 党总支 (党总支委员、支部书记) is not.
  let question = analysis.question.replace(/(党委|党总支|党支部|总支|支部)的(?=副?书记)/gu, '$1');
  for (const name of analysis.quoted) question = question.split(name).join('|');
  const roles: string[] = [];
  const taken: [number, number][] = [];
  for (const role of rolesLongestFirst) {
    for (let at = question.indexOf(role); at >= 0; at = question.indexOf(role, at + 1)) {
      if (taken.some(([start, end]) => at < end && start < at + role.length)) continue;
      taken.push([at, at + role.length]);
      const asked = question[at - 1] === '副' && !role.startsWith('副') ? `副${role}` : role;
      if (!roles.includes(asked)) roles.push(asked);
    }
  }
  return roles;
}

/**
 * Whether a person named at `span` holds one of `roles`: the role stands right after the name, or
 * in the titles before it back to the sentence's last stop or the person named before
 * (苏州校区党委书记兼国际学院、中法学院院长杨伟国).
 */
export function holdsRole(sentence: string, span: TextSpan, roles: readonly string[]): boolean {
  if (roles.some((role) => namesRole(sentence.slice(span.end, span.end + 4), role))) return true;
  let start = Math.max(0, span.start - knobs.titleChainLength);
  for (const other of personSpans(sentence)) if (other.end <= span.start && other.end > start) start = other.end;
  const titles = sentence.slice(start, span.start);
  const stop = Math.max(...['。', '；', '！', '？'].map((mark) => titles.lastIndexOf(mark)));
  return roles.some((role) => namesRole(titles.slice(stop + 1), role));
}

/** Whether `text` names `role` itself, not its deputy (院长 in 副院长, 书记 in 党委副书记). */
function namesRole(text: string, role: string): boolean {
  for (let at = text.indexOf(role); at >= 0; at = text.indexOf(role, at + 1)) if (role.startsWith('副') || text[at - 1] !== '副') return true;
  return false;
}

/** Whether a quantity's unit is the one asked for (多少名 → 名/人/位; no unit asked: any). */
function unitFits(unit: string | null, span: string): boolean {
  if (!unit) return true;
  // 个 counts items (项) and organisations (家) alike: every group that holds the unit answers.
  const groups = unitGroups.filter((units) => units.includes(unit));
  const candidates = [...(groups.length > 0 ? groups.flat() : [unit]), ...(unitsAlsoAnswering[unit] ?? [])];
  // 人次 holds 人: it answers only where the unit asked allows it.
  return candidates.some((candidate) => span.includes(candidate)) && (candidates.includes('人次') || !span.includes('人次'));
}

/** Whether a sentence asks rather than states (an FAQ's question: 医院可以向社会公开募集医疗物资吗？). */
export function isAsking(sentence: string): boolean {
  return /[？?]\s*$/u.test(sentence);
}

/** The question without the names of its subject and its question words: what a sentence may repeat as a phrase. */
export function phraseText(analysis: QuestionAnalysis): string {
  let text = analysis.question.toLowerCase();
  for (const term of analysis.terms) if (term.role === 'subject') text = text.split(term.word.toLowerCase()).join('|');
  return text.replace(/[？?。！!，,、“”"\s]/gu, '|');
}

/** Length of the longest run of characters (three or more) of `question` that `sentence` repeats; 0 if none. */
export function longestSharedRun(question: string, sentence: string): number {
  let longest = 0;
  for (let start = 0; start < question.length; start++) {
    for (let length = Math.max(longest + 1, 3); start + length <= question.length; length++) {
      const piece = question.slice(start, start + length);
      if (piece.includes('|') || !sentence.includes(piece)) break;
      longest = length;
    }
  }
  return longest;
}

/** The longest shared run as a 0..1 share: three characters or fewer count nothing. */
export function phraseShare(question: string, sentence: string): number {
  return Math.min(1, Math.max(0, longestSharedRun(question, sentence) - 3) / knobs.phraseLength);
}

/**
 * Scores every sentence of the retrieved passages against the question and decides whether they
 * answer it. Sentences are returned in retrieval order, each passage's in document order.
 */
export function gatherEvidence(snapshot: IndexSnapshot, hits: readonly SearchHit[], analysis: QuestionAnalysis, options: { scoped?: boolean } = {}): Evidence {
  const all = prepare(analysis.terms);
  const core = all.filter((match) => match.term.role === 'subject' || match.term.role === 'topic');
  const topic = core.filter((match) => match.term.role === 'topic');
  // What a typed answer must stand next to: the question's words but its intent and the names that
  // pick the article (1974年3月加入中国共产党 answers 王永昌是哪年加入中国共产党的).
  const focus = all.filter((match) => match.term.role !== 'intent' && !(match.term.role === 'subject' && (match.term.critical || match.term.place)));
  const focusWeight = focus.reduce((sum, match) => sum + match.term.weight, 0);
  const weightiest = weightiestTopic(analysis);
  const keyTerm = topic.find((match) => match.term === weightiest);
  const critical = all.filter((match) => match.term.critical);
  const places = all.filter((match) => match.term.place);
  const totalWeight = all.reduce((sum, match) => sum + match.term.weight, 0);
  const coreWeight = core.reduce((sum, match) => sum + match.term.weight, 0);
  const topicWeight = topic.reduce((sum, match) => sum + match.term.weight, 0);
  const typed = isTyped(analysis.answerType);
  // Units named within a college (海盐学院 of 嘉职院): those its article names in its text but not as
  // its own unit, where a typed answer must stand beside them. Another name for its own unit (风能学院
  // 老师党支部) is not looked for.
  const organisations = analysis.colleges.length > 0 ? analysis.otherOrganisations.map((name) => name.toLowerCase()) : [];
  const unitsByArticle = new Map<string, string[]>();
  const unitsWithin = (chunk: IndexedChunk): string[] => {
    let units = unitsByArticle.get(chunk.document.docId);
    if (units === undefined) {
      const context = documentContext(chunk).toLowerCase();
      const text = snapshot.documentText(chunk.document).toLowerCase();
      units = organisations.filter((name) => !namesIn(name, context) && namesIn(name, text));
      unitsByArticle.set(chunk.document.docId, units);
    }
    return units;
  };
  const asked = askedYears(analysis.question);
  const askedUnits = analysis.answerType === '成效' ? unitsAsked(analysis) : [];
  const effectAimed = analysis.answerType === '成效' && knobs.aimedEffect.asked.test(analysis.question);
  const honouredAsked = analysis.answerType === '人物' && knobs.honouredPeople.asked.test(analysis.question);
  // A count or date asked of a year (2021年引进人才多少个): a sentence writing that year states it,
  // one of 近两年 only stands beside it.
  const yearsAsked = analysis.answerType === '数量' || analysis.answerType === '时间' ? analysis.terms.filter((term) => isYear(term.word)).map((term) => `${term.word}年`) : [];
  // Years of the sentences that would answer but for being dated by another year.
  const yearsInstead = new Set<number>();
  let bestOtherYear = 0;
  // Ranking a practice, an outcome or a list within the articles the subject picked: its names weigh
  // at most subjectAgainstTopic times the topic, so the sentence that restates the college's full
  // name (an article's lede) does not outrank the ones that say the topic (该党总支…党建联建). A typed
  // answer keeps them: 经济学院的院长 is told from 统计学院院长 by the unit.
  const subjectWeight = coreWeight - topicWeight;
  const subjectScale = !typed && topicWeight > 0 && subjectWeight > topicWeight * knobs.subjectAgainstTopic ? (topicWeight * knobs.subjectAgainstTopic) / subjectWeight : 1;
  const rescale = (matches: readonly MatchTerm[]): MatchTerm[] => matches.map((match) => (match.term.role === 'subject' ? { ...match, term: { ...match.term, weight: match.term.weight * subjectScale } } : match));
  const allRanked = rescale(all);
  const coreRanked = rescale(core);
  const totalRanked = allRanked.reduce((sum, match) => sum + match.term.weight, 0);
  const coreRankedWeight = coreRanked.reduce((sum, match) => sum + match.term.weight, 0);
  const questionCore = phraseText(analysis);
  const practiceAsked = analysis.answerType === '做法' && topicWeight > 0;
  // 1 when the article names everything the question depends on, placeMismatchFactor when it
  // does not name the place, 0 when it misses a name, year or person (undatedYearFactor for a
  // year an undated article does not write).
  // A place is named through the place or name the question puts right after it (上海市宝山区 by
  // 宝山区): an article about the part is about the whole.
  const following = (match: MatchTerm): MatchTerm | undefined => {
    const at = analysis.question.indexOf(match.term.word);
    const end = at < 0 ? -1 : at + match.term.word.length;
    return all.find((other) => other !== match && (other.term.place || other.term.isName) && analysis.question.indexOf(other.term.word) === end);
  };
  const namedWithin = (match: MatchTerm, names: (match: MatchTerm) => boolean): boolean => {
    for (let next = following(match), steps = 0; next && steps < 3; next = following(next), steps++) if (names(next)) return true;
    return false;
  };
  const articleChecks = new Map<string, { fit: number; yearBlind: number }>();
  // The fit, and the fit but for the years asked (an article of 2021 answers 2023年… with another year's figures).
  const articleFits = (chunk: IndexedChunk): { fit: number; yearBlind: number } => {
    let known = articleChecks.get(chunk.document.docId);
    if (known === undefined) {
      const text = `${snapshot.documentText(chunk.document)} ${documentContext(chunk)}`.toLowerCase();
      const names = (match: MatchTerm): boolean => namesTerm(match, text, asked);
      const unnamed = critical.filter((match) => !names(match));
      // An undated article may be of the year asked about without writing it.
      const yearFit = unnamed.length === 0 ? 1 : !chunk.document.date && unnamed.every((match) => isYear(match.term.word)) ? knobs.undatedYearFactor : 0;
      const placeFit = places.every((match) => names(match) || namedWithin(match, names))
        ? 1
        : opensWithOtherPlace(chunk.document.title, snapshot.documentText(chunk.document), places)
          ? knobs.placeConflictFactor
          : selfReference.test(text)
            ? knobs.placeSelfReferenceFactor
            : knobs.placeMismatchFactor;
      known = { fit: yearFit * placeFit, yearBlind: unnamed.every((match) => isYear(match.term.word)) ? placeFit : 0 };
      articleChecks.set(chunk.document.docId, known);
    }
    return known;
  };
  // Where the question's weightiest topic word stands in a sentence: the clause saying it is what the
  // asked year binds (2022年有什么案例被教育部收录 by 被教育部2021年首场新闻发布会收录).
  const keyTermAt = (lowered: string): number[] => (asked.size === 0 || !keyTerm ? [] : keyTerm.forms.map((form) => lowered.indexOf(form)).filter((at) => at >= 0));
  // Where a sentence's answer stands: for a typed question its spans of the kind asked (6000元 of
  // 2023年毕业生月薪…，2024届…就业率…); else, or without one, the clause of the weightiest topic word.
  const answerPlaces = (sentence: string, lowered: string): number[] => {
    const spans = typed ? askedSpans(analysis, sentence).filter((typeSpan) => !yearSpan.test(sentence.slice(typeSpan.start, typeSpan.end))).map((typeSpan) => typeSpan.start) : [];
    return spans.length > 0 ? spans : keyTermAt(lowered);
  };
  // Asked who issued a work or when (哪些部门联合印发了《…》), the sentence naming the work says it.
  const workAsked = analysis.answerType === '机构' || analysis.answerType === '时间' || analysis.answerType === '人物' ? analysis.terms.filter((term) => term.isName && term.role === 'subject' && analysis.question.includes(`《${term.word}`)).map((term) => term.word.toLowerCase()) : [];
  const seen = new Set<string>();
  const sentences: EvidenceSentence[] = [];
  hits.forEach((hit, rank) => {
    const chunk = hit.chunk;
    const text = snapshot.documentText(chunk.document);
    const headingStarts = new Set(chunk.document.headings.map(([start]) => start));
    const context = passageContext(chunk).toLowerCase();
    const { fit: articleFitness, yearBlind } = articleFits(chunk);
    const matchesArticle = articleFitness > 0;
    const everySpan = evidenceSpans(text, chunk.start, chunk.end);
    const spans = everySpan.filter((span) => {
      const sentence = text.slice(span.start, span.end);
      return sentence.replace(/[\s\p{P}\d]/gu, '').length >= 4 && !sentenceCues.attributionOnly.test(sentence.trim());
    });
    // A run-in label on the same line (亮承诺。建立“党员积分管理手册”…) names what the sentence after it
    // tells: its words are that sentence's context, not the sentence before it's.
    const labelOf = new Map<number, string>();
    everySpan.forEach((span, index) => {
      const next = everySpan[index + 1];
      const label = text.slice(span.start, span.end).trim();
      if (next && !span.heading && label.length <= qaKnobs.labelLength && !/[，,；;：:]/u.test(label) && /^[ \t]*$/u.test(text.slice(span.end, next.start))) labelOf.set(next.start, label.toLowerCase());
    });
    const lowered = spans.map((span) => text.slice(span.start, span.end).toLowerCase());
    spans.forEach((span, index) => {
      const key = `${chunk.document.docId}:${span.start}`;
      if (seen.has(key)) return;
      seen.add(key);
      const own = lowered[index]!;
      const neighbours = lowered.slice(Math.max(0, index - knobs.windowRadius), index).concat(lowered.slice(index + 1, index + 1 + knobs.windowRadius)).join(' ');
      // Headings cut off this sentence's line (run-together.ts) are its context, as headings above a passage are.
      const underContext = span.under ? `${context} ${span.under.map((heading) => text.slice(heading.start, heading.end)).join(' ').toLowerCase()}` : context;
      const label = labelOf.get(span.start);
      const spanContext = label ? `${underContext} ${label}` : underContext;
      const inSentence = (match: MatchTerm): number => Math.max(presence(match, own), knobs.contextFactor * presence(match, spanContext));
      const inWindow = (match: MatchTerm): number => Math.max(inSentence(match), knobs.neighbourFactor * presence(match, neighbours));
      const sentence = text.slice(span.start, span.end);
      const isHeading = Boolean(span.heading) || headingStarts.has(span.start) || (runInHeading.test(sentence) && (text[span.start - 1] === '\n' || span.start === chunk.start));
      const typeSpans = spansOfType(analysis, sentence);
      // Without topic words the subject is the topic, and articles name it once, not in every sentence.
      const ownTopicCoverage = topicWeight > 0 ? weightedShare(topic, topicWeight, (match) => presence(match, own)) : 1;
      // A sentence dated by another year is of another year, whatever its article's date: by its
      // opening time (2021年，获…), the clause saying the question's key word (…2021年…收录), or for a
      // typed question the clause holding its answer (2021年打造42个…). A run-in heading
      // (二是师生技能竞赛。) is dated by the sentence it heads.
      const otherYears =
        isHeading && index + 1 < spans.length
          ? yearsElsewhere(text.slice(spans[index + 1]!.start, spans[index + 1]!.end), asked)
          : yearsElsewhere(sentence, asked, answerPlaces(sentence, own));
      const fit = otherYears.length > 0 ? 0 : articleFitness;
      // An article that reports an event in its title or lead dates it by its own date (…首次举办…开放日).
      const datedByArticle = analysis.answerType === '时间' && Boolean(chunk.document.date) && !startUnsaid(analysis, sentence) && (sentence.length <= knobs.datedHeadlineLength || (inRecentLead(text, span.start) && knobs.reportedDone.test(sentence) && !knobs.askedStart.test(analysis.question))) && weightedShare(focus, focusWeight, (match) => presence(match, own)) >= knobs.datedHeadlineCoverage;
      // A unit the question names within a college (嘉职院海盐学院有多少老师) is what a typed answer is
      // of: where the article is not its own, the sentence or those beside it name it.
      const unitAway = typed && unitsWithin(chunk).some((name) => ![own, neighbours].some((text) => namesIn(name, text)));
      // A name asked of what a sentence tells (廉洁文化建设叫什么) may be its run-in label's
      // (三是推进“廉风洁雨”建设。 before 通过…营造廉洁文化氛围…).
      const namedByLabel = analysis.answerType === '名称' && ownTopicCoverage >= knobs.labelNamesTopic && labelNames(analysis, text, span.start);
      const typedAlone = typeSpans.length > 0 && (typed ? typedMatchIn(sentence, analysis, focus, focusWeight, neighbours) : true);
      // 红船精神第一课是谁讲的 against 书记讲好“思政第一课”: a person beside another thing's name is not the one asked.
      const ofAnother = analysis.answerType === '人物' && typedAlone && modifiersOfAnother(analysis, sentence, termsNotIn(analysis, `${own} ${spanContext}`, ['topic']), true).length > 0;
      const typedMatch = !unitAway && !ofAnother && (datedByArticle || typedAlone || namedByLabel);
      const coverage = weightedShare(all, totalWeight, inSentence);
      const windowCoverage = weightedShare(all, totalWeight, inWindow);
      const coreCoverage = coreWeight > 0 ? weightedShare(core, coreWeight, inWindow) : windowCoverage;
      // Without topic words of its own (嘉兴职业技术学院取得了哪些成效？) the subject is the topic; a
      // question with neither, asked within an article or a college the user chose (有哪些具体做法？),
      // is about that scope.
      const topicCoverage = topicWeight > 0 ? weightedShare(topic, topicWeight, inWindow) : coreWeight > 0 || !options.scoped ? coreCoverage : 1;
      const keyPresent = keyTerm === undefined || inWindow(keyTerm) >= knobs.partsFound;
      const typeFactor = typed && !typedMatch ? knobs.missingTypeFactor : 1;
      const strength = fit * topicCoverage * typeFactor;
      const answersOtherYear = otherYears.length > 0 && articleFitness * topicCoverage * typeFactor >= knobs.minimumCoverage;
      // Of an article that never writes the year asked, only a sentence saying the topic itself counts.
      const ofOtherYear = otherYears.length > 0 && yearBlind * topicCoverage * typeFactor >= knobs.minimumCoverage && (articleFitness > 0 || ownTopicCoverage >= knobs.otherYearOwnTopic);
      if (ofOtherYear) for (const year of otherYears) yearsInstead.add(year);
      const lengthFit = sentence.length < 12 ? 0.6 : sentence.length > 260 ? 0.85 : 1;
      // Unscaled, the ranking weights are the question's own: the shares above serve.
      const matched =
        subjectScale === 1
          ? knobs.ownWeight * coverage + knobs.windowWeight * windowCoverage + knobs.coreWeight * coreCoverage
          : knobs.ownWeight * weightedShare(allRanked, totalRanked, inSentence) + knobs.windowWeight * weightedShare(allRanked, totalRanked, inWindow) + knobs.coreWeight * (coreRankedWeight > 0 ? weightedShare(coreRanked, coreRankedWeight, inWindow) : weightedShare(allRanked, totalRanked, inWindow));
      // Every sentence of a chosen scope is on topic when the question names none; the kind of answer decides.
      const relevance = coreWeight === 0 && options.scoped ? Math.max(matched, knobs.scopedRelevance) : matched;
      const score =
        relevance *
        (1 + knobs.phraseWeight * phraseShare(questionCore, own)) *
        Math.max(fit, knobs.articleMismatchFactor) *
        typeFit(analysis.answerType, sentence, typedMatch) *
        lengthFit *
        (1 / (1 + knobs.rankDecay * rank)) *
        (isHeading ? knobs.headingFactor : 1) *
        (sentenceCues.preamble.test(sentence) ? knobs.preambleFactor : 1) *
        (practiceAsked && newsDateline.test(sentence) ? knobs.ledeFactor : 1) *
        (isAsking(sentence) ? knobs.questionFactor : 1) *
        (workAsked.length > 0 && workAsked.every((title) => own.includes(title)) ? knobs.namedWorkFactor : 1) *
        (honouredAsked ? (statesHonour(sentence) ? knobs.honouredPeople.factor : knobs.honouredPeople.without) : 1) *
        (yearsAsked.length > 0 && typedMatch && yearsAsked.some((year) => sentence.includes(year)) ? knobs.yearWrittenFactor : 1) *
        (analysis.answerType === '成效' ? sectionFit(chunk.headingPath) * (honouredOther(askedUnits, sentence) ? knobs.otherHolderFactor : 1) * (effectAimed && knobs.aimedEffect.stated.test(sentence) ? knobs.aimedEffect.factor : 1) : 1);
      // What it would score were it of the year asked.
      if (answersOtherYear) bestOtherYear = Math.max(bestOtherYear, (score / Math.max(fit, knobs.articleMismatchFactor)) * Math.max(articleFitness, knobs.articleMismatchFactor));
      sentences.push({ chunk, rank, start: span.start, end: span.end, text: sentence, isHeading, isHeadline: Boolean(span.headline), coverage, windowCoverage, coreCoverage, topicCoverage, ownTopicCoverage, keyPresent, typeSpans, typedMatch, articleMatches: matchesArticle, strength, score, ...(namedByLabel && !typedAlone ? { namedByLabel } : {}), ...(otherYears.length > 0 ? { otherYears } : {}), ...(ofOtherYear ? { ofOtherYear } : {}) });
    });
  });
  const judged = judge(snapshot, sentences, hits, analysis, all, asked, Boolean(options.scoped));
  // The sentence that says most of the question tells another year: a weaker one that states no
  // year (打造“一院一品”…品牌案例6个 for 2022年打造了多少个党建特色品牌, beside 2021年打造42个…) is no answer.
  const bestAnswering = Math.max(0, ...sentences.filter((sentence) => sentence.strength >= knobs.minimumCoverage).map((sentence) => sentence.score));
  const verdict = judged.answerable && bestOtherYear > bestAnswering ? { ...judged, answerable: false } : judged;
  return { sentences, verdict: !verdict.answerable && yearsInstead.size > 0 ? { ...verdict, yearsInstead: { asked: [...asked].sort((a, b) => a - b), stated: [...yearsInstead].sort((a, b) => a - b) } } : verdict };
}

/** Whether a sentence starting at `start` is of a news lead that opens on a recent time (日前，…): the article's date dates it. */
function inRecentLead(text: string, start: number): boolean {
  const recent = knobs.recency.exec(text.slice(0, knobs.datedLeadOpening));
  return recent !== null && recent.index <= start && start - recent.index <= knobs.datedLeadCharacters;
}

/** The units a question asks about by their kind (党总支 of 自动化学院党总支获得过哪些荣誉), not its college. */
function unitsAsked(analysis: QuestionAnalysis): string[] {
  return analysis.terms.filter((term) => (term.role === 'subject' || term.role === 'topic') && !analysis.colleges.includes(term.word) && sentenceCues.holderUnit.test(term.word)).map((term) => term.word);
}

/**
 * Whether a sentence's honours are another holder's than the units asked about: it does not name
 * them, and its honour clause opens with another unit or group (“机电一体化教学团队”获得了…称号).
 */
function honouredOther(units: readonly string[], sentence: string): boolean {
  if (units.length === 0 || units.some((unit) => sentence.includes(unit))) return false;
  return sentence.split(/[，；。,;]/u).some((clause) => {
    if (!sentenceCues.honour.test(clause)) return false;
    const holder = sentenceCues.honourHolder.exec(clause.trim())?.[1]?.replace(/[“”"]/gu, '');
    if (holder === undefined || !sentenceCues.holderUnit.test(holder)) return false;
    // 支部 or 学院党总支 is the 教工党支部 or 党总支 asked about, said short or with its school.
    return !units.some((unit) => unit.endsWith(holder) || (holder.endsWith(unit) && holder.length <= unit.length + 2));
  });
}

/** A span that is a year (2017年): a count's span may be one, but it dates rather than answers. */
const yearSpan = /^(?:19|20)\d{2}\s*年/u;

const nameSeparator = /[、，,·•\-—–\/\s]/u;
const nameSeparators = new RegExp(nameSeparator.source, 'gu');
const withoutSeparators = (text: string): string => text.replace(nameSeparators, '');

/**
 * Whether a text names `name`: as written, or with a few characters more in between (机电与模具学院
 * for 机电与模具工程学院), starting with the same two characters.
 */
export function namesIn(name: string, text: string): boolean {
  if (text.includes(name)) return true;
  // The marks between a name's parts are written either way (筑基、示范、向阳 for 筑基-示范-向阳).
  const characters = [...name].filter((character) => !nameSeparator.test(character));
  if (characters.length < 4) return false;
  const opening = characters.slice(0, 2).join('');
  const limit = name.length + Math.max(knobs.nameSlack, Math.round(characters.length / 2));
  for (let at = text.indexOf(opening); at >= 0; at = text.indexOf(opening, at + 1)) {
    let position = at + opening.length;
    let matched = 2;
    for (; matched < characters.length; matched++) {
      const next = text.indexOf(characters[matched]!, position);
      if (next < 0 || next + 1 - at > limit) break;
      position = next + characters[matched]!.length;
    }
    if (matched === characters.length) return true;
  }
  return false;
}

/**
 * Whether a text names a unit by a short form keeping some of its name's characters in order, the first
 * among them, and its closing noun (机模学院 for 机电与模具工程学院, 精密系 for 精密制造工程系).
 */
export function abbreviatedIn(short: string, text: string): boolean {
  const noun = unitNoun.exec(short)?.[0];
  const kept = noun ? [...short.slice(0, -noun.length)] : [];
  if (!noun || kept.length < 2) return false;
  for (let at = text.indexOf(kept[0]!); at >= 0; at = text.indexOf(kept[0]!, at + 1)) {
    let position = at + 1;
    for (const character of kept.slice(1)) {
      const next = text.indexOf(character, position);
      position = next >= 0 && next - at <= knobs.abbreviationReach ? next + 1 : -1;
      if (position < 0) break;
    }
    const closing = position < 0 ? -1 : text.indexOf(noun, position);
    if (closing >= 0 && closing - position <= knobs.abbreviationReach / 2) return true;
  }
  return false;
}

const unitNoun = /(?:学院|系|党总支|总支|党支部|支部)$/u;

/** A text without its quotation marks, where a name quoted in part is read whole. */
export function withoutQuotationMarks(text: string): string {
  return text.replace(/[“”‘’]/gu, '');
}

/**
 * Asked how many (…典型案例，有多少个), the clause of the sentence saying most of the topic that counts
 * it only vaguely (形成一批“课堂革命”典型案例), when no clause saying a topic word has a number, in that
 * sentence or in one saying as much of the topic (its other numbers count other things: 1200平方米,
 * 企业15家); else undefined.
 */
function countGivenVaguely(sentences: readonly EvidenceSentence[], analysis: QuestionAnalysis): string | undefined {
  if (analysis.answerType !== '数量') return undefined;
  const said = sentences.filter((sentence) => sentence.articleMatches);
  const top = [...said].sort((a, b) => b.ownTopicCoverage - a.ownTopicCoverage || b.strength - a.strength)[0];
  if (!top || top.ownTopicCoverage <= 0) return undefined;
  // Its words of two characters or more: one (改) is said by many things.
  const topicWords = analysis.terms.filter((term) => term.role === 'topic' && [...term.word].length >= 2).map((term) => term.word.toLowerCase());
  const clausesOf = (text: string): string[] => text.split(/[，,；;。！!？?]/u);
  const vagueWords = new RegExp(knobs.vagueCount.source, 'gu');
  const saysTopic = (clause: string): boolean => topicWords.some((word) => clause.toLowerCase().includes(word));
  // A clause saying the topic with a number (…典型案例25个) counts it, in this sentence or one saying as much.
  const counted = said.some((sentence) => sentence.ownTopicCoverage >= top.ownTopicCoverage && clausesOf(sentence.text).some((clause) => saysTopic(clause) && knobs.countInClause.test(clause.replace(vagueWords, ''))));
  if (counted) return undefined;
  // Of the clauses counting vaguely, the one saying most of the topic (淘汰了一批…专业 over 新增转设一批紧缺专业).
  let found: { clause: string; said: number } | undefined;
  for (const clause of clausesOf(top.text)) {
    const vague = knobs.vagueCount.exec(clause);
    if (!vague) continue;
    const after = clause.slice(vague.index).toLowerCase();
    if (!topicWords.some((word) => after.includes(word))) continue;
    const said = topicWords.filter((word) => clause.toLowerCase().includes(word)).length;
    if (!found || said > found.said) found = { clause: clause.trim(), said };
  }
  return found?.clause;
}

/**
 * The name a question says the article gives only short, asking which one it is (只写了“能源集团”，到底是
 * 哪家), when every sentence that writes it writes nothing longer ending in it (党总支与能源集团、…); else undefined.
 */
function shortNameOnly(sentences: readonly EvidenceSentence[], analysis: QuestionAnalysis): string | undefined {
  const name = knobs.shortNameAsked.exec(analysis.question)?.[1];
  if (!name) return undefined;
  const writing = sentences.filter((sentence) => sentence.articleMatches && sentence.text.includes(name));
  if (writing.length === 0) return undefined;
  const longer = writing.some((sentence) => [...sentence.text.matchAll(new RegExp(escapeRegExp(name), 'gu'))].some((match) => !knobs.shortNameBefore.test(sentence.text.slice(Math.max(0, match.index - 1), match.index))));
  return longer ? undefined : name;
}

/** The names the question depends on that no retrieved passage (nor its context) mentions. */
function missingNames(hits: readonly SearchHit[], matches: readonly MatchTerm[], asked: ReadonlySet<number>): string[] {
  // A name quoted in part (对标“七个有力”) names the whole (对标七个有力): read without quotation marks too.
  const texts = hits.flatMap((hit) => {
    const text = `${hit.chunk.text} ${passageContext(hit.chunk)}`.toLowerCase();
    return [text, withoutQuotationMarks(text)];
  });
  return matches.filter(({ term }) => term.critical).filter((match) => !texts.some((text) => namesTerm(match, text, asked))).map(({ term }) => term.word);
}

/** Whether a text names a term the question depends on; a year of a span asked about (2020到2022年间) is named by any year within it. */
function namesTerm(match: MatchTerm, text: string, asked: ReadonlySet<number>): boolean {
  // A quote within a name (“建设‘红船堡垒’ 夯实党建之基”) is read as the article quotes it, or without marks.
  if (match.forms.some((form) => namesIn(form, text) || namesIn(withoutQuotationMarks(form), text) || (match.term.isName && abbreviatedIn(form, text)))) return true;
  return isYear(match.term.word) && asked.size > 2 && [...asked].some((year) => text.includes(String(year)));
}

function judge(snapshot: IndexSnapshot, sentences: readonly EvidenceSentence[], hits: readonly SearchHit[], analysis: QuestionAnalysis, matches: readonly MatchTerm[], asked: ReadonlySet<number>, scoped: boolean): EvidenceVerdict {
  const missing = missingNames(hits, matches, asked);
  let strength = 0;
  let unlisted: string | undefined;
  for (const sentence of sentences) strength = Math.max(strength, sentence.strength);
  // A list question that counts its items (哪七个一) needs the items, not a mention of the list.
  if (strength >= knobs.minimumCoverage && analysis.expectedCount !== null && (analysis.answerType === '列表' || analysis.answerType === '定义')) {
    const enumeration = findEnumeration(snapshot, sentences.filter((sentence) => sentence.articleMatches), analysis);
    // Nor the list of something else beside the name (“四双”机制，并通过蹲苗历练、挂职锻炼…等措施).
    // A list the article closes as examples of the counted whole (工业互联网、时尚设计、智能制造等十大重点专业群)
    // is all it names of it: those are the answer.
    const last = enumeration?.items[enumeration.items.length - 1];
    const examplesOfWhole = last !== undefined && enumeration?.ofName !== false && /、[^、，,。；;]{1,16}等(?:[两二三四五六七八九十]|\d)/u.test(snapshot.documentText(last.chunk.document).slice(last.start, last.end + 8));
    if (!enumeration || enumeration.ofName === false || (enumeration.count < Math.ceil(analysis.expectedCount * knobs.listShare) && !examplesOfWhole)) {
      strength *= knobs.missingTypeFactor;
      const name = analysis.quoted[analysis.quoted.length - 1];
      if (name && sentences.some((sentence) => sentence.articleMatches && sentence.text.includes(name))) unlisted = name;
    }
  }
  // An undated article may be of the year asked about without writing it (see articleFit): a
  // missing year alone does not refuse then, though the refusal still names it.
  const undated = hits.some((hit) => !hit.chunk.document.date);
  const blocking = missing.filter((word) => !(undated && isYear(word)));
  // A question asked within a scope the user chose (有哪些具体做法？) may share no words with its answer.
  const bestSentence = scoped ? 1 : Math.max(0, ...sentences.filter((sentence) => sentence.articleMatches).map((sentence) => sentence.coverage));
  const answerable = hits.length > 0 && analysis.totalWeight > 0 && blocking.length === 0 && strength >= knobs.minimumCoverage && bestSentence >= knobs.minimumSentenceCoverage;
  // What the strongest sentence would weigh with a span of the asked type: enough, had it one.
  const withoutType = Math.max(0, ...sentences.map((sentence) => (sentence.typedMatch ? 0 : sentence.strength / knobs.missingTypeFactor)));
  // A question of generic words only (张三是谁, which jieba reads as 张 + 三) is about nothing the articles speak of.
  const aboutSomething = coreTerms(analysis).length > 0;
  const lacking = !answerable && aboutSomething && isTyped(analysis.answerType) && missing.length === 0 && withoutType >= knobs.minimumCoverage && bestSentence >= knobs.minimumSentenceCoverage;
  const mentionedOnly = missing.length === 0 ? collegeMentionedOnly(snapshot, sentences, analysis) : undefined;
  if (mentionedOnly) return { answerable: false, strength, missing, mentionedOnly };
  const unnamedHonour = missing.length === 0 ? honourUnnamed(snapshot, sentences, analysis) : undefined;
  if (unnamedHonour) return { answerable: false, strength, missing, unnamedHonour };
  const vaguelyCounted = answerable ? countGivenVaguely(sentences, analysis) : undefined;
  if (vaguelyCounted) return { answerable: false, strength, missing, vaguelyCounted };
  const shortName = answerable ? shortNameOnly(sentences, analysis) : undefined;
  if (shortName) return { answerable: false, strength, missing, shortNameOnly: shortName };
  return { answerable, strength, missing, ...(lacking ? { lacking: analysis.answerType } : {}), ...(!answerable && unlisted ? { unlisted } : {}) };
}

/**
 * A college no article is of, asked about as the question's subject (青海柴达木职业技术学院有什么党建
 * 经验), while articles name it in passing (a partner, a visitor): what they tell is another
 * college's work, never its own. Its name, or undefined.
 */
function collegeMentionedOnly(snapshot: IndexSnapshot, sentences: readonly EvidenceSentence[], analysis: QuestionAnalysis): string | undefined {
  if (analysis.colleges.length > 0 || !ownPracticeTypes.includes(analysis.answerType) || !ownPracticeAsked.test(analysis.question)) return undefined;
  const name = analysis.otherOrganisations[0];
  if (!name || !collegeNameEnding.test(name) || !analysis.question.replace(subjectOpening, '').startsWith(name)) return undefined;
  const ofIt = ({ college, unit, title }: IndexedDocument): boolean =>
    title.includes(name) || (college !== '' && (college.includes(name) || name.includes(college))) || (unit !== '' && (unit.includes(name) || namesIn(name, unit)));
  if (snapshot.documents.some(ofIt)) return undefined;
  // Named only in passing, in articles of other colleges: an article whose college is unknown may be its own.
  const naming = sentences.filter((sentence) => sentence.text.includes(name));
  return naming.length > 0 && naming.every((sentence) => sentence.chunk.document.college !== '' && namedInPassing(sentence.text, name)) ? name : undefined;
}

/**
 * The honour a yes-or-no question asks about (全国先进基层党组织), when no article the evidence
 * finds of its subject names it: they can neither say yes nor, by their silence, no.
 */
function honourUnnamed(snapshot: IndexSnapshot, sentences: readonly EvidenceSentence[], analysis: QuestionAnalysis): string | undefined {
  if (analysis.answerType !== '是否') return undefined;
  const honour = honourAskedIn(analysis.question);
  if (!honour) return undefined;
  const articles = new Set(sentences.filter((sentence) => sentence.articleMatches).map((sentence) => sentence.chunk.document));
  if (articles.size === 0) return undefined;
  return [...articles].some((document) => namesHonour(snapshot.documentText(document), honour.noun)) ? undefined : honour.asWritten;
}

/** Whether every place a sentence names `name` is a passing mention (see `passingMention`). */
function namedInPassing(sentence: string, name: string): boolean {
  for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + name.length)) {
    if (!passingMention.before.test(sentence.slice(0, at)) && !passingMention.after.test(sentence.slice(at + name.length))) return false;
  }
  return true;
}

/** Character bigrams of a text, for near-duplicate checks between sentences. */
function bigramSet(text: string): Set<string> {
  const compact = text.replace(/[\s\p{P}]/gu, '');
  const set = new Set<string>();
  for (let index = 0; index + 1 < compact.length; index++) set.add(compact.slice(index, index + 2));
  return set;
}

/** True when two texts say nearly the same thing (reposts, a summary repeating its body). */
export function nearlySame(left: string, right: string): boolean {
  const a = bigramSet(left);
  const b = bigramSet(right);
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / Math.min(a.size, b.size) > 0.7;
}

/**
 * Picks up to `limit` sentences by score, skipping near-duplicates of sentences already picked and
 * those below `floor` × the best score.
 */
export function selectSentences<T extends EvidenceSentence>(candidates: readonly T[], limit: number, floor = 0.45, minimum = 0): T[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
  const best = sorted[0]?.score ?? 0;
  const chosen: T[] = [];
  for (const candidate of sorted) {
    if (chosen.length >= limit) break;
    if (candidate.score < Math.max(minimum, best * floor)) break;
    if (chosen.some((other) => nearlySame(other.text, candidate.text))) continue;
    chosen.push(candidate);
  }
  return chosen;
}
