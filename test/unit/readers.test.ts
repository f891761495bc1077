import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestProblem, SourceArticle } from '../../core/documents.ts';
import { AppError } from '../../core/errors.ts';
import { discoverCorpusFiles, isIngestProblem, readCorpusFile, type ReaderOptions } from '../../ingest/readers/index.ts';
import { buildDocx, zip } from '../helpers/zip.ts';

// Fixtures are generated into a temporary folder: encodings, a .docx (hand-built zip) and a PDF
// with a Chinese text layer (hand-built, Identity-H font with a ToUnicode map) need no binaries
// in the repository and no extra dependencies.

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readers-test-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(relativePath: string, content: string | Uint8Array): Promise<string> {
  const absolute = path.join(dir, relativePath);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, content);
  return relativePath;
}

async function readAll(relativePath: string, options?: ReaderOptions, corpusDir = dir): Promise<(SourceArticle | IngestProblem)[]> {
  const items: (SourceArticle | IngestProblem)[] = [];
  for await (const item of readCorpusFile(corpusDir, relativePath, options)) items.push(item);
  return items;
}

async function readArticle(relativePath: string, options?: ReaderOptions): Promise<SourceArticle> {
  const items = await readAll(relativePath, options);
  expect(items).toHaveLength(1);
  const item = items[0]!;
  if (isIngestProblem(item)) throw new Error(`expected an article, got problem: ${item.message}`);
  return item;
}

async function readProblem(relativePath: string, reason: string, options?: ReaderOptions): Promise<IngestProblem> {
  const items = await readAll(relativePath, options);
  expect(items).toHaveLength(1);
  const item = items[0]!;
  if (!isIngestProblem(item)) throw new Error(`expected a ${reason} problem, got an article: ${item.text.slice(0, 80)}`);
  expect(item.reason).toBe(reason);
  expect(item.sourcePath).toBe(relativePath);
  expect(item.message).toContain(relativePath);
  return item;
}

/** Deterministic pseudo-random bytes, so a failure reproduces. */
function pseudoRandomBytes(length: number, seed: number, map: (byte: number) => number = (b) => b): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = map(state >>> 24);
  }
  return bytes;
}

// --- .pdf: one Type0 font, Identity-H codes = Unicode code points, ToUnicode map -----------------

