/**
 * Fuzzing of the two surfaces a client reaches: websocket frames on `/ws` and raw HTTP requests.
 * A seeded generator makes malformed input of every kind (non-JSON, wrong types for every field,
 * missing fields, unknown types, odd ids, huge strings, deep nesting, frames over the size limit,
 * binary frames, invalid UTF-8; bad query strings, wrong content types, malformed and oversized
 * bodies, path traversal in document ids, unknown methods, garbage request lines) and checks every
 * answer: each frame gets exactly one protocol `error` with a stable code and the socket stays
 * open; each request gets a JSON error (4xx, never 5xx) without stack traces or server paths.
 *
 * The CI form is test/integration/fuzz.test.ts; the long form is
 *   npm run fuzz -- [--frames N] [--requests N] [--seed N]   (or FUZZ_FRAMES, FUZZ_REQUESTS, FUZZ_SEED)
 * which serves the default corpus from a temporary index on a loopback port and exits non-zero
 * on any failure.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { questionIdSchema, serverMessageSchema, type ServerMessage } from '../core/answer/protocol.ts';
import { errorCodes, type ErrorCode } from '../core/errors.ts';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same inputs. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** `length` characters drawn from `alphabet`. */
  text(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz党建引领支部工程学院红色'): string {
    let out = '';
    for (let index = 0; index < length; index++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  bytes(length: number): Buffer {
    const buffer = Buffer.alloc(length);
    for (let index = 0; index < length; index++) buffer[index] = Math.floor(this.next() * 256);
    return buffer;
  }
}

/** The limits the server runs with (the generator aims just past them). */
export interface FuzzLimits {
  maxMessageBytes: number;
  maxQuestionLength: number;
  maxHistoryTurns: number;
}

/** One malformed websocket frame and what its error must look like. */
export interface FuzzFrame {
  kind: string;
  data: string | Buffer;
  binary: boolean;
  /** Codes the error may carry. */
  codes: readonly ErrorCode[];
  /** The id the error must carry (the frame's own, when well formed); undefined: no id. */
  id: string | undefined;
}

const validQuestion = '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？';
const oddIds = ['a b', '../x', '<script>alert(1)</script>', 'id\u0000', '😀', '中文id', 'x'.repeat(101), '', 'a/b', 'a\\b', '%2e%2e', 'id\n2', '${id}', "'; DROP TABLE x; --"];
const wrongValues: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, '', 'x', [], [1, 2], {}, { a: 1 }, [[[]]]];

/** Values that are not what `field` wants. */
function wrongFor(rng: Rng, field: string, limits: FuzzLimits): { value: unknown; tooLongQuestion?: boolean } {
  switch (field) {
    case 'type':
      return { value: rng.pick<unknown>(['asks', 'ASK', 'Ask', 'ask ', 'cancel2', 'hello', 'error', 'answer-end', '', 1, null, [], {}, ['ask']]) };
    case 'id':
      return { value: rng.chance(0.6) ? rng.pick(oddIds) : rng.pick(wrongValues.filter((value) => typeof value !== 'string')) };
    case 'question': {
      const roll = rng.int(0, 5);
      if (roll === 0) return { value: rng.text(limits.maxQuestionLength + rng.int(1, 200)), tooLongQuestion: true };
      if (roll === 1) return { value: rng.pick(['', ' ', '\t\n', '\u3000 ', ' '.repeat(50)]) };
      return { value: rng.pick(wrongValues.filter((value) => typeof value !== 'string' || value === '')) };
    }
    case 'mode':
      return { value: rng.pick<unknown>(['QA', 'qa ', 'summarize', 'compare!', '', 1, null, [], {}, ['qa']]) };
    case 'history': {
      const roll = rng.int(0, 6);
      if (roll === 0) return { value: Array.from({ length: limits.maxHistoryTurns + rng.int(1, 5) }, () => ({ role: 'user', content: '党建' })) };
      if (roll === 1) return { value: [{ role: rng.pick(['system', 'tool', '', 'USER']), content: '党建' }] };
      if (roll === 2) return { value: [{ role: 'user', content: rng.pick(wrongValues.filter((value) => typeof value !== 'string')) }] };
      if (roll === 3) return { value: [{ role: 'user', content: 'x'.repeat(20_001) }] };
      if (roll === 4) return { value: [null] };
      return { value: rng.pick(wrongValues.filter((value) => !Array.isArray(value) || (value as unknown[]).length > 0)) };
    }
    default: {
      // filters
      const roll = rng.int(0, 4);
      if (roll === 0) return { value: { year: rng.pick<unknown>(['2022', 1800, 2200, 2022.5, null, [], {}]) } };
      if (roll === 1) return { value: { college: rng.pick<unknown>([1, null, [], {}, 'x'.repeat(101)]) } };
      return { value: rng.pick(wrongValues.filter((value) => value === null || typeof value !== 'object' || Array.isArray(value))) };
    }
  }
}

