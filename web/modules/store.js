/**
 * Conversations kept in this browser's localStorage, under a versioned key. Reading is tolerant:
 * corrupt JSON or malformed entries are dropped (the raw text is kept aside once for inspection),
 * never thrown. Writing survives a full storage by dropping the oldest conversations.
 *
 * An assistant message keeps the fields of its `answer-end` (core/answer/protocol.ts).
 *
 * @typedef {import('../../core/answer/protocol.ts').AnswerEnd} AnswerEnd
 * @typedef {import('../../core/answer/protocol.ts').AnswerFilters} AnswerFilters
 * @typedef {import('../../core/answer/protocol.ts').AnswerMode} AnswerMode
 * @typedef {import('../../core/answer/protocol.ts').Citation} Citation
 *
 * @typedef {object} PageFilters What a question was asked within, as kept here: the protocol's
 *   filters (院校, 年份, and `docId` for 就本文提问) and the asked-about article's title to show.
 * @property {string} [college]
 * @property {number} [year]
 * @property {string} [docId]
 * @property {string} [docTitle]
 *
 * @typedef {object} UserMessage
 * @property {string} id
 * @property {'user'} role
 * @property {string} text
 * @property {AnswerMode} mode
 * @property {PageFilters} filters
 * @property {number} at
 *
 * @typedef {'pending' | 'streaming' | 'done' | 'error' | 'cancelled' | 'failed'} AnswerStatus
 *
 * @typedef {object} AssistantMessage
 * @property {string} id
 * @property {'assistant'} role
 * @property {string} questionId
 * @property {string} question
 * @property {AnswerMode} mode
 * @property {PageFilters} filters
 * @property {AnswerStatus} status
 * @property {string} text
 * @property {Citation[]} citations
 * @property {boolean} notFound
 * @property {AnswerEnd['table']} table
 * @property {{ code: string, message: string } | undefined} notice
 * @property {string} engine
 * @property {string} searchedFor
 * @property {{ code: string, message: string } | undefined} error
 * @property {number} at
 * @property {string[]} [suggestions] questions to ask next (from the answer-end)
 * @property {{ rating: 'up' | 'down', comment: string }} [feedback] what the user said about the answer
 * @property {AnswerEnd['practices']} [practices] practices of the 做法库 the question names
 *
 * @typedef {UserMessage | AssistantMessage} Message
 *
 * @typedef {object} Conversation
 * @property {string} id
 * @property {string} title
 * @property {boolean} titleEdited
 * @property {number} createdAt
 * @property {number} updatedAt
 * @property {Message[]} messages
 */

const storageKey = 'pbqa.conversations.v1';
const maxConversations = 200;

/** @type {ReadonlySet<unknown>} */
const modes = new Set(['qa', 'summary', 'compare']);
/** @type {ReadonlySet<unknown>} */
const statuses = new Set(['pending', 'streaming', 'done', 'error', 'cancelled', 'failed']);

// Stored data is checked field by field below, so these take it untyped.


/** @type {(value: unknown) => value is string} */
const isString = (value) => typeof value === 'string';
/** @type {(value: unknown) => value is number} */
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** @param {any} value @returns {Citation | null} */
function cleanCitation(value) {
  if (!value || typeof value !== 'object') return null;
  const { n, chunkId, docId, title, college, date, quote, start, end } = value;
  if (!isNumber(n) || !isString(docId) || !isNumber(start) || !isNumber(end)) return null;
  return { n, chunkId: String(chunkId ?? ''), docId, title: String(title ?? ''), college: String(college ?? ''), date: String(date ?? ''), quote: String(quote ?? ''), start, end };
}

/** @param {any} value @returns {PageFilters} */
function cleanFilters(value) {
  /** @type {PageFilters} */
  const filters = {};
  if (value && typeof value === 'object') {
    if (isString(value.college) && value.college) filters.college = value.college.slice(0, 100);
    if (isNumber(value.year)) filters.year = value.year;
    if (isString(value.docId) && value.docId) filters.docId = value.docId.slice(0, 500);
    if (filters.docId && isString(value.docTitle)) filters.docTitle = value.docTitle.slice(0, 200);
  }
  return filters;
}

/** The filters as the protocol takes them (the title is for showing only). */
export function wireFilters(/** @type {PageFilters} */ filters) {
  /** @type {AnswerFilters & { docId?: string }} */
  const wire = {};
  if (filters.college) wire.college = filters.college;
  if (filters.year) wire.year = filters.year;
  if (filters.docId) wire.docId = filters.docId;
  return wire;
}

/** Filters as words: `《本文》 · 嘉兴职业技术学院 · 2023年`; empty when there are none. */
export function filtersLabel(/** @type {PageFilters | undefined} */ filters) {
  const article = filters?.docId ? `《${filters.docTitle || filters.docId}》` : '';
  return [article, filters?.college, filters?.year ? `${filters.year}年` : ''].filter(Boolean).join(' · ');
}

