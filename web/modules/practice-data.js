/**
 * The 做法库 as the page reads it from /api/practices (server/routes/practices.ts): its types, the
 * calls, and a practice's cited field as a Citation the source panel can open.
 *
 * @typedef {import('../../core/answer/protocol.ts').Citation} Citation
 *
 * @typedef {object} CitedText A span of an article's cleaned text.
 * @property {string} text
 * @property {number} start
 * @property {number} end
 *
 * @typedef {object} PracticeSummary A practice as lists show it.
 * @property {string} id
 * @property {string} name
 * @property {string} category
 * @property {string} college
 * @property {string} unit
 * @property {string} date
 * @property {string} docId
 * @property {string} title
 * @property {CitedText} description
 * @property {string[]} components
 * @property {number} outcomes
 *
 * @typedef {object} Practice A practice with every field cited (GET /api/practices/:id).
 * @property {string} id
 * @property {string} docId
 * @property {string} title
 * @property {string} college
 * @property {string} unit
 * @property {string} date
 * @property {string} category
 * @property {CitedText} name
 * @property {CitedText | null} verb
 * @property {CitedText} description
 * @property {CitedText[]} components
 * @property {CitedText[]} outcomes
 * @property {CitedText | null} heading
 * @property {{ college: CitedText | null, unit: CitedText | null, date: CitedText | null }} stated
 *
 * @typedef {PracticeSummary & { score: number, sameCategory: boolean, shared: string[], reason: string }} SimilarPractice
 *
 * @typedef {object} CatalogSummary GET /api/practices/categories.
 * @property {number} total
 * @property {{ name: string, description: string, count: number }[]} categories
 * @property {{ name: string, count: number }[]} colleges
 * @property {{ year: number, count: number }[]} years
 * @property {{ category: string, college: string, count: number }[]} cells
 *
 * @typedef {object} PracticeFilter
 * @property {string} [category]
 * @property {string} [college]
 * @property {string} [year]
 * @property {string} [q]
 */
import { api } from './api.js';

/** @type {Promise<CatalogSummary> | null} */
let summary = null;

/** GET /api/practices/categories, once per page (a failure is retried next time). */
export function fetchCatalogSummary() {
  if (!summary) {
    summary = api('/api/practices/categories');
    summary.catch(() => (summary = null));
  }
  return /** @type {Promise<CatalogSummary>} */ (summary);
}

/** Forget what was fetched (a new token, or a new index). */
export function clearPracticeCache() {
  summary = null;
}

/** The query string of a filter (empty fields left out). */
export function filterQuery(/** @type {PracticeFilter} */ filter) {
  const params = new URLSearchParams();
  for (const key of /** @type {const} */ (['category', 'college', 'year', 'q'])) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}

/**
 * @param {PracticeFilter} filter
 * @param {number} offset
 * @param {number} limit
 * @returns {Promise<{ total: number, practices: PracticeSummary[] }>}
 */
export function fetchPractices(filter, offset, limit) {
  const params = filterQuery(filter);
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  return api(`/api/practices?${params}`);
}

/**
 * @param {string} id
 * @returns {Promise<{ practice: Practice, similar: SimilarPractice[] }>}
 */
export function fetchPractice(id) {
  return api(`/api/practices/${encodeURIComponent(id)}?similar=6`);
}

/**
 * A cited field of a practice as a citation numbered `n`, for the source panel.
 * @param {Practice} practice
 * @param {CitedText} field
 * @param {number} n
 * @returns {Citation}
 */
export function citationOf(practice, field, n) {
  return { n, chunkId: '', docId: practice.docId, title: practice.title || `${practice.college}${practice.unit}`, college: practice.college, date: practice.date, quote: field.text, start: field.start, end: field.end };
}

/**
 * The question 院校对比 asks about a category: its name and the words that describe it (党员先锋岗、
 * 积分管理…), which is what each college's passages are searched with.
 * @param {string} category
 * @returns {Promise<string>}
 */
export async function compareQuestion(category) {
  let description = '';
  try {
    description = (await fetchCatalogSummary()).categories.find((item) => item.name === category)?.description ?? '';
  } catch {
    // Without the summary the category's name alone still makes the question.
  }
  // The category is the taxonomy's label, not words of the articles: quoted, it would be a name the
  // answer must find as written.
  return `各院校在${category}方面${description ? `（${description}）` : ''}有哪些做法和成效？`;
}
