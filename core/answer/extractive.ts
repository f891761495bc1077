/**
 * The extractive engine: answers composed only of sentences from the retrieved passages, each
 * followed by its citation. It needs no model, so it is what every user without a model endpoint
 * gets, and the fallback when the endpoint fails. Every claim is a verbatim sentence of an
 * article, so its citation supports it by construction.
 */
import type { IndexSnapshot, IndexedDocument } from '../index/index-reader.ts';
import type { SearchHit } from '../retrieval/retriever.ts';
import {
  collectSentences,
  intentFit,
  outcomeStrength,
  selectSentences,
  type EvidenceSentence,
  type QueryProfile,
} from './evidence.ts';
import type { Citation, ComparisonRow } from './protocol.ts';

/** An answer as text (Markdown with [n] markers) plus the citations those markers point at. */
export interface ComposedAnswer {
  text: string;
  citations: Citation[];
  table?: { rows: ComparisonRow[]; coverage: { covered: number; total: number } };
}

/** How an article is named in an answer when it has no title. */
export function documentLabel(document: IndexedDocument): string {
  if (document.title) return document.title;
  const who = `${document.college}${document.unit}`;
  return who || document.docId;
}

/** Hands out citation numbers, one per cited span, in order of first use. */
export class CitationBook {
  readonly citations: Citation[] = [];
  private readonly byKey = new Map<string, number>();

