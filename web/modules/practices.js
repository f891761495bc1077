/**
 * 做法库: the catalog of named practices as a category × college matrix with counts, a filtered
 * and searchable list, and Word / CSV export of what is shown. A matrix cell or a category row
 * filters the list; the filters live in the address (#/practices?category=…&college=…) so that
 * back and forward work and a view can be shared. One practice opens in practice-page.js.
 *
 * @typedef {import('./practice-data.js').CatalogSummary} CatalogSummary
 * @typedef {import('./practice-data.js').PracticeFilter} PracticeFilter
 * @typedef {import('./practice-data.js').PracticeSummary} PracticeSummary
 */
import { api, ApiError } from './api.js';
import { byId, formatDate, h, show } from './dom.js';
import { downloadBlob, fileName } from './export.js';
import { fetchCatalogSummary, fetchPractices, filterQuery } from './practice-data.js';

const library = byId('practices-library');
const count = byId('practices-count');
const query = byId('practices-query', HTMLInputElement);
const categorySelect = byId('practices-category', HTMLSelectElement);
const collegeSelect = byId('practices-college', HTMLSelectElement);
const yearSelect = byId('practices-year', HTMLSelectElement);
const matrix = byId('practices-matrix', HTMLTableElement);
const matrixNote = byId('practices-matrix-note');
const list = byId('practices-list');
const more = byId('practices-more', HTMLButtonElement);
const status = byId('practices-status');
const compareButton = byId('practices-compare', HTMLButtonElement);

/** Colleges the matrix shows as columns; the others are reached with the college filter. */
const matrixColumns = 12;
const pageSize = 50;

/** @type {PracticeFilter} */
let filter = {};
/** @type {PracticeSummary[]} */
let shown = [];
let total = 0;
let request = 0;
/** @type {(category: string) => void} */
let compare = () => {};

/** @param {{ onCompare: (category: string) => void }} options */
export function initPractices({ onCompare }) {
  compare = onCompare;
  byId('practices-filters').addEventListener('submit', (event) => event.preventDefault());
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typing;
  query.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => setFilter({ ...filter, q: query.value.trim() }), 250);
  });
  categorySelect.addEventListener('change', () => setFilter({ ...filter, category: categorySelect.value }));
  collegeSelect.addEventListener('change', () => setFilter({ ...filter, college: collegeSelect.value }));
  yearSelect.addEventListener('change', () => setFilter({ ...filter, year: yearSelect.value }));
  more.addEventListener('click', () => void loadList(true));
  byId('practices-export-docx').addEventListener('click', () => void download('docx'));
  byId('practices-export-csv').addEventListener('click', () => void download('csv'));
  compareButton.addEventListener('click', () => filter.category && compare(filter.category));
}

/** What the current filter shows, in words (for export names and the count line). */
function scopeLabel() {
  const parts = [filter.category, filter.college, filter.year ? `${filter.year}年` : '', filter.q ? `“${filter.q}”` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : '全部做法';
}

/** Shows the library with the filter of the address (`params` of #/practices?…). */
export async function showLibrary(/** @type {URLSearchParams} */ params) {
  show(library, true);
  filter = { category: params.get('category') ?? '', college: params.get('college') ?? '', year: params.get('year') ?? '', q: params.get('q') ?? '' };
  query.value = filter.q ?? '';
  document.title = '做法库 · 党建典型经验问答助手';
  try {
    const summary = await fetchCatalogSummary();
    fillFilters(summary);
    renderMatrix(summary);
  } catch (error) {
    renderFailure(error);
    return;
  }
  await loadList(false);
}

export function hideLibrary() {
  show(library, false);
}

/** A new filter: into the controls and the address (without a new history entry for every keystroke), then the view. */
function setFilter(/** @type {PracticeFilter} */ next) {
  filter = next;
  for (const [select, value] of /** @type {const} */ ([[categorySelect, filter.category], [collegeSelect, filter.college], [yearSelect, filter.year]])) {
    select.value = [...select.options].some((option) => option.value === value) ? (value ?? '') : '';
  }
  const params = filterQuery(filter);
  const search = params.toString();
  history.replaceState(null, '', `#/practices${search ? `?${search}` : ''}`);
  void fetchCatalogSummary().then(renderMatrix, () => undefined);
  void loadList(false);
}

/**
 * @param {HTMLSelectElement} select
 * @param {{ value: string, label: string }[]} options
 * @param {string} all
 * @param {string | undefined} current
 */
function fillSelect(select, options, all, current) {
  select.replaceChildren(h('option', { value: '', text: all }), ...options.map((option) => h('option', { value: option.value, text: option.label })));
  select.value = options.some((option) => option.value === current) ? (current ?? '') : '';
}

function fillFilters(/** @type {CatalogSummary} */ summary) {
  fillSelect(categorySelect, summary.categories.map((category) => ({ value: category.name, label: `${category.name}（${category.count}）` })), '全部类别', filter.category);
  fillSelect(collegeSelect, summary.colleges.map((college) => ({ value: college.name, label: `${college.name}（${college.count}）` })), '全部院校', filter.college);
  fillSelect(yearSelect, summary.years.map((year) => ({ value: String(year.year), label: `${year.year}年` })), '全部年份', filter.year);
}

/** The category × college matrix: counts, each cell a filter; the current filter highlighted. */
function renderMatrix(/** @type {CatalogSummary} */ summary) {
  const columns = summary.colleges.slice(0, matrixColumns);
  if (filter.college && !columns.some((college) => college.name === filter.college)) {
    const chosen = summary.colleges.find((college) => college.name === filter.college);
    if (chosen) columns[columns.length - 1] = chosen;
  }
  const counts = new Map(summary.cells.map((cell) => [`${cell.category}\n${cell.college}`, cell.count]));
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'matrix-corner', text: '类别 \\ 院校' }),
    columns.map((college) => h('th', { scope: 'col', class: filter.college === college.name ? 'current' : undefined }, h('button', { type: 'button', class: 'matrix-college', title: `只看${college.name}的做法`, onclick: () => setFilter({ ...filter, college: filter.college === college.name ? '' : college.name, category: '' }) }, college.name))),
    h('th', { scope: 'col', text: '合计' }),
  );
  const rows = summary.categories.map((category) =>
    h(
      'tr',
      { class: filter.category === category.name ? 'current' : undefined },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'matrix-category', title: category.description, onclick: () => setFilter({ ...filter, category: filter.category === category.name ? '' : category.name, college: '' }) }, category.name)),
      columns.map((college) => {
        const value = counts.get(`${category.name}\n${college.name}`) ?? 0;
        const current = filter.category === category.name && filter.college === college.name;
        return h(
          'td',
          { class: current ? 'current' : undefined },
          value === 0
            ? h('span', { class: 'matrix-empty', 'aria-label': '无', text: '·' })
            : h('button', { type: 'button', class: 'matrix-cell', 'aria-label': `${college.name}：${category.name} ${value} 项`, 'aria-pressed': current ? 'true' : 'false', onclick: () => openCell(category.name, college.name) }, String(value)),
        );
      }),
      h('td', { class: 'matrix-total', text: String(category.count) }),
    ),
  );
  matrix.replaceChildren(h('thead', {}, head), h('tbody', {}, rows));
  const hidden = summary.colleges.length - columns.length;
  matrixNote.textContent = hidden > 0 ? `另有 ${hidden} 所院校（单位）未列出，可用“院校”筛选查看。` : '';
  show(matrixNote, hidden > 0);
  show(compareButton, Boolean(filter.category));
  compareButton.textContent = filter.category ? `院校对比：${filter.category}` : '院校对比本类别';
}

