/**
 * Spans of the kind a typed question asks for: a number with its unit, a date, a quoted name, a
 * person, an organisation, an enumeration, a definition. Found with patterns (and jieba's
 * person tags), each as offsets into the text it was found in, so an answer can be cut to the
 * clause that holds it and still cite the exact span.
 */
import { getJieba } from '../text/tokenize.ts';
import { isPlaceWord } from './question.ts';
import { agentHead, awardHead, frequencyHead, frequencySpan, honourHead, honourVerb, majorCompound, majorHead, passiveAgent, type AnswerType } from './tuning.ts';

/** A span of a text: `text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

const digitQuantity =
  /\d+(?:[.,]\d+)*\s*(?:多|余|馀|近|逾)?\s*(?:万|亿|千|百)?\s*(?:多|余|馀)?\s*(?:人次|场次|车次|架次|班次|辆次|艘次|余人|个工作日|工作日|个月|个小时|分钟|个|项|名|人|位|次|家|所|支|篇|门|届|批|场|期|条|种|张|份|元|分|年|天|小时|平方米|米|公里|台|套|册|本|门|间|处|座|株|万元|亿元|%|％|倍|岁|级|户|组|队|节|课时|学时|学分|件|部|辆|吨|亩|周年|周|幅|首)/gu;
/** A number and its magnitude ending a clause (补贴金额超过2500万，): what it counts goes without saying. */
const bareMagnitude = /\d+(?:\.\d+)?\s*(?:多|余)?(?:万|亿)(?:多|余)?(?=[，,。；;、）)\s]|$)/gu;
const numeralQuantity = /(?:[一二三四五六七八九十两百千万]+|半)(?:多|余)?(?:个|项|名|人次|位|次|家|所|支|篇|门|届|批|场|期|条|种|张|份|倍|件|部|大|类|年(?!级|度|代)|方(?!面|式|案|法|向|针|位|略|言|剂|圆|阵|舟|便|正|志|块|形))/gu;
/** A telephone, fax or service number (0311-88615047, 18032925850, 12345), with an extension. */
const contactNumber = /(?<![\d.])(?:\d{3,4}[-－—]\d{7,8}|1[3-9]\d{9}|\d{5,12})(?:[-－—转]\d{1,6})?(?![\d.])/gu;
const percentage = /百分之[一二三四五六七八九十百点]+|\d+(?:\.\d+)?\s*(?:%|％|个百分点)/gu;
// A year may stand bare before who gave an award (获 2021浙江省…杰出教师奖).
const dateSpan =
  /(?:19|20)\d{2}(?=\s*(?:全国|国家|中国|\p{Script=Han}{1,3}(?:省|市|自治区)))|(?:19|20)\d{2}\s*[-—至到]\s*(?:19|20)\d{2}\s*年?|(?:19|20)\d{2}\s*(?:年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?|届|年度)|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|(?:每|逢)(?:年|月|周|季度|学期|学年)(?:第[一二三四五1-5]周)?(?:(?:周|星期)[一二三四五六日天])?|第[一二三四五1-5]周(?:周|星期)[一二三四五六日天]|(?:周|星期)[一二三四五六日天]|近(?:年|两年|三年|[一二三四五六七八九十]年)|[一二三四五六七八九十]+年多来/gu;
