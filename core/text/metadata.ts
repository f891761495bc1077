/**
 * Article metadata: what the source states (JSONL fields, front matter) wins, then what the page
 * chrome said (hints from `cleanArticleText`), then what the article itself says. The college and
 * the party unit an article is about are read from the text: candidates are found by their name
 * endings (职业技术学院, 大学, 党总支, 党支部 …) and scored by where they stand (title, lead
 * paragraph) and how often they come back, so a name mentioned in passing loses to the subject.
 * Nothing is guessed: a field the article does not state stays ''.
 */
import { emptyMetadata, metadataFields, type ArticleMetadata } from '../documents.ts';
import { findDate, isBareDateLine, startsWithPlace } from './clean.ts';
import { stripNonCharacters } from './never-text.ts';
import { getJieba } from './tokenize.ts';

// ---------------------------------------------------------------------------------------------
// Character helpers

const isHan = (character: string | undefined): boolean =>
  character !== undefined && /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(character) && character !== '丨';

/**
 * Characters that never stand inside a college or unit name, so a name cannot reach back across
 * them: `这支队伍就是来自苏州工业职业技术学院` → 苏州工业职业技术学院 after the leading-word strip.
 * (与 would break 机电与模具工程学院, which is why a unit attached to the college name is read
 * without these stops.) 和 and 对 stop too, except in 协和 and 对外 (北京协和医学院, 对外经济贸易大学).
 */
const stopCharacters = new Set('的了在是为由被向到从赴将把以等于跟给让据该我其各这那及与和对并或而也就还又已曾均即'.split(''));

function isStopAt(text: string, index: number): boolean {
  const character = text[index] as string;
  if (character === '和') return text[index - 1] !== '协';
  if (character === '对') return text[index + 1] !== '外';
  return stopCharacters.has(character);
}

/** Words that introduce a name rather than belong to it. */
const leadingWords = [
  '来自', '依托', '联合', '携手', '走进', '代表', '参加', '参观', '前往', '对接', '作为', '成为', '获批', '荣获', '获得',
  '荣膺', '近日', '日前', '近期', '目前', '同时', '此外', '其中', '包括', '带领', '组织', '位于', '隶属', '来到', '走访',
  '考察', '调研', '莅临', '访问', '邀请', '签约', '牵头', '全体', '广大', '学生', '教师', '师生', '同学', '老师', '本校',
  '今年', '去年', '一行', '据悉', '记者', '通讯员', '指导', '推动', '支持', '帮扶', '结对', '共建', '与会', '出席', '举办',
  '承办', '主办', '协办', '入选', '当选', '认定', '命名', '公布', '公示', '评为', '评选', '位列', '通过', '依据', '根据',
  '开展', '召开', '举行', '启动', '获评', '面向', '围绕', '聚焦', '助力', '服务', '深入', '走入', '加大', '加强', '建立',
  '成立', '设立', '打造', '推进', '实施', '完善', '落实', '坚持', '发挥', '积极', '不断', '持续', '全面', '深化', '充分',
  '担任', '曾任', '历任', '现任', '兼任', '出任', '升任', '调任', '任职', '考入', '考上', '就读', '毕业于', '录取', '任', '兼',
].sort((a, b) => b.length - a.length);

function stripLeadingWords(text: string): string {
  let result = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of leadingWords) {
      if (result.startsWith(word) && result.length > word.length) {
        result = result.slice(word.length);
        changed = true;
      }
    }
  }
  return result;
}

/** The Han characters right before `end` in `line`, at most `limit`, not reaching before `floor`. */
function hanRunBefore(line: string, end: number, floor: number, limit: number): string {
  let start = end;
  while (start > floor && end - start < limit && isHan(line[start - 1])) start--;
  return line.slice(start, end);
}

/** The part of `run` after its last stop character, without leading filler words. */
function cleanPrefix(run: string): string {
  let cut = 0;
  for (let index = 0; index < run.length; index++) if (isStopAt(run, index)) cut = index + 1;
  return stripLeadingWords(run.slice(cut));
}

