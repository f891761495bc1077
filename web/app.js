/**
 * 党建典型经验问答助手 — the page. Plain ES modules, no build step.
 *
 * Chat over the /ws protocol (core/answer/protocol.ts): `ask` → `sources`, `text-delta`…,
 * `notice`, `answer-end` | `error`. Conversations live in localStorage (modules/store.js); every
 * HTML string derived from an answer goes through DOMPurify (modules/markdown.js) and article text
 * only through text nodes (modules/article.js).
 */
import { accessToken, api, ApiError, onUnauthorized } from './modules/api.js';
import { assistantNode, configureAnswerView, fillAssistant, userNode } from './modules/answer-view.js';
import { initBrowse, openReader, setDocuments, showList, showLoadError } from './modules/browse.js';
import { ChatConnection } from './modules/connection.js';
import { clearDocumentCache, collegesOf, yearsOf } from './modules/documents.js';
import { formatWhen, h, randomId, show } from './modules/dom.js';
import { conversationMarkdown, downloadMarkdown } from './modules/export.js';
import { closeSource, initSourcePanel, isSourceOpen, openSource } from './modules/source-panel.js';
import { loadConversations, newConversation, saveConversations, storageKey } from './modules/store.js';

const $ = (id) => document.getElementById(id);
const el = {
  connection: $('connection'),
  connectionLabel: $('connection-label'),
  reconnectNow: $('reconnect-now'),
  banner: $('banner'),
  bannerText: $('banner-text'),
  bannerRetry: $('banner-retry'),
  sidebar: $('sidebar'),
  sidebarToggle: $('sidebar-toggle'),
  scrim: $('sidebar-scrim'),
  newChat: $('new-chat'),
  conversationList: $('conversation-list'),
  conversationEmpty: $('conversation-empty'),
  healthNote: $('health-note'),
  chatView: $('chat-view'),
  chatTitle: $('chat-title'),
  exportConversation: $('export-conversation'),
  messages: $('messages'),
  welcome: $('welcome'),
  corpusSummary: $('corpus-summary'),
  composer: $('composer'),
  input: $('composer-input'),
  send: $('send'),
  stop: $('stop'),
  charCount: $('char-count'),
  composerError: $('composer-error'),
  collegeFilter: $('filter-college'),
  yearFilter: $('filter-year'),
  liveStatus: $('live-status'),
  browseView: $('browse-view'),
  browseCollege: $('browse-college'),
  browseYear: $('browse-year'),
  navChat: $('nav-chat'),
  navBrowse: $('nav-browse'),
  tokenDialog: $('token-dialog'),
  tokenForm: $('token-form'),
  tokenInput: $('token-input'),
  tokenReason: $('token-reason'),
};

const placeholders = {
  qa: '请输入问题，例如：如何打造党建特色品牌？',
  summary: '请输入材料主题，例如：党建引领人才培养（生成含背景、做法、成效、启示的会议材料）',
  compare: '请输入对比主题，例如：党史学习教育（按院校列出做法与成效）',
};

/** History sent with a follow-up: the last 10 question–answer pairs, trimmed. */
const maxHistoryPairs = 10;
const maxHistoryAnswerChars = 1500;

const state = {
  limits: { maxQuestionLength: 500, maxHistoryTurns: 20, maxMessageBytes: 65_536 },
  conversations: [],
  activeId: null,
  /** questionId → { conversationId, messageId } of the question being answered. */
  inFlight: new Map(),
  documents: [],
  health: null,
};

// ------------------------------------------------------------------------------------------------
// Conversations

function activeConversation() {
  return state.conversations.find((conversation) => conversation.id === state.activeId) ?? null;
}

function findMessage(conversationId, messageId) {
  const conversation = state.conversations.find((item) => item.id === conversationId);
  const message = conversation?.messages.find((item) => item.id === messageId);
  return conversation && message ? { conversation, message } : null;
}

