/**
 * Question analysis: what a question is about and what kind of answer it wants, before any
 * passage is read. Pure: it needs only the question, the corpus's college names and term
 * statistics.
 *
 * Each word gets a role. The subject names who or what (a college, a unit, a place, a person);
 * topic words say what is asked about (quoted names “…” always are); generic words are what any
 * question says (时间, 名字, 类型), judged with jieba's general-language IDF as well as the
 * corpus, so a small corpus that never says 时间 does not make 时间 the topic; intent words say
 * which kind of sentence is wanted (做法, 成效). Weights follow: corpus IDF × general
 * specificity × role.
 */
import { bm25Idf } from '../index/bm25.ts';
import { getJieba, questionWords, stopwords } from '../text/tokenize.ts';
import { partyBuildingTerms } from '../text/domain-terms.ts';
import { looksLikePersonName, opensWithCommonSurname } from '../text/person-names.ts';
import { generalIdf, generalIdfCeiling, type TermStatistics } from './term-statistics.ts';
import {
  answerTypeCues,
  askedUnit,
  draftWording,
  eachOneName,
  nameHomophones,
  agentAsked,
  agentHead,
  frequencyAsked,
  frequencyHead,
  collegesAtLarge,
  areaAsked,
  moneyAsked,
  shareAsked,
  awardHead,
  majorAsked,
  topicEnd,
  majorHead,
  honourAsked,
  honourHead,
  countedPeople,
  contactAsked,
  generalSpecificity,
  genericIdfBelow,
  topicPhraseNameIdfAtLeast,
  genericWords,
  requestFramingWords,
  textGenreWords,
  textKindAsPractice,
  textKindCounted,
  textPartWords,
  proposalPartWords,
  proposalAsked,
  quotedShape,
  answerMark,
  intentWords,
  listCountAtMost,
  organisationName,
  collegeAbbreviation,
  teamAsked,
  unitAfterName,
  organisationWordIdf,
  placeName,
  practiceNouns,
  properNounTags,
  functionWordTags,
  personProfileAsked,
  provinces,
  roleFactor,
  partWithin,
  itemPositionAsked,
  wholeOfPartFactor,
  roleWords,
  knownPlaces,
  listAlternativeShare,
  singleCharacterFactor,
  absentWordIdfShare,
  absentBesidePresentShare,
  absentKeepsAtLeast,
  absentAskedAfter,
  absentAskedBefore,
  absentQualifierGap,
  absentKindHead,
  qualifierBreak,
  synonymsOf,
  scopeNoun,
  type AnswerType,
  genericTail,
  yesNoKnobs,
  placeAsCollege,
  articlePointer,
  countedColleges,
  outlineAsked,
  outlineWords,
} from './tuning.ts';
import { countedIn } from './claimed-values.ts';

export type { AnswerType } from './tuning.ts';

/** The part a word plays in a question. */
export type TermRole = 'subject' | 'topic' | 'generic' | 'intent';

export interface QuestionTerm {
  word: string;
  role: TermRole;
  weight: number;
  /** Passages of the corpus holding the word as a token (0: never as a token). */
  documentFrequency: number;
  /** True for quoted names and organisation names, which are looked for as written. */
  isName: boolean;
  /**
   * The question depends on it: a name, a year, a person, an organisation. An article that does
   * not mention it does not answer the question, however well it covers the rest.
   */
  critical: boolean;
  /** A place the question is about (东营市): an article that does not name it is less likely to answer. */
  place: boolean;
  /** In a follow-up, a word the conversation carried in rather than one the user wrote (context, not what is asked). */
  carried?: boolean;
  /**
   * The other items of a list the question names (党员先锋岗、积分管理、主题党日): any one of them
   * covers the list, which weighs as its heaviest item.
   */
  alternatives?: string[];
  /**
   * For a common noun and the topic noun it qualifies, read as one word (学生党员): the head (党员)
   * and the share of the weight a text holding only the head holds, since 学生…党员 apart (学生管理,
   * 党员教师) is not 学生党员.
   */
  head?: { word: string; share: number };
}

export interface QuestionAnalysis {
  question: string;
  answerType: AnswerType;
  /** Colleges of the corpus the question names, longest first. */
  colleges: string[];
  /** Organisations the question names that are not colleges of the corpus (清华大学…). */
  otherOrganisations: string[];
  /** Names in quotation marks (“三亮三比”). */
  quoted: string[];
  /** What a follow-up narrowing the last question picks its items by (全国 of 其中全国的是哪个), when it is one. */
  narrowedBy?: string;
  /** The part a question asks of a whole it names (亮承诺 of “三亮三比”工程的亮承诺), when it asks one. */
  partAsked?: string;
  /** The person a question asks what the articles say of (朱光耀 of 朱光耀是啥身份), when it asks that. */
  person?: string;
  terms: QuestionTerm[];
  /** Sum of all weights. */
  totalWeight: number;
  /** How many items a list question expects (三个项目, 哪三 → 3), when it says. */
  expectedCount: number | null;
  /** The noun a list question enumerates (实施了哪些制度 → 制度). */
  listHead: string | null;
  /** The unit a count question names (几名 → 名), or null. */
  unit: string | null;
  /**
   * The noun a 名称 question asks the name of (…智能先锋阵地叫什么名字 → 阵地), what a 定义 question
   * defines, or the contact a 数量 question asks the number of (举报电话是多少 → 电话).
   */
  nameHead: string | null;
}

export interface QuestionContext {
  /** The corpus's colleges. */
  colleges: readonly string[];
  terms: TermStatistics;
  /** A follow-up's own words, when `question` is it rewritten with the conversation's subject and topic. */
  ownWords?: string;
  /**
   * The question names a topic to draft or compare on (学生党员培养) rather than asks about one: its
   * common words narrow the topic (学生 of 学生党员) as much as its rare ones.
   */
  topicPhrase?: boolean;
  /** What a follow-up narrowing the last question picks by (全国 of 其中全国的是哪个): its words tell which items, however common. */
  narrowedBy?: string;
  /** People the articles name (朱光耀, 马庆斋), read whole however jieba would cut them. */
  people?: readonly string[];
  /**
   * Several colleges asked of together (苏工院讲“德技融合”，台州科院讲“五育并举”): each may say its own
   * quoted name, so the quoted names stand for one another, as a list's items do.
   */
  quotedApart?: boolean;
}

const intentSet: ReadonlySet<string> = new Set(intentWords);
const genericSet: ReadonlySet<string> = new Set(genericWords);
const requestFramingSet: ReadonlySet<string> = new Set(requestFramingWords);
const textGenreSet: ReadonlySet<string> = new Set(textGenreWords);
const textPartSet: ReadonlySet<string> = new Set(textPartWords);
const proposalPartSet: ReadonlySet<string> = new Set(proposalPartWords);
const roleSet: ReadonlySet<string> = new Set(roleWords);
const placeSet: ReadonlySet<string> = new Set(knownPlaces);

/**
 * Whether a request says a kind of text or its part as the text it wants (出一期黑板报, 报头一行),
 * not as a practice it asks about (给困难党员写慰问信, 栏目建设的做法).
 */
function textKindFraming(word: string, question: string, request = question): boolean {
  // A proposal's part is framing in a request for one, whichever of its clauses says it.
  if (proposalPartSet.has(word)) return proposalAsked.test(request);
  const genre = textGenreSet.has(word);
  if (!genre && !textPartSet.has(word)) return false;
  let counted = false;
  for (let at = question.indexOf(word); at >= 0; at = question.indexOf(word, at + word.length)) {
    if (textKindAsPractice.test(question.slice(at + word.length))) return false;
    if (textKindCounted.test(question.slice(0, at))) counted = true;
  }
  return !genre || counted;
}

