/**
 * Enumerations: the items a list question asks for, gathered where articles put them. Four shapes
 * are recognised around the best evidence:
 * - inside one sentence, separated by 、 (包括匠心·向党、匠心·汇智、…);
 * - inside one sentence, as a row of quoted names (实施“四个一”“三亮三比”“三服务”…五大工程);
 * - as ordinal items, 一是…二是…, （一）（二）, 1. 2. (items may be whole sentences);
 * - as parallel run-in sentences with the same opening (实施政治素质“首关制”。…实施职称评聘“替代制”。);
 * - as the article's numbered section headings (一、…实施“筑基”项目 … 三、…实施“向阳”项目), however
 *   long the sections between them.
 * Every item is an exact span of the article, cited with the passage that holds it.
 */
import type { IndexSnapshot } from '../index/index-reader.ts';
import { escapeRegExp } from '../text/clean.ts';
import { splitSentences } from '../text/sentences.ts';
import { passageHolding, type CitedSpan } from './citation-book.ts';
import { clausesOf, cutToClauses } from './clauses.ts';
import { longestSharedRun, phraseText, statesHonour, type EvidenceSentence } from './evidence.ts';
import { countedHalves, countPhraseOf, type QuestionAnalysis } from './question.ts';
import { enumerationKnobs as knobs, honourTopicWords, synonymsOf, yesNoKnobs } from './tuning.ts';

export interface Enumeration {
  /** The items, or one span holding them all (an inline list). */
  items: CitedSpan[];
  /** How many items the enumeration names. */
  count: number;
  score: number;
  /**
   * For a name that is a count and one character (“四双”, “五育”): whether the items are its
   * parts. They are when enough say its key (双), or when as many as it counts stand in a sentence
   * naming it (“德以修身”…“劳以笃行”这“五育”).
   */
  ofName?: boolean;
  /** Whether the list is whole in its one span (a quoted name's dashed parts): the clauses after it add no items. */
  closed?: boolean;
}

const ordinalValue: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const circled = '①②③④⑤⑥⑦⑧⑨⑩';

/** The ordinal an item opens with (一是 → 1, （二） → 2, 3. → 3, ④ → 4), or null. */
export function ordinalOf(text: string): { value: number; kind: string } | null {
  let match = /^([一二三四五六七八九十])是/u.exec(text);
  if (match) return { value: ordinalValue[match[1]!]!, kind: 'shi' };
  match = /^其([一二三四五六七八九十])/u.exec(text);
  if (match) return { value: ordinalValue[match[1]!]!, kind: 'qi' };
  match = /^[（(]([一二三四五六七八九十])[)）]/u.exec(text);
  if (match) return { value: ordinalValue[match[1]!]!, kind: 'paren' };
  match = /^([一二三四五六七八九十])[、.．]/u.exec(text);
  if (match) return { value: ordinalValue[match[1]!]!, kind: 'comma' };
  match = /^(\d{1,2})[.、．](?!\d)/u.exec(text);
  if (match) return { value: Number(match[1]), kind: 'digit' };
  const index = circled.indexOf(text[0] ?? '');
  if (index >= 0) return { value: index + 1, kind: 'circled' };
  return null;
}

interface RegionSentence {
  start: number;
  end: number;
  text: string;
}

/** Items separated by 、 inside a clause (three or more, or two with 和/及). */
const inlineList = /[^，。；、：:“”]{1,24}(?:、[^，。；、：:“”]{1,24})+/gu;
/** Items given as examples across clauses, closed by the kind they are of (涌现了诸如A，B，C等优秀学生代表). */
const suchAsList = /(?:诸如|比如|例如)[^。；：:]{4,200}?(?<![特一二三四五优高同平对相均])等(?![奖级次第])[^，。；、\s]{1,10}/gu;

/** The kind a list's last item closes it with (…股份有限公司等企业一线): the last 等 that is no grade (特等奖) or rank. */
const closingKind = /(?<![特一二三四五优高同平对相均初中上])等(?![奖级次第])(\p{Script=Han}{2,8})[^等]*$/u;

