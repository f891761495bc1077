/**
 * 知识库: managing the corpus from the page. Who may manage it is the server's decision (see
 * server/admin-access.ts): with ADMIN_TOKEN set the view asks for the token once and keeps it in
 * this browser; without it, only the server's own machine may, and elsewhere the view says how
 * to enable it. Three tabs: 文章与上传 (kb-upload.js, kb-table.js), 命中测试 (kb-hit-test.js) and
 * 用户反馈 (kb-feedback.js). Ingest progress and finished jobs arrive over the event socket.
 *
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').IngestStatus} IngestStatus
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').KnowledgeBaseEvent} KnowledgeBaseEvent
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').KnowledgeBaseJob} KnowledgeBaseJob
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').KnowledgeBaseStatus} KnowledgeBaseStatus
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').CorpusPage} CorpusPage
 */
import { ApiError } from './api.js';
import { byId, formatWhen, show } from './dom.js';
import { adminToken, formatBytes, kbApi, KnowledgeBaseEvents } from './kb-api.js';
import { initFeedbackList, reloadFeedback } from './kb-feedback.js';
import { initHitTest, setHitTestFacets } from './kb-hit-test.js';
import { initCorpusTable, onTableJob, reloadTable } from './kb-table.js';
import { initUpload, onUploadJob, setUploadLimits, waitingJobs } from './kb-upload.js';

const title = byId('kb-title');
const summary = byId('kb-summary');
const locked = byId('kb-locked');
const lockedTitle = byId('kb-locked-title');
const lockedText = byId('kb-locked-text');
const tokenForm = byId('kb-token-form', HTMLFormElement);
const tokenInput = byId('kb-token-input', HTMLInputElement);
const panels = byId('kb-panels');
const ingestBox = byId('kb-ingest');
const ingestText = byId('kb-ingest-text');
const ingestBar = byId('kb-ingest-bar', HTMLProgressElement);
const tabs = /** @type {HTMLButtonElement[]} */ (['kb-tab-files', 'kb-tab-hits', 'kb-tab-feedback'].map((id) => byId(id, HTMLButtonElement)));

const events = new KnowledgeBaseEvents();
/** @type {KnowledgeBaseStatus | null} */
let status = null;
let entering = false;
/** @type {() => void} */
let corpusChanged = () => {};

/**
 * @param {{ announce: (text: string) => void, onCorpusChanged: () => void }} options
 *   `onCorpusChanged` runs after a job has changed the index (the chat's filters and 浏览文章 reload).
 */
export function initKnowledgeBase({ announce, onCorpusChanged }) {
  corpusChanged = onCorpusChanged;
  initUpload({ announce });
  initCorpusTable({ announce, onPage: showSummary });
  initHitTest();
  initFeedbackList({ announce });
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      if (next) {
        selectTab(next);
        next.focus();
      }
    });
  }
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = tokenInput.value.trim();
    if (!token) return;
    adminToken.set(token);
    tokenInput.value = '';
    events.restart();
    void openKnowledgeBase();
  });
  events.addEventListener('event', (event) => onEvent(/** @type {CustomEvent<KnowledgeBaseEvent>} */ (event).detail));
  events.addEventListener('state', (event) => {
    // Back after a drop: results that finished meanwhile are fetched, not waited for.
    if (/** @type {CustomEvent<{ connected: boolean }>} */ (event).detail.connected) void catchUp();
  });
}

function selectTab(/** @type {HTMLButtonElement} */ selected) {
  for (const tab of tabs) {
    const on = tab === selected;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    show(byId(/** @type {string} */ (tab.getAttribute('aria-controls'))), on);
  }
  if (selected.id === 'kb-tab-feedback') void reloadFeedback();
}

/** The view was opened: asks the server whether this browser may manage, then shows the panels. */
export async function openKnowledgeBase() {
  if (entering) return;
  entering = true;
  try {
    status = await kbApi('/api/kb/status');
    if (!status) return;
    show(locked, false);
    show(panels, true);
    setUploadLimits(status.limits);
    showIngest(status.ingest);
    tabs[2]?.toggleAttribute('disabled', !status.feedback);
    if (tabs[2]) tabs[2].title = status.feedback ? '' : '反馈数据库暂不可用（详见服务器日志）';
    events.start();
    await reloadTable();
  } catch (error) {
    showLocked(error);
  } finally {
    entering = false;
  }
}