function buildPdf(pages: string[][]): Buffer {
  const hex4 = (char: string) => char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const chars = [...new Set(pages.flat().join(''))];
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((char) => `<${hex4(char)}> <${hex4(char)}>`),
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /CIDToGIDMap /Identity >>';
  objects[5] = `<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`;
  objects[6] = '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>';
  const pageIds: number[] = [];
  let next = 7;
  for (const lines of pages) {
    const pageId = next++;
    const contentId = next++;
    pageIds.push(pageId);
    const ops = lines.map((line, i) => `BT /F1 12 Tf 50 ${780 - i * 18} Td <${[...line].map(hex4).join('')}> Tj ET`).join('\n');
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}\nendstream`;
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  out += offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const chinese = '嘉兴职业技术学院始终牢记习近平总书记“赓续红色血脉 传承红色基因”的殷殷嘱托，以高质量党建引领学校高质量发展。\n自动化学院党总支通过了首批全省高校党建“双创”标杆院系验收。';

describe('text decoding', () => {
  it('reads UTF-8 without a BOM as written, with path-derived docId', async () => {
    const article = await readArticle(await write('2022/jiaxing-party-committee.txt', chinese));
    expect(article.text).toBe(chinese);
    expect(article.docId).toBe('2022/jiaxing-party-committee');
    expect(article.sourcePath).toBe('2022/jiaxing-party-committee.txt');
    expect(article.format).toBe('txt');
    expect(article.line).toBeUndefined();
    expect(article.given).toEqual({});
  });

  it('drops a UTF-8 BOM', async () => {
    const file = await write('utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)]));
    expect((await readArticle(file)).text).toBe(chinese);
  });

  it('decodes GBK', async () => {
    const bytes = iconv.encode(chinese, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // the fixture really is not UTF-8
    expect((await readArticle(await write('gbk.txt', bytes))).text).toBe(chinese);
  });

  it('decodes GB18030 including characters outside GBK', async () => {
    const text = `${chinese}\n𠀀字与·间隔号、欧元€、㐀扩展A`;
    const bytes = iconv.encode(text, 'gb18030');
    expect(iconv.decode(iconv.encode(text, 'gbk'), 'gbk')).not.toBe(text); // GBK alone could not hold it
    expect((await readArticle(await write('gb18030.txt', bytes))).text).toBe(text);
  });

  it('decodes a short GBK text as GBK, not Big5', async () => {
    expect((await readArticle(await write('short-gbk.txt', iconv.encode('党建工作', 'gbk')))).text).toBe('党建工作');
  });

  it('decodes Big5 (traditional Chinese)', async () => {
    const text = '國立臺灣師範大學黨務工作與學生輔導，強調傳承與創新，服務學生與社會。';
    expect((await readArticle(await write('big5.txt', iconv.encode(text, 'big5')))).text).toBe(text);
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chinese, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(chinese, 'utf-16be')]);
    expect((await readArticle(await write('utf16le.txt', le))).text).toBe(chinese);
    expect((await readArticle(await write('utf16be.txt', be))).text).toBe(chinese);
  });

  it('decodes UTF-16LE and UTF-16BE without a BOM, also Chinese text without a single ASCII character', async () => {
    const noAscii = '坚持党建引领，实施“红色引擎”工程，推动学校高质量发展。'.repeat(30);
    for (const text of [chinese, noAscii]) {
      expect((await readArticle(await write('bomless-le.txt', Buffer.from(text, 'utf16le')))).text).toBe(text);
      expect((await readArticle(await write('bomless-be.txt', iconv.encode(text, 'utf-16be')))).text).toBe(text);
    }
    // ASCII text is UTF-8, although its letters would pass for the high bytes of ideographs.
    expect((await readArticle(await write('ascii.txt', 'Party building leads the way in every college. '.repeat(20)))).format).toBe('txt');
    expect((await readArticle(await write('ascii.txt', 'Party building leads the way in every college. '.repeat(20)))).text).toMatch(/^Party building/);
  });

  it('normalises CRLF and CR line endings to LF', async () => {
    const article = await readArticle(await write('crlf.txt', '第一段\r\n第二段\r第三段\r\n'));
    expect(article.text).toBe('第一段\n第二段\n第三段');
  });

  it('accepts upper-case extensions', async () => {
    expect((await readArticle(await write('UPPER.TXT', chinese))).format).toBe('txt');
  });
});

describe('unreadable input becomes a problem', () => {
  it('reports an empty file', async () => {
    await readProblem(await write('empty.txt', ''), 'EMPTY');
  });

  it('reports a whitespace-only file', async () => {
    await readProblem(await write('blank.md', ' \n\t\r\n\u3000\u3000\n'), 'EMPTY');
  });

  it('reports binary garbage with NUL bytes', async () => {
    const bytes = pseudoRandomBytes(4096, 1);
    bytes[0] = 0x50; // not a BOM
    bytes[100] = 0;
    await readProblem(await write('garbage.txt', bytes), 'BINARY');
  });

  it('reports binary garbage without NUL bytes by its control bytes', async () => {
    const bytes = pseudoRandomBytes(4096, 2, (b) => (b === 0 ? 1 : b));
    bytes[0] = 0x50;
    await readProblem(await write('garbage-no-nul.md', bytes), 'BINARY');
  });

  it('reports high-byte noise that no Chinese encoding reads as text', async () => {
    const bytes = pseudoRandomBytes(4096, 3, (b) => 0x80 | b);
    bytes[0] = 0x80; // not a BOM
    const problem = await readProblem(await write('noise.txt', bytes), 'UNDECODABLE');
    expect(problem.message).toMatch(/gb18030/);
  });

  it('reports bytes that are invalid in every candidate encoding', async () => {
    await readProblem(await write('invalid.txt', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0x80 : 0xff)))), 'UNDECODABLE');
  });

  it('reports non-Chinese legacy text (Shift_JIS) instead of indexing mojibake', async () => {
    const bytes = iconv.encode('これは日本語の文章です。漢字と仮名が含まれています。東京都の大学について説明します。', 'shift_jis');
    await readProblem(await write('japanese.txt', bytes), 'UNDECODABLE');
  });

  it('reports files above the size limit and reads those below it', async () => {
    const file = await write('big.txt', '党'.repeat(1000)); // 3000 bytes
    const problem = await readProblem(file, 'TOO_LARGE', { maxFileBytes: 2048 });
    expect(problem.message).toMatch(/limit/);
    expect((await readArticle(file, { maxFileBytes: 4096 })).text).toHaveLength(1000);
  });

  it('reports a missing file and a folder named like a file as UNREADABLE', async () => {
    await readProblem('does-not-exist.txt', 'UNREADABLE');
    await mkdir(path.join(dir, 'folder.txt'), { recursive: true });
    await readProblem('folder.txt', 'UNREADABLE');
  });

  it('refuses a path outside the corpus folder', async () => {
    const items = await readAll('../outside.txt');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ reason: 'UNREADABLE', sourcePath: '../outside.txt' });
  });

  it('reports an unsupported extension', async () => {
    const problem = await readProblem(await write('legacy.doc', 'x'), 'UNSUPPORTED');
    expect(problem.message).toContain('.doc');
  });

  it('reports a truncated .docx and a renamed legacy .doc', async () => {
    const docx = buildDocx(['坚持党建引领']);
    await readProblem(await write('truncated.docx', docx.subarray(0, docx.length - 40)), 'MALFORMED_DOCX');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const problem = await readProblem(await write('renamed.docx', ole), 'MALFORMED_DOCX');
    expect(problem.message).toMatch(/legacy Word \.doc/);
  });

  it('reports a zip that is not a Word document', async () => {
    await readProblem(await write('not-word.docx', zip({ 'readme.txt': 'hello' })), 'MALFORMED_DOCX');
  });

  it('reports a .docx without text as EMPTY', async () => {
    await readProblem(await write('no-text.docx', buildDocx([])), 'EMPTY');
  });

  it('reports truncated and fake PDFs', async () => {
    const pdf = buildPdf([['党建引领']]);
    await readProblem(await write('truncated.pdf', pdf.subarray(0, 120)), 'MALFORMED_PDF');
    await readProblem(await write('fake.pdf', 'this is not a pdf'), 'MALFORMED_PDF');
  });

  it('reports a PDF without a text layer', async () => {
    const problem = await readProblem(await write('scanned.pdf', buildPdf([[], []])), 'NO_TEXT_LAYER');
    expect(problem.message).toMatch(/OCR/);
  });

  it('reports an HTML page without text as EMPTY', async () => {
    await readProblem(await write('scripts-only.html', '<html><head><title>空</title><script>var a = "文字";</script></head><body><img src="x.png"></body></html>'), 'EMPTY');
  });
});

describe('front matter and markdown', () => {
  it('reads 20,000 nested quotes and list markers (where a recursive lexer overflows its stack) as text', async () => {
    const file = await write('deep.md', `# 深层嵌套\n\n${'> '.repeat(20_000)}党建引领\n\n${'- '.repeat(20_000)}红色领航\n`);
    const article = await readArticle(file);
    expect(article.text).toContain('党建引领');
    expect(article.text).toContain('红色领航');
  });

  it('reads front matter into given, strips ASCII quotes, keeps Chinese ones, removes the block', async () => {
    const file = await write(
      'fm.md',
      [
        '---',
        'title: "对标“七个有力”，赋能党建"',
        "college: '湖南电气职业技术学院'",
        'unit: 风能工程学院教工党支部',
        'date: 2023/10/20',
        'author: [张三, 李四]',
        'url: https://example.edu.cn/a.html',
        'tags: 党建',
        '---',
        '# 一级标题',
        '',
        '正文有**加粗**和*斜体*，还有[链接文字](https://example.edu.cn "提示")与![图片说明](a.png)。',
        '这一行是同一段的软换行。',
        '',
        '- 第一项',
        '1. 编号项',
        '',
        '> 引用的话',
        '',
        '## 二、实施过程',
        '`代码`与\\*星号\\*',
      ].join('\n'),
    );
    const article = await readArticle(file);
    expect(article.format).toBe('md');
    expect(article.docId).toBe('fm');
    expect(article.given).toEqual({
      title: '对标“七个有力”，赋能党建',
      college: '湖南电气职业技术学院',
      unit: '风能工程学院教工党支部',
      date: '2023-10-20',
      author: '张三 李四',
      url: 'https://example.edu.cn/a.html',
    });
    expect(article.text).toBe(
      [
        '一级标题',
        '正文有加粗和斜体，还有链接文字与。这一行是同一段的软换行。',
        '- 第一项',
        '1. 编号项',
        '引用的话',
        '二、实施过程',
        '代码与*星号*',
      ].join('\n'),
    );
  });

  it('uses a leading # heading as title only without a front-matter title', async () => {
    const withoutFm = await readArticle(await write('heading.md', '# 坚持党建引领 培养红船工匠\n\n正文。'));
    expect(withoutFm.given.title).toBe('坚持党建引领 培养红船工匠');
    expect(withoutFm.text).toBe('坚持党建引领 培养红船工匠\n正文。');
    const withFm = await readArticle(await write('heading-fm.md', '---\ntitle: 真正的标题\n---\n# 正文里的标题\n正文。'));
    expect(withFm.given.title).toBe('真正的标题');
    const notLeading = await readArticle(await write('late-heading.md', '导语。\n\n# 后面的标题\n正文。'));
    expect(notLeading.given.title).toBeUndefined();
  });

  it('accepts Chinese keys and full-width colons in .txt front matter', async () => {
    const article = await readArticle(await write('fm-zh.txt', '---\n标题：坚持党建引领\n学校: 嘉兴职业技术学院\n日期：2022年2月24日\n来源：中国教育报客户端\n作者：付梦婕\n---\n\n正文第一段。\n正文第二段。\n'));
    expect(article.given).toEqual({ title: '坚持党建引领', college: '嘉兴职业技术学院', date: '2022-02-24', source: '中国教育报客户端', author: '付梦婕' });
    expect(article.text).toBe('正文第一段。\n正文第二段。');
  });

  it('treats an unterminated front matter block as plain text', async () => {
    const text = '---\ntitle: 没有结束\n正文。';
    const article = await readArticle(await write('unterminated.txt', text));
    expect(article.given).toEqual({});
    expect(article.text).toBe(text);
  });

  it('treats prose between two rules as text, not front matter', async () => {
    const text = '---\n这是一段被分隔线包围的正文，而不是元数据。\n---\n后文。';
    const article = await readArticle(await write('rules.txt', text));
    expect(article.given).toEqual({});
    expect(article.text).toBe(text);
  });
});

