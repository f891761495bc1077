/**
 * The performance paths of ingest and loading must give exactly what the plain paths give:
 * worker-thread analysis, numeric bigram keys, the keyed term sort, the asynchronous snapshot load,
 * and a re-ingest run by the reindexer in a child process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentGenerationDir } from '../../core/index/generations.ts';
import { EmbeddedSnapshot } from '../../core/index/index-reader.ts';
import { LexicalIndexBuilder } from '../../core/index/lexical-builder.ts';
import { sortedTermOrder } from '../../core/index/term-order.ts';
import { SearchService } from '../../core/retrieval/search-service.ts';
import { analyze, analyzeForIndex, bigramKey, bigramKeys, bigrams } from '../../core/text/tokenize.ts';
import { analyzeArticle } from '../../ingest/analyze-article.ts';
import { PreparePool } from '../../ingest/prepare-pool.ts';
import { Reindexer } from '../../server/reindexer.ts';
import { copyDefaultCorpus, defaultCorpusDir, defaultFiles, ingest, makeTempDir, readArticle, removeTempDirs } from '../helpers/corpus.ts';

afterAll(removeTempDirs);

/** Every file of the live generation, except the manifest (it holds times and paths). */
function indexContents(indexDir: string): Record<string, Buffer> {
  const dir = currentGenerationDir(indexDir)!;
  const files: Record<string, Buffer> = {};
  for (const name of fs.readdirSync(dir).sort()) if (name !== 'manifest.json') files[name] = fs.readFileSync(path.join(dir, name));
  return files;
}

/** Both folders hold the same files, byte for byte. */
function expectSameFiles(actualDir: string, expectedDir: string): void {
  const names = fs.readdirSync(expectedDir).sort();
  expect(fs.readdirSync(actualDir).sort()).toEqual(names);
  for (const name of names) expect(fs.readFileSync(path.join(actualDir, name)).equals(fs.readFileSync(path.join(expectedDir, name))), name).toBe(true);
}

async function defaultTexts(): Promise<string[]> {
  return Promise.all(Object.values(defaultFiles).map(async (file) => (await readArticle(defaultCorpusDir, file)).text));
}