/** Whether a word names a place: a well-known one (北京, 兰州) or one with its suffix (东营市, 海陵区). */
export function isPlaceWord(word: string): boolean {
  return placeSet.has(word) || placeName.test(word);
}
const intentQualifiers: ReadonlySet<string> = new Set(['具体', '主要', '典型', '有效', '特色', '先进', '好的', '成功', '突出', '显著', '创新']);
const personTags: ReadonlySet<string> = new Set(['nr', 'nrfg', 'nrt']);
const domainSet: ReadonlySet<string> = new Set(partyBuildingTerms);
// A quote may hold one within it (“建设‘红船堡垒’ 夯实党建之基”): the inner marks stay in the name.
const quotedName = /[“"「『‘]((?:‘[^’”]{1,20}’|[^”"」』’‘]){1,30})[”"」』’]/gu;
/** A work named by its title (《关于…的通知》). */
export const bookTitle = /《([^》]{1,80})》/gu;
/** What comes before a title the asker makes (要出一期《…》, 准备编一本《…》): not one a college issued (印发《…》). */
const ownPublication = /(?:要|想|准备|打算|计划|帮我|给我|我们|咱们)[^，。？?《]{0,4}?(?:出|办|编|做|写|印)(?:一|这|下)?(?:期|本|份|篇|个|册)$|在(?:编|写|做|出)$/u;
/** A counted name (三服务) right before the question asks for as many of its parts (是哪三个, 包括哪三项). */
const unquotedCounted = /(?:^|的|之)([一二三四五六七八九十两][^\s\p{P}个年月日天名位项次条种届批期场张份点多余大方倍级类家所支门]{1,3}?)(?:具体)?(?:是指|指的是|是|指|包括|包含|分别是)(?:哪|那)([一二三四五六七八九十两])/u;
/**
 * A counted name (三服务, 三亮三比) opening what a question asks of it (是指什么, 工程是哪三服务, 是怎么做的):
 * at the question's start or after the unit it is of. Not a place (四川省如何…, 九江市是…), nor a word
 * opening with 一 (一共, 一般, 一些) or counting people (两人). Its verb may come first (三比比的是啥).
 */
const unquotedCountedAsked = /(?:^|的|之|学院|支部|党总支|党委|那个|这个)([二三四五六七八九十两][^\s\p{P}个年月日天名位人项次条种届批期场张份点多余大方倍级类家所支门的]{1,3}?)(?<![省市县区州])(?:工程|项目|机制|计划|行动|制度|工作法|模式)?(?:具体|主要|到底)?(?:[比抓讲学做干建亮]的)?(?:是|指|包括|包含|分别是|都是|有哪些)/u;
/**
 * A coined name of counted parts written with digits (5院4中心, 1团6心5育): counts, each of a word of
 * one or two characters that is no unit of time or measure (2月17日, 3个月). Matched up to its last
 * count; the word after it is read off jieba (5育 of 1团6心5育包括…, 4中心 of 5院4中心是啥).
 */
const countUnits = '年月日号时点分秒周天岁个名人项次万亿元倍家所条批期届';
const digitCountedName = new RegExp(`(?<!\\d)(?:\\d{1,2}(?![${countUnits}])\\p{Script=Han}{1,2})+\\d{1,2}(?=[^\\d${countUnits}\\P{Script=Han}])`, 'gu');

/** The coined names of counts a question writes with digits, without quotation marks. */
function digitCountedNames(question: string): string[] {
  const unquoted = question.replace(quotedName, '|');
  return [...unquoted.matchAll(digitCountedName)].flatMap((match) => {
    const [last] = getJieba().cut(unquoted.slice(match.index + match[0].length), false);
    return last && /^\p{Script=Han}{1,2}$/u.test(last) ? [`${match[0]}${last}`] : [];
  });
}

/** Question words jieba keeps whole (几名, 多少次, 哪天, 哪所) and counts (三项, 五大): they ask, they are not the topic. */
const askingWord = /^(?:几|多少|多久|哪|何|有何|作何|为何|如何|怎|啥)|^[两二三四五六七八九十\d]+(?:个|项|大|种|类|支|条|点|件|位|名)$/u;
const year = /^(?:19|20)\d{2}$/u;

/**
 * A month's or day's number of a date the question gives (1 and 25 of 2020年1月25日晚上, 2 of 2月下旬):
 * articles write the date otherwise (25日晚, 近日), and its digits are no topic.
 */
function dayOrMonth(word: string, question: string): boolean {
  return /^\d{1,2}$/u.test(word) && new RegExp(`(?<!\\d)${word}\\s*(?:月|日|号)`, 'u').test(question);
}

/** The question's weightiest topic word: what dates a sentence and what a cut must keep. */
export function weightiestTopic(analysis: Pick<QuestionAnalysis, 'terms'>): QuestionTerm | undefined {
  return analysis.terms.filter((term) => term.role === 'topic').reduce<QuestionTerm | undefined>((best, term) => (!best || term.weight > best.weight ? term : best), undefined);
}

/** Whether a question word is a year (2020), which bounds what articles can answer it. */
export function isYear(word: string): boolean {
  return year.test(word);
}
/** What may stand before an organisation's name without being part of it (2021年嘉职院, 与浙江大学). */
const organisationLead = /^[\d年月日的在和与及对是为把被将从向于等、同跟去到那]+/u;

/** 具体做法, 主要成效, 典型经验: an intent word with a qualifier that adds no topic. */
function isQualifiedIntent(word: string): boolean {
  for (const intent of intentWords) {
    if (word.length > intent.length && word.endsWith(intent)) {
      const qualifier = word.slice(0, -intent.length);
      return questionWords.has(qualifier) || genericSet.has(qualifier) || intentQualifiers.has(qualifier);
    }
  }
  return false;
}

/** The answer type a question asks for (first matching cue of `answerTypeCues`). */
export function answerTypeOf(question: string): AnswerType {
  // Spoken forms ask the same (指的是啥, 就业咋样, 是干嘛的): the cues are written for 什么 and 怎么.
  const written = question.replace(/干[嘛吗]/gu, '干什么').replace(/啥/gu, '什么').replace(/咋/gu, '怎么');
  for (const [type, cue] of answerTypeCues) if (cue.test(written)) return type;
  return 'general';
}

const chineseNumerals: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A count written in digits or Chinese numerals up to 十 (三 → 3, 12 → 12), or null. */
export function numeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return chineseNumerals[text] ?? null;
}

/**
 * A count of the items asked for (哪七大, 三个); a larger number counts what the question is about
 * (建立的95个集中隔离医学观察点提供哪些服务), not the answer's items.
 */
function countedPhrase(question: string): RegExpExecArray | null {
  // 七个一先锋工程 is a name (eachOneName), no count; 四个一是哪四个一 counts by its 哪四个.
  const unnamed = question.replace(quotedName, '').replace(eachOneName, (name, offset: number, whole: string) => (/[哪这那]/u.test(whole[offset - 1] ?? '') ? name : '|'));
  const match = /(?:哪|这|那)?([两二三四五六七八九十]|\d{1,2})(?:个|项|支|大|种|条|类|点|方面|部分|件)/u.exec(unnamed);
  return match && (numeral(match[1]!) ?? 0) <= listCountAtMost ? match : null;
}

/** The words a question counts its items with (七大 in 哪七大重点领域), as an article would write them; or null. */
export function countPhraseOf(question: string): string | null {
  return countedPhrase(question)?.[0].replace(/^[哪这那]/u, '') ?? null;
}

/**
 * How many items a question expects, when it says: 哪三个, 三个项目, 包括哪四支, or a quoted name
 * that counts its parts (“三亮” → 3, “五大计划” → 5; the last quoted name is what is asked about).
 */
export function expectedCountOf(question: string): number | null {
  const match = countedPhrase(question);
  if (match) return numeral(match[1]!);
  const names = [...question.matchAll(quotedName)].map((name) => name[1]!);
  const unquoted = names.length === 0 ? (unquotedCountedName(question) ?? eachOneNames(question).at(-1) ?? null) : null;
  if (unquoted) names.push(unquoted);
  const counted = /^([两二三四五六七八九十])(?:大|个|项|种|型|维|位|链|全|亮|比|服务|融|育|心|翼|支)?/u.exec(names[names.length - 1] ?? '');
  return counted ? numeral(counted[1]!) : null;
}

/**
 * A quoted name that counts two lists (“三亮三比”: three 亮… and three 比…), as its halves with
 * their counts; or null.
 */
export function countedHalves(name: string): [string, number][] | null {
  const match = /^([两二三四五六七八九十])([\u4e00-\u9fa5])([两二三四五六七八九十])([\u4e00-\u9fa5])$/u.exec(name);
  if (!match || match[2] === match[4]) return null;
  return [
    [`${match[1]}${match[2]}`, numeral(match[1]!)!],
    [`${match[3]}${match[4]}`, numeral(match[3]!)!],
  ];
}

const aliasTables = new WeakMap<readonly string[], [string, string][]>();

/**
 * The names a college goes by in questions, longest first: its full name and the short forms
 * articles and users write (浙江机电职院 and 浙江机电 for 浙江机电职业技术学院, 嘉职院 for 嘉兴职业技术学院
 * when no other college shares the short form).
 */
function aliasTable(colleges: readonly string[]): [string, string][] {
  let table = aliasTables.get(colleges);
  if (table) return table;
  const entries: [string, string][] = [];
  const counts = new Map<string, number>();
  const candidates = colleges.map((college) => {
    const forms = new Set([college]);
    const stem = /^(.{2,}?)(?:职业技术学院|职业学院|职业技术大学)$/u.exec(college)?.[1];
    if (stem) {
      forms.add(`${stem}职院`);
      if ([...stem].length >= 4) forms.add(stem);
      forms.add(`${stem[0]}职院`);
      // A place and a field (苏州 + 工业) are shortened to their first characters: 苏州工职院, 苏工职院,
      // and with 院 alone, 台州科院, 苏工院.
      const [place, field] = [stem.slice(0, 2), stem.slice(2)];
      if ([...field].length >= 2) {
        for (const suffix of ['职院', '院']) {
          forms.add(`${place}${field[0]}${suffix}`);
          forms.add(`${place[0]}${field[0]}${suffix}`);
        }
        // The place's first character with the field (浙机电, 湖电气), or with its first character (湖电).
        forms.add(`${place[0]}${field}`);
        forms.add(`${place[0]}${field[0]}`);
      }
      // 嘉职 (嘉兴职业技术学院).
      forms.add(`${stem[0]}职`);
    }
    for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + 1);
    return { college, forms };
  });
  for (const { college, forms } of candidates) for (const form of forms) if (form === college || counts.get(form) === 1) entries.push([form, college]);
  table = entries.sort((a, b) => b[0].length - a[0].length);
  aliasTables.set(colleges, table);
  return table;
}

/**
 * `text` with a corpus college's name or short form (three characters or more) typed with one
 * character swapped for one that sounds the same (台洲科院, 湖南电器) written as the college writes it.
 */
export function withCollegeNamesMended(text: string, colleges: readonly string[]): string {
  let mended = text;
  for (const [form] of aliasTable(colleges)) {
    const characters = [...form];
    if (characters.length < 3 || mended.includes(form)) continue;
    characters.forEach((character, index) => {
      for (const other of nameHomophones.find((group) => group.includes(character)) ?? []) {
        if (other === character) continue;
        const typed = [...characters.slice(0, index), other, ...characters.slice(index + 1)].join('');
        if (mended.includes(typed)) mended = mended.split(typed).join(form);
      }
    });
  }
  return mended;
}

/**
 * Colleges of `colleges` named in `text` (by full name or a short form), longest first; a shorter
 * name inside a longer one is not counted twice.
 */
export function collegesNamedIn(text: string, colleges: readonly string[]): string[] {
  return [...new Set(collegeMentions(text, colleges).map((mention) => mention.college))];
}

