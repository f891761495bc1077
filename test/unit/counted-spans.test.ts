/**
 * The numbers that answer a count question: those that count what it asks for (real jieba, corpus
 * statistics from a real index of the default corpus).
 */
import { describe, expect, it } from 'vitest';
import { askedSpans } from '../../core/answer/evidence.ts';
import { analyzeQuestion } from '../../core/answer/question.ts';
import { useDefaultSnapshot } from '../helpers/corpus.ts';

const corpus = useDefaultSnapshot('counted-spans');

const answering = (question: string, sentence: string): string[] =>
  askedSpans(analyzeQuestion(question, { colleges: corpus.colleges, terms: corpus.snapshot.lexical }), sentence).map((span) => sentence.slice(span.start, span.end));

describe('the numbers that answer a count', () => {
  it('are not those of something else the sentence counts beside the noun asked', () => {
    const posts = '支部设置16个党员先锋岗，岗位配置智能制造关键技术链所需的教科研实训室。';
    expect(answering('智能制造教工党支部设置了多少个教科研实训室？', posts)).toEqual([]);
    expect(answering('智能制造教工党支部设置了多少个党员先锋岗？', posts)).toEqual(['16个']);
  });

  it('are those with the noun right before them, or with the unit the question counts by', () => {
    expect(answering('嘉职院发了几张红牌？', '累计发出“黄牌”5张、“红牌”7张。')).toContain('7张');
    expect(answering('人大国学馆占地面积多少平方米？', '人大国学馆占地面积11500平方米，总建筑面积28516平方米。')).toEqual(['11500平方米', '28516平方米']);
  });
});
