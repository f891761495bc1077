/**
 * Asking: the question box (length check, Enter to send; its mode and filters are in
 * question-scope.js), sending `ask` with the conversation so far as history, following each
 * answer's messages (`sources`, `text-delta`…, `notice`, `answer-end` | `error`) into its
 * conversation, 停止, 重试 / 重新生成, and asking an edited question again.
 *
 * @typedef {import('../../core/answer/protocol.ts').AnswerMode} AnswerMode
 * @typedef {import('../../core/answer/protocol.ts').HistoryTurn} HistoryTurn
 * @typedef {import('../../core/answer/protocol.ts').ServerMessage} ServerMessage
 * @typedef {import('./connection.js').ChatConnection} ChatConnection
 * @typedef {import('./store.js').AssistantMessage} AssistantMessage
 * @typedef {import('./store.js').Conversation} Conversation
 * @typedef {import('./store.js').PageFilters} PageFilters
 * @typedef {import('./store.js').UserMessage} UserMessage
 */
import { activeConversation, findMessage, persist, refreshMessage, renderConversation, renderConversationList, renderSettled, scheduleRender } from './conversations.js';
import { announce, byId, randomId, show } from './dom.js';
import { currentFilters, currentMode, setMode, setScope } from './question-scope.js';
import { newConversation, wireFilters } from './store.js';
import { state } from './state.js';

const composer = byId('composer', HTMLFormElement);
const input = byId('composer-input', HTMLTextAreaElement);
const send = byId('send', HTMLButtonElement);
const stopButton = byId('stop', HTMLButtonElement);
const charCount = byId('char-count');
const composerError = byId('composer-error');

/** History sent with a follow-up: the last 10 question–answer pairs, trimmed. */
const maxHistoryPairs = 10;
const maxHistoryAnswerChars = 1500;

/** @type {ChatConnection} */
let connection;

/**
 * Shows (or clears) the message under the input; `invalid` marks the question itself as the problem.
 * @param {string} text
 */
export function setComposerError(text, { invalid = false } = {}) {
  composerError.textContent = text ?? '';
  show(composerError, Boolean(text));
  input.setAttribute('aria-invalid', text && invalid ? 'true' : 'false');
}

/** Clears the message under the input when it was about the connection (the page is connected again). */
export function clearConnectionError() {
  if (/连接|服务器/.test(composerError.textContent ?? '')) setComposerError('');
}

function updateCharCount() {
  const length = input.value.trim().length;
  const max = state.limits.maxQuestionLength;
  charCount.textContent = `${length} / ${max}`;
  charCount.classList.toggle('over', length > max);
}

/** The server's limits changed (GET /api/health): the input and its counter follow. */
export function applyLimits() {
  input.maxLength = state.limits.maxQuestionLength + 200;
  updateCharCount();
}

function updateComposerBusy() {
  const busy = state.inFlight.size > 0;
  const stopHadFocus = document.activeElement === stopButton;
  show(send, !busy);
  show(stopButton, busy);
  if (stopHadFocus && !busy) input.focus();
  if (!busy && composerError.textContent?.startsWith('请等待')) setComposerError('');
}

const utf8Length = (/** @type {string} */ text) => new TextEncoder().encode(text).length;

/**
 * Question–answer pairs before message index `before`, trimmed to the server's limits.
 * @param {Conversation} conversation
 * @param {number} before
 * @returns {HistoryTurn[]}
 */
function historyBefore(conversation, before) {
  /** @type {HistoryTurn[][]} */
  const pairs = [];
  for (let index = 0; index < before; index++) {
    const question = conversation.messages[index];
    const answer = conversation.messages[index + 1];
    if (question?.role !== 'user' || answer?.role !== 'assistant' || answer.status !== 'done') continue;
    const content = answer.text.replace(/\[\d{1,3}\]/g, '').replace(/[ \t]+/g, ' ').trim().slice(0, maxHistoryAnswerChars);
    pairs.push([{ role: 'user', content: question.text.slice(0, 2000) }, { role: 'assistant', content }]);
  }
  let history = pairs.slice(-maxHistoryPairs).flat();
  if (history.length > state.limits.maxHistoryTurns) history = history.slice(history.length - state.limits.maxHistoryTurns);
  // Keep the whole message well under the server's size limit.
  while (history.length > 0 && utf8Length(JSON.stringify(history)) > state.limits.maxMessageBytes * 0.6) history = history.slice(2);
  return history;
}

