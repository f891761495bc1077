/**
 * Evidence: how well retrieved passages answer a question, sentence by sentence.
 *
 * A question becomes a weighted word profile (idf from the index, so 党建 weighs little and
 * 黄大年式教师团队 a lot). A text covers a word when it contains it as a substring: Chinese word
 * boundaries differ between a question and an article (党史学习 vs 党史学习教育), substrings don't.
 * Coverage is the weighted share of the question's words a text contains. The same measure
 * decides "not in the corpus" for every mode and engine.
 */
import type { IndexSnapshot, IndexedChunk } from '../index/index-reader.ts';
import type { LexicalIndex } from '../index/lexical-index.ts';
import type { SearchHit } from '../retrieval/retriever.ts';
import { splitSentences } from '../text/sentences.ts';
import { analyzeQuery, tokenize } from '../text/tokenize.ts';

export interface WeightedWord {
  word: string;
  weight: number;
  /** Passages of the corpus containing the word as a jieba token (0: the corpus never uses it). */
  documentFrequency: number;
}

/** What kind of sentence a question asks for. */
export type Intent = 'practice' | 'outcome' | 'definition' | 'general';

export interface QueryProfile {
  words: WeightedWord[];
  totalWeight: number;
  intent: Intent;
}

/**
 * Words that name the kind of answer wanted rather than its topic: 做法 asks for practices,
 * 成效 for results. They weigh little in coverage (a sentence saying 相关做法得到肯定 is not about
 * the topic) and steer which sentences are chosen instead.
 */
const intentWords: Record<Exclude<Intent, 'general'>, readonly string[]> = {
  practice: ['做法', '举措', '措施', '经验', '办法', '方法', '路径', '模式', '机制', '途径', '抓手', '思路', '怎么做', '开展', '推进', '实施', '落实', '推动', '加强', '培育', '做好', '抓好', '深化', '强化', '促进'],
  outcome: ['成效', '成果', '效果', '成绩', '荣誉', '奖项', '获奖', '表彰', '取得', '获得', '收获', '业绩', '影响'],
  definition: ['含义', '内涵', '理念', '意思', '定义', '指'],
};
const intentOf = new Map<string, Exclude<Intent, 'general'>>();
for (const [intent, words] of Object.entries(intentWords) as [Exclude<Intent, 'general'>, readonly string[]][]) {
  for (const word of words) intentOf.set(word, intent);
}

/** True for words that name the kind of answer wanted (做法, 成效…) rather than a topic. */
export function isIntentWord(word: string): boolean {
  return intentOf.has(word);
}

/** Words that set the scope of a question (all colleges, each unit), not its topic. */
const scopeWords: ReadonlySet<string> = new Set(['各校', '各院校', '各高校', '高校', '院校', '学校', '各地', '各个', '各', '这些', '那些', '他们', '它们', '其', '该校', '上述', '对比', '比较', '异同', '分别', '不同', '材料', '会议', '汇报', '总结', '撰写', '起草', '写', '生成', '一份']);

/** Builds the weighted word profile of a question. */
export function queryProfile(question: string, lexical: LexicalIndex): QueryProfile {
  const seen = new Set<string>();
  const words: WeightedWord[] = [];
  const intents = new Map<Intent, number>();
  // A word the corpus never uses weighs like the rarest word: it is what the question is about.
  const rarest = Math.log(1 + (lexical.chunkCount + 0.5) / 0.5);
  for (const word of analyzeQuery(question).words) {
    if (seen.has(word) || scopeWords.has(word)) continue;
    seen.add(word);
    const documentFrequency = lexical.documentFrequency(word);
    const intent = intentOf.get(word);
    if (intent) intents.set(intent, (intents.get(intent) ?? 0) + 1);
    // Single characters carry little meaning on their own in Chinese; intent words little topic.
    const factor = intent ? 0.25 : word.length === 1 ? 0.3 : 1;
    const weight = (documentFrequency > 0 ? lexical.idf(word) : rarest) * factor;
    words.push({ word, weight, documentFrequency });
  }
  if (/是什么|什么是|何为|指什么|含义/.test(question)) intents.set('definition', (intents.get('definition') ?? 0) + 2);
  let intent: Intent = 'general';
  let most = 0;
  for (const [candidate, count] of intents) {
    if (count > most) {
      intent = candidate;
      most = count;
    }
  }
  return { words, totalWeight: words.reduce((sum, entry) => sum + entry.weight, 0), intent };
}

/**
 * Weighted share of the profile's words found in `text` (1 = all). Words found only in `context`
 * (the article's title, college, unit, headings) count at `contextFactor`.
 */