describe('HTML', () => {
  const page = (charsetTag: string) => `<!DOCTYPE html>
<html><head>${charsetTag}
<title>坚持党建引领 培养红船工匠 - 嘉兴职业技术学院</title>
<meta name="author" content="嘉兴职业技术学院">
<meta name="publishdate" content="2022-02-24 09:17:32">
<style>.x { color: red }</style><script>var secret = "脚本内容";</script>
</head><body>
<header><h1><img src="logo.png">嘉兴职业技术学院</h1><ul><li><a href="/">首页</a></li><li><a href="/dj">党建统战</a></li></ul></header>
<nav><a href="/a">导航链接</a></nav>
<div class="article">
<h1>坚持党建引领<br>培养红船工匠</h1>
<p>来源：嘉兴职业技术学院 作者：付梦婕 俞佩忠</p>
<p>作为中国革命红船起航地的高职院校，<a href="https://www.jxvtc.edu.cn/">嘉兴职业技术学院</a>始终牢记&ldquo;赓续红色血脉&rdquo;。</p>
<img src="photo.jpg" alt="活动照片">
<h2>一、主要做法</h2>
<ul><li>建强组织体系</li><li>锻造干部队伍</li></ul>
<table><tr><td>单位</td><td>荣誉</td></tr></table>
</div>
<footer>版权所有 嘉兴职业技术学院 浙ICP备</footer>
</body></html>`;

  const expectedText = [
    '坚持党建引领',
    '培养红船工匠',
    '来源：嘉兴职业技术学院 作者：付梦婕 俞佩忠',
    '作为中国革命红船起航地的高职院校，嘉兴职业技术学院始终牢记“赓续红色血脉”。',
    '一、主要做法',
    '- 建强组织体系',
    '- 锻造干部队伍',
    '单位',
    '荣誉',
  ].join('\n');

  it('decodes a GBK page by its <meta charset> and converts it to block lines', async () => {
    const bytes = iconv.encode(page('<meta charset="gbk">'), 'gbk');
    const article = await readArticle(await write('2022/page.html', bytes));
    expect(article.format).toBe('html');
    expect(article.docId).toBe('2022/page');
    expect(article.text).toBe(expectedText);
    // The article <h1> wins over <title> (site suffix) and over the logo <h1> in the page header.
    expect(article.given).toEqual({ title: '坚持党建引领培养红船工匠', date: '2022-02-24' });
  });

  it('honours http-equiv Content-Type charset=gb2312', async () => {
    const bytes = iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');
    expect((await readArticle(await write('page-gb2312.htm', bytes))).text).toBe(expectedText);
  });

  it('overrules a Western charset declaration when the bytes are GBK', async () => {
    const bytes = iconv.encode(page('<meta charset="iso-8859-1">'), 'gbk');
    expect((await readArticle(await write('mislabelled.html', bytes))).text).toBe(expectedText);
  });

  it('reads a page saved as UTF-8 even when it still declares gbk', async () => {
    expect((await readArticle(await write('resaved.html', page('<meta charset="gbk">')))).text).toBe(expectedText);
  });

  it('takes og:title when there is no <h1>, and ignores a <title> with a site suffix', async () => {
    const og = await readArticle(
      await write('og.html', '<html><head><title>文章标题 - 某某学院</title><meta property="og:title" content="文章标题"><meta name="author" content="王五"></head><body><p>正文。</p></body></html>'),
    );
    expect(og.given).toEqual({ title: '文章标题', author: '王五' });
    const suffixed = await readArticle(await write('suffixed.html', '<html><head><title>文章标题_某某学院新闻网</title></head><body><p>正文。</p></body></html>'));
    expect(suffixed.given).toEqual({});
    const plain = await readArticle(await write('plain-title.html', '<html><head><title>文章标题</title></head><body><p>正文。</p></body></html>'));
    expect(plain.given).toEqual({ title: '文章标题' });
  });

  it('converts a fragment without <html>/<body>', async () => {
    expect((await readArticle(await write('fragment.html', '<p>第一段</p><p>第二段</p>'))).text).toBe('第一段\n第二段');
  });
});

