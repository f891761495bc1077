/**
 * 语料库: the corpus as a table (file, title, 院校, 单位, date, passages, when added, status),
 * sorted and filtered on the server, with full-text search over the articles' text; each article
 * can be corrected (标题, 院校, 单位, 日期) or deleted, both through the same incremental ingest.
 *
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').CorpusPage} CorpusPage
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').CorpusRow} CorpusRow
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').CorpusRowStatus} CorpusRowStatus
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').KnowledgeBaseJob} KnowledgeBaseJob
 */
import { ApiError } from './api.js';
import { byId, formatDate, formatWhen, h, show } from './dom.js';
import { kbApi } from './kb-api.js';
import { reasonText, statusNames } from './kb-results.js';

const head = byId('kb-table-head');
const body = byId('kb-table-body');
const count = byId('kb-corpus-count');
const text = byId('kb-text', HTMLInputElement);
const filter = byId('kb-q', HTMLInputElement);
const college = byId('kb-college', HTMLSelectElement);
const year = byId('kb-year', HTMLSelectElement);
const status = byId('kb-status', HTMLSelectElement);
const prev = byId('kb-prev', HTMLButtonElement);
const next = byId('kb-next', HTMLButtonElement);
const page = byId('kb-page');
const editDialog = byId('kb-edit-dialog', HTMLDialogElement);
const editForm = byId('kb-edit-form', HTMLFormElement);
const editDoc = byId('kb-edit-doc');
const editError = byId('kb-edit-error');
const collegeOptions = byId('kb-college-options');
const deleteDialog = byId('kb-delete-dialog', HTMLDialogElement);
const deleteText = byId('kb-delete-text');

/** @typedef {'title' | 'college' | 'unit' | 'date'} EditableField */
/** @type {EditableField[]} */
const editable = ['title', 'college', 'unit', 'date'];
const fieldNames = { title: '标题', college: '院校', unit: '单位', date: '日期' };

/** @type {{ key: string, label: string, sort?: string }[]} */
const columns = [
  { key: 'sourcePath', label: '文件', sort: 'sourcePath' },
  { key: 'title', label: '标题', sort: 'title' },
  { key: 'college', label: '院校', sort: 'college' },
  { key: 'unit', label: '单位', sort: 'unit' },
  { key: 'date', label: '日期', sort: 'date' },
  { key: 'passages', label: '段落', sort: 'passages' },
  { key: 'addedAt', label: '添加时间', sort: 'addedAt' },
  { key: 'status', label: '状态', sort: 'status' },
  { key: 'actions', label: '操作' },
];

const pageSize = 50;
const query = { sort: '', order: '', offset: 0 };
/** @type {AbortController | null} */
let loading = null;
/** @type {Map<string, string>} row key → what is happening to it until its job has run */
const busyRows = new Map();
/** @type {CorpusRow | null} */
let editing = null;
/** @type {CorpusRow | null} */
let deleting = null;
/** @type {(text: string) => void} */
let say = () => {};
/** @type {(page: CorpusPage) => void} */
let onPage = () => {};

/**
 * @param {{ announce: (text: string) => void, onPage: (page: CorpusPage) => void }} options
 */
export function initCorpusTable(options) {
  say = options.announce;
  onPage = options.onPage;
  status.append(...Object.entries(statusNames).map(([value, label]) => h('option', { value, text: label })));
  byId('kb-filters').addEventListener('submit', (event) => event.preventDefault());
  let timer = 0;
  for (const control of [text, filter]) {
    control.addEventListener('input', () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => reload(true), 300);
    });
  }
  for (const control of [college, year, status]) control.addEventListener('change', () => reload(true));
  prev.addEventListener('click', () => {
    query.offset = Math.max(0, query.offset - pageSize);
    void reloadTable();
  });
  next.addEventListener('click', () => {
    query.offset += pageSize;
    void reloadTable();
  });
  editForm.addEventListener('submit', (event) => {
    const submitter = /** @type {SubmitEvent} */ (event).submitter;
    if (submitter instanceof HTMLButtonElement && submitter.value === 'save') {
      event.preventDefault();
      void saveCorrection();
    }
  });
  deleteDialog.addEventListener('close', () => {
    if (deleteDialog.returnValue === 'delete' && deleting) void remove(deleting);
    deleting = null;
  });
  renderHead();
}

function reload(fromStart = false) {
  if (fromStart) query.offset = 0;
  void reloadTable();
}

function renderHead() {
  const current = query.sort || (text.value.trim() ? 'relevance' : 'addedAt');
  head.replaceChildren(
    ...columns.map((column) => {
      if (!column.sort) return h('th', { scope: 'col', text: column.label });
      const sorted = current === column.sort;
      const order = sorted ? query.order || (column.sort === 'addedAt' || column.sort === 'date' || column.sort === 'passages' ? 'desc' : 'asc') : '';
      return h(
        'th',
        { scope: 'col', 'aria-sort': sorted ? (order === 'asc' ? 'ascending' : 'descending') : undefined },
        h('button', {
          type: 'button',
          class: 'kb-sort',
          text: `${column.label}${sorted ? (order === 'asc' ? ' ↑' : ' ↓') : ''}`,
          onclick: () => {
            query.order = sorted ? (order === 'asc' ? 'desc' : 'asc') : '';
            query.sort = /** @type {string} */ (column.sort);
            reload(true);
          },
        }),
      );
    }),
  );
}