  /** The number of a sentence's citation (the same span keeps its number). */
  cite(sentence: EvidenceSentence): number {
    const key = `${sentence.chunk.document.docId}:${sentence.start}:${sentence.end}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const n = this.citations.length + 1;
    const document = sentence.chunk.document;
    this.citations.push({
      n,
      chunkId: sentence.chunk.chunkId,
      docId: document.docId,
      title: documentLabel(document),
      college: document.college,
      date: document.date,
      quote: sentence.text,
      start: sentence.start,
      end: sentence.end,
    });
    this.byKey.set(key, n);
    return n;
  }
}

/** The name under which an article's sentences are grouped: its college and unit. */
function groupLabel(document: IndexedDocument): string {
  if (document.college && document.unit) return `**${document.college}**（${document.unit}）`;
  if (document.college || document.unit) return `**${document.college || document.unit}**`;
  return `**${documentLabel(document)}**`;
}

/** Groups sentences by article (best article first) and orders each group as the article does. */
function byDocument(sentences: readonly EvidenceSentence[]): EvidenceSentence[][] {
  const groups = new Map<string, EvidenceSentence[]>();
  for (const sentence of sentences) {
    const key = sentence.chunk.document.docId;
    const group = groups.get(key);
    if (group) group.push(sentence);
    else groups.set(key, [sentence]);
  }
  const best = (group: EvidenceSentence[]): number => Math.max(...group.map((sentence) => sentence.score));
  return [...groups.values()].sort((left, right) => best(right) - best(left)).map((group) => group.sort((a, b) => a.start - b.start));
}

/** `qa`: the best sentences for the question, grouped by college, in the articles' own order. */
export function composeQa(snapshot: IndexSnapshot, hits: readonly SearchHit[], profile: QueryProfile, alreadyShown = ''): ComposedAnswer {
  // Sentences the previous answer showed (a follow-up) step back for ones the user has not seen.
  // A sentence that fits the new question's intent (the results asked for) stays.
  const candidates = collectSentences(snapshot, hits, profile).map((sentence) =>
    alreadyShown && alreadyShown.includes(sentence.display.slice(0, 40)) && intentFit(profile.intent, sentence.text) <= 1
      ? { ...sentence, score: sentence.score * 0.35 }
      : sentence,
  );
  const chosen = selectSentences(candidates, 6, 0.4);
  const book = new CitationBook();
  const lines: string[] = [];
  for (const group of byDocument(chosen)) {
    lines.push(groupLabel(group[0]!.chunk.document));
    for (const sentence of group) lines.push(`- ${sentence.display}[${book.cite(sentence)}]`);
    lines.push('');
  }
  return { text: lines.join('\n').trim(), citations: book.citations };
}

// ------------------------------------------------------------------------------------------------
// Meeting draft (会议材料)

type Section = 'background' | 'practice' | 'outcome' | 'insight';

const sectionTitles: Record<Section, string> = {
  background: '一、背景',
  practice: '二、主要做法',
  outcome: '三、取得成效',
  insight: '四、经验启示',
};
const sectionSizes: Record<Section, number> = { background: 2, practice: 6, outcome: 5, insight: 3 };

const headingCues: Record<Section, RegExp> = {
  background: /背景|概况|基本情况|缘起/,
  practice: /做法|举措|措施|实施过程|路径|主要工作|工程|项目|聚焦|机制/,
  outcome: /成效|成果|成绩|效果|荣誉/,
  insight: /体会|思考|启示|经验|展望|思路/,
};
const sentenceCues: Record<Section, RegExp> = {
  background: /为深入|为贯彻|为落实|以.{1,30}为指导|按照|根据|近年来|作为|始终牢记|立足|面对|是.{0,20}(?:单位|学校|院校|基地)/,
  practice: /开展|实施|建立|打造|推进|组建|构建|创新|探索|搭建|举办|组织|制定|形成|强化|深化|推动|设立|开设|引导|依托|聚焦|围绕/,
  outcome: /$^/, // results are judged by outcomeStrength
  insight: /关键|核心|必须|只有|才能|根本|要坚持|始终坚持|之基|意义|启示|体会|经验表明/,
};

/** How well a sentence fits a section of a meeting draft. */
function sectionFit(section: Section, sentence: EvidenceSentence): number {
  const headings = sentence.chunk.headingPath.join(' ');
  const result = outcomeStrength(sentence.text);
  let fit = 1;
  if (headingCues[section].test(headings)) fit *= 1.5;
  if (section === 'outcome') {
    // 取得成效 lists figures and honours; a sentence without either is not a result.
    return result >= 0.4 ? fit * (1 + result) : fit * 0.2;
  }
  if (sentenceCues[section].test(sentence.text)) fit *= 1.35;
  else if (section === 'insight') fit *= 0.45;
  if (section === 'background' && sentence.start < 300) fit *= 1.3;
  return fit * (1 - 0.4 * result);
}

/** The topic of a drafting request: the question without the request wording. */
export function draftTopic(question: string): string {
  const topic = question
    .replace(/[？?。！!]+$/u, '')
    .replace(/^(?:请|请你|帮我|帮忙|麻烦)?(?:写|撰写|起草|生成|整理|形成|准备)?(?:一份|一篇|一个)?(?:关于)?/u, '')
    .replace(/(?:的)?(?:会议材料|材料|汇报材料|经验材料|交流材料|总结|汇报|典型经验)$/u, '')
    .replace(/^关于/u, '')
    .trim();
  return topic || '党建工作';
}

/** `summary`: a meeting-ready draft with 背景, 主要做法, 取得成效 and 经验启示, every sentence cited. */
export function composeSummary(snapshot: IndexSnapshot, hits: readonly SearchHit[], profile: QueryProfile, question: string): ComposedAnswer {
  const candidates = collectSentences(snapshot, hits, profile);
  const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
  // A draft about a college's work draws on all of its articles, not only the sentences that
  // repeat the request's wording (党建工作): coverage of the question, article context included,
  // admits them.
  const relevant = candidates.filter((candidate) => candidate.score >= best * 0.3 || candidate.coverage >= 0.3);
  const used = new Set<EvidenceSentence>();
  const book = new CitationBook();
  const documents = new Set(relevant.map((sentence) => sentence.chunk.document.docId));
  const lines = [`# 关于“${draftTopic(question)}”的典型经验材料`, '', `（依据语料中 ${documents.size} 篇相关文章整理，每句均注明出处）`, ''];
  // Fill the most specific sections first, so a sentence lands where it fits best.
  const order: Section[] = ['outcome', 'insight', 'background', 'practice'];
  const picked = new Map<Section, EvidenceSentence[]>();
  for (const section of order) {
    const scored = relevant
      .filter((sentence) => !used.has(sentence))
      .map((sentence) => ({ ...sentence, score: sentence.score * sectionFit(section, sentence), original: sentence }));
    const chosen = selectSentences(scored, sectionSizes[section], 0.3, section === 'outcome' || section === 'insight' ? best * 0.3 : 0);
    const originals = chosen.map((sentence) => (sentence as typeof sentence & { original: EvidenceSentence }).original);
    for (const sentence of originals) used.add(sentence);
    picked.set(section, originals);
  }
  for (const section of ['background', 'practice', 'outcome', 'insight'] as Section[]) {
    lines.push(`## ${sectionTitles[section]}`, '');
    const sentences = picked.get(section) ?? [];
    if (sentences.length === 0) {
      lines.push('（语料中未见相关内容）', '');
      continue;
    }
    // Practices read best in the articles' order; results and lessons by strength.
    const ordered = section === 'practice' || section === 'background' ? byDocument(sentences).flat() : sentences;
    ordered.forEach((sentence, index) => {
      const cited = `${sentence.display}[${book.cite(sentence)}]`;
      if (section === 'background') lines.push(cited);
      else if (section === 'practice') lines.push(`${index + 1}. ${cited}`);
      else lines.push(`- ${cited}`);
    });
    lines.push('');
  }
  return { text: lines.join('\n').trim(), citations: book.citations };
}

// ------------------------------------------------------------------------------------------------
// Comparison across colleges (院校对比)

function cell(text: string): string {
  return text.replace(/\|/g, '｜').replace(/\s*\n\s*/g, ' ');
}

/** Hits grouped by college, keeping retrieval order. */
export function hitsByCollege(hits: readonly SearchHit[]): Map<string, SearchHit[]> {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const college = hit.chunk.document.college;
    if (!college) continue;
    const group = groups.get(college);
    if (group) group.push(hit);
    else groups.set(college, [hit]);
  }
  return groups;
}

