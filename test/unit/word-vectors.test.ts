/**
 * Word vectors: both word2vec formats read into the same vectors, broken files say where, and
 * `related` returns the nearest accepted words above the floor, nearest first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWordVectors, parseBinaryWordVectors, parseTextWordVectors, WordVectors, WordVectorsError } from '../../core/text/word-vectors.ts';

const entries: [string, number[]][] = [
  ['晋升', [1, 0, 0]],
  ['提拔', [0.9, 0.1, 0]],
  ['升职', [0.8, 0.3, 0]],
  ['考核', [0, 1, 0]],
  ['食堂', [0, 0, 1]],
];

function binaryFile(rows: [string, number[]][], dimension = 3): Buffer {
  const parts: Buffer[] = [Buffer.from(`${rows.length} ${dimension}\n`)];
  for (const [word, values] of rows) {
    const vector = Buffer.alloc(values.length * 4);
    values.forEach((value, index) => vector.writeFloatLE(value, index * 4));
    parts.push(Buffer.from(`${word} `), vector, Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

const textFile = `${entries.length} 3\n${entries.map(([word, values]) => `${word} ${values.join(' ')}`).join('\n')}\n`;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'word-vectors-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('word2vec files', () => {
  it('reads the binary and the text format to the same words and similarities', () => {
    const binary = parseBinaryWordVectors('a.bin', binaryFile(entries));
    const text = parseTextWordVectors('a.txt', textFile);
    expect(binary.words).toEqual(entries.map(([word]) => word));
    expect(text.words).toEqual(binary.words);
    expect(binary.similarity('晋升', '提拔')).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
    expect(text.similarity('晋升', '提拔')).toBeCloseTo(binary.similarity('晋升', '提拔'), 5);
    expect(binary.similarity('晋升', '食堂')).toBe(0);
    expect(binary.similarity('晋升', '没有')).toBe(0);
  });

  it('loads by extension: .txt as text, anything else as binary', async () => {
    fs.writeFileSync(path.join(temp, 'v.txt'), textFile);
    fs.writeFileSync(path.join(temp, 'v.vector'), binaryFile(entries));
    expect((await loadWordVectors(path.join(temp, 'v.txt'))).has('考核')).toBe(true);
    expect((await loadWordVectors(path.join(temp, 'v.vector'))).has('考核')).toBe(true);
  });

  it('names the file and what is wrong with it', async () => {
    expect(() => parseTextWordVectors('bad.txt', 'words and numbers\n')).toThrow(/bad\.txt: line 1 must be "<word count> <dimension>"/u);
    expect(() => parseTextWordVectors('bad.txt', '2 3\n晋升 1 0 0\n提拔 1 x 0\n')).toThrow(/bad\.txt: line 3: value 2 "x" is not a number/u);
    expect(() => parseTextWordVectors('bad.txt', '2 3\n晋升 1 0\n')).toThrow(/line 2: expected a word and 3 numbers, found 3 fields/u);
    expect(() => parseTextWordVectors('short.txt', '3 3\n晋升 1 0 0\n')).toThrow(/promises 3 words, the file holds 1/u);
    const whole = binaryFile(entries);
    expect(() => parseBinaryWordVectors('cut.bin', whole.subarray(0, whole.length - 8))).toThrow(/cut\.bin: word 5 of 5: the file ends inside its vector/u);
    await expect(loadWordVectors(path.join(temp, 'missing.bin'))).rejects.toThrow(WordVectorsError);
    await expect(loadWordVectors(path.join(temp, 'missing.bin'))).rejects.toThrow(/missing\.bin: cannot be read \(ENOENT\)/u);
  });
});

describe('related words', () => {
  const vectors = new WordVectors(
    entries.map(([word]) => word),
    3,
    Float32Array.from(entries.flatMap(([, values]) => values)),
  );

  it('returns the accepted words above the floor, nearest first', () => {
    const related = vectors.related('提拔', 0.5, () => true);
    expect(related.map((word) => word.word)).toEqual(['晋升', '升职']);
    expect(related[0]!.similarity).toBeGreaterThan(related[1]!.similarity);
    expect(vectors.related('提拔', 0.5, (word) => word !== '晋升').map((word) => word.word)).toEqual(['升职']);
    expect(vectors.related('提拔', 0.999, () => true)).toEqual([]);
  });

  it('knows nothing of a word without a vector', () => {
    expect(vectors.related('党建', 0, () => true)).toEqual([]);
  });
});