describe('DOCX', () => {
  it('reads the Chinese paragraphs of a generated .docx, one per line', async () => {
    const paragraphs = ['坚持党建引领 培养红船工匠', '嘉兴职业技术学院始终牢记“赓续红色血脉”。', '一、实施背景', 'A & B < C'];
    const article = await readArticle(await write('word/report.docx', buildDocx(paragraphs)));
    expect(article.format).toBe('docx');
    expect(article.docId).toBe('word/report');
    expect(article.text).toBe(paragraphs.join('\n'));
    expect(article.given).toEqual({});
  });
});

describe('PDF', () => {
  it('reads a Chinese text layer and rejoins lines broken mid-sentence, conservatively', async () => {
    const wrapped1 = '湖南电气职业技术学院风能工程学院党总支教工党支部严格对照';
    const wrapped2 = '重点任务指南文件要求，在对标争先中紧紧围绕七个有力，实施';
    const last = '五大工程。';
    const colonLine = '支部主要从以下几个方面开展工作，具体做法和成效如下所述：';
    const pdf = buildPdf([
      ['一、实施背景', wrapped1, wrapped2, last, '二、主要做法', colonLine, '（一）建强组织体系'],
      ['第二页的内容。'],
    ]);
    const article = await readArticle(await write('report.pdf', pdf));
    expect(article.format).toBe('pdf');
    expect(article.docId).toBe('report');
    expect(article.text).toBe(['一、实施背景', wrapped1 + wrapped2 + last, '二、主要做法', colonLine, '（一）建强组织体系', '第二页的内容。'].join('\n'));
  });
});

