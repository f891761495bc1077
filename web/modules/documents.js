/**
 * The corpus as the page sees it: article fetches (cached), labels, and the lists filters offer.
 *
 * @typedef {object} DocumentSummary An article as GET /api/documents lists it.
 * @property {string} docId
 * @property {string} title
 * @property {string} [college]
 * @property {string} [unit]
 * @property {string} [date]
 * @property {string} [source]
 * @property {string} [url]
 * @property {number} chunkCount
 *
 * @typedef {object} Heading A heading line of an article, by its offsets in the cleaned text.
 * @property {number} start
 * @property {number} end
 * @property {number} level
 * @property {string} text
 *
 * @typedef {DocumentSummary & { author?: string, text: string, headings: Heading[] }} Article
 *   An article as GET /api/documents/:docId returns it.
 */
import { api } from './api.js';

/** @type {Map<string, Promise<Article>>} */
const cache = new Map();

/**
 * GET /api/documents/:docId, once per article (a failed fetch is retried next time).
 * @param {string} docId
 * @returns {Promise<Article>}
 */
export function fetchDocument(docId) {
  let promise = cache.get(docId);
  if (!promise) {
    promise = api(`/api/documents/${encodeURIComponent(docId)}`);
    cache.set(docId, promise);
    promise.catch(() => cache.delete(docId));
  }
  return promise;
}

export function clearDocumentCache() {
  cache.clear();
}

/** How an article is named: its title, else its college and unit (as the server labels citations). */
export function documentLabel(/** @type {{ title?: string, college?: string, unit?: string, docId: string }} */ document) {
  return document.title || `${document.college ?? ''}${document.unit ?? ''}` || document.docId;
}

/** Colleges, most articles first. */
export function collegesOf(/** @type {DocumentSummary[]} */ documents) {
  const counts = new Map();
  for (const document of documents) if (document.college) counts.set(document.college, (counts.get(document.college) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([college]) => college);
}

/** Years with articles, newest first. */
export function yearsOf(/** @type {DocumentSummary[]} */ documents) {
  return [...new Set(documents.map((document) => /^\d{4}/.exec(document.date ?? '')?.[0]).filter((year) => year !== undefined))].sort().reverse();
}