describe('index fast paths', () => {
  it('sorts terms by code units like `<`, however they share prefixes', () => {
    const terms = ['党建', '党', '党建工作', '党员', 'a', '', 'A', 'ab', 'a\u0000', '\u0000', '\uffff\uffff', '\uffff', '𠀀', 'x'.repeat(40), '党总支', '总支'];
    const expected = [...terms].sort();
    expect(Array.from(sortedTermOrder(terms), (id) => terms[id])).toEqual(expected);
  });

  it('bigram keys are the bigrams, in order, as numbers', async () => {
    for (const text of [...(await defaultTexts()), '党建𠀀引领，the 2024 年「红船」精神 的的 了了']) {
      expect(Array.from(bigramKeys(text))).toEqual(bigrams(text).map(bigramKey));
    }
  });

  it('a field built from bigram keys is the field built from bigram strings', async () => {
    const texts = await defaultTexts();
    const fromStrings = makeTempDir('bigrams-strings');
    const fromKeys = makeTempDir('bigrams-keys');
    const strings = new LexicalIndexBuilder(fromStrings, 'bigrams', 5000);
    const keys = new LexicalIndexBuilder(fromKeys, 'bigrams', 5000);
    for (const text of texts) {
      for (let start = 0; start < text.length; start += 300) {
        const passage = text.slice(start, start + 400);
        strings.add(analyze(passage).bigrams);
        keys.addKeys(bigramKeys(passage));
      }
    }
    expect(keys.finish(fromKeys)).toEqual(strings.finish(fromStrings));
    for (const name of fs.readdirSync(fromStrings)) expect(fs.readFileSync(path.join(fromKeys, name)).equals(fs.readFileSync(path.join(fromStrings, name))), name).toBe(true);
  });

  it('a words field built from packed keys is the field built from word strings', async () => {
    const texts = [...(await defaultTexts()), '党建𠀀引领，the 2024 年「红船」精神 Party-building ABC 1 a 的 x 𠀀𠀁 党𠀀 abc abcd abcde'.repeat(3)];
    const fromStrings = makeTempDir('words-strings');
    const fromKeys = makeTempDir('words-keys');
    const strings = new LexicalIndexBuilder(fromStrings, 'words', 5000);
    const keys = new LexicalIndexBuilder(fromKeys, 'words', 5000);
    let others = 0;
    let longs = 0;
    for (const text of texts) {
      for (let start = 0; start < text.length; start += 300) {
        const passage = text.slice(start, start + 400);
        strings.add(analyze(passage).words);
        const packed = analyzeForIndex(passage);
        expect(Array.from(packed.bigrams)).toEqual(bigrams(passage).map(bigramKey));
        keys.addKeys(packed.wordKeys, packed.otherWords, packed.longKeys);
        others += packed.otherWords.length;
        longs += packed.longKeys.length / 2;
      }
    }
    // Every kind of word occurs: one or two code units, three or four (党支部, 党建工作), and longer.
    expect(longs).toBeGreaterThan(100);
    expect(others).toBeGreaterThan(5);
    expect(keys.finish(fromKeys)).toEqual(strings.finish(fromStrings));
    for (const name of fs.readdirSync(fromStrings)) expect(fs.readFileSync(path.join(fromKeys, name)).equals(fs.readFileSync(path.join(fromStrings, name))), name).toBe(true);
  });

  it('analysing the context line once per article gives each passage the analysis of its whole index text', async () => {
    let withContext = 0;
    for (const file of Object.values(defaultFiles)) {
      const result = analyzeArticle(await readArticle(defaultCorpusDir, file), { size: 300, overlap: 60 });
      if (result.kind !== 'ready') throw new Error(`${file}: ${result.kind}`);
      result.document.chunks.forEach((chunk, index) => {
        if (chunk.bodyStart > 0) withContext++;
        const whole = analyzeForIndex(chunk.indexText);
        const got = result.analyzed[index]!;
        expect({ wordKeys: Array.from(got.wordKeys), longKeys: Array.from(got.longKeys), otherWords: got.otherWords, bigrams: Array.from(got.bigrams) }, `${file} passage ${index}`).toEqual({
          wordKeys: Array.from(whole.wordKeys),
          longKeys: Array.from(whole.longKeys),
          otherWords: whole.otherWords,
          bigrams: Array.from(whole.bigrams),
        });
      });
    }
    expect(withContext).toBeGreaterThan(10);
  });

  it('merging runs a few postings at a time writes the files one window writes', async () => {
    const texts = await defaultTexts();
    const outputs = [makeTempDir('merge-small-window'), makeTempDir('merge-large-window')];
    // 3 postings a window: most windows hold one term, some terms are larger than the window.
    const builders = [new LexicalIndexBuilder(outputs[0]!, 'bigrams', 4000, 3), new LexicalIndexBuilder(outputs[1]!, 'bigrams', 4000)];
    for (const text of texts) {
      for (let start = 0; start < text.length; start += 200) for (const builder of builders) builder.addKeys(bigramKeys(text.slice(start, start + 300)));
    }
    const [small, large] = builders.map((builder, index) => builder.finish(outputs[index]!));
    expect(small).toEqual(large);
    expect(small!.postings).toBeGreaterThan(8000);
    expectSameFiles(outputs[0]!, outputs[1]!);
  });

  it('a field handed over and finished on a worker thread gives the files the builder itself writes', async () => {
    const texts = await defaultTexts();
    const direct = makeTempDir('finish-direct');
    const elsewhere = makeTempDir('finish-worker');
    // Small blocks: several run files to merge, and a last block still in memory at the hand-over.
    const builders = [new LexicalIndexBuilder(direct, 'words', 3000), new LexicalIndexBuilder(elsewhere, 'words', 3000)];
    for (const text of texts) {
      for (let start = 0; start < text.length; start += 200) {
        const analysis = analyzeForIndex(text.slice(start, start + 300));
        for (const builder of builders) builder.addKeys(analysis.wordKeys, analysis.otherWords, analysis.longKeys);
      }
    }
    const expected = builders[0]!.finish(direct);
    const pool = PreparePool.start(1, { size: 300, overlap: 60 }, false);
    try {
      await new Promise<void>((resolve) => {
        pool.onReady = resolve;
      });
      const state = builders[1]!.handOver();
      expect(state.runs.length).toBeGreaterThan(2);
      expect(() => builders[1]!.finish(elsewhere)).toThrow(/handed over/);
      expect(await pool.finishLexical(state, elsewhere)).toEqual(expected);
    } finally {
      await pool.close();
    }
    expectSameFiles(elsewhere, direct);
  }, 60_000);

  it('ingesting with worker threads writes the same index as ingesting inline', async () => {
    const corpusDir = copyDefaultCorpus();
    const inline = makeTempDir('index-inline');
    const workers = makeTempDir('index-workers');
    const first = await ingest(corpusDir, inline, { prepareWorkers: 0 });
    const second = await ingest(corpusDir, workers, { prepareWorkers: 2 });
    expect({ ...second, generationDir: '', milliseconds: 0 }).toEqual({ ...first, generationDir: '', milliseconds: 0 });
    expect(indexContents(workers)).toEqual(indexContents(inline));
  }, 60_000);

  it('the asynchronous load gives the snapshot the synchronous load gives', async () => {
    const indexDir = makeTempDir('index-async');
    await ingest(defaultCorpusDir, indexDir);
    const sync = EmbeddedSnapshot.load(indexDir, { vectorModel: null });
    const async = await EmbeddedSnapshot.loadAsync(indexDir, { vectorModel: null });
    try {
      expect(async.documents).toEqual(sync.documents);
      expect(async.chunkCount).toBe(sync.chunkCount);
      const query = analyze('嘉兴职业技术学院 红船 党建');
      expect(async.lexical.search(query, 10)).toEqual(sync.lexical.search(query, 10));
      expect(async.chunk(3)).toEqual(sync.chunk(3));
    } finally {
      sync.close();
      async.close();
    }
  });

  it('the reindexer re-ingests in a child process and the server swaps the new generation in', async () => {
    const corpusDir = copyDefaultCorpus();
    const indexDir = makeTempDir('index-reindex');
    await ingest(corpusDir, indexDir);
    const search = new SearchService({ indexDir, embedder: null, retriever: { efSearch: 64 }, closeDelayMs: 0 });
    search.load();
    const before = search.status();
    fs.writeFileSync(path.join(corpusDir, 'extra.md'), '# 新增文章\n\n某某学院党委开展“红色引擎”主题党日活动，推动党建与业务深度融合。');
    const lines: string[] = [];
    let swapped = false;
    const reindexer = new Reindexer({
      corpusDir,
      indexDir,
      lexicalOnly: true,
      logger: { info: (_details, message) => lines.push(message), warn: (_details, message) => lines.push(`warn: ${message}`) },
      onPublished: async () => {
        swapped = await search.reloadIfChangedAsync();
      },
    });
    try {
      const outcome = await reindexer.run('test');
      expect(outcome.code, lines.join('\n')).toBe(0);
      expect(swapped).toBe(true);
      expect(search.status().documents).toBe(before.documents + 1);
      expect(lines).toContain('re-ingest published a new generation');
    } finally {
      await reindexer.close();
      search.close();
    }
  }, 120_000);
});
