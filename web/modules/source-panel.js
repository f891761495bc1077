/**
 * The source panel: a citation's article, scrolled to the cited passage, which is highlighted by
 * its offsets in the cleaned text (<mark>, built from text nodes). 在“浏览文章”中打开 opens the
 * reader at the same passage. Esc or ✕ (the next stop after the title for Tab) closes it and focus
 * returns to the citation that opened it. On a phone it covers the page, which is made inert.
 *
 * @typedef {import('../../core/answer/protocol.ts').Citation} Citation
 */
import { ApiError } from './api.js';
import { renderArticleText, renderDocMeta } from './article.js';
import { documentLabel, fetchDocument } from './documents.js';
import { byId, show } from './dom.js';

const panel = byId('source-panel');
const number = byId('source-number');
const title = byId('source-title');
const meta = byId('source-meta');
const quote = byId('source-quote');
const status = byId('source-status');
const text = byId('source-text');
const body = byId('source-body');
const openLink = byId('source-open', HTMLAnchorElement);
const fullScreen = window.matchMedia('(max-width: 760px)');

let request = 0;
/** @type {HTMLElement | null} the citation that opened the panel */
let trigger = null;
/** @type {HTMLElement | null} */
let fallbackFocus = null;

/** @param {{ focusWhenClosed: HTMLElement }} options */
export function initSourcePanel({ focusWhenClosed }) {
  fallbackFocus = focusWhenClosed;
  byId('source-close').addEventListener('click', closeSource);
  byId('source-jump').addEventListener('click', () => {
    const mark = text.querySelector('mark');
    if (mark) scrollToMark(mark);
  });
  openLink.addEventListener('click', closeSource);
}

export function isSourceOpen() {
  return !panel.hidden;
}

function setBackgroundInert(/** @type {boolean} */ inert) {
  const layout = document.querySelector('.layout');
  if (layout instanceof HTMLElement) layout.inert = inert && fullScreen.matches;
}

function scrollToMark(/** @type {HTMLElement} */ mark) {
  requestAnimationFrame(() => {
    const top = mark.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
    body.scrollTop = Math.max(0, top - body.clientHeight / 3);
  });
}

/**
 * Opens `citation`; `from` gets focus back on close.
 * @param {Citation} citation
 * @param {HTMLElement} from
 */
export async function openSource(citation, from) {
  const current = ++request;
  trigger?.classList.remove('active');
  trigger = from;
  trigger?.classList.add('active');
  document.body.classList.add('panel-open');
  show(panel, true);
  setBackgroundInert(true);
  number.textContent = `来源 ${citation.n}`;
  title.textContent = citation.title;
  renderDocMeta(meta, { college: citation.college, date: citation.date });
  quote.textContent = citation.quote;
  show(quote, true);
  openLink.href = readerLink(citation.docId, { start: citation.start, end: citation.end });
  text.replaceChildren();
  status.textContent = '正在载入原文…';
  show(status, true);
  title.focus();
  try {
    const article = await fetchDocument(citation.docId);
    if (current !== request) return;
    title.textContent = documentLabel(article) || citation.title;
    renderDocMeta(meta, article);
    /** @type {{ start: number, end: number } | null} */
    let range = { start: citation.start, end: citation.end };
    // The index may have been rebuilt since the answer: find the quote again if it moved.
    if (article.text.slice(range.start, range.end) !== citation.quote) {
      const at = article.text.indexOf(citation.quote);
      range = at >= 0 ? { start: at, end: at + citation.quote.length } : null;
    }
    openLink.href = readerLink(citation.docId, range);
    const mark = renderArticleText(text, article.text, article.headings, range);
    status.textContent = range ? '' : '文章已更新，未能在原文中定位到这段引文（引文见上）。';
    show(status, !range);
    // Once the passage is highlighted in the article, the quote above would only repeat it.
    show(quote, !range);
    if (mark) scrollToMark(mark);
  } catch (error) {
    if (current !== request) return;
    status.textContent = error instanceof ApiError && error.code === 'DOCUMENT_NOT_FOUND' ? '这篇文章已不在语料库中（可能已被移除或重新导入）。' : `原文载入失败：${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The reader's address for an article, at a passage when there is one.
 * @param {string} docId
 * @param {{ start: number, end: number } | null} passage
 */
function readerLink(docId, passage) {
  return `#/browse/${encodeURIComponent(docId)}${passage ? `?start=${passage.start}&end=${passage.end}` : ''}`;
}

export function closeSource() {
  if (panel.hidden) return;
  request++;
  show(panel, false);
  setBackgroundInert(false);
  document.body.classList.remove('panel-open');
  trigger?.classList.remove('active');
  if (trigger?.isConnected) trigger.focus();
  else fallbackFocus?.focus();
}
