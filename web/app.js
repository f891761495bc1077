/**
 * 党建典型经验问答助手 — the page. Plain ES modules, no build step; type-checked from JSDoc
 * (tsconfig.web.json).
 *
 * Chat over the /ws protocol (core/answer/protocol.ts): `ask` → `sources`, `text-delta`…,
 * `notice`, `answer-end` | `error`. This file starts the page and switches its views (chat,
 * 浏览文章, 做法库, the sidebar); the work is in modules/ (practices.js and practice-page.js for the
 * 做法库): conversations.js (the list and the open
 * conversation, saved by store.js), question-scope.js (the next question's mode and filters),
 * asking.js (the question box and answers in flight), connection-status.js (socket state, server
 * health, the token prompt). Every HTML string derived from an answer goes through DOMPurify
 * (modules/markdown.js) and article text only through text nodes (modules/article.js).
 *
 * @typedef {import('./modules/documents.js').DocumentSummary} DocumentSummary
 */
import { api } from './modules/api.js';
import { answerExtras, configureAnswerFeedback } from './modules/answer-feedback.js';
import { configureAnswerView } from './modules/answer-view.js';
import { askAnew, cancelAnswersOf, editQuestion, initAsking, retry, setComposerError } from './modules/asking.js';
import { initBrowse, openReader, setDocuments, showList, showLoadError } from './modules/browse.js';
import { ChatConnection } from './modules/connection.js';
import { checkHealth, initConnectionStatus, isTokenPromptOpen } from './modules/connection-status.js';
import { activeConversation, configureConversations, initConversations, persist, renderConversation, renderConversationList, startNewConversation } from './modules/conversations.js';
import { clearDocumentCache, collegesOf, documentLabel, yearsOf } from './modules/documents.js';
import { announce, byId, h, show } from './modules/dom.js';
import { conversationMarkdown, downloadMarkdown } from './modules/export.js';
import { initKnowledgeBase, openKnowledgeBase } from './modules/knowledge-base.js';
import { followConversation, initQuestionScope, refreshScope, setScope } from './modules/question-scope.js';
import { closeSource, initSourcePanel, isSourceOpen, openSource } from './modules/source-panel.js';
import { clearPracticeCache, compareQuestion } from './modules/practice-data.js';
import { hidePracticePage, initPracticePage, showPractice } from './modules/practice-page.js';
import { hideLibrary, initPractices, showLibrary } from './modules/practices.js';
import { state } from './modules/state.js';
import { loadConversations, storageKey } from './modules/store.js';

const el = {
  sidebar: byId('sidebar'),
  sidebarToggle: byId('sidebar-toggle'),
  scrim: byId('sidebar-scrim'),
  newChat: byId('new-chat'),
  chatView: byId('chat-view'),
  exportConversation: byId('export-conversation'),
  corpusSummary: byId('corpus-summary'),
  input: byId('composer-input'),
  collegeFilter: byId('filter-college', HTMLSelectElement),
  yearFilter: byId('filter-year', HTMLSelectElement),
  browseView: byId('browse-view'),
  browseCollege: byId('browse-college', HTMLSelectElement),
  browseYear: byId('browse-year', HTMLSelectElement),
  navChat: byId('nav-chat'),
  navBrowse: byId('nav-browse'),
  kbView: byId('kb-view'),
  navKb: byId('nav-kb'),
  navPractices: byId('nav-practices'),
  practicesView: byId('practices-view'),
  composer: byId('composer', HTMLFormElement),
};

// ------------------------------------------------------------------------------------------------
// The corpus

/**
 * @param {HTMLSelectElement} select
 * @param {string[]} values
 * @param {string} label
 */
function fillSelect(select, values, label, format = (/** @type {string} */ value) => value) {
  const current = select.value;
  select.replaceChildren(h('option', { value: '', text: label }), ...values.map((value) => h('option', { value, text: format(value) })));
  if (values.includes(current)) select.value = current;
}

/** Fills the college and year filters (chat and browse) from the corpus, and the browse list. */
async function loadDocuments() {
  try {
    /** @type {{ documents: DocumentSummary[] }} */
    const { documents } = await api('/api/documents');
    state.documents = documents;
    const colleges = collegesOf(documents);
    const years = yearsOf(documents);
    for (const select of [el.collegeFilter, el.browseCollege]) fillSelect(select, colleges, '全部院校');
    for (const select of [el.yearFilter, el.browseYear]) fillSelect(select, years, '全部年份', (value) => `${value}年`);
    el.corpusSummary.textContent = documents.length ? `语料库已收录 ${colleges.length} 所院校的 ${documents.length} 篇文章。` : '语料库暂无文章。';
    refreshScope();
    setDocuments(documents);
    // Answers say what they leave out of the corpus (answer-view.js): draw them again now it is known.
    renderConversation();
  } catch (error) {
    showLoadError(error instanceof Error ? error.message : String(error));
  }
}

