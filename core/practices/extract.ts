/**
 * Finds the named practices of one article, offline: quoted names and numbered programmes with the
 * verbs and head words around them (实施“三亮三比”工程, 建立起新教师培养“四双”机制), a few unquoted
 * patterns (共建校企协同党建基地, 把支部建在专业群上), and for each a one-sentence description, its
 * parts, the sentences stating its outcomes, the heading it sits under and a category. Every field
 * is a span of the cleaned text, so it can be cited and highlighted as answers are.
 *
 * What is not a practice stays out: ideas and slogans (…的办学理念), honours (获批“双创”示范基地),
 * problems (“五唯”积弊), national formulas (“四个意识”), titles in 《》, emphasis (“牛鼻子”).
 * The word lists are in cues.ts; the rules are here.
 */
import { splitSentences, type Span } from '../text/sentences.ts';
import { articlePrior, categorize } from './categorize.ts';
import {
  exampleHeads,
  genericQuotes,
  goalWords,
  honourWords,
  instrumentWords,
  minimumPartyWords,
  nameEndings,
  nationalFormulas,
  nonPracticeHeads,
  otherVerbs,
  outcomePattern,
  partyWords,
  practiceHeads,
  singularHeads,
  strongVerbs,
  tailStopVerbs,
  tailStops,
  unquotedNameWords,
  weakVerbs,
} from './cues.ts';
import { plainName, practiceKey, quotedCores } from './names.ts';
import type { PracticeCategory } from './taxonomy.ts';
import { WordList } from './word-list.ts';

/** A piece of the article: its text and where it stands (`text === articleText.slice(start, end)`). */
export interface CitedText {
  text: string;
  start: number;
  end: number;
}

/** A practice as extraction finds it in one article. */
export interface ExtractedPractice {
  /** Normalised name (no quotation marks, no trailing head word): one practice per key and article. */
  key: string;
  /** The name as written. */
  name: CitedText;
  /** The verb that introduces it (实施, 打造, …), when there is one. */
  verb: CitedText | null;
  /** One sentence saying what it is. */
  description: CitedText;
  /** Its parts, when the article enumerates them (亮身份、亮职责、亮承诺). */
  components: CitedText[];
  /** Sentences near it stating figures or honours. */
  outcomes: CitedText[];
  /** The heading it sits under, when the article has headings. */
  heading: CitedText | null;
  category: PracticeCategory;
  /** `rules` (this file) or `model` (proposed by a model and found in the text). */
  origin: 'rules' | 'model';
}

/** What extraction reads: the cleaned text and its headings. */
export interface PracticeSourceText {
  text: string;
  headings: readonly Span[];
}

/** Bump when extraction changes what it finds: an index built by an older version is re-ingested. */
export const extractorVersion = 'practices-1';

// ------------------------------------------------------------------------------------------------
// Characters and small scans

const openQuote = '“';
const closeQuote = '”';
const numerals: Record<string, number> = { 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function isNameCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2b || // +
    code === 0xff0b || // ＋
    code === 0xb7 // ·
  );
}

/** Characters a name's qualifier never runs across, looking back from the quotation mark. */
const prefixStops = new Set([...'的了以将在为把对和与及是并等着从由向于其之也都还又个项让使被给如按到共各每该这那'.split('')]);
/** Words a qualifier does not start with: the organisation, an adverb or a count, not part of the name. */
const leadingNoise =
  /^(?:学校|学院|我校|该校|本校|全校|全院|我院|该院|各级|全面|积极|深入|大力|持续|不断|着力|努力|扎实|全力|切实|进一步|高质量|高标准|高起点|常态化|创新|探索|同时|此外|还|并|重点|先后|首个|首批|一批|\d+[个支家所项名批座条]|[一二三四五六七八九十两]+[个支家所项名批座条]|[个项名批])+/;
/** Qualifiers that are the organisation or a place, not part of the name (花桥坝边境检查站“三抓三提”). */
const organisationQualifier = /(?:站|局|院|校|部|镇|村|县|区|市|省|公司|集团|党委|党总支|党支部|支部|委员会|街道|办事处|[^社]区|级)$|^(?:此次|本次|这次|今年|去年|自|从|进|到|以|对|向|由|经)/;

function longestFirst(words: readonly string[]): string[] {
  return [...new Set(words)].sort((left, right) => right.length - left.length);
}

const strongVerbWords = new WordList(strongVerbs);
const weakVerbWords = new WordList(weakVerbs);
const boundaryWords = new WordList([...strongVerbs, ...weakVerbs, ...otherVerbs, ...honourWords]);
const headWords = new WordList(practiceHeads);
const nonHeadWords = new WordList(nonPracticeHeads);
const endingWords = new WordList(nameEndings);
const tailStopWords = new WordList([...tailStops, ...strongVerbs, ...tailStopVerbs, ...honourWords]);
const honourWordList = new WordList(honourWords);
const instrumentWordList = new WordList(instrumentWords);
const exampleHeadWords = new WordList(exampleHeads);
const singularHeadSet = new Set<string>(singularHeads);
const formulaSet = new Set<string>(nationalFormulas);
const genericQuoteSet = new Set<string>(genericQuotes);
const clauseBreak = /[，,；;：:。！？!?\n]/;

/** The verb ending exactly at `end` in `text`, if any (strong verbs first). */
function verbEndingAt(text: string, end: number): { verb: string; strong: boolean } | null {
  const strong = strongVerbWords.endingAt(text, end);
  if (strong !== null) return { verb: strong, strong: true };
  const weak = weakVerbWords.endingAt(text, end);
  return weak === null ? null : { verb: weak, strong: false };
}

function boundaryEndingAt(text: string, end: number): boolean {
  return boundaryWords.endingAt(text, end) !== null;
}