/** Colleges a text names, also by a college's place and one of its units (台州机电模具学院 → 台州科技职业学院). */
export function collegesAskedOf(text: string, colleges: readonly string[]): string[] {
  const named = collegesNamedIn(text, colleges);
  for (const { college } of placeAndUnitMentions(text, colleges)) if (!named.includes(college)) named.push(college);
  return named;
}

/** The names a text gives a college by its place and one of its units (台州机电模具学院), each with that college. */
export function placeAndUnitMentions(text: string, colleges: readonly string[]): { form: string; college: string }[] {
  return organisationsNamedIn(text, colleges).flatMap((name) => {
    const split = collegeAndUnit(name, colleges);
    return split ? [{ form: name, college: split.college }] : [];
  });
}

/** Organisations a text names besides the corpus's colleges (风能学院, 清华大学), as written. */
export function organisationsNamedIn(text: string, colleges: readonly string[]): string[] {
  const rest = collegeMentions(text, colleges).reduce((remaining, { form }) => remaining.split(form).join(' '), text);
  return [...rest.matchAll(organisationName)].map((match) => organisationIn(match[0])).filter((name): name is string => name !== null);
}

/** Where `text` names colleges: the words used and the college each stands for. */
export function collegeMentions(text: string, colleges: readonly string[]): { form: string; college: string }[] {
  const found: { form: string; college: string }[] = [];
  // Longer names first; a shorter one counts only where it is not part of a longer one found.
  const taken: [number, number][] = [];
  for (const [form, college] of aliasTable(colleges)) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (taken.some(([start, end]) => at < end && start < at + form.length)) continue;
      // A short form stands where a word starts and ends (湖电风能学院, 跟湖电), not inside one (平台科技, 湖电网).
      const after = text[at + form.length];
      if ([...form].length <= 3 && ((at > 0 && wordTag(`${text[at - 1]}${form[0]}`) !== undefined) || (after !== undefined && wordTag(`${form[form.length - 1]}${after}`) !== undefined))) continue;
      taken.push([at, at + form.length]);
      if (!found.some((other) => other.form === form)) found.push({ form, college });
    }
  }
  // Beside another college named, or colleges counted (嘉兴、台州、浙江机电这三家), a place in the list is one too.
  const listed = found.length > 0 || countedColleges.test(text);
  for (const mention of placeMentions(text, colleges, listed)) if (!found.some((other) => other.college === mention.college)) found.push(mention);
  return found;
}

/**
 * Colleges named by their place alone where the place stands for a college: before a pointer at
 * its article or a kind of unit (苏州那篇, 苏州和湖南两个教工党支部). A place counts when exactly one
 * college's name opens with it.
 */
function placeMentions(text: string, colleges: readonly string[], listed: boolean): { form: string; college: string }[] {
  const table = placeTable(colleges);
  if (!table) return [];
  return [...text.matchAll(listed ? table.listedRun : table.run)].flatMap((match) =>
    match[0]
      .split(/和|与|、|跟|以及|及/u)
      .filter((part) => table.owners.has(part.slice(0, 2)))
      .map((part) => ({ form: part, college: table.owners.get(part.slice(0, 2))! })),
  );
}

const placeTables = new WeakMap<readonly string[], { owners: Map<string, string>; run: RegExp; listedRun: RegExp } | null>();

/**
 * The places that stand for one college each (苏州 for 苏州工业职业技术学院), and the patterns of a run
 * of them before what makes them colleges; built once per list of colleges, as the alias table is.
 */
function placeTable(colleges: readonly string[]): { owners: Map<string, string>; run: RegExp; listedRun: RegExp } | null {
  if (placeTables.has(colleges)) return placeTables.get(colleges)!;
  const byPlace = new Map<string, string[]>();
  for (const college of colleges) {
    const place = college.slice(0, 2);
    if (college.length > 2) byPlace.set(place, [...(byPlace.get(place) ?? []), college]);
  }
  // Not the country (中国 of 中国人民大学).
  const owners = new Map([...byPlace].filter(([place, found]) => found.length === 1 && !nationWide.test(place)).map(([place, found]) => [place, found[0]!] as const));
  let table: { owners: Map<string, string>; run: RegExp; listedRun: RegExp } | null = null;
  if (owners.size > 0) {
    // A place, not its province or city (浙江省, 北京市); one listed before another may carry a short
    // unit name (湖南风能和苏州两个教工党支部).
    const place = `(?:${[...owners.keys()].join('|')})(?![省市县区])`;
    const runBefore = (after: string): RegExp => new RegExp(`(?:${place}\\p{Script=Han}{0,4}?(?:和|与|、|跟|以及|及))*${place}(?=${after})`, 'gu');
    const after = placeAsCollege.source.replace(/\^/gu, '');
    table = { owners, run: runBefore(after), listedRun: runBefore(`${after}|[、和与及]`) };
  }
  placeTables.set(colleges, table);
  return table;
}

function specificity(word: string): number {
  const idf = generalIdf(word);
  const { low, high, floor } = generalSpecificity;
  if (idf <= low) return floor;
  if (idf >= high) return 1;
  return floor + ((1 - floor) * (idf - low)) / (high - low);
}

/** Names of the form N个一 typed without quotation marks (七个一先锋工程, 四个一): a name as “七个一” is. */
function eachOneNames(question: string): string[] {
  return [...question.replace(quotedName, '|').matchAll(eachOneName)].map((match) => match[0]);
}

/**
 * A name that counts its parts, typed without quotation marks, asked for by its own count
 * (三服务是哪三个 → 三服务): a name as much as “三服务” is.
 */
function unquotedCountedName(question: string): string | null {
  const unquoted = question.replace(quotedName, '|');
  const match = unquotedCounted.exec(unquoted);
  if (match) return match[1]!.startsWith(match[2]!) ? match[1]! : null;
  return unquotedCountedAsked.exec(unquoted)?.[1] ?? null;
}

/**
 * The name a work's title (the words within 《》) is looked for by: quotation marks within a title
 * differ between writers (“四位一体” / ‘四位一体’), so it is read without them.
 */
