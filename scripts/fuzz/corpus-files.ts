/**
 * Hostile corpus files: zip bombs (a huge ratio, headers that understate the size, thousands of
 * entries), links out of the corpus folder, UTF-16 without a BOM, non-characters, deep HTML and
 * Markdown nesting, hostile JSONL lines, binary noise and empty files, beside one good article.
 * Each corpus is ingested by `npm run ingest`'s code in a child process (as the server runs it),
 * so a crash is reported rather than fatal. The ingest must finish, keep the good article, account
 * for every file (an article or a problem naming it), refuse bombs and links out, never index the
 * secret a link points at, and leave no non-character in any text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { SearchService } from '../../core/retrieval/search-service.ts';
import { describeFailure, startIngestProcess } from '../../server/reindexer.ts';
import { readManifest } from '../../core/index/manifest.ts';
import { currentGenerationDir } from '../../core/index/generations.ts';
import { buildDocx, documentXml, zip } from '../../test/helpers/zip.ts';
import { fuzzProperty, seededText, type FuzzFailure } from './shared.ts';

/** What a hostile file must come to: refused with this reason, an article, or either. */
type Outcome = { problem: string } | 'article' | 'either';

interface HostileFile {
  kind: string;
  extension: string;
  /** The file's bytes, or a link to the secret outside the corpus. */
  content: Buffer | { linkTo: 'file' | 'folder' };
  outcome: Outcome;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');
const sampleLines = fs
  .readFileSync(path.join(repoRoot, 'corpus/2023-10-20-hunan-electrical-wind-energy-teachers-branch.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.length > 30);
const chinese = fc.tuple(fc.nat({ max: sampleLines.length - 1 }), fc.integer({ min: 1, max: 6 })).map(([from, count]) => sampleLines.slice(from, from + count).join('\n'));
const nonCharacters = ['\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}'];
const anyNonCharacter = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/** Every kind of hostile file. */
const hostileKinds: fc.Arbitrary<HostileFile>[] = [
  fc.integer({ min: 2, max: 30 }).map((megabytes): HostileFile => ({
    kind: 'bomb-ratio',
    extension: 'docx',
    content: buildDocx(['党建引领'], { data: documentXml(['党建引领'], ' '.repeat(megabytes * 1024 * 1024)), deflate: true }),
    outcome: { problem: 'MALFORMED_DOCX' },
  })),
  fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 4_000 })).map(([megabytes, declared]): HostileFile => ({
    kind: 'bomb-lying-size',
    extension: 'docx',
    content: buildDocx(['党建引领'], { data: documentXml(['党建引领'], '<w:p/>'.repeat((megabytes * 1024 * 1024) / 6)), deflate: true, declaredSize: declared }),
    outcome: { problem: 'MALFORMED_DOCX' },
  })),
  fc.integer({ min: 5_001, max: 6_000 }).map((entries): HostileFile => ({
    kind: 'bomb-entries',
    extension: 'docx',
    content: buildDocx(['党建引领'], {}, Object.fromEntries(Array.from({ length: entries }, (_, index) => [`word/media/x${index}.xml`, '<a/>']))),
    outcome: { problem: 'MALFORMED_DOCX' },
  })),
  fc.tuple(chinese, fc.constantFrom(...nonCharacters)).map(([text, odd]): HostileFile => ({ kind: 'docx', extension: 'docx', content: buildDocx(text.split('\n').map((line) => `${line}${odd}`), { deflate: true }), outcome: 'article' })),
  fc.constantFrom<'file' | 'folder'>('file', 'folder').map((linkTo): HostileFile => ({ kind: `link-out-${linkTo}`, extension: linkTo === 'file' ? 'txt' : '', content: { linkTo }, outcome: { problem: 'OUTSIDE_CORPUS' } })),
  fc.tuple(chinese, fc.constantFrom('utf-16le', 'utf-16be')).map(([text, encoding]): HostileFile => ({ kind: `${encoding}-no-bom`, extension: 'txt', content: iconv.encode(text, encoding), outcome: 'article' })),
  fc.tuple(chinese, fc.array(fc.constantFrom(...nonCharacters), { minLength: 1, maxLength: 20 }), fc.nat()).map(([text, odd, seed]): HostileFile => {
    const characters = [...text];
    odd.forEach((character, index) => characters.splice((seed + index * 7919) % characters.length, 0, character));
    return { kind: 'non-characters', extension: 'txt', content: Buffer.from(characters.join('')), outcome: 'article' };
  }),
  fc.tuple(chinese, fc.constantFrom(500, 3_000, 20_000)).map(([text, depth]): HostileFile => ({
    kind: `html-depth-${depth}`,
    extension: 'html',
    content: Buffer.from(`<html><body>${'<div>'.repeat(depth)}<p>${text}</p>${'</div>'.repeat(depth)}</body></html>`),
    outcome: 'either',
  })),
  fc.tuple(chinese, fc.constantFrom(50, 2_000, 10_000)).map(([text, depth]): HostileFile => ({ kind: `markdown-depth-${depth}`, extension: 'md', content: Buffer.from(`${'>'.repeat(depth)} ${text}\n\n${'*'.repeat(depth)}党建${'*'.repeat(depth)}\n`), outcome: 'either' })),
  fc.tuple(chinese, fc.nat()).map(([text, seed]): HostileFile => ({
    kind: 'jsonl-hostile',
    extension: 'jsonl',
    content: Buffer.from(
      [
        JSON.stringify({ id: `good-${seed}`, title: `标题\uFFFF${seed}`, text }),
        '['.repeat(50_000),
        JSON.stringify({ id: `deep-${seed}`, text: JSON.parse('['.repeat(2_000) + ']'.repeat(2_000)) }),
        '{"id":"lone","title":"\\ud800","text":"\\udfff党建引领\\ud800"}',
        JSON.stringify({ id: `huge-${seed}`, text: seededText(200_000, seed, '党建引领。') }),
        'not json at all',
      ].join('\n'),
    ),
    outcome: 'either',
  })),
  fc.tuple(fc.integer({ min: 1, max: 50_000 }), fc.nat()).map(([size, seed]): HostileFile => ({ kind: 'binary', extension: fc.sample(fc.constantFrom('txt', 'md', 'html', 'pdf', 'docx'), { numRuns: 1, seed })[0]!, content: Buffer.from(seededText(size, seed, '\u0000\u0001\u00ff\u007fab党'), 'latin1'), outcome: 'either' })),
  fc.constantFrom<HostileFile>({ kind: 'empty', extension: 'txt', content: Buffer.alloc(0), outcome: { problem: 'EMPTY' } }, { kind: 'whitespace', extension: 'md', content: Buffer.from(' \n\t\u3000\n'), outcome: { problem: 'EMPTY' } }),
];

