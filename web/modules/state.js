/**
 * The page's state, shared by its modules (and exposed as `window.pbqa.state` for debugging in the
 * console). Conversations are saved by modules/store.js; everything else lasts as long as the page.
 *
 * @typedef {import('./store.js').Conversation} Conversation
 * @typedef {import('./documents.js').DocumentSummary} DocumentSummary
 */

export const state = {
  /** Limits the server validates against; replaced by what GET /api/health says. */
  limits: { maxQuestionLength: 500, maxHistoryTurns: 20, maxMessageBytes: 65_536 },
  /** @type {Conversation[]} newest first */
  conversations: [],
  /** @type {string | null} */
  activeId: null,
  /** @type {Map<string, { conversationId: string, messageId: string }>} question id → the answer it fills */
  inFlight: new Map(),
  /** @type {DocumentSummary[]} */
  documents: [],
  /** @type {Record<string, unknown> | null} the last GET /api/health */
  health: null,
};
