/**
 * Test helpers for the HTTP API: the real Fastify app (`buildApp`) over a real index, queried with
 * `app.inject`. Every app built here is closed by `closeTestApps` (call it from afterEach).
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { loadConfig, type Config, type SettingName } from '../../core/config.ts';
import type { Embedder } from '../../core/embedding/embedder.ts';
import type { SnapshotSource } from '../../core/index/index-snapshot.ts';
import { SearchService } from '../../core/retrieval/search-service.ts';
import { buildApp } from '../../server/app.ts';
import { AnswerService } from '../../core/answer/answer-service.ts';
import type { AppStore } from '../../core/store/app-store.ts';
import type { ChatGenerator } from '../../core/answer/generator.ts';

export interface TestAppOptions {
  indexDir: string;
  /** Serve this source (a PostgreSQL database) instead of `indexDir`. */
  source?: SnapshotSource;
  /** The query embedder the server runs with; null (the default) for lexical-only. */
  embedder?: Embedder | null;
  /** Why there is no embedder, as `loadTransformersEmbedder` would say. */
  embedderWarning?: string;
  /** Settings that differ from the defaults. */
  settings?: Partial<Record<SettingName, string>>;
  /** The model endpoint answers are generated with; null (the default) for extractive answers. */
  generator?: ChatGenerator | null;
  /** Where feedback and upload records go (none by default: those routes answer STORE_UNAVAILABLE). */
  store?: AppStore | null;
}

export interface TestApp {
  app: FastifyInstance;
  search: SearchService;
  config: Config;
  /** GET `url` with `query` (encoded by inject, so Chinese values are fine); returns status and parsed JSON. */
  get<T = any>(url: string, query?: Record<string, string>): Promise<{ status: number; body: T; raw: string }>;
}

const open = new Set<{ app: FastifyInstance; search: SearchService }>();

/** Builds the app the way server/main.ts does, over `indexDir`. */
export async function buildTestApp(options: TestAppOptions): Promise<TestApp> {
  // Limits a test is not about stay out of its way; tests of the limiter set them explicitly.
  const config = loadConfig({}, { ...(options.indexDir ? { INDEX_DIR: options.indexDir } : {}), RATE_LIMIT_PER_MINUTE: '0', ...options.settings });
  const embedder = options.embedder ?? null;
  const shared = { embedder, embedderWarning: options.embedderWarning, retriever: { efSearch: config.HNSW_EF_SEARCH }, closeDelayMs: 0 };
  const search = options.source ? new SearchService({ source: options.source, ...shared }) : new SearchService({ indexDir: options.indexDir, ...shared });
  if (options.source) await search.loadAsync();
  else search.load();
  const answers = new AnswerService({ search, generator: options.generator ?? null });
  const app = await buildApp({ config, search, answers, store: options.store ?? null });
  open.add({ app, search });
  return {
    app,
    search,
    config,
    async get(url, query) {
      const response = await app.inject({ method: 'GET', url, ...(query ? { query } : {}) });
      return { status: response.statusCode, body: response.json(), raw: response.body };
    },
  };
}

/** Closes every app (and its index snapshot) built since the last call. */
export async function closeTestApps(): Promise<void> {
  for (const entry of open) {
    await entry.app.close();
    entry.search.close();
  }
  open.clear();
}

/**
 * Asserts the product's error shape: the status, `{ error: { code, message } }` with a stable
 * code, and nothing of a stack trace or a server path in the body.
 */
export function expectApiError(response: { status: number; body: any; raw: string }, status: number, code: string): void {
  expect(response.status, response.raw).toBe(status);
  expect(response.body.error?.code, response.raw).toBe(code);
  expect(typeof response.body.error.message).toBe('string');
  expect(response.body.error.message.length).toBeGreaterThan(0);
  expect(response.raw).not.toMatch(/\bstack\b|\n\s+at |\.ts:\d+|node_modules|\/work\/|\/tmp\//);
}