let saveTimer = null;
function persist(now = false) {
  clearTimeout(saveTimer);
  const save = () => {
    const kept = state.conversations.filter((conversation) => conversation.messages.length > 0);
    if (!saveConversations(kept, state.activeId)) announceError('浏览器存储空间不足，对话未能保存。');
  };
  if (now) save();
  else saveTimer = setTimeout(save, 400);
}

function selectConversation(id) {
  state.activeId = id;
  closeSidebar();
  renderConversationList();
  renderConversation();
  persist(true);
}

function startNewConversation() {
  const current = activeConversation();
  if (!current || current.messages.length > 0) state.activeId = null;
  closeSidebar();
  renderConversationList();
  renderConversation();
  if (location.hash.startsWith('#/browse')) location.hash = '#/';
  el.input.focus();
}

function renderConversationList() {
  const list = state.conversations.filter((conversation) => conversation.messages.length > 0);
  show(el.conversationEmpty, list.length === 0);
  el.conversationList.replaceChildren(
    ...list.map((conversation) => {
      const active = conversation.id === state.activeId;
      const questions = conversation.messages.filter((message) => message.role === 'user').length;
      const open = h(
        'button',
        { type: 'button', class: 'conversation-open', 'aria-current': active ? 'true' : undefined, onclick: () => selectConversation(conversation.id) },
        h('span', { class: 'conversation-name', text: conversation.title }),
        h('span', { class: 'conversation-when', text: `${formatWhen(conversation.updatedAt)} · ${questions} 个问题` }),
      );
      const rename = h('button', { type: 'button', class: 'tool', 'aria-label': `重命名对话“${conversation.title}”`, title: '重命名', onclick: () => startRename(item, conversation) }, h('span', { 'aria-hidden': 'true', text: '✎' }));
      const remove = h('button', { type: 'button', class: 'tool', 'aria-label': `删除对话“${conversation.title}”`, title: '删除', onclick: () => deleteConversation(conversation) }, h('span', { 'aria-hidden': 'true', text: '✕' }));
      const item = h('li', { class: `conversation${active ? ' active' : ''}` }, open, h('div', { class: 'conversation-tools' }, rename, remove));
      return item;
    }),
  );
}

function startRename(item, conversation) {
  const input = h('input', { type: 'text', class: 'rename-input', value: conversation.title, maxlength: '100', 'aria-label': '对话名称（Enter 保存，Esc 取消）' });
  let done = false;
  const finish = (save) => {
    if (done) return;
    done = true;
    const title = input.value.replace(/\s+/g, ' ').trim();
    if (save && title) {
      conversation.title = title.slice(0, 100);
      conversation.titleEdited = true;
      persist(true);
      if (conversation.id === state.activeId) el.chatTitle.textContent = conversation.title;
    }
    renderConversationList();
    const again = [...el.conversationList.querySelectorAll('.conversation-open')].find((button) => button.textContent.startsWith(conversation.title));
    again?.focus();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    }
  });
  input.addEventListener('blur', () => finish(true));
  item.replaceChildren(input);
  input.focus();
  input.select();
}

function deleteConversation(conversation) {
  if (!window.confirm(`删除对话“${conversation.title}”？删除后无法恢复。`)) return;
  for (const [questionId, where] of state.inFlight) {
    if (where.conversationId === conversation.id) {
      connection.send({ type: 'cancel', id: questionId });
      state.inFlight.delete(questionId);
    }
  }
  state.conversations = state.conversations.filter((item) => item.id !== conversation.id);
  if (state.activeId === conversation.id) state.activeId = null;
  persist(true);
  renderConversationList();
  renderConversation();
  updateComposerBusy();
  announce('对话已删除');
}

// ------------------------------------------------------------------------------------------------
// Messages

const messageNodes = new Map();

