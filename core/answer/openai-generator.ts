/**
 * The OpenAI adapter: the only file that imports `openai`. Works with any OpenAI-compatible
 * endpoint (DeepSeek, Qwen, vLLM, Ollama, llama.cpp) through `baseURL`.
 *
 * The SDK's own time-out ends when response headers arrive, so a stream that stalls afterwards
 * would hang; this adapter also bounds the wait for every chunk, the time of the whole reply (a
 * model sending a token a second would otherwise keep it open for ever) and its length (a runaway
 * stream would otherwise grow without end). Errors become AppErrors whose messages never include
 * the API key or the endpoint's raw response.
 */
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AppError, isAbortError } from '../errors.ts';
import type { ChatGenerator, ChatMessage } from './generator.ts';

export interface OpenAIGeneratorOptions {
  apiKey: string;
  /** Empty for api.openai.com. */
  baseURL: string;
  model: string;
  /** Longest wait for the response and for each streamed chunk. */
  timeoutMs: number;
  /** Longest time one whole reply may take (UPSTREAM_TIMEOUT after it). Default: no bound beyond `timeoutMs` per chunk. */
  answerTimeoutMs?: number;
  /** Most characters one reply may have (ANSWER_TOO_LONG beyond it). Default: unbounded. */
  maxAnswerChars?: number;
}

/** Maps SDK and network errors to product errors, keeping the original only as the cause. */
function toUpstreamError(error: unknown, timedOut: boolean, cancelled: boolean): AppError {
  if (error instanceof AppError) return error;
  if (cancelled) return new AppError('CANCELLED', undefined, { cause: error });
  if (timedOut || error instanceof APIConnectionTimeoutError) return new AppError('UPSTREAM_TIMEOUT', 'the model endpoint did not respond in time', { cause: error });
  if (error instanceof APIError && typeof error.status === 'number') {
    return new AppError('UPSTREAM_ERROR', `the model endpoint answered HTTP ${error.status}`, { cause: error, details: { status: error.status } });
  }
  if (error instanceof APIUserAbortError || isAbortError(error)) return new AppError('UPSTREAM_TIMEOUT', 'the model endpoint did not respond in time', { cause: error });
  return new AppError('UPSTREAM_ERROR', 'the model endpoint could not be reached or broke off', { cause: error });
}

class OpenAIGenerator implements ChatGenerator {
  readonly name: string;
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAIGeneratorOptions) {
    this.name = `openai:${options.model}`;
    this.client = new OpenAI({
      apiKey: options.apiKey,
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      timeout: options.timeoutMs,
      // A failed answer falls back to the extractive engine at once; retries would only delay it.
      maxRetries: 0,
    });
  }

  async *stream(messages: readonly ChatMessage[], signal: AbortSignal): AsyncIterable<string> {
    const { timeoutMs, answerTimeoutMs, maxAnswerChars = Infinity } = this.options;
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    // Unlike the per-chunk timer, the deadline is set once for the whole reply.
    let pastDeadline = false;
    const deadline =
      answerTimeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            pastDeadline = true;
            controller.abort();
          }, answerTimeoutMs);
    let produced = 0;
    try {
      arm();
      const stream = await this.client.chat.completions.create(
        { model: this.options.model, messages: [...messages], stream: true, temperature: 0.2 },
        { signal: controller.signal },
      );
      let finished = false;
      for await (const chunk of stream) {
        arm();
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          produced += delta.length;
          if (produced > maxAnswerChars) {
            controller.abort();
            throw new AppError('ANSWER_TOO_LONG', `the model's reply passed ${maxAnswerChars} characters`, { details: { limit: maxAnswerChars } });
          }
          yield delta;
        }
        if (choice?.finish_reason) finished = true;
      }
      if (!finished) {
        // The SDK ends the iteration quietly when the request is aborted: our time-out or a cancel.
        if (controller.signal.aborted) throw toUpstreamError(controller.signal.reason, timedOut, signal.aborted);
        // Otherwise a stream without a finish reason was cut off (connection dropped mid-answer).
        throw new AppError('UPSTREAM_ERROR', 'the model stream ended before the answer was finished');
      }
    } catch (error) {
      if (pastDeadline && !signal.aborted) throw new AppError('UPSTREAM_TIMEOUT', `the model did not finish its reply within ${answerTimeoutMs} ms`, { cause: error });
      throw toUpstreamError(error, timedOut, signal.aborted);
    } finally {
      clearTimeout(timer);
      clearTimeout(deadline);
      signal.removeEventListener('abort', onAbort);
    }
  }

  async complete(messages: readonly ChatMessage[], signal: AbortSignal): Promise<string> {
    let text = '';
    for await (const delta of this.stream(messages, signal)) text += delta;
    return text;
  }
}

/** A generator for an OpenAI-compatible endpoint, or null when no API key is configured. */
export function createOpenAIGenerator(options: OpenAIGeneratorOptions): ChatGenerator | null {
  if (!options.apiKey) return null;
  return new OpenAIGenerator(options);
}