/** Corpora every run covers first: each kind of hostile file once, four to a corpus. */
function everyKindOnce(seed: number): HostileFile[][] {
  const [files] = fc.sample(fc.tuple(...hostileKinds), { numRuns: 1, seed });
  const corpora: HostileFile[][] = [];
  for (let index = 0; index < files!.length; index += 4) corpora.push(files!.slice(index, index + 4));
  return corpora;
}

/** What is wrong with the ingest of one hostile corpus, or null. */
async function ingestAndCheck(files: readonly HostileFile[], root: string): Promise<string | null> {
  const corpusDir = path.join(root, 'corpus');
  const indexDir = path.join(root, 'index');
  const secretDir = path.join(root, 'secret');
  const secret = 'SECRET-7f3e-root:x:0:0';
  fs.mkdirSync(corpusDir, { recursive: true });
  fs.mkdirSync(secretDir, { recursive: true });
  fs.writeFileSync(path.join(secretDir, 'passwd.txt'), `${secret}\n党建引领高质量发展。`);
  fs.copyFileSync(path.join(repoRoot, 'corpus/2022-02-24-jiaxing-vocational-party-committee.txt'), path.join(corpusDir, 'good.txt'));
  const names = files.map((file, index) => `f${index}-${file.kind}${file.extension ? `.${file.extension}` : ''}`);
  files.forEach((file, index) => {
    const target = path.join(corpusDir, names[index]!);
    if (Buffer.isBuffer(file.content)) fs.writeFileSync(target, file.content);
    else fs.symlinkSync(file.content.linkTo === 'file' ? path.join(secretDir, 'passwd.txt') : secretDir, target);
  });

  const { finished } = startIngestProcess({ corpusDir, indexDir, lexicalOnly: true, priority: 0, onLine: () => undefined });
  const ended = await finished;
  if (ended.code !== 0) return `the ingest failed${describeFailure(ended)}`;
  const generation = currentGenerationDir(indexDir);
  if (!generation) return 'no generation was published';
  const problems = readManifest(generation).problems;
  const search = new SearchService({ indexDir, embedder: null, retriever: { efSearch: 64 }, closeDelayMs: 0 });
  search.load();
  try {
    const { snapshot } = search.retriever();
    const articles = new Set(snapshot.documents.flatMap((document) => [document.sourcePath, ...document.duplicates.map((duplicate) => duplicate.sourcePath)]));
    if (!articles.has('good.txt')) return `the good article is missing (problems: ${JSON.stringify(problems.filter((item) => item.sourcePath === 'good.txt'))})`;
    for (const [index, file] of files.entries()) {
      const name = names[index]!;
      const problem = problems.find((item) => item.sourcePath === name || item.sourcePath.startsWith(`${name}/`));
      if (!problem && !articles.has(name)) return `${name} is neither an article nor a problem`;
      if (problem && !problem.message.includes(name)) return `the problem of ${name} does not name it: ${problem.message}`;
      if (file.outcome === 'article' && !articles.has(name)) return `${name} was not read: ${problem?.reason} ${problem?.message}`;
      if (typeof file.outcome === 'object' && problem?.reason !== file.outcome.problem) return `${name}: expected ${file.outcome.problem}, got ${problem ? `${problem.reason} ${problem.message}` : 'an article'}`;
    }
    for (const document of snapshot.documents) {
      const text = snapshot.documentText(document);
      if (text.includes(secret) || document.title.includes(secret)) return `${document.sourcePath} holds the secret a link points at`;
      if (anyNonCharacter.test(text) || anyNonCharacter.test(document.title)) return `${document.sourcePath} holds a non-character`;
    }
    return null;
  } finally {
    search.close();
  }
}

/** Ingests `runs` corpora of one good article and one to four hostile files each (each kind at least once when `runs` allows). */
export async function fuzzCorpusFiles(options: { runs: number; seed: number }): Promise<{ runs: number; failures: FuzzFailure[]; kinds: Record<string, number> }> {
  const kinds: Record<string, number> = {};
  const check = async (files: HostileFile[]): Promise<string | null> => {
    for (const file of files) kinds[file.kind] = (kinds[file.kind] ?? 0) + 1;
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pbqa-fuzz-corpus-'));
    try {
      return await ingestAndCheck(files, root);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
  const describe = (files: HostileFile[]) => ({
    kind: files.map((file) => file.kind).join('+'),
    input: files.map((file) => `${file.kind}.${file.extension} (${Buffer.isBuffer(file.content) ? `${file.content.length} bytes` : `link to the secret ${file.content.linkTo}`})`).join(', '),
  });
  const corpora = fc.array(fc.oneof(...hostileKinds), { minLength: 1, maxLength: 4 });
  const { runs, failures } = await fuzzProperty('corpus', corpora, options.runs, options.seed, check, describe, everyKindOnce(options.seed));
  return { runs, failures, kinds };
}