describe('JSONL', () => {
  const lines = [
    JSON.stringify({ id: 'jx-2022', title: '坚持党建引领', text: '嘉兴职业技术学院正文。', college: '嘉兴职业技术学院', unit: '党委', date: '2022-02-24', source: '嘉兴职业技术学院', author: '付梦婕 俞佩忠', url: 'https://www.jxvtc.edu.cn/a.html', extra: 'ignored' }),
    '{"id": 42, "text": "数字 id 的文章。"',
    JSON.stringify({ id: 42, text: '数字 id 的文章。', title: null }),
    '',
    JSON.stringify({ title: '没有正文' }),
    JSON.stringify({ text: '没有 id 的文章。', author: ['张三', '李四'], date: '2023年10月20日' }),
    JSON.stringify({ _id: 7, text: '下划线 id。' }),
    JSON.stringify({ id: 'bad-title', title: 123, text: '标题类型错误。' }),
    '   ',
    JSON.stringify({ id: 'blank-text', text: '  ' }),
    '[1, 2, 3]',
    JSON.stringify({ id: 12345678901234567890, text: '超出安全整数的 id。' }),
  ];

  it('yields good lines with ids and metadata and one problem per bad line', async () => {
    const file = await write('export/data.jsonl', `${lines.join('\n')}\n`);
    const items = await readAll(file);
    const articles = items.filter((item): item is SourceArticle => !isIngestProblem(item));
    const problems = items.filter(isIngestProblem);

    expect(articles.map((a) => [a.docId, a.line])).toEqual([
      ['jx-2022', 1],
      ['42', 3],
      ['export/data#6', 6],
      ['7', 7],
    ]);
    for (const article of articles) {
      expect(article.sourcePath).toBe('export/data.jsonl');
      expect(article.format).toBe('jsonl');
    }
    expect(articles[0]!.text).toBe('嘉兴职业技术学院正文。');
    expect(articles[0]!.given).toEqual({
      title: '坚持党建引领',
      college: '嘉兴职业技术学院',
      unit: '党委',
      date: '2022-02-24',
      source: '嘉兴职业技术学院',
      author: '付梦婕 俞佩忠',
      url: 'https://www.jxvtc.edu.cn/a.html',
    });
    expect(articles[1]!.given).toEqual({});
    expect(articles[2]!.given).toEqual({ author: '张三 李四', date: '2023-10-20' });

    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'MALFORMED_JSON'],
      [5, 'MISSING_FIELD'],
      [8, 'INVALID_FIELD'],
      [10, 'MISSING_FIELD'],
      [11, 'MALFORMED_JSON'],
      [12, 'INVALID_FIELD'],
    ]);
    for (const problem of problems) {
      expect(problem.sourcePath).toBe('export/data.jsonl');
      expect(problem.message).toContain(`export/data.jsonl line ${problem.line}:`);
    }
    expect(problems[1]!.message).toBe('export/data.jsonl line 5: field "text" is missing');
    expect(problems[2]!.message).toContain('"title"');
    expect(problems[3]!.message).toContain('"text" is empty');
    expect(problems[5]!.message).toContain('"id"');
  });

  it('handles CRLF, a BOM and a last line without newline', async () => {
    const file = await write('crlf.jsonl', `\uFEFF${JSON.stringify({ id: 'a', text: '甲' })}\r\n${JSON.stringify({ id: 'b', text: '乙' })}`);
    const items = await readAll(file);
    expect(items.map((item) => (isIngestProblem(item) ? item.message : `${item.docId}:${item.text}:${item.line}`))).toEqual(['a:甲:1', 'b:乙:2']);
  });

  it('decodes GBK and UTF-16LE (BOM) files', async () => {
    const gbk = await write('gbk.jsonl', iconv.encode(`${JSON.stringify({ id: 'g1', text: chinese })}\n${JSON.stringify({ id: 'g2', text: '党建工作' })}\n`, 'gbk'));
    expect((await readAll(gbk)).map((item) => (isIngestProblem(item) ? item.message : item.text))).toEqual([chinese, '党建工作']);
    const utf16 = await write('utf16.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${JSON.stringify({ id: 'u1', text: chinese })}\r\n${JSON.stringify({ id: 'u2', text: '乙' })}\n`, 'utf16le')]));
    expect((await readAll(utf16)).map((item) => (isIngestProblem(item) ? item.message : `${item.line}:${item.text}`))).toEqual([`1:${chinese}`, '2:乙']);
  });

  it('streams multi-megabyte files, including lines that straddle read chunks', async () => {
    const record = (i: number) => JSON.stringify({ id: `n${i}`, text: `第${i}篇：${'党建引领高质量发展'.repeat(8 + (i % 7))}` });
    const count = 20_000;
    const content = Array.from({ length: count }, (_, i) => record(i)).join('\n');
    expect(Buffer.byteLength(content)).toBeGreaterThan(4 * 1024 * 1024);
    const items = await readAll(await write('many.jsonl', content));
    expect(items.filter(isIngestProblem)).toEqual([]);
    expect(items).toHaveLength(count);
    items.forEach((item, i) => {
      expect((item as SourceArticle).docId).toBe(`n${i}`);
    });
    expect((items[count - 1] as SourceArticle).text).toBe(JSON.parse(record(count - 1)).text);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(Array.from({ length: 9000 }, (_, i) => record(i)).join('\n'), 'utf16le')]);
    expect(utf16.length).toBeGreaterThan(2 * 1024 * 1024);
    const utf16Items = await readAll(await write('many-utf16.jsonl', utf16));
    expect(utf16Items.filter(isIngestProblem)).toEqual([]);
    expect(utf16Items.map((item) => (item as SourceArticle).docId)).toEqual(Array.from({ length: 9000 }, (_, i) => `n${i}`));
  });

  it('reports an over-long line and keeps reading', async () => {
    const file = await write('long.jsonl', [JSON.stringify({ id: 'a', text: '短' }), JSON.stringify({ id: 'b', text: '长'.repeat(2000) }), JSON.stringify({ id: 'c', text: '短' })].join('\n'));
    const items = await readAll(file, { maxLineBytes: 1024 });
    expect(items.map((item) => (isIngestProblem(item) ? `${item.line}:${item.reason}` : item.docId))).toEqual(['a', '2:TOO_LARGE', 'c']);
  });

  it('reports a file of blank lines as EMPTY and a binary file once', async () => {
    await readProblem(await write('blank.jsonl', '\n  \n\n'), 'EMPTY');
    const bytes = pseudoRandomBytes(2048, 4);
    bytes[0] = 0x50;
    bytes[10] = 0;
    await readProblem(await write('binary.jsonl', bytes), 'BINARY');
  });
});