/** A cell of the matrix: its practices, listed right under it. */
function openCell(/** @type {string} */ category, /** @type {string} */ college) {
  setFilter({ ...filter, category, college });
  byId('practices-list-title').scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/** Loads the first page of the list (or, with `append`, the next one). */
async function loadList(/** @type {boolean} */ append) {
  const current = ++request;
  const offset = append ? shown.length : 0;
  count.textContent = '正在载入…';
  try {
    const page = await fetchPractices(filter, offset, pageSize);
    if (current !== request) return;
    shown = append ? [...shown, ...page.practices] : page.practices;
    total = page.total;
    renderList();
  } catch (error) {
    if (current === request) renderFailure(error);
  }
}

function renderList() {
  count.textContent = `${scopeLabel()}：共 ${total} 项做法`;
  const items = shown.map((practice) =>
    h(
      'li',
      { class: 'article-card practice-card' },
      h('p', { class: 'practice-card-category' }, h('span', { class: 'badge category', text: practice.category })),
      h('a', { class: 'article-link', href: `#/practices/${encodeURIComponent(practice.id)}` }, h('span', { class: 'article-title', text: practice.name })),
      h('p', { class: 'article-meta' }, [practice.college, practice.unit, formatDate(practice.date)].filter(Boolean).map((part) => h('span', { text: part }))),
      h('p', { class: 'practice-card-text', text: practice.description.text }),
      practice.components.length > 0 ? h('p', { class: 'practice-parts' }, practice.components.slice(0, 6).map((part) => h('span', { class: 'part', text: part }))) : null,
    ),
  );
  list.replaceChildren(...items);
  if (items.length === 0) list.append(h('li', { class: 'article-empty', text: total === 0 && !filter.q && !filter.category && !filter.college && !filter.year ? '语料库中还没有整理出做法。' : '没有符合条件的做法。' }));
  show(more, shown.length < total);
  more.textContent = `显示更多（还有 ${total - shown.length} 项）`;
}

function renderFailure(/** @type {unknown} */ error) {
  const message = error instanceof ApiError && error.code === 'INDEX_SCHEMA_MISMATCH' ? '当前索引还没有做法库，请重新导入语料（npm run ingest）后刷新。' : `做法库载入失败：${error instanceof Error ? error.message : String(error)}`;
  count.textContent = message;
  list.replaceChildren(h('li', { class: 'article-empty', text: message }));
  show(more, false);
}

/** Downloads what the filter shows as a Word comparison or CSV. */
async function download(/** @type {'docx' | 'csv'} */ format) {
  const params = filterQuery(filter);
  params.set('format', format);
  status.textContent = '正在生成…';
  try {
    const response = await api(`/api/practices/export?${params}`, { raw: true });
    downloadBlob(await response.blob(), fileName(`做法库：${scopeLabel()}`, format));
    status.textContent = format === 'docx' ? '已导出 Word 文档' : '已导出 CSV 文件';
  } catch (error) {
    status.textContent = `导出失败：${error instanceof Error ? error.message : String(error)}`;
  }
}