// ---------------------------------------------------------------------------------------------
// Places

/**
 * Drops what stands before the first place name in a college-name prefix: names start with their
 * place (浙江机电, 阿克苏), so `肖星历任上海` → 上海 and `法院对安徽财经` → 安徽财经.
 */
function fromFirstPlace(prefix: string): string {
  for (let start = 1; start + 2 <= prefix.length; start++) {
    if (startsWithPlace(prefix.slice(start))) return prefix.slice(start);
  }
  return prefix;
}

// ---------------------------------------------------------------------------------------------
// College candidates

// Leftmost match wins, so 嘉兴职业技术学院 ends in 职业技术学院 rather than 学院.
const collegeSuffix = /职业技术大学|职业技术学院|职业学院|高等专科学校|专科学校|职业学校|技工学校|技师学院|师范大学|师范学院|大学|学院/g;
// Words that describe a college instead of naming it: 国内一流大学, 这所大学, 省属高职学院.
const descriptivePrefix = /^(?:省内|市内|区内|境内)|一流|顶尖|顶级|重点|知名|著名|海内外|高水平|综合性|研究型|普通|本科|高职|部属|省属|市属|地方|所在|这所|一所|多所|各所|国内|国外|海外|境外|世界|全国|全省|其他|相关|有关/;
// 大学生, 大学城, 大学习, 学院路: the suffix is part of another word (but 浙江大学城市学院 is a name);
// 大学联盟: an alliance of colleges named after what it studies (中国自主的知识体系大学联盟).
const notANameAfter = /^(?:大学(?:生|城(?!市)|习|堂|联盟)|学院(?:路|街|站|联盟))/;
// Parts of speech that never stand inside a college's name: pronouns, verbs, numerals, adverbs,
// conjunctions, prepositions, times, particles and measure words (为什么要选择|人民大学,
// 直接进入|康奈尔大学, 同年入|大学).
const notInAName = /^(?:r|v|m|c|d|ad|p|t|u|q)/;

/** Of those, the ones that are never a mis-tagged part of a name (开放 of 国家开放大学 is tagged a verb, 首尔 an adverb). */
const neverInAName = /^(?:r|m|c|p|t|u|q)/;

/**
 * A prefix that does not open with a place, cut to its part that can name a college: after the last
 * word that cannot stand in a name (为什么要选择|人民大学). Where nothing would be left, the prefix
 * is no name when it holds a word that never stands in one (有几|大学, 同年入|大学), else it is kept
 * (国家开放大学, 首尔大学: jieba tags a part of the name as a verb or an adverb).
 */
function namePartOf(prefix: string, suffix: string): string {
  const tokens = getJieba().tag(prefix + suffix, true);
  // An organisation jieba knows, after a run of words too long to be part of its name (学校充分利用|人民大学;
  // but 莫斯科|国立大学, 空军|军医大学 are names).
  const last = tokens.at(-1);
  if (last && last.tag === 'nt' && last.word.endsWith(suffix) && last.word.length > suffix.length && prefix.length + suffix.length - last.word.length >= 4) return last.word.slice(0, -suffix.length);
  let start = 0;
  let offset = 0;
  let never = false;
  for (const { word, tag } of tokens) {
    offset += word.length;
    if (offset > prefix.length) break;
    if (notInAName.test(tag)) start = offset;
    if (neverInAName.test(tag)) never = true;
  }
  const rest = prefix.slice(start);
  return rest.length >= 2 ? rest : never ? '' : prefix;
}

/** Abbreviations a college goes by, e.g. 嘉兴职业技术学院 → 嘉职院, 嘉兴职院. */
function abbreviationsOf(name: string): string[] {
  const match = /^(.+?)(职业技术学院|科技职业学院|职业学院|师范学院|师范大学)$/.exec(name);
  if (!match) return [];
  const prefix = match[1] as string;
  const suffix = match[2] as string;
  const first = prefix.slice(0, 1);
  const two = prefix.slice(0, 2);
  switch (suffix) {
    case '职业技术学院':
      return [`${first}职院`, `${two}职院`, `${first}职技院`];
    case '科技职业学院':
      return [`${first}科职院`, `${two}科职院`, `${first}职院`];
    case '职业学院':
      return [`${first}职院`, `${two}职院`];
    case '师范学院':
      return [`${first}师院`, `${two}师院`];
    default:
      return [`${first}师大`, `${two}师大`];
  }
}