export function titleName(title: string): string {
  return title.replace(/[“”‘’"'「」『』]/gu, '').trim();
}

/** Analyses a question against the corpus's colleges and term statistics. */
export function analyzeQuestion(question: string, context: QuestionContext): QuestionAnalysis {
  const terms: QuestionTerm[] = [];
  const seen = new Set<string>();
  // A word no passage holds weighs as much as a word can: its IDF at document frequency 0.
  const rarest = bm25Idf(context.terms.chunkCount, 0);
  const corpusIdf = (word: string, documentFrequency: number): number => (documentFrequency > 0 ? context.terms.idf(word) : rarest);
  const add = (term: QuestionTerm): void => {
    if (seen.has(term.word)) return;
    seen.add(term.word);
    terms.push(term);
  };

  // Names first: quoted names and organisations are one term each, however jieba would cut them.
  let rest = question;
  // A quoted shape (“××机制”, “党建+××”) stands for the names it fits: its fixed words are asked, not
  // it. A quoted mark the answer is to write (那格写“未写”, 标明“涨幅”) is asked of nothing.
  for (const match of question.matchAll(quotedName)) {
    const inner = match[1]!;
    if (quotedShape.test(inner)) rest = rest.split(match[0]).join(` ${inner.replace(new RegExp(quotedShape.source, 'gu'), ' ')} `);
    else if (answerMark.test(inner)) rest = rest.split(match[0]).join(' ');
  }
  const quoted = [...rest.matchAll(quotedName)].map((match) => match[1]!.trim()).filter((name) => name.length > 0);
  const unquoted = [unquotedCountedName(question), ...digitCountedNames(question), ...eachOneNames(question)];
  for (const name of unquoted) if (name && !quoted.some((other) => other.includes(name))) quoted.push(name);
  const apart = context.quotedApart === true && quoted.length > 1;
  for (const [index, name] of quoted.entries()) {
    if (!apart || index === 0) add({ word: name, role: 'topic', weight: rarest, documentFrequency: context.terms.documentFrequency(name), isName: true, critical: true, place: false, ...(apart ? { alternatives: quoted.slice(1) } : {}) });
    rest = rest.split(name).join(' ');
  }
  // A work the question names by its title (《关于…的通知》) is one it depends on: an article that never
  // names it does not answer. Its words stay topic words too, since the sentence that answers seldom
  // repeats the title, so the title itself weighs nothing in coverage.
  for (const match of question.matchAll(bookTitle)) {
    // Not the asker's own publication (要出一期《基层党建简报》): what they make, not a source.
    if (ownPublication.test(question.slice(0, match.index))) continue;
    const title = titleName(match[1]!);
    if (title.length > 0) add({ word: title, role: 'subject', weight: 0, documentFrequency: context.terms.documentFrequency(title), isName: true, critical: true, place: false });
  }
  const mentions = collegeMentions(rest, context.colleges);
  const colleges = [...new Set(mentions.map((mention) => mention.college))];
  for (const { form, college } of mentions) {
    add({ word: college, role: 'subject', weight: rarest, documentFrequency: 1, isName: true, critical: true, place: false });
    rest = rest.split(form).join(' ');
  }
  rest = rest.replace(articlePointer, ' ');
  // A unit written right after its college (中国人民大学经济学院) is named by its own words, however
  // common they are: 经济 alone says little, but in 经济学院 it picks the passage.
  const unitWords = new Set<string>();
  for (const { form } of mentions) {
    for (let at = question.indexOf(form); at >= 0; at = question.indexOf(form, at + form.length)) {
      const unit = unitAfterName.exec(question.slice(at + form.length));
      if (unit) for (const word of getJieba().cut(unit[1]!, false)) unitWords.add(word.toLowerCase());
    }
  }
  // People the articles name that jieba cuts apart (朱/光耀 of 自动化学院的朱光耀是啥身份): one topic
  // each, as a quoted name, longest first. One jieba reads whole is read as any word is; either
  // stands apart before organisations are looked for (黄忠慧是自动化学院… names no 黄忠慧是自动化学院).
  const people = [...(context.people ?? [])].filter((name) => rest.includes(name)).sort((a, b) => b.length - a.length);
  const whole = new Set(people.length > 0 ? getJieba().cut(question, true) : []);
  for (const name of people) {
    if (!rest.includes(name)) continue;
    if (whole.has(name)) {
      rest = rest.split(name).join(` ${name} `);
      continue;
    }
    const documentFrequency = context.terms.documentFrequency(name);
    add({ word: name, role: 'topic', weight: corpusIdf(name, documentFrequency), documentFrequency, isName: true, critical: false, place: false });
    rest = rest.split(name).join(' ');
  }

  const otherOrganisations: string[] = [];
  for (const match of rest.matchAll(organisationName)) {
    let name = organisationIn(match[0]);
    if (!name) continue;
    // 台州机电与模具工程学院: a corpus college's place, then one of its units.
    const split = collegeAndUnit(name, context.colleges, colleges.length === 0);
    if (split) {
      add({ word: split.college, role: 'subject', weight: rarest, documentFrequency: 1, isName: true, critical: true, place: false });
      if (!colleges.includes(split.college)) colleges.push(split.college);
      rest = rest.split(name).join(` ${split.unit} `);
      name = split.unit;
    }
    otherOrganisations.push(name);
    add({ word: name, role: 'subject', weight: rarest, documentFrequency: context.terms.documentFrequency(name), isName: true, critical: true, place: false });
    rest = rest.split(name).join(' ');
  }
  // A short name too short to be read as one above (深职院): a college the question names.
  for (const match of rest.matchAll(collegeAbbreviation)) {
    const name = match[1]!;
    // 电气职院 is 湖南电气职业技术学院 said short: a part of a corpus college's name is that college's.
    const place = name.replace(/(?:职院|职技院|职大|工院|科院)$/u, '');
    if (context.colleges.some((college) => college.includes(place))) continue;
    otherOrganisations.push(name);
    add({ word: name, role: 'subject', weight: rarest, documentFrequency: context.terms.documentFrequency(name), isName: true, critical: true, place: false });
    rest = rest.split(name).join(' ');
  }

  // 朱光耀是啥身份, 方文浩拿过啥奖: what the articles say of that person, whatever it is called.
  // Not one dated (李文海在1991年6月获得了什么称号), which asks of that time's.
  const profile = people.length > 0 && !/\d/u.test(question) ? personProfileAsked.exec(question) : null;
  // 几个学校…比一比: in a comparison or a draft, the colleges at large are its subject, no count asked;
  // not of a college named (台州科技职院建了几个学院 counts its schools).
  const answerType = profile || (context.topicPhrase && colleges.length === 0 && otherOrganisations.length === 0 && collegesAtLarge.test(question)) ? 'general' : answerTypeOf(question);
  // The common noun before a topic noun, which says which of it is asked about (学生 of 学生党员).
  let modifier: { term: QuestionTerm; end: number } | undefined;
  // A word no article writes right before a topic noun they do write (中外合作 of 中外合作办学).
  let absentModifier: { term: QuestionTerm; end: number } | undefined;
  let position = 0;
  // 拿过奖 is cut 拿/过奖 (过奖, "you flatter me"): the award is 奖.
  const tokens = resegmented(getJieba().tag(rest.replace(/(?<=[拿获得评])过奖/gu, '过 奖'), true), context.terms, answerType === '数量' || answerType === '时间');
  // Two nouns alone together (学生党员), not part of a longer run (金融|工程|专业), where which noun
  // qualifies which is not told by their order.
  const pairedNoun = (index: number): boolean => !tokens[index - 2]?.tag.startsWith('n') && !tokens[index + 1]?.tag.startsWith('n');
  for (const [index, { word: raw, tag }] of tokens.entries()) {
    const start = rest.indexOf(raw, position);
    if (start >= 0) position = start + raw.length;
    const word = raw.trim().toLowerCase();
    if (!word || !/[\p{L}\p{N}]/u.test(word) || stopwords.has(word) || questionWords.has(word) || askingWord.test(word)) continue;
    if (year.test(word)) {
      // A year bounds the question: an article of another year does not answer it.
      add({ word, role: 'subject', weight: corpusIdf(word, context.terms.documentFrequency(word)), documentFrequency: context.terms.documentFrequency(word), isName: true, critical: true, place: false });
      continue;
    }
    const documentFrequency = context.terms.documentFrequency(word);
    const general = generalIdf(word);
    let role: TermRole;
    const isPlace = isPlaceWord(word);
    if (intentSet.has(word) || isQualifiedIntent(word)) role = 'intent';
    else if (isPlace) role = 'subject';
    else if (roleSet.has(word)) role = 'topic';
    else if (genericSet.has(word) || (context.topicPhrase && (requestFramingSet.has(word) || textKindFraming(word, question, context.ownWords))) || numeralCount.test(word) || dayOrMonth(word, question) || (outlineWords.test(word) && outlineAsked.test(question))) role = 'generic';
    // A word of the field jieba tags as a proper noun (党风廉政: nz) is what is asked about, not who.
    // jieba tags some common words as names or places (深度 ns, 高水平 nr): in a topic to draft or
    // compare on, a word of its general table that common is what the topic says, not whose it is.
    else if ((properNounTags.has(tag) && general >= genericIdfBelow && !domainSet.has(word) && !(context.topicPhrase && general < topicPhraseNameIdfAtLeast)) || placeName.test(word)) role = 'subject';
    else if ((general < genericIdfBelow || functionWordTags.has(tag)) && !domainSet.has(word) && !properNounTags.has(tag)) role = 'generic';
    // A set phrase or idiom no article writes, said of a doing (一门心思扑到, 雷打不动要做) rather than
    // of a kind of thing (离退休党支部, 退役军人学生党员), says how the asker talks, not what is asked.
    else if (setPhraseTags.has(tag) && documentFrequency === 0 && !domainSet.has(word) && !writtenOrSynonym(word, context.terms) && saidOfADoing(tokens[index + 1])) role = 'generic';
    else role = 'topic';
    const single = [...word].length === 1 ? singleCharacterFactor : 1;
    const inUnit = unitWords.has(word) && role !== 'intent';
    if (inUnit) role = 'subject';
    // A word whose synonym the corpus uses (拿到 / 荣获) is not absent: the evidence looks for that form.
    const absent = writtenOrSynonym(word, context.terms) ? 1 : absentWordIdfShare;
    const weight = corpusIdf(word, documentFrequency) * absent * (inUnit ? 1 : specificity(word)) * roleFactor[role] * single;
    // A person or organisation the corpus never names (李明) rules out every article; a place
    // (北京, 东营市) weighs against an article that does not name it (articles say 本市).
    // jieba's dictionary tags some common nouns as names (申请书): a person's name opens with a surname.
    const person = personTags.has(tag) && opensWithCommonSurname(word) && !genericSet.has(word);
    const critical = !isPlace && person && documentFrequency === 0 && [...word].length >= 2;
    const term: QuestionTerm = { word, role, weight, documentFrequency, isName: false, critical, place: isPlace };
    // 学生党员: 学生 is common in any text, but here it tells which 党员; the two are one topic word.
    if (modifier && modifier.end === start && role === 'topic' && tag.startsWith('n') && pairedNoun(index) && modifier.term.role === 'generic' && !genericSet.has(modifier.term.word) && !scopeNoun.test(modifier.term.word) && !seen.has(word)) {
      const qualifier = modifier.term;
      const qualifierWeight = (qualifier.weight / roleFactor.generic) * roleFactor.topic;
      qualifier.word = `${qualifier.word}${word}`;
      qualifier.role = 'topic';
      qualifier.weight = qualifierWeight + weight;
      qualifier.documentFrequency = Math.min(qualifier.documentFrequency, documentFrequency);
      qualifier.head = { word, share: weight / (qualifierWeight + weight) };
      seen.add(qualifier.word);
      modifier = undefined;
      continue;
    }
    // In a topic to draft or compare on, the noun after a qualifier no article writes (办学 of
    // 中外合作办学, 教育 of 心理健康教育) is that kind of thing: a text with the noun alone says it in part.
    // A common word there (合作, 教育) is a topic word too, as it becomes below. Not a noun that
    // qualifies the next one in turn (学生 of 退役军人学生党员): the phrase's head is further on.
    const qualifiesNext = tokens[index + 1]?.tag.startsWith('n') && !scopeAfter.test(tokens[index + 1]!.word);
    if (context.topicPhrase && absentModifier && absentModifier.end === start && (role === 'topic' || (role === 'generic' && !genericSet.has(word))) && /^(?:n|vn)$/u.test(tag) && !qualifiesNext && documentFrequency > 0 && !seen.has(word)) {
      const qualifier = absentModifier.term;
      const headWeight = role === 'topic' ? weight : (weight / roleFactor.generic) * roleFactor.topic;
      qualifier.head = { word, share: headWeight / (qualifier.weight + headWeight) };
      qualifier.word = `${qualifier.word}${word}`;
      qualifier.weight += headWeight;
      seen.add(qualifier.word);
      absentModifier = undefined;
      modifier = undefined;
      continue;
    }
    modifier = tag === 'n' && [...word].length >= 2 && !seen.has(word) ? { term, end: position } : undefined;
    absentModifier = role === 'topic' && documentFrequency === 0 && absent < 1 && !critical && !isPlace && /^(?:n|nz|l)$/u.test(tag) && [...word].length >= 2 ? { term, end: position } : undefined;
    add(term);
  }

  // A question of common words only (各院校服务地方发展的做法), or a topic to draft or compare on, is
  // about them: its content words the corpus uses are its topic. Words listed as a question's own (时间, 情况) and single characters
  // (张三是谁, read as 张 + 三) stay generic.
  if (context.topicPhrase || !terms.some((term) => term.role === 'subject' || term.role === 'topic')) {
    for (const term of terms) {
      if (term.role !== 'generic' || [...term.word].length < 2 || term.documentFrequency === 0 || genericSet.has(term.word) || !/^\p{Script=Han}+$/u.test(term.word)) continue;
      term.role = 'topic';
      term.weight *= roleFactor.topic / roleFactor.generic;
    }
  }
  const narrowed = context.narrowedBy?.toLowerCase();
  if (narrowed) {
    for (const term of terms) {
      if (term.role !== 'generic' || [...term.word].length < 2 || term.documentFrequency === 0 || genericSet.has(term.word) || !narrowed.includes(term.word)) continue;
      term.role = 'topic';
      term.weight *= roleFactor.topic / roleFactor.generic;
    }
  }
  mergeListedTerms(question, terms);
  // The words asking of a person's profile (身份, 奖, 入选) ask, they are no topic.
  if (profile) {
    for (const term of terms) {
      if (term.role !== 'topic' || !profile[0].toLowerCase().includes(term.word)) continue;
      term.weight *= roleFactor.intent / roleFactor.topic;
      term.role = 'intent';
    }
  }
  // 五大工程里第二个: the place of the item asked asks, it is no topic.
  const placeAsked = itemPositionAsked.exec(question);
  if (placeAsked) {
    const place = placeAsked[0].slice(placeAsked[0].search(/第|最后|末尾/u));
    for (const term of terms) {
      if (term.role === 'intent' || !place.includes(term.word)) continue;
      term.weight *= roleFactor.intent / roleFactor[term.role];
      term.role = 'intent';
    }
  }
  // 三亮三比里的亮承诺: the part asked about is the topic; the whole it belongs to only says where.
  // Only a part that is a topic of its own (not 三服务工程的具体做法).
  const within = partWithin.exec(question);
  const [wholeNamed, partNamed] = within ? [within[1] ?? within[3]!, within[2] ?? within[4]!] : ['', ''];
  const partAsked = within && terms.some((term) => term.role === 'topic' && partNamed.toLowerCase().includes(term.word)) ? partNamed : undefined;
  if (partAsked) {
    const [whole, part] = [wholeNamed.toLowerCase(), partNamed.toLowerCase()];
    for (const term of terms) {
      if (term.role !== 'topic' || !whole.includes(term.word)) continue;
      if (!part.includes(term.word)) term.weight *= wholeOfPartFactor;
      // 亮 of 亮承诺 is in 三亮三比 too: only the part written whole says it.
      else if (!term.isName && part.startsWith(term.word) && !terms.some((other) => other.word === part)) Object.assign(term, { word: part, isName: true });
    }
  }
  // 主打的特色载体叫啥: a word the corpus never uses beside nouns it does use weighs no more than the
  // weightiest of them, nor less than a share of its own weight. Not beside a verb alone (意识形态工作
  // 咋抓: 抓 says nothing of what), not the thing asked for (官微粉丝有多少), not a noun glued to the
  // word after it (研究生党支部: it says which kind, and the articles lack that kind).
  const lowered = question.toLowerCase();
  const nounLike = (word: string): boolean => /^(?:n|vn)/u.test(wordTag(word) ?? '');
  const absentWord = (term: QuestionTerm): boolean => term.role === 'topic' && term.documentFrequency === 0 && !term.isName && !term.critical && !writtenOrSynonym(term.word, context.terms, term.alternatives);
  const present = terms.filter((term) => term.role === 'topic' && !absentWord(term) && [...term.word].length >= 2 && nounLike(term.word));
  // 研究生党支部, 量子计算课程: the noun it qualifies follows it at once, or after a word or two with no
  // particle between.
  const qualifies = (term: QuestionTerm): boolean => {
    const at = lowered.indexOf(term.word);
    if (at < 0 || !nounLike(term.word)) return false;
    const after = at + term.word.length;
    for (let gap = 0; gap <= absentQualifierGap && !qualifierBreak.test(lowered.slice(after, after + gap)); gap++) {
      if (terms.some((other) => other.role === 'topic' && other !== term && lowered.startsWith(other.word, after + gap))) return true;
    }
    return false;
  };
  const askedFor = (term: QuestionTerm): boolean => {
    const at = lowered.indexOf(term.word);
    return at >= 0 && (absentAskedAfter.test(lowered.slice(at + term.word.length)) || absentAskedBefore.test(lowered.slice(0, at)));
  };
  const presentTopicWeight = Math.max(0, ...present.map((term) => term.weight));
  if (presentTopicWeight > 0) {
    for (const term of terms) {
      if (!absentWord(term) || qualifies(term) || askedFor(term)) continue;
      term.weight = Math.max(term.weight * absentKeepsAtLeast, Math.min(term.weight, presentTopicWeight * absentBesidePresentShare));
    }
  }
  // 向阳项目是2019年成立的吗: the year is what the question asks to check of the rest. It weighs at
  // most a share of the weightiest word it is said of, so a sentence of that year about something
  // else does not answer it. Colleges are no such word: of 嘉职院是2019年成立的吗 the year is the topic.
  if (answerType === '是否') {
    const saidOf = terms.filter((term) => (term.role === 'subject' || term.role === 'topic') && !isYear(term.word) && !colleges.includes(term.word));
    const ceiling = Math.max(0, ...saidOf.map((term) => term.weight)) * yesNoKnobs.claimedYearShare;
    if (ceiling > 0) for (const term of terms) if (isYear(term.word)) term.weight = Math.min(term.weight, ceiling);
  }
  const own = context.ownWords?.toLowerCase();
  if (own !== undefined) for (const term of terms) if (!own.includes(term.word)) term.carried = true;
  return {
    question,
    answerType,
    colleges,
    otherOrganisations,
    quoted,
    ...(narrowed ? { narrowedBy: narrowed } : {}),
    ...(profile ? { person: people[0]! } : {}),
    ...(partAsked ? { partAsked } : {}),
    terms,
    totalWeight: terms.reduce((sum, term) => sum + term.weight, 0),
    expectedCount: answerType === '列表' || answerType === '定义' || answerType === '做法' ? expectedCountOf(question) : null,
    listHead: listHeadOf(question, terms),
    unit: answerType === '数量' ? askedUnitOf(question) : null,
    nameHead: answerType === '名称' ? nameHeadOf(question, terms) : answerType === '定义' ? (partAsked ?? quoted[quoted.length - 1] ?? nameHeadOf(question, terms)) : answerType === '数量' ? (contactAsked.exec(question)?.[1] ?? null) : answerType === '人物' && agentAsked.test(question) ? agentHead : answerType === '时间' && frequencyAsked.test(question) ? frequencyHead : null,
  };
}

/** Items a question lists with 、 (党员先锋岗、积分管理、主题党日方面). */
const listedItems = /[\u4e00-\u9fa5“”]{2,16}(?:、[\u4e00-\u9fa5“”]{2,16})+/gu;

/**
 * The topic words of a listed item stand for the list: the heaviest becomes the list's term, the
 * others (but words far lighter, `listAlternativeShare`) its alternatives, so a passage about any one
 * item covers the question as well as one about all of them. Names stay as they are (each is asked
 * about).
 */
function mergeListedTerms(question: string, terms: QuestionTerm[]): void {
  for (const match of question.matchAll(listedItems)) {
    const items = match[0].split('、');
    const bounded = boundedItems(question, match.index, items);
    // A single character (融 of 融媒体 as jieba cuts it) stands in for nothing. Past an item's bound
    // (…平台|开展党建和思政工作) a word stands for no item, but one the articles never use, which
    // alone would find nothing (评优 of 获得的评优表彰).
    const member = (term: QuestionTerm, index: number): boolean => bounded[index]!.includes(term.word) || (term.documentFrequency === 0 && items[index]!.includes(term.word));
    const members = items.map((_, index) => terms.filter((term) => term.role === 'topic' && !term.critical && !term.alternatives && [...term.word].length > 1 && member(term, index)));
    if (members.filter((item) => item.length > 0).length < 2) continue;
    // Places or names listed (去新疆、青海对口帮扶) are the list: the topic words around them are no items.
    const separators = [...match[0].matchAll(/、/gu)].map((separator) => match.index + separator.index);
    const subjectAt = (at: number, before: boolean): boolean => terms.some((term) => term.role === 'subject' && (before ? question.slice(at - term.word.length, at) === term.word : question.startsWith(term.word, at + 1)));
    if (separators.every((at) => subjectAt(at, true) && subjectAt(at, false))) continue;
    // A word far lighter than the list's weightiest (党建 of 创建党建工作标杆院系) stays a term of its
    // own, not a stand-in for the whole list.
    const heaviest = Math.max(...members.flat().map((term) => term.weight));
    const listed = [...new Set(members.flat())].filter((term) => term.weight >= heaviest * listAlternativeShare);
    // An item of light words only (技术服务 beside 社会服务: 技术, 服务) stands in whole, as the
    // question writes it, when short: its words alone say little.
    const whole = (index: number): string | null => (/^\p{Script=Han}{3,8}$/u.test(bounded[index]!.trim()) ? bounded[index]!.trim().toLowerCase() : null);
    const lightItems = members.flatMap((item, index) => (item.length > 0 && !item.some((term) => listed.includes(term)) && whole(index) ? [index] : []));
    if (listed.length + lightItems.length < 2) continue;
    const head = listed.reduce((best, term) => (term.weight > best.weight ? term : best));
    // An item of several words stands in by its last, the head of a Chinese phrase (案例 of 入选典型
    // 案例): its other words alone (典型 of 典型事迹, 入选 of 入选…万人计划) say another thing. Not a
    // head the articles never use (实际困难 of 帮师生解决实际困难): then each of its words stands in.
    const at = (term: QuestionTerm): number => question.lastIndexOf(term.word);
    const wholeItems = lightItems.map((index) => whole(index)!);
    const standIns = new Set(
      members.flatMap((item, index) => {
        // Not an absent word read inside another of the item (心理 of 心理健康教育, found in the next item).
        const own = item.filter((term, _, all) => listed.includes(term) && !(term.documentFrequency === 0 && all.some((other) => other !== term && other.word.includes(term.word))));
        const last = own.reduce<QuestionTerm | undefined>((found, term) => (!found || at(term) > at(found) ? term : found), undefined);
        if (!last) return [];
        // A head right after a word the articles never use (合作 of 国际交流合作) is that word's kind
        // of thing: the item stands in by what the articles lack.
        if (last.documentFrequency > 0) {
          const qualifier = own.find((term) => term.documentFrequency === 0 && items[index]!.includes(`${term.word}${last.word}`));
          return qualifier ? [qualifier] : [last];
        }
        // A noun right before the absent head only qualifies it (大学生 of 大学生心理健康教育).
        return own.filter((term) => term === last || term.documentFrequency === 0 || !qualifies(items[index]!, term.word, last));
      }),
    );
    head.alternatives = [...listed.filter((term) => term !== head && standIns.has(term)).map((term) => term.word), ...wholeItems];
    const replaced = new Set([...listed.filter((term) => term !== head), ...lightItems.flatMap((index) => members[index]!)]);
    for (const term of replaced) terms.splice(terms.indexOf(term), 1);
  }
}

/** A noun after a phrase that says what field it is of (…办学方面, …合作领域), not a further head. */
const scopeAfter = /^(?:方面|领域|工作|上|中|里)$/u;

/**
 * Whether `word` is a noun written right before `head` in `text` that only qualifies it: one more
 * common at large than the head (大学生 before 心理健康), not the specific word of the two (教育部 before 层面).
 */
function qualifies(text: string, word: string, head: QuestionTerm): boolean {
  return text.includes(`${word}${head.word}`) && /^n/u.test(wordTag(word) ?? '') && generalIdf(word) < generalIdf(qualifierOf(head));
}

/** What ends a listed item outward from its 、: a verb (开展), a preposition, a conjunction (和), a particle (的). */
const itemEnd = /^(?:v|vd|p|c|u|ul|uj|uz|ug|uv|ud|r|d)$/u;
/** What follows a verb that names a field rather than a doing (学生就业上, 育人方面, 就业工作中). */
const nominalAfter = /^(?:上|中|里|方面|领域|工作(?:上|中|方面))/u;

/**
 * The items of a list as the list itself bounds them: the first runs back from its 、 and the last
 * on from it only as far as no verb, preposition, conjunction or particle stands between
 * (利用新媒体、融媒体平台开展党建和思政工作: 新媒体, 融媒体平台; not …开展党建和思政工作). Items
 * that open with a verb (联系服务师生、帮师生解决实际困难) are doings, which verbs do not end.
 */
function boundedItems(question: string, at: number, items: readonly string[]): string[] {
  if (items.length < 2) return [...items];
  const tokens: { start: number; end: number; tag: string; word: string }[] = [];
  let offset = 0;
  for (const { word, tag } of getJieba().tag(question, true)) {
    tokens.push({ start: offset, end: offset + word.length, tag, word });
    offset += word.length;
  }
  // A verb before a word of place or field (就业 of 学生就业上的做法, 育人方面) names that field: no end.
  const namesField = (token: { end: number; tag: string }): boolean => /^v/u.test(token.tag) && nominalAfter.test(question.slice(token.end));
  const firstEnd = at + items[0]!.length;
  const lastStart = at + items.slice(0, -1).join('、').length + 1;
  const last = items.at(-1)!;
  const doings = /^v/u.test(tokens.find((token) => token.start === lastStart)?.tag ?? '');
  const ends = (token: { end: number; tag: string }): boolean => itemEnd.test(token.tag) && !(doings && /^v/u.test(token.tag)) && !namesField(token);
  // The item's own last word, a verb (帮扶 of 对口帮扶), is no bound of it; a particle (…搭起来的) is.
  const stopBefore = tokens.filter((token) => token.end <= firstEnd && token.start >= at && ends(token) && (token.end < firstEnd || !/^v/u.test(token.tag))).at(-1);
  const stopAfter = tokens.find((token) => token.start > lastStart && token.start < lastStart + last.length && ends(token));
  const bounded = [...items];
  if (stopBefore) bounded[0] = question.slice(stopBefore.end, firstEnd);
  if (stopAfter) bounded[bounded.length - 1] = question.slice(lastStart, stopAfter.start);
  return bounded;
}

/**
 * A yes-or-no question's own numbers and days (是每月第一周周一吗) are what it asks to check: an
 * article that gives another number answers it too (no). The analysis with them weighing as generic
 * words, for judging whether the articles answer it at all; null when it claims none.
 */
export function withClaimedValuesGeneric(analysis: QuestionAnalysis): QuestionAnalysis | null {
  if (analysis.answerType !== '是否') return null;
  const values = countedIn(analysis.question).map((count) => count.text);
  const claimed = (term: QuestionTerm): boolean => term.role === 'topic' && values.some((value) => value.includes(term.word) || term.word.includes(value));
  if (!analysis.terms.some(claimed)) return null;
  const terms = analysis.terms.map((term) => (claimed(term) ? { ...term, role: 'generic' as const, weight: (term.weight * roleFactor.generic) / roleFactor.topic } : term));
  return { ...analysis, terms, totalWeight: terms.reduce((sum, term) => sum + term.weight, 0) };
}

/** The unit a count question names: 几名 → 名, 几个人 → 名, 多少人 → 人, 多少人次 → 人次, 多少家 → 家, 比例 → %. */
function askedUnitOf(question: string): string | null {
  if (/(?:多少|几)人次/u.test(question)) return '人次';
  if (/(?:多少|几)人(?!次)/u.test(question)) return '人';
  if (/(?:多少|几)个?(?:名|位)|(?:多少|几)个人|人数/u.test(question) || countedPeople.test(question)) return '名';
  const unit = askedUnit.exec(question)?.[1];
  if (unit) return unit;
  // A share (比例, 百分之多少): %; how much money (月薪多少): 元; how large an area (面积多大): 平方米 or 亩.
  if (shareAsked.test(question)) return '%';
  if (moneyAsked.test(question)) return '元';
  return areaAsked.test(question) ? '面积' : null;
}

/**
 * An organisation named by the place of exactly one corpus college and a unit (台州 + 机电与模具工程学院
 * for 台州科技职业学院's school), or null. The unit must not itself open like a college (浙江 +
 * 大学计算机学院 is 浙江大学's).
 */
function collegeAndUnit(name: string, colleges: readonly string[], byProvince = true): { college: string; unit: string } | null {
  for (const length of [2, 3]) {
    const place = name.slice(0, length);
    const unit = name.slice(length);
    const holders = colleges.filter((college) => college.startsWith(place));
    // A province holds many organisations: beside another college (嘉职院跟浙江红船干部学院) it names one of them.
    if (holders.length !== 1 || [...unit].length < 4 || (!byProvince && provinces.test(place)) || /^(?:大学|学院|职业|科技|技术|师范|理工|工业|工程|医科|财经|农业)/u.test(unit)) continue;
    if (/(?:学院|系|党委|党总支|党支部|支部|中心|研究院|研究所)$/u.test(unit)) return { college: holders[0]!, unit };
  }
  return null;
}

/** An aspect particle at a word's end (发了, 去过): a verb's, never a name's. */
const aspectParticleEnd = /[了过着]$/u;

/** A count of institutions (五所院校, 这几所学校): how many, not what about. */
const countedInstitutions = /^[一二两三四五六七八九十几\d]+[所家个]$/u;

/** A numeral with its classifier (一支队伍, 两项制度, 几所学校): how many, not what about. */
const numeralCount = /^(?:这|那)?[一二两三四五六七八九十几\d]+[所家个支项种位名条批次门场件篇本份页块段张期]$/u;

/** Titles written next to a person's name. */
const titleWord = /(?:^|\|)(?:老师|同志|教授|先生|女士|书记|副书记|校长|院长|主任|局长|处长|部长|市长|省长|委员|院士|博士)(?:$|\|)/u;

const nounTags: ReadonlySet<string> = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'x', 'ng', 'vn', 'eng', 'l']);
/** An organisation's head alone, or with a word that only classifies it, names no organisation. */
const genericOrganisation = /^(?:定点|相关|有关|各类|各级|部分|本地|当地|附属|民办|公办|高等|普通|重点|全国|全省|全市|高职|职业|二级|职业技术|高等职业|技术|中小|中小学|大中小)?(?:大学|学院|学校|医院|公司|集团|中学|小学|院校|高校|研究院|职院|职校)$/u;