describe('discoverCorpusFiles', () => {
  it('lists supported files recursively in stable order and returns unsupported ones separately', async () => {
    const root = await mkdtemp(path.join(dir, 'discover-'));
    const files = ['b.txt', 'a/c.MD', 'a/.hidden.txt', '.git/x.txt', 'node_modules/pkg/y.txt', 'z.doc', 'README', 'sub/deep/d.HTML', 'sub/e.jsonl', 'sub/f.markdown', 'sub/g.htm', 'sub/h.pdf', 'sub/i.docx', 'sub/~$i.docx', 'a-b.txt'];
    for (const file of files) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), 'x');
    }
    await symlink(root, path.join(root, 'sub', 'loop')); // must not recurse forever
    await symlink(path.join(root, 'missing.txt'), path.join(root, 'dangling.txt'));
    const result = await discoverCorpusFiles(root);
    expect(result.files).toEqual(['a-b.txt', 'a/c.MD', 'b.txt', 'sub/deep/d.HTML', 'sub/e.jsonl', 'sub/f.markdown', 'sub/g.htm', 'sub/h.pdf', 'sub/i.docx']);
    expect(result.unsupported).toEqual(['README', 'z.doc']);
  });

  it('follows links inside the corpus folder, never links out of it, and reports those', async () => {
    const root = await mkdtemp(path.join(dir, 'links-'));
    const corpus = path.join(root, 'corpus');
    const secrets = path.join(root, 'secrets');
    await mkdir(path.join(corpus, 'sub'), { recursive: true });
    await mkdir(secrets, { recursive: true });
    await writeFile(path.join(corpus, 'a.txt'), '党建引领');
    await writeFile(path.join(secrets, 'passwd.txt'), 'root:x:0:0:root:/root:/bin/bash');
    await symlink(path.join(secrets, 'passwd.txt'), path.join(corpus, 'passwd.txt'));
    await symlink(secrets, path.join(corpus, 'etc'));
    await symlink('../../secrets/passwd.txt', path.join(corpus, 'sub', 'relative.txt'));
    await symlink(path.join(corpus, 'a.txt'), path.join(corpus, 'sub', 'alias.txt'));
    await symlink(path.join(corpus, 'sub'), path.join(corpus, 'mirror'));
    // A corpus folder that is itself a link is read through it.
    await symlink(corpus, path.join(root, 'corpus-link'));
    for (const corpusDir of [corpus, path.join(root, 'corpus-link')]) {
      expect(await discoverCorpusFiles(corpusDir)).toEqual({ files: ['a.txt', 'mirror/alias.txt'], unsupported: [], outside: ['etc', 'mirror/relative.txt', 'passwd.txt'] });
    }
    // Asked for directly (or swapped in after the listing), the link is not followed either.
    for (const file of ['passwd.txt', 'etc/passwd.txt', 'sub/relative.txt']) {
      expect(await readAll(file, undefined, corpus)).toEqual([
        { sourcePath: file, reason: 'OUTSIDE_CORPUS', message: `${file}: is a link to a file outside the corpus folder; links out of the corpus are not followed` },
      ]);
    }
  });

  it('throws INPUT_UNREADABLE for a missing corpus folder', async () => {
    const error = await discoverCorpusFiles(path.join(dir, 'no-such-folder')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INPUT_UNREADABLE');
  });
});