interface Occurrence {
  /** -1 for the title, -2 for the source/copyright hint, else the line index in the text. */
  line: number;
  /** Directly followed by a party organisation (党委/党总支/党支部), i.e. named as the subject's owner. */
  partyAttached: boolean;
  /** That organisation, e.g. 城市建设学院党总支. */
  attachedUnit: string;
}

interface Candidate {
  name: string;
  occurrences: Occurrence[];
  firstSeen: number;
}

/** Where the article's lead is: the first line of running text (headings like 一、实施背景 are skipped). */
function leadLineIndex(lines: readonly string[]): number {
  const index = lines.findIndex((line) => line.length >= 40);
  return index === -1 ? 0 : index;
}

function positionScore(line: number, lead: number): number {
  if (line === -1) return 10; // title
  if (line === -2) return 3; // publisher / copyright holder
  if (line === lead) return 5;
  if (line <= lead + 2) return 2;
  return 0;
}

const partyAfter = /^(?:[\u4e00-\u9fff]{0,16}?)(?:党委|党总支|党支部)/;

function collectColleges(sources: { text: string; line: number }[]): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>();
  let order = 0;
  for (const { text, line } of sources) {
    collegeSuffix.lastIndex = 0;
    let floor = 0;
    for (let match = collegeSuffix.exec(text); match; match = collegeSuffix.exec(text)) {
      const end = match.index + match[0].length;
      const suffixStart = match.index;
      const previousFloor = floor;
      floor = end;
      if (notANameAfter.test(text.slice(end - 2, end + 2))) continue;
      let prefix = cleanPrefix(hanRunBefore(text, suffixStart, previousFloor, 14));
      if (!startsWithPlace(prefix)) prefix = fromFirstPlace(prefix);
      // A college of a vocational kind (测试职业技术学院) is named by whatever stands before its suffix.
      if (!startsWithPlace(prefix) && match[0] === '大学') prefix = namePartOf(prefix, match[0]);
      if (prefix.length < 2 || descriptivePrefix.test(prefix)) continue;
      const suffix = match[0];
      // An X学院 is a college only when X is a place; 中国科学院 and 社会科学院 are academies.
      if (suffix === '学院' && (!startsWithPlace(prefix) || prefix.endsWith('科'))) continue;
      const name = prefix + suffix;
      const attached = partyAfter.exec(text.slice(end, end + 20));
      const occurrence: Occurrence = { line, partyAttached: attached !== null, attachedUnit: attached ? attached[0] : '' };
      const candidate = candidates.get(name) ?? { name, occurrences: [], firstSeen: order++ };
      candidate.occurrences.push(occurrence);
      candidates.set(name, candidate);
    }
  }
  return candidates;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) count++;
  return count;
}

/**
 * The college an article is about: the highest-scoring institution name, by position (title,
 * lead paragraph, publisher) and frequency (abbreviations like 嘉职院 count for their full name).
 * '' when the article names no college.
 */