/** Loads the current page of the table. */
export async function reloadTable() {
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  const params = new URLSearchParams({ offset: String(query.offset), limit: String(pageSize) });
  const fields = { text: text.value.trim(), q: filter.value.trim(), college: college.value, year: year.value, status: status.value, sort: query.sort, order: query.sort ? query.order : '' };
  for (const [name, value] of Object.entries(fields)) if (value) params.set(name, value);
  try {
    /** @type {CorpusPage} */
    const result = await kbApi(`/api/kb/documents?${params}`, { signal: controller.signal });
    if (loading !== controller) return;
    renderHead();
    renderRows(result);
    fillFilters(result.facets);
    onPage(result);
  } catch (error) {
    if (/** @type {Error} */ (error)?.name === 'AbortError') return;
    body.replaceChildren(h('tr', {}, h('td', { colspan: columns.length, class: 'kb-empty', text: `载入失败：${error instanceof Error ? error.message : String(error)}` })));
  }
}

/** @param {HTMLSelectElement} select @param {string[]} values @param {string} all */
function fillSelect(select, values, all, format = (/** @type {string} */ value) => value) {
  const current = select.value;
  select.replaceChildren(h('option', { value: '', text: all }), ...values.map((value) => h('option', { value, text: format(value) })));
  if (values.includes(current)) select.value = current;
}

function fillFilters(/** @type {CorpusPage['facets']} */ facets) {
  fillSelect(college, facets.colleges, '全部院校');
  fillSelect(year, facets.years, '全部年份', (value) => `${value}年`);
  collegeOptions.replaceChildren(...facets.colleges.map((name) => h('option', { value: name })));
  for (const option of status.options) {
    const value = /** @type {CorpusRowStatus | ''} */ (option.value);
    if (value) option.textContent = `${statusNames[value]}（${facets.statuses[value]}）`;
  }
}