/** JSON nested `depth` levels deep: arrays, objects, or an unclosed run of `[`. */
function deepJson(rng: Rng, depth: number): { text: string; valid: boolean } {
  const roll = rng.int(0, 2);
  if (roll === 0) return { text: '['.repeat(depth) + ']'.repeat(depth), valid: true };
  if (roll === 1) return { text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), valid: true };
  return { text: '['.repeat(depth), valid: false };
}

const invalidUtf8 = [[0xff], [0xfe, 0xff], [0xc3, 0x28], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80]];

/** `count` malformed frames, each answered by exactly one error. */
export function* malformedFrames(rng: Rng, count: number, limits: FuzzLimits): Generator<FuzzFrame> {
  const fields = ['type', 'id', 'question', 'mode', 'history', 'filters'] as const;
  for (let index = 0; index < count; index++) {
    const kind = rng.pick([
      'wrong-types',
      'wrong-types',
      'wrong-types',
      'wrong-types',
      'missing-fields',
      'cancel',
      'non-json',
      'json-non-object',
      'deep-nesting',
      'huge-string',
      'over-limit',
      'binary',
      'invalid-utf8',
      'pollution',
    ] as const);
    const id = `f${index}`;
    switch (kind) {
      case 'wrong-types': {
        const message: Record<string, unknown> = { type: 'ask', id, question: validQuestion, mode: rng.pick(['qa', 'summary', 'compare']) };
        if (rng.chance(0.3)) message.history = [{ role: 'user', content: '党建' }];
        if (rng.chance(0.3)) message.filters = { college: '嘉兴职业技术学院' };
        // Unknown keys are ignored by the schema (an own `__proto__` included): they never make a frame valid or invalid.
        if (rng.chance(0.2)) Object.defineProperty(message, rng.pick(['extra', '__proto__', 'constructor', 'prototype']), { value: rng.pick(wrongValues), enumerable: true });
        // At least one field is wrong; sometimes several.
        const wrong = new Set([rng.pick(fields)]);
        while (rng.chance(0.3)) wrong.add(rng.pick(fields));
        let tooLongOnly = true;
        let tooLong = false;
        for (const field of wrong) {
          const { value, tooLongQuestion } = wrongFor(rng, field, limits);
          message[field] = value;
          if (tooLongQuestion) tooLong = true;
          else tooLongOnly = false;
        }
        yield jsonFrame(kind, message, limits, tooLong ? (tooLongOnly ? ['QUERY_TOO_LONG'] : ['QUERY_TOO_LONG', 'INVALID_MESSAGE']) : ['INVALID_MESSAGE']);
        break;
      }
      case 'missing-fields': {
        const message: Record<string, unknown> = { type: 'ask', id, question: validQuestion };
        const drop = rng.pick(['type', 'id', 'question', 'type+id', 'all'] as const);
        if (drop === 'all') for (const key of Object.keys(message)) delete message[key];
        else for (const key of drop.split('+')) delete message[key];
        yield jsonFrame(kind, message, limits, ['INVALID_MESSAGE']);
        break;
      }
      case 'cancel': {
        // A cancel with a malformed id (a well-formed one is valid and answered by nothing).
        const message: Record<string, unknown> = { type: 'cancel' };
        if (rng.chance(0.8)) message.id = rng.chance(0.5) ? rng.pick(oddIds) : rng.pick(wrongValues.filter((value) => typeof value !== 'string'));
        yield jsonFrame(kind, message, limits, ['INVALID_MESSAGE']);
        break;
      }
      case 'non-json': {
        const text = rng.pick([
          () => '',
          () => ' ',
          () => rng.text(rng.int(1, 200), 'abc{}[]":,\\ \n\t0123456789党建-+eE.nultrf'),
          () => `{"type":"ask","id":"${id}","question":"${validQuestion}"`,
          () => `{'type':'ask','id':'${id}'}`,
          () => `{"type":"ask","id":"${id}",}`,
          () => 'NaN',
          () => 'undefined',
          () => `{"type":"ask","id":"${id}","question":"\\x41"}`,
          () => `{"type":"ask","id":"${id}","question":"\\ud800"`,
          () => '\u0000\u0001\u0002',
          () => '<html><script>alert(1)</script></html>',
        ])();
        yield { kind, data: text, binary: false, codes: ['INVALID_MESSAGE'], id: undefined };
        break;
      }
      case 'json-non-object':
        yield jsonFrame(kind, rng.pick<unknown>([null, true, 1, -0.5, 'ask', [], [{ type: 'ask', id, question: validQuestion }], [1, 2, 3]]), limits, ['INVALID_MESSAGE']);
        break;
      case 'deep-nesting': {
        const depth = rng.pick([100, 1_000, 10_000, Math.floor(limits.maxMessageBytes / 6)]);
        const nested = deepJson(rng, depth);
        if (rng.chance(0.5) && nested.valid) {
          // Inside a field of an otherwise well-formed ask (not `filters`: an object with unknown keys is valid there).
          const field = rng.pick(['question', 'history', 'mode']);
          const text = `{"type":"ask","id":"${id}","question":"${validQuestion}","${field}":${nested.text}}`;
          yield textFrame(kind, text, limits, ['INVALID_MESSAGE'], id);
        } else yield textFrame(kind, nested.text, limits, ['INVALID_MESSAGE'], undefined);
        break;
      }
      case 'huge-string': {
        // ~100 KB strings: over the message limit unless that is configured very high.
        const size = rng.int(90_000, 110_000);
        const field = rng.pick(['question', 'id', 'mode']);
        const message: Record<string, unknown> = { type: 'ask', id, question: validQuestion, [field]: rng.text(size, 'x党') };
        yield jsonFrame(kind, message, limits, field === 'question' ? ['QUERY_TOO_LONG'] : ['INVALID_MESSAGE']);
        break;
      }
      case 'over-limit': {
        // Just over MAX_MESSAGE_BYTES, up to the hard frame cap's quarter: an error, not a closed socket.
        const size = limits.maxMessageBytes + rng.int(1, limits.maxMessageBytes);
        const message = { type: 'ask', id, question: validQuestion, history: [{ role: 'user', content: 'x'.repeat(size) }] };
        yield jsonFrame(kind, message, limits, ['INVALID_MESSAGE']);
        break;
      }
      case 'binary': {
        const data = rng.chance(0.5) ? rng.bytes(rng.int(0, 2_000)) : Buffer.from(JSON.stringify({ type: 'ask', id, question: validQuestion }));
        yield { kind, data, binary: true, codes: ['INVALID_MESSAGE'], id: undefined };
        break;
      }
      case 'invalid-utf8': {
        const bad = Buffer.from(rng.pick(invalidUtf8));
        const data = rng.chance(0.5)
          ? Buffer.concat([Buffer.from(`{"type":"ask","id":"${id}","question":"党建`), bad, Buffer.from('"}')])
          : Buffer.concat([bad, rng.bytes(rng.int(0, 20)).map((byte) => byte | 0x80)]);
        yield { kind, data, binary: false, codes: ['INVALID_MESSAGE'], id: undefined };
        break;
      }
      case 'pollution': {
        const text = rng.pick([
          `{"__proto__":{"type":"ask","id":"${id}","question":"x"}}`,
          `{"type":"ask","id":"${id}","question":{"__proto__":{"polluted":true}}}`,
          `{"type":"ask","id":"${id}","question":"${validQuestion}","filters":{"constructor":{"prototype":{"polluted":true}},"year":"x"}}`,
          `{"constructor":{"prototype":{"type":"ask"}},"id":"${id}"}`,
        ]);
        yield textFrame(kind, text, limits, ['INVALID_MESSAGE'], expectedId(JSON.parse(text)));
        break;
      }
    }
  }
}

