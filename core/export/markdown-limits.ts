/**
 * Bounds on the Markdown a document is built from. The parser recurses once per level of nesting
 * and per emphasis delimiter (thousands of either overflow the stack), and the Word builder's cost
 * grows with every table cell. A draft the product writes is far inside these.
 */
import type { Token, Tokens } from 'marked';
import { AppError } from '../errors.ts';

export const markdownLimits = {
  /** Blockquote levels (`>`) on one line. */
  maxQuoteDepth: 16,
  /** Leading indentation of a line, in columns (a tab counts 4): about 30 levels of nested lists. */
  maxIndent: 64,
  /** Longest run of one emphasis delimiter (`*`, `_`, `~`) outside a horizontal rule. */
  maxDelimiterRun: 50,
  /** Columns of one table. */
  maxTableColumns: 20,
  /** Cells of all tables together, header rows included. */
  maxTableCells: 1_000,
} as const;

function tooComplex(message: string, details: Record<string, unknown>): AppError {
  return new AppError('DOCUMENT_TOO_COMPLEX', message, { details });
}

/** Checks nesting and delimiter runs line by line, before the Markdown is parsed. */
export function checkMarkdownShape(markdown: string): void {
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const prefix = /^[ \t>]*/.exec(line)![0];
    let quotes = 0;
    let indent = 0;
    for (const character of prefix) {
      if (character === '>') quotes++;
      else indent += character === '\t' ? 4 : 1;
    }
    if (quotes > markdownLimits.maxQuoteDepth) {
      throw tooComplex(`第 ${index + 1} 行引用嵌套 ${quotes} 层，最多 ${markdownLimits.maxQuoteDepth} 层`, { line: index + 1, limit: markdownLimits.maxQuoteDepth });
    }
    if (indent > markdownLimits.maxIndent) {
      throw tooComplex(`第 ${index + 1} 行缩进过深（最多 ${markdownLimits.maxIndent} 列）`, { line: index + 1, limit: markdownLimits.maxIndent });
    }
    // A line of nothing but one delimiter is a horizontal rule, however long.
    if (/^\s*([*_~-])(?:\s*\1)*\s*$/.test(line)) continue;
    const run = /([*_~])\1{50,}/.exec(line);
    if (run) {
      throw tooComplex(`第 ${index + 1} 行有连续 ${run[0].length} 个“${run[1]}”，最多 ${markdownLimits.maxDelimiterRun} 个`, { line: index + 1, limit: markdownLimits.maxDelimiterRun });
    }
  }
}

/** Checks the tables of parsed Markdown (nested in quotes and lists too): columns each, cells in all. */
export function checkTables(tokens: readonly Token[]): void {
  let cells = 0;
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === 'table') {
        const table = token as Tokens.Table;
        if (table.header.length > markdownLimits.maxTableColumns) {
          throw tooComplex(`表格有 ${table.header.length} 列，最多 ${markdownLimits.maxTableColumns} 列`, { limit: markdownLimits.maxTableColumns });
        }
        cells += table.header.length * (table.rows.length + 1);
        if (cells > markdownLimits.maxTableCells) throw tooComplex(`表格单元格过多（最多 ${markdownLimits.maxTableCells} 个）`, { limit: markdownLimits.maxTableCells });
      }
      if (token.type === 'list') for (const item of (token as Tokens.List).items) visit(item.tokens);
      else if ('tokens' in token && Array.isArray(token.tokens)) visit(token.tokens);
    }
  };
  visit(tokens);
}