/** Text with the searched words marked (text nodes only). */
function marked(/** @type {string} */ snippet, /** @type {string[]} */ words) {
  const wanted = words.filter((word) => word.length > 0).sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [snippet];
  const pattern = new RegExp(wanted.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  /** @type {(Node | string)[]} */
  const parts = [];
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    parts.push(snippet.slice(last, match.index), h('mark', { text: match[0] }));
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(snippet.slice(last));
  return parts;
}

function statusCell(/** @type {CorpusRow} */ row) {
  const busy = busyRows.get(row.key);
  if (busy) return h('td', {}, h('span', { class: 'kb-status busy', text: busy }));
  const detail =
    row.status === 'skipped'
      ? `${reasonText(row.reason)}${row.message ? `：${row.message}` : ''}`
      : row.status === 'duplicate'
        ? `与《${row.duplicateOf?.title ?? ''}》重复`
        : row.status === 'updating'
          ? '文件已改动，下次导入时更新'
          : row.status === 'pending'
            ? '尚未导入'
            : '';
  return h('td', {}, h('span', { class: `kb-status ${row.status}`, title: detail || undefined, text: statusNames[row.status] }), detail && row.status !== 'pending' ? h('span', { class: 'kb-status-detail', text: detail }) : null);
}

function rowNode(/** @type {CorpusRow} */ row, /** @type {string[]} */ words) {
  const corrected = new Set(row.corrected);
  const cell = (/** @type {EditableField} */ field, /** @type {string} */ value) =>
    h('td', { class: corrected.has(field) ? 'corrected' : undefined, title: corrected.has(field) ? '已人工更正' : undefined }, value);
  const title = row.docId
    ? h('a', { href: `#/browse/${encodeURIComponent(row.docId)}`, text: row.title })
    : h('span', { text: row.title });
  const copies = row.duplicates.length > 0 ? h('span', { class: 'kb-note', text: `另有 ${row.duplicates.length} 个相同内容的文件已合并` }) : null;
  const snippet = row.snippet ? h('span', { class: 'kb-snippet' }, marked(row.snippet, words)) : null;
  const busy = busyRows.has(row.key);
  return h(
    'tr',
    { dataset: { key: row.key, status: row.status } },
    h('td', { class: 'kb-file', title: row.originalName ? `上传时的文件名：${row.originalName}` : undefined }, row.sourcePath),
    h('td', { class: `kb-title-cell${corrected.has('title') ? ' corrected' : ''}` }, title, copies, snippet),
    cell('college', row.college),
    cell('unit', row.unit),
    cell('date', formatDate(row.date)),
    h('td', { class: 'kb-number', text: row.passages ? String(row.passages) : '' }),
    h('td', { title: row.addedBy === 'upload' ? '在本页上传' : '在服务器语料库文件夹中添加或修改', text: row.addedAt ? formatWhen(Date.parse(row.addedAt)) : '' }),
    statusCell(row),
    h(
      'td',
      { class: 'kb-actions' },
      row.docId && row.status !== 'removing' ? h('button', { type: 'button', class: 'link-button', disabled: busy, text: '更正', 'aria-label': `更正《${row.title}》的信息`, onclick: () => openEditor(row) }) : null,
      row.status !== 'removing' ? h('button', { type: 'button', class: 'link-button danger', disabled: busy, text: '删除', 'aria-label': `删除《${row.title}》`, onclick: () => confirmDelete(row) }) : null,
    ),
  );
}

function renderRows(/** @type {CorpusPage} */ result) {
  const words = text.value.trim() ? [text.value.trim(), ...text.value.trim().split(/\s+/)] : [];
  body.replaceChildren(...result.rows.map((row) => rowNode(row, words)));
  if (result.rows.length === 0) body.append(h('tr', {}, h('td', { colspan: columns.length, class: 'kb-empty', text: result.total === 0 && !text.value && !filter.value ? '语料库中还没有文章，请先上传。' : '没有符合条件的文章。' })));
  count.textContent = `（${result.total} 项）`;
  const last = Math.min(result.total, result.offset + result.rows.length);
  page.textContent = result.total > 0 ? `第 ${result.offset + 1}–${last} 项，共 ${result.total} 项` : '';
  prev.disabled = result.offset === 0;
  next.disabled = last >= result.total;
}

function openEditor(/** @type {CorpusRow} */ row) {
  editing = row;
  editDoc.textContent = `文件：${row.sourcePath}`;
  for (const field of editable) {
    const input = /** @type {HTMLInputElement} */ (editForm.elements.namedItem(field));
    input.value = row[field];
  }
  show(editError, false);
  editDialog.showModal();
}

async function saveCorrection() {
  const row = editing;
  if (!row?.docId) return;
  /** @type {Partial<Record<EditableField, string | null>>} */
  const change = {};
  for (const field of editable) {
    const value = /** @type {HTMLInputElement} */ (editForm.elements.namedItem(field)).value.trim();
    if (value === row[field]) continue;
    // Emptied: back to what ingest extracts (only a corrected field has anything to undo).
    if (value === '') {
      if (row.corrected.includes(field)) change[field] = null;
    } else change[field] = value;
  }
  if (Object.keys(change).length === 0) {
    editDialog.close();
    return;
  }
  try {
    const { job } = await kbApi(`/api/kb/documents/${encodeURIComponent(row.docId)}`, { method: 'PATCH', body: change });
    editDialog.close();
    busyRows.set(row.key, '正在重新导入…');
    watchJob(job, [row.key]);
    const changed = Object.keys(change).map((field) => fieldNames[/** @type {EditableField} */ (field)]).join('、');
    say(`已保存《${row.title}》的${changed}，正在重新导入`);
    void reloadTable();
  } catch (error) {
    editError.textContent = error instanceof ApiError ? error.message : String(error);
    show(editError, true);
  }
}

function confirmDelete(/** @type {CorpusRow} */ row) {
  deleting = row;
  const copies = row.duplicates.length > 0 ? `内容相同的 ${row.duplicates.length} 个文件（${row.duplicates.map((copy) => copy.sourcePath).join('、')}）也会一起删除，否则它们会顶替这篇文章。` : '';
  const where = row.docId && row.sourcePath.endsWith('.jsonl') ? '这篇文章会从该 .jsonl 文件的导入中排除。' : `文件 ${row.sourcePath} 会移到语料库的 .trash 文件夹（30 天后清除）。`;
  deleteText.textContent = `确定从知识库删除《${row.title}》吗？${where}${copies}删除后，问答中不会再引用它。`;
  deleteDialog.showModal();
}

async function remove(/** @type {CorpusRow} */ row) {
  try {
    const { job } = row.docId
      ? await kbApi(`/api/kb/documents/${encodeURIComponent(row.docId)}`, { method: 'DELETE' })
      : await kbApi(`/api/kb/files?${new URLSearchParams({ path: row.sourcePath })}`, { method: 'DELETE' });
    busyRows.set(row.key, '正在删除…');
    watchJob(job, [row.key]);
    say(`正在删除《${row.title}》`);
    void reloadTable();
  } catch (error) {
    say(`删除失败：${error instanceof Error ? error.message : String(error)}`);
    window.alert(`删除失败：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** @type {Map<string, string[]>} job id → the rows it keeps busy */
const jobRows = new Map();

/** @param {KnowledgeBaseJob} job @param {string[]} keys */
function watchJob(job, keys) {
  jobRows.set(job.id, keys);
  if (job.state !== 'waiting') onTableJob(job);
}

/** A job finished (event socket): its rows are settled and the table reloads. */
export function onTableJob(/** @type {KnowledgeBaseJob} */ job) {
  if (job.state === 'waiting') return;
  for (const key of jobRows.get(job.id) ?? []) busyRows.delete(key);
  jobRows.delete(job.id);
  if (job.state === 'failed' && job.message) say(job.message);
  void reloadTable();
}