/**
 * The organisation a regex match names, or null: the nouns at its end (北京市疫情期间医院 → 医院),
 * rejected when, without the place before it, only a generic head is left (北京市学校).
 */
function organisationIn(match: string): string | null {
  // 哪些人来学校: the person asked for (人) goes with the question word, not with the name after it.
  const trimmed = match.replace(/^.*?(?:哪所|哪个人?|哪家|哪些人?|哪几个人?|哪几所|什么人?|各个|各|该|本|这所|那所|我们|我|其他|其它)/u, '').replace(organisationLead, '');
  const tagged = getJieba().tag(trimmed, true);
  let first = tagged.length;
  // Nouns from the end, and a 与/和 between two of them (机电与模具工程学院).
  // Not after a noun that ends a topic rather than names a unit (党建工作和二级学院事业).
  const joins = (index: number): boolean => /^[与和及]$/u.test(tagged[index]!.word) && index > 0 && nounTags.has(tagged[index - 1]!.tag) && !topicEnd.test(tagged[index - 1]!.word);
  while (first > 0 && (nounTags.has(tagged[first - 1]!.tag) || joins(first - 1))) first--;
  const nouns = tagged.slice(first);
  const name = nouns.map((token) => token.word).join('');
  let place = 0;
  while (place < nouns.length - 1 && (nouns[place]!.tag === 'ns' || placeName.test(nouns[place]!.word))) place++;
  const core = nouns.slice(place).map((token) => token.word).join('');
  // 宁波职业技术学院 is a college; 北京市学校 (a city's schools) and 学校 alone are none, nor is a
  // head with only common words before it (合作大学): a name has a proper or rare word in it.
  const administrativePlace = place > 0 && /[省市县区]$/u.test(nouns[place - 1]!.word);
  if ([...name].length < 4 || genericSet.has(name) || (genericOrganisation.test(core) && (place === 0 || administrativePlace))) return null;
  // 五所学校, 这几所院校: a count of the colleges, no name.
  if (countedInstitutions.test(nouns[0]!.word.replace(/^(?:这|那|各)/u, '')) || /^(?:这|那)?[一二两三四五六七八九十几\d]+[所家个]/u.test(name)) return null;
  const last = nouns[nouns.length - 1]!;
  const words = genericOrganisation.test(last.word) ? nouns.slice(0, -1) : nouns;
  const specific = words.some((token) => token.tag === 'x' || properNounTags.has(token.tag) || generalIdf(token.word) >= organisationWordIdf);
  return specific || place > 0 ? name : null;
}

