/** The corpus as the page sees it: article fetches (cached), labels, and the lists filters offer. */
import { api } from './api.js';

const cache = new Map();

/** GET /api/documents/:docId, once per article (a failed fetch is retried next time). */
export function fetchDocument(docId) {
  if (!cache.has(docId)) {
    const promise = api(`/api/documents/${encodeURIComponent(docId)}`);
    cache.set(docId, promise);
    promise.catch(() => cache.delete(docId));
  }
  return cache.get(docId);
}

export function clearDocumentCache() {
  cache.clear();
}

/** How an article is named: its title, else its college and unit (as the server labels citations). */
export function documentLabel(document) {
  return document.title || `${document.college ?? ''}${document.unit ?? ''}` || document.docId;
}

/** Colleges, most articles first. */
export function collegesOf(documents) {
  const counts = new Map();
  for (const document of documents) if (document.college) counts.set(document.college, (counts.get(document.college) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([college]) => college);
}

/** Years with articles, newest first. */
export function yearsOf(documents) {
  return [...new Set(documents.map((document) => /^\d{4}/.exec(document.date ?? '')?.[0]).filter(Boolean))].sort().reverse();
}