/** Start of the clause holding `position` (after the last clause break before it). */
function clauseStart(text: string, position: number, floor: number): number {
  for (let index = position - 1; index >= floor; index--) if (clauseBreak.test(text[index]!)) return index + 1;
  return floor;
}

/** Whether `position` sits inside a 《title》. */
function insideTitle(text: string, floor: number, position: number): boolean {
  const open = text.lastIndexOf('《', position);
  if (open < floor) return false;
  const close = text.indexOf('》', open);
  return close === -1 || close >= position;
}

/** Text without quotation marks, punctuation and spaces (how formulas are compared). */
function bare(text: string): string {
  return text.replace(/[“”‘’"'、，,。；;：:！？!?（）()《》\s·\-—]/g, '');
}

function chineseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1) return numerals[text] ?? null;
  if (text === '十') return 10;
  if (text.length === 2 && text[0] === '十') return 10 + (numerals[text[1]!] ?? 0);
  return null;
}

/**
 * Numbered programmes: 三亮三比, 四个一, 一月一课一片一实践, 五星, 双带头人, 五大计划, 1+3+N, 5341.
 * Their number-word shape names them even without a head word.
 */
const numberedName = /^(?:[一二三四五六七八九十两双][^、，]{0,3}[一二三四五六七八九十两双]|[一二三四五六七八九十两双百]+[\u4e00-\u9fff]{1,2}$|[一二三四五六七八九十两双百][个大项型位]|双[\u4e00-\u9fff]{1,3}$|\d+[+＋]|\d{3,4}$)/;

/**
 * How many parts a numbered name announces: 五大计划 5, 三室一岗 3 + 1, 四个一 4. Null when the
 * name does not start with a number.
 */
function announcedCount(core: string): number | null {
  const counted = /^([一二三四五六七八九十两双]+)(?:大|个|项)/.exec(core);
  if (counted) return chineseCount(counted[1]!);
  if (!/^[一二三四五六七八九十两双]/.test(core)) return null;
  let total = 0;
  for (const character of core) total += numerals[character] ?? 0;
  return total >= 2 ? total : null;
}

/** The items of an enumeration inside a quotation (红船领航、精英引航…). */
function enumeratedItems(quote: string): string[] {
  const items = quote.split(/[、，,；]/).map((item) => item.trim()).filter(Boolean);
  return items.length >= 2 ? items : [];
}

// ------------------------------------------------------------------------------------------------
// Candidates

interface Quote {
  /** Offsets of the opening and closing marks. */
  open: number;
  close: number;
  /** The text between them. */
  inner: string;
  /** Start of the item in a run: its own qualifier (人才服务专线“精英汇”), else the opening mark. */
  itemStart: number;
}

interface Candidate {
  /** Sentences of later mentions of the same practice (more evidence of its category). */
  mentions?: number[];
  start: number;
  end: number;
  verb: CitedText | null;
  sentence: number;
  components: CitedText[];
  /** Tail like 四大工程 after an enumeration: another mention may name the practice by it. */
  countTail: string | null;
  /** Given as an example (“A”“B”等系列活动): a part of another practice at most. */
  example: boolean;
  /** Candidates that became the parts of another. */
  partOf?: Candidate;
  /** Proposed by a model (see `extractPractices`' names), not found by these rules. */
  proposed?: boolean;
}

/** The quotations of a sentence, paired in order; an unclosed one ends the scan. */
function quotesIn(text: string, span: Span): Quote[] {
  const quotes: Quote[] = [];
  let position = span.start;
  for (;;) {
    const open = text.indexOf(openQuote, position);
    if (open === -1 || open >= span.end) break;
    const close = text.indexOf(closeQuote, open + 1);
    if (close === -1 || close >= span.end) break;
    // A quotation of a whole speech is not a name.
    if (close - open - 1 <= 30) quotes.push({ open, close, inner: text.slice(open + 1, close), itemStart: open });
    position = close + 1;
  }
  return quotes;
}

const runJoin = /^(?:|、|和|与|及|以及|，|,)$/;
const runItemQualifier = /^(?:、|和|以及)([\u4e00-\u9fffA-Za-z0-9]{1,8})$/;

/**
 * Groups quotations that stand side by side into runs sharing what follows: “A”“B”、“C”和“D”, and
 * items with a qualifier of their own (“楼委共智汇”、人才服务专线“精英汇”、创业就业“筑梦汇”等10个项目).
 */
function runsOf(text: string, quotes: Quote[]): Quote[][] {
  const runs: Quote[][] = [];
  for (const quote of quotes) {
    const last = runs.at(-1);
    const previous = last?.at(-1);
    const between = previous ? text.slice(previous.close + 1, quote.open) : null;
    if (last && between !== null && last.length < 12) {
      if (runJoin.test(between)) {
        last.push(quote);
        continue;
      }
      const qualified = runItemQualifier.exec(between);
      if (qualified && !boundaryWords.occursIn(qualified[1]!)) {
        last.push({ ...quote, itemStart: quote.open - qualified[1]!.length });
        continue;
      }
    }
    runs.push([quote]);
  }
  return runs;
}

interface Qualifier {
  start: number;
  /** Where the scan stopped, before the organisation or adverb in front was dropped. */
  rawStart: number;
  verb: { verb: string; strong: boolean; start: number } | null;
  /** The qualifier was the last item of an enumeration (A、B、C“三建融合”): where the enumeration starts. */
  listStart: number | null;
}

