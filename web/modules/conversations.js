/**
 * Conversations: the list in the sidebar (search, open, rename, delete), the open conversation's
 * messages, and saving them (modules/store.js) after every change. Answers being streamed are
 * redrawn at most once a frame. Opening a conversation brings back the mode and filters of its
 * last question; a new one starts clean (question-scope.js).
 *
 * @typedef {import('./store.js').Conversation} Conversation
 * @typedef {import('./store.js').Message} Message
 * @typedef {import('./store.js').AssistantMessage} AssistantMessage
 */
import { assistantNode, fillAssistant, userNode } from './answer-view.js';
import { announce, byId, formatWhen, h, show } from './dom.js';
import { followConversation, resetScope } from './question-scope.js';
import { saveConversations } from './store.js';
import { state } from './state.js';

const chatTitle = byId('chat-title');
const exportButton = byId('export-conversation', HTMLButtonElement);
const messages = byId('messages');
const welcome = byId('welcome');
const list = byId('conversation-list');
const empty = byId('conversation-empty');
const search = byId('conversation-search', HTMLInputElement);
const noMatch = byId('conversation-no-match');
const input = byId('composer-input', HTMLTextAreaElement);

/** What the page around the list does: close the sidebar, stop a deleted conversation's answers, show an error. */
const hooks = {
  closeSidebar: () => {},
  /** @type {(conversationId: string) => void} */
  cancelAnswersOf: () => {},
  /** @type {(text: string) => void} */
  error: () => {},
};

/** @param {Partial<typeof hooks>} handlers */
export function configureConversations(handlers) {
  Object.assign(hooks, handlers);
}

/** @returns {Conversation | null} */
export function activeConversation() {
  return state.conversations.find((conversation) => conversation.id === state.activeId) ?? null;
}

/**
 * @param {string} conversationId
 * @param {string} messageId
 * @returns {{ conversation: Conversation, message: Message } | null}
 */
export function findMessage(conversationId, messageId) {
  const conversation = state.conversations.find((item) => item.id === conversationId);
  const message = conversation?.messages.find((item) => item.id === messageId);
  return conversation && message ? { conversation, message } : null;
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let saveTimer;
/** Saves the conversations that have messages: now, or after changes have settled for 0.4 s. */
export function persist(now = false) {
  clearTimeout(saveTimer);
  const save = () => {
    const kept = state.conversations.filter((conversation) => conversation.messages.length > 0);
    if (!saveConversations(kept, state.activeId)) hooks.error('浏览器存储空间不足，对话未能保存。');
  };
  if (now) save();
  else saveTimer = setTimeout(save, 400);
}

/** @param {string} id */
function selectConversation(id) {
  state.activeId = id;
  hooks.closeSidebar();
  renderConversationList();
  renderConversation();
  followConversation(activeConversation());
  persist(true);
}

/** 新建对话 (and 就本文提问): an empty conversation, asked in 问答 with no filters. */
export function startNewConversation() {
  const current = activeConversation();
  if (!current || current.messages.length > 0) state.activeId = null;
  hooks.closeSidebar();
  renderConversationList();
  renderConversation();
  resetScope();
  input.focus();
}

/** Whether `conversation` has every one of `words` in its title, questions or answers. */
function matches(/** @type {Conversation} */ conversation, /** @type {string[]} */ words) {
  const text = [conversation.title, ...conversation.messages.map((message) => message.text)].join('\n').toLowerCase();
  return words.every((word) => text.includes(word));
}

export function renderConversationList() {
  const saved = state.conversations.filter((conversation) => conversation.messages.length > 0);
  const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length > 0 ? saved.filter((conversation) => matches(conversation, words)) : saved;
  show(empty, saved.length === 0);
  show(search, saved.length > 0 || words.length > 0);
  noMatch.textContent = saved.length > 0 && shown.length === 0 ? `没有包含“${search.value.trim()}”的对话。` : '';
  show(noMatch, Boolean(noMatch.textContent));
  list.replaceChildren(
    ...shown.map((conversation) => {
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

/**
 * @param {HTMLElement} item
 * @param {Conversation} conversation
 */
function startRename(item, conversation) {
  const field = /** @type {HTMLInputElement} */ (h('input', { type: 'text', class: 'rename-input', value: conversation.title, maxlength: '100', 'aria-label': '对话名称（Enter 保存，Esc 取消）' }));
  let done = false;
  /** @param {boolean} save */
  const finish = (save) => {
    if (done) return;
    done = true;
    const title = field.value.replace(/\s+/g, ' ').trim();
    if (save && title) {
      conversation.title = title.slice(0, 100);
      conversation.titleEdited = true;
      persist(true);
      if (conversation.id === state.activeId) chatTitle.textContent = conversation.title;
    }
    renderConversationList();
    const again = [...list.querySelectorAll('.conversation-open')].find((button) => button.textContent?.startsWith(conversation.title));
    if (again instanceof HTMLElement) again.focus();
  };
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    }
  });
  field.addEventListener('blur', () => finish(true));
  item.replaceChildren(field);
  field.focus();
  field.select();
}

/** @param {Conversation} conversation */
function deleteConversation(conversation) {
  if (!window.confirm(`删除对话“${conversation.title}”？删除后无法恢复。`)) return;
  hooks.cancelAnswersOf(conversation.id);
  state.conversations = state.conversations.filter((item) => item.id !== conversation.id);
  if (state.activeId === conversation.id) {
    state.activeId = null;
    resetScope();
  }
  persist(true);
  renderConversationList();
  renderConversation();
  announce('对话已删除');
}

/** @type {Map<string, HTMLElement>} message id → its node in the open conversation */
const messageNodes = new Map();

export function renderConversation() {
  const conversation = activeConversation();
  chatTitle.textContent = conversation?.title ?? '新对话';
  exportButton.disabled = !conversation || conversation.messages.length === 0;
  messageNodes.clear();
  const nodes = (conversation?.messages ?? []).map((message) => {
    const node = message.role === 'user' ? userNode(message) : assistantNode(message);
    messageNodes.set(message.id, node);
    return node;
  });
  show(welcome, nodes.length === 0);
  messages.replaceChildren(welcome, ...nodes);
  // A conversation opens at its latest answer; the welcome screen at its top.
  messages.scrollTop = nodes.length > 0 ? messages.scrollHeight : 0;
}

/** Wires the search over the conversation list. */
export function initConversations() {
  search.addEventListener('input', renderConversationList);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && search.value) {
      event.stopPropagation();
      search.value = '';
      renderConversationList();
    }
  });
}

/** @type {Set<AssistantMessage>} */
const pendingRenders = new Set();

/** Redraws `message` in the next frame (streamed deltas arrive faster than frames). */
export function scheduleRender(/** @type {AssistantMessage} */ message) {
  if (pendingRenders.size === 0) requestAnimationFrame(flushRenders);
  pendingRenders.add(message);
}

function flushRenders() {
  for (const message of pendingRenders) refreshMessage(message);
  pendingRenders.clear();
}

/** Redraws `message` now, keeping the view at the bottom if it was there. */
export function refreshMessage(/** @type {AssistantMessage} */ message) {
  const node = messageNodes.get(message.id);
  if (!node) return;
  const nearBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 120;
  fillAssistant(node, message);
  if (nearBottom) messages.scrollTop = messages.scrollHeight;
}

/** Redraws an answer that has stopped changing, dropping a redraw still scheduled for it. */
export function renderSettled(/** @type {AssistantMessage} */ message) {
  pendingRenders.delete(message);
  refreshMessage(message);
}
