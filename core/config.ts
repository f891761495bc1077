/**
 * Settings, read once from an environment-like record and validated with zod. Core code never
 * touches `process.env`: entry points (server/main.ts, ingest/cli.ts, eval, bench) call
 * `loadConfig(process.env)` and pass the result down.
 *
 * Every setting is declared once below with its default and a one-line description; `.env.example`
 * is checked against this table by a test, so the two cannot drift apart.
 */
import fs from 'node:fs';
import net from 'node:net';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { AppError } from './errors.ts';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Whether `entry` is an address, a range in CIDR notation, or one of the named ranges Fastify's proxy-addr knows. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry) || net.isIP(entry) !== 0) return true;
  const range = /^(.+)\/(\d{1,3})$/.exec(entry);
  const version = range ? net.isIP(range[1]!) : 0;
  return version !== 0 && Number(range![2]) <= (version === 4 ? 32 : 128);
}

/** TRUST_PROXY: off, on (any proxy), a hop count, or the proxies' addresses and ranges, as Fastify's `trustProxy` takes them. */
const trustProxy = z.string().transform((value, context): boolean | number | string[] => {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const wrong = entries.find((entry) => !isProxyAddress(entry));
  if (wrong !== undefined) context.addIssue({ code: 'custom', message: `"${wrong}" is not an address, a range such as 10.0.0.0/8, loopback, linklocal or uniquelocal` });
  return entries;
});

/** A setting: its schema, its default (as it would be written in .env) and what it does. */
interface Setting<T extends z.ZodType> {
  schema: T;
  default: string;
  doc: string;
  /** A secret: an invalid value is named but never echoed. */
  secret?: boolean;
}

function setting<T extends z.ZodType>(schema: T, defaultValue: string, doc: string, options: { secret?: boolean } = {}): Setting<T> {
  return { schema, default: defaultValue, doc, ...options };
}

// The page sends the token in an Authorization header and a websocket subprotocol: printable ASCII
// only. Refusing anything else at start-up beats a token that works on one path and not the other.
const accessToken = z.string().regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces (letters, digits, punctuation), as HTTP headers carry nothing else');