/** The qualifier in front of a quotation that belongs to the name (政治素质“首关制”), and the verb before it. */
function qualifierBefore(text: string, floor: number, open: number): Qualifier {
  let start = open;
  while (start > floor && open - start < 12) {
    const character = text[start - 1]!;
    if (character === closeQuote && open - start <= 4) {
      // “两新”组织“红·领·带”行动: an adjacent quoted qualifier is part of the name.
      const inner = text.lastIndexOf(openQuote, start - 2);
      if (inner >= floor && start - inner <= 8) {
        start = inner;
        continue;
      }
      break;
    }
    if (!isNameCode(text.charCodeAt(start - 1)) || prefixStops.has(character) || /[0-9A-Za-z]/.test(character)) break;
    if (boundaryEndingAt(text, start)) break;
    start--;
  }
  const stoppedAt = text[start - 1] ?? '';
  let verbMatch = verbEndingAt(text, start);
  // `建立起`, `打造成`: a verb's complement between it and the name.
  if (!verbMatch && /[起了出成好]/.test(stoppedAt)) verbMatch = verbEndingAt(text, start - 1);
  let verb = verbMatch ? { ...verbMatch, start: text.lastIndexOf(verbMatch.verb, start) } : null;
  if (!verb) {
    const clause = clauseStart(text, start, floor);
    // The items of an enumeration share the verb in front of it, however long the list.
    const reach = stoppedAt === '、' || text[open - 1] === '、' ? Infinity : 24;
    for (let end = start; end > clause && start - end <= reach; end--) {
      const found = verbEndingAt(text, end);
      if (found) {
        verb = { ...found, start: end - found.verb.length };
        break;
      }
    }
  }
  let qualifier = text.slice(start, open).replace(leadingNoise, '');
  let listStart: number | null = null;
  if (stoppedAt === '、') {
    listStart = clauseStart(text, start, floor);
    if (verb && verb.start + verb.verb.length > listStart && verb.start + verb.verb.length <= start) listStart = verb.start + verb.verb.length;
    qualifier = '';
  }
  if (qualifier.length === 1 || organisationQualifier.test(qualifier) || /[0-9A-Za-z]/.test(stoppedAt)) qualifier = '';
  return { start: open - qualifier.length, rawStart: start, verb, listStart };
}

interface Tail {
  /** End of the name (after the head word), or the closing mark when there is none. */
  end: number;
  head: string | null;
  /** A count before the head (五大工程): the run is that many practices. */
  count: number | null;
  /** `等…活动`: the run is a list of examples. */
  examples: boolean;
  /** The quotation is an idea, a goal, an honour or a problem. */
  rejected: boolean;
  /** `以“X”为抓手`. */
  instrument: boolean;
}

/** The window of name characters after a closing mark, up to a verb, a function word or punctuation. */
function tailWindow(text: string, from: number, limit: number): string {
  let window = '';
  for (let index = from; index < limit && window.length < 20; index++) {
    const character = text[index]!;
    const isDecimalPoint = character === '.' && /\d/.test(text[index - 1] ?? '') && /\d/.test(text[index + 1] ?? '');
    if (!isNameCode(text.charCodeAt(index)) && character !== '的' && !isDecimalPoint) break;
    // Words that start something else end the name (作为, 获, 推进…). 为 and 等 right after the
    // mark are read by the caller; a head that holds the word (践行团) or is the word and ends
    // there (“三室一岗”建设。) does not end it.
    const stop = tailStopWords.startingAt(text, index, limit);
    if (stop !== null && !(index === from && (stop === '为' || stop === '等'))) {
      const longerHead = (headWords.startingAt(text, index, limit)?.length ?? 0) > stop.length;
      const ending = index + stop.length >= limit || !isNameCode(text.charCodeAt(index + stop.length));
      if (!longerHead && !(ending && headWords.has(stop))) break;
    }
    window += character;
  }
  return window;
}

/** Reads what follows the closing mark: head word, count, `等`, or a word that rules it out. */
function tailAfter(text: string, close: number, limit: number): Tail {
  const after = close + 1;
  let window = tailWindow(text, after, limit);
  const tail: Tail = { end: after, head: null, count: null, examples: false, rejected: false, instrument: false };
  // “机电一体化教学团队”获得了…: the quotation is the team or person honoured (a practice that won
  // a prize, “红船新农人培养模式”获评…, stays).
  if (window === '' && honourWordList.startingAt(text, after, after + 4) !== null && !practiceShaped(text.slice(text.lastIndexOf(openQuote, close) + 1, close))) {
    tail.rejected = true;
    return tail;
  }
  if (window.startsWith('为')) {
    const rest = window.slice(1);
    const instrument = instrumentWordList.startingAt(rest, 0);
    if (instrument === '主题' || instrument === '标识') {
      // 以“青锋赛”为主题的岗位建功活动: a practice only when what follows 的 is one (not 学校建筑).
      const after的 = rest.slice(instrument.length);
      tail.instrument = after的.startsWith('的') && headWords.suffixOf(after的) !== null;
      tail.rejected = !tail.instrument;
    } else if (instrument !== null) tail.instrument = true;
    else if (nonHeadWords.startingAt(rest, 0) !== null || (rest.startsWith('工作') && nonHeadWords.startingAt(rest, 2) !== null)) tail.rejected = true;
    return tail;
  }
  let offset = 0;
  if (window.startsWith('等')) {
    const counted = /^等(\d+|[一二三四五六七八九十两]+)?(?:个|项|大|支|类|种|场|次|条|家)?/.exec(window)!;
    offset = counted[0].length;
    if (counted[1]) tail.count = chineseCount(counted[1]);
  } else if (window.startsWith('的')) {
    offset = 1;
    if (goalWords.some((word) => window.includes(word))) {
      tail.rejected = true;
      return tail;
    }
  }
  // “A”五级横向到边纵向到底的全域党建体系: a 的 inside the tail starts a description, not the name.
  const inner的 = window.indexOf('的', offset);
  if (inner的 > offset) window = window.slice(0, inner的);
  const counted = offset === 0 ? /^(\d+|[一二三四五六七八九十两]{1,2})(?:大|个|项|类|种|支|位)?/.exec(window) : null;
  let headEnd = -1;
  let head: string | null = null;
  for (let end = window.length; end > offset; end--) {
    const found = headWords.endingAt(window, end, offset);
    if (found !== null) {
      headEnd = end;
      head = found;
      break;
    }
  }
  // An idea, a goal or an honour word before (or instead of) the head rules the quotation out.
  const headStart = head === null ? Infinity : headEnd - head.length;
  for (let start = offset; start < Math.min(window.length, offset + 8); start++) {
    if (start > headStart) break;
    if (nonHeadWords.startingAt(window, start) !== null) {
      tail.rejected = true;
      return tail;
    }
  }
  if (window.startsWith('等')) {
    // The list is of the noun it ends with (等8大系列40个教育视频: videos, not practices).
    if (headEnd !== window.length) head = null;
    tail.head = head;
    tail.examples = head === null || exampleHeadWords.has(head) || (tail.count === null && exampleHeadWords.has(window.slice(offset, headEnd)));
    return tail;
  }
  // “…”的支部建设效果: the head is followed by an outcome or goal word, so the phrase is that.
  if (head !== null && ['效果', '目标', '要求', '理念', '格局', '氛围', '局面', '成效'].some((word) => window.startsWith(word, headEnd))) {
    tail.rejected = true;
    return tail;
  }
  if (head !== null) {
    tail.head = head;
    tail.end = after + headEnd;
    if (counted && headStart <= counted[0].length) tail.count = chineseCount(counted[1]!);
    // 以“教学质量提升年”…活动为抓手.
    const rest = text.slice(tail.end, tail.end + 6);
    if (rest.startsWith('为') && instrumentWordList.startingAt(rest, 1) !== null) tail.instrument = true;
  }
  return tail;
}

