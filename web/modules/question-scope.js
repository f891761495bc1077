/**
 * What the next question is asked with: its mode (问答, 会议材料, 院校对比) and its filters (院校,
 * 年份, and 本文: one article, from 就本文提问), each active filter shown as a removable chip above
 * the question box. On a phone the two selects fold behind 筛选; the chips stay.
 *
 * The question box follows the open conversation: a new conversation starts clean (问答, no
 * filters); opening a conversation, or reloading the page on it, brings back the mode and filters
 * of its last question.
 *
 * @typedef {import('../../core/answer/protocol.ts').AnswerMode} AnswerMode
 * @typedef {import('./store.js').PageFilters} PageFilters
 * @typedef {import('./store.js').Conversation} Conversation
 */
import { announce, byId, h, show } from './dom.js';
import { state } from './state.js';

const composer = byId('composer', HTMLFormElement);
const input = byId('composer-input', HTMLTextAreaElement);
const collegeSelect = byId('filter-college', HTMLSelectElement);
const yearSelect = byId('filter-year', HTMLSelectElement);
const chips = byId('scope-chips');
const toggle = byId('filters-toggle', HTMLButtonElement);

/** @type {Record<AnswerMode, string>} */
const placeholders = {
  qa: '请输入问题，例如：如何打造党建特色品牌？',
  summary: '请输入材料主题，例如：党建引领人才培养（生成含背景、做法、成效、启示的会议材料）',
  compare: '请输入对比主题，例如：党史学习教育（按院校列出做法与成效）',
};

/**
 * The filters as chosen, whether or not the selects have the options yet (the document list
 * arrives after a saved conversation is shown).
 * @type {PageFilters}
 */
let chosen = {};

/** @returns {AnswerMode} */
export function currentMode() {
  const checked = composer.querySelector('input[name="mode"]:checked');
  return checked instanceof HTMLInputElement && checked.value in placeholders ? /** @type {AnswerMode} */ (checked.value) : 'qa';
}

/** The filters the next question is asked with (a copy). */
export function currentFilters() {
  return { ...chosen };
}

/** Checks the radio of `mode`; the placeholder and the page's `data-mode` follow. */
export function setMode(/** @type {AnswerMode} */ mode) {
  const radio = composer.querySelector(`input[name="mode"][value="${mode}"]`);
  if (radio instanceof HTMLInputElement) radio.checked = true;
  document.body.dataset.mode = currentMode();
  updatePlaceholder();
}

function updatePlaceholder() {
  input.placeholder = chosen.docId && currentMode() === 'qa' ? '就这篇文章提问，例如：有哪些具体做法？取得了哪些成效？' : placeholders[currentMode()];
}

/**
 * Sets the mode and the filters together.
 * @param {AnswerMode} mode
 * @param {PageFilters} filters
 */
export function setScope(mode, filters) {
  setMode(mode);
  chosen = { ...filters };
  applyToSelects();
  renderChips();
}

/** A new conversation: 问答, no filters. */
export function resetScope() {
  setScope('qa', {});
}

/** The mode and filters of `conversation`'s last question, or a clean start. */
export function followConversation(/** @type {Conversation | null} */ conversation) {
  const last = conversation?.messages.findLast((message) => message.role === 'user');
  if (last?.role === 'user') setScope(last.mode, last.filters);
  else resetScope();
}

/** The selects got their options (GET /api/documents): show the chosen values again. */
export function refreshScope() {
  applyToSelects();
  renderChips();
}

/**
 * @param {HTMLSelectElement} select
 * @param {string} value
 * @param {string} label
 */
function selectValue(select, value, label) {
  // A saved conversation may name a college the corpus no longer has: keep it visible, not lost.
  if (value && ![...select.options].some((option) => option.value === value)) select.append(h('option', { value, text: label }));
  select.value = value;
}

function applyToSelects() {
  selectValue(collegeSelect, chosen.college ?? '', chosen.college ?? '');
  selectValue(yearSelect, chosen.year ? String(chosen.year) : '', `${chosen.year}年`);
}

/** How many articles of the corpus (in the chosen college) state no date: a year filter lets them through. */
function undatedCount() {
  return state.documents.filter((document) => !/^\d{4}/.test(document.date ?? '') && (!chosen.college || document.college === chosen.college)).length;
}

/**
 * @param {string} text what the chip says
 * @param {string} name what removing it is called
 * @param {() => void} remove
 * @param {string} [note] a remark beside the chip
 */
function chip(text, name, remove, note) {
  return h(
    'span',
    { class: 'chip' },
    h('span', { class: 'chip-text', text }),
    note ? h('span', { class: 'chip-note', text: note }) : null,
    h('button', {
      type: 'button',
      class: 'chip-remove',
      'aria-label': `移除筛选：${name}`,
      title: '移除这个筛选',
      onclick: () => {
        remove();
        applyToSelects();
        renderChips();
        announce(`已移除筛选：${name}`);
        input.focus();
      },
    }, h('span', { 'aria-hidden': 'true', text: '✕' })),
  );
}

function renderChips() {
  const parts = [];
  if (chosen.docId) {
    const title = chosen.docTitle || chosen.docId;
    parts.push(chip(`本文：《${title}》`, `本文《${title}》`, () => {
      delete chosen.docId;
      delete chosen.docTitle;
    }));
  }
  if (chosen.college) parts.push(chip(`院校：${chosen.college}`, chosen.college, () => delete chosen.college));
  if (chosen.year) {
    const undated = undatedCount();
    parts.push(chip(`年份：${chosen.year}年`, `${chosen.year}年`, () => delete chosen.year, undated ? `含 ${undated} 篇未注明日期的文章` : undefined));
  }
  updatePlaceholder();
  chips.replaceChildren(...parts);
  show(chips, parts.length > 0);
  toggle.textContent = parts.length ? `筛选 · ${parts.length}` : '筛选';
}

function setFiltersOpen(/** @type {boolean} */ open) {
  composer.classList.toggle('filters-open', open);
  toggle.setAttribute('aria-expanded', String(open));
}

export function initQuestionScope() {
  for (const radio of composer.querySelectorAll('input[name="mode"]')) radio.addEventListener('change', () => setMode(currentMode()));
  collegeSelect.addEventListener('change', () => {
    if (collegeSelect.value) chosen.college = collegeSelect.value;
    else delete chosen.college;
    renderChips();
  });
  yearSelect.addEventListener('change', () => {
    if (yearSelect.value) chosen.year = Number(yearSelect.value);
    else delete chosen.year;
    renderChips();
  });
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    setFiltersOpen(open);
    if (open) collegeSelect.focus();
  });
  resetScope();
}