function renderConversation() {
  const conversation = activeConversation();
  el.chatTitle.textContent = conversation?.title ?? '新对话';
  el.exportConversation.disabled = !conversation || conversation.messages.length === 0;
  messageNodes.clear();
  const nodes = (conversation?.messages ?? []).map((message) => {
    const node = message.role === 'user' ? userNode(message) : assistantNode(message);
    messageNodes.set(message.id, node);
    return node;
  });
  show(el.welcome, nodes.length === 0);
  el.messages.replaceChildren(el.welcome, ...nodes);
  el.messages.scrollTop = el.messages.scrollHeight;
}

const pendingRenders = new Set();
function scheduleRender(message) {
  if (pendingRenders.size === 0) requestAnimationFrame(flushRenders);
  pendingRenders.add(message);
}
function flushRenders() {
  for (const message of pendingRenders) refreshMessage(message);
  pendingRenders.clear();
}

function refreshMessage(message) {
  const node = messageNodes.get(message.id);
  if (!node) return;
  const nearBottom = el.messages.scrollHeight - el.messages.scrollTop - el.messages.clientHeight < 120;
  fillAssistant(node, message);
  if (nearBottom) el.messages.scrollTop = el.messages.scrollHeight;
}

// ------------------------------------------------------------------------------------------------
// Asking

function currentMode() {
  return el.composer.querySelector('input[name="mode"]:checked')?.value ?? 'qa';
}

function currentFilters() {
  const filters = {};
  if (el.collegeFilter.value) filters.college = el.collegeFilter.value;
  if (el.yearFilter.value) filters.year = Number(el.yearFilter.value);
  return filters;
}

/** Shows (or clears) the message under the input; `invalid` marks the question itself as the problem. */
function setComposerError(text, { invalid = false } = {}) {
  el.composerError.textContent = text ?? '';
  show(el.composerError, Boolean(text));
  el.input.setAttribute('aria-invalid', text && invalid ? 'true' : 'false');
}

function updateCharCount() {
  const length = el.input.value.trim().length;
  const max = state.limits.maxQuestionLength;
  el.charCount.textContent = `${length} / ${max}`;
  el.charCount.classList.toggle('over', length > max);
}

function updateComposerBusy() {
  const busy = state.inFlight.size > 0;
  const stopHadFocus = document.activeElement === el.stop;
  show(el.send, !busy);
  show(el.stop, busy);
  if (stopHadFocus && !busy) el.input.focus();
  if (!busy && el.composerError.textContent.startsWith('请等待')) setComposerError('');
}

const utf8Length = (text) => new TextEncoder().encode(text).length;

/** Question–answer pairs before message index `before`, trimmed to the server's limits. */
function historyBefore(conversation, before) {
  const pairs = [];
  for (let index = 0; index < before; index++) {
    const question = conversation.messages[index];
    const answer = conversation.messages[index + 1];
    if (question.role !== 'user' || answer?.role !== 'assistant' || answer.status !== 'done') continue;
    const content = answer.text.replace(/\[\d{1,3}\]/g, '').replace(/[ \t]+/g, ' ').trim().slice(0, maxHistoryAnswerChars);
    pairs.push([{ role: 'user', content: question.text.slice(0, 2000) }, { role: 'assistant', content }]);
  }
  let history = pairs.slice(-maxHistoryPairs).flat();
  if (history.length > state.limits.maxHistoryTurns) history = history.slice(history.length - state.limits.maxHistoryTurns);
  // Keep the whole message well under the server's size limit.
  while (history.length > 0 && utf8Length(JSON.stringify(history)) > state.limits.maxMessageBytes * 0.6) history = history.slice(2);
  return history;
}