/** A row of quoted names (“四个一”“三亮三比”“三服务”), three or more. */
const quotedRow = /“[^”]{1,24}”(?:[^“”，。；：]{0,8}“[^”]{1,24}”){2,}/gu;

/** Parts of one quoted name joined by dashes (“先锋模范党建育人——工匠精神专业育人——公益服务实践育人”), three or more. */
const dashedRow = /“[^”—]{2,16}(?:——[^”—]{2,16}){2,}”/gu;

/**
 * The text with the asked name blanked where it sums up the row before it (“德以修身”…“劳以笃行”这“五育”):
 * there it is the row's name, not one more item or a sibling. Offsets stay those of `text`.
 */
function summingUpMasked(text: string, name: string | undefined): string {
  if (!name) return text;
  const quoted = `“${name}”`;
  let masked = text;
  for (let at = text.indexOf(quoted); at > 0; at = text.indexOf(quoted, at + 1)) {
    if ('这此即等'.includes(text[at - 1]!)) masked = masked.slice(0, at) + '，'.repeat(quoted.length) + masked.slice(at + quoted.length);
  }
  return masked;
}

/** Whether a clause names a pair by `name` (以长三角…共同体和高端模塑…联合体为“两翼”). */
function pairNamed(clause: string, name: string): boolean {
  const at = clause.indexOf(`为“${name}”`);
  if (at < 0) return false;
  const pair = clause.slice(0, at).replace(/^[\s\p{P}]*以/u, '').split(/和|与|及/u);
  return pair.length === 2 && pair.every((part) => part.length >= 2 && part.length <= 40);
}

/** An item's span: an ordinal item's first clause when the sentence is long, else the sentence. */
function itemSpan(text: string, sentence: RegionSentence): { start: number; end: number } {
  if (sentence.end - sentence.start <= knobs.maxItemLength) return sentence;
  const clauses = clausesOf(text, sentence.start, sentence.end);
  return clauses[0] ?? sentence;
}

/** Ordinal sequences (1, 2, 3…) of one kind, each item at most `maxGap` characters after the last. */
function ordinalRuns(sentences: readonly RegionSentence[], maxGap: number = knobs.maxItemGap): RegionSentence[][] {
  const runs: RegionSentence[][] = [];
  sentences.forEach((sentence, index) => {
    const first = ordinalOf(sentence.text);
    if (!first || first.value !== 1) return;
    const run = [sentence];
    for (let next = index + 1; next < sentences.length; next++) {
      const candidate = sentences[next]!;
      if (candidate.start - run[run.length - 1]!.end > maxGap) break;
      const ordinal = ordinalOf(candidate.text);
      if (!ordinal || ordinal.kind !== first.kind) continue;
      if (ordinal.value === run.length + 1) run.push(candidate);
      else if (ordinal.value === 1) break;
    }
    if (run.length >= 2) runs.push(run);
  });
  return runs;
}

/** Groups of short run-in sentences that open the same way (实施…“X制”。). */
function parallelRuns(sentences: readonly RegionSentence[]): RegionSentence[][] {
  // An ordinal (二是亮职责。, 二是服务群众。) is no shared opening: ordinal items are runs of their own.
  const short = sentences.filter((sentence) => sentence.text.length <= knobs.maxRunInLength && !/[，,；;]/u.test(sentence.text) && ordinalOf(sentence.text) === null);
  const groups = new Map<string, RegionSentence[]>();
  for (const sentence of short) {
    const opening = sentence.text.slice(0, 2);
    if (!/^[\u4e00-\u9fa5]{2}$/u.test(opening)) continue;
    const group = groups.get(opening) ?? [];
    // A sentence a compilation repeats after every section (上述优惠政策…另行公告。) is one item, not a list.
    if (!group.some((other) => other.text === sentence.text)) groups.set(opening, [...group, sentence]);
  }
  return [...groups.values()].filter((group) => group.length >= 2);
}

/**
 * Share of items that repeat the question's list noun or its first character (制度 → 首关制), or
 * a phrase of the question (…相融合).
 */