const quotedSpan = /[“"「『《][^”"」』》]{1,40}[”"」』》]/gu;
/** The words an organisation's name ends with, a media outlet's too (浙江卫视新闻频道, 苏州日报). */
const organisationKinds = '大学|学院|学校|党委|党总支|党支部|支部|公司|集团|企业|中心|研究院|基地|管委会|政府|教育厅|部|局|街道|镇|协会|学会|联合会|委员会|办公室|银行|医院|商会|基金会|研究所|工会|团委|卫视|电视台|频道|电台|报社|日报|晚报';
const organisationSpan = new RegExp(`[\\u4e00-\\u9fa5]{2,20}(?:${organisationKinds})`, 'gu');
const definitionCue = /即|是指|指的是|就是|意为|意思是|内涵是|理念是|核心是|：|:/u;
/** An official named by office, right before what they did for the practice (批示, 肯定, 表扬). */
const approvingOfficial = /[^\s，,。；;、的得获到受被了“”]{1,8}(?:领导|书记|主席|部长|厅长|省长|市长|局长|主任)(?=(?:同志)?(?:批示|肯定|表扬|点赞|充分肯定|高度评价|高度肯定))/gu;

/** A clause after a name that goes on to list its parts (“5院4中心”全产业链示范基地，包括). */
const listedParts = /^[^，。；;]{0,24}[，,](?:包括|包含|涵盖|分别是|分别为)/u;
const enumeration = /[^，。；、]{1,20}(?:、[^，。；、]{1,20}){2,}/gu;
const ordinalItem = /(?:^|[。；;\s])(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|[（(][一二三四五六七八九十\d]+[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|\d{1,2}[.、．](?!\d))/gu;

/**
 * What may stand before an organisation's name in a run of characters: a count's measure word left
 * by its number (34家, 50余次) or 为. The name starts after it. (…作出突出贡献的企业 stays whole: asked
 * 哪些企业, a kind described is an answer.)
 */
const beforeOrganisation = /^(?:[余多几]?[家个次]|为)/u;
const organisationEnd = new RegExp(`(?:${organisationKinds})$`, 'u');

/**
 * Organisations a text names: 黄岩区新前街道 of 该党总支与黄岩区新前街道, not a bare kind (50余次企业,
 * 党总支与企业), nor the `own` ones asked about (台州科技职业学院…党总支).
 */
function organisationSpans(text: string, own: readonly string[]): TextSpan[] {
  return spansOf(organisationSpan, text).flatMap((span) => {
    const found = text.slice(span.start, span.end);
    if (own.some((name) => found.includes(name))) return [];
    let skipped = beforeOrganisation.exec(found.slice(0, found.length - (organisationEnd.exec(found)?.[0].length ?? 0)))?.[0].length ?? 0;
    // 与 between two organisations (党总支与企业) joins them; inside a name (机电与模具工程学院) it does not.
    const from = skipped;
    for (const match of found.slice(from).matchAll(/与/gu)) if (organisationEnd.test(found.slice(skipped, from + match.index))) skipped = from + match.index + 1;
    const name = found.slice(skipped);
    return name.length - (organisationEnd.exec(name)?.[0].length ?? 0) >= 2 ? [{ start: span.start + skipped, end: span.end }] : [];
  });
}

/** The spans of `text` a pattern matches. */
export function spansOf(pattern: RegExp, text: string): TextSpan[] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Words that stand right before or after a person's name (书记方俊良, 马庆斋等). */
const roleBefore = /(?:书记|副书记|院长|副院长|校长|副校长|主任|部长|委员|教授|老师|教师|党员|学生|同学|专家|代表|模范|能手|获得者|带头人|骨干|英雄|记者|通讯员|作者|主席|局长|厅长|处长|市长|县长|经理|董事长|工匠|之星|人物|学者|院士|研究员|秘书长|会长|理事长|馆长|所长|社长|主编|队长|组长)[、，\s]?$/u;
const roleAfter = /^(?:[（(][^）)]{0,30}[）)])?(?:等|同志|老师|教授|书记|院长|校长|主任|表示|指出|强调|说|带头|获|入选|荣获|(?:老|原|前|副)(?:校长|院长|书记|主任)|(?:技能大师|大师|劳模|名师|名匠|工匠)(?:创新)?工作室)/u;

/**
 * People named in a text: words of two to four characters that jieba tags as persons, or found
 * itself as unknown words (x: most names are), standing next to a role (市委书记张兵, 马庆斋等).
 * Both tags also hold non-names; the role keeps those out.
 */
export function personSpans(text: string): TextSpan[] {
  // Tagging is the costly part of answering a 人物 question, and evidence asks about the same
  // sentences more than once (院校对比 once per college): remember the last few thousand.
  const known = personSpanCache.get(text);
  if (known) return known;
  if (personSpanCache.size >= personSpanCacheSize) personSpanCache.clear();
  const spans = findPersonSpans(text);
  personSpanCache.set(text, spans);
  return spans;
}

const personSpanCacheSize = 4096;
const personSpanCache = new Map<string, TextSpan[]>();

function findPersonSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let at = 0;
  for (const { word, tag } of getJieba().tag(text, true)) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    at = start + word.length;
    if ((tag !== 'nr' && tag !== 'nrfg' && tag !== 'x') || !/^[\u4e00-\u9fa5]{2,4}$/u.test(word)) continue;
    // A verb with its result (书记讲好…) is no name, though jieba leaves it unknown.
    if (tag === 'x' && verbWithResult(word)) continue;
    // jieba tags some places as names (嘉兴 of 百名党委书记嘉兴南湖峰会): a known place is no person.
    if (isPlaceWord(word)) continue;
    if (besideRole(text, start, at)) spans.push({ start, end: at });
  }
  return spans;
}

/** A verb and its result as one unknown word (讲好, 抓实, 做到): jieba's dictionary cut reads a verb first. */
function verbWithResult(word: string): boolean {
  const parts = getJieba().tag(word, false);
  return parts.length === 2 && /^v/u.test(parts[0]!.tag) && /^[好到完成出起实牢]$/u.test(parts[1]!.word);
}

/** Whether the words at `start`…`end` of `text` stand next to a person's role (模范朱光耀, 马庆斋等), as a name does. */
export function besideRole(text: string, start: number, end: number): boolean {
  return roleBefore.test(text.slice(Math.max(0, start - 8), start)) || roleAfter.test(text.slice(end, end + 40));
}

const nameStop = /[的了是为在和与及、，。；：“”《》（）\s把将被对从向由以]/u;