function findCollege(title: string, lines: readonly string[], publisher: string): { college: string; aliases: string[] } {
  const sources = [
    { text: title, line: -1 },
    { text: publisher, line: -2 },
    ...lines.map((text, line) => ({ text, line })),
  ];
  const candidates = collectColleges(sources);
  // A longer name that only adds a stray leading word to another candidate is that candidate.
  for (const long of [...candidates.values()]) {
    for (let cut = 1; cut <= 3; cut++) {
      const short = candidates.get(long.name.slice(cut));
      if (!short || long.name.length - cut < 4) continue;
      short.occurrences.push(...long.occurrences);
      short.firstSeen = Math.min(short.firstSeen, long.firstSeen);
      candidates.delete(long.name);
      break;
    }
  }
  const lead = leadLineIndex(lines);
  const scored = [...candidates.values()].map((candidate) => {
    let score = 0;
    const seenPositions = new Set<number>();
    for (const occurrence of candidate.occurrences) {
      // Position counts once per line; frequency counts every mention.
      if (!seenPositions.has(occurrence.line)) score += positionScore(occurrence.line, lead);
      seenPositions.add(occurrence.line);
      if (occurrence.line !== -2) score += 1;
      if (occurrence.partyAttached) score += 3;
    }
    return { candidate, score, seenPositions, aliases: [] as string[] };
  });
  // The bonuses below scan the whole text, so only the front runners get them.
  scored.sort((a, b) => b.score - a.score || a.candidate.firstSeen - b.candidate.firstSeen);
  const finalists = scored.slice(0, 8);
  for (const entry of finalists) {
    const { candidate, seenPositions } = entry;
    // A unit of this college that the article keeps coming back to (城市建设学院党总支 … 城市建设学院党总支)
    // marks the college as the subject, not a partner named once beside it.
    const attachedUnits = new Set(candidate.occurrences.map((occurrence) => occurrence.attachedUnit).filter((unit) => unit.length >= 4));
    for (const unit of attachedUnits) {
      const mentions = sources.reduce((sum, { text, line }) => sum + (line === -2 ? 0 : countOccurrences(text, unit)), 0);
      entry.score += Math.min(5, Math.max(0, mentions - 1));
    }
    // Abbreviations (嘉职院) count like the full name, at their own positions.
    for (const alias of abbreviationsOf(candidate.name)) {
      let used = false;
      for (const { text, line } of sources) {
        const count = countOccurrences(text, alias);
        if (count === 0) continue;
        used = true;
        entry.score += count + (seenPositions.has(line) ? 0 : positionScore(line, lead));
        seenPositions.add(line);
      }
      if (used) entry.aliases.push(alias);
    }
  }
  finalists.sort((a, b) => b.score - a.score || a.candidate.firstSeen - b.candidate.firstSeen);
  const best = finalists[0];
  if (!best) return { college: '', aliases: [] };
  // A college named once, deep in the text and not as the owner of a party organisation, is a
  // passing mention: the article is not about any college.
  const { occurrences } = best.candidate;
  const prominent =
    occurrences.length + best.aliases.length >= 2 ||
    occurrences.some((occurrence) => occurrence.partyAttached || occurrence.line < 0 || occurrence.line <= lead + 2);
  return prominent ? { college: best.candidate.name, aliases: best.aliases } : { college: '', aliases: [] };
}

// ---------------------------------------------------------------------------------------------
// Unit candidates

const partyToken = /党委|党总支|党支部|党工委|总支|支部/g;
// 党委会, 党委宣传部, 党委办公室: a meeting or an office, not the organisation itself (but in
// 党委会同 and 党委组织党员 it is the organisation).
const notTheOrganisationAfter = /^(?:会(?!同)|宣传部|组织部|统战部|办公室|教师工作部|学生工作部|工作部|部|办)/;
// Between two party tokens of one chain only a named sub-branch may stand: 党总支[智能制造教工]党支部.
const chainGap = /^(?:[\u4e00-\u9fff]{0,10}?(?:教工|教职工|学生|教师|师生|研究生|本科生|离退休|退休|机关|专业|系|教研室|研究所|中心|部|班|年级|联合|直属)|第[一二三四五六七八九十\d]+)?$/;
const chainGapForbidden = /书记|委员|副|兼|任|和|与|及|的/;
// A specific unit names an organisational part: 自动化学院, 精密制造工程系, 服饰设计专业 …
const orgWord = /[\u4e00-\u9fff](?:学院|系|部|中心|专业|处|室|所|馆|段|局|厅|公司|集团|厂|街道|社区|机关|年级|班|科|研究院|分院)/;
const genericStart = /^(?:该|本校|本院|本系|各|全国|全省|全市|全校|全院|我|其|这|每|基层|二级|所属|下属|校属|院属)/;
// 我校自动化学院党总支: the college, referred to without its name.
const selfReference = /^(?:我校|本校|该校|学校)/;
const otherInstitution = /职业技术大学|职业技术学院|职业学院|专科学校|师范大学|师范学院|大学/;
const wholeCollege = /^(?:学校|校|我校|该校|本校|全校)?党委$/;
// A sub-unit written right after the college name: 马克思主义学院, 精密制造工程系, 继续教育学院.
const subUnitAfterCollege = /^[\u4e00-\u9fff]{2,14}?(?:学院|分院|研究院|学部|系(?![统列数着]))/;
const institutionEnding = /职业|大学|专科|学校/;