/** The table of every setting the product reads. Order is the order of `.env.example`. */
export const settings = {
  CORPUS_DIR: setting(z.string().min(1), 'corpus', 'Folder of articles to ingest (.txt .md .html .docx .pdf .jsonl)'),
  INDEX_DIR: setting(z.string().min(1), 'data/index', 'Folder where ingest writes the search index and the server reads it'),
  DATABASE_URL: setting(
    z.union([z.literal(''), z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')]),
    '',
    'PostgreSQL for search and storage instead of INDEX_DIR (postgres://user:password@host:5432/db); empty: the embedded index',
  ),
  DATABASE_POOL_SIZE: setting(integer(1, 1000), '8', 'Connections each server (or ingest) keeps to DATABASE_URL'),
  PORT: setting(integer(0, 65535), '3000', 'HTTP port of the chat server'),
  HOST: setting(z.string().min(1), '127.0.0.1', 'Interface to listen on; 0.0.0.0 to serve other machines on the network'),
  TRUST_PROXY: setting(trustProxy, '', 'Behind a reverse proxy: its address(es) or range(s) (e.g. 127.0.0.1 or 10.0.0.0/8), a hop count, or true; client addresses then come from X-Forwarded-For. Empty: off (clients reach the server directly)'),
  LOG_LEVEL: setting(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info', 'Log level (pino)'),
  LOG_QUESTIONS: setting(booleanString, 'false', 'Write the text of user questions into the logs'),
  INGEST_ON_START: setting(booleanString, 'true', 'npm start ingests first when the index is missing or older than the corpus'),
  WATCH_CORPUS: setting(booleanString, 'false', 'While serving, re-ingest in the background when files in CORPUS_DIR change, then swap the new index in'),

  EMBEDDING_MODEL: setting(z.string(), 'Xenova/bge-small-zh-v1.5', 'Embedding model id (transformers.js); empty for lexical-only search'),
  MODELS_DIR: setting(z.string().min(1), 'models', 'Local models folder: <MODELS_DIR>/<model id>/ is used before any download'),
  ALLOW_REMOTE_MODELS: setting(booleanString, 'true', 'Download the embedding model when it is not in MODELS_DIR'),
  REMOTE_MODEL_HOST: setting(z.string().url(), 'https://huggingface.co/', 'Model download host; e.g. https://hf-mirror.com/ where huggingface.co is unreachable'),
  EMBEDDING_BATCH_SIZE: setting(integer(1, 256), '4', 'Passages per embedding batch during ingest (on CPU, 1–4 were fastest and 16 was 15–25% slower; see bench/results/latest.md)'),

  CHUNK_SIZE: setting(integer(50, 4000), '500', 'Target passage length in characters'),
  CHUNK_OVERLAP: setting(integer(0, 1000), '80', 'Characters of the previous passage repeated at the start of the next'),
  HNSW_M: setting(integer(4, 128), '16', 'HNSW graph degree (vector index build)'),
  HNSW_EF_CONSTRUCTION: setting(integer(10, 2000), '200', 'HNSW build-time candidate list size'),
  HNSW_EF_SEARCH: setting(integer(10, 2000), '256', 'HNSW search-time candidate list size (higher: better recall, slower search; see bench/results/latest.md)'),

  OPENAI_API_KEY: setting(z.string(), '', 'API key of an OpenAI-compatible endpoint; empty uses the offline extractive engine', { secret: true }),
  OPENAI_BASE_URL: setting(z.union([z.literal(''), z.string().url()]), '', 'Base URL of the endpoint (DeepSeek, Qwen, vLLM, Ollama, llama.cpp); empty for api.openai.com'),
  OPENAI_MODEL: setting(z.string().min(1), 'gpt-4o-mini', 'Chat model name at that endpoint'),
  OPENAI_TIMEOUT_MS: setting(integer(1000, 600_000), '30000', 'Longest wait for the model endpoint to answer and then for each streamed piece; on time-out the extractive answer is used'),
  OPENAI_ANSWER_TIMEOUT_MS: setting(integer(1000, 3_600_000), '180000', 'Longest time one generated answer may take in all; after it the extractive answer is used'),
  OPENAI_MAX_ANSWER_CHARS: setting(integer(500, 1_000_000), '20000', 'Longest generated answer, in characters; a longer one is dropped for the extractive answer'),
  PRACTICES_MODEL_PASS: setting(booleanString, 'false', 'npm run ingest also asks the model endpoint to propose practices for the 做法库 (names must occur word for word in the article)'),

  ACCESS_TOKEN: setting(accessToken, '', 'When set, every API route and the websocket require "Authorization: Bearer <token>" (printable ASCII, no spaces)', { secret: true }),
  RATE_LIMIT_PER_MINUTE: setting(integer(0, 1_000_000), '120', 'Requests per minute per client; 0 turns rate limiting off'),
  AUTH_FAILURES_PER_MINUTE: setting(integer(1, 100_000), '10', 'Wrong access tokens a client may present per minute; after that it gets 429 until the minute has passed'),
  CORS_ORIGIN: setting(z.string(), '', 'Allowed cross-origin caller (e.g. https://intranet.example.edu); empty: no CORS'),
  MAX_QUESTION_LENGTH: setting(integer(10, 20_000), '500', 'Longest question accepted, in characters'),
  MAX_HISTORY_TURNS: setting(integer(0, 200), '20', 'Most conversation turns sent with one question'),
  REQUEST_TIMEOUT_MS: setting(integer(1000, 600_000), '30000', 'Longest time a client may take to send a whole request (headers at most 10 s of it); slower ones get 408 and are disconnected'),
  MAX_MESSAGE_BYTES: setting(integer(1024, 16_777_216), '65536', 'Largest websocket message or JSON body accepted, in bytes'),
  MAX_IN_FLIGHT_PER_SOCKET: setting(integer(1, 100), '4', 'Questions one socket may have in flight at once'),
  WS_PING_INTERVAL_MS: setting(integer(100, 600_000), '30000', 'How often the server pings each websocket; a client that has not answered the previous ping is disconnected'),
  MAX_CONNECTIONS_PER_CLIENT: setting(integer(1, 100_000), '50', 'Open websocket connections allowed per client address'),
  SHUTDOWN_GRACE_MS: setting(integer(0, 600_000), '10000', 'On SIGTERM, how long in-flight answers may take to finish'),

  ADMIN_TOKEN: setting(
    z.string().regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces (letters, digits, punctuation), as HTTP headers carry nothing else'),
    '',
    'Token for managing the knowledge base (upload, correct, delete, hit testing, reading feedback): "Authorization: Bearer <token>"; empty: only clients on this machine (loopback) may manage it',
  ),
  UPLOAD_MAX_FILE_BYTES: setting(integer(1024, 50 * 1024 * 1024), '20971520', 'Largest file one upload on the page may hold, in bytes (20 MB; ingest reads files up to 50 MB)'),
  UPLOAD_MAX_FILES: setting(integer(1, 1000), '20', 'Most files in one upload'),
  SQLITE_FILE: setting(z.string().min(1), 'data/app.sqlite', 'SQLite database of answer feedback and upload records (with DATABASE_URL they live in PostgreSQL instead)'),
} as const;

type Settings = typeof settings;
export type SettingName = keyof Settings;

/** The validated configuration. */
export type Config = Readonly<{ [K in SettingName]: z.output<Settings[K]['schema']> }>;

/**
 * Validates settings from `env` (usually `process.env`), filling in defaults.
 * Unknown variables are ignored; a bad value throws CONFIG_INVALID naming the variable.
 */
export function loadConfig(env: Record<string, string | undefined> = {}, overrides: Partial<Record<SettingName, string>> = {}): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(settings) as [SettingName, Setting<z.ZodType>][]) {
    const raw = overrides[name] ?? env[name] ?? entry.default;
    const parsed = entry.schema.safeParse(raw.trim());
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name}=${entry.secret ? '(hidden)' : JSON.stringify(raw)}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  if (problems.length > 0) {
    throw new AppError('CONFIG_INVALID', `Invalid settings:\n  ${problems.join('\n  ')}`, { details: { problems } });
  }
  return Object.freeze(values) as Config;
}

/**
 * Reads a `.env` file if there is one. Entry points merge it under the real environment:
 * `loadConfig({ ...readEnvFile('.env'), ...process.env })`, so exported variables win.
 */
export function readEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  return parseEnv(text) as Record<string, string>;
}

/** The text of `.env.example`, generated from the settings table. */
export function renderEnvExample(): string {
  const lines = ['# 党建典型经验问答助手: every setting, with its default. Copy to .env and edit.', ''];
  for (const [name, entry] of Object.entries(settings)) {
    lines.push(`# ${entry.doc}`, `${name}=${entry.default}`, '');
  }
  return lines.join('\n');
}
