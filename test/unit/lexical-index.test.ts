import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LexicalIndexBuilder } from '../../core/index/lexical-builder.ts';
import { LexicalIndex, defaultBm25, type Bm25Parameters } from '../../core/index/lexical-index.ts';
import { TopK } from '../../core/index/top-k.ts';
import { analyze, analyzeQuery, type AnalyzedText } from '../../core/text/tokenize.ts';

let directory: string;
beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'lexical-'));
});
afterEach(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

/** Builds both fields for passages grouped into documents; returns the chunk → document map. */
function build(dir: string, documents: string[][], blockPostings?: number): Uint32Array {
  const words = new LexicalIndexBuilder(dir, 'words', blockPostings);
  const bigrams = new LexicalIndexBuilder(dir, 'bigrams', blockPostings);
  const chunkDocuments: number[] = [];
  documents.forEach((passages, document) => {
    for (const passage of passages) {
      const analyzed = analyze(passage);
      words.add(analyzed.words);
      bigrams.add(analyzed.bigrams);
      chunkDocuments.push(document);
    }
  });
  words.finish(dir);
  bigrams.finish(dir);
  return Uint32Array.from(chunkDocuments);
}

/** BM25 of one bag of tokens against a collection of bags, computed the slow, obvious way. */
function bm25(collection: string[][], bag: string[], query: string[], { k1, b }: Bm25Parameters): number {
  const average = collection.reduce((sum, tokens) => sum + tokens.length, 0) / collection.length;
  let score = 0;
  for (const term of query) {
    const df = collection.filter((other) => other.includes(term)).length;
    const tf = bag.filter((token) => token === term).length;
    if (df === 0 || tf === 0) continue;
    const idf = Math.log(1 + (collection.length - df + 0.5) / (df + 0.5));
    score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * bag.length) / average));
  }
  return score;
}

/**
 * The documented scoring: passage BM25 + document BM25 (× documentWeight), words + bigrams (× bigramWeight). A passage with no
 * match of its own scores 0 (document evidence only lifts passages that match).
 */
function reference(documents: string[][], query: AnalyzedText, parameters = defaultBm25, requireOwnMatch = true): number[] {
  const passages = documents.flatMap((list, document) => list.map((text) => ({ document, analyzed: analyze(text) })));
  const fieldScore = (field: keyof AnalyzedText): number[] => {
    const passageBags = passages.map((passage) => passage.analyzed[field]);
    const documentBags = documents.map((_, document) => passages.filter((passage) => passage.document === document).flatMap((passage) => passage.analyzed[field]));
    const documentScores = documentBags.map((bag) => bm25(documentBags, bag, query[field], parameters));
    return passages.map((passage, index) => bm25(passageBags, passageBags[index]!, query[field], parameters) + parameters.documentWeight * documentScores[passage.document]!);
  };
  const words = fieldScore('words');
  const bigrams = fieldScore('bigrams');
  const own = requireOwnMatch ? reference(documents, query, { ...parameters, documentWeight: 0 }, false) : words;
  return words.map((score, index) => (!requireOwnMatch || own[index]! > 0 ? score + parameters.bigramWeight * bigrams[index]! : 0));
}

const documents = [
  ['嘉兴职业技术学院党委高质量推进党史学习教育', '学校党委书记抓党建工作述职评议考核连续3年获得优秀等次'],
  ['自动化学院党总支通过全省党建工作标杆院系验收'],
  ['风能工程学院教工党支部实施四个一工程', '每位党员每月参加志愿者活动，开展风能蒲公英党员志愿服务活动'],
  ['台州科技职业学院党总支与模具企业开展党建联建'],
  ['智能制造教工党支部组建党员技术服务团队，服务企业复工复产'],
];
const documentCount = documents.length;

