/**
 * Whether the page can work, as the header and the banner show it: the websocket's state (with the
 * reconnect countdown and 立即重连), the server's health (index missing, lexical-only search, the
 * limits the page checks against), and the access-token prompt when the server asks for one.
 *
 * @typedef {import('./connection.js').ChatConnection} ChatConnection
 * @typedef {import('./connection.js').ConnectionState} ConnectionState
 * @typedef {import('./connection.js').StateDetail} StateDetail
 */
import { accessToken, api, ApiError, onUnauthorized } from './api.js';
import { applyLimits, clearConnectionError } from './asking.js';
import { announce, byId, show } from './dom.js';
import { state } from './state.js';

const indicator = byId('connection');
const label = byId('connection-label');
const reconnectNow = byId('reconnect-now');
const banner = byId('banner');
const bannerText = byId('banner-text');
const bannerRetry = byId('banner-retry');
const healthNote = byId('health-note');
const tokenDialog = byId('token-dialog', HTMLDialogElement);
const tokenInput = byId('token-input', HTMLInputElement);
const tokenReason = byId('token-reason');

/** @type {Record<ConnectionState, string>} */
const labels = { connecting: '正在连接…', connected: '已连接', reconnecting: '连接中断，正在重连…' };

/** @type {ChatConnection} */
let connection;
/** @type {ReturnType<typeof setInterval> | undefined} */
let countdown;
/** @type {ConnectionState} */
let lastState = 'connecting';

/** @param {StateDetail} detail */
function onConnectionState({ state: connectionState, retryInMs }) {
  indicator.dataset.state = connectionState;
  // Screen readers hear changes of state, not the countdown.
  if (connectionState !== lastState) {
    if (connectionState === 'reconnecting' && lastState === 'connected') announce('与服务器的连接已中断，正在自动重连');
    if (connectionState === 'connected' && lastState === 'reconnecting') announce('已重新连接到服务器');
    lastState = connectionState;
  }
  clearInterval(countdown);
  label.textContent = labels[connectionState];
  indicator.title = labels[connectionState];
  if (connectionState === 'reconnecting' && retryInMs) {
    const at = Date.now() + retryInMs;
    const tick = () => {
      const seconds = Math.ceil((at - Date.now()) / 1000);
      label.textContent = seconds > 0 ? `连接中断，${seconds} 秒后重连` : labels.reconnecting;
      if (seconds <= 0) clearInterval(countdown);
    };
    tick();
    countdown = setInterval(tick, 1000);
  }
  show(reconnectNow, connectionState === 'reconnecting');
  if (connectionState === 'connected') {
    if (!banner.hidden && banner.dataset.kind === 'unreachable') void checkHealth();
    clearConnectionError();
  } else if (connectionState === 'reconnecting') {
    void checkHealth();
  }
}

/**
 * @param {string | null} kind
 * @param {string | null} text
 */
function setBanner(kind, text) {
  banner.dataset.kind = kind ?? '';
  bannerText.textContent = text ?? '';
  show(banner, Boolean(text));
}

/**
 * GET /api/health as the server answers it (503 too, when it cannot search).
 * @typedef {object} Health
 * @property {'ok' | 'degraded' | 'unavailable'} status
 * @property {'hybrid' | 'lexical' | string} searchMode
 * @property {string[]} [warnings]
 * @property {{ code: string, message: string }} [error]
 * @property {number} [maxQuestionLength]
 * @property {number} [maxHistoryTurns]
 * @property {number} [maxMessageBytes]
 */

let healthChecking = false;
/** Asks the server how it is: the banner, the search-mode note and the limits follow. */
export async function checkHealth() {
  if (healthChecking) return;
  healthChecking = true;
  try {
    /** @type {Health} */
    const health = await api('/api/health', { accept: [503] });
    state.health = health;
    for (const key of /** @type {const} */ (['maxQuestionLength', 'maxHistoryTurns', 'maxMessageBytes'])) {
      const value = health[key];
      if (Number.isInteger(value)) state.limits[key] = /** @type {number} */ (value);
    }
    applyLimits();
    if (health.status === 'unavailable') {
      setBanner('index', `知识库暂不可用：${health.error?.message ?? '索引尚未建立'}。请联系管理员运行导入（npm run ingest）。`);
    } else {
      setBanner(null, null);
    }
    const notes = [];
    if (health.searchMode === 'lexical') notes.push('当前为关键词检索（未加载语义模型），换个说法可能找到更多内容。');
    else if (health.status === 'degraded') notes.push('检索服务部分功能不可用，结果可能不完整。');
    healthNote.textContent = notes.join(' ');
    healthNote.title = (health.warnings ?? []).join('\n');
    show(healthNote, notes.length > 0);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NETWORK') setBanner('unreachable', '无法连接到服务器。请确认服务已启动、网络正常；页面会自动重连。');
    else if (error instanceof ApiError && error.status === 401) setBanner('auth', '需要访问令牌才能使用。');
    else setBanner('error', `服务器状态异常：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    healthChecking = false;
  }
}

let tokenPromptOpen = false;
/** @param {string | undefined} reason */
function promptForToken(reason) {
  if (tokenPromptOpen) return;
  tokenPromptOpen = true;
  const wrong = accessToken.get() !== '' || /不正确/.test(reason ?? '');
  tokenReason.textContent = `${wrong ? '访问令牌不正确，请重新输入。' : '服务器已开启访问控制，请输入管理员提供的访问令牌。'}令牌只保存在本浏览器中。`;
  tokenInput.value = '';
  tokenDialog.showModal();
}

/** Whether the access-token dialog is open (Esc belongs to it then). */
export function isTokenPromptOpen() {
  return tokenDialog.open;
}

/**
 * Shows `chat`'s state and the server's health. After the user gives a new access token the
 * socket reconnects, health is asked again, and `onTokenSaved` runs (to reload what needed it).
 * @param {ChatConnection} chat
 * @param {{ onTokenSaved: () => void }} options
 */
export function initConnectionStatus(chat, { onTokenSaved }) {
  connection = chat;
  reconnectNow.addEventListener('click', () => connection.reconnectNow());
  bannerRetry.addEventListener('click', () => {
    if (banner.dataset.kind === 'auth') promptForToken('');
    else {
      connection.reconnectNow();
      void checkHealth();
    }
  });
  tokenDialog.addEventListener('close', () => {
    tokenPromptOpen = false;
    if (tokenDialog.returnValue === 'save' && tokenInput.value.trim()) {
      accessToken.set(tokenInput.value.trim());
      connection.reconnectNow();
      void checkHealth();
      onTokenSaved();
    }
  });
  onUnauthorized((reason) => promptForToken(reason));
  connection.addEventListener('state', (event) => onConnectionState(/** @type {CustomEvent<StateDetail>} */ (event).detail));
}