/** 就本文提问: a new conversation about this one article (filter 本文), the question box ready. */
function askAboutDocument(/** @type {DocumentSummary} */ article) {
  openChat();
  startNewConversation();
  setScope('qa', { docId: article.docId, docTitle: documentLabel(article) });
  el.input.focus();
}

/** Shows the chat view now (a hash change alone would show it only after this task). */
function openChat() {
  if ((location.hash || '#/') === '#/') return;
  location.hash = '#/';
  route();
}

/**
 * Asks in the chat from elsewhere (做法库): a new conversation, the mode and the college given, the
 * question sent as if typed.
 * @param {string} question
 * @param {'qa' | 'summary' | 'compare'} mode
 * @param {string} [college]
 */
function askInChat(question, mode, college = '') {
  openChat();
  startNewConversation();
  setScope(mode, college ? { college } : {});
  const input = /** @type {HTMLTextAreaElement} */ (el.input);
  input.value = question;
  input.dispatchEvent(new Event('input'));
  el.composer.requestSubmit();
}

// ------------------------------------------------------------------------------------------------
// Views and the sidebar

function route() {
  const hash = location.hash || '#/';
  const browse = hash.startsWith('#/browse');
  const kb = hash.startsWith('#/kb');
  const practices = hash.startsWith('#/practices');
  const chat = !browse && !kb && !practices;
  show(el.chatView, chat);
  show(el.browseView, browse);
  show(el.kbView, kb);
  show(el.practicesView, practices);
  document.body.dataset.view = kb ? 'kb' : browse ? 'browse' : practices ? 'practices' : 'chat';
  for (const [link, current] of /** @type {const} */ ([[el.navChat, chat], [el.navBrowse, browse], [el.navKb, kb], [el.navPractices, practices]])) {
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = browse ? '浏览文章 · 党建典型经验问答助手' : kb ? '知识库 · 党建典型经验问答助手' : practices ? '做法库 · 党建典型经验问答助手' : '党建典型经验问答助手';
  if (kb) void openKnowledgeBase();
  if (browse) {
    // #/browse/<docId>, with ?start=&end= when it opens at a cited passage.
    const [path = '', query = ''] = hash.split('?');
    const docId = path.slice('#/browse/'.length);
    const params = new URLSearchParams(query);
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    const passage = params.has('start') && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start ? { start, end } : null;
    if (path.startsWith('#/browse/') && docId) void openReader(decodeURIComponent(docId), passage);
    else showList();
  }
  if (practices) {
    // #/practices/<id> is one practice; #/practices?category=… the library.
    const id = hash.startsWith('#/practices/') ? hash.slice('#/practices/'.length) : '';
    if (id) {
      hideLibrary();
      void showPractice(decodeURIComponent(id));
    } else {
      hidePracticePage();
      void showLibrary(new URLSearchParams(hash.split('?')[1] ?? ''));
    }
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

// ------------------------------------------------------------------------------------------------
// Start

const connection = new ChatConnection(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);

function wire() {
  el.newChat.addEventListener('click', () => {
    openChat();
    startNewConversation();
  });
  el.exportConversation.addEventListener('click', () => {
    const conversation = activeConversation();
    if (conversation) downloadMarkdown(conversationMarkdown(conversation), conversation.title);
  });
  el.sidebarToggle.addEventListener('click', () => (el.sidebar.classList.contains('open') ? closeSidebar() : openSidebar()));
  el.scrim.addEventListener('click', closeSidebar);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || isTokenPromptOpen()) return;
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
}

function init() {
  const saved = loadConversations();
  state.conversations = saved.conversations;
  state.activeId = saved.activeId ?? state.conversations[0]?.id ?? null;
  initQuestionScope();
  configureConversations({ closeSidebar, cancelAnswersOf, error: setComposerError });
  initConversations();
  initAsking(connection);
  initConnectionStatus(connection, {
    onTokenSaved: () => {
      clearDocumentCache();
      clearPracticeCache();
      void loadDocuments();
      route();
    },
  });
  wire();
  initSourcePanel({ focusWhenClosed: el.input });
  configureAnswerView({ openSource, retry, editQuestion, askAnew, announce, error: setComposerError });
  configureAnswerView({ extras: answerExtras });
  configureAnswerFeedback({ persist: () => persist(true), ask: (question, message) => askAnew(question, message.mode, message.filters), announce });
  initBrowse({ onAskAbout: askAboutDocument });
  initKnowledgeBase({
    announce,
    onCorpusChanged: () => {
      clearDocumentCache();
      void loadDocuments();
    },
  });
  const compareCategory = (/** @type {string} */ category) => void compareQuestion(category).then((question) => askInChat(question, 'compare'));
  initPractices({ onCompare: compareCategory });
  initPracticePage({
    openSource,
    ask: (practice) => askInChat(`${practice.name.text}是怎么做的？取得了哪些成效？`, 'qa', practice.college),
    compare: compareCategory,
  });
  renderConversationList();
  renderConversation();
  followConversation(activeConversation());
  route();
  connection.start();
  void checkHealth();
  void loadDocuments();
}

// Exposed for debugging in the console only.
Object.assign(window, { pbqa: { state, connection } });

init();