const practiceEndings = ['工程', '计划', '项目', '行动', '活动', '机制', '制度', '制', '模式', '体系', '品牌', '工作法', '学习法', '平台', '基地', '阵地'];

/** A quotation that ends like a programme or method (not like a team or a person). */
function practiceShaped(inner: string): boolean {
  return practiceEndings.some((ending) => inner.endsWith(ending));
}

/** A quotation that names something by itself: a numbered programme or a name-like ending. */
function namesByItself(inner: string): boolean {
  const plain = bare(inner);
  return numberedName.test(plain) || endingWords.suffixOf(plain) !== null;
}

/** Quotations that are never a name: formulas, generic words, a clause with a comma and no head. */
function neverAName(inner: string): boolean {
  const plain = bare(inner);
  return (
    plain.length < 2 ||
    formulaSet.has(plain) ||
    genericQuoteSet.has(plain) ||
    /^新[\u4e00-\u9fff]{1,3}$/.test(plain) ||
    // “三心不强十种表现”, “四难问题”: a problem or an idea named in full.
    (plain.length >= 4 && (nonHeadWords.suffixOf(plain)?.length ?? 0) >= 2)
  );
}

/** Whether the enumeration going on at `position` ends, in its clause, with 等 and a noun of examples. */
function endsInExamples(text: string, position: number, limit: number): boolean {
  const clause = text.slice(position, limit).split(/[，,；;。]/)[0]!;
  const at = clause.lastIndexOf('等');
  // 等7大系列专题: the list is counted, its items are the practices.
  if (at === -1 || /^[\d一二三四五六七八九十两]/.test(clause.slice(at + 1))) return false;
  const rest = clause.slice(at + 1).replace(/^(\d+|[一二三四五六七八九十两]+)?(?:个|项|大|支|类|种|场|次|条|家)?/, '');
  return exampleHeadWords.suffixOf(rest) !== null || headWords.suffixOf(rest) === null;
}

/** Whether the clause before `position` calls what follows an honour or a programme of others. */
function honourBefore(text: string, floor: number, position: number): boolean {
  return honourWordList.occursIn(text.slice(clauseStart(text, position, floor), position));
}

function cited(text: string, start: number, end: number): CitedText {
  return { text: text.slice(start, end), start, end };
}

/** The parts of an enumeration that ends in a numbered name (组织联建、阵地联享…“六联”机制). */
function listedBefore(text: string, listStart: number, end: number, count: number | null): CitedText[] {
  const body = text.slice(listStart, end);
  const items = body.split('、');
  if (items.length < 2 || (count !== null && items.length !== count)) return [];
  const spans: CitedText[] = [];
  let from = listStart;
  for (const item of items) {
    const at = text.indexOf(item, from);
    if (!item || at === -1 || item.length > 16) return [];
    spans.push(cited(text, at, at + item.length));
    from = at + item.length;
  }
  return spans;
}

/**
 * Parallel numbered phrases: “三课”强基、“四径”培元、“五制”育新 is one practice in three parts, as is
 * 突出“一个主题”、做实“两个覆盖”… when its items are numbered.
 */
const parallelItem = '“([^”]{1,8})”([\\u4e00-\\u9fff]{1,3})';
const parallelPattern = new RegExp(`${parallelItem}(?:、${parallelItem}){1,6}(?=[，,；;。]|$)`, 'g');

function parallelCandidates(text: string, sentence: Span, index: number): Candidate[] {
  const out: Candidate[] = [];
  const body = text.slice(sentence.start, sentence.end);
  for (const match of body.matchAll(parallelPattern)) {
    const start = sentence.start + match.index;
    const items = match[0].split('、');
    if (!items.every((item) => announcedCount(bare(/“([^”]+)”/.exec(item)?.[1] ?? '')) !== null)) continue;
    const { verb } = qualifierBefore(text, sentence.start, start);
    if (!verb) continue;
    const components: CitedText[] = [];
    let from = start;
    for (const item of items) {
      const at = text.indexOf(item, from);
      components.push(cited(text, at, at + item.length));
      from = at + item.length;
    }
    out.push({ start, end: start + match[0].length, verb: cited(text, verb.start, verb.start + verb.verb.length), sentence: index, components, countTail: null, example: false });
  }
  return out;
}