describe('lexical index', () => {
  it('scores passages exactly as documented (passage + document BM25, words + bigrams) and ranks the match first', () => {
    const chunkDocuments = build(directory, documents);
    const index = LexicalIndex.load(directory, chunkDocuments, documentCount);
    const query = analyzeQuery('党员志愿服务活动有哪些？');
    const results = index.search(query, 10);
    // Passages are numbered across documents: 0-1, 2, 3-4, 5, 6.
    expect(results[0]?.chunk).toBe(4);
    const expected = reference(documents, query);
    for (const { chunk, score } of results) expect(score).toBeCloseTo(expected[chunk]!, 4);
    expect(results.length).toBe(expected.filter((score) => score > 0).length);
  });

  it('lets document evidence lift a passage of the relevant article', () => {
    const chunkDocuments = build(directory, documents);
    const withEvidence = LexicalIndex.load(directory, chunkDocuments, documentCount);
    const without = LexicalIndex.load(directory, chunkDocuments, documentCount, { ...defaultBm25, documentWeight: 0 });
    // 四个一工程 is in passage 3; 志愿者 in passage 4 of the same article: evidence adds up.
    const query = analyzeQuery('四个一工程 志愿者');
    const lifted = withEvidence.search(query, 10).find((hit) => hit.chunk === 4)!;
    const alone = without.search(query, 10).find((hit) => hit.chunk === 4)!;
    expect(lifted.score).toBeGreaterThan(alone.score);
    expect(lifted.passageScore).toBeCloseTo(alone.score, 5);
  });

  it('gives the same index when blocks spill to run files', () => {
    const many = Array.from({ length: 120 }, (_, index) => [`${documents[index % documents.length]![0]} 编号${index}`, `第${index}段 党建引领`]);
    const chunkDocuments = build(directory, many, 50);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'lexical-'));
    try {
      build(other, many);
      for (const file of fs.readdirSync(other)) {
        expect(fs.readFileSync(path.join(directory, file)), file).toEqual(fs.readFileSync(path.join(other, file)));
      }
      expect(fs.readdirSync(directory).some((file) => file.includes('run'))).toBe(false);
      const query = analyzeQuery('党总支 编号17');
      expect(LexicalIndex.load(directory, chunkDocuments, many.length).search(query, 20)).toEqual(LexicalIndex.load(other, chunkDocuments, many.length).search(query, 20));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('filters passages, returns nothing for unknown terms, and reports passage frequencies', () => {
    const chunkDocuments = build(directory, documents);
    const index = LexicalIndex.load(directory, chunkDocuments, documentCount);
    const all = index.search(analyzeQuery('党支部'), 10).map((hit) => hit.chunk);
    expect(all).toEqual(expect.arrayContaining([3, 6]));
    const filtered = index.search(analyzeQuery('党支部'), 10, (chunk) => chunk !== 3).map((hit) => hit.chunk);
    expect(filtered).toContain(6);
    expect(filtered).not.toContain(3);
    expect(index.search(analyzeQuery('量子计算'), 10)).toEqual([]);
    expect(index.documentFrequency('党总支')).toBe(2);
    expect(index.documentFrequency('不存在的词')).toBe(0);
    expect(index.documentFrequency('模具')).toBe(1);
    expect(index.idf('模具')).toBeGreaterThan(index.idf('党总支'));
  });

  it('handles an empty index', () => {
    const chunkDocuments = build(directory, []);
    const index = LexicalIndex.load(directory, chunkDocuments, 0);
    expect(index.chunkCount).toBe(0);
    expect(index.search(analyzeQuery('党建'), 10)).toEqual([]);
  });

  it('detects files that disagree with each other', () => {
    const chunkDocuments = build(directory, documents);
    fs.writeFileSync(path.join(directory, 'lexical-words-tf.u16'), Buffer.alloc(2));
    expect(() => LexicalIndex.load(directory, chunkDocuments, documentCount)).toThrow(/do not agree/);
  });
});

describe('TopK', () => {
  it('keeps the k highest scores, best first', () => {
    const top = new TopK(3);
    [5, 1, 9, 3, 7, 2, 8].forEach((score, chunk) => top.offer(chunk, score));
    expect(top.sorted()).toEqual([
      { chunk: 2, score: 9 },
      { chunk: 6, score: 8 },
      { chunk: 4, score: 7 },
    ]);
  });
});
