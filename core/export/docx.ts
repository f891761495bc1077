/**
 * An answer (usually a 会议材料 draft) as a Word document. The answer's Markdown becomes Word
 * structure: headings become Word headings, list items list paragraphs, tables Word tables, every
 * [n] a superscript note reference, and the sources follow at the end as numbered notes:
 * “[1] 《title》，college，date：quote”. Built with the `docx` package.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';
import type { Citation } from '../answer/protocol.ts';
import { AppError } from '../errors.ts';
import { xmlSafeText } from '../text/never-text.ts';
import { checkMarkdownShape, checkTables } from './markdown-limits.ts';

export const docxMimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A source note of the document: the citation fields its text is made from. */
export type DocxNote = Pick<Citation, 'n' | 'title' | 'college' | 'date' | 'quote'>;

/** What a document is built from: its title, the answer's Markdown and the sources it cites. */
export interface DocxContent {
  title: string;
  markdown: string;
  citations: readonly DocxNote[];
}

const bodyFont = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const headingFont = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const titleFont = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Half-points. */
  size?: number;
}

/** Text width of the page (A4 less margins), in twips. */
const textWidth = 11906 - 1588 - 1474;

/** Inline Markdown tokens as Word runs; [n] of a known source becomes a superscript reference. */
function inlineRuns(tokens: readonly Token[] | undefined, cited: ReadonlySet<number>, style: RunStyle = {}): TextRun[] {
  const runs: TextRun[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, cited, { ...style, bold: true }));
        break;
      case 'em':
        runs.push(...inlineRuns((token as Tokens.Em).tokens, cited, { ...style, italics: true }));
        break;
      case 'del':
      case 'link':
        runs.push(...inlineRuns((token as Tokens.Del | Tokens.Link).tokens, cited, style));
        break;
      case 'br':
        runs.push(new TextRun({ text: '', break: 1 }));
        break;
      case 'text':
        if ((token as Tokens.Text).tokens?.length) runs.push(...inlineRuns((token as Tokens.Text).tokens, cited, style));
        else runs.push(...textRuns((token as Tokens.Text).text, cited, style));
        break;
      case 'codespan':
        runs.push(...textRuns((token as Tokens.Codespan).text, cited, style));
        break;
      case 'escape':
        runs.push(...textRuns((token as Tokens.Escape).text, cited, style));
        break;
      default:
        // Inline HTML and anything else: its source text, never interpreted.
        runs.push(...textRuns('raw' in token ? String(token.raw) : '', cited, style));
    }
  }
  return runs;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_whole, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? _whole);
}

/** Plain text with its [n] markers split out as superscript runs. */
function textRuns(text: string, cited: ReadonlySet<number>, style: RunStyle): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d{1,3})\]/g)) {
    if (!cited.has(Number(match[1]))) continue;
    if (match.index > last) runs.push(new TextRun({ text: decodeEntities(text.slice(last, match.index)), ...style }));
    runs.push(new TextRun({ text: match[0], superScript: true, ...style }));
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push(new TextRun({ text: decodeEntities(text.slice(last)), ...style }));
  return runs;
}

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' } as const;

/** Block tokens as Word paragraphs and tables. */
function blocks(tokens: readonly Token[], cited: ReadonlySet<number>, state: { lists: number; lastOrdered: number; afterTitle: boolean }): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        out.push(new Paragraph({ heading: headingLevels[Math.min(heading.depth, 4) - 1], children: inlineRuns(heading.tokens, cited) }));
        state.afterTitle = heading.depth === 1;
        break;
      }
      case 'paragraph': {
        // A draft's “（依据…）” line under its title is centred, as a subtitle.
        const previous = out.at(-1);
        const subtitle = previous instanceof Paragraph && state.afterTitle && /^[（(]/.test((token as Tokens.Paragraph).text);
        out.push(new Paragraph({ ...(subtitle ? { alignment: AlignmentType.CENTER, style: 'Note' } : {}), children: inlineRuns((token as Tokens.Paragraph).tokens, cited) }));
        state.afterTitle = false;
        break;
      }
      case 'text':
        out.push(new Paragraph({ children: inlineRuns((token as Tokens.Text).tokens ?? [], cited) }));
        break;
      case 'list': {
        const list = token as Tokens.List;
        // A list numbered on (3. after a college's name) continues the last numbering; any other starts its own.
        const continues = list.ordered && typeof list.start === 'number' && list.start > 1 && state.lastOrdered > 0;
        const instance = continues ? state.lastOrdered : ++state.lists;
        if (list.ordered) state.lastOrdered = instance;
        for (const item of list.items) {
          const children = item.tokens.flatMap((child) =>
            child.type === 'text' || child.type === 'paragraph' ? inlineRuns((child as Tokens.Text).tokens ?? [], cited) : textRuns(child.raw.trim(), cited, {}),
          );
          out.push(
            new Paragraph({
              children,
              ...(list.ordered ? { numbering: { reference: 'ordered', level: 0, instance } } : { bullet: { level: 0 } }),
            }),
          );
        }
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        // A comparison (院校 | 做法 | 成效 | 来源, or 院校 | 荣誉 | 来源) gets room for its text; other tables share the width.
        const comparison = table.header[0]!.text.trim() === '院校';
        const shares = comparison && table.header.length === 4 ? [0.17, 0.33, 0.3, 0.2] : comparison && table.header.length === 3 ? [0.22, 0.5, 0.28] : table.header.map(() => 1 / table.header.length);
        const widths = shares.map((share) => Math.round(textWidth * share));
        const cell = (content: Tokens.TableCell, header: boolean, column: number): TableCell =>
          new TableCell({
            width: { size: widths[column] ?? 0, type: WidthType.DXA },
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            children: [new Paragraph({ spacing: { line: 320, after: 0 }, children: inlineRuns(content.tokens, cited, header ? { bold: true, size: 21 } : { size: 21 }) })],
            ...(header ? { shading: { fill: 'F3EDE4' } } : {}),
          });
        out.push(
          new Table({
            width: { size: textWidth, type: WidthType.DXA },
            columnWidths: widths,
            borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
            rows: [
              new TableRow({ tableHeader: true, children: table.header.map((content, column) => cell(content, true, column)) }),
              ...table.rows.map((row) => new TableRow({ children: row.map((content, column) => cell(content, false, column)) })),
            ],
          }),
        );
        break;
      }
      case 'blockquote':
        out.push(...blocks((token as Tokens.Blockquote).tokens, cited, state));
        break;
      case 'space':
      case 'hr':
        break;
      default:
        // Code, HTML and the rest: their text as a plain paragraph.
        if ('text' in token && String(token.text).trim()) out.push(new Paragraph({ children: textRuns(String(token.text), cited, {}) }));
    }
  }
  return out;
}