function headMatch(items: readonly string[], analysis: QuestionAnalysis, phrase: string): number {
  const head = analysis.listHead;
  const key = head ? [...head][0]! : null;
  return items.filter((item) => (head && key && (item.includes(head) || item.includes(key))) || longestSharedRun(phrase, item.toLowerCase()) >= 3).length / items.length;
}

/** The opening a counted name's parts share (“三比” → 比: 比履职能力、比服务能力…; “三服务” → 服务), or null. */
export function countedNameKey(name: string | undefined): string | null {
  const match = name ? /^[一二三四五六七八九十两]+(?:个|项|大)?([\u4e00-\u9fa5]{1,2})$/u.exec(name) : null;
  return match ? match[1]! : null;
}

/** The ordinal an outline item opens with (二、, 三是, （一）, 2.): set aside, the item's own words remain. */
export const ordinalOpening = /^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]{1,2}[、.．])/u;

/**
 * Share of items that open with `key` once their ordinal is set aside (“三比” → 比履职能力), or
 * that end with it (“五型” → 规范型、学习型), whichever is larger.
 */
function openingShare(items: readonly string[], key: string | null): number {
  if (!key || items.length === 0) return 0;
  const opening = items.filter((item) => item.replace(ordinalOpening, '').trim().startsWith(key)).length;
  const ending = items.filter((item) => item.trim().endsWith(key)).length;
  return Math.max(opening, ending) / items.length;
}

/** Characters between `at` and the nearest mention of `name` in `text`, or null when it has none. */
function nameDistance(text: string, name: string, at: number): number | null {
  let nearest: number | null = null;
  for (let found = text.indexOf(name); found >= 0; found = text.indexOf(name, found + 1)) nearest = Math.min(nearest ?? Infinity, Math.abs(found - at));
  return nearest;
}

/** Items of an inline list: its 、-separated parts, the last counting twice when it joins two with 和/及 (规范型和创新型). */
function inlineCount(list: string): number {
  const parts = list.split('、');
  return parts.length + (/^[^和及]{1,20}(?:以及|[和及])[^和及]{1,20}$/u.test(parts[parts.length - 1]!) ? 1 : 0);
}

/** Whether the items of A、B和C end alike (the same noun: 团队, 中心). */
function alikeItems(list: string): boolean {
  const items = list.split('、').flatMap((item) => item.split(/以及|[和及]/u)).map((item) => item.trim());
  const ending = items[0]?.slice(-1);
  return items.length >= 3 && ending !== undefined && /\p{Script=Han}/u.test(ending) && items.every((item) => item.endsWith(ending));
}

/**
 * The best enumeration near the strongest evidence for a list (or definition) question, or null
 * when the evidence holds none.
 */
