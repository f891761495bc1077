/**
 * The knowledge-base view's link to the server: `/api/kb` requests with the admin token (when the
 * server has ADMIN_TOKEN; kept in this browser like the access token), uploads with progress
 * (XMLHttpRequest, since fetch reports none for a request body), and the event socket
 * (`/api/kb/events`: ingest progress and finished jobs), which reconnects by itself.
 *
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').KnowledgeBaseEvent} KnowledgeBaseEvent
 */
import { accessToken, api, ApiError, tokenProtocols } from './api.js';

const adminTokenKey = 'pbqa.adminToken.v1';

export const adminToken = {
  get() {
    let token = '';
    try {
      token = localStorage.getItem(adminTokenKey) || '';
    } catch {
      return '';
    }
    return /^[\x21-\x7e]+$/.test(token) ? token : '';
  },
  set(/** @type {string} */ token) {
    try {
      if (token) localStorage.setItem(adminTokenKey, token);
      else localStorage.removeItem(adminTokenKey);
    } catch {
      /* storage unavailable: the token lasts until the page closes */
    }
  },
};

/** The token the knowledge-base routes get: the admin token, else the access token (loopback management). */
function managerToken() {
  return adminToken.get() || accessToken.get();
}

/**
 * A `/api/kb` request (see `api`), with the manager's token.
 * @param {string} path
 * @param {{ method?: string, body?: unknown, signal?: AbortSignal, raw?: boolean }} [options]
 * @returns {Promise<any>}
 */
export function kbApi(path, options = {}) {
  return api(path, { ...options, token: managerToken() });
}

/**
 * Uploads a form (files and their metadata) to `POST /api/kb/uploads`, reporting bytes sent.
 * Resolves with the 202 body; rejects with ApiError (the server's code, or NETWORK).
 * @param {FormData} form
 * @param {(sent: number, total: number) => void} onProgress
 * @returns {Promise<any>}
 */
export function uploadForm(form, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/kb/uploads');
    request.setRequestHeader('accept', 'application/json');
    const token = managerToken();
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    request.addEventListener('load', () => {
      const body = request.response;
      if (request.status >= 200 && request.status < 300) resolve(body);
      else {
        const error = body?.error;
        reject(new ApiError(error?.code ?? `HTTP_${request.status}`, error?.message ?? `服务器返回错误（HTTP ${request.status}）`, request.status, error?.details));
      }
    });
    request.addEventListener('error', () => reject(new ApiError('NETWORK', '上传中断：无法连接到服务器。')));
    request.addEventListener('abort', () => reject(new ApiError('CANCELLED', '已取消上传。')));
    request.send(form);
  });
}

/**
 * The event socket. Emits `event` (a KnowledgeBaseEvent) and `state` ({ connected }); reconnects
 * with backoff (1 s doubling to 30 s) until `stop`.
 */
export class KnowledgeBaseEvents extends EventTarget {
  constructor() {
    super();
    /** @type {WebSocket | null} */
    this.socket = null;
    this.attempt = 0;
    this.stopped = true;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  }

  /** Reconnects now (a new token was given). */
  restart() {
    this.stop();
    this.attempt = 0;
    this.start();
  }

  open() {
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/kb/events`, tokenProtocols(managerToken()));
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.dispatchEvent(new CustomEvent('state', { detail: { connected: true } }));
    };
    socket.onmessage = (message) => {
      /** @type {KnowledgeBaseEvent | null} */
      let event = null;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (event && typeof event.type === 'string') this.dispatchEvent(new CustomEvent('event', { detail: event }));
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.dispatchEvent(new CustomEvent('state', { detail: { connected: false } }));
      if (this.stopped) return;
      const delay = Math.min(30_000, 1000 * 2 ** this.attempt++);
      this.timer = setTimeout(() => this.open(), delay);
    };
  }
}

/** `12.3 MB`, `456 KB`. */
export function formatBytes(/** @type {number} */ bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}
