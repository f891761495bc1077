/**
 * The chat websocket, kept open: connects, and after any drop reconnects by itself with
 * exponential backoff (0.5 s doubling to 15 s, with jitter). Emits:
 * - `state`   { state: 'connecting' | 'connected' | 'reconnecting', retryInMs?, attempt }
 * - `message` the parsed server message
 * - `dropped` when a socket that was open closes (questions in flight on it are lost)
 *
 * @typedef {import('../../core/answer/protocol.ts').ClientMessage} ClientMessage
 * @typedef {'connecting' | 'connected' | 'reconnecting'} ConnectionState
 * @typedef {{ state: ConnectionState, retryInMs?: number, attempt: number }} StateDetail
 */
import { accessToken } from './api.js';

const firstDelayMs = 500;
const maxDelayMs = 15_000;

export class ChatConnection extends EventTarget {
  /** @param {string} url */
  constructor(url) {
    super();
    this.url = url;
    /** @type {WebSocket | null} */
    this.socket = null;
    /** @type {ConnectionState} */
    this.state = 'connecting';
    this.attempt = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.everConnected = false;
  }

  start() {
    this.open();
    window.addEventListener('online', () => this.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.state === 'reconnecting') this.reconnectNow();
    });
  }

  get connected() {
    return this.state === 'connected' && this.socket?.readyState === WebSocket.OPEN;
  }

  /**
   * Sends a message; false when not connected.
   * @param {ClientMessage} message
   */
  send(message) {
    if (!this.connected || !this.socket) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Skips the wait (the user pressed 立即重连, the network came back, or a new token was given). */
  reconnectNow() {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) {
      const socket = this.socket;
      this.socket = null;
      socket.onclose = null;
      socket.close();
      if (this.state === 'connected') this.emit('dropped');
    }
    this.attempt = 0;
    this.open();
  }

  open() {
    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    let socket;
    try {
      socket = new WebSocket(this.url, accessToken.protocols());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.everConnected = true;
      this.attempt = 0;
      this.setState('connected');
    };
    socket.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message && typeof message.type === 'string') this.dispatchEvent(new CustomEvent('message', { detail: message }));
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.state === 'connected') this.emit('dropped');
      this.scheduleRetry();
    };
  }

  scheduleRetry() {
    const base = Math.min(maxDelayMs, firstDelayMs * 2 ** this.attempt);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.attempt++;
    this.setState('reconnecting', delay);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.open(), delay);
  }

  /**
   * @param {ConnectionState} state
   * @param {number} [retryInMs]
   */
  setState(state, retryInMs) {
    this.state = state;
    /** @type {StateDetail} */
    const detail = { state, retryInMs, attempt: this.attempt };
    this.dispatchEvent(new CustomEvent('state', { detail }));
  }

  /** @param {'dropped'} type */
  emit(type) {
    this.dispatchEvent(new CustomEvent(type));
  }
}
