/**
 * Taking answers elsewhere: copy to the clipboard (rendered HTML and plain text), Markdown files
 * (built here), and Word documents (built by the server, POST /api/export/docx, with the sources
 * as numbered notes). An answer's files are named after its title (`titleOf`), a conversation's
 * after the conversation, by one rule (`fileName`). A stopped answer is exported as far as it got,
 * marked incomplete, with the sources it cites.
 *
 * @typedef {import('../../core/answer/protocol.ts').AnswerMode} AnswerMode
 * @typedef {import('../../core/answer/protocol.ts').Citation} Citation
 * @typedef {import('./store.js').AssistantMessage} AssistantMessage
 * @typedef {import('./store.js').Conversation} Conversation
 * @typedef {Pick<AssistantMessage, 'mode' | 'question' | 'text' | 'citations'> & Partial<Pick<AssistantMessage, 'status'>>} ExportedAnswer
 */
import { api } from './api.js';
import { filtersLabel } from './store.js';

/** @type {Record<string, string> & Record<AnswerMode, string>} */
export const modeNames = { qa: '问答', summary: '会议材料', compare: '院校对比' };

/**
 * “[1] 《title》，college，date：quote”.
 * @param {Pick<Citation, 'n' | 'title' | 'college' | 'date'> & { quote?: string }} citation
 */
export function noteLine(citation) {
  const parts = [citation.title ? `《${citation.title}》` : '', citation.college, citation.date].filter(Boolean).join('，');
  const quote = (citation.quote ?? '').replace(/\s+/g, ' ').trim();
  return `[${citation.n}] ${parts}${quote ? `${parts ? '：' : ''}${quote}` : ''}`;
}

/** The text to take elsewhere: a stopped answer says that it is incomplete. */
export function exportedText(/** @type {ExportedAnswer} */ message) {
  const text = message.text.trim();
  return message.status === 'cancelled' && text ? `${text}\n\n（已停止生成，以上回答不完整。）` : text;
}

/** The sources to list: all of a finished answer's; of a stopped one, those its text cites. */
export function exportedCitations(/** @type {ExportedAnswer} */ message) {
  const citations = [...(message.citations ?? [])].sort((a, b) => a.n - b.n);
  if (!message.status || message.status === 'done') return citations;
  const cited = new Set([...message.text.matchAll(/\[(\d{1,3})\]/g)].map((match) => Number(match[1])));
  return citations.filter((citation) => cited.has(citation.n));
}

function notes(/** @type {Citation[] | undefined} */ citations) {
  if (!citations?.length) return '';
  return `\n\n---\n\n**注释**\n\n${[...citations].sort((a, b) => a.n - b.n).map((citation) => `${noteLine(citation)}  `).join('\n')}\n`;
}

/** One answer as Markdown: the answer, then its sources as numbered notes. */
export function answerMarkdown(/** @type {ExportedAnswer} */ message) {
  const heading = message.mode === 'summary' && /^#\s/.test(message.text) ? '' : `# ${message.question || '回答'}\n\n`;
  return `${heading}${exportedText(message)}${notes(exportedCitations(message))}`;
}

/** How a question was asked, for a reader of the export: `院校对比 · 范围：嘉兴职业技术学院 · 2023年`. */
export function askedWith(/** @type {Pick<AssistantMessage, 'mode' | 'filters'>} */ message) {
  const scope = filtersLabel(message.filters);
  return [modeNames[message.mode] ?? '问答', scope ? `范围：${scope}` : ''].filter(Boolean).join(' · ');
}

/** A whole conversation as Markdown. */
export function conversationMarkdown(/** @type {Conversation} */ conversation) {
  const now = new Date();
  const lines = [`# ${conversation.title}`, '', `导出时间：${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`, ''];
  for (const message of conversation.messages) {
    if (message.role === 'user') {
      lines.push(`## 问：${message.text.replace(/\s+/g, ' ').trim()}`, '', `（${askedWith(message)}）`, '');
    } else if (message.status === 'done' || message.text) {
      // Headings inside an answer move down two levels so the question stays the section title.
      lines.push(message.text.trim().replace(/^(#{1,4})\s/gm, (_whole, /** @type {string} */ hashes) => `${'#'.repeat(Math.min(6, hashes.length + 2))} `));
      if (message.status !== 'done') lines.push('', `（${message.status === 'cancelled' ? '已停止生成，以上回答不完整' : message.error?.message ?? '回答未完成'}）`);
      const extra = notes(exportedCitations(message));
      if (extra) lines.push(extra.trim());
      lines.push('');
    }
  }
  return `${lines.join('\n').trim()}\n`;
}

/**
 * A safe file name from a title: every exported file is named this way.
 * @param {string} title
 * @param {string} extension
 */
export function fileName(title, extension) {
  const base = (title || '导出').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || '导出';
  return `${base}.${extension}`;
}

/**
 * Saves a Blob as a download.
 * @param {Blob} blob
 * @param {string} name
 */
export function downloadBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * @param {string} markdown
 * @param {string} title
 */
export function downloadMarkdown(markdown, title) {
  downloadBlob(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }), fileName(title, 'md'));
}

/** Asks the server for a .docx of the answer and downloads it. */
export async function downloadDocx(/** @type {ExportedAnswer} */ message) {
  const title = titleOf(message);
  const response = await api('/api/export/docx', { method: 'POST', body: { title, markdown: exportedText(message), citations: exportedCitations(message) }, raw: true });
  downloadBlob(await response.blob(), fileName(title, 'docx'));
}

/** The title of an exported answer: a draft's own heading, else the question. */
export function titleOf(/** @type {ExportedAnswer} */ message) {
  const heading = /^#\s+(.+)$/m.exec(message.text ?? '');
  if (message.mode === 'summary' && heading?.[1] !== undefined) return heading[1].trim().slice(0, 100);
  const question = (message.question || '回答').replace(/\s+/g, ' ').trim().slice(0, 80);
  return message.mode === 'compare' ? `院校对比：${question}` : question;
}

/**
 * Puts `html` and `text` on the clipboard together: a word processor pastes the rendered HTML
 * (tables stay tables), a plain-text field the text. Where the Clipboard API is unavailable (plain
 * http on a LAN address) a copy command carries both.
 * @param {string} html
 * @param {string} text
 */
export async function copyRich(html, text) {
  if (navigator.clipboard?.write && window.isSecureContext && typeof ClipboardItem === 'function') {
    try {
      const item = new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) });
      await navigator.clipboard.write([item]);
      return true;
    } catch {
      /* fall through */
    }
  }
  let ok = false;
  const onCopy = (/** @type {ClipboardEvent} */ event) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    ok = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } catch {
    ok = false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  return ok;
}