/** The candidates of one sentence. */
function sentenceCandidates(text: string, sentence: Span, index: number): Candidate[] {
  const out: Candidate[] = parallelCandidates(text, sentence, index);
  const quotes = quotesIn(text, sentence);
  for (const run of runsOf(text, quotes)) {
    const first = run[0]!;
    const last = run.at(-1)!;
    if (insideTitle(text, sentence.start, first.open)) continue;
    const tail = tailAfter(text, last.close, sentence.end);
    if (tail.rejected) continue;
    // A run inside a longer enumeration that ends 等…系列活动 is a list of examples.
    if (text[tail.end] === '、' && endsInExamples(text, tail.end, sentence.end)) tail.examples = true;
    const qualifier = qualifierBefore(text, sentence.start, first.open);
    // 学生“双向互选”的实践教学体系: before a 的-phrase the qualifier is the subject, not the name.
    if (text[last.close + 1] === '的') qualifier.start = first.open;
    if (honourBefore(text, sentence.start, first.open)) continue;
    const { verb } = qualifier;
    const strength = verb ? (verb.strong ? 2 : 1) : 0;
    const verbText = verb ? cited(text, verb.start, verb.start + verb.verb.length) : null;
    // The name opens its sentence (or a numbered item: 1.实施…, 一是…).
    const atStart = /^(?:[（(]?[一二三四五六七八九十\d]{1,2}[、.．)）]|[一二三四五六七八]是)?$/.test(text.slice(clauseStart(text, qualifier.rawStart, sentence.start), qualifier.rawStart));
    /** Evidence that a quotation names a practice: its verb, its head word, its own shape. */
    const accepted = (quote: Quote, adjacentHead: boolean): boolean => {
      if (neverAName(quote.inner)) return false;
      const named = namesByItself(quote.inner);
      // A quoted clause or list is a slogan unless a head word makes it a name (“立示范，树标杆”党建品牌).
      if (/[，,、]/.test(quote.inner) && !adjacentHead) return false;
      // Without a head word after it, only a quotation shaped like a name can be one (not “牛鼻子”).
      if (!adjacentHead && !named && !tail.instrument) return false;
      const points = strength + (adjacentHead ? 1 : 0) + (named ? 1 : 0) + (tail.instrument ? 2 : 0) + (atStart ? 1 : 0);
      return points >= 2 && (strength > 0 || tail.instrument || adjacentHead || atStart);
    };
    const base = { verb: verbText, sentence: index, countTail: null };
    if (tail.examples && run.length >= 2) {
      for (const quote of run) out.push({ ...base, start: quote.itemStart, end: quote.close + 1, components: [], example: true });
      continue;
    }
    if (run.length === 1) {
      const quote = first;
      const adjacentHead = tail.head !== null && !tail.examples;
      if (!accepted(quote, adjacentHead || tail.instrument)) continue;
      const items = enumeratedItems(quote.inner);
      const announced = announcedCount(bare(quote.inner));
      let components = items.length >= 2 && (tail.count === items.length || (tail.head !== null && singularHeadSet.has(tail.head))) ? itemSpans(text, quote, items) : [];
      if (components.length === 0 && qualifier.listStart !== null) components = listedBefore(text, qualifier.listStart, quote.open, announced);
      const countTail = tail.count !== null && tail.head !== null ? text.slice(tail.end - tail.head.length - countLength(text, tail.end - tail.head.length), tail.end) : null;
      out.push({ ...base, start: qualifier.start, end: tail.examples ? quote.close + 1 : tail.end, components, countTail, example: false });
      continue;
    }
    // A run: one practice made of parts (“A”“B”工作法, “A”“B”评选), or several practices.
    if (tail.head !== null && singularHeadSet.has(tail.head) && tail.count === null) {
      if (!run.some((quote) => accepted(quote, true))) continue;
      out.push({ ...base, start: qualifier.start, end: tail.end, components: run.map((quote) => cited(text, quote.open + 1, quote.close)), example: false });
      continue;
    }
    const shared = tail.head !== null && (tail.count === null || tail.count >= run.length);
    run.forEach((quote, position) => {
      if (!accepted(quote, shared)) return;
      const isLast = position === run.length - 1;
      out.push({
        ...base,
        start: position === 0 ? qualifier.start : quote.itemStart,
        end: isLast && shared && tail.count === null && !text.startsWith('等', last.close + 1) ? tail.end : quote.close + 1,
        components: [],
        example: false,
      });
    });
  }
  return out;
}

function countLength(text: string, headStart: number): number {
  const match = /(\d+|[一二三四五六七八九十两]{1,2})(?:大|个|项|类|种|支|位)?$/.exec(text.slice(Math.max(0, headStart - 4), headStart));
  return match ? match[0].length : 0;
}

function itemSpans(text: string, quote: Quote, items: string[]): CitedText[] {
  const spans: CitedText[] = [];
  let from = quote.open + 1;
  for (const item of items) {
    const at = text.indexOf(item, from);
    if (at === -1 || at >= quote.close) continue;
    spans.push(cited(text, at, at + item.length));
    from = at + item.length;
  }
  return spans;
}

