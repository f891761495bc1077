/**
 * The catalog, or a part of it (one category across colleges, one college, a search), taken out
 * of the product: as CSV for a spreadsheet, and as a Word document in the shape of a 会议材料
 * comparison (per category, a table of 院校 | 做法 | 成效 | 来源 with a numbered note for every
 * cited sentence), built by core/export/docx.ts.
 */
import { buildDocx, type DocxNote } from '../export/docx.ts';
import { collegeColumn } from './catalog.ts';
import type { PracticeRecord } from './record.ts';
import { categoryNames } from './taxonomy.ts';

/** The most practices one Word document holds; more make a document nobody reads. */
export const maxDocxPractices = 300;

const csvColumns = ['编号', '做法名称', '类别', '院校', '单位', '日期', '简介', '构成', '成效', '来源文章', '文章编号', '名称位置'] as const;

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (=, +, -, @). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The practices as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese right). */
export function practicesCsv(practices: readonly PracticeRecord[]): string {
  const rows = practices.map((record) => [
    record.id,
    record.name.text,
    record.category,
    record.college,
    record.unit,
    record.date,
    record.description.text,
    record.components.map((part) => part.text).join('；'),
    record.outcomes.map((outcome) => outcome.text).join('；'),
    record.title,
    record.docId,
    `${record.name.start}-${record.name.end}`,
  ]);
  return `\uFEFF${[csvColumns as readonly string[], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Table cell text: no line breaks or pipes, which would break the Markdown table. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '｜').trim();
}

/** The Markdown and notes of a comparison document (what `practicesDocx` renders). */
export function practicesMarkdown(practices: readonly PracticeRecord[], scope: string): { title: string; markdown: string; citations: DocxNote[]; omitted: number } {
  const shown = practices.slice(0, maxDocxPractices);
  const citations: DocxNote[] = [];
  const cite = (record: PracticeRecord, quote: string): string => {
    citations.push({ n: citations.length + 1, title: record.title || `${record.college}${record.unit}`, college: record.college, date: record.date, quote });
    return `[${citations.length}]`;
  };
  const title = `做法库：${scope}`;
  const lines = [`# ${title}`, '', `（依据语料库文章整理，共 ${shown.length} 项做法${practices.length > shown.length ? `，仅列前 ${shown.length} 项，共 ${practices.length} 项` : ''}）`, ''];
  const colleges = new Set(shown.map(collegeColumn));
  lines.push(`涉及 ${colleges.size} 所院校（单位）。各项做法后的编号对应文末注释中的原文。`, '');
  for (const category of categoryNames) {
    const inCategory = shown.filter((record) => record.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${category}`, '', '| 院校 | 做法 | 成效 | 来源 |', '| --- | --- | --- | --- |');
    for (const record of inCategory) {
      const where = [record.college, record.unit].filter(Boolean).join(' ') || '未注明院校';
      const parts = record.components.length > 0 ? `（${record.components.map((part) => part.text).join('、')}）` : '';
      const practice = `**${cell(record.name.text)}**：${cell(record.description.text)}${cell(parts)}${cite(record, record.description.text)}`;
      const outcome = record.outcomes[0] ? `${cell(record.outcomes[0].text)}${cite(record, record.outcomes[0].text)}` : '—';
      const source = `${record.title ? `《${cell(record.title)}》` : ''}${record.date ? ` ${record.date}` : ''}`.trim() || '—';
      lines.push(`| ${cell(where)} | ${practice} | ${outcome} | ${source} |`);
    }
    lines.push('');
  }
  return { title, markdown: lines.join('\n'), citations, omitted: practices.length - shown.length };
}

/** The practices as a Word comparison document. */
export async function practicesDocx(practices: readonly PracticeRecord[], scope: string): Promise<{ title: string; bytes: Buffer }> {
  const { title, markdown, citations } = practicesMarkdown(practices, scope);
  return { title, bytes: await buildDocx({ title, markdown, citations }) };
}