interface UnitCandidate {
  score: number;
  lines: Set<number>;
  count: number;
  attached: boolean;
  firstSeen: number;
}

/**
 * The unit an article is about: the party organisation (or sub-unit) named in the title, attached
 * to the college name, or leading the first paragraph. Mentions of the whole college's committee
 * (学校党委, 嘉职院党委, <college>党委) become `学校党委`. The college name is never part of the unit.
 */
function findUnit(title: string, lines: readonly string[], college: string, aliases: readonly string[]): string {
  const names = [college, ...aliases].filter((name) => name.length > 0).sort((a, b) => b.length - a.length);
  const lead = leadLineIndex(lines);
  const candidates = new Map<string, UnitCandidate>();
  let order = 0;
  const add = (unit: string, line: number, attached: boolean): void => {
    const candidate = candidates.get(unit) ?? { score: 0, lines: new Set<number>(), count: 0, attached: false, firstSeen: order++ };
    if (!candidate.lines.has(line)) candidate.score += line === -1 ? 15 : positionScore(line, lead);
    candidate.lines.add(line);
    candidate.count++;
    candidate.score += 1 + (attached ? 4 : 0);
    candidate.attached ||= attached;
    candidates.set(unit, candidate);
  };

  const sources = [{ text: title, line: -1 }, ...lines.map((text, line) => ({ text, line }))];
  for (const { text, line } of sources) {
    const tokens: { start: number; end: number }[] = [];
    partyToken.lastIndex = 0;
    for (let match = partyToken.exec(text); match; match = partyToken.exec(text)) {
      const end = match.index + match[0].length;
      if (notTheOrganisationAfter.test(text.slice(end, end + 4))) continue;
      tokens.push({ start: match.index, end });
    }
    // Group tokens into chains: 精密制造工程系党总支 + 智能制造教工党支部 is one unit.
    let index = 0;
    // A unit's name cannot reach back into the previous party organisation.
    let floor = 0;
    while (index < tokens.length) {
      const first = tokens[index] as (typeof tokens)[number];
      let last = first;
      let next = index + 1;
      while (next < tokens.length) {
        const candidate = tokens[next] as (typeof tokens)[number];
        const gap = text.slice(last.end, candidate.start);
        if (!chainGap.test(gap) || chainGapForbidden.test(gap)) break;
        last = candidate;
        next++;
      }
      index = next;
      const run = hanRunBefore(text, first.start, floor, 40);
      floor = last.end;
      const chain = text.slice(first.start, last.end);
      // Attached to the college (or its abbreviation): everything after the name is the unit,
      // stop characters included (机电与模具工程学院党总支).
      let unit: string | undefined;
      let attached = false;
      for (const name of names) {
        const at = run.lastIndexOf(name);
        if (at === -1) continue;
        unit = run.slice(at + name.length) + chain;
        attached = true;
        break;
      }
      // A unit of another college (阿克苏职业技术学院机电工程学院党总支) is a partner, not the subject.
      if (unit === undefined && otherInstitution.test(run)) continue;
      if (unit === undefined) unit = cleanPrefix(run.slice(-24)) + chain;
      if (wholeCollege.test(unit) && (attached || unit !== '党委')) {
        add('学校党委', line, attached);
        continue;
      }
      const self = selfReference.exec(unit);
      if (!attached && self && unit.length > self[0].length + chain.length) {
        unit = unit.slice(self[0].length);
        attached = true;
      }
      // The part before the party token must name an organisational part (自动化学院, 工程系);
      // 师生党支部, 该党总支, 完善党委 … are references, not names.
      if (genericStart.test(unit) || !orgWord.test(unit.slice(0, unit.length - chain.length))) continue;
      add(unit, line, attached);
    }
    // 中共<college>委员会 is the college's party committee.
    if (college && text.includes(`中共${college}委员会`)) add('学校党委', line, true);
  }

  let best: { unit: string; candidate: UnitCandidate } | undefined;
  for (const [unit, candidate] of candidates) {
    if (
      !best ||
      candidate.score > best.candidate.score ||
      (candidate.score === best.candidate.score && candidate.firstSeen < best.candidate.firstSeen)
    ) {
      best = { unit, candidate };
    }
  }
  // A unit that is neither in the title, nor attached to the college, nor in the lead, nor
  // repeated is a passing mention, not the subject.
  if (best) {
    const { candidate } = best;
    const prominent = candidate.lines.has(-1) || candidate.attached || [...candidate.lines].some((line) => line <= lead + 2) || candidate.count >= 2;
    if (prominent) return best.unit;
  }
  return findSubUnit(title, lines.slice(0, lead + 3), names);
}

