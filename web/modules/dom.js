/**
 * Small DOM helpers: an element builder, element lookup, dates, ids, the live region.
 *
 * @typedef {Node | string | null | undefined | false} Child
 */

/**
 * A tiny element builder. Text always goes in as text nodes (never parsed as HTML), attributes
 * through setAttribute, listeners through addEventListener: no inline handlers, nothing to escape.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [props] attributes; `class`, `text`, `dataset` and `on…` listeners are special
 * @param {...(Child | readonly Child[])} children nodes and strings, in arrays or not; null, undefined and false are skipped
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = String(value);
    else if (key === 'text') element.textContent = String(value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  element.append(.../** @type {unknown[]} */ (children).flat(Infinity).filter(/** @returns {child is Node | string} */ (child) => child !== null && child !== undefined && child !== false));
  return element;
}

/**
 * Shows or hides an element with the `hidden` attribute.
 * @param {HTMLElement} element
 * @param {boolean} visible
 */
export function show(element, visible) {
  element.hidden = !visible;
}

/** `2024-03-05` → `2024年3月5日`; anything else as it is. */
export function formatDate(/** @type {string | undefined} */ date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date ?? '';
}

/** A short relative time for the conversation list. */
export function formatWhen(/** @type {number} */ timestamp) {
  const then = new Date(timestamp);
  const now = new Date();
  if (Number.isNaN(then.getTime())) return '';
  const sameDay = then.toDateString() === now.toDateString();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  if (sameDay) return `今天 ${pad(then.getHours())}:${pad(then.getMinutes())}`;
  if (then.getFullYear() === now.getFullYear()) return `${then.getMonth() + 1}月${then.getDate()}日`;
  return `${then.getFullYear()}年${then.getMonth() + 1}月${then.getDate()}日`;
}

/** A random id safe for the protocol (letters, digits, `-`). */
export function randomId(/** @type {string} */ prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `${prefix}-${Date.now().toString(36)}-${[...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12)}`;
}

/**
 * The element with `id`, checked to be a `type` (HTMLElement by default): a page whose markup lost
 * an element fails at start with its id, not later on a null.
 * @template {typeof HTMLElement} [T=typeof HTMLElement]
 * @param {string} id
 * @param {T} [type]
 * @returns {InstanceType<T>}
 */
export function byId(id, type) {
  const element = document.getElementById(id);
  if (!(element instanceof (type ?? HTMLElement))) throw new Error(`the page has no ${type?.name ?? 'element'} #${id}`);
  return /** @type {InstanceType<T>} */ (element);
}

/** Says `text` to screen readers through the page's live region. */
export function announce(/** @type {string} */ text) {
  const live = byId('live-status');
  live.textContent = '';
  requestAnimationFrame(() => (live.textContent = text));
}
