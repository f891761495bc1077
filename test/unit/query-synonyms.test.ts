/**
 * A retrieval query gains the corpus's synonyms of the question words the corpus never uses.
 */
import { describe, expect, it } from 'vitest';
import { withCorpusSynonyms } from '../../core/answer/query-synonyms.ts';
import type { TermStatistics } from '../../core/answer/term-statistics.ts';

/** Term statistics of a corpus that uses exactly `words`. */
const corpusOf = (...words: string[]): TermStatistics => ({ chunkCount: 10, documentFrequency: (word) => (words.includes(word) ? 1 : 0), idf: () => 1 });

describe('a retrieval query with the corpus synonyms', () => {
  it('adds the synonyms the corpus uses of a word it never uses', () => {
    expect(withCorpusSynonyms('嘉职院是怎么抓党风廉政建设的', corpusOf('清廉', '廉洁', '建设'))).toBe('嘉职院是怎么抓党风廉政建设的 廉洁 清廉');
  });

  it('leaves a question whose words the corpus uses, whose synonyms it lacks too, or whose word is of two characters, as it is', () => {
    expect(withCorpusSynonyms('浙江机电自动化学院有哪些学生获奖', corpusOf('获得', '荣获'))).toBe('浙江机电自动化学院有哪些学生获奖');
    expect(withCorpusSynonyms('嘉职院是怎么抓党风廉政建设的', corpusOf('党风廉政', '清廉'))).toBe('嘉职院是怎么抓党风廉政建设的');
    expect(withCorpusSynonyms('嘉职院是怎么抓党风廉政建设的', corpusOf('建设'))).toBe('嘉职院是怎么抓党风廉政建设的');
  });

  it('adds the synonyms of the stem of a word that ends in a generic tail (廉政建设: 廉政)', () => {
    expect(withCorpusSynonyms('嘉职院在廉政建设方面主要做了哪些事', corpusOf('清廉', '廉洁', '建设'))).toBe('嘉职院在廉政建设方面主要做了哪些事 廉洁 清廉');
  });

  it('reads a phrase of the field that jieba cuts in two (对外|帮扶) whole', () => {
    expect(withCorpusSynonyms('各校对外帮扶的做法对比', corpusOf('援疆', '对口扶持'), true)).toBe('各校对外帮扶的做法对比 援疆 对口扶持');
  });
});