const verbTags: ReadonlySet<string> = new Set(['v', 'vq', 'vg', 'vd', 'vi']);

/**
 * jieba's HMM joins unknown characters into words the corpus never uses (复产应, 新举措); such a
 * word is cut again without HMM when its parts are words the corpus or the language knows.
 */
function resegmented(tagged: readonly { word: string; tag: string }[], terms: TermStatistics, asksCount: boolean): { word: string; tag: string }[] {
  const result: { word: string; tag: string }[] = [];
  let joinedNext = false;
  for (const [index, token] of tagged.entries()) {
    if (joinedNext) {
      joinedNext = false;
      continue;
    }
    // 宣传 + 小组: two words that together are one the synonym list knows (宣传小组 → 宣讲团) stay one,
    // when the corpus lacks one of them (开学 + 第一课, both its words, stay two).
    const next = tagged[index + 1];
    const joined = `${token.word}${next?.word ?? ''}`;
    if (next && synonymsOf.has(joined) && !synonymsOf.has(token.word) && (terms.documentFrequency(token.word) === 0 || terms.documentFrequency(next.word) === 0)) {
      result.push({ word: joined, tag: 'n' });
      joinedNext = true;
      continue;
    }
    // 对开|餐: a preposition glued to the first character of the next word (对|开餐), where the corpus
    // never writes the glued word and does write the other.
    const regrouped = next && /^[对向给在从把被为将]\p{Script=Han}$/u.test(token.word) ? `${token.word.slice(1)}${next.word}` : '';
    if (regrouped && terms.documentFrequency(token.word) === 0 && terms.documentFrequency(regrouped) > 0) {
      result.push({ word: token.word[0]!, tag: 'p' }, { word: regrouped, tag: 'v' });
      joinedNext = true;
      continue;
    }
    const length = [...token.word].length;
    // 李明老师, 书记方俊良: a name beside a title stays whole, tagged as a person.
    const beside = `${tagged[index - 1]?.word ?? ''}|${tagged[index + 1]?.word ?? ''}`;
    if ((token.tag === 'x' || token.tag.startsWith('nr')) && length >= 2 && length <= 4 && titleWord.test(beside) && !aspectParticleEnd.test(token.word)) {
      result.push({ word: token.word, tag: 'nr' });
      continue;
    }
    // 出过, 涨到, 抓出, 去过: a verb with an aspect or result ending that the corpus never uses stands for
    // its stem (not 拿到, which the synonym list knows). jieba tags some such verbs vq or vg, not v, and
    // some with an aspect particle as unknown words (发了: x).
    const aspect = (verbTags.has(token.tag) || (token.tag === 'x' && aspectParticleEnd.test(token.word))) && !synonymsOf.has(token.word) ? /^([\u4e00-\u9fa5]{1,2})[过了着到出完好成]$/u.exec(token.word) : null;
    if (aspect && terms.documentFrequency(token.word) === 0 && generalIdf(aspect[1]!) < generalIdfCeiling) {
      result.push({ word: aspect[1]!, tag: 'v' });
      continue;
    }
    // 可延长, 可享受: a modal glued to its verb, which articles write more often without it.
    const modal = /^[可能应须]([\u4e00-\u9fa5]{2})$/u.exec(token.word);
    if (modal && terms.documentFrequency(modal[1]!) > terms.documentFrequency(token.word)) {
      result.push({ word: token.word[0]!, tag: 'v' }, { word: modal[1]!, tag: 'v' });
      continue;
    }
    // 管理方面, 宣传工作: a word the corpus never uses, glued to a generic word by jieba.
    const generic = genericTail.exec(token.word);
    // 招生人数是多少: what is counted, then the count asked for (a generic word).
    const counted = asksCount ? /^([\u4e00-\u9fa5]{2,})(人数|数量|次数|金额|日期)$/u.exec(token.word) : null;
    if (counted && terms.documentFrequency(counted[1]!) > 0) {
      result.push({ word: counted[1]!, tag: 'n' }, { word: counted[2]!, tag: 'n' });
      continue;
    }
    // Its stem may be one the corpus says only in a synonym (廉政建设: 清廉, 廉洁).
    if (generic && terms.documentFrequency(token.word) === 0 && writtenOrSynonym(generic[1]!, terms)) {
      result.push({ word: generic[1]!, tag: 'n' }, { word: generic[2]!, tag: 'n' });
      continue;
    }
    // 引进人才: a verb and its object as one four-character word the corpus never uses, whose halves
    // it does (引进高层次、紧缺人才).
    const halves = length === 4 && token.tag !== 'x' && /^[\u4e00-\u9fa5]+$/u.test(token.word) && !synonymsOf.has(token.word) && terms.documentFrequency(token.word) === 0 ? [getJieba().tag(token.word.slice(0, 2), false), getJieba().tag(token.word.slice(2), false)] : null;
    if (halves && halves.every((half) => half.length === 1 && terms.documentFrequency(half[0]!.word) > 0) && halves[0]![0]!.tag.startsWith('v') && halves[1]![0]!.tag.startsWith('n')) {
      result.push(halves[0]![0]!, halves[1]![0]!);
      continue;
    }
    if (token.tag === 'x' && length >= 2 && length <= 4 && /^[\u4e00-\u9fa5]+$/u.test(token.word)) {
      const parts = getJieba().tag(token.word, false);
      // 王五, 李明: a personal name the corpus never uses stays whole, a person it does not name.
      if (terms.documentFrequency(token.word) === 0 && looksLikePersonName(token.word, parts)) {
        result.push({ word: token.word, tag: 'nr' });
        continue;
      }
      // A preposition glued to the next character (对受疫情, 意见中要严格) is cut off, however often
      // the corpus, segmented the same way, holds the glued word.
      const glued = parts.length > 1 && (parts[0]!.tag === 'p' || parts[0]!.word === '中') && [...parts[0]!.word].length === 1;
      // A word the synonym list knows (新冠 → 疫情) is read whole, whatever the corpus holds of it.
      if ((glued || (terms.documentFrequency(token.word) === 0 && !synonymsOf.has(token.word))) && parts.length > 1 && parts.every((part) => [...part.word].length === 1 || terms.documentFrequency(part.word) > 0 || generalIdf(part.word) < generalIdfCeiling)) {
        result.push(...parts);
        continue;
      }
    }
    result.push(token);
  }
  return result;
}

