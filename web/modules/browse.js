/** 浏览文章: the corpus as a filterable list, and a reader for one article in full. */
import { ApiError } from './api.js';
import { renderArticleText, renderDocMeta } from './article.js';
import { documentLabel, fetchDocument } from './documents.js';
import { formatDate, h, show } from './dom.js';

const $ = (id) => document.getElementById(id);
const listView = $('browse-list-view');
const count = $('browse-count');
const query = $('browse-query');
const college = $('browse-college');
const year = $('browse-year');
const list = $('article-list');
const reader = $('reader');
const readerTitle = $('reader-title');
const readerMeta = $('reader-meta');
const readerText = $('reader-text');

let documents = [];
let askAbout = () => {};
let readerDocument = null;

export function initBrowse({ onAskAbout }) {
  askAbout = onAskAbout;
  $('browse-filters').addEventListener('submit', (event) => event.preventDefault());
  for (const control of [query, college, year]) control.addEventListener('input', renderList);
  $('reader-ask').addEventListener('click', () => readerDocument && askAbout(readerDocument));
}

export function setDocuments(all) {
  documents = all;
  renderList();
}

export function showList() {
  show(reader, false);
  show(listView, true);
}

export function showLoadError(message) {
  count.textContent = `文章列表载入失败：${message}`;
}

function renderList() {
  const words = query.value.trim().toLowerCase();
  const matches = documents.filter(
    (document) =>
      (!college.value || document.college === college.value) &&
      (!year.value || (document.date ?? '').startsWith(year.value)) &&
      (!words || [document.title, document.college, document.unit, document.source].some((field) => (field ?? '').toLowerCase().includes(words))),
  );
  count.textContent = `共 ${matches.length} 篇${matches.length !== documents.length ? `（全部 ${documents.length} 篇）` : ''}`;
  list.replaceChildren(
    ...matches.map((document) =>
      h(
        'li',
        { class: 'article-card' },
        h('a', { class: 'article-link', href: `#/browse/${encodeURIComponent(document.docId)}` }, h('span', { class: 'article-title', text: documentLabel(document) })),
        h(
          'p',
          { class: 'article-meta' },
          [document.college, document.unit, formatDate(document.date), document.source && document.source !== document.college ? `来源：${document.source}` : ''].filter(Boolean).map((part) => h('span', { text: part })),
        ),
      ),
    ),
  );
  if (matches.length === 0) list.append(h('li', { class: 'article-empty', text: '没有符合条件的文章。' }));
}

export async function openReader(docId) {
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
    renderArticleText(readerText, article.text, article.headings);
    document.title = `${documentLabel(article)} · 党建典型经验问答助手`;
  } catch (error) {
    readerTitle.textContent = error instanceof ApiError && error.code === 'DOCUMENT_NOT_FOUND' ? '没有找到这篇文章' : `载入失败：${error.message}`;
  }
  readerTitle.focus();
}
