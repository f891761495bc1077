import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corpusFile, moveToTrash, placeStagedFile, safeFileName, stagingDirName, stagingPath, tidyCorpusFolder, trashDirName } from '../../core/corpus/corpus-files.ts';
import { AppError } from '../../core/errors.ts';
import { emptyOverrides, mergeOverride, readOverrides, withOverrides, writeOverrides, overridesFileName } from '../../core/corpus/overrides.ts';
import type { IngestProblem, SourceArticle } from '../../core/documents.ts';
import { makeTempDir, removeTempDirs } from '../helpers/corpus.ts';

afterEach(() => removeTempDirs());

const extensions = ['.txt', '.md', '.docx', '.pdf', '.jsonl'];

describe('file names from a browser', () => {
  it.each([
    ['新文章.txt', '新文章.txt'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['..\\..\\windows\\win.ini.txt', 'win.ini.txt'],
    ['/etc/cron.d/evil.md', 'evil.md'],
    ['.hidden.txt', 'hidden.txt'],
    ['~$锁定文件.docx', '锁定文件.docx'],
    ['-rf.txt', 'rf.txt'],
    ['a\u0000b\u202ec\u200bd.txt', 'a b c d.txt'],
    ['  空格   很多  .txt', '空格 很多.txt'],
    ['CON.txt', '_CON.txt'],
    ['报告.TXT', '报告.txt'],
    ['name..pdf', 'name.pdf'],
    ['.txt', '未命名.txt'],
    ['a:b*c?"d<e>f|g.md', 'a b c d e f g.md'],
  ])('%j is saved as %j', (given, saved) => {
    expect(safeFileName(given, extensions)).toEqual({ name: saved });
  });

  it('refuses names without a supported extension, or without a name', () => {
    expect(safeFileName('run.exe', extensions)).toMatchObject({ code: 'FILE_TYPE_UNSUPPORTED' });
    expect(safeFileName('README', extensions)).toMatchObject({ code: 'FILE_TYPE_UNSUPPORTED' });
    expect(safeFileName('x.txt.exe', extensions)).toMatchObject({ code: 'FILE_TYPE_UNSUPPORTED' });
    expect(safeFileName('', extensions)).toMatchObject({ code: 'FILE_NAME_INVALID' });
    expect(safeFileName('../..', extensions)).toMatchObject({ code: 'FILE_NAME_INVALID' });
  });

  it('keeps long names within what file systems allow, without cutting a character in half', () => {
    const result = safeFileName(`${'党'.repeat(200)}.txt`, extensions) as { name: string };
    expect(Buffer.byteLength(result.name)).toBeLessThanOrEqual(184);
    expect(result.name).toMatch(/^党+\.txt$/);
  });
});

describe('the corpus folder', () => {
  it('places staged files under a new name instead of overwriting, and removes the staged copy', () => {
    const corpus = makeTempDir('place');
    fs.writeFileSync(path.join(corpus, '文章.txt'), 'old');
    const names = ['first', 'second'].map((content) => {
      const staged = stagingPath(corpus);
      fs.writeFileSync(staged, content);
      const name = placeStagedFile(staged, corpus, '文章.txt');
      expect(fs.existsSync(staged)).toBe(false);
      return name;
    });
    expect(names).toEqual(['文章 (2).txt', '文章 (3).txt']);
    expect(fs.readFileSync(path.join(corpus, '文章.txt'), 'utf8')).toBe('old');
    expect(fs.readFileSync(path.join(corpus, '文章 (3).txt'), 'utf8')).toBe('second');
  });

  it('finds corpus files only inside the folder: no traversal, no dot-files, no links', () => {
    const root = makeTempDir('files');
    const corpus = path.join(root, 'corpus');
    fs.mkdirSync(path.join(corpus, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
    fs.writeFileSync(path.join(corpus, 'sub', 'a.txt'), 'a');
    fs.writeFileSync(path.join(corpus, '.metadata-overrides.json'), '{}');
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(corpus, 'link.txt'));
    expect(corpusFile(corpus, 'sub/a.txt')).toBe(path.join(corpus, 'sub', 'a.txt'));
    for (const bad of ['../secret.txt', 'sub/../../secret.txt', path.join(root, 'secret.txt'), '.metadata-overrides.json', 'link.txt', 'sub', '', 'missing.txt']) {
      expect(corpusFile(corpus, bad), bad).toBeNull();
    }
  });

  it('moves deleted files to the trash, and tidies staging left-overs and old trash', () => {
    const corpus = makeTempDir('trash');
    fs.writeFileSync(path.join(corpus, 'a.txt'), 'a');
    moveToTrash(corpus, path.join(corpus, 'a.txt'));
    expect(fs.existsSync(path.join(corpus, 'a.txt'))).toBe(false);
    const [trashed] = fs.readdirSync(path.join(corpus, trashDirName));
    expect(trashed).toMatch(/-a\.txt$/);
    fs.writeFileSync(stagingPath(corpus), 'half an upload');
    tidyCorpusFolder(corpus);
    expect(fs.existsSync(path.join(corpus, stagingDirName))).toBe(false);
    expect(fs.readdirSync(path.join(corpus, trashDirName))).toEqual([trashed]);
    tidyCorpusFolder(corpus, Date.now() + 31 * 86_400_000);
    expect(fs.readdirSync(path.join(corpus, trashDirName))).toEqual([]);
  });
});

describe('metadata overrides', () => {
  it('round-trips, merges (null removes a field) and removes the file when nothing is left', () => {
    const corpus = makeTempDir('overrides');
    expect(readOverrides(corpus)).toEqual(emptyOverrides());
    const overrides = emptyOverrides();
    overrides.documents['a'] = mergeOverride(undefined, { college: ' 某某学院 ', unit: '', date: '2024-05-08' })!;
    expect(overrides.documents['a']).toEqual({ college: '某某学院', date: '2024-05-08' });
    writeOverrides(corpus, overrides);
    expect(readOverrides(corpus)).toEqual(overrides);
    expect(fs.readdirSync(corpus)).toEqual([overridesFileName]);
    expect(mergeOverride(overrides.documents['a'], { college: null, date: null })).toBeUndefined();
    writeOverrides(corpus, emptyOverrides());
    expect(fs.readdirSync(corpus)).toEqual([]);
  });

  it('refuses a damaged file instead of ignoring it (that would bring deleted articles back)', () => {
    const corpus = makeTempDir('damaged');
    for (const text of ['{not json', '{"version": 2}', '{"version": 1, "excluded": "a"}']) {
      fs.writeFileSync(path.join(corpus, overridesFileName), text);
      expect(() => readOverrides(corpus)).toThrow(AppError);
      try {
        readOverrides(corpus);
      } catch (error) {
        expect((error as AppError).code).toBe('INPUT_UNREADABLE');
        expect((error as AppError).message).toContain(overridesFileName);
      }
    }
  });

  it('applies document over file over stated metadata, leaves excluded articles out and passes problems on', async () => {
    const overrides = { ...emptyOverrides(), files: { 'x.jsonl': { college: '文件院校', unit: '文件单位' } }, documents: { b: { college: '文章院校' } }, excluded: ['c'] };
    const article = (docId: string): SourceArticle => ({ docId, sourcePath: 'x.jsonl', format: 'jsonl', text: '正文', given: { college: '原院校', title: `标题${docId}` } });
    const problem: IngestProblem = { sourcePath: 'x.jsonl', line: 4, reason: 'MALFORMED_JSON', message: 'x.jsonl line 4: bad' };
    async function* items(): AsyncGenerator<SourceArticle | IngestProblem> {
      yield article('a');
      yield article('b');
      yield problem;
      yield article('c');
    }
    const out = [];
    for await (const item of withOverrides(items(), overrides)) out.push(item);
    expect(out).toEqual([
      { ...article('a'), given: { college: '文件院校', unit: '文件单位', title: '标题a' } },
      { ...article('b'), given: { college: '文章院校', unit: '文件单位', title: '标题b' } },
      problem,
    ]);
  });
});