/** @param {any} value @returns {Message | null} */
function cleanMessage(value) {
  if (!value || typeof value !== 'object' || !isString(value.id) || !isString(value.text)) return null;
  const at = isNumber(value.at) ? value.at : Date.now();
  /** @type {AnswerMode} */
  const mode = modes.has(value.mode) ? value.mode : 'qa';
  if (value.role === 'user') return { id: value.id, role: 'user', text: value.text, mode, filters: cleanFilters(value.filters), at };
  if (value.role !== 'assistant') return null;
  /** @type {AnswerStatus} */
  let status = statuses.has(value.status) ? value.status : 'done';
  // A page closed mid-answer: that answer will never arrive.
  if (status === 'pending' || status === 'streaming') status = 'failed';
  return {
    id: value.id,
    role: 'assistant',
    questionId: isString(value.questionId) ? value.questionId : '',
    question: isString(value.question) ? value.question : '',
    mode,
    filters: cleanFilters(value.filters),
    status,
    text: value.text,
    citations: Array.isArray(value.citations) ? /** @type {any[]} */ (value.citations).map(cleanCitation).filter((citation) => citation !== null) : [],
    notFound: value.notFound === true,
    table: value.table && typeof value.table === 'object' ? value.table : undefined,
    notice: value.notice && isString(value.notice.message) ? { code: String(value.notice.code ?? ''), message: value.notice.message } : undefined,
    engine: isString(value.engine) ? value.engine : '',
    searchedFor: isString(value.searchedFor) ? value.searchedFor : '',
    ...(Array.isArray(value.practices) ? { practices: /** @type {any[]} */ (value.practices).filter((link) => link && isString(link.id) && isString(link.name)).map((link) => ({ id: link.id, name: link.name, college: String(link.college ?? '') })) } : {}),
    error:
      value.error && isString(value.error.message)
        ? { code: String(value.error.code ?? ''), message: value.error.message }
        : status === 'failed'
          ? { code: 'INTERRUPTED', message: '页面关闭或连接中断，回答未完成。' }
          : undefined,
    at,
    suggestions: Array.isArray(value.suggestions) ? /** @type {unknown[]} */ (value.suggestions).filter(isString).slice(0, 5).map((text) => text.slice(0, 200)) : undefined,
    feedback:
      value.feedback && (value.feedback.rating === 'up' || value.feedback.rating === 'down')
        ? { rating: value.feedback.rating, comment: isString(value.feedback.comment) ? value.feedback.comment.slice(0, 2000) : '' }
        : undefined,
  };
}

/** @param {any} value @returns {Conversation | null} */
function cleanConversation(value) {
  if (!value || typeof value !== 'object' || !isString(value.id) || !Array.isArray(value.messages)) return null;
  const messages = /** @type {any[]} */ (value.messages).map(cleanMessage).filter((message) => message !== null);
  return {
    id: value.id,
    title: isString(value.title) && value.title.trim() ? value.title.slice(0, 100) : '未命名对话',
    titleEdited: value.titleEdited === true,
    createdAt: isNumber(value.createdAt) ? value.createdAt : Date.now(),
    updatedAt: isNumber(value.updatedAt) ? value.updatedAt : Date.now(),
    messages,
  };
}

/**
 * Reads the saved conversations (newest first) and the active one's id. Never throws.
 * @returns {{ conversations: Conversation[], activeId: string | null }}
 */
export function loadConversations() {
  let raw = null;
  try {
    raw = localStorage.getItem(storageKey);
  } catch {
    return { conversations: [], activeId: null };
  }
  if (!raw) return { conversations: [], activeId: null };
  try {
    const data = JSON.parse(raw);
    if (!data || typeof data !== 'object' || !Array.isArray(data.conversations)) throw new Error('unexpected shape');
    const conversations = /** @type {any[]} */ (data.conversations).map(cleanConversation).filter((conversation) => conversation !== null);
    const seen = new Set();
    const unique = conversations.filter((conversation) => !seen.has(conversation.id) && seen.add(conversation.id));
    unique.sort((a, b) => b.updatedAt - a.updatedAt);
    const activeId = isString(data.activeId) && seen.has(data.activeId) ? data.activeId : null;
    return { conversations: unique, activeId };
  } catch (error) {
    console.warn('对话记录已损坏，已重新开始：', error);
    try {
      localStorage.setItem(`${storageKey}.corrupt`, raw.slice(0, 1_000_000));
      localStorage.removeItem(storageKey);
    } catch {
      /* ignore */
    }
    return { conversations: [], activeId: null };
  }
}

/**
 * Saves; when storage is full, drops the oldest conversations (never the active one) and tries again.
 * @param {Conversation[]} conversations
 * @param {string | null} activeId
 */
export function saveConversations(conversations, activeId) {
  let list = conversations.slice(0, maxConversations);
  for (;;) {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ version: 1, activeId, conversations: list }));
      return true;
    } catch (error) {
      const oldest = [...list].reverse().find((conversation) => conversation.id !== activeId);
      if (!oldest || !/quota/i.test(String(/** @type {any} */ (error)?.name ?? error))) return false;
      list = list.filter((conversation) => conversation !== oldest);
    }
  }
}

/** @param {string} id @returns {Conversation} */
export function newConversation(id) {
  const now = Date.now();
  return { id, title: '新对话', titleEdited: false, createdAt: now, updatedAt: now, messages: [] };
}

export { storageKey };
