/**
 * 哪个级别最高 / 获得的最高荣誉是什么: the honours an article names, ranked by the level their own words
 * give them (国家级, 全国 over 省 over 市 over 校), and the highest (or lowest) of them, each cited.
 */
import type { IndexSnapshot, IndexedChunk } from '../index/index-reader.ts';
import { splitSentences } from '../text/sentences.ts';
import { CitationBook, passageHolding } from './citation-book.ts';
import type { ComposedAnswer } from './composed-answer.ts';
import type { Evidence } from './evidence.ts';
import { honourLevels, honourVerb } from './tuning.ts';

/** The verbs honours are named after (荣获, 入选, 成为…). */
const honourVerbs = new RegExp(`${honourVerb.source}|${honourLevels.moreVerbs.source}`, 'gu');

/** Which end of the levels a question asks for, or null when it asks for none. */
export function superlativeLevelAsked(question: string): 'highest' | 'lowest' | null {
  const match = honourLevels.superlative.exec(question);
  if (!match) return null;
  return (match[1] ?? match[2]) === '高' ? 'highest' : 'lowest';
}

/** A sentence of an article: its text, where it starts in the article, and a passage holding it. */
interface Said {
  text: string;
  start: number;
  chunk: IndexedChunk;
}

interface LevelledHonour {
  start: number;
  end: number;
  chunk: IndexedChunk;
  /** Index into `honourLevels.levels`: 0 is the highest. */
  level: number;
}

/** The honours a sentence names after its verbs (荣获A、B和C), each with its level, where its words give one. */
function honoursIn(sentence: Said): LevelledHonour[] {
  const honours: LevelledHonour[] = [];
  const { text } = sentence;
  for (const verb of text.matchAll(honourVerbs)) {
    const from = verb.index + verb[0].length;
    const stop = text.slice(from).search(/[，,。；;！？]/u);
    const clause = text.slice(from, stop >= 0 ? from + stop : text.length);
    let at = from;
    for (const item of clause.split(honourLevels.itemBreak)) {
      const start = text.indexOf(item, at);
      at = start + item.length;
      const level = honourLevels.levels.findIndex((candidate) => candidate.words.test(item));
      if (item.trim().length >= 4 && level >= 0 && honourLevels.honourWord.test(item)) honours.push({ start: sentence.start + start, end: sentence.start + start + item.length, chunk: sentence.chunk, level });
    }
  }
  return honours;
}

/** Every sentence of the article a passage is of, each with a passage holding it. */
function sentencesOfArticle(snapshot: IndexSnapshot, chunk: IndexedChunk): Said[] {
  const text = snapshot.documentText(chunk.document);
  return splitSentences(text).flatMap((span) => {
    const holder = passageHolding(snapshot, chunk.document, span, chunk);
    return holder ? [{ text: text.slice(span.start, span.end), start: span.start, chunk: holder }] : [];
  });
}

/**
 * The highest or lowest honours of the article the question is about, with the others it names: from
 * the best sentence alone when it names two levels or more (那两支团队先后荣获的几个名头), else from the
 * whole of that sentence's article. Null when the question asks no level, or fewer than two honours
 * of known level are found.
 */
export function composeLevelSuperlative(snapshot: IndexSnapshot, evidence: Evidence, question: string): ComposedAnswer | null {
  const asked = superlativeLevelAsked(question);
  if (!asked) return null;
  const [best] = evidence.sentences.filter((sentence) => sentence.articleMatches).sort((a, b) => b.score - a.score);
  if (!best) return null;
  const inBest = honoursIn(best);
  const found = new Set(inBest.map((honour) => honour.level)).size >= 2 ? inBest : sentencesOfArticle(snapshot, best.chunk).flatMap(honoursIn);
  // An article may name an honour twice (its lede and its body): once here.
  const text = snapshot.documentText(best.chunk.document);
  const honours = found.filter((honour, index) => found.findIndex((other) => text.slice(other.start, other.end) === text.slice(honour.start, honour.end)) === index);
  if (honours.length < 2) return null;
  const levels = honours.map((honour) => honour.level);
  const target = asked === 'highest' ? Math.min(...levels) : Math.max(...levels);
  const book = new CitationBook(snapshot);
  const item = (honour: LevelledHonour): string => `- ${book.claim(honour)}`;
  const others = honours.filter((honour) => honour.level !== target);
  const lines = [`级别最${asked === 'highest' ? '高' : '低'}的是${honourLevels.levels[target]!.name}的：`, ...honours.filter((honour) => honour.level === target).map(item)];
  if (others.length > 0) lines.push('', '文中写到的其他荣誉：', ...others.slice(0, honourLevels.othersShown).map((honour) => `${item(honour)}（${honourLevels.levels[honour.level]!.name}）`));
  return { text: lines.join('\n'), citations: book.citations };
}