/**
 * `compare`: one row per college with its practice (做法), its result (成效) and its sources,
 * a citation in every filled cell, 未见相关内容 where a college's articles say nothing on the topic,
 * and a coverage line.
 */
export function composeCompare(
  snapshot: IndexSnapshot,
  perCollege: ReadonlyMap<string, readonly SearchHit[]>,
  profile: QueryProfile,
  colleges: readonly string[],
  minimumCoverage: number,
): ComposedAnswer {
  const book = new CitationBook();
  const rows: (ComparisonRow & { strength: number })[] = [];
  for (const college of colleges) {
    const hits = perCollege.get(college) ?? [];
    const sentences = collectSentences(snapshot, hits, profile);
    const strength = Math.max(0, ...sentences.map((sentence) => sentence.coverage));
    const unit = hits[0]?.chunk.document.unit ?? snapshot.documents.find((document) => document.college === college)?.unit ?? '';
    if (sentences.length === 0 || strength < minimumCoverage) {
      rows.push({ college, unit, practice: null, outcome: null, sources: [], strength: 0 });
      continue;
    }
    const pick = (fit: (sentence: EvidenceSentence) => number, exclude?: EvidenceSentence): EvidenceSentence | undefined =>
      sentences
        .filter((sentence) => sentence !== exclude && sentence.coverage >= minimumCoverage * 0.6)
        .map((sentence) => ({ sentence, score: sentence.score * fit(sentence) }))
        .sort((a, b) => b.score - a.score)[0]?.sentence;
    // 做法 wants what the college did; honours and figures belong in 成效.
    const practice = pick((sentence) => intentFit('practice', sentence.text) * (1 - 0.6 * outcomeStrength(sentence.text)));
    const outcome = pick((sentence) => (0.3 + outcomeStrength(sentence.text)) * (headingCues.outcome.test(sentence.chunk.headingPath.join(' ')) ? 1.3 : 1), practice);
    const practiceCell = practice ? { text: practice.display, citations: [book.cite(practice)] } : null;
    // A result must be about the topic too, not just any achievement of the college.
    const outcomeRelevant = outcome !== undefined && outcomeStrength(outcome.text) >= 0.4 && outcome.coverage >= Math.max(minimumCoverage * 0.6, 0.6 * (practice?.coverage ?? 0));
    const outcomeCell = outcomeRelevant ? { text: outcome.display, citations: [book.cite(outcome)] } : null;
    const sources = [...new Set([...(practiceCell?.citations ?? []), ...(outcomeCell?.citations ?? [])])];
    rows.push({ college, unit, practice: practiceCell, outcome: outcomeCell, sources, strength });
  }
  rows.sort((a, b) => b.strength - a.strength || a.college.localeCompare(b.college, 'zh'));
  const covered = rows.filter((row) => row.sources.length > 0).length;
  const lines = ['| 院校 | 做法 | 成效 | 来源 |', '|---|---|---|---|'];
  const byNumber = new Map(book.citations.map((citation) => [citation.n, citation]));
  for (const row of rows) {
    const name = cell(row.unit ? `${row.college}（${row.unit}）` : row.college);
    const practiceText = row.practice ? cell(`${row.practice.text}${row.practice.citations.map((n) => `[${n}]`).join('')}`) : '未见相关内容';
    const outcomeText = row.outcome ? cell(`${row.outcome.text}${row.outcome.citations.map((n) => `[${n}]`).join('')}`) : '未见相关内容';
    const titles = [...new Map(row.sources.map((n) => [byNumber.get(n)!.docId, n])).entries()].map(([, n]) => {
      const citation = byNumber.get(n)!;
      return `《${cell(citation.title)}》${citation.date ? `（${citation.date}）` : ''}${row.sources.filter((m) => byNumber.get(m)!.docId === citation.docId).map((m) => `[${m}]`).join('')}`;
    });
    lines.push(`| ${name} | ${practiceText} | ${outcomeText} | ${titles.length > 0 ? titles.join('；') : '—'} |`);
  }
  lines.push('', `覆盖情况：语料中共 ${colleges.length} 所院校，其中 ${covered} 所有与该主题相关的内容。`);
  return {
    text: lines.join('\n'),
    citations: book.citations,
    table: { rows: rows.map(({ strength: _strength, ...row }) => row), coverage: { covered, total: colleges.length } },
  };
}

/** The answer when the corpus has nothing on the question. */
export function notFoundText(question: string, unknownWords: readonly string[]): string {
  const about = unknownWords.length > 0 ? `（语料中未出现“${unknownWords.slice(0, 3).join('”“')}”）` : '';
  return `语料库中没有找到与“${question.slice(0, 60)}”相关的信息${about}。可以换个说法，或在“浏览文章”中查看已收录的文章。`;
}
