/**
 * The Word export (core/export/docx.ts; its route is server/routes/export.ts): Markdown structure
 * becomes Word structure, [n] of a known source becomes a superscript reference, sources follow as
 * numbered notes, markup in the text stays text, and the request is validated.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { buildDocx, noteText } from '../../core/export/docx.ts';
import { markdownLimits } from '../../core/export/markdown-limits.ts';
import { unzipEntry } from '../helpers/zip.ts';
import { contentDisposition, docxExportSchema, exportFilename } from '../../server/routes/export.ts';

const citation = (n: number, quote: string) => ({ n, chunkId: `doc#${n}`, docId: 'doc', title: '示范文章', college: '示范学院', date: '2023-05-06', quote, start: 0, end: quote.length });

describe('buildDocx', () => {
  it('turns headings, lists, tables and [n] into Word structure with numbered notes', async () => {
    const markdown = [
      '# 关于“支部建设”的典型经验材料',
      '',
      '（依据语料中 1 篇相关文章整理）',
      '',
      '## 二、主要做法',
      '',
      '1. 建立党员先锋岗。[1]',
      '2. 开展示范支部评选。[2]',
      '',
      '- 成效一 **显著**[1][9]',
      '',
      '| 院校 | 做法 | 成效 | 来源 |',
      '|---|---|---|---|',
      '| 示范学院 | 先锋岗[1] | 未见相关内容 | 《示范文章》[1] |',
      '',
      '正文里的 <script>alert(1)</script> 是文字。',
    ].join('\n');
    const bytes = await buildDocx({ title: '标题', markdown, citations: [citation(2, '开展示范支部评选。'), citation(1, '建立党员先锋岗。')] });
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain('<h1>关于“支部建设”的典型经验材料</h1>');
    expect(html).toContain('<h2>二、主要做法</h2>');
    expect(html).toContain('<h2>注释</h2>');
    expect(html).toMatch(/<li>建立党员先锋岗。<sup>\[1\]<\/sup><\/li>/);
    expect(html).toContain('<table>');
    expect(html).toContain('<sup>[1]</sup>');
    // [9] names no source: left as it is, not a reference.
    expect(html).toContain('<strong>显著</strong>');
    expect(html).not.toContain('<sup>[9]</sup>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text.indexOf('[1] 《示范文章》，示范学院，2023-05-06：建立党员先锋岗。')).toBeLessThan(text.indexOf('[2] 《示范文章》，示范学院，2023-05-06：开展示范支部评选。'));
    expect(text.indexOf('[1] 《示范文章》')).toBeGreaterThan(text.indexOf('注释'));
  });

  it('numbers on a list that Markdown numbers on (3. after a college\'s name), and starts any other at 1', async () => {
    const markdown = ['## 二、主要做法', '', '**甲学院**', '', '1. 甲一。[1]', '2. 甲二。[1]', '', '**乙学院**', '', '3. 乙一。[1]', '', '## 四、经验启示', '', '1. 另一。[1]'].join('\n');
    const bytes = await buildDocx({ title: '标题', markdown, citations: [citation(1, '甲一。')] });
    const document = unzipEntry(bytes, 'word/document.xml')!.toString('utf8');
    const numbers = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/gu)].map((match) => match[1]);
    expect(numbers).toHaveLength(4);
    // 甲一, 甲二 and 乙一 share one numbering (1, 2, 3); 另一 has its own (1).
    expect(new Set(numbers.slice(0, 3)).size).toBe(1);
    expect(numbers[3]).not.toBe(numbers[0]);
  });

  it('uses the request title as the heading when the text has none', async () => {
    const bytes = await buildDocx({ title: '院校对比：党史学习教育', markdown: '正文[1]', citations: [citation(1, '正文')] });
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain('<h1>院校对比：党史学习教育</h1>');
  });
});

/** A Markdown table of `columns` × `rows` body rows. */
function table(columns: number, rows: number): string {
  const line = (cell: (column: number) => string) => `|${Array.from({ length: columns }, (_, column) => cell(column)).join('|')}|`;
  return [line((column) => `列${column}`), line(() => '-'), ...Array.from({ length: rows }, (_, row) => line((column) => `${row}-${column}`))].join('\n');
}