// Unquoted practices: a strong verb, then a name of 2–14 characters ending in a head word and holding a
// party word (共建校企协同党建基地); and two idioms of the field.
const unquotedHeads = ['基地', '平台', '新平台', '联盟', '党建联盟', '共同体', '工作室', '服务队', '志愿服务队', '先锋队', '工作队', '理事会', '议事会', '党委', '党支部', '机制', '制度', '工作法', '品牌', '阵地', '学习圈', '网格', '改革'] as const;
const unquotedVerbs = ['共建', '搭建', '打造', '组建', '成立', '建立', '构建', '建成', '创建', '设立', '推行', '实施', '创新', '建立完善', '全面实施', '推进'] as const;
const unquotedHeadList = longestFirst(unquotedHeads);
const unquotedPattern = new RegExp(`(${longestFirst(unquotedVerbs).join('|')})([\\u4e00-\\u9fff\\d]{2,14}?(?:${unquotedHeadList.join('|')}))(?=(?:建设)?(?:[，,。；;、：:和与及等]|$))`, 'g');
const branchIdiom = /把(?:党)?支部建在[\u4e00-\u9fff]{1,8}上/g;
const campusIdiom = /(?<=推进|推动|实施|开展|推行)[\u4e00-\u9fff]{2,8}?进(?:校园|课堂|社区|企业)/g;
const generalWords = /^(?:了|起|好|成|出|健全|完善|相关|有关|长效|工作|常态化|一批|首批|一支|一个|多个|各类|新型|[一二三四五六七八九十\d]+[个支家所项批])/;
const generalNames = /^(?:|党建|党建工作|工作|管理|服务|党组织|基层党组织|党员|组织|协调|联动|沟通|联系|考核|评价)$/;

function unquotedCandidates(text: string, sentence: Span, index: number): Candidate[] {
  const body = text.slice(sentence.start, sentence.end);
  if (body.includes('《')) return [];
  const out: Candidate[] = [];
  for (const match of body.matchAll(unquotedPattern)) {
    const name = match[2]!;
    if (name.includes('“') || generalWords.test(name)) continue;
    const head = unquotedHeadList.find((word) => name.endsWith(word))!;
    if (generalNames.test(name.slice(0, name.length - head.length))) continue;
    if (!unquotedNameWords.some((word) => name.includes(word))) continue;
    const verbStart = sentence.start + match.index;
    const start = verbStart + match[1]!.length;
    out.push({ start, end: start + name.length, verb: cited(text, verbStart, start), sentence: index, components: [], countTail: null, example: false });
  }
  for (const pattern of [branchIdiom, campusIdiom]) {
    for (const match of body.matchAll(pattern)) {
      const start = sentence.start + match.index;
      out.push({ start, end: start + match[0].length, verb: null, sentence: index, components: [], countTail: null, example: false });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// From candidates to practices

interface Structure {
  sentences: Span[];
  /** For every sentence: the index of the line (paragraph) it belongs to. */
  lineOf: number[];
  lines: Span[];
  headings: readonly Span[];
}

function structureOf(source: PracticeSourceText): Structure {
  const { text } = source;
  const lines: Span[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim()) lines.push({ start, end });
    start = end + 1;
  }
  const sentences: Span[] = [];
  const lineOf: number[] = [];
  lines.forEach((line, lineIndex) => {
    for (const sentence of splitSentences(text, line.start, line.end)) {
      sentences.push(sentence);
      lineOf.push(lineIndex);
    }
  });
  return { sentences, lineOf, lines, headings: source.headings };
}

function headingIndexAt(structure: Structure, position: number): number {
  let found = -1;
  for (let index = 0; index < structure.headings.length; index++) {
    if (structure.headings[index]!.start <= position) found = index;
    else break;
  }
  return found;
}

function isHeadingSentence(structure: Structure, sentence: Span): boolean {
  return structure.headings.some((heading) => heading.start <= sentence.start && sentence.end <= heading.end);
}

/** The sentences that belong to a practice: from its own to the next practice's, within its paragraph (or section, for a heading). */
function segmentOf(structure: Structure, sentence: number, nextPracticeSentence: number): number[] {
  const own = structure.sentences[sentence]!;
  const inHeading = isHeadingSentence(structure, own);
  const headingIndex = headingIndexAt(structure, own.start);
  const nextHeading = structure.headings[headingIndex + 1]?.start ?? Infinity;
  const result: number[] = [];
  // A practice that is its section's heading owns the whole section, the practices inside included.
  const limit = inHeading ? Infinity : nextPracticeSentence;
  for (let index = sentence; index < structure.sentences.length && index < limit; index++) {
    const current = structure.sentences[index]!;
    if (index > sentence) {
      if (current.start >= nextHeading) break;
      if (!inHeading && structure.lineOf[index] !== structure.lineOf[sentence]) break;
    }
    result.push(index);
  }
  return result;
}

const descriptionMinimum = 24;
const descriptionMaximum = 160;

/** A sentence trimmed to at most `descriptionMaximum` characters around `focus`, cut at clause ends. */
function clipSentence(text: string, sentence: Span, focus: number): CitedText {
  if (sentence.end - sentence.start <= descriptionMaximum) return cited(text, sentence.start, sentence.end);
  let start = clauseStart(text, Math.min(focus + 1, sentence.end), sentence.start);
  // Keep the clause before when it introduces the name (以…为抓手，实施…).
  let end = start;
  while (end < sentence.end && end - start < descriptionMaximum) {
    const next = text.slice(end + 1, sentence.end).search(/[，；。]/);
    const stop = next === -1 ? sentence.end : end + 1 + next + 1;
    if (stop - start > descriptionMaximum && end > start) break;
    end = Math.min(stop, sentence.end);
  }
  while (start < end && /[，；\s]/.test(text[start]!)) start++;
  return cited(text, start, end);
}

function describe(text: string, structure: Structure, candidate: Candidate, segment: number[]): CitedText {
  const own = structure.sentences[candidate.sentence]!;
  const ownIsHeading = isHeadingSentence(structure, own);
  if (ownIsHeading || own.end - own.start < descriptionMinimum) {
    const next = segment[1] ?? (ownIsHeading ? candidate.sentence + 1 : undefined);
    const sentence = next === undefined ? undefined : structure.sentences[next];
    // A short sentence is followed by what it does, unless that is already its outcome.
    if (sentence && !isHeadingSentence(structure, sentence) && (ownIsHeading || !outcomePattern.test(text.slice(sentence.start, sentence.end)))) {
      return clipSentence(text, sentence, sentence.start);
    }
  }
  return clipSentence(text, own, candidate.start);
}

const listMarker = /^(?:一是|二是|三是|四是|五是|六是|七是|八是|其一|其二|其三)/;

/** Parts the article enumerates right after the name (即 A、B、C; 包括 A、B; 一是…二是…). */
function partsOf(text: string, structure: Structure, candidate: Candidate, segment: number[]): CitedText[] {
  if (candidate.components.length > 0) return candidate.components;
  const own = structure.sentences[candidate.sentence]!;
  const after = text.slice(candidate.end, own.end);
  const listed = /^[^。；]{0,8}?(?:即|包括|分别是|：)([^。；，,]{4,120})/.exec(after);
  if (listed) {
    const offset = candidate.end + listed.index + listed[0].length - listed[1]!.length;
    const body = listed[1]!.replace(/等[^、]*$/, '');
    const items = body.split('、');
    if (items.length >= 2) {
      const spans: CitedText[] = [];
      let from = offset;
      for (const raw of items) {
        const item = raw.replace(/^[“]|[”]$/g, '').trim();
        const at = text.indexOf(item, from);
        if (!item || at === -1 || item.length > 24) continue;
        spans.push(cited(text, at, at + item.length));
        from = at + item.length;
      }
      if (spans.length >= 2) return spans;
    }
  }
  const parts: CitedText[] = [];
  for (const index of segment.slice(1)) {
    const sentence = structure.sentences[index]!;
    const body = text.slice(sentence.start, sentence.end);
    const marker = listMarker.exec(body);
    if (!marker) continue;
    // The list must start in the practice's own segment (一是…), not be one it stands inside.
    if (parts.length === 0 && !/^(?:一是|其一)/.test(marker[0])) break;
    const rest = body.slice(marker[0].length);
    const stop = rest.search(/[。，；：,;:]/);
    const length = Math.min(stop === -1 ? rest.length : stop, 30);
    if (length < 2) continue;
    const start = sentence.start + marker[0].length;
    parts.push(cited(text, start, start + length));
  }
  return parts.length >= 2 ? parts : [];
}

function outcomesOf(text: string, structure: Structure, segment: number[], description: CitedText): CitedText[] {
  const outcomes: CitedText[] = [];
  for (const index of segment) {
    const sentence = structure.sentences[index]!;
    if (sentence.start < description.end && description.start < sentence.end) continue;
    if (isHeadingSentence(structure, sentence)) continue;
    const body = text.slice(sentence.start, sentence.end);
    const found = outcomePattern.exec(body);
    if (!found) continue;
    outcomes.push(clipSentence(text, sentence, sentence.start + found.index));
    if (outcomes.length === 3) break;
  }
  return outcomes;
}

const partyCharacters = new RegExp(`[${[...new Set(partyWords.map((word) => word[0]))].join('')}]`);

/** Whether the article is about party building at all (most news is not). */
export function isPartyArticle(text: string): boolean {
  // Most news holds none of them: one scan for their characters settles it.
  if (!partyCharacters.test(text)) return false;
  let count = 0;
  for (const word of partyWords) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      if (++count >= minimumPartyWords) return true;
    }
  }
  return false;
}

