/**
 * 浏览文章: the corpus as a filterable list, and a reader for one article in full, opened at a
 * highlighted passage when a citation sent the reader there. A year filter keeps the articles
 * whose date is unknown, marked 未注明日期, as the search does (core/retrieval/retriever.ts).
 *
 * @typedef {import('./documents.js').Article} Article
 * @typedef {import('./documents.js').DocumentSummary} DocumentSummary
 */
import { ApiError } from './api.js';
import { renderArticleText, renderDocMeta } from './article.js';
import { documentLabel, fetchDocument } from './documents.js';
import { byId, formatDate, h, show } from './dom.js';

const listView = byId('browse-list-view');
const count = byId('browse-count');
const query = byId('browse-query', HTMLInputElement);
const college = byId('browse-college', HTMLSelectElement);
const year = byId('browse-year', HTMLSelectElement);
const list = byId('article-list');
const reader = byId('reader');
const readerTitle = byId('reader-title');
const readerMeta = byId('reader-meta');
const readerText = byId('reader-text');

/** @type {DocumentSummary[]} */
let documents = [];
/** @type {(article: Article) => void} */
let askAbout = () => {};
/** @type {Article | null} */
let readerDocument = null;

/** @param {{ onAskAbout: (article: Article) => void }} options */
export function initBrowse({ onAskAbout }) {
  askAbout = onAskAbout;
  byId('browse-filters').addEventListener('submit', (event) => event.preventDefault());
  for (const control of [query, college, year]) control.addEventListener('input', renderList);
  byId('reader-ask').addEventListener('click', () => readerDocument && askAbout(readerDocument));
}

export function setDocuments(/** @type {DocumentSummary[]} */ all) {
  documents = all;
  renderList();
}

export function showList() {
  show(reader, false);
  show(listView, true);
}

export function showLoadError(/** @type {string} */ message) {
  count.textContent = `文章列表载入失败：${message}`;
}

const isDated = (/** @type {DocumentSummary} */ document) => /^\d{4}/.test(document.date ?? '');

function renderList() {
  const words = query.value.trim().toLowerCase();
  const matches = documents.filter(
    (document) =>
      (!college.value || document.college === college.value) &&
      (!year.value || !isDated(document) || (document.date ?? '').startsWith(year.value)) &&
      (!words || [document.title, document.college, document.unit, document.source].some((field) => (field ?? '').toLowerCase().includes(words))),
  );
  const undated = year.value ? matches.filter((document) => !isDated(document)).length : 0;
  count.textContent = `共 ${matches.length} 篇${matches.length !== documents.length ? `（全部 ${documents.length} 篇）` : ''}${undated ? `，其中 ${undated} 篇未注明日期` : ''}`;
  list.replaceChildren(
    ...matches.map((document) =>
      h(
        'li',
        { class: 'article-card' },
        h('a', { class: 'article-link', href: `#/browse/${encodeURIComponent(document.docId)}` }, h('span', { class: 'article-title', text: documentLabel(document) })),
        h(
          'p',
          { class: 'article-meta' },
          [document.college, document.unit, isDated(document) ? formatDate(document.date) : '未注明日期', document.source && document.source !== document.college ? `来源：${document.source}` : ''].filter(Boolean).map((part) => h('span', { text: part })),
        ),
      ),
    ),
  );
  if (matches.length === 0) list.append(h('li', { class: 'article-empty', text: '没有符合条件的文章。' }));
}

/**
 * Shows article `docId` in full; with `passage`, highlighted there and scrolled to it.
 * @param {string} docId
 * @param {{ start: number, end: number } | null} [passage]
 */
export async function openReader(docId, passage = null) {
  show(listView, false);
  show(reader, true);
  readerDocument = null;
  readerTitle.textContent = '正在载入…';
  readerMeta.replaceChildren();
  readerText.replaceChildren();
  try {
    const article = await fetchDocument(docId);
    readerDocument = article;
    readerTitle.textContent = documentLabel(article);
    renderDocMeta(readerMeta, article);
    const inText = passage && passage.end <= article.text.length ? passage : null;
    const mark = renderArticleText(readerText, article.text, article.headings, inText);
    document.title = `${documentLabel(article)} · 党建典型经验问答助手`;
    if (mark) {
      readerTitle.focus({ preventScroll: true });
      mark.scrollIntoView({ block: 'center' });
      return;
    }
  } catch (error) {
    readerTitle.textContent = error instanceof ApiError && error.code === 'DOCUMENT_NOT_FOUND' ? '没有找到这篇文章' : `载入失败：${error instanceof Error ? error.message : String(error)}`;
  }
  readerTitle.focus();
}