/** Why this browser may not manage the knowledge base, and what to do about it. */
function showLocked(/** @type {unknown} */ error) {
  events.stop();
  show(panels, false);
  show(locked, true);
  const code = error instanceof ApiError ? error.code : '';
  show(tokenForm, code === 'ADMIN_UNAUTHORIZED');
  if (code === 'ADMIN_UNAUTHORIZED') {
    const wrong = adminToken.get() !== '';
    lockedTitle.textContent = wrong ? '管理令牌不正确' : '需要管理令牌';
    lockedText.textContent = `${wrong ? '保存的管理令牌已失效或不正确，请重新输入。' : '管理知识库（上传、更正、删除文章，查看用户反馈）需要服务器设置的管理令牌（ADMIN_TOKEN）。'}令牌只保存在本浏览器中。`;
    tokenInput.focus();
  } else if (code === 'ADMIN_LOOPBACK_ONLY') {
    lockedTitle.textContent = '只能在服务器本机管理知识库';
    lockedText.textContent = error instanceof Error ? error.message : '';
  } else if (code === 'NOT_FOUND') {
    lockedTitle.textContent = '此服务器没有开启知识库管理';
    lockedText.textContent = '请联系管理员。';
  } else {
    lockedTitle.textContent = '暂时无法打开知识库';
    lockedText.textContent = error instanceof Error ? error.message : String(error);
  }
  title.focus();
}

function onEvent(/** @type {KnowledgeBaseEvent} */ event) {
  if (event.type === 'status') {
    showIngest(event.ingest);
    for (const job of event.jobs) onJob(job);
  } else if (event.type === 'ingest') {
    showIngest(event.ingest);
  } else if (event.type === 'job') {
    onJob(event.job);
  }
}

function onJob(/** @type {KnowledgeBaseJob} */ job) {
  onUploadJob(job);
  if (job.state === 'waiting') return;
  onTableJob(job);
  corpusChanged();
}

/** Jobs the page waits for whose end it may have missed while the socket was down. */
async function catchUp() {
  for (const id of waitingJobs()) {
    try {
      const { job } = await kbApi(`/api/kb/jobs/${encodeURIComponent(id)}`);
      onJob(job);
    } catch {
      // Forgotten by the server (it keeps the last 50): the table still shows the result.
    }
  }
}

const phases = { starting: '正在启动导入', read: '正在读取和切分文章', index: '正在建立索引', publish: '正在启用新索引' };

function showIngest(/** @type {IngestStatus} */ ingest) {
  if (ingest.running) {
    const parts = [ingest.phase ? phases[ingest.phase] : '正在导入'];
    if (ingest.phase === 'read' && ingest.bytesTotal > 0) parts.push(`${formatBytes(ingest.bytesDone)} / ${formatBytes(ingest.bytesTotal)}`);
    if (ingest.documents) parts.push(`${ingest.documents} 篇文章`);
    if (ingest.passages) parts.push(`${ingest.passages} 个段落`);
    if (ingest.embedded) parts.push(`已计算 ${ingest.embedded} 个向量`);
    if (ingest.queued) parts.push('之后还会再导入一次新的改动');
    ingestText.textContent = `${parts.join(' · ')}…`;
    if (ingest.phase === 'read' && ingest.bytesTotal > 0) ingestBar.value = ingest.bytesDone / ingest.bytesTotal;
    else ingestBar.removeAttribute('value');
    show(ingestBar, true);
    ingestBox.dataset.state = 'running';
    show(ingestBox, true);
    return;
  }
  show(ingestBar, false);
  if (!ingest.last) {
    show(ingestBox, false);
    return;
  }
  ingestBox.dataset.state = ingest.last.ok ? 'ok' : 'failed';
  ingestText.textContent = ingest.last.ok
    ? `最近一次导入：${formatWhen(Date.parse(ingest.last.finishedAt))}完成，用时 ${(ingest.last.milliseconds / 1000).toFixed(1)} 秒。`
    : `最近一次导入失败：${ingest.last.message ?? ''}`;
  show(ingestBox, true);
}

function showSummary(/** @type {CorpusPage} */ page) {
  setHitTestFacets(page.facets);
  summary.textContent = page.index
    ? `已收录 ${page.index.documents} 篇文章、${page.index.passages} 个段落，来自 ${page.facets.colleges.length} 所院校 · 索引更新于 ${formatWhen(Date.parse(page.index.builtAt))}`
    : '索引尚未建立：上传文章后会自动导入。';
}
