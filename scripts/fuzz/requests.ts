/**
 * Malformed raw HTTP requests, as fast-check arbitraries: bad query strings, wrong content types,
 * malformed and oversized bodies, path traversal in document ids, unknown methods, garbage request
 * lines, odd headers, websocket upgrades where there is no websocket or from a foreign page.
 */
import fc from 'fast-check';
import { textOf, validQuestion, type FuzzLimits } from './shared.ts';

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
  return {
    kind,
    raw: Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bodyBuffer]),
    expect,
    label: `${method} ${target.slice(0, 120)}${Object.keys(headers).length ? ` ${JSON.stringify(headers).slice(0, 200)}` : ''}${bodyBuffer.length ? ` (${bodyBuffer.length} bytes)` : ''}`,
  };
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
const bodyRoutes = ['/api/ask', '/api/similar', '/api/export/docx'] as const;
const json = { 'Content-Type': 'application/json' };

/** Any malformed request: each gets a 4xx JSON error (or, where noted, may succeed), never a 5xx. */
export function requestArbitrary(limits: FuzzLimits): fc.Arbitrary<FuzzRequest> {
  // At least one parameter is invalid; the others are random.
  const searchQuery = fc
    .record({
      invalid: fc.constantFrom(
        'q=',
        `q=${'a'.repeat(limits.maxQuestionLength + 1)}`,
        `q=${'a'.repeat(limits.maxQuestionLength + 100)}`,
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
      ),
      extras: fc.array(fc.tuple(fc.constantFrom('a', 'k', 'year', 'college', 'mode', 'x[]', '__proto__'), fc.constantFrom(...percentGarbage), textOf('abc', 0, 5)), { maxLength: 3 }),
    })
    .map(({ invalid, extras }) => request('search-query', 'GET', `/api/search?${[invalid, ...extras.map(([key, garbage, tail]) => `${key}=${garbage}${tail}`)].join('&')}`, {}));
  const documentId = fc
    .record({ method: fc.constantFrom('GET', 'GET', 'POST', 'DELETE'), id: fc.constantFrom(...traversals), garbage: fc.option(fc.constantFrom(...percentGarbage), { nil: '', freq: 2 }) })
    .map(({ method, id, garbage }) => request('document-id', method, `/api/documents/${id}${garbage}`, {}));
  const documentRawPath = fc.constantFrom(...rawTraversals).map((target) => request('document-raw-path', 'GET', target, {}));
  // The chat path without a websocket upgrade.
  const websocketPath = fc.record({ target: fc.constantFrom('/ws', '/ws?x=1', '/ws?token=abc'), h2c: fc.boolean() }).map(({ target, h2c }) => request('websocket-path', 'GET', target, h2c ? { Upgrade: 'h2c' } : {}));
  const contentType = fc
    .record({
      type: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'application/json; charset=utf-16', 'application/jsonx', 'json', '', '*/*', 'text/html; charset=gbk'),
      route: fc.constantFrom(...bodyRoutes),
    })
    .map(({ type, route }) => {
      // The body is what the type says (UTF-16 really is UTF-16); only application/json bodies are read.
      const body = Buffer.from(JSON.stringify({ question: validQuestion }), type.includes('utf-16') ? 'utf16le' : 'utf8');
      return request('body-content-type', 'POST', route, type ? { 'Content-Type': type, 'Content-Length': body.length } : { 'Content-Length': body.length }, body);
    });
  const nested = Math.min(20_000, Math.floor(limits.maxMessageBytes / 2) - 1);
  const malformedBody = fc
    .record({
      body: fc.constantFrom(
        '{',
        '{"question":',
        "{'question':'x'}",
        '{"question":"x",}',
        '{"question":NaN}',
        '['.repeat(10_000),
        '['.repeat(nested) + ']'.repeat(nested),
        '{"question":"\\ud800"',
        '\u0000',
        '{"__proto__":{"polluted":true},"question":"x"}',
        '{"constructor":{"prototype":{"polluted":true}},"question":"x"}',
        ' ',
      ),
      route: fc.constantFrom(...bodyRoutes),
    })
    .map(({ body, route }) => request('body-malformed', 'POST', route, { ...json, 'Content-Length': Buffer.byteLength(body) }, body));
  const wrongShape = fc
    .record({
      body: fc.constantFrom<unknown>(
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
      ),
      route: fc.constantFrom(...bodyRoutes),
    })
    .map(({ body, route }) => {
      const text = JSON.stringify(body);
      return request('body-wrong-shape', 'POST', route, { ...json, 'Content-Length': Buffer.byteLength(text) }, text);
    });
  // /api/export/docx accepts larger bodies (documents with their quotes): it is not fuzzed for size here.
  const tooLarge = fc.record({ extra: fc.integer({ min: 1, max: 4 * limits.maxMessageBytes }), route: fc.constantFrom('/api/ask', '/api/similar') }).map(({ extra, route }) => {
    const body = JSON.stringify({ question: validQuestion, history: [{ role: 'user', content: 'x'.repeat(limits.maxMessageBytes + extra) }] });
    return request('body-too-large', 'POST', route, { ...json, 'Content-Length': Buffer.byteLength(body) }, body);
  });
  const method = fc
    .record({
      method: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'PROPFIND', 'TRACE', 'OPTIONS', 'MKCOL', 'LOCK', 'SEARCH', 'FOO', 'get', 'G E T', 'POST\u0000'),
      target: fc.constantFrom('/api/search?q=x', '/api/ask', '/api/documents', '/api/health', '/ws', '/'),
    })
    .map(({ method: name, target }) => request('method', name, target, {}));
  const garbage = fc
    .oneof(
      textOf('ABCDEFGH /\\:%?&=\t', 1, 100).map((line): [string, '4xx' | 'any'] => [line, '4xx']),
      fc.constantFrom<[string, '4xx' | 'any']>(
        ['GET /api/health HTTP/9.9', '4xx'],
        // Node reads a request line without a version as HTTP/0.9-style: it may be answered.
        ['GET /api/health', 'any'],
        ['GET  HTTP/1.1', '4xx'],
        ['GET /api/search?q=党建 HTTP/1.1', '4xx'],
      ),
      textOf('\u0001\u0002 "<>', 5, 5).map((text): [string, '4xx' | 'any'] => [`GET /api/search?q=${text} HTTP/1.1`, 'any']),
    )
    .map(([line, expect]): FuzzRequest => ({ kind: 'garbage', raw: Buffer.from(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'utf8'), expect, label: line.slice(0, 120) }));
  const headers = fc.constantFrom(
    request('headers', 'GET', '/api/health', { 'X-Big': 'x'.repeat(20_000) }),
    request('headers', 'POST', '/api/ask', { ...json, 'Content-Length': 'abc' }, '{}'),
    request('headers', 'POST', '/api/ask', { ...json, 'Content-Length': '2', 'Transfer-Encoding': 'chunked' }, '{}'),
    request('headers', 'POST', '/api/ask', { ...json, 'Transfer-Encoding': 'chunked' }, 'zz\r\n{}\r\n0\r\n\r\n'),
    request('headers', 'GET', `/api/search?${'a=1&'.repeat(5_000)}q=x`, {}),
  );
  const unknownPath = fc
    .record({
      method: fc.constantFrom('GET', 'POST'),
      base: fc.constantFrom('api', 'API', 'api/v2', 'wss', 'admin', '.env', '.git/config', 'package.json', 'server/main.ts', 'data/index/CURRENT'),
      tail: textOf('abc%2e/', 0, 10),
    })
    .map(({ method: name, base, tail }) => request('unknown-path', name, `/${base}/${tail}`, {}));
  // Websocket handshakes where there is no websocket, or from another site's page.
  const upgrade = { Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'pbqa.v1' };
  const misplacedUpgrade = fc
    .oneof(
      fc.constantFrom('/', '/index.html', '/api/health', '/api/search?q=x', '/no-such-path', '/ws/x', '/%77s/').map((target) => request('upgrade-elsewhere', 'GET', target, { ...upgrade, Connection: 'Upgrade' })),
      fc.constantFrom('https://evil.example.com', 'null', 'http://127.0.0.1.evil.example.com', 'file://').map((origin) => request('upgrade-foreign-origin', 'GET', '/ws', { ...upgrade, Connection: 'Upgrade', Origin: origin })),
    );
  return fc.oneof(
    { arbitrary: searchQuery, weight: 2 },
    misplacedUpgrade,
    documentId,
    documentRawPath,
    websocketPath,
    contentType,
    malformedBody,
    wrongShape,
    tooLarge,
    method,
    garbage,
    headers,
    unknownPath,
  );
}
