/**
 * One practice of the 做法库: its name, college and unit, description, parts and outcomes, each
 * with a citation button that opens the article at the highlighted passage; the comparable
 * practices of other colleges with what they share; and the way back to the chat (ask about it,
 * or run 院校对比 on its category).
 *
 * @typedef {import('../../core/answer/protocol.ts').Citation} Citation
 * @typedef {import('./practice-data.js').CitedText} CitedText
 * @typedef {import('./practice-data.js').Practice} Practice
 * @typedef {import('./practice-data.js').SimilarPractice} SimilarPractice
 */
import { ApiError } from './api.js';
import { renderDocMeta } from './article.js';
import { byId, formatDate, h, show } from './dom.js';
import { citationOf, fetchPractice } from './practice-data.js';

const page = byId('practice-page');
const category = byId('practice-category');
const name = byId('practice-name');
const meta = byId('practice-meta');
const fields = byId('practice-fields');
const similarList = byId('practice-similar-list');
const articleLink = byId('practice-article', HTMLAnchorElement);

const actions = {
  /** @type {(citation: Citation, from: HTMLElement) => void} */
  openSource: () => {},
  /** @type {(practice: Practice) => void} */
  ask: () => {},
  /** @type {(category: string) => void} */
  compare: () => {},
};

/** @type {Practice | null} */
let current = null;
let request = 0;

/** @param {typeof actions} handlers */
export function initPracticePage(handlers) {
  Object.assign(actions, handlers);
  byId('practice-ask').addEventListener('click', () => current && actions.ask(current));
  byId('practice-compare').addEventListener('click', () => current && actions.compare(current.category));
}

export function hidePracticePage() {
  show(page, false);
}

/**
 * A citation button: `[n]`, which opens the field's passage in the source panel.
 * @param {Practice} practice
 * @param {CitedText} field
 * @param {{ n: number }} counter
 */
function cite(practice, field, counter) {
  const citation = citationOf(practice, field, ++counter.n);
  return h('button', {
    type: 'button',
    class: 'cite',
    'data-n': String(citation.n),
    'aria-label': `来源 ${citation.n}`,
    title: '查看原文',
    text: `[${citation.n}]`,
    onclick: (/** @type {MouseEvent} */ event) => actions.openSource(citation, /** @type {HTMLElement} */ (event.currentTarget)),
  });
}

/**
 * @param {string} title
 * @param {(HTMLElement | null)[]} body
 */
function field(title, body) {
  return h('section', { class: 'practice-field' }, h('h2', { class: 'practice-field-title', text: title }), ...body);
}

function renderPractice(/** @type {Practice} */ practice, /** @type {SimilarPractice[]} */ similar) {
  const counter = { n: 0 };
  category.replaceChildren(h('span', { class: 'badge category', text: practice.category }));
  name.replaceChildren(document.createTextNode(practice.name.text), ' ', cite(practice, practice.name, counter));
  renderDocMeta(meta, { college: practice.college, unit: practice.unit, date: practice.date });
  const title = practice.title || '原文';
  meta.append(h('div', { class: 'meta-row' }, h('dt', { text: '出处' }), h('dd', {}, h('a', { href: `#/browse/${encodeURIComponent(practice.docId)}`, text: practice.title ? `《${practice.title}》` : title }))));
  articleLink.href = `#/browse/${encodeURIComponent(practice.docId)}`;
  // Numbered in reading order: name, description, heading, parts, outcomes.
  const description = field('做法简介', [h('p', { class: 'practice-description' }, practice.description.text, ' ', cite(practice, practice.description, counter))]);
  const heading = practice.heading ? field('所在章节', [h('p', { class: 'practice-heading' }, practice.heading.text, ' ', cite(practice, practice.heading, counter))]) : null;
  const parts = practice.components.length > 0 ? h('ol', { class: 'practice-parts-list' }, practice.components.map((part) => h('li', {}, part.text, ' ', cite(practice, part, counter)))) : null;
  const outcomes = practice.outcomes.length > 0 ? h('ul', { class: 'practice-outcomes' }, practice.outcomes.map((outcome) => h('li', {}, outcome.text, ' ', cite(practice, outcome, counter)))) : null;
  const sections = [
    description,
    heading,
    field('主要构成', [parts ?? h('p', { class: 'practice-none', text: '原文未逐项列出构成。' })]),
    field('取得成效', [outcomes ?? h('p', { class: 'practice-none', text: '原文在此做法附近未写明成效数据或荣誉。' })]),
  ];
  fields.replaceChildren(...sections.filter((section) => section !== null));
  similarList.replaceChildren(
    ...similar.map((item) =>
      h(
        'li',
        { class: 'similar-item' },
        h('a', { class: 'similar-name', href: `#/practices/${encodeURIComponent(item.id)}`, text: item.name }),
        h('p', { class: 'article-meta' }, [item.college || item.unit, item.category, formatDate(item.date)].filter(Boolean).map((part) => h('span', { text: part }))),
        h('p', { class: 'similar-reason', text: item.reason }),
      ),
    ),
  );
  if (similar.length === 0) similarList.append(h('li', { class: 'article-empty', text: '语料库中暂无其他院校的可比做法。' }));
}

/** Opens practice `id` (from #/practices/<id>). */
export async function showPractice(/** @type {string} */ id) {
  const mine = ++request;
  show(page, true);
  current = null;
  category.replaceChildren();
  name.textContent = '正在载入…';
  meta.replaceChildren();
  fields.replaceChildren();
  similarList.replaceChildren();
  try {
    const { practice, similar } = await fetchPractice(id);
    if (mine !== request) return;
    current = practice;
    renderPractice(practice, similar);
    document.title = `${practice.name.text} · 做法库`;
  } catch (error) {
    if (mine !== request) return;
    name.textContent = error instanceof ApiError && error.code === 'PRACTICE_NOT_FOUND' ? '没有找到这项做法（语料重新导入后可能已变化）' : `载入失败：${error instanceof Error ? error.message : String(error)}`;
  }
  name.focus();
}