/** What is wrong with `question` as a question (empty, too long), or ''. */
function questionProblem(/** @type {string} */ question) {
  const max = state.limits.maxQuestionLength;
  if (!question) return '请输入问题后再发送。';
  if (question.length > max) return `问题过长：最多 ${max} 个字，当前 ${question.length} 个字。请精简后再发送。`;
  return '';
}

function submit() {
  const question = input.value.trim();
  const problem = questionProblem(question);
  if (problem) {
    setComposerError(problem, { invalid: true });
    input.focus();
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
  /** @type {UserMessage} */
  const user = { id: randomId('m'), role: 'user', text: question, mode, filters, at: Date.now() };
  const answer = blankAnswer(question, mode, filters);
  conversation.messages.push(user, answer);
  if (!conversation.titleEdited && conversation.messages.length === 2) conversation.title = titleFrom(question);
  conversation.updatedAt = Date.now();
  state.conversations.sort((a, b) => b.updatedAt - a.updatedAt);
  input.value = '';
  updateCharCount();
  renderConversationList();
  renderConversation();
  ask(conversation, answer);
}

const titleFrom = (/** @type {string} */ question) => (question.length > 28 ? `${question.slice(0, 28)}…` : question);

/**
 * @param {string} question
 * @param {AnswerMode} mode
 * @param {PageFilters} filters
 * @returns {AssistantMessage}
 */
function blankAnswer(question, mode, filters) {
  return { id: randomId('m'), role: 'assistant', questionId: '', question, mode, filters, status: 'pending', text: '', citations: [], notFound: false, table: undefined, notice: undefined, engine: '', searchedFor: '', error: undefined, at: Date.now(), suggestions: undefined, feedback: undefined };
}

/**
 * Sends the question of `answer` (an assistant message of `conversation`).
 * @param {Conversation} conversation
 * @param {AssistantMessage} answer
 */
function ask(conversation, answer) {
  const index = conversation.messages.indexOf(answer);
  answer.questionId = randomId('q');
  const history = historyBefore(conversation, index - 1);
  const sent = connection.send({ type: 'ask', id: answer.questionId, question: answer.question, mode: answer.mode, history, filters: wireFilters(answer.filters) });
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

/** Whether another answer can start now; says why not under the question box. */
function readyToAsk() {
  if (state.inFlight.size > 0) setComposerError('请等待当前回答完成，或点击“停止”。');
  else if (!connection.connected) setComposerError('尚未连接到服务器，请稍后重试。');
  else return true;
  return false;
}

/** 重试 / 重新回答 / 重新生成: asks the question of `message` again, in place. */
export function retry(/** @type {AssistantMessage} */ message) {
  const conversation = state.conversations.find((item) => item.messages.includes(message));
  if (!conversation || !readyToAsk()) return;
  Object.assign(message, blankAnswer(message.question, message.mode, message.filters), { id: message.id });
  refreshMessage(message);
  ask(conversation, message);
}

/**
 * Asks `question` as a new question of the open conversation, with this mode and these filters
 * (改用院校对比, 不限范围再问): the question box shows them, as if the user had chosen them.
 * @param {string} question
 * @param {AnswerMode} mode
 * @param {PageFilters} filters
 */
export function askAnew(question, mode, filters) {
  if (!readyToAsk()) return;
  setScope(mode, filters);
  input.value = question;
  updateCharCount();
  submit();
}

/**
 * An edited question, asked again in place of `user`: its answer is asked afresh, and the
 * exchanges after it (which followed from the old question) are removed, once the user agrees.
 * Returns false when nothing was asked (the editor stays open).
 * @param {UserMessage} user
 * @param {string} text
 */
export function editQuestion(user, text) {
  const question = text.trim();
  const conversation = state.conversations.find((item) => item.messages.includes(user));
  const problem = questionProblem(question);
  if (problem) setComposerError(problem);
  if (!conversation || problem || !readyToAsk()) return false;
  const index = conversation.messages.indexOf(user);
  const laterQuestions = conversation.messages.slice(index + 1).filter((message) => message.role === 'user').length;
  if (laterQuestions > 0 && !window.confirm(`重新提问后，此后的 ${laterQuestions} 个问题及其回答将被移除。继续吗？`)) return false;
  setComposerError('');
  conversation.messages.splice(index + 1);
  Object.assign(user, { text: question, at: Date.now() });
  const answer = blankAnswer(question, user.mode, user.filters);
  conversation.messages.push(answer);
  if (!conversation.titleEdited && index === 0) conversation.title = titleFrom(question);
  conversation.updatedAt = Date.now();
  renderConversationList();
  renderConversation();
  ask(conversation, answer);
  return true;
}

/** The answer (an assistant message) that question `questionId` fills, if it is still in flight and still exists. */
function answerOf(/** @type {string} */ questionId) {
  const where = state.inFlight.get(questionId);
  const found = where ? findMessage(where.conversationId, where.messageId) : null;
  return found?.message.role === 'assistant' ? { conversation: found.conversation, answer: found.message } : null;
}

/** Marks a question cancelled here, whatever the server still sends for it. */
function cancelLocally(/** @type {string} */ questionId) {
  if (!state.inFlight.has(questionId)) return;
  const found = answerOf(questionId);
  state.inFlight.delete(questionId);
  if (found) {
    found.answer.status = 'cancelled';
    renderSettled(found.answer);
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
  input.focus();
}

/** A conversation is being deleted: its questions in flight are cancelled and forgotten. */
export function cancelAnswersOf(/** @type {string} */ conversationId) {
  for (const [questionId, where] of state.inFlight) {
    if (where.conversationId === conversationId) {
      connection.send({ type: 'cancel', id: questionId });
      state.inFlight.delete(questionId);
    }
  }
  updateComposerBusy();
}

/** Follows one server message into the answer it belongs to. */
function onServerMessage(/** @type {ServerMessage} */ message) {
  const where = message.id ? state.inFlight.get(message.id) : undefined;
  if (!message.id || !where) {
    if (message.type === 'error' && !message.id) setComposerError(message.message);
    return;
  }
  const found = answerOf(message.id);
  if (!found) {
    state.inFlight.delete(message.id);
    return;
  }
  const { conversation, answer } = found;
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
        suggestions: message.suggestions,
        practices: message.practices,
      });
      finish(message.id, conversation, answer);
      announce(message.notFound ? '语料库中没有找到相关内容' : `回答已完成，引用 ${message.citations.length} 处来源`);
      break;
    case 'error':
      Object.assign(answer, message.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'error', error: { code: message.code, message: message.message } });
      finish(message.id, conversation, answer);
      announce(message.code === 'CANCELLED' ? '已停止生成' : `回答失败：${message.message}`);
      break;
  }
}

