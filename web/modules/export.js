/**
 * Taking answers elsewhere: copy to the clipboard, Markdown files (built here), and Word documents
 * (built by the server, POST /api/export/docx, with the sources as numbered notes).
 *
 * @typedef {import('../../core/answer/protocol.ts').AnswerMode} AnswerMode
 * @typedef {import('../../core/answer/protocol.ts').Citation} Citation
 * @typedef {import('./store.js').AssistantMessage} AssistantMessage
 * @typedef {import('./store.js').Conversation} Conversation
 * @typedef {Pick<AssistantMessage, 'mode' | 'question' | 'text' | 'citations'>} ExportedAnswer
 */
import { api } from './api.js';

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

function notes(/** @type {Citation[] | undefined} */ citations) {
  if (!citations?.length) return '';
  return `\n\n---\n\n**注释**\n\n${[...citations].sort((a, b) => a.n - b.n).map((citation) => `${noteLine(citation)}  `).join('\n')}\n`;
}

/** One answer as Markdown: the answer, then its sources as numbered notes. */
export function answerMarkdown(/** @type {ExportedAnswer} */ message) {
  const heading = message.mode === 'summary' && /^#\s/.test(message.text) ? '' : `# ${message.question || '回答'}\n\n`;
  return `${heading}${message.text.trim()}${notes(message.citations)}`;
}

/** A whole conversation as Markdown. */
export function conversationMarkdown(/** @type {Conversation} */ conversation) {
  const now = new Date();
  const lines = [`# ${conversation.title}`, '', `导出时间：${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`, ''];
  for (const message of conversation.messages) {
    if (message.role === 'user') {
      lines.push(`## 问：${message.text.replace(/\s+/g, ' ').trim()}`, '', `（${modeNames[message.mode] ?? '问答'}）`, '');
    } else if (message.status === 'done' || message.text) {
      // Headings inside an answer move down two levels so the question stays the section title.
      lines.push(message.text.trim().replace(/^(#{1,4})\s/gm, (_whole, /** @type {string} */ hashes) => `${'#'.repeat(Math.min(6, hashes.length + 2))} `));
      if (message.status !== 'done') lines.push('', `（${message.error?.message ?? '回答未完成'}）`);
      const extra = notes(message.citations);
      if (extra) lines.push(extra.trim());
      lines.push('');
    }
  }
  return `${lines.join('\n').trim()}\n`;
}

/**
 * A safe file name from a title.
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
  const response = await api('/api/export/docx', { method: 'POST', body: { title, markdown: message.text, citations: message.citations ?? [] }, raw: true });
  downloadBlob(await response.blob(), fileName(title, 'docx'));
}

/** The title of an exported answer: a draft's own heading, else the question. */
export function titleOf(/** @type {ExportedAnswer} */ message) {
  const heading = /^#\s+(.+)$/m.exec(message.text ?? '');
  if (message.mode === 'summary' && heading?.[1] !== undefined) return heading[1].trim().slice(0, 100);
  const question = (message.question || '回答').replace(/\s+/g, ' ').trim().slice(0, 80);
  return message.mode === 'compare' ? `院校对比：${question}` : question;
}

/** Copies text; falls back to a hidden textarea where the Clipboard API is unavailable (plain http on a LAN address). */
export async function copyText(/** @type {string} */ text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      /* fall through */
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