/**
 * Names built on a head noun (海棠花红智能先锋阵地 for 阵地): the characters before each occurrence
 * of `head` back to a function word or punctuation, when they add at least two characters.
 */
export function headedNameSpans(text: string, head: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + head.length)) {
    let start = at;
    while (start > 0 && at - start < 14 && !nameStop.test(text[start - 1]!)) start--;
    if (at - start >= 2) spans.push({ start, end: at + head.length });
  }
  return spans;
}

/**
 * Spans of `text` of the kind `type` asks for; [] for types without a span of their own
 * (做法, 成效, 是否, general). Offsets are into `text`. `nameHead` is the noun a 名称 question
 * asks the name of (阵地 in …智能先锋阵地叫什么名字), or for 数量 the contact asked for (电话);
 * `own` the organisations asked about, which no 机构 span names.
 */
export function typedSpans(type: AnswerType, text: string, nameHead: string | null = null, own: readonly string[] = []): TextSpan[] {
  switch (type) {
    case '数量':
      // A contact asked for (nameHead 电话) is answered by its number, which has no unit.
      return [...spansOf(digitQuantity, text), ...spansOf(bareMagnitude, text), ...spansOf(numeralQuantity, text), ...spansOf(percentage, text), ...(nameHead ? spansOf(contactNumber, text) : [])];
    case '时间':
      // 多久开一次: a frequency (每年召开…) answers.
      return nameHead === frequencyHead ? spansOf(frequencySpan, text) : spansOf(dateSpan, text);
    case '名称':
      // An award is named by its own words (…创新奖三等奖); a quoted name beside it is what won it.
      if (nameHead === awardHead) return headedNameSpans(text, nameHead);
      // A major's name, not a compound built on 专业 (工匠精神专业育人, 专业建设).
      if (nameHead === majorHead) return headedNameSpans(text, nameHead).filter((span) => !majorCompound.test(text.slice(span.end)));
      if (nameHead === honourHead) return honourSpans(text);
      return nameHead ? [...spansOf(quotedSpan, text), ...headedNameSpans(text, nameHead)] : spansOf(quotedSpan, text);
    case '人物':
      // 得到了谁的肯定: an official by office (云南省委领导批示肯定) answers as a person does.
      // 被谁认可: the 被 clause's agent (被嘉兴市建设高地领导小组办公室列为…) answers, a body as well.
      return [...personSpans(text), ...spansOf(approvingOfficial, text), ...(nameHead === agentHead ? spansOf(passiveAgent, text) : [])];
    case '机构':
      return organisationSpans(text, own);
    case '列表':
      return [...spansOf(enumeration, text), ...spansOf(ordinalItem, text)];
    case '定义':
      // A definition stands right after the name it defines (“三亮”即…, X是指…).
      return nameHead ? definitionSpans(text, nameHead) : [];
    default:
      return [];
  }
}

/** 以A和B为“两翼”: what a name stands for, said before it. */
const definedBefore = /以([^，。；;]{2,60}?)为[“"「]?$/u;

/**
 * Where `text` defines `name`: a definition cue (即, 是指, ：…) within a few characters after it, or
 * 以…为 right before it (以长三角模具产教融合共同体和高端模塑智能制造产教联合体为“两翼”).
 */
function definitionSpans(text: string, name: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const after = text.slice(at + name.length, at + name.length + 6);
    const cue = definitionCue.exec(after);
    if (cue) spans.push({ start: at, end: at + name.length + cue.index + cue[0].length });
    // 共建“5院4中心”全产业链示范基地，包括…: the parts listed after the thing it names.
    const parts = listedParts.exec(text.slice(at + name.length, at + name.length + 40));
    if (!cue && parts) {
      const from = at + name.length + parts[0].length;
      const stop = text.slice(from, from + 120).search(/[，,。；;]/u);
      spans.push({ start: at, end: stop >= 0 ? from + stop : Math.min(text.length, from + 120) });
    }
    const before = text.slice(Math.max(0, at - 64), at);
    const stated = definedBefore.exec(before);
    if (stated) spans.push({ start: at - before.length + stated.index, end: at + name.length });
  }
  return spans;
}

/** The words of the honours `text` states: after each honour's verb to the clause's end (荣获|江苏省高校先进基层党组织称号). */
function honourSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const verb of text.matchAll(honourVerb)) {
    const start = verb.index + verb[0].length;
    const stop = text.slice(start, start + 80).search(/[，,。；;！？]/u);
    const end = stop >= 0 ? start + stop : Math.min(text.length, start + 80);
    if (end - start >= 4 && !spans.some((span) => span.start <= start && start < span.end)) spans.push({ start, end });
  }
  return spans;
}

/** Whether `type` is answered by a span (a number, a date, a name…) rather than by sentences. */
export function isTyped(type: AnswerType): boolean {
  return type === '数量' || type === '时间' || type === '名称' || type === '人物' || type === '机构';
}