async function refusal(markdown: string): Promise<AppError> {
  const error = await buildDocx({ title: '标题', markdown, citations: [] }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('buildDocx on hostile content', () => {
  it('keeps the XML well-formed: no non-character, lone surrogate or stray control from any field reaches it', async () => {
    const odd = '\uFFFE\uD800·\uDFFF\uFFFF\u{10FFFF}\u0001\u000B';
    const bytes = await buildDocx({ title: `标题${odd}`, markdown: `正文${odd}[1]\n\n| 院校${odd} | 做法 |\n|---|---|\n| 甲 | 乙${odd} |`, citations: [{ ...citation(1, `引文${odd}`), title: `文章${odd}`, college: `学院${odd}` }] });
    const xml = unzipEntry(bytes, 'word/document.xml')!.toString('utf8');
    expect(xml).not.toMatch(/[\uFFFE\uFFFF\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u{10FFFF}/u);
    const core = unzipEntry(bytes, 'docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dc:title>标题·</dc:title>');
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text).toContain('正文·[1]');
    expect(text).toContain('[1] 《文章·》，学院·，2023-05-06：引文·');
  });

  it('refuses Markdown nested too deeply, emphasis runs of thousands, and oversized tables with DOCUMENT_TOO_COMPLEX (4xx)', async () => {
    const cases: [string, string][] = [
      ['blockquotes 2,000 deep', `${'>'.repeat(2_000)} 文本`],
      ['5,000 * on each side', `${'*'.repeat(5_000)}党建${'*'.repeat(5_000)}`],
      ['5,000 _ on each side', `${'_'.repeat(5_000)}党建${'_'.repeat(5_000)}`],
      ['lists 500 deep', Array.from({ length: 500 }, (_, depth) => `${' '.repeat(depth * 2)}- 项`).join('\n')],
      ['a table of 200 columns', table(200, 100)],
      ['more table cells than the limit', `${table(10, 60)}\n\n${table(10, 60)}`],
      ['a big table inside a quote', table(30, 2).replace(/^/gm, '> ')],
    ];
    for (const [name, markdown] of cases) {
      const error = await refusal(markdown);
      expect(error.code, name).toBe('DOCUMENT_TOO_COMPLEX');
      expect(error.status, name).toBe(422);
    }
  });

  it('builds what is at the limits, and a long rule of asterisks', async () => {
    const atLimits = [
      `${'>'.repeat(markdownLimits.maxQuoteDepth)} 引用`,
      `${'*'.repeat(markdownLimits.maxDelimiterRun)}`,
      '*'.repeat(500),
      table(markdownLimits.maxTableColumns, markdownLimits.maxTableCells / markdownLimits.maxTableColumns - 1),
    ].join('\n\n');
    const { value: text } = await mammoth.extractRawText({ buffer: await buildDocx({ title: '标题', markdown: atLimits, citations: [] }) });
    expect(text).toContain('引用');
    expect(text).toContain('48-19');
  });
});

describe('export helpers', () => {
  it('writes notes, file names and a Content-Disposition a browser can read', () => {
    expect(noteText({ n: 3, title: '文章', college: '', date: '', quote: ' 一句\n话 ' })).toBe('[3] 《文章》：一句 话');
    expect(exportFilename('a/b:c*?"<>|d', 'docx')).toBe('a b c d.docx');
    expect(exportFilename('   ', 'docx')).toBe('导出.docx');
    // A lone surrogate would make the header's encodeURIComponent throw.
    expect(contentDisposition(exportFilename('材料\uD800\uFFFF', 'docx'))).toBe(`attachment; filename="__.docx"; filename*=UTF-8''${encodeURIComponent('材料.docx')}`);
    expect(contentDisposition('材料.docx')).toBe(`attachment; filename="__.docx"; filename*=UTF-8''${encodeURIComponent('材料.docx')}`);
  });

  it('validates the request', () => {
    expect(docxExportSchema.safeParse({ title: '', markdown: 'x' }).success).toBe(false);
    expect(docxExportSchema.safeParse({ title: 't', markdown: 'x', extra: 1 }).success).toBe(false);
    expect(docxExportSchema.safeParse({ title: 't', markdown: 'x'.repeat(100_001) }).success).toBe(false);
    expect(docxExportSchema.parse({ title: 't', markdown: 'x' }).citations).toEqual([]);
  });
});
