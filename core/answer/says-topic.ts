/**
 * Whether a sentence says a draft's or a comparison's topic itself, not only stands beside what
 * does: a share of the topic in its own words (or its run-in label's), with one of the topic's key
 * words. The key words are its terms of the field, words general Chinese lacks (清廉 of 清廉校园:
 * 校园文化建设年 says only the other; 教工党支部 of 基层教工党支部), or else its weightiest word
 * (党员 of 学生党员培养).
 */
import type { IndexSnapshot } from '../index/index-reader.ts';
import { labelBefore } from './compose-qa.ts';
import { coreCoverageOf, type EvidenceSentence } from './evidence.ts';
import { weightiestTopic, type QuestionAnalysis } from './question.ts';
import { generalIdf, generalIdfCeiling } from './term-statistics.ts';
import { honourHolderWords, honourTopicWords, sentenceCues, summaryKnobs } from './tuning.ts';

/** The test for a question's topic, or null when the question names no topic (a draft about a college). */
export function topicSayer(snapshot: IndexSnapshot, analysis: QuestionAnalysis): ((sentence: EvidenceSentence) => boolean) | null {
  const topics = analysis.terms.filter((term) => term.role === 'topic');
  // A topic of honours only (获得的荣誉和表彰) is said by any sentence stating one conferred (…获评…先进单位).
  if (isHonoursOnly(analysis)) return (sentence) => sentenceCues.conferred.test(sentenceWithLabel(snapshot, sentence));
  if (topics.length === 0) return null;
  // Of a college the question names, words of the unit an article is about (苏工院智能制造支部 of
  // 智能制造教工党支部) say whose work it is, which its every sentence tells: the article says them.
  const byUnit = new Map<string, ReturnType<typeof sayerOf>>();
  return (sentence) => {
    const document = sentence.chunk.document;
    const unit = analysis.colleges.includes(document.college) ? document.unit.toLowerCase() : '';
    let sayer = byUnit.get(unit);
    if (!sayer) {
      const own = unit ? analysis.terms.filter((term) => !(term.role === 'topic' && unit.includes(term.word.toLowerCase()))) : analysis.terms;
      sayer = sayerOf(own.some((term) => term.role === 'topic') ? { ...analysis, terms: own } : analysis);
      byUnit.set(unit, sayer);
    }
    return sayer(sentenceWithLabel(snapshot, sentence).toLowerCase());
  };
}

/** Whether a text says the topic of `analysis`: its share of the topic, with one of the topic's key words. */
function sayerOf(analysis: QuestionAnalysis): (text: string) => boolean {
  const topics = analysis.terms.filter((term) => term.role === 'topic');
  const topicShare = coreCoverageOf(analysis, ['topic']);
  const special = topics.filter((term) => generalIdf(term.word) >= generalIdfCeiling);
  const weightiest = weightiestTopic(analysis);
  const keys = (special.length > 0 ? special : weightiest ? [weightiest] : []).map((term) => coreCoverageOf({ ...analysis, terms: [term] }, ['topic']));
  return (text) => topicShare(text) >= summaryKnobs.ownTopic && keys.some((key) => key(text) >= summaryKnobs.ownKey);
}

/**
 * Whether every topic word of a question names honours as a kind (获得的荣誉和表彰), or, naming no
 * topic, it asks for honours (各校党组织都拿过哪些荣誉: 荣誉 is read as what is asked, not its topic).
 */
export function isHonoursOnly(analysis: QuestionAnalysis): boolean {
  const topics = analysis.terms.filter((term) => term.role === 'topic');
  const asked = topics.length > 0 ? topics : analysis.terms.filter((term) => term.role === 'intent');
  if (asked.length > 0 && asked.every((term) => honourTopicWords.includes(term.word))) return true;
  // 党组织（党委、党总支、支部）拿过哪些集体荣誉: the words besides the honour say whose it is.
  const honoured = analysis.terms.some((term) => (term.role === 'topic' || term.role === 'intent') && honourTopicWords.includes(term.word));
  const holderOnly = (word: string): boolean => honourHolderWords.includes(word) || honourTopicWords.includes(word);
  return honoured && topics.length > 0 && topics.every((term) => [term.word, ...(term.alternatives ?? [])].every(holderOnly));
}

/** A sentence's text, from the run-in label before it when it has one. */
function sentenceWithLabel(snapshot: IndexSnapshot, sentence: EvidenceSentence): string {
  const label = labelBefore(snapshot, sentence);
  return label ? snapshot.documentText(sentence.chunk.document).slice(label.start, sentence.end) : sentence.text;
}