/** Words outside a name's quotations that do not tell two mentions apart: “红色物业”品牌建设 and “红色物业”示范点 are one practice. */
const genericOutsideWords = new WordList(['活动', '主题', '党日', '相关', '党建', '建设', '体系', '示范', '点', '项目', '品牌', '工作', '行动', '机制', '工程', '平台', '载体', '系列']);

function isGenericOutside(outside: string): boolean {
  for (let index = 0; index < outside.length; ) {
    const word = genericOutsideWords.startingAt(outside, index);
    if (word === null) return false;
    index += word.length;
  }
  return true;
}

interface Mention {
  candidate: Candidate;
  key: string;
  cores: string;
  outside: string;
}

function mentionOf(text: string, candidate: Candidate): Mention {
  const name = text.slice(candidate.start, candidate.end);
  const cores = quotedCores(name);
  let outside = plainName(name);
  for (const core of cores) outside = outside.replace(core, '');
  return { candidate, key: practiceKey(name), cores: cores.join('|'), outside };
}

/** Whether two mentions of one article name the same practice. */
function sameMention(left: Mention, right: Mention): boolean {
  if (left.key === right.key) return true;
  if (!left.cores || !right.cores) return false;
  const compatibleOutside =
    (isGenericOutside(left.outside) && isGenericOutside(right.outside)) ||
    (left.outside.length > 0 && right.outside.length > 0 && (left.outside.includes(right.outside) || right.outside.includes(left.outside)));
  if (left.cores === right.cores) return compatibleOutside;
  // In one sentence, a quotation inside another's is that practice restated (“三亮三比”工程，“三亮”即…).
  if (left.candidate.sentence === right.candidate.sentence && !left.cores.includes('|') && !right.cores.includes('|')) {
    const [longer, shorter] = left.cores.length >= right.cores.length ? [left, right] : [right, left];
    if (shorter.cores.length >= 2 && longer.cores.includes(shorter.cores)) return true;
  }
  // “党建微课堂” and “微课堂”.
  const [longer, shorter] = left.cores.length >= right.cores.length ? [left, right] : [right, left];
  return !longer.cores.includes('|') && shorter.cores.length >= 3 && longer.cores.endsWith(shorter.cores) && isGenericOutside(shorter.outside);
}