/**
 * @param {string} questionId
 * @param {Conversation} conversation
 * @param {AssistantMessage} answer
 */
function finish(questionId, conversation, answer) {
  state.inFlight.delete(questionId);
  conversation.updatedAt = Date.now();
  renderSettled(answer);
  updateComposerBusy();
  persist(true);
  renderConversationList();
}

/** The socket dropped: answers in flight on it will never arrive. */
function failInFlight() {
  for (const questionId of [...state.inFlight.keys()]) {
    const found = answerOf(questionId);
    if (found) {
      Object.assign(found.answer, { status: 'failed', error: { code: 'DISCONNECTED', message: '与服务器的连接中断，回答未完成。' } });
      renderSettled(found.answer);
    }
    state.inFlight.delete(questionId);
  }
  updateComposerBusy();
  persist(true);
}

/** Wires the question box and follows `chat`'s messages. */
export function initAsking(/** @type {ChatConnection} */ chat) {
  connection = chat;
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME candidate does neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => {
    updateCharCount();
    if (!composerError.hidden && input.value.trim()) setComposerError('');
  });
  stopButton.addEventListener('click', stop);
  for (const example of document.querySelectorAll('.example')) {
    if (!(example instanceof HTMLElement)) continue;
    example.addEventListener('click', () => {
      const mode = example.dataset.mode;
      if (mode === 'qa' || mode === 'summary' || mode === 'compare') setMode(mode);
      input.value = example.textContent ?? '';
      updateCharCount();
      submit();
    });
  }
  connection.addEventListener('message', (event) => onServerMessage(/** @type {CustomEvent<ServerMessage>} */ (event).detail));
  connection.addEventListener('dropped', failInFlight);
  updateCharCount();
}
