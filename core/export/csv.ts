/**
 * Feedback as CSV for a spreadsheet: UTF-8 with a byte-order mark (Excel reads Chinese correctly
 * only with it), RFC 4180 quoting, and cells that a spreadsheet would run as a formula (starting
 * with = + - @, or a tab or carriage return) prefixed with an apostrophe.
 */
import type { FeedbackRecord } from '../store/app-store.ts';

const modeNames: Record<string, string> = { qa: '问答', summary: '会议材料', compare: '院校对比' };

/** One CSV cell. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const feedbackCsvHeader = ['时间', '评价', '问题', '方式', '评论', '回答', '引用', '检索语句', '回答方式', '编号'] as const;

/** The CSV text of feedback records, line by line (the first chunk carries the byte-order mark and the header). */
export async function* feedbackCsv(records: AsyncIterable<FeedbackRecord>): AsyncGenerator<string> {
  yield `\ufeff${csvLine(feedbackCsvHeader)}`;
  for await (const record of records) {
    const citations = record.citations.map((citation) => `[${citation.n}] 《${citation.title}》${citation.college ? ` ${citation.college}` : ''}：${citation.quote}`).join('\n');
    yield csvLine([
      record.updatedAt,
      record.rating === 'up' ? '有用' : '没用',
      record.question,
      modeNames[record.mode] ?? record.mode,
      record.comment,
      record.answer,
      citations,
      record.searchedFor,
      record.engine,
      record.answerId,
    ]);
  }
}