/** “[1] 《title》，college，date：quote” (parts that are unknown are left out). */
export function noteText(citation: DocxNote): string {
  const parts = [citation.title ? `《${citation.title}》` : '', citation.college, citation.date].filter(Boolean).join('，');
  const quote = citation.quote.replace(/\s+/g, ' ').trim();
  return `[${citation.n}] ${parts}${quote ? `${parts ? '：' : ''}${quote}` : ''}`;
}

/** The content with every string as XML can hold it (no non-characters, lone surrogates or stray controls). */
function xmlSafeContent(content: DocxContent): DocxContent {
  return {
    title: xmlSafeText(content.title),
    markdown: xmlSafeText(content.markdown),
    citations: content.citations.map((citation) => ({ n: citation.n, title: xmlSafeText(citation.title), college: xmlSafeText(citation.college), date: xmlSafeText(citation.date), quote: xmlSafeText(citation.quote) })),
  };
}

/**
 * Builds the .docx bytes. Throws AppError DOCUMENT_TOO_COMPLEX when the Markdown is nested too
 * deeply or its tables are too large (see markdown-limits.ts).
 */
export async function buildDocx(content: DocxContent, now: Date = new Date()): Promise<Buffer> {
  try {
    return await build(xmlSafeContent(content), now);
  } catch (error) {
    // Nesting the shape checks did not foresee still ends as the client's error, not a 500.
    if (error instanceof RangeError) throw new AppError('DOCUMENT_TOO_COMPLEX', '内容嵌套过深，无法导出', { cause: error });
    throw error;
  }
}

async function build(request: DocxContent, now: Date): Promise<Buffer> {
  checkMarkdownShape(request.markdown);
  const citations = [...request.citations].sort((a, b) => a.n - b.n);
  const cited = new Set(citations.map((citation) => citation.n));
  const tokens = new Lexer({ gfm: true, breaks: true }).lex(request.markdown);
  checkTables(tokens);
  const children: (Paragraph | Table)[] = [];
  // The draft's own "# …" heading is its title; otherwise the request's title is.
  if (!tokens.some((token) => token.type === 'heading' && (token as Tokens.Heading).depth === 1)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(request.title)] }));
  }
  children.push(...blocks(tokens, cited, { lists: 0, lastOrdered: 0, afterTitle: false }));
  if (citations.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('注释')] }));
    for (const citation of citations) {
      children.push(new Paragraph({ style: 'Note', children: [new TextRun(noteText(citation))] }));
    }
  }
  const date = `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
  children.push(new Paragraph({ style: 'Note', alignment: AlignmentType.RIGHT, spacing: { before: 240 }, children: [new TextRun(`党建典型经验问答助手整理 · ${date}`)] }));

  const document = new Document({
    creator: '党建典型经验问答助手',
    title: request.title,
    description: '依据语料库文章整理，引文注明出处',
    styles: {
      default: {
        document: { run: { font: bodyFont, size: 28 }, paragraph: { spacing: { line: 440, after: 80 } } },
        heading1: { run: { font: titleFont, size: 40, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
        heading2: { run: { font: headingFont, size: 32, bold: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: { ...headingFont, eastAsia: '楷体' }, size: 30, bold: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 } } },
        heading4: { run: { font: bodyFont, size: 28, bold: true, color: '000000' } },
      },
      paragraphStyles: [
        { id: 'Note', name: 'Note', basedOn: 'Normal', run: { size: 21, color: '444444' }, paragraph: { spacing: { line: 320, after: 60 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 560, hanging: 420 } } } }],
        },
      ],
    },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(document);
}