describe('the real corpus', () => {
  const corpusDir = path.resolve(import.meta.dirname, '../../corpus');
  const expectations: Record<string, string[]> = {
    '2022-02-24-jiaxing-vocational-party-committee.txt': ['嘉兴职业技术学院', '红船'],
    '2022-10-03-zhejiang-mechanical-electrical-automation-school.txt': ['自动化学院党总支', '浙江机电职业技术学院'],
    '2023-10-20-hunan-electrical-wind-energy-teachers-branch.txt': ['湖南电气职业技术学院', '七个有力'],
    'suzhou-industrial-smart-manufacturing-teachers-branch.txt': ['苏州工业职业技术学院', '智能制造'],
    'taizhou-sci-tech-mechatronics-and-mould-school.txt': ['台州科技职业学院', '机电与模具工程学院'],
  };

  it('discovers exactly the five articles', async () => {
    expect(await discoverCorpusFiles(corpusDir)).toEqual({ files: Object.keys(expectations), unsupported: [], outside: [] });
  });

  it.each(Object.entries(expectations))('reads %s', async (file, phrases) => {
    const items = await readAll(file, undefined, corpusDir);
    expect(items).toHaveLength(1);
    const article = items[0]!;
    if (isIngestProblem(article)) throw new Error(article.message);
    expect(article.docId).toBe(file.replace(/\.txt$/, ''));
    expect(article.text.length).toBeGreaterThan(500);
    for (const phrase of phrases) expect(article.text).toContain(phrase);
    expect(article.text).not.toContain('\uFFFD');

    // The same article saved as GB18030 must decode to the same text.
    const original = await readFile(path.join(corpusDir, file), 'utf8');
    const gbFile = await write(`real-gb18030/${file}`, iconv.encode(original, 'gb18030'));
    expect((await readArticle(gbFile)).text).toBe(article.text);
  });
});