function submit() {
  const question = el.input.value.trim();
  const max = state.limits.maxQuestionLength;
  if (!question) {
    setComposerError('请输入问题后再发送。', { invalid: true });
    el.input.focus();
    return;
  }
  if (question.length > max) {
    setComposerError(`问题过长：最多 ${max} 个字，当前 ${question.length} 个字。请精简后再发送。`, { invalid: true });
    el.input.focus();
    return;
  }
  if (state.inFlight.size > 0) {
    setComposerError('请等待当前回答完成，或点击“停止”。');
    return;
  }
  if (!connection.connected) {
    setComposerError('尚未连接到服务器，正在自动重连，请稍后再发送。问题已保留在输入框中。');
    return;
  }
  setComposerError('');
  let conversation = activeConversation();
  if (!conversation) {
    conversation = newConversation(randomId('c'));
    state.conversations.unshift(conversation);
    state.activeId = conversation.id;
  }
  const mode = currentMode();
  const filters = currentFilters();
  const user = { id: randomId('m'), role: 'user', text: question, mode, filters, at: Date.now() };
  const answer = blankAnswer(question, mode, filters);
  conversation.messages.push(user, answer);
  if (!conversation.titleEdited && conversation.messages.length === 2) conversation.title = question.length > 28 ? `${question.slice(0, 28)}…` : question;
  conversation.updatedAt = Date.now();
  state.conversations.sort((a, b) => b.updatedAt - a.updatedAt);
  el.input.value = '';
  updateCharCount();
  renderConversationList();
  renderConversation();
  ask(conversation, answer);
}

function blankAnswer(question, mode, filters) {
  return { id: randomId('m'), role: 'assistant', questionId: '', question, mode, filters, status: 'pending', text: '', citations: [], notFound: false, table: undefined, notice: undefined, engine: '', searchedFor: '', error: undefined, at: Date.now() };
}

/** Sends the question of `answer` (an assistant message of `conversation`). */
function ask(conversation, answer) {
  const index = conversation.messages.indexOf(answer);
  answer.questionId = randomId('q');
  const history = historyBefore(conversation, index - 1);
  const sent = connection.send({ type: 'ask', id: answer.questionId, question: answer.question, mode: answer.mode, history, filters: answer.filters });
  if (!sent) {
    Object.assign(answer, { status: 'failed', error: { code: 'DISCONNECTED', message: '未连接到服务器，问题未发送。' } });
    refreshMessage(answer);
    persist();
    return;
  }
  state.inFlight.set(answer.questionId, { conversationId: conversation.id, messageId: answer.id });
  updateComposerBusy();
  announce('正在检索语料…');
  persist();
}

function retry(message) {
  const conversation = state.conversations.find((item) => item.messages.includes(message));
  if (!conversation) return;
  if (state.inFlight.size > 0) {
    announceError('请等待当前回答完成后再重试。');
    return;
  }
  if (!connection.connected) {
    announceError('尚未连接到服务器，请稍后重试。');
    return;
  }
  Object.assign(message, blankAnswer(message.question, message.mode, message.filters), { id: message.id });
  refreshMessage(message);
  ask(conversation, message);
}

/** Marks a question cancelled here, whatever the server still sends for it. */
function cancelLocally(questionId) {
  const where = state.inFlight.get(questionId);
  if (!where) return;
  state.inFlight.delete(questionId);
  const found = findMessage(where.conversationId, where.messageId);
  if (found) {
    found.message.status = 'cancelled';
    pendingRenders.delete(found.message);
    refreshMessage(found.message);
    persist(true);
  }
  updateComposerBusy();
}

function stop() {
  for (const questionId of [...state.inFlight.keys()]) {
    // The server confirms with an error CANCELLED; without it in 3 s, stop waiting anyway.
    if (connection.send({ type: 'cancel', id: questionId })) setTimeout(() => cancelLocally(questionId), 3000);
    else cancelLocally(questionId);
  }
  announce('正在停止…');
  el.input.focus();
}

