/**
 * A tiny element builder. Text always goes in as text nodes (never parsed as HTML), attributes
 * through setAttribute, listeners through addEventListener: no inline handlers, nothing to escape.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Shows or hides an element with the `hidden` attribute. */
export function show(element, visible) {
  element.hidden = !visible;
}

/** `2024-03-05` → `2024年3月5日`; anything else as it is. */
export function formatDate(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date ?? '';
}

/** A short relative time for the conversation list. */
export function formatWhen(timestamp) {
  const then = new Date(timestamp);
  const now = new Date();
  if (Number.isNaN(then.getTime())) return '';
  const sameDay = then.toDateString() === now.toDateString();
  const pad = (n) => String(n).padStart(2, '0');
  if (sameDay) return `今天 ${pad(then.getHours())}:${pad(then.getMinutes())}`;
  if (then.getFullYear() === now.getFullYear()) return `${then.getMonth() + 1}月${then.getDate()}日`;
  return `${then.getFullYear()}年${then.getMonth() + 1}月${then.getDate()}日`;
}

/** A random id safe for the protocol (letters, digits, `-`). */
export function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `${prefix}-${Date.now().toString(36)}-${[...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12)}`;
}