/** The id a malformed message's error carries: its own, when well formed. */
function expectedId(message: unknown): string | undefined {
  const given = typeof message === 'object' && message !== null && !Array.isArray(message) ? (message as { id?: unknown }).id : undefined;
  return questionIdSchema.safeParse(given).success ? (given as string) : undefined;
}

function jsonFrame(kind: string, message: unknown, limits: FuzzLimits, codes: readonly ErrorCode[]): FuzzFrame {
  const text = JSON.stringify(message);
  return textFrame(kind, text, limits, codes, expectedId(JSON.parse(text)));
}

function textFrame(kind: string, text: string, limits: FuzzLimits, codes: readonly ErrorCode[], id: string | undefined): FuzzFrame {
  // Anything over the limit is refused before it is read: no id can be known.
  if (Buffer.byteLength(text) > limits.maxMessageBytes) return { kind, data: text, binary: false, codes: ['MESSAGE_TOO_LARGE'], id: undefined };
  return { kind, data: text, binary: false, codes, id };
}

/** One raw HTTP request and what its answer may be. */
export interface FuzzRequest {
  kind: string;
  /** The complete request bytes (always with `Connection: close`). */
  raw: Buffer;
  /** `4xx`: must be refused; `any`: may succeed (never 5xx either way). */
  expect: '4xx' | 'any';
  /** A short description for reports. */
  label: string;
}

