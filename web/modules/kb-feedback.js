/**
 * 用户反馈: what users said about answers (有用 / 没用 and their comments), newest first, 没用 only when
 * asked, with the answer and its sources for each, and the list as CSV for a spreadsheet. This is
 * how an office learns which questions the corpus cannot answer yet.
 *
 * @typedef {import('../../core/store/app-store.ts').FeedbackPage} FeedbackPage
 * @typedef {import('../../core/store/app-store.ts').FeedbackRecord} FeedbackRecord
 */
import { byId, formatWhen, h } from './dom.js';
import { downloadBlob, modeNames } from './export.js';
import { thumbIcon } from './icons.js';
import { kbApi } from './kb-api.js';

const filters = byId('kb-feedback-filters', HTMLFormElement);
const search = byId('kb-feedback-q', HTMLInputElement);
const list = byId('kb-feedback-list');
const count = byId('kb-feedback-count');
const prev = byId('kb-feedback-prev', HTMLButtonElement);
const next = byId('kb-feedback-next', HTMLButtonElement);
const page = byId('kb-feedback-page');

const pageSize = 20;
let offset = 0;
/** @type {(text: string) => void} */
let say = () => {};

function rating() {
  const checked = filters.querySelector('input[name="kb-rating"]:checked');
  return checked instanceof HTMLInputElement ? checked.value : '';
}

/** @param {{ announce: (text: string) => void }} options */
export function initFeedbackList({ announce }) {
  say = announce;
  filters.addEventListener('submit', (event) => event.preventDefault());
  filters.addEventListener('change', () => {
    offset = 0;
    void reloadFeedback();
  });
  let timer = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      offset = 0;
      void reloadFeedback();
    }, 300);
  });
  prev.addEventListener('click', () => {
    offset = Math.max(0, offset - pageSize);
    void reloadFeedback();
  });
  next.addEventListener('click', () => {
    offset += pageSize;
    void reloadFeedback();
  });
  byId('kb-feedback-export').addEventListener('click', () => void exportCsv());
}

function recordNode(/** @type {FeedbackRecord} */ record) {
  const citations = [...record.citations].sort((a, b) => a.n - b.n);
  return h(
    'li',
    { class: `kb-feedback-item rating-${record.rating}` },
    h(
      'div',
      { class: 'kb-feedback-head' },
      h('span', { class: `kb-rating ${record.rating}` }, thumbIcon(record.rating), record.rating === 'up' ? '有用' : '没用'),
      h('span', { class: `badge mode-${record.mode}`, text: modeNames[record.mode] ?? record.mode }),
      h('time', { dateTime: record.updatedAt, text: formatWhen(Date.parse(record.updatedAt)) }),
    ),
    h('p', { class: 'kb-feedback-question', text: record.question }),
    record.comment ? h('blockquote', { class: 'kb-feedback-comment', text: record.comment }) : h('p', { class: 'kb-note', text: '（没有留言）' }),
    h(
      'details',
      { class: 'kb-feedback-answer' },
      h('summary', { text: `查看回答${citations.length ? `和 ${citations.length} 条来源` : ''}` }),
      h('p', { class: 'kb-feedback-text', text: record.answer }),
      citations.length > 0
        ? h('ol', { class: 'kb-feedback-sources' }, citations.map((citation) => h('li', {}, h('span', { class: 'source-n', text: String(citation.n) }), ` 《${citation.title}》${citation.college ? ` ${citation.college}` : ''}：${citation.quote}`)))
        : null,
      record.searchedFor && record.searchedFor !== record.question ? h('p', { class: 'kb-note', text: `按“${record.searchedFor}”检索 · ${record.engine}` }) : null,
    ),
  );
}

/** Loads the current page of feedback. */
export async function reloadFeedback() {
  const params = new URLSearchParams({ offset: String(offset), limit: String(pageSize) });
  if (rating()) params.set('rating', rating());
  if (search.value.trim()) params.set('q', search.value.trim());
  try {
    /** @type {FeedbackPage} */
    const result = await kbApi(`/api/kb/feedback?${params}`);
    count.textContent = `（有用 ${result.counts.up} · 没用 ${result.counts.down}）`;
    list.replaceChildren(...result.items.map(recordNode));
    if (result.items.length === 0) list.append(h('li', { class: 'kb-empty', text: result.counts.up + result.counts.down === 0 ? '还没有用户反馈。问答页每条回答下都可以选择“有用”或“没用”。' : '没有符合条件的反馈。' }));
    const last = offset + result.items.length;
    page.textContent = result.total > 0 ? `第 ${offset + 1}–${last} 条，共 ${result.total} 条` : '';
    prev.disabled = offset === 0;
    next.disabled = last >= result.total;
  } catch (error) {
    list.replaceChildren(h('li', { class: 'kb-empty', text: `载入失败：${error instanceof Error ? error.message : String(error)}` }));
  }
}

async function exportCsv() {
  const params = new URLSearchParams();
  if (rating()) params.set('rating', rating());
  try {
    /** @type {Response} */
    const response = await kbApi(`/api/kb/feedback.csv?${params}`, { raw: true });
    const day = new Date().toISOString().slice(0, 10);
    downloadBlob(await response.blob(), `答案反馈${rating() === 'down' ? '（没用）' : rating() === 'up' ? '（有用）' : ''}-${day}.csv`);
    say('已导出 CSV 文件');
  } catch (error) {
    say(`导出失败：${error instanceof Error ? error.message : String(error)}`);
  }
}
