/**
 * 会议材料: a meeting-ready draft with 背景, 主要做法, 取得成效 and 经验启示, every line an exact span
 * of an article with its citation. Headings never stand in as practices: a run-in heading
 * (校企合作实现新拓展。) is shown with the sentence it introduces. 经验启示 holds only sentences
 * that state lessons; when the articles state none, the section says so.
 */
import type { IndexSnapshot } from '../index/index-reader.ts';
import { CitationBook, type CitedSpan } from './citation-book.ts';
import type { ComposedAnswer } from './composed-answer.ts';
import { cutSentence, isLabelText, labelWithSentence } from './compose-qa.ts';
import { ordinalOf } from './enumerations.ts';
import { outcomeStrength, selectSentences, type Evidence, type EvidenceSentence } from './evidence.ts';
import type { QuestionAnalysis } from './question.ts';
import { answerLengths, draftUsageNote, sentenceCues, summaryKnobs } from './tuning.ts';

type Section = 'background' | 'practice' | 'outcome' | 'insight';

const sectionTitles: Record<Section, string> = {
  background: '一、背景',
  practice: '二、主要做法',
  outcome: '三、取得成效',
  insight: '四、经验启示',
};

/** A run-in label, plain (加强“行动支部”建设。) or titled (党建聚智：“读·聚匠心、五育并举”组建六支金队伍。). */
function isDraftLabel(text: string): boolean {
  return isLabelText(text) || summaryKnobs.titledLabel.test(text.trim());
}

/** How well a sentence fits a section of a meeting draft (0: it does not belong there). */
function sectionFit(section: Section, sentence: EvidenceSentence): number {
  const headings = sentence.chunk.headingPath.join(' ');
  const result = outcomeStrength(sentence.text);
  let fit = summaryKnobs.headingCues[section].test(headings) ? summaryKnobs.headingBonus : 1;
  switch (section) {
    case 'outcome':
      // 取得成效 lists figures and honours; a sentence without either is not a result.
      return result >= 0.4 ? fit * (1 + result) : 0;
    case 'insight':
      // A lesson says what matters (关键, 必须, 只有…才能) or stands under 体会/启示.
      return sentenceCues.insight.test(sentence.text) || summaryKnobs.headingCues.insight.test(headings) ? fit * (1 - 0.5 * result) : 0;
    case 'background':
      // A label names a practice (党建引领：“两翼齐飞、全链驱动”打造…“金基地”): no background.
      if (isDraftLabel(sentence.text)) return 0;
      if (sentenceCues.background.test(sentence.text)) fit *= summaryKnobs.cueBonus;
      if (sentence.start < summaryKnobs.openingCharacters) fit *= summaryKnobs.openingBonus;
      return fit * (1 - 0.4 * result);
    case 'practice':
      if (sentenceCues.practice.test(sentence.text)) fit *= summaryKnobs.cueBonus;
      return fit * (1 - 0.4 * result);
  }
}

/** A drafting request without what it says of the draft's use (…的经验材料，支部学习会上用). */
export function withoutUsageNote(question: string): string {
  return question.replace(draftUsageNote, '');
}

/** The topic of a drafting request: the request without its wording (写一份…的会议材料). */
export function draftTopic(question: string): string {
  const topic = withoutUsageNote(question)
    .replace(/[？?。！!]+$/u, '')
    // ，包括背景、主要做法、成效和启示: the draft's sections, not its topic.
    .replace(/[，,；;：:]\s*(?:包括|包含|含|要有|分为|按照?|围绕|重点参考|主要参考|参考|结合|侧重|突出)[^，,；;]*$/u, '')
    .replace(/^(?:请|请你|帮我|帮忙|麻烦)?(?:写|撰写|起草|生成|整理|形成|准备|出)?(?:一份|一篇|一个)?(?:关于)?/u, '')
    .replace(/(?:的)?(?:会议材料|材料|汇报材料|经验材料|交流材料|总结|汇报|典型经验|经验)$/u, '')
    .replace(/^关于/u, '')
    .replace(/^[“"]|[”"]$/gu, '')
    .trim();
  return topic || '党建工作';
}

/** A practice as shown: with the run-in heading that introduces its sentence, if there is one. */
function practiceSpan(snapshot: IndexSnapshot, sentence: EvidenceSentence, headingBefore: EvidenceSentence | undefined, analysis: QuestionAnalysis): CitedSpan {
  // A run-in label (加强“行动支部”建设。, 党建聚智：“读·聚匠心、五育并举”组建六支金队伍。) names a
  // practice; the sentence after it says what was done.
  if (isDraftLabel(sentence.text)) {
    const labelled = labelWithSentence(snapshot, sentence, analysis);
    // Not when what follows opens the next point of the outline (4.实施“三融教育”工程…).
    const body = labelled ? snapshot.documentText(sentence.chunk.document).slice(sentence.end, labelled.end).trim() : '';
    if (labelled && ordinalOf(body) === null) return labelled;
  }
  const cut = cutSentence(snapshot, sentence, analysis, answerLengths.longSentence);
  // Only a cut that keeps the sentence's start can carry its heading (the span must stay contiguous).
  if (headingBefore && cut.start === sentence.start && headingBefore.chunk.chunkId === sentence.chunk.chunkId) return { ...cut, start: headingBefore.start };
  return cut;
}