function request(kind: string, method: string, target: string, headers: Record<string, string | number>, body: Buffer | string = '', expect: '4xx' | 'any' = '4xx'): FuzzRequest {
  const bodyBuffer = typeof body === 'string' ? Buffer.from(body) : body;
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return { kind, raw: Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bodyBuffer]), expect, label: `${method} ${target.slice(0, 120)}${bodyBuffer.length ? ` (${bodyBuffer.length} bytes)` : ''}` };
}

const percentGarbage = ['%', '%%', '%Z1', '%E4%B8', '%E4', '%FF%FE', '%00', '%C0%AE', '%u4e2d', '%2', '%%32%65', '+%20+', '%EF%BF%BF', '%F0%9F%98'];
const traversals = [
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '..%5C..%5Cwindows%5Cwin.ini',
  '%252e%252e%252fpackage.json',
  '....%2F%2F....%2F%2Fetc%2Fpasswd',
  '%c0%ae%c0%ae%2fpackage.json',
  '..;%2Fpackage.json',
  '..%00.txt',
  '%2Fetc%2Fpasswd',
  '..',
  '.',
  '%2e%2e',
  '~%2F.ssh%2Fid_rsa',
  'x'.repeat(501),
  'C%3A%5CWindows%5Cwin.ini',
  'file%3A%2F%2F%2Fetc%2Fpasswd',
];
const rawTraversals = ['/api/documents/../../../etc/passwd', '/api/documents/..%2f../package.json', '/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/vendor/../../package.json', '/modules/../../package.json', '/api/../package.json', '/api/documents/%2e%2e/%2e%2e/package.json'];

