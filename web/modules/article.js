/**
 * Articles as text: every part goes in through text nodes (never HTML), so whatever an article
 * contains — <script>, <img onerror> — is shown, not run. A cited span is wrapped in <mark>,
 * split at its offsets in the cleaned text.
 *
 * @typedef {import('./documents.js').Heading} Heading
 */
import { formatDate, h } from './dom.js';

/**
 * Renders `text` (one paragraph a line; `headings` give heading lines by offset) into `container`,
 * with `highlight` ({ start, end }) marked. Returns the first <mark>, if any.
 * @param {HTMLElement} container
 * @param {string} text
 * @param {Pick<Heading, 'start' | 'level'>[]} [headings]
 * @param {{ start: number, end: number } | null} [highlight]
 * @returns {HTMLElement | null}
 */
export function renderArticleText(container, text, headings = [], highlight = null) {
  container.replaceChildren();
  const headingAt = new Map(headings.map((heading) => [heading.start, heading]));
  /** @type {HTMLElement | null} */
  let firstMark = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    const end = start + line.length;
    offset = end + 1;
    if (!line.trim()) continue;
    const heading = headingAt.get(start);
    const block = document.createElement(heading ? (heading.level <= 1 ? 'h3' : 'h4') : 'p');
    if (highlight && highlight.start < end && highlight.end > start) {
      const from = Math.max(highlight.start, start) - start;
      const to = Math.min(highlight.end, end) - start;
      const mark = document.createElement('mark');
      mark.textContent = line.slice(from, to);
      block.append(document.createTextNode(line.slice(0, from)), mark, document.createTextNode(line.slice(to)));
      firstMark ??= mark;
    } else {
      block.textContent = line;
    }
    container.append(block);
  }
  return firstMark;
}

/**
 * The metadata of an article as a definition list: 院校, 单位, 日期, 来源, 作者, 原文链接.
 * @param {HTMLElement} list
 * @param {{ college?: string, unit?: string, date?: string, source?: string, author?: string, url?: string }} document
 */
export function renderDocMeta(list, document) {
  const rows = [
    ['院校', document.college],
    ['单位', document.unit],
    ['日期', document.date ? formatDate(document.date) : '未注明'],
    ['来源', document.source],
    ['作者', document.author],
  ].filter(([, value]) => value);
  const items = rows.map(([label, value]) => h('div', { class: 'meta-row' }, h('dt', { text: label }), h('dd', { text: value })));
  if (document.url && /^https?:\/\//i.test(document.url)) {
    items.push(h('div', { class: 'meta-row' }, h('dt', { text: '原文' }), h('dd', {}, h('a', { href: document.url, target: '_blank', rel: 'noopener noreferrer', text: '查看原文链接 ↗' }))));
  }
  list.replaceChildren(...items);
}
