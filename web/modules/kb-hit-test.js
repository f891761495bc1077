/**
 * 命中测试: a query through the retriever, showing each passage with its lexical (BM25) and vector
 * scores and places, the fused score that orders the list, and the filters applied.
 *
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').HitTestResult} HitTestResult
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').HitTestHit} HitTestHit
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').CorpusPage} CorpusPage
 */
import { byId, formatDate, h } from './dom.js';
import { kbApi } from './kb-api.js';

const form = byId('kb-hit-form', HTMLFormElement);
const input = byId('kb-hit-query', HTMLInputElement);
const college = byId('kb-hit-college', HTMLSelectElement);
const year = byId('kb-hit-year', HTMLSelectElement);
const k = byId('kb-hit-k', HTMLSelectElement);
const meta = byId('kb-hit-meta');
const list = byId('kb-hit-list');

/** @type {AbortController | null} */
let running = null;

export function initHitTest() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
}

/** Keeps the college and year choices in step with the corpus. */
export function setHitTestFacets(/** @type {CorpusPage['facets']} */ facets) {
  for (const [select, values, all, format] of /** @type {const} */ ([
    [college, facets.colleges, '全部院校', (/** @type {string} */ value) => value],
    [year, facets.years, '全部年份', (/** @type {string} */ value) => `${value}年`],
  ])) {
    const current = select.value;
    select.replaceChildren(h('option', { value: '', text: all }), ...values.map((value) => h('option', { value, text: format(value) })));
    if (values.includes(current)) select.value = current;
  }
}

const score = (/** @type {number | null} */ value, digits = 3) => (value === null ? '—' : value.toFixed(digits));
const place = (/** @type {number | null} */ rank) => (rank === null ? '未命中' : `第 ${rank} 名`);

function hitNode(/** @type {HitTestHit} */ hit, /** @type {HitTestResult['mode']} */ mode) {
  return h(
    'li',
    { class: 'kb-hit' },
    h(
      'div',
      { class: 'kb-hit-head' },
      h('span', { class: 'kb-hit-rank', text: String(hit.rank) }),
      h('a', { class: 'kb-hit-title', href: `#/browse/${encodeURIComponent(hit.docId)}`, text: hit.title || hit.docId }),
      h('span', { class: 'kb-hit-doc', text: [hit.college, hit.unit, formatDate(hit.date)].filter(Boolean).join(' · ') }),
    ),
    hit.headingPath.length > 0 ? h('p', { class: 'kb-hit-path', text: hit.headingPath.join(' › ') }) : null,
    h('p', { class: 'kb-hit-text', text: hit.text }),
    h(
      'dl',
      { class: 'kb-scores' },
      h('div', {}, h('dt', { text: '融合得分' }), h('dd', { text: score(hit.fused, 4) })),
      h('div', {}, h('dt', { text: '关键词（BM25）' }), h('dd', { text: `${score(hit.lexical, 2)}（${place(hit.lexicalRank)}）` })),
      h('div', {}, h('dt', { text: '向量相似度' }), h('dd', { text: mode === 'hybrid' ? `${score(hit.vector)}（${place(hit.vectorRank)}）` : '未启用' })),
    ),
  );
}

async function run() {
  const query = input.value.trim();
  if (!query) return;
  running?.abort();
  const controller = new AbortController();
  running = controller;
  meta.textContent = '正在检索…';
  const params = new URLSearchParams({ q: query, k: k.value });
  if (college.value) params.set('college', college.value);
  if (year.value) params.set('year', year.value);
  try {
    /** @type {HitTestResult} */
    const result = await kbApi(`/api/kb/hit-test?${params}`, { signal: controller.signal });
    if (running !== controller) return;
    const filters = [result.filters.college ? `院校：${result.filters.college}` : '', result.filters.year ? `年份：${result.filters.year}` : ''].filter(Boolean);
    const parts = [
      h('span', { text: result.mode === 'hybrid' ? '混合检索（关键词 + 向量，按名次融合）' : '关键词检索（未加载语义模型，没有向量得分）' }),
      h('span', { text: `检索词：${result.words.join(' / ') || '（无）'}` }),
      h('span', { text: `筛选：${filters.join('，') || '无'}` }),
      result.namedColleges.length === 1 && !result.filters.college ? h('span', { text: `问题提到 ${result.namedColleges[0]}：问答时只会检索该院校的文章` }) : null,
      h('span', { text: `返回 ${result.hits.length} 段，用时 ${result.timings.totalMs} ms` }),
    ];
    meta.replaceChildren(...parts.filter((part) => part !== null));
    list.replaceChildren(...result.hits.map((hit) => hitNode(hit, result.mode)));
    if (result.hits.length === 0) list.append(h('li', { class: 'kb-empty', text: '没有命中任何段落：知识库里可能没有相关内容，或者换个说法再试。' }));
  } catch (error) {
    if (/** @type {Error} */ (error)?.name === 'AbortError') return;
    meta.textContent = `检索失败：${error instanceof Error ? error.message : String(error)}`;
    list.replaceChildren();
  }
}