/** `count` malformed HTTP requests. */
export function* malformedRequests(rng: Rng, count: number, limits: FuzzLimits): Generator<FuzzRequest> {
  const json = { 'Content-Type': 'application/json' };
  for (let index = 0; index < count; index++) {
    const kind = rng.pick(['search-query', 'search-query', 'document-id', 'document-raw-path', 'websocket-path', 'body-content-type', 'body-malformed', 'body-wrong-shape', 'body-too-large', 'method', 'garbage', 'headers', 'unknown-path'] as const);
    switch (kind) {
      case 'search-query': {
        // At least one parameter is invalid; the others are random.
        const invalid = rng.pick([
          'q=',
          `q=${'a'.repeat(limits.maxQuestionLength + rng.int(1, 100))}`,
          'q=a&q=b',
          'q[]=a',
          'q[a]=b',
          'k=0&q=x',
          'k=51&q=x',
          'k=abc&q=x',
          'k=-1&q=x',
          'k=1.5&q=x',
          'k=1e3&q=x',
          'year=abc&q=x',
          'year=1800&q=x',
          `college=${'x'.repeat(101)}&q=x`,
          'k=&q=x',
          '',
          '&&&',
          '=&=',
          '__proto__[polluted]=1',
          'constructor[prototype][polluted]=1',
        ]);
        const extras = Array.from({ length: rng.int(0, 3) }, () => `${rng.pick(['a', 'k', 'year', 'college', 'mode', 'x[]', '__proto__'])}=${rng.pick(percentGarbage)}${rng.text(rng.int(0, 5), 'abc')}`);
        yield request(kind, 'GET', `/api/search?${[invalid, ...extras].join('&')}`, {});
        break;
      }
      case 'document-id':
        yield request(kind, rng.pick(['GET', 'GET', 'POST', 'DELETE']), `/api/documents/${rng.pick(traversals)}${rng.chance(0.3) ? rng.pick(percentGarbage) : ''}`, {});
        break;
      case 'document-raw-path':
        yield request(kind, 'GET', rng.pick(rawTraversals), {});
        break;
      case 'websocket-path':
        // The chat path without a websocket upgrade.
        yield request(kind, 'GET', rng.pick(['/ws', '/ws?x=1', '/ws?token=abc']), rng.chance(0.5) ? { Upgrade: 'h2c' } : {});
        break;
      case 'body-content-type': {
        const type = rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'application/json; charset=utf-16', 'application/jsonx', 'json', '', '*/*', 'text/html; charset=gbk']);
        // The body is what the type says (UTF-16 really is UTF-16); only application/json bodies are read.
        const body = Buffer.from(JSON.stringify({ question: validQuestion }), type.includes('utf-16') ? 'utf16le' : 'utf8');
        yield request(kind, 'POST', rng.pick(['/api/ask', '/api/similar', '/api/export/docx']), type ? { 'Content-Type': type, 'Content-Length': body.length } : { 'Content-Length': body.length }, body);
        break;
      }
      case 'body-malformed': {
        const body = rng.pick([
          '{',
          '{"question":',
          "{'question':'x'}",
          '{"question":"x",}',
          '{"question":NaN}',
          '[' .repeat(10_000),
          '['.repeat(Math.min(20_000, Math.floor(limits.maxMessageBytes / 2) - 1)) + ']'.repeat(Math.min(20_000, Math.floor(limits.maxMessageBytes / 2) - 1)),
          '{"question":"\\ud800"',
          '\u0000',
          '{"__proto__":{"polluted":true},"question":"x"}',
          '{"constructor":{"prototype":{"polluted":true}},"question":"x"}',
          ' ',
        ]);
        yield request(kind, 'POST', rng.pick(['/api/ask', '/api/similar', '/api/export/docx']), { ...json, 'Content-Length': Buffer.byteLength(body) }, body);
        break;
      }
      case 'body-wrong-shape': {
        const body = JSON.stringify(
          rng.pick<unknown>([
            null,
            [],
            1,
            'question',
            {},
            { question: 1 },
            { question: '' },
            { question: validQuestion, mode: 'x' },
            { question: validQuestion, history: 'x' },
            { question: validQuestion, history: Array.from({ length: limits.maxHistoryTurns + 1 }, () => ({ role: 'user', content: 'x' })) },
            { question: validQuestion, filters: { year: 'x' } },
            { question: validQuestion, unknown: 1 },
            { question: 'x'.repeat(limits.maxQuestionLength + 1) },
            { docId: 1 },
            { docId: 'a', text: 'b' },
            { text: '' },
            { title: '', markdown: '' },
            { title: 'x', markdown: 'y', citations: 'z' },
          ]),
        );
        yield request(kind, 'POST', rng.pick(['/api/ask', '/api/similar', '/api/export/docx']), { ...json, 'Content-Length': Buffer.byteLength(body) }, body);
        break;
      }
      case 'body-too-large': {
        const size = limits.maxMessageBytes + rng.int(1, 4 * limits.maxMessageBytes);
        const body = JSON.stringify({ question: validQuestion, history: [{ role: 'user', content: 'x'.repeat(size) }] });
        // /api/export/docx accepts larger bodies (documents with their quotes): it is not fuzzed for size here.
        yield request(kind, 'POST', rng.pick(['/api/ask', '/api/similar']), { ...json, 'Content-Length': Buffer.byteLength(body) }, body);
        break;
      }
      case 'method':
        yield request(kind, rng.pick(['PUT', 'PATCH', 'DELETE', 'PROPFIND', 'TRACE', 'OPTIONS', 'MKCOL', 'LOCK', 'SEARCH', 'FOO', 'get', 'G E T', 'POST\u0000']), rng.pick(['/api/search?q=x', '/api/ask', '/api/documents', '/api/health', '/ws', '/']), {});
        break;
      case 'garbage': {
        const [line, expect] = rng.pick<() => [string, '4xx' | 'any']>([
          () => [rng.text(rng.int(1, 100), 'ABCDEFGH /\\:%?&=\t'), '4xx'],
          () => ['GET /api/health HTTP/9.9', '4xx'],
          // Node reads a request line without a version as HTTP/0.9-style: it may be answered.
          () => ['GET /api/health', 'any'],
          () => ['GET  HTTP/1.1', '4xx'],
          () => [`GET /api/search?q=${rng.text(5, '\u0001\u0002 "<>')} HTTP/1.1`, 'any'],
          () => ['GET /api/search?q=党建 HTTP/1.1', '4xx'],
        ])();
        yield { kind, raw: Buffer.from(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'utf8'), expect, label: line.slice(0, 120) };
        break;
      }
      case 'headers': {
        const variant = rng.int(0, 4);
        if (variant === 0) yield request(kind, 'GET', '/api/health', { 'X-Big': 'x'.repeat(20_000) });
        else if (variant === 1) yield request(kind, 'POST', '/api/ask', { ...json, 'Content-Length': 'abc' }, '{}');
        else if (variant === 2) yield request(kind, 'POST', '/api/ask', { ...json, 'Content-Length': '2', 'Transfer-Encoding': 'chunked' }, '{}');
        else if (variant === 3) yield request(kind, 'POST', '/api/ask', { ...json, 'Transfer-Encoding': 'chunked' }, 'zz\r\n{}\r\n0\r\n\r\n');
        else yield request(kind, 'GET', `/api/search?${'a=1&'.repeat(5_000)}q=x`, {});
        break;
      }
      case 'unknown-path':
        yield request(kind, rng.pick(['GET', 'POST']), `/${rng.pick(['api', 'API', 'api/v2', 'wss', 'admin', '.env', '.git/config', 'package.json', 'server/main.ts', 'data/index/CURRENT'])}/${rng.text(rng.int(0, 10), 'abc%2e/')}`, {});
        break;
    }
  }
}