/** `summary`: the four sections, each from the sentences that fit it best, every line cited. */
export function composeSummary(snapshot: IndexSnapshot, evidence: Evidence, analysis: QuestionAnalysis, title: string): ComposedAnswer {
  const candidates = evidence.sentences.filter((sentence) => sentence.score > 0);
  const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
  // A draft about a college's work draws on all of its articles, not only the sentences that
  // repeat the request's wording: core coverage, article context included, admits them.
  const admitted = candidates.filter((candidate) => !candidate.isHeading && (candidate.score >= best * summaryKnobs.relevantShare || candidate.coreCoverage >= summaryKnobs.relevantCoverage));
  // A request with a topic of its own (加强教师队伍建设) draws on what says it, not on every sentence
  // of the college's article, when enough says it (a branch named in other words, 教工 / 教师, may not).
  const onTopic = admitted.filter((candidate) => candidate.topicCoverage >= summaryKnobs.relevantTopic);
  const relevant = onTopic.length >= summaryKnobs.onTopicAtLeast ? onTopic : admitted;
  const headingsBefore = new Map<EvidenceSentence, EvidenceSentence>();
  for (let index = 1; index < evidence.sentences.length; index++) {
    const previous = evidence.sentences[index - 1]!;
    const sentence = evidence.sentences[index]!;
    if (previous.isHeading && previous.chunk.chunkId === sentence.chunk.chunkId && snapshot.documentText(sentence.chunk.document).slice(previous.end, sentence.start).trim() === '') headingsBefore.set(sentence, previous);
  }
  const used = new Set<EvidenceSentence>();
  const picked = new Map<Section, EvidenceSentence[]>();
  // The most specific sections first, so a sentence lands where it fits best.
  for (const section of ['outcome', 'insight', 'background', 'practice'] as Section[]) {
    const scored = relevant
      .filter((sentence) => !used.has(sentence))
      .map((sentence) => ({ ...sentence, score: sentence.score * sectionFit(section, sentence), original: sentence }))
      .filter((sentence) => sentence.score > 0);
    const chosen = selectSentences(scored, summaryKnobs.sizes[section], summaryKnobs.floor, section === 'outcome' || section === 'insight' ? best * summaryKnobs.specificMinimum : 0).map((sentence) => sentence.original);
    for (const sentence of chosen) used.add(sentence);
    picked.set(section, chosen);
  }
  const book = new CitationBook(snapshot);
  const documents = new Set([...used].map((sentence) => sentence.chunk.document.docId));
  const lines = [`# 关于“${title}”的典型经验材料`, '', `（依据语料中 ${documents.size} 篇相关文章整理，每句均注明出处）`, ''];
  // The spans each section shows. A draft says a thing once: practices (a label with its body)
  // first, then background, results and lessons, each leaving out what an earlier one told.
  const told: CitedSpan[] = [];
  const spans = new Map<Section, CitedSpan[]>();
  for (const section of ['practice', 'background', 'outcome', 'insight'] as Section[]) {
    const sentences = picked.get(section) ?? [];
    // Practices and background read best in the articles' order; results and lessons by strength.
    const ordered = section === 'practice' || section === 'background' ? [...sentences].sort((a, b) => a.chunk.document.docId.localeCompare(b.chunk.document.docId) || a.start - b.start) : sentences;
    const shown: CitedSpan[] = [];
    for (const sentence of ordered) {
      const span =
        section === 'practice'
          ? practiceSpan(snapshot, sentence, headingsBefore.get(sentence), analysis)
          : cutSentence(snapshot, sentence, analysis, answerLengths.longSentence, section === 'outcome' ? (clause) => 2 * outcomeStrength(clause) : undefined);
      // A label's practice already told this sentence.
      if (shown.some((other) => other.chunk.document.docId === span.chunk.document.docId && other.start <= span.start && span.end <= other.end)) continue;
      if (told.some((other) => other.chunk.document.docId === span.chunk.document.docId && other.start < span.end && span.start < other.end)) continue;
      shown.push(span);
    }
    told.push(...shown);
    spans.set(section, shown);
  }
  for (const section of ['background', 'practice', 'outcome', 'insight'] as Section[]) {
    lines.push(`## ${sectionTitles[section]}`, '');
    const shown = spans.get(section) ?? [];
    if (shown.length === 0) lines.push('（语料中未见相关内容）');
    for (const [index, span] of shown.entries()) {
      const claim = book.claim(span);
      if (section === 'background') lines.push(claim);
      else if (section === 'practice') lines.push(`${index + 1}. ${claim}`);
      else lines.push(`- ${claim}`);
    }
    lines.push('');
  }
  return { text: lines.join('\n').trim(), citations: book.citations };
}