export function coverage(profile: QueryProfile, text: string, context = '', contextFactor = 0.8): number {
  if (profile.totalWeight === 0) return 0;
  const haystack = text.toLowerCase();
  const around = context.toLowerCase();
  let found = 0;
  for (const { word, weight } of profile.words) {
    if (haystack.includes(word)) found += weight;
    else if (around.includes(word)) found += weight * contextFactor;
  }
  return found / profile.totalWeight;
}

/** The article-level context of a passage (title, college, unit): what every sentence of it is about. */
export function documentContext(chunk: IndexedChunk): string {
  const { title, college, unit } = chunk.document;
  return [title, college, unit].join(' ');
}

/** The article context plus the headings above a passage. */
export function passageContext(chunk: IndexedChunk): string {
  return [documentContext(chunk), ...chunk.headingPath].join(' ');
}

const honourCue = /荣获|获评|获批|获得|获|入选|评为|授予|命名为|称号|[一二三特]等奖|金奖|银奖|铜奖|优秀奖|典型案例|先进(?:单位|集体|个人|基层党组织|党组织)|示范(?:校|单位|基地|点|支部|党支部|院校|项目)|标杆院系|样板支部|首批|排名全国/;
const quantityCue = /\d+(?:\.\d+)?\s*(?:多|余)?(?:项|个|人次|人|名|万元|万|亿|%|次|篇|门|家|所|届|本|部|场|期|批|支)/;
const resultCue = /培养|建成|累计|达到|提升|提高|增长|完成|签订|开设|开发|服务|培训|到账|实现|覆盖|惠及|吸引|带动|帮助|解决|取得|形成/;
const plannedCue = /修订|制定|出台|印发/;

/**
 * How clearly a sentence reports a result (0..1): honours and awards most, figures achieved next,
 * bare numbers a little. 修订《…办法》，制定21项… has a number but is a measure, not a result.
 */
export function outcomeStrength(sentence: string): number {
  if (honourCue.test(sentence)) return 1;
  if (quantityCue.test(sentence)) {
    if (plannedCue.test(sentence)) return 0.2;
    return resultCue.test(sentence) ? 0.8 : 0.4;
  }
  return 0;
}
const practiceCue = /开展|实施|建立|打造|推进|组建|构建|创新|探索|搭建|举办|组织|制定|形成|坚持|强化|深化|落实|推动|建设|设立|开设|引导|发挥|聚焦|围绕|依托|通过|以.{1,20}为/;
const definitionCue = /理念|是指|即|核心|内涵|意味着|旨在|就是/;

/** How well a sentence fits the kind of answer asked for (1 = neutral). */
export function intentFit(intent: Intent, sentence: string): number {
  switch (intent) {
    case 'outcome':
      return 0.7 + 0.65 * outcomeStrength(sentence);
    case 'practice':
      return (practiceCue.test(sentence) ? 1.15 : 0.85) * (1 - 0.3 * outcomeStrength(sentence));
    case 'definition':
      return definitionCue.test(sentence) ? 1.25 : 0.9;
    default:
      return 1;
  }
}

/** A sentence of a retrieved passage, with its exact place in the document. */
export interface EvidenceSentence {
  chunk: IndexedChunk;
  /** Rank of its passage in the retrieval (0 = best). */
  rank: number;
  /** Offsets in the document's cleaned text. */
  start: number;
  end: number;
  /** The exact text of the span. */
  text: string;
  /** The text as an answer shows it: enumerators (一是、1.) removed, a full stop ensured. */
  display: string;
  isHeading: boolean;
  /** Weighted share of the question found in the sentence (context counts less). */
  coverage: number;
  /** Relevance used for selection. */
  score: number;
}

const leadingEnumerator = /^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]是|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[，,、])\s*/;

/** How a sentence reads inside an answer: without its enumerator, ending in punctuation. */
export function displaySentence(text: string): string {
  // A news dateline (中国教育报客户端讯（通讯员 …）) belongs to the page, not to the claim.
  let display = text.replace(/^[^，。；\s]{2,24}(?:讯|电)[（(][^）)]{0,60}[）)]\s*/, '').replace(leadingEnumerator, '').trim();
  if (display.length === 0) display = text.trim();
  if (!/[。！？；…”’」』）)]$/.test(display)) display += '。';
  // A sentence cut at ；/：is shown as a full sentence.
  return display.replace(/[；;：:，,]$/, '。');
}