/** A failed check: what was sent, and what was wrong with the answer. */
export interface FuzzFailure {
  surface: 'ws' | 'http';
  kind: string;
  input: string;
  problem: string;
}

export interface FuzzReport {
  seed: number;
  frames: number;
  requests: number;
  failures: FuzzFailure[];
  /** Error codes seen, per surface. */
  wsCodes: Record<string, number>;
  httpStatuses: Record<string, number>;
  /** The normal question asked on the fuzzed socket afterwards. */
  afterwards: { answered: boolean; notFound: boolean | undefined; citations: number; error: string | undefined };
  ms: number;
}

export interface FuzzOptions {
  /** `http://127.0.0.1:port` of a running server (no access token, no rate limit). */
  baseUrl: string;
  frames: number;
  requests: number;
  seed: number;
  limits: FuzzLimits;
  /** Server paths that must never appear in an answer (index, corpus, repository). */
  secrets?: readonly string[];
  /** Concurrent HTTP connections (default 16). */
  concurrency?: number;
  /** Longest wait for any one answer (default 10 s). */
  replyTimeoutMs?: number;
}

const leakPatterns = [/\n\s+at /, /\bat [\w.<>]+ \(/, /\.ts:\d+/, /node_modules/, /"stack"/, /root:x:0:0/, /"name":\s*"party-building-qa"/];

function describeInput(data: string | Buffer): string {
  const text = typeof data === 'string' ? data : `<${data.length} bytes> ${data.subarray(0, 60).toString('hex')}`;
  return text.length > 160 ? `${text.slice(0, 160)}… (${Buffer.byteLength(text)} bytes)` : text;
}

function leaks(text: string, secrets: readonly string[]): string | null {
  for (const pattern of leakPatterns) if (pattern.test(text)) return `matches ${pattern}`;
  for (const secret of secrets) if (secret && text.includes(secret)) return `contains ${secret}`;
  return null;
}

/** Runs the websocket part: every frame on one socket, answered in order. */
async function fuzzWebsocket(options: FuzzOptions, rng: Rng, report: FuzzReport): Promise<void> {
  const timeoutMs = options.replyTimeoutMs ?? 10_000;
  const socket = new WebSocket(`${options.baseUrl.replace(/^http/, 'ws')}/ws`, ['pbqa.v1']);
  const received: { message?: ServerMessage; raw: string; problem?: string }[] = [];
  let closed: number | undefined;
  let wake: (() => void) | undefined;
  socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
    const raw = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    if (isBinary) received.push({ raw, problem: 'binary frame from the server' });
    else {
      let parsed;
      try {
        parsed = serverMessageSchema.safeParse(JSON.parse(raw));
      } catch {
        parsed = undefined;
      }
      if (parsed?.success) received.push({ message: parsed.data, raw });
      else received.push({ raw, problem: parsed ? `not a protocol message: ${parsed.error.issues[0]?.message}` : 'not JSON' });
    }
    wake?.();
  });
  socket.on('close', (code) => {
    closed = code;
    wake?.();
  });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  /** Waits until `count` messages arrived, the socket closed, or the time-out. */
  const waitFor = async (count: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count && closed === undefined && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    wake = undefined;
    return received.length >= count;
  };

  const sent: FuzzFrame[] = [];
  const batch: FuzzFrame[] = [];
  const check = async (): Promise<boolean> => {
    const from = sent.length;
    for (const frame of batch) {
      socket.send(frame.data, { binary: frame.binary });
      sent.push(frame);
    }
    batch.length = 0;
    const complete = await waitFor(sent.length);
    for (let index = from; index < sent.length; index++) {
      const frame = sent[index]!;
      const reply = received[index];
      const fail = (problem: string): void => void report.failures.push({ surface: 'ws', kind: frame.kind, input: describeInput(frame.data), problem });
      if (!reply) {
        fail(closed !== undefined ? `the socket closed (${closed}) instead of answering` : `no answer within ${timeoutMs} ms`);
        continue;
      }
      if (reply.problem || !reply.message) {
        fail(`${reply.problem}: ${reply.raw.slice(0, 200)}`);
        continue;
      }
      const message = reply.message;
      if (message.type !== 'error') {
        fail(`answered with ${message.type}, not error`);
        continue;
      }
      report.wsCodes[message.code] = (report.wsCodes[message.code] ?? 0) + 1;
      if (!(message.code in errorCodes)) fail(`unknown error code ${message.code}`);
      else if (!frame.codes.includes(message.code as ErrorCode)) fail(`code ${message.code}, expected ${frame.codes.join(' or ')} (${message.message})`);
      if (message.id !== frame.id) fail(`error id ${JSON.stringify(message.id)}, expected ${JSON.stringify(frame.id)}`);
      if (!message.message) fail('empty error message');
      const leak = leaks(reply.raw, options.secrets ?? []);
      if (leak) fail(`the error ${leak}: ${reply.raw.slice(0, 200)}`);
    }
    return complete && closed === undefined;
  };

  for (const frame of malformedFrames(rng, options.frames, options.limits)) {
    batch.push(frame);
    // Small batches keep the sockets' buffers small and locate a failure.
    if (batch.length >= 25 && !(await check())) break;
  }
  if (batch.length > 0) await check();
  report.frames = sent.length;

  // Afterwards: a normal question on the same socket; no late extra error may precede its answer.
  if (closed === undefined) {
    const before = received.length;
    if (before !== sent.length) report.failures.push({ surface: 'ws', kind: 'count', input: '', problem: `${before} messages for ${sent.length} frames` });
    socket.send(JSON.stringify({ type: 'ask', id: 'after-fuzz', question: validQuestion }));
    const deadline = Date.now() + 20_000;
    while (!received.slice(before).some((reply) => reply.message && 'id' in reply.message && (reply.message.type === 'answer-end' || reply.message.type === 'error')) && closed === undefined && Date.now() < deadline) {
      await waitFor(received.length + 1);
    }
    const replies = received.slice(before);
    const foreign = replies.filter((reply) => !reply.message || !('id' in reply.message) || reply.message.id !== 'after-fuzz');
    if (foreign.length > 0) report.failures.push({ surface: 'ws', kind: 'count', input: '', problem: `extra messages after the fuzz frames: ${foreign.map((reply) => reply.raw.slice(0, 100)).join(' | ')}` });
    const end = replies.map((reply) => reply.message).find((message) => message?.type === 'answer-end');
    const error = replies.map((reply) => reply.message).find((message) => message?.type === 'error');
    report.afterwards = {
      answered: Boolean(end),
      notFound: end?.type === 'answer-end' ? end.notFound : undefined,
      citations: end?.type === 'answer-end' ? end.citations.length : 0,
      error: error?.type === 'error' ? `${error.code}: ${error.message}` : undefined,
    };
  } else report.failures.push({ surface: 'ws', kind: 'close', input: '', problem: `the socket closed with ${closed}` });
  socket.close();
}