/**
 * The things a question names that the articles never write, nor a synonym of them (研究生 of
 * 研究生党支部建设, 离退休 of 离退休党支部): topic words of two characters or more that jieba tags as a
 * noun, an idiom or a set phrase, not names.
 */
export function absentThings(analysis: Pick<QuestionAnalysis, 'terms'>, terms: TermStatistics): string[] {
  return analysis.terms
    .filter((term) => term.role === 'topic' && !term.isName && term.documentFrequency === 0 && [...term.word].length >= 2 && !writtenOrSynonym(term.word, terms, term.alternatives))
    .map(qualifierOf)
    .filter(isThing);
}

/** Whether jieba's dictionary reads a word whole as a thing: a noun, an idiom or a set phrase (档案, 流动, 三会一课). */
function isThing(word: string): boolean {
  return /^(?:n|vn|nz|l|i)/u.test(wordTag(word) ?? '');
}

/** A term's word without the head it was read with when no article writes the two together (心理健康 of 心理健康教育). */
function qualifierOf(term: QuestionTerm): string {
  return term.head && term.documentFrequency === 0 && term.word.endsWith(term.head.word) ? term.word.slice(0, -term.head.word.length) : term.word;
}

/**
 * The topic words a request names that no article writes, nor a synonym of them, in the order
 * written: the qualifier of a word read with its head (心理健康 of 心理健康教育) and the items a listed
 * word stands for (留学生), none inside another. What a refused draft or table says it did not find.
 */
export function unwrittenTopicWords(analysis: Pick<QuestionAnalysis, 'terms' | 'question'>, terms: TermStatistics): string[] {
  const unwritten = (word: string): boolean => [...word].length >= 2 && !writtenOrSynonym(word, terms);
  const words = analysis.terms
    .filter((term) => term.role === 'topic' && !term.isName && term.documentFrequency === 0)
    .flatMap((term) => [qualifierOf(term), ...(term.alternatives ?? [])])
    .filter(unwritten);
  const distinct = [...new Set(words)].filter((word) => !words.some((other) => other !== word && other.includes(word)));
  const lowered = analysis.question.toLowerCase();
  return distinct.sort((left, right) => lowered.indexOf(left) - lowered.indexOf(right));
}