export function findEnumeration(snapshot: IndexSnapshot, evidence: readonly EvidenceSentence[], analysis: QuestionAnalysis): Enumeration | null {
  // The best sentences, and those that name what a definition asks about (the parts follow the name).
  // How a counted name was done (三服务工程是怎么做的) is told by its parts, as what it is.
  const countedPractice = analysis.answerType === '做法' && analysis.expectedCount !== null;
  const target = analysis.answerType === '定义' || analysis.answerType === '列表' || countedPractice ? analysis.quoted[analysis.quoted.length - 1] : undefined;
  // A name that counts two lists (“三亮三比”) is answered by both, each as its half would be.
  const halves = target ? countedHalves(target) : null;
  if (target && halves) {
    const found = halves.map(([half, count]) => findEnumeration(snapshot, evidence, { ...analysis, question: analysis.question.replace(target, half), quoted: [...analysis.quoted.slice(0, -1), half], expectedCount: count }));
    if (found.every((enumeration, index) => enumeration !== null && enumeration.count === halves[index]![1])) {
      const both = found as Enumeration[];
      return { items: both.flatMap((enumeration) => enumeration.items), count: both.reduce((sum, enumeration) => sum + enumeration.count, 0), score: Math.min(...both.map((enumeration) => enumeration.score)) };
    }
  }
  const ranked = [...evidence].filter((sentence) => sentence.score > 0).sort((a, b) => b.score - a.score);
  // A sentence that counts the items as the question does (重点支持七大重点领域：…) says what was
  // asked however little else it shares with the question: it ranks as the best sentence does.
  const counted = analysis.expectedCount !== null ? countPhraseOf(analysis.question) : null;
  const top = ranked[0]?.score ?? 0;
  const counting = counted ? ranked.filter((sentence) => sentence.text.includes(counted)).slice(0, knobs.anchors).map((sentence) => ({ ...sentence, score: Math.max(sentence.score, top) })) : [];
  const holderGroups = yesNoKnobs.holders;
  const honoursAsked = analysis.terms.some((term) => term.role === 'topic' && honourTopicWords.includes(term.word)) || (analysis.listHead !== null && analysis.listHead !== undefined && honourTopicWords.includes(analysis.listHead));
  // So does one that says the whole topic itself, whatever its passage's rank lends the others.
  const wholeTopic = ranked.filter((sentence) => sentence.ownTopicCoverage >= 1).slice(0, knobs.anchors);
  const anchors = [...new Set([...ranked.slice(0, knobs.anchors), ...(target ? ranked.filter((sentence) => sentence.text.includes(target)).slice(0, knobs.anchors) : []), ...counting, ...wholeTopic])];
  let best: Enumeration | null = null;
  // A counted name's parts come before any list beside it, however well that scores.
  const rank = (candidate: Enumeration): number => (candidate.ofName === false ? 0 : 1);
  const consider = (candidate: Enumeration): void => {
    if (candidate.items.length >= 1 && (!best || rank(candidate) > rank(best) || (rank(candidate) === rank(best) && candidate.score > best.score))) best = candidate;
  };
  const wanted = analysis.expectedCount;
  const countedByName = wanted !== null && countPhraseOf(analysis.question) === null;
  const phrase = phraseText(analysis);
  const countFit = (count: number): number => (wanted === null ? 1 : count === wanted ? knobs.exactCountBonus : count > wanted ? knobs.moreThanCounted : knobs.fewerThanCounted);
  // A list whose items repeat the name asked about (“三亮”是什么) names its siblings, not its parts.
  // An item whose first clause names it (实施业绩考核“亮牌制”。) is its sibling; one that mentions it
  // in a later clause (三是党建工作融入教风建设，依托“三融教育”平台) may be its part.
  const siblings = (items: readonly string[]): number => (target && items.some((item) => (item.split(/[，,。；;：:]/u)[0] ?? '').includes(target)) ? knobs.siblingFactor : 1);
  // “三比”比的是哪几项: the parts open with 比, unlike its sibling “三亮”'s 亮身份、亮职责….
  const partsKey = countedNameKey(target);
  const parts = (items: readonly string[]): number => 1 + knobs.countedPartsBonus * openingShare(items, partsKey);
  // Only a one-character key right after the count is sure to be repeated by every part (四链:
  // 人才链、教育链…); a longer one (“五大计划”: “强基”“提优”…) names the kind the parts are of, and
  // one after a measure word (“四个一”) counts them.
  const ofName = (items: readonly string[], count: number, named: boolean): { ofName?: boolean } =>
    partsKey?.length === 1 && target?.length === 2 && items.length > 0 ? { ofName: items.filter((item) => item.includes(partsKey)).length / items.length >= knobs.countedKeyShare || (count === wanted && named) } : {};
  // The noun the question lists, even a light one jieba's weights leave out (涵盖哪些方面 → 方面).
  const listNouns = [analysis.listHead, /(?:哪些|哪几)([\u4e00-\u9fa5]{2})/u.exec(analysis.question)?.[1]].filter((noun): noun is string => Boolean(noun));
  // Items that are each of the kind asked (哪些团队: 智能制造教学创新团队和科技创新团队; 哪些平台:
  // 智慧党建平台、育人号平台): two of them are a list too, and a list of them is preferred to one of
  // other things.
  const kind = analysis.listHead && [...analysis.listHead].length >= 2 ? analysis.listHead : null;
  const kindPattern = kind ? escapeRegExp(kind) : '';
  const kindPair = kind ? new RegExp(`[^，。；、：:“”和及与]{1,24}${kindPattern}(?:和|及|与|、)[^，。；、：:“”和及与]{0,24}${kindPattern}(?![^，。；]{0,3}、)`, 'gu') : null;
  const kindOf = (list: string): boolean => kind !== null && list.split(/、|以及|和|及|与/u).every((item) => item.trim().endsWith(kind));
  // Items, quoted or not, given as examples of the name asked: A、“B”、C等“五个一”. Short ones: a
  // clause before 等 (缴费人依托电子税务局等“非接触式”渠道) gives an example of something else.
  const exampleItem = '(?:“[^”]{1,6}”|[^，。；、：:“”\\s]{1,8})';
  const examplesPattern = target ? new RegExp(`${exampleItem}(?:、${exampleItem})+(?=\\s*等[“"]?${escapeRegExp(target)})`, 'gu') : null;
  // So are items given as examples of the kind asked (哪些媒体: 光明日报、苏州日报等媒体), two of them too.
  // The noun the list's head ends in (优秀学生: 学生; 媒体报道: 媒体, before the verb) and its synonyms
  // (厂家: 企业): examples closed by it are of the kind asked, those closed by none of them of another.
  // Only a kind of thing one names (媒体, 企业, 学生), not what a list's items do (措施, 支持, 方面).
  const kindNoun = analysis.listHead ? analysis.listHead.replace(knobs.headVerbs, '').slice(-2) : '';
  const exampleKindWords = knobs.namedKinds.includes(kindNoun) ? [kindNoun, ...(synonymsOf.get(kindNoun) ?? [])] : [];
  // The kind asked with its modifier (哪些全国性活动): a list closed by the kind under another (等全校性活动) is not it.
  const askedKind = /哪些([\p{Script=Han}]{3,8}?)(?:[？?，,。]|$)/u.exec(analysis.question)?.[1] ?? '';
  // …and the items a sentence gives as examples of it (举办A、B、C等全国性活动), however long each is.
  const modifiedKindExamples = askedKind.length >= 3 ? new RegExp(`[^，,。；;：:、]{2,40}(?:、[^，,。；;：:、]{2,40})+(?=等${escapeRegExp(askedKind)})`, 'gu') : null;
  const exampleKinds = exampleKindWords.map(escapeRegExp);
  const kindExamples = exampleKinds.length > 0 ? new RegExp(`${exampleItem}(?:、${exampleItem})+(?=\\s*等\\p{Script=Han}{0,4}?(?:${exampleKinds.join('|')}))`, 'gu') : null;
  // Titles side by side (《人民日报》《光明日报》等权威媒体) are such examples too.
  const titledExamples = exampleKinds.length > 0 ? new RegExp(`(?:《[^》]{1,12}》、?){2,}(?=\\s*等\\p{Script=Han}{0,4}?(?:${exampleKinds.join('|')}))`, 'gu') : null;
  const headingsSeen = new Set<string>();
  // The parts a name is joined from (“筑基-示范-向阳” → 筑基, 示范, 向阳), or none.
  const joinedParts = target?.split(/[-－—–·]/u).map((part) => part.trim()) ?? [];
  const nameParts = joinedParts.length >= 2 && joinedParts.every((part) => part.length >= 1 && part.length <= 8) ? joinedParts : [];
  // A list in a sentence that says next to nothing of the topic itself (邀请…全国五一劳动奖章获得者…进校园
  // for 教师拿过哪些国家级的奖) owes its score to its passage: it counts less beside a sentence that says it.
  const saidElsewhere = anchors.some((anchor) => anchor.ownTopicCoverage >= knobs.topicSaidElsewhere);
  // One that counts the items as the question does, or names what it asks, says it in its own way.
  // A list after the anchor (a label's body) is its own sentence's, weighed as it is.
  const silence = (anchor: EvidenceSentence): number => (saidElsewhere && anchor.ownTopicCoverage < knobs.silentAnchorTopic && !(counted && anchor.text.includes(counted)) && !(target && anchor.text.includes(target)) ? knobs.silentAnchorFactor : 1);
  for (const anchor of anchors) {
    const document = anchor.chunk.document;
    const text = snapshot.documentText(document);
    const cite = (span: { start: number; end: number }): CitedSpan | null => {
      const chunk = passageHolding(snapshot, document, span, anchor.chunk);
      return chunk ? { ...span, chunk } : null;
    };
    const region = splitSentences(text, Math.max(0, anchor.start - knobs.before), Math.min(text.length, anchor.end + knobs.after)).map((span) => ({ ...span, text: text.slice(span.start, span.end) }));
    const anchorIndex = Math.max(0, region.findIndex((sentence) => sentence.end > anchor.start));

    // Inside the anchor or the sentences right after it (抓“五大计划”。实施“强基”“提优”…); not after an
    // anchor that names the target among its siblings (实施“四个一”“三亮三比”…五大工程): what follows
    // that row is no part of the target.
    const amongSiblings = target !== undefined && [...summingUpMasked(anchor.text, target).matchAll(quotedRow)].some((row) => row[0].includes(`“${target}”`));
    for (let offset = 0; !amongSiblings && offset <= knobs.followingSentences; offset++) {
      const sentence = region[anchorIndex + offset];
      if (!sentence) break;
      for (const [pattern, count, factor] of [
        [inlineList, inlineCount, knobs.inlineFactor],
        [quotedRow, (match: string) => match.split('“').length - 1, knobs.quotedRowFactor],
        [dashedRow, (match: string) => match.split('——').length, knobs.quotedRowFactor],
        [suchAsList, (match: string) => match.split(/[，,、]/u).length, knobs.inlineFactor],
        ...(kindPair ? ([[kindPair, () => 2, knobs.inlineFactor]] as const) : []),
        ...(examplesPattern ? ([[examplesPattern, (match: string) => match.split('、').length, knobs.inlineFactor]] as const) : []),
        ...(kindExamples ? ([[kindExamples, (match: string) => match.split('、').length, knobs.inlineFactor * knobs.kindBonus]] as const) : []),
        ...(titledExamples ? ([[titledExamples, (match: string) => match.split('《').length - 1, knobs.inlineFactor * knobs.kindBonus]] as const) : []),
        ...(modifiedKindExamples ? ([[modifiedKindExamples, (match: string) => match.split('、').length, knobs.inlineFactor * knobs.kindBonus]] as const) : []),
      ] as const) {
        // Every list of the sentence: one may be a slogan, the next the items (以“A、B、C”为理念，打造X型、Y型…).
        // Examples are read where the name sums them up, which the mask would blank.
        for (const match of (pattern === examplesPattern ? sentence.text : summingUpMasked(sentence.text, target)).matchAll(pattern)) {
          // 设立一、二、三等奖 is one phrase, not a list of 一, 二 and 三.
          if (pattern === inlineList && match[0].split('、').slice(1, -1).some((item) => /^[一二三四五六七八九十\d]$/u.test(item.trim()))) continue;
          // Two items are a pair, not a list: A、B和C counts three.
          if (pattern === inlineList && inlineCount(match[0]) < 3) continue;
          // A、B和C with one 、 is a list when its items are alike (…创新团队、…教师团队和…创新团队);
          // 疫情防控、恢复经营和复工复产 names things side by side.
          if (pattern === inlineList && match[0].split('、').length < 3 && !alikeItems(match[0])) continue;
          // A question about a name that counts nothing: a list far from the name in its sentence is
          // another thing's (“红模力”…，…构建“三领域、六平台、五精准”…), and one in a sentence that does
          // not name it is less likely its own, unless its items say the noun asked for (…等四大方面).
          const heads = headMatch(match[0].split(/、|”/u), analysis, phrase);
          const ownList = target !== undefined && wanted === null && heads === 0 && !listNouns.some((noun) => match[0].includes(noun));
          const distance = ownList ? nameDistance(sentence.text, target, match.index) : null;
          if (distance !== null && distance > knobs.definedListDistance) continue;
          // Any list close beside a name that counts nothing says what the name is or holds; a name
          // joined from its parts (“筑基-示范-向阳”) is told by the sections each part names.
          const near = target !== undefined && wanted === null && nameParts.length === 0 ? (distance ?? nameDistance(sentence.text, target, match.index)) : null;
          const unnamed = ownList && distance === null ? knobs.unnamedListFactor : near !== null && near <= knobs.definedListDistance ? knobs.besideNameFactor : 1;
          // A list given as examples of the name asked (“党性体检”、谈心谈话、咬耳扯袖等“五个一”活动) says what it holds, however many it counts.
          const examples = pattern === examplesPattern ? knobs.examplesOfNameFactor : 1;
          const at = sentence.start + match.index;
          const closed = pattern === dashedRow;
          const span = cutToClauses(text, sentence, (clause) => (clause.start <= at && at < clause.end ? 2 : clause.start < at + match[0].length && at < clause.end ? 1 : 0), closed ? knobs.maxDashedLength : knobs.maxInlineLength);
          const cited = cite(span);
          const items = count(match[0]);
          const itemTexts = match[0].split(/、|“/u);
          // Items closed as examples of another kind (…阀门股份有限公司、…轴承厂股份有限公司等企业 for 哪些媒体) are not those asked.
          const lastItem = match[0].split('、').pop() ?? '';
          const closedBy = (closingKind.exec(lastItem) ?? /^\s*等(\p{Script=Han}{2,8})/u.exec(sentence.text.slice(match.index + match[0].length)))?.[1];
          // …and a list of the kind asked under another modifier (等全校性活动 for 哪些全国性活动) is another's list.
          if (closedBy !== undefined && otherModifier(closedBy, askedKind)) continue;
          const otherKind = closedBy !== undefined && exampleKindWords.length > 0 && !exampleKindWords.some((word) => closedBy.includes(word)) ? knobs.otherKindFactor : 1;
          // Honours asked (哪些称号): a list received in its clause (先后荣获A、B和C) is of them, one
          // not received (深入A、B、C等企业一线) hardly.
          // Received by others than those asked (指导学生获… for a team's titles) is as not received.
          const window = sentence.text.slice(Math.max(0, match.index - knobs.receivedReach), match.index + Math.min(knobs.receivedReach, match[0].split('、')[0]!.length));
          const verb = knobs.receivedBefore.exec(window);
          const receiver = verb ? window.slice(Math.max(0, verb.index - 2), verb.index) : '';
          const byOthers = holderGroups.some((group) => group.includes(receiver) && !group.some((holder) => analysis.question.includes(holder)));
          const received = !honoursAsked ? 1 : verb && !byOthers ? knobs.kindBonus : knobs.notReceivedFactor;
          const ofKind = (kindOf(match[0]) ? knobs.kindBonus : 1) * otherKind * received;
          if (cited) consider({ items: [cited], count: items, score: anchor.score * (offset === 0 ? silence(anchor) : 1) * factor * unnamed * countFit(items) * (offset === 0 ? 1 : knobs.followingFactor) * siblings([match[0]]) * parts(itemTexts) * (1 + knobs.headBonus * heads) * ofKind * examples, ...ofName(itemTexts, items, target !== undefined && sentence.text.includes(target)), ...(closed ? { closed } : {}) });
        }
      }
    }

    // A pair the name sums up (以A和B为“两翼”): two items joined by one 和, in the clause naming it.
    const anchorSentence = region[anchorIndex];
    if (wanted === 2 && target && anchorSentence) {
      for (const clause of clausesOf(text, anchorSentence.start, anchorSentence.end)) {
        const cited = pairNamed(text.slice(clause.start, clause.end), target) ? cite(clause) : null;
        if (cited) consider({ items: [cited], count: 2, score: anchor.score * knobs.inlineFactor * knobs.exactCountBonus, ofName: true });
      }
    }

    const nearness = (run: readonly RegionSentence[]): number => {
      const first = region.indexOf(run[0]!);
      const last = region.indexOf(run[run.length - 1]!);
      if (first > anchorIndex && first <= anchorIndex + knobs.followingSentences + 1) return 1;
      if (anchorIndex >= first && anchorIndex <= last) return knobs.containsAnchorFactor;
      return first > anchorIndex ? Math.max(0.4, 1 - 0.06 * (first - anchorIndex)) : 0.5;
    };
    // The article's numbered sections, once per article: each heading whole (headings are short),
    // cited where it stands.
    if (!headingsSeen.has(document.docId)) {
      headingsSeen.add(document.docId);
      const headings = document.headings.map(([start, end]) => ({ start, end, text: text.slice(start, end) }));
      for (const run of ordinalRuns(headings, Infinity)) {
        const items = run.map((heading) => cite(heading)).filter((item): item is CitedSpan => item !== null);
        if (items.length !== run.length || run.some((heading) => heading.text.length > knobs.maxHeadingItemLength)) continue;
        const texts = run.map((heading) => heading.text);
        // Sections are the article's outline, a list only of what the question counts or names (三个项目),
        // never the parts of a name that counts them (“三亮三比”工程 is no three sections); a name
        // joined from its parts (“筑基-示范-向阳”) names each section, in order.
        const joined = nameParts.length === run.length && texts.every((heading, index) => heading.includes(nameParts[index]!));
        const named = joined ? 1 : headMatch(texts, analysis, '');
        if ((run.length !== wanted || countedByName) && named === 0) continue;
        const holdsAnchor = run[0]!.start <= anchor.start;
        // Honours asked (哪些省级奖): sections that state none (团队建设成果。师生技能竞赛。…) are no list of them.
        const score = anchor.score * (holdsAnchor ? knobs.containsAnchorFactor : 0.5) * knobs.headingRunFactor * (joined ? knobs.exactCountBonus : countFit(run.length)) * (1 + knobs.headBonus * named) * siblings(texts) * parts(texts) * (honoursAsked && !texts.some((item) => statesHonour(item)) ? knobs.notReceivedFactor : 1);
        consider({ items, count: items.length, score, ...ofName(texts, items.length, false) });
      }
    }
    for (const run of [...ordinalRuns(region), ...parallelRuns(region)]) {
      const items = run.map((sentence) => cite(itemSpan(text, sentence))).filter((item): item is CitedSpan => item !== null);
      if (items.length !== run.length) continue;
      const texts = run.map((sentence) => sentence.text);
      const parallel = ordinalOf(run[0]!.text) === null;
      // Honours asked: points that state none (聚焦“铸魂引领”，实施“筑基”项目…) are no list of them.
      const honours = honoursAsked && !texts.some((item) => statesHonour(item)) ? knobs.notReceivedFactor : 1;
      const score = anchor.score * nearness(run) * countFit(run.length) * (1 + knobs.headBonus * headMatch(texts, analysis, phrase)) * (parallel ? knobs.parallelFactor : 1) * siblings(texts) * parts(texts) * honours;
      consider({ items, count: items.length, score, ...ofName(texts, items.length, false) });
    }
  }
  return best;
}

/**
 * Whether a list's closing kind is the kind asked under another scope (全校性活动 for 全国性活动,
 * 省级项目 for 市级项目): both modifiers end in 性 or 级 and differ. A count (五类功能 for 办税功能)
 * or another word before the kind may say the same.
 */
function otherModifier(closedBy: string, askedKind: string): boolean {
  const head = askedKind.slice(-2);
  const at = askedKind.length >= 3 ? closedBy.indexOf(head) : -1;
  if (at <= 0) return false;
  const [modifier, asked] = [closedBy.slice(0, at), askedKind.slice(0, -2)];
  return modifier !== asked && /[性级]$/u.test(modifier) && /[性级]$/u.test(asked);
}