/** Sends one raw request on its own connection; resolves with the status and body once the server closes it. */
function exchange(port: number, raw: Buffer, timeoutMs: number): Promise<{ status: number; headers: string; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const match = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
      if (!match) return resolve({ error: error ?? `no HTTP response (${text.slice(0, 100) || 'nothing'})` });
      let body = match[3]!;
      if (/^transfer-encoding:\s*chunked/im.test(match[2]!)) body = dechunk(body);
      resolve({ status: Number(match[1]), headers: match[2]!, body });
    };
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    // A server that refuses a body early may reset the connection while the rest is written.
    socket.on('error', (error) => finish(error.message));
    socket.write(raw);
  });
}

function dechunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const line = /^([0-9a-fA-F]+)[^\r\n]*\r\n/.exec(rest);
    if (!line) return out;
    const size = parseInt(line[1]!, 16);
    if (size === 0) return out;
    const bytes = Buffer.from(rest.slice(line[0].length), 'utf8');
    out += bytes.subarray(0, size).toString('utf8');
    rest = bytes.subarray(size + 2).toString('utf8');
  }
}

/** Runs the HTTP part, a few connections at a time. */
async function fuzzHttp(options: FuzzOptions, rng: Rng, report: FuzzReport): Promise<void> {
  const port = Number(new URL(options.baseUrl).port);
  const requests = [...malformedRequests(rng, options.requests, options.limits)];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const item = requests[next++]!;
      const answer = await exchange(port, item.raw, options.replyTimeoutMs ?? 10_000);
      const fail = (problem: string): void => void report.failures.push({ surface: 'http', kind: item.kind, input: item.label, problem });
      if ('error' in answer) {
        fail(answer.error);
        continue;
      }
      report.httpStatuses[answer.status] = (report.httpStatuses[answer.status] ?? 0) + 1;
      if (answer.status >= 500) fail(`HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
      else if (item.expect === '4xx' && (answer.status < 400 || answer.status >= 500)) fail(`HTTP ${answer.status}, expected 4xx: ${answer.body.slice(0, 200)}`);
      let body: unknown;
      try {
        body = JSON.parse(answer.body);
      } catch {
        fail(`HTTP ${answer.status} with a body that is not JSON: ${answer.body.slice(0, 200)}`);
        continue;
      }
      if (answer.status >= 400) {
        const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
        if (typeof error?.code !== 'string' || !(error.code in errorCodes)) fail(`HTTP ${answer.status} without a known error code: ${answer.body.slice(0, 200)}`);
        if (typeof error?.message !== 'string' || error.message.length === 0) fail(`HTTP ${answer.status} without an error message`);
      }
      const leak = leaks(answer.body, options.secrets ?? []);
      if (leak) fail(`the answer ${leak}: ${answer.body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  report.requests = requests.length;
}

/** Fuzzes a running server; returns what failed (nothing, when it holds). */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const report: FuzzReport = {
    seed: options.seed,
    frames: 0,
    requests: 0,
    failures: [],
    wsCodes: {},
    httpStatuses: {},
    afterwards: { answered: false, notFound: undefined, citations: 0, error: 'not asked' },
    ms: 0,
  };
  // Separate streams, so changing one count does not change the other surface's inputs.
  await fuzzWebsocket(options, new Rng(options.seed), report);
  await fuzzHttp(options, new Rng(options.seed ^ 0x5bd1e995), report);
  report.ms = Date.now() - started;
  return report;
}

/** The long form: a server over the default corpus in a temporary folder, fuzzed, then checked. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { frames: { type: 'string' }, requests: { type: 'string' }, seed: { type: 'string' } } });
  const frames = Number(values.frames ?? process.env.FUZZ_FRAMES ?? 50_000);
  const requests = Number(values.requests ?? process.env.FUZZ_REQUESTS ?? 20_000);
  const seed = Number(values.seed ?? process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
  const { loadConfig } = await import('../core/config.ts');
  const { SearchService } = await import('../core/retrieval/search-service.ts');
  const { AnswerService } = await import('../core/answer/answer-service.ts');
  const { buildApp } = await import('../server/app.ts');
  const { ingestCorpus } = await import('../ingest/pipeline.ts');
  const repoRoot = path.resolve(import.meta.dirname, '..');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pbqa-fuzz-'));
  const indexDir = path.join(root, 'index');
  try {
    await ingestCorpus({ corpusDir: path.join(repoRoot, 'corpus'), indexDir, chunking: { size: 500, overlap: 80 }, embedder: null, embeddingBatchSize: 16, hnsw: { m: 16, efConstruction: 200 } });
    const config = loadConfig({}, { INDEX_DIR: indexDir, RATE_LIMIT_PER_MINUTE: '0' });
    const search = new SearchService({ indexDir, embedder: null, retriever: { efSearch: config.HNSW_EF_SEARCH } });
    search.load();
    const app = await buildApp({ config, search, answers: new AnswerService({ search, generator: null }) });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    process.stderr.write(`fuzzing ${baseUrl} with ${frames} frames and ${requests} requests, seed ${seed}…\n`);
    const report = await runFuzz({
      baseUrl,
      frames,
      requests,
      seed,
      limits: { maxMessageBytes: config.MAX_MESSAGE_BYTES, maxQuestionLength: config.MAX_QUESTION_LENGTH, maxHistoryTurns: config.MAX_HISTORY_TURNS },
      secrets: [repoRoot, root],
    });
    const health = await fetch(`${baseUrl}/api/health`);
    const polluted = ({} as Record<string, unknown>).polluted !== undefined;
    await app.close();
    search.close();
    for (const failure of report.failures.slice(0, 50)) process.stderr.write(`FAIL ${failure.surface} ${failure.kind}: ${failure.problem}\n  input: ${failure.input}\n`);
    const ok = report.failures.length === 0 && report.afterwards.answered && report.afterwards.notFound === false && health.status === 200 && !polluted;
    process.stdout.write(`${JSON.stringify({ ...report, failures: report.failures.length, healthAfter: health.status, polluted, ok })}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
