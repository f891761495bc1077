/**
 * Answers as Markdown, made safe: raw HTML in an answer (an article may contain anything) is shown
 * as text rather than interpreted, and the result is sanitised with DOMPurify before it reaches the
 * page (returned as a DOM fragment, never assigned through innerHTML). Each [n] of a known source
 * becomes a button that opens the source.
 *
 * @typedef {import('../../core/answer/protocol.ts').Citation} Citation
 * @typedef {(n: number, button: HTMLButtonElement) => void} OnCite
 */
import { Marked } from '/vendor/marked.esm.js';
import DOMPurify from '/vendor/purify.es.mjs';

/** @type {Record<string, string>} */
const htmlEntities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (/** @type {string} */ text) => text.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    // HTML in the Markdown is text to show, never markup.
    html(token) {
      const text = escapeHtml(token.text);
      return token.block ? `<p>${text}</p>` : text;
    },
    // No images from an answer: they could point anywhere.
    image(token) {
      return escapeHtml(token.text || '');
    },
  },
});

/** @type {import('/vendor/purify.es.mjs').Config & { RETURN_DOM_FRAGMENT: true }} */
const purifyOptions = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 'del', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'code', 'pre', 'hr', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ALLOWED_ATTR: ['href', 'title', 'start', 'align'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  RETURN_DOM_FRAGMENT: true,
};

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Sanitises an HTML string into a fragment (exported for tests and the rare HTML we produce). */
export function sanitize(/** @type {string} */ html) {
  return DOMPurify.sanitize(html, purifyOptions);
}

/**
 * A citation button: keyboard-focusable, labelled 来源 n.
 * @param {number} n
 * @param {OnCite} onCite
 */
export function citationButton(n, onCite) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cite';
  button.dataset.n = String(n);
  button.setAttribute('aria-label', `来源 ${n}`);
  button.textContent = String(n);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onCite(n, button);
  });
  return button;
}

/**
 * Replaces [n] in the fragment's text (outside code) with citation buttons for the numbers in `known`.
 * @param {DocumentFragment} root
 * @param {ReadonlySet<number>} known
 * @param {OnCite} onCite
 */
function linkCitations(root, known, onCite) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('code, pre') ? NodeFilter.FILTER_REJECT : /\[\d{1,3}\]/.test(/** @type {Text} */ (node).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  /** @type {Text[]} */
  const nodes = [];
  while (walker.nextNode()) nodes.push(/** @type {Text} */ (walker.currentNode));
  for (const node of nodes) {
    /** @type {(Text | HTMLSpanElement)[]} */
    const parts = [];
    let last = 0;
    for (const match of node.data.matchAll(/\[(\d{1,3})\]/g)) {
      const n = Number(match[1]);
      if (!known.has(n)) continue;
      // The character before a citation stays on its line (CJK text may break anywhere).
      const before = node.data.slice(last, match.index);
      if (before.length > 1) parts.push(document.createTextNode(before.slice(0, -1)));
      const previous = parts.at(-1);
      if (before.length === 0 && previous instanceof HTMLSpanElement && previous.classList.contains('cite-wrap')) previous.append(citationButton(n, onCite));
      else {
        const wrap = document.createElement('span');
        wrap.className = 'cite-wrap';
        wrap.append(document.createTextNode(before.slice(-1)), citationButton(n, onCite));
        parts.push(wrap);
      }
      last = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    if (last < node.data.length) parts.push(document.createTextNode(node.data.slice(last)));
    node.replaceWith(...parts);
  }
}

/**
 * Tables scroll sideways when they do not fit; a comparison table reads as one card per college
 * where it is narrow (styles.css), each cell labelled with its column. Empty comparison cells are
 * marked for styling.
 */
function decorateTables(/** @type {DocumentFragment} */ root) {
  for (const table of root.querySelectorAll('table')) {
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    table.replaceWith(wrap);
    wrap.append(table);
    const columns = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent?.trim() ?? '');
    if (columns[0] === '院校') {
      table.classList.add('compare-table');
      // 院校 | 做法 | 成效 | 来源, or a table of honours: 院校 | 荣誉 | 来源.
      table.dataset.columns = String(columns.length);
      wrap.classList.add('compare-wrap');
      // Shown as cards, the rows lose their table layout; the roles keep it for screen readers.
      table.setAttribute('role', 'table');
      for (const group of table.querySelectorAll('thead, tbody')) group.setAttribute('role', 'rowgroup');
      for (const row of table.querySelectorAll('tr')) row.setAttribute('role', 'row');
      for (const cell of table.querySelectorAll('th')) cell.setAttribute('role', 'columnheader');
      for (const row of /** @type {NodeListOf<HTMLTableRowElement>} */ (table.querySelectorAll('tbody tr'))) {
        [...row.cells].forEach((cell, index) => {
          cell.setAttribute('role', 'cell');
          cell.dataset.label = columns[index] ?? '';
        });
        // A college with nothing on the topic: as a card, one line instead of three empty fields.
        if ([...row.cells].slice(1).every((cell) => /^(?:未见相关内容|—|-)?$/.test(cell.textContent.trim()))) row.classList.add('empty-row');
      }
    } else {
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', '表格（可左右滚动）');
    }
    for (const cell of table.querySelectorAll('td')) if (cell.textContent.trim() === '未见相关内容') cell.classList.add('empty-cell');
  }
}

/**
 * Renders Markdown `text` into a sanitised fragment with citation buttons for `citations`
 * (numbers without a source stay plain text).
 * @param {string | undefined} text
 * @param {Citation[] | undefined} citations
 * @param {OnCite} onCite
 * @returns {DocumentFragment}
 */
export function renderMarkdown(text, citations, onCite) {
  // marked parses synchronously unless an extension is async (none is here).
  const fragment = sanitize(/** @type {string} */ (marked.parse(text ?? '')));
  linkCitations(fragment, new Set((citations ?? []).map((citation) => citation.n)), onCite);
  decorateTables(fragment);
  return fragment;
}