/** Whether `candidate` names a practice better than `kept`: it carries a head word the other lacks. */
function betterName(text: string, candidate: Candidate, kept: Candidate): boolean {
  const name = text.slice(candidate.start, candidate.end);
  const current = text.slice(kept.start, kept.end);
  const headed = (value: string): boolean => !value.endsWith(closeQuote) || practiceShaped(value.slice(value.lastIndexOf(openQuote) + 1, -1));
  return headed(name) && !headed(current);
}

/**
 * Extracts the practices of one article (none when it is not about party building). `names` are
 * more practices by their spans in the text (a model's proposals, found there word for word):
 * they go through the same merging and get their fields the same way, with origin `model`.
 */
export function extractPractices(source: PracticeSourceText, { names = [] }: { names?: readonly Span[] } = {}): ExtractedPractice[] {
  const { text } = source;
  if (!isPartyArticle(text)) return [];
  const structure = structureOf(source);
  const candidates: Candidate[] = [];
  structure.sentences.forEach((sentence, index) => {
    candidates.push(...sentenceCandidates(text, sentence, index), ...unquotedCandidates(text, sentence, index));
    for (const name of names) {
      if (name.start >= sentence.start && name.end <= sentence.end && name.end > name.start) {
        candidates.push({ start: name.start, end: name.end, verb: null, sentence: index, components: [], countTail: null, example: false, proposed: true });
      }
    }
  });
  // Overlapping candidates: the longer one wins (a qualifier's idiom inside a quoted name).
  candidates.sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    const previous = kept.at(-1);
    if (previous && candidate.start < previous.end) continue;
    kept.push(candidate);
  }
  absorbListedParts(text, structure, kept);
  // One practice per name: the first mention defines it; later mentions may bring its parts.
  const defining: Mention[] = [];
  const tails = new Map<string, Mention>();
  for (const candidate of kept) {
    if (candidate.partOf || candidate.example) continue;
    const mention = mentionOf(text, candidate);
    if (!mention.key) continue;
    const existing = defining.find((other) => sameMention(other, mention)) ?? tails.get(mention.key);
    if (existing) {
      const kept = existing.candidate;
      if (candidate.components.length > kept.components.length) kept.components = candidate.components;
      (kept.mentions ??= []).push(candidate.sentence);
      // A later mention that names it in full (“立示范，树标杆”党建品牌建设 after “立示范，树标杆”) gives the name.
      if (betterName(text, candidate, kept)) Object.assign(kept, { start: candidate.start, end: candidate.end, verb: candidate.verb ?? kept.verb, sentence: candidate.sentence, mentions: [...kept.mentions.filter((sentence) => sentence !== candidate.sentence), kept.sentence] });
      continue;
    }
    if (candidate.countTail) {
      // “四大工程” named before its enumeration (实施“红船领航、…”四大工程): one practice, the parts from here.
      const tailKey = practiceKey(candidate.countTail);
      const named = defining.find((other) => other.key === tailKey);
      if (named) {
        named.candidate.components = candidate.components;
        continue;
      }
      tails.set(tailKey, mention);
    }
    defining.push(mention);
  }
  const practices = defining.map((mention) => mention.candidate).sort((left, right) => left.start - right.start);
  const prior = practices.length > 0 ? articlePrior(text) : undefined;
  return practices.map((candidate, position) => {
    const next = practices.slice(position + 1).find((other) => other.sentence > candidate.sentence);
    const segment = segmentOf(structure, candidate.sentence, next?.sentence ?? Infinity);
    const description = describe(text, structure, candidate, segment);
    const components = partsOf(text, structure, candidate, segment);
    const outcomes = outcomesOf(text, structure, segment, description);
    const headingIndex = headingIndexAt(structure, candidate.start);
    const headingSpan = headingIndex >= 0 ? structure.headings[headingIndex]! : null;
    const heading = headingSpan ? cited(text, headingSpan.start, headingSpan.end) : null;
    const name = cited(text, candidate.start, candidate.end);
    const evidence = [description.text, ...(candidate.mentions ?? []).map((sentence) => text.slice(structure.sentences[sentence]!.start, structure.sentences[sentence]!.end))].join('\n');
    return {
      key: practiceKey(name.text),
      name,
      verb: candidate.verb,
      description,
      components,
      outcomes,
      heading,
      category: categorize({ name: name.text, description: evidence, components: components.map((part) => part.text), heading: heading?.text ?? '' }, prior),
      origin: candidate.proposed ? ('model' as const) : ('rules' as const),
    };
  });
}

/**
 * Items listed in the sentence right after a practice named by a count (抓“五大计划”。实施“强基”
 * “提优”…培育计划和“青年培优计划”) are its parts, not practices of their own, when their number is
 * the number the name announces.
 */
function absorbListedParts(text: string, structure: Structure, candidates: Candidate[]): void {
  candidates.forEach((candidate, index) => {
    if (candidate.components.length > 0 || candidate.example) return;
    const cores = quotedCores(text.slice(candidate.start, candidate.end));
    const count = cores.length === 1 ? announcedCount(cores[0]!) : null;
    if (count === null || count < 2) return;
    const followers: Candidate[] = [];
    for (const other of candidates.slice(index + 1)) {
      if (other.sentence === candidate.sentence) continue;
      if (other.sentence > candidate.sentence + 1 || structure.lineOf[other.sentence] !== structure.lineOf[candidate.sentence]) break;
      followers.push(other);
    }
    if (followers.length === count) {
      candidate.components = followers.map((follower) => {
        const inner = text.slice(follower.start, follower.end);
        const core = /“([^”]+)”/.exec(inner);
        return core ? cited(text, follower.start + core.index + 1, follower.start + core.index + 1 + core[1]!.length) : cited(text, follower.start, follower.end);
      });
      for (const follower of followers) follower.partOf = candidate;
    }
  });
}