/** Sentences of the retrieved passages, each scored against the question, de-duplicated by position. */
export function collectSentences(snapshot: IndexSnapshot, hits: readonly SearchHit[], profile: QueryProfile): EvidenceSentence[] {
  const seen = new Set<string>();
  const sentences: EvidenceSentence[] = [];
  hits.forEach((hit, rank) => {
    const chunk = hit.chunk;
    const text = snapshot.documentText(chunk.document);
    const headingStarts = new Set(chunk.document.headings.map(([start]) => start));
    const context = passageContext(chunk);
    const passageCoverage = coverage(profile, chunk.text, context);
    // Words the article's title, college or unit already answer (the subject) make every sentence
    // of it relevant; the remaining words (the topic) are what a sentence must say itself.
    const subject = documentContext(chunk).toLowerCase();
    const subjectTokens = new Set(tokenize(subject));
    // Whole tokens only for short words: 工程 is not the subject of an article by 风能工程学院.
    const topicWords = profile.words.filter(({ word }) => !(subjectTokens.has(word) || (word.length >= 3 && subject.includes(word))));
    const topic: QueryProfile = { words: topicWords, totalWeight: topicWords.reduce((sum, entry) => sum + entry.weight, 0), intent: profile.intent };
    const headings = chunk.headingPath.join(' ');
    for (const span of splitSentences(text, chunk.start, chunk.end)) {
      const key = `${chunk.document.docId}:${span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sentence = text.slice(span.start, span.end);
      // Fragments (a lone 一是。) and tables of numbers say nothing on their own.
      if (sentence.replace(/[\s\p{P}\d]/gu, '').length < 6) continue;
      const own = coverage(profile, sentence, context);
      // With no topic words left, the sentence's own coverage of the whole question decides.
      const topical = topic.totalWeight > 0 ? coverage(topic, sentence, headings, 0.5) : coverage(profile, sentence);
      const isHeading = headingStarts.has(span.start);
      // Relevance: the whole question (subject may come from the article), the topic said by the
      // sentence itself, a little of its passage's coverage (the sentence next to an answer is
      // often part of it), the kind of answer asked for, and the passage's retrieval rank.
      const lengthFit = sentence.length < 12 ? 0.6 : sentence.length > 220 ? 0.8 : 1;
      const relevance = 0.4 * own + 0.45 * topical + 0.15 * passageCoverage;
      const score = relevance * intentFit(profile.intent, sentence) * lengthFit * (1 / (1 + 0.04 * rank)) * (isHeading ? 0.9 : 1);
      sentences.push({
        chunk,
        rank,
        start: span.start,
        end: span.end,
        text: sentence,
        display: displaySentence(sentence),
        isHeading,
        coverage: own,
        score,
      });
    }
  });
  return sentences;
}

/** Character bigrams of a text, for near-duplicate checks between sentences. */
function bigramSet(text: string): Set<string> {
  const compact = text.replace(/[\s\p{P}]/gu, '');
  const set = new Set<string>();
  for (let index = 0; index + 1 < compact.length; index++) set.add(compact.slice(index, index + 2));
  return set;
}

/** True when two sentences say nearly the same thing (reposts, a summary repeating its body). */
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
export function selectSentences(candidates: readonly EvidenceSentence[], limit: number, floor = 0.45, minimum = 0): EvidenceSentence[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
  const best = sorted[0]?.score ?? 0;
  const chosen: EvidenceSentence[] = [];
  for (const candidate of sorted) {
    if (chosen.length >= limit) break;
    if (candidate.score < Math.max(minimum, best * floor)) break;
    if (chosen.some((other) => nearlySame(other.text, candidate.text))) continue;
    chosen.push(candidate);
  }
  return chosen;
}

/** The verdict on whether the corpus can answer a question. */
export interface EvidenceVerdict {
  answerable: boolean;
  /** Best passage coverage (0..1). */
  strength: number;
  /** Question words the corpus does not know at all (e.g. a college it has no article about). */
  unknownWords: string[];
}

/** Below this coverage the best passage does not address the question. */
export const minimumCoverage = 0.5;

/**
 * Decides whether the retrieved passages can answer the question. Too weak when the best
 * passage covers less than half of the question's weight, or when the words the corpus has never
 * seen carry most of the question (清华大学的党建经验: the corpus has no 清华大学).
 */
export function judgeEvidence(hits: readonly SearchHit[], profile: QueryProfile): EvidenceVerdict {
  const unknown = profile.words.filter((entry) => entry.documentFrequency === 0);
  let strength = 0;
  for (const hit of hits) strength = Math.max(strength, coverage(profile, hit.chunk.text, passageContext(hit.chunk)));
  // Unknown words that still appear as substrings (党史学习 inside 党史学习教育) are known after all.
  const unknownWords = unknown.filter(({ word }) => !hits.some((hit) => hit.chunk.text.toLowerCase().includes(word) || passageContext(hit.chunk).toLowerCase().includes(word))).map((entry) => entry.word);
  const unknownWeight = profile.words.filter((entry) => unknownWords.includes(entry.word)).reduce((sum, entry) => sum + entry.weight, 0);
  const answerable = hits.length > 0 && profile.totalWeight > 0 && strength >= minimumCoverage && unknownWeight < profile.totalWeight * 0.35;
  return { answerable, strength, unknownWords };
}
