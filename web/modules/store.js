/**
 * Conversations kept in this browser's localStorage, under a versioned key. Reading is tolerant:
 * corrupt JSON or malformed entries are dropped (the raw text is kept aside once for inspection),
 * never thrown. Writing survives a full storage by dropping the oldest conversations.
 *
 * A conversation: { id, title, titleEdited, createdAt, updatedAt, messages }.
 * A user message: { id, role: 'user', text, mode, filters, at }.
 * An assistant message keeps its answer-end: { id, role: 'assistant', questionId, question, mode,
 *   filters, status, text, citations, notFound, table, notice, engine, searchedFor, error, at }.
 */

const storageKey = 'pbqa.conversations.v1';
const maxConversations = 200;

const modes = new Set(['qa', 'summary', 'compare']);
const statuses = new Set(['pending', 'streaming', 'done', 'error', 'cancelled', 'failed']);

const isString = (value) => typeof value === 'string';
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

function cleanCitation(value) {
  if (!value || typeof value !== 'object') return null;
  const { n, chunkId, docId, title, college, date, quote, start, end } = value;
  if (!isNumber(n) || !isString(docId) || !isNumber(start) || !isNumber(end)) return null;
  return { n, chunkId: String(chunkId ?? ''), docId, title: String(title ?? ''), college: String(college ?? ''), date: String(date ?? ''), quote: String(quote ?? ''), start, end };
}

function cleanFilters(value) {
  const filters = {};
  if (value && typeof value === 'object') {
    if (isString(value.college) && value.college) filters.college = value.college.slice(0, 100);
    if (isNumber(value.year)) filters.year = value.year;
  }
  return filters;
}

function cleanMessage(value) {
  if (!value || typeof value !== 'object' || !isString(value.id) || !isString(value.text)) return null;
  const at = isNumber(value.at) ? value.at : Date.now();
  const mode = modes.has(value.mode) ? value.mode : 'qa';
  if (value.role === 'user') return { id: value.id, role: 'user', text: value.text, mode, filters: cleanFilters(value.filters), at };
  if (value.role !== 'assistant') return null;
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
    citations: Array.isArray(value.citations) ? value.citations.map(cleanCitation).filter(Boolean) : [],
    notFound: value.notFound === true,
    table: value.table && typeof value.table === 'object' ? value.table : undefined,
    notice: value.notice && isString(value.notice.message) ? { code: String(value.notice.code ?? ''), message: value.notice.message } : undefined,
    engine: isString(value.engine) ? value.engine : '',
    searchedFor: isString(value.searchedFor) ? value.searchedFor : '',
    error:
      value.error && isString(value.error.message)
        ? { code: String(value.error.code ?? ''), message: value.error.message }
        : status === 'failed'
          ? { code: 'INTERRUPTED', message: '页面关闭或连接中断，回答未完成。' }
          : undefined,
    at,
  };
}

function cleanConversation(value) {
  if (!value || typeof value !== 'object' || !isString(value.id) || !Array.isArray(value.messages)) return null;
  const messages = value.messages.map(cleanMessage).filter(Boolean);
  return {
    id: value.id,
    title: isString(value.title) && value.title.trim() ? value.title.slice(0, 100) : '未命名对话',
    titleEdited: value.titleEdited === true,
    createdAt: isNumber(value.createdAt) ? value.createdAt : Date.now(),
    updatedAt: isNumber(value.updatedAt) ? value.updatedAt : Date.now(),
    messages,
  };
}

/** Reads the saved conversations (newest first) and the active one's id. Never throws. */
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
    const conversations = data.conversations.map(cleanConversation).filter(Boolean);
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

/** Saves; when storage is full, drops the oldest conversations (never the active one) and tries again. */
export function saveConversations(conversations, activeId) {
  let list = conversations.slice(0, maxConversations);
  for (;;) {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ version: 1, activeId, conversations: list }));
      return true;
    } catch (error) {
      const oldest = [...list].reverse().find((conversation) => conversation.id !== activeId);
      if (!oldest || !/quota/i.test(String(error?.name ?? error))) return false;
      list = list.filter((conversation) => conversation !== oldest);
    }
  }
}

export function newConversation(id) {
  const now = Date.now();
  return { id, title: '新对话', titleEdited: false, createdAt: now, updatedAt: now, messages: [] };
}

export { storageKey };