function onServerMessage(message) {
  const where = message.id ? state.inFlight.get(message.id) : undefined;
  if (!where) {
    if (message.type === 'error' && !message.id) setComposerError(message.message);
    return;
  }
  const found = findMessage(where.conversationId, where.messageId);
  if (!found) {
    state.inFlight.delete(message.id);
    return;
  }
  const answer = found.message;
  switch (message.type) {
    case 'sources':
      answer.citations = message.citations;
      answer.status = 'streaming';
      announce('正在生成回答…');
      scheduleRender(answer);
      break;
    case 'text-delta':
      answer.status = 'streaming';
      answer.text += message.delta;
      scheduleRender(answer);
      break;
    case 'notice':
      if (message.reset) answer.text = '';
      answer.notice = { code: message.code, message: message.message };
      scheduleRender(answer);
      break;
    case 'answer-end':
      Object.assign(answer, {
        status: 'done',
        text: message.answer,
        citations: message.citations,
        notFound: message.notFound,
        mode: message.mode,
        engine: message.engine,
        searchedFor: message.searchedFor,
        table: message.table,
        notice: message.notice ?? answer.notice,
      });
      finish(message.id, found.conversation, answer);
      announce(message.notFound ? '语料库中没有找到相关内容' : `回答已完成，引用 ${message.citations.length} 处来源`);
      break;
    case 'error':
      Object.assign(answer, message.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'error', error: { code: message.code, message: message.message } });
      finish(message.id, found.conversation, answer);
      announce(message.code === 'CANCELLED' ? '已停止生成' : `回答失败：${message.message}`);
      break;
  }
}

function finish(questionId, conversation, answer) {
  state.inFlight.delete(questionId);
  conversation.updatedAt = Date.now();
  pendingRenders.delete(answer);
  refreshMessage(answer);
  updateComposerBusy();
  persist(true);
  renderConversationList();
}

/** The socket dropped: answers in flight on it will never arrive. */
function failInFlight() {
  for (const [questionId, where] of state.inFlight) {
    const found = findMessage(where.conversationId, where.messageId);
    if (found) {
      Object.assign(found.message, { status: 'failed', error: { code: 'DISCONNECTED', message: '与服务器的连接中断，回答未完成。' } });
      pendingRenders.delete(found.message);
      refreshMessage(found.message);
    }
    state.inFlight.delete(questionId);
  }
  updateComposerBusy();
  persist(true);
}

function announce(text) {
  el.liveStatus.textContent = '';
  requestAnimationFrame(() => (el.liveStatus.textContent = text));
}

function announceError(text) {
  setComposerError(text);
}

// ------------------------------------------------------------------------------------------------
// Sources and the corpus

function fillSelect(select, values, label, format = (value) => value) {
  const current = select.value;
  select.replaceChildren(h('option', { value: '', text: label }), ...values.map((value) => h('option', { value, text: format(value) })));
  if (values.includes(current)) select.value = current;
}

/** Fills the college and year filters (chat and browse) from the corpus, and the browse list. */
async function loadDocuments() {
  try {
    const { documents } = await api('/api/documents');
    state.documents = documents;
    const colleges = collegesOf(documents);
    const years = yearsOf(documents);
    for (const select of [el.collegeFilter, el.browseCollege]) fillSelect(select, colleges, '全部院校');
    for (const select of [el.yearFilter, el.browseYear]) fillSelect(select, years, '全部年份', (value) => `${value}年`);
    el.corpusSummary.textContent = documents.length ? `语料库已收录 ${colleges.length} 所院校的 ${documents.length} 篇文章。` : '语料库暂无文章。';
    setDocuments(documents);
  } catch (error) {
    showLoadError(error.message);
  }
}

/** 就本文提问: back to the chat, scoped to the article's college. */
function askAboutDocument(article) {
  if (article.college && [...el.collegeFilter.options].some((option) => option.value === article.college)) el.collegeFilter.value = article.college;
  location.hash = '#/';
  el.input.focus();
}

// ------------------------------------------------------------------------------------------------
// Views, sidebar, connection, health

