/**
 * A text generator (a chat model), as the answer engine sees it. One adapter implements it
 * (`openai-generator.ts`, for any OpenAI-compatible endpoint); tests use a real local HTTP server
 * speaking the same protocol.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatGenerator {
  /** `openai:<model>`, shown in health and on answers. */
  readonly name: string;
  /**
   * Streams the reply as text deltas. Throws AppError UPSTREAM_ERROR (endpoint error, broken
   * stream), UPSTREAM_TIMEOUT (no progress within the time-out) or CANCELLED (signal aborted).
   */
  stream(messages: readonly ChatMessage[], signal: AbortSignal): AsyncIterable<string>;
  /** The whole reply at once (short tasks such as rewriting a follow-up question). */
  complete(messages: readonly ChatMessage[], signal: AbortSignal): Promise<string>;
}
