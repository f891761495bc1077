/**
 * HTTP calls to the server, with the product's error shape (`{ error: { code, message } }`) turned
 * into ApiError, and the optional access token: when the server has ACCESS_TOKEN set, the page asks
 * for it once (see app.js), keeps it in this browser, and sends it as `Authorization: Bearer …` on
 * every API call and as a websocket subprotocol (browsers cannot set headers on a websocket).
 */

const tokenKey = 'pbqa.accessToken.v1';

/** The chat subprotocol (server/security.ts); the token travels as a second one. */
export const chatProtocol = 'pbqa.v1';

export const accessToken = {
  get() {
    let token = '';
    try {
      token = localStorage.getItem(tokenKey) || '';
    } catch {
      return '';
    }
    // An HTTP header carries printable ASCII only; anything else could never be sent.
    return /^[\x21-\x7e]+$/.test(token) ? token : '';
  },
  set(/** @type {string} */ token) {
    try {
      if (token) localStorage.setItem(tokenKey, token);
      else localStorage.removeItem(tokenKey);
    } catch {
      /* storage unavailable: the token lasts until the page closes */
    }
  },
  /** Websocket subprotocols: the chat protocol and, when there is a token, `pbqa.bearer.<base64url>`. */
  protocols() {
    return tokenProtocols(this.get());
  },
};

/** Websocket subprotocols that present `token` (none: the chat protocol alone). */
export function tokenProtocols(/** @type {string} */ token) {
  if (!token) return [chatProtocol];
  const bytes = new TextEncoder().encode(token);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return [chatProtocol, `pbqa.bearer.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`];
}

export class ApiError extends Error {
  /**
   * @param {string} code the server's stable error code, `NETWORK`, or `HTTP_<status>`
   * @param {string} message
   * @param {Record<string, unknown>} [details]
   */
  constructor(code, message, status = 0, details = undefined) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** @type {((reason: string | undefined) => void) | null} */
let unauthorizedHandler = null;

/**
 * Called (once per failing request) when the server answers 401: the page asks for a token.
 * @param {(reason: string | undefined) => void} handler
 */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/**
 * Fetches `path`. Resolves with the parsed JSON body (or the Response when `raw`), rejects with
 * ApiError: code `NETWORK` when the server cannot be reached, else the server's code and message.
 * Statuses listed in `accept` resolve like 2xx.
 * @param {string} path
 * `token` replaces the access token (the knowledge-base view sends its admin token).
 * @param {{ method?: string, body?: unknown, signal?: AbortSignal, raw?: boolean, accept?: number[], token?: string }} [options]
 * @returns {Promise<any>} the body, typed where it is used
 */
export async function api(path, { method = 'GET', body, signal, raw = false, accept = [], token: given } = {}) {
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = given ?? accessToken.get();
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, cache: 'no-store' });
  } catch (error) {
    if (/** @type {Error | undefined} */ (error)?.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', '无法连接到服务器，请检查网络，或确认服务已经启动。');
  }
  if (response.ok || accept.includes(response.status)) return raw ? response : response.json();
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    /* not JSON: a proxy's error page */
  }
  const error = payload?.error;
  // A missing admin token (ADMIN_UNAUTHORIZED) is the knowledge-base view's to ask for.
  if (response.status === 401 && error?.code !== 'ADMIN_UNAUTHORIZED') unauthorizedHandler?.(error?.message);
  throw new ApiError(error?.code ?? `HTTP_${response.status}`, error?.message ?? `服务器返回错误（HTTP ${response.status}）`, response.status, error?.details);
}