/** Without a party organisation: a sub-unit written right after the college name (XX大学马克思主义学院). */
function findSubUnit(title: string, lines: readonly string[], names: readonly string[]): string {
  for (const text of [title, ...lines]) {
    for (const name of names) {
      for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
        const match = subUnitAfterCollege.exec(text.slice(at + name.length, at + name.length + 20));
        if (!match) continue;
        const unit = match[0];
        if (!institutionEnding.test(unit) && ![...unit].some((_, index) => isStopAt(unit, index))) return unit;
      }
    }
  }
  return '';
}

// ---------------------------------------------------------------------------------------------

/** A publication date stated at the very top of the text: a bare date line or `发布日期：…`. */
function dateAtTop(lines: readonly string[]): string {
  for (const line of lines.slice(0, 3)) {
    if (line.length > 60) continue;
    if (isBareDateLine(line)) return findDate(line);
    const keyed = /^[【[]?(?:发布时间|发布日期|发表时间|发表日期|日期|时间)\s*[：:]\s*(.*)$/.exec(line);
    if (keyed) {
      const date = findDate(keyed[1] as string);
      if (date) return date;
    }
  }
  return '';
}

/**
 * Builds an article's metadata. Per field, a non-empty `given` value (JSONL, front matter) wins,
 * then the `hints` read from the page chrome by `cleanArticleText`, then what the text states
 * (college, unit, a publication date at the top, a 原文链接), else ''. `text` is the cleaned
 * text; the title is read from `given`/`hints`.
 */
export function extractMetadata(input: { text: string; hints: Partial<ArticleMetadata>; given: Partial<ArticleMetadata> }): ArticleMetadata {
  const { text, hints, given } = input;
  const result = emptyMetadata();
  for (const field of metadataFields) {
    // Given values skipped normalisation: at least the characters that are never text go.
    const value = stripNonCharacters(given[field] ?? '').trim() || hints[field]?.trim() || '';
    result[field] = value;
  }
  // A given date in another spelling (2022/2/24, 2022年2月24日) still comes out as YYYY-MM-DD.
  if (result.date) result.date = findDate(result.date) || result.date;

  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (!result.college || !result.unit) {
    const found = findCollege(result.title, lines, result.source);
    if (!result.college) result.college = found.college;
    if (!result.unit) {
      const aliases = result.college === found.college ? found.aliases : abbreviationsOf(result.college);
      result.unit = findUnit(result.title, lines, result.college, aliases);
    }
  }
  if (!result.date) result.date = dateAtTop(lines);
  if (!result.url) {
    const link = /(?:原文链接|原文地址|本文链接)\s*[：:]\s*(https?:\/\/[^\s，。；]+)/.exec(text);
    if (link) result.url = link[1] as string;
  }
  return result;
}