function route() {
  const hash = location.hash || '#/';
  const browse = hash.startsWith('#/browse');
  show(el.chatView, !browse);
  show(el.browseView, browse);
  for (const [link, current] of [[el.navChat, !browse], [el.navBrowse, browse]]) {
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = browse ? '浏览文章 · 党建典型经验问答助手' : '党建典型经验问答助手';
  if (browse) {
    const docId = hash.slice('#/browse/'.length);
    if (hash.startsWith('#/browse/') && docId) void openReader(decodeURIComponent(docId));
    else showList();
  }
  closeSidebar();
}

function openSidebar() {
  el.sidebar.classList.add('open');
  el.sidebarToggle.setAttribute('aria-expanded', 'true');
  show(el.scrim, true);
  el.newChat.focus();
}

function closeSidebar() {
  if (!el.sidebar.classList.contains('open')) return;
  el.sidebar.classList.remove('open');
  el.sidebarToggle.setAttribute('aria-expanded', 'false');
  show(el.scrim, false);
}

const connectionLabels = { connecting: '正在连接…', connected: '已连接', reconnecting: '连接中断，正在重连…' };

let countdown = null;
let lastConnectionState = 'connecting';
function onConnectionState({ state: connectionState, retryInMs }) {
  el.connection.dataset.state = connectionState;
  // Screen readers hear changes of state, not the countdown.
  if (connectionState !== lastConnectionState) {
    if (connectionState === 'reconnecting' && lastConnectionState === 'connected') announce('与服务器的连接已中断，正在自动重连');
    if (connectionState === 'connected' && lastConnectionState === 'reconnecting') announce('已重新连接到服务器');
    lastConnectionState = connectionState;
  }
  clearInterval(countdown);
  el.connectionLabel.textContent = connectionLabels[connectionState];
  if (connectionState === 'reconnecting' && retryInMs) {
    const at = Date.now() + retryInMs;
    const tick = () => {
      const seconds = Math.ceil((at - Date.now()) / 1000);
      el.connectionLabel.textContent = seconds > 0 ? `连接中断，${seconds} 秒后重连` : connectionLabels.reconnecting;
      if (seconds <= 0) clearInterval(countdown);
    };
    tick();
    countdown = setInterval(tick, 1000);
  }
  show(el.reconnectNow, connectionState === 'reconnecting');
  if (connectionState === 'connected') {
    if (!el.banner.hidden && el.banner.dataset.kind === 'unreachable') void checkHealth();
    if (/连接|服务器/.test(el.composerError.textContent)) setComposerError('');
  } else if (connectionState === 'reconnecting') {
    void checkHealth();
  }
}

function setBanner(kind, text) {
  el.banner.dataset.kind = kind ?? '';
  el.bannerText.textContent = text ?? '';
  show(el.banner, Boolean(text));
}

let healthChecking = false;
async function checkHealth() {
  if (healthChecking) return;
  healthChecking = true;
  try {
    const health = await api('/api/health', { accept: [503] });
    state.health = health;
    for (const key of ['maxQuestionLength', 'maxHistoryTurns', 'maxMessageBytes']) if (Number.isInteger(health[key])) state.limits[key] = health[key];
    el.input.maxLength = state.limits.maxQuestionLength + 200;
    updateCharCount();
    if (health.status === 'unavailable') {
      setBanner('index', `知识库暂不可用：${health.error?.message ?? '索引尚未建立'}。请联系管理员运行导入（npm run ingest）。`);
    } else {
      setBanner(null, null);
    }
    const notes = [];
    if (health.searchMode === 'lexical') notes.push('当前为关键词检索（未加载语义模型），换个说法可能找到更多内容。');
    else if (health.status === 'degraded') notes.push('检索服务部分功能不可用，结果可能不完整。');
    el.healthNote.textContent = notes.join(' ');
    el.healthNote.title = (health.warnings ?? []).join('\n');
    show(el.healthNote, notes.length > 0);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NETWORK') setBanner('unreachable', '无法连接到服务器。请确认服务已启动、网络正常；页面会自动重连。');
    else if (error instanceof ApiError && error.status === 401) setBanner('auth', '需要访问令牌才能使用。');
    else setBanner('error', `服务器状态异常：${error.message}`);
  } finally {
    healthChecking = false;
  }
}

let tokenPromptOpen = false;
function promptForToken(reason) {
  if (tokenPromptOpen) return;
  tokenPromptOpen = true;
  const wrong = accessToken.get() !== '' || /不正确/.test(reason ?? '');
  el.tokenReason.textContent = `${wrong ? '访问令牌不正确，请重新输入。' : '服务器已开启访问控制，请输入管理员提供的访问令牌。'}令牌只保存在本浏览器中。`;
  el.tokenInput.value = '';
  el.tokenDialog.showModal();
}

// ------------------------------------------------------------------------------------------------
// Start

const connection = new ChatConnection(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);

function wire() {
  el.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  el.input.addEventListener('keydown', (event) => {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME candidate does neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  });
  el.input.addEventListener('input', () => {
    updateCharCount();
    if (!el.composerError.hidden && el.input.value.trim()) setComposerError('');
  });
  el.stop.addEventListener('click', stop);
  for (const radio of el.composer.querySelectorAll('input[name="mode"]')) {
    radio.addEventListener('change', () => {
      el.input.placeholder = placeholders[currentMode()];
      document.body.dataset.mode = currentMode();
    });
  }
  for (const example of document.querySelectorAll('.example')) {
    example.addEventListener('click', () => {
      const radio = el.composer.querySelector(`input[name="mode"][value="${example.dataset.mode}"]`);
      if (radio) {
        radio.checked = true;
        radio.dispatchEvent(new Event('change'));
      }
      el.input.value = example.textContent;
      updateCharCount();
      submit();
    });
  }
  el.newChat.addEventListener('click', startNewConversation);
  el.exportConversation.addEventListener('click', () => {
    const conversation = activeConversation();
    if (conversation) downloadMarkdown(conversationMarkdown(conversation), conversation.title);
  });
  el.sidebarToggle.addEventListener('click', () => (el.sidebar.classList.contains('open') ? closeSidebar() : openSidebar()));
  el.scrim.addEventListener('click', closeSidebar);
  el.reconnectNow.addEventListener('click', () => connection.reconnectNow());
  el.bannerRetry.addEventListener('click', () => {
    if (el.banner.dataset.kind === 'auth') promptForToken('');
    else {
      connection.reconnectNow();
      void checkHealth();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || el.tokenDialog.open) return;
    if (isSourceOpen()) {
      event.preventDefault();
      closeSource();
    } else if (el.sidebar.classList.contains('open')) {
      closeSidebar();
      el.sidebarToggle.focus();
    }
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('storage', (event) => {
    if (event.key !== storageKey || state.inFlight.size > 0) return;
    ({ conversations: state.conversations } = loadConversations());
    if (!activeConversation()) state.activeId = null;
    renderConversationList();
    renderConversation();
  });
  el.tokenDialog.addEventListener('close', () => {
    tokenPromptOpen = false;
    if (el.tokenDialog.returnValue === 'save' && el.tokenInput.value.trim()) {
      accessToken.set(el.tokenInput.value.trim());
      clearDocumentCache();
      connection.reconnectNow();
      void checkHealth();
      void loadDocuments();
    }
  });
  onUnauthorized((reason) => promptForToken(reason));
  connection.addEventListener('state', (event) => onConnectionState(event.detail));
  connection.addEventListener('message', (event) => onServerMessage(event.detail));
  connection.addEventListener('dropped', failInFlight);
}

function init() {
  const saved = loadConversations();
  state.conversations = saved.conversations;
  state.activeId = saved.activeId ?? state.conversations[0]?.id ?? null;
  document.body.dataset.mode = 'qa';
  wire();
  initSourcePanel({ focusWhenClosed: el.input });
  configureAnswerView({ openSource, retry, announce, error: announceError });
  initBrowse({ onAskAbout: askAboutDocument });
  renderConversationList();
  renderConversation();
  updateCharCount();
  route();
  connection.start();
  void checkHealth();
  void loadDocuments();
}

// Exposed for debugging in the console only.
window.pbqa = { state, connection };

init();