/**
 * The things a request names that no article writes: `unwrittenTopicWords` that jieba's dictionary
 * reads whole as a noun, an idiom or a set phrase (党课, 档案, 流动), not as a doing (开会, 亲自) nor
 * cuts up (建在: 建|在).
 */
export function unwrittenThings(analysis: Pick<QuestionAnalysis, 'terms' | 'question'>, terms: TermStatistics): string[] {
  return unwrittenTopicWords(analysis, terms).filter(isThing);
}

/**
 * Whether a phrase holds a thing no article writes, nor a synonym of it (引擎 of 红色引擎): a word of
 * two characters or more jieba's dictionary reads as a noun, not a piece of a coined name (读聚 of
 * 读聚匠心, 一团 of 一团六心五育, whose articles write 读·聚 and 1团).
 */
export function holdsUnwritten(phrase: string, terms: TermStatistics): boolean {
  return getJieba().cutForSearch(phrase, true).some((word) => [...word].length >= 2 && isThing(word) && !writtenOrSynonym(word, terms));
}

/**
 * Whether an absent word is worth naming in a notice: a thing or a doing (网格化, 巡察, 党费), not how,
 * when or where (年轻, 网上).
 */
export function noticeWorthy(word: string): boolean {
  return /^(?:n(?![rs])|v|l|i)/u.test(wordTag(word) ?? 'n');
}

/**
 * A word no article writes with the words inside it no article writes either (档案管理 → 档案管理,
 * 档案): how a request says its absent topic again in other compounds (党员档案管理…人事档案).
 */
export function unwrittenPieces(word: string, terms: TermStatistics): string[] {
  // A generic piece (时间 of 时间段) says no topic again.
  const pieces = getJieba().cutForSearch(word, true).filter((piece) => piece !== word && [...piece].length >= 2 && !genericSet.has(piece) && !writtenOrSynonym(piece, terms));
  return [word, ...new Set(pieces)];
}

/** The country as a place: no college is named by it. */
const nationWide = /^(?:中国|全国|国家|中华)$/u;

/**
 * Whether the word after a set phrase makes it said of a doing (一门心思|扑到, 雷打不动|要做): an
 * adverb or a verb, but not a copula (必备条件|是什么 asks the thing itself).
 */
function saidOfADoing(next: { word: string; tag: string } | undefined): boolean {
  return next !== undefined && /^(?:v|d)/u.test(next.tag) && !/^(?:是|为|有|叫|指|包括)$/u.test(next.word);
}

/** jieba's tags for set phrases (l) and idioms (i). */
const setPhraseTags = new Set(['l', 'i']);

/** The tag jieba's dictionary gives a word it reads whole, or undefined when it cuts the word up. */
function wordTag(word: string): string | undefined {
  const tags = getJieba().tag(word, false);
  return tags.length === 1 ? tags[0]!.tag : undefined;
}

/**
 * The absent things a request names as the kind of party organisation or work it asks about, right
 * before its head (研究生 of 研究生党支部建设, 后勤 of 后勤党支部, 附属医院 of 附属医院党建). A draft or a
 * table on that kind is one the articles cannot give, whatever else the request names.
 */
export function absentQualifiers(analysis: Pick<QuestionAnalysis, 'terms' | 'question'>, terms: TermStatistics): string[] {
  // A listed word stands in for its list: the words it stands for are asked too (研究生党支部结对共建、…).
  const words = [...new Set(analysis.terms.filter((term) => term.role === 'topic' && !term.isName).flatMap((term) => [qualifierOf(term), ...(term.alternatives ?? [])]))];
  const absent = words.filter((word) => [...word].length >= 2 && !writtenOrSynonym(word, terms) && /^(?:n|nz|l|i)$/u.test(wordTag(word) ?? ''));
  const lowered = analysis.question.toLowerCase();
  const qualifiesKind = (word: string): boolean => {
    for (let at = lowered.indexOf(word); at >= 0; at = lowered.indexOf(word, at + 1)) {
      const after = at + word.length;
      for (let gap = 0; gap <= absentQualifierGap && !qualifierBreak.test(lowered.slice(after, after + gap)); gap++) {
        // Another absent word after it (专题研究|研究生党支部) is the one that qualifies.
        if (absent.some((other) => other !== word && lowered.startsWith(other, after + gap))) break;
        if (absentKindHead.test(lowered.slice(after + gap))) return true;
      }
    }
    return false;
  };
  return absent.filter(qualifiesKind);
}

/**
 * What a clause saying which text to draw on names (文章里写到“七个有力”的都用上 → “七个有力”, 凡是写明
 * 拿了一等奖的 → 拿了一等奖): what stands between its verb and the 的 closing it; null for another clause.
 */
export function scopeObject(clause: string): string | null {
  const opening = draftWording.scope.exec(clause);
  if (!opening) return null;
  const after = clause.slice(opening.index + opening[0].length).replace(/^(?:到|了|明|过)/u, '');
  return after.includes('的') ? after.slice(0, after.lastIndexOf('的')) : after;
}

/**
 * What a clause saying which text to draw on names that no article writes (文章里写到安全生产责任制的 →
 * 生产; 凡是写了校园反诈宣传的 → 反诈): its words after the verb, each of two characters or more and
 * no word of the asking, or a run of single characters jieba could not place. Read on the words as
 * the clause writes them, since a word's parts (安全 + 生产, 反 + 诈) may each be common.
 */
export function scopeObjectUnwritten(clause: string, terms: TermStatistics): string[] {
  const object = scopeObject(clause);
  if (object === null) return [];
  const asking = (word: string): boolean => genericSet.has(word) || intentSet.has(word) || requestFramingSet.has(word) || textKindFraming(word, clause) || stopwords.has(word);
  const absent: string[] = [];
  let run = '';
  const closeRun = (): void => {
    if ([...run].length >= 2 && !asking(run) && !writtenOrSynonym(run, terms)) absent.push(run);
    run = '';
  };
  for (const word of getJieba().cut(object.replace(/[“”‘’《》]/gu, ' '), false)) {
    if (!/^\p{Script=Han}+$/u.test(word)) {
      closeRun();
      continue;
    }
    if ([...word].length === 1) {
      if (!/[了的着过和与及或等也都就在是把被]/u.test(word)) run += word;
      else closeRun();
      continue;
    }
    closeRun();
    if (!asking(word) && !writtenOrSynonym(word, terms)) absent.push(word);
  }
  closeRun();
  return absent;
}

/** Whether the corpus writes `word`, one of its synonyms, or one of `alsoFor` (the items a listed word stands for). */
function writtenOrSynonym(word: string, terms: TermStatistics, alsoFor: readonly string[] = []): boolean {
  return [word, ...alsoFor, ...(synonymsOf.get(word) ?? [])].some((form) => terms.documentFrequency(form) > 0);
}

/** The noun a 名称 question names: the last topic word before 叫什么/名称/名字. */
function nameHeadOf(question: string, terms: readonly QuestionTerm[]): string | null {
  // 获得了什么奖: the award's name ends in 奖 (…杰出教师奖).
  if (/什么奖/u.test(question)) return awardHead;
  if (majorAsked.test(question)) return majorHead;
  // 拿过什么称号: the honour's words, whatever noun they end in (…教学创新团队, …先进基层党组织).
  if (honourAsked.test(question)) return honourHead;
  // 入选了什么专家库: the name ends in the noun after 什么 (…评审专家库).
  const selected = /(?:入选|获评|评为|列入)(?:了|过)?什么(\p{Script=Han}{2,6}?)[？?。]?$/u.exec(question);
  if (selected) return selected[1]!;
  // 成立了一支什么队伍: a team's name ends in 队 (…安全巡防队, …先锋队) or in the noun asked.
  const founded = teamAsked.exec(question);
  if (founded) return founded[1] === '队伍' ? '队' : founded[1]!;
  const cue = /叫什么|叫啥|叫做|名称|名字|称号|称为|命名|是什么|是指|指什么|指的是|含义|意思|内涵/u.exec(question);
  if (!cue) return null;
  const before = question.slice(0, cue.index);
  // A practice's kind right before the cue names it, however jieba cut it (工作法 → 工作 + 法).
  const kind = [...practiceNouns].sort((a, b) => b.length - a.length).find((noun) => before.replace(/[的是就都又]+$/u, '').endsWith(noun));
  if (kind && [...kind].length >= 2) return kind;
  let best: { word: string; at: number } | null = null;
  for (const term of terms) {
    if (term.isName || term.role === 'subject' || term.role === 'generic' || [...term.word].length < 2) continue;
    const at = before.lastIndexOf(term.word);
    if (at >= 0 && (!best || at > best.at)) best = { word: term.word, at };
  }
  return best?.word ?? null;
}

/** The noun a list question enumerates: the first topic word after 哪些/哪几/包括. */
function listHeadOf(question: string, terms: readonly QuestionTerm[]): string | null {
  // 哪些制度, 包括哪几支队伍, or a count before its noun: 三个项目.
  const cue = /哪些|哪几|哪[两三四五六七八九十]|包括|包含|几大|几项|几个|[两二三四五六七八九十\d]+(?:个|项|支|大|种|类|条)/u.exec(question);
  if (!cue) return null;
  const after = question.slice(cue.index + cue[0].length);
  let best: { word: string; at: number } | null = null;
  for (const term of terms) {
    // A kind right after the cue is the noun listed, though it reads as a name (哪些产业学院).
    if ((term.isName || term.role === 'subject') && !after.startsWith(term.word)) continue;
    const at = after.indexOf(term.word);
    if (at >= 0 && (!best || at < best.at)) best = { word: term.word, at };
  }
  return best?.word ?? null;
}

/** The terms evidence must cover: subject and topic (generic and intent words weigh little). */
export function coreTerms(analysis: QuestionAnalysis): QuestionTerm[] {
  return analysis.terms.filter((term) => term.role === 'subject' || term.role === 'topic');
}
