/**
 * Malformed websocket frames for `/ws`, as fast-check arbitraries: wrong types for every field,
 * missing fields, unknown types, odd ids, huge strings, deep nesting, frames over the size limit,
 * binary frames, invalid UTF-8 and prototype pollution. Each frame carries the error it must get.
 */
import fc from 'fast-check';
import { questionIdSchema } from '../../core/answer/protocol.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { seededText, textOf, validQuestion, type FuzzLimits } from './shared.ts';

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

const oddIds = ['a b', '../x', '<script>alert(1)</script>', 'id\u0000', '😀', '中文id', 'x'.repeat(101), '', 'a/b', 'a\\b', '%2e%2e', 'id\n2', '${id}', "'; DROP TABLE x; --"];
const wrongValues: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, '', 'x', [], [1, 2], {}, { a: 1 }, [[[]]]];
const notString = wrongValues.filter((value) => typeof value !== 'string');
const invalidUtf8 = [[0xff], [0xfe, 0xff], [0xc3, 0x28], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80]];
const fields = ['type', 'id', 'question', 'mode', 'history', 'filters'] as const;
type Field = (typeof fields)[number];

const frameId = fc.nat({ max: 99_999 }).map((n) => `f${n}`);

/** The id a malformed message's error carries: its own, when well formed. */
function expectedId(message: unknown): string | undefined {
  const given = typeof message === 'object' && message !== null && !Array.isArray(message) ? (message as { id?: unknown }).id : undefined;
  return questionIdSchema.safeParse(given).success ? (given as string) : undefined;
}

function textFrame(kind: string, text: string, limits: FuzzLimits, codes: readonly ErrorCode[], id: string | undefined): FuzzFrame {
  // Anything over the limit is refused before it is read: no id can be known.
  if (Buffer.byteLength(text) > limits.maxMessageBytes) return { kind, data: text, binary: false, codes: ['MESSAGE_TOO_LARGE'], id: undefined };
  return { kind, data: text, binary: false, codes, id };
}

function jsonFrame(kind: string, message: unknown, limits: FuzzLimits, codes: readonly ErrorCode[]): FuzzFrame {
  const text = JSON.stringify(message);
  return textFrame(kind, text, limits, codes, expectedId(JSON.parse(text)));
}

/** A value that is not what `field` wants; `tooLong` when it is a question over the length limit. */
function wrongFor(field: Field, limits: FuzzLimits): fc.Arbitrary<{ field: Field; value: unknown; tooLong: boolean }> {
  const plain = (values: fc.Arbitrary<unknown>) => values.map((value) => ({ field, value, tooLong: false }));
  switch (field) {
    case 'type':
      return plain(fc.constantFrom<unknown>('asks', 'ASK', 'Ask', 'ask ', 'cancel2', 'hello', 'error', 'answer-end', '', 1, null, [], {}, ['ask']));
    case 'id':
      return plain(fc.oneof({ arbitrary: fc.constantFrom(...oddIds), weight: 3 }, { arbitrary: fc.constantFrom(...notString), weight: 2 }));
    case 'question':
      return fc.oneof(
        fc.tuple(fc.integer({ min: 1, max: 200 }), fc.nat()).map(([extra, seed]) => ({ field, value: seededText(limits.maxQuestionLength + extra, seed), tooLong: true })),
        plain(fc.constantFrom('', ' ', '\t\n', '\u3000 ', ' '.repeat(50))),
        { arbitrary: plain(fc.constantFrom(...wrongValues.filter((value) => typeof value !== 'string' || value === ''))), weight: 4 },
      );
    case 'mode':
      return plain(fc.constantFrom<unknown>('QA', 'qa ', 'summarize', 'compare!', '', 1, null, [], {}, ['qa']));
    case 'history':
      return plain(
        fc.oneof(
          fc.integer({ min: 1, max: 5 }).map((extra) => Array.from({ length: limits.maxHistoryTurns + extra }, () => ({ role: 'user', content: '党建' }))),
          fc.constantFrom('system', 'tool', '', 'USER').map((role) => [{ role, content: '党建' }]),
          fc.constantFrom(...notString).map((content) => [{ role: 'user', content }]),
          fc.constant([{ role: 'user', content: 'x'.repeat(20_001) }]),
          fc.constant([null]),
          { arbitrary: fc.constantFrom(...wrongValues.filter((value) => !Array.isArray(value) || value.length > 0)), weight: 2 },
        ),
      );
    case 'filters':
      return plain(
        fc.oneof(
          fc.constantFrom<unknown>('2022', 1800, 2200, 2022.5, null, [], {}).map((year) => ({ year })),
          fc.constantFrom<unknown>(1, null, [], {}, 'x'.repeat(101)).map((college) => ({ college })),
          { arbitrary: fc.constantFrom(...wrongValues.filter((value) => value === null || typeof value !== 'object' || Array.isArray(value))), weight: 3 },
        ),
      );
  }
}

/** A well-formed ask with one to three fields wrong (and sometimes an unknown or polluting key). */
function wrongTypes(limits: FuzzLimits): fc.Arbitrary<FuzzFrame> {
  const wrong = fc.uniqueArray(fc.oneof(...fields.map((field) => wrongFor(field, limits))), { minLength: 1, maxLength: 3, selector: (entry) => entry.field });
  return fc
    .record({
      id: frameId,
      mode: fc.constantFrom('qa', 'summary', 'compare'),
      history: fc.boolean(),
      filters: fc.boolean(),
      extra: fc.option(fc.record({ key: fc.constantFrom('extra', '__proto__', 'constructor', 'prototype'), value: fc.constantFrom(...wrongValues) }), { nil: undefined, freq: 4 }),
      wrong,
    })
    .map(({ id, mode, history, filters, extra, wrong }) => {
      const message: Record<string, unknown> = { type: 'ask', id, question: validQuestion, mode };
      if (history) message.history = [{ role: 'user', content: '党建' }];
      if (filters) message.filters = { college: '嘉兴职业技术学院' };
      // Unknown keys are ignored by the schema (an own `__proto__` included): they never make a frame valid or invalid.
      if (extra) Object.defineProperty(message, extra.key, { value: extra.value, enumerable: true });
      for (const entry of wrong) message[entry.field] = entry.value;
      const tooLong = wrong.filter((entry) => entry.tooLong).length;
      const codes: ErrorCode[] = tooLong === 0 ? ['INVALID_MESSAGE'] : tooLong === wrong.length ? ['QUERY_TOO_LONG'] : ['QUERY_TOO_LONG', 'INVALID_MESSAGE'];
      return jsonFrame('wrong-types', message, limits, codes);
    });
}

/** JSON nested `depth` levels deep: arrays, objects, or an unclosed run of `[`. */
function deepJson(shape: 0 | 1 | 2, depth: number): { text: string; valid: boolean } {
  if (shape === 0) return { text: '['.repeat(depth) + ']'.repeat(depth), valid: true };
  if (shape === 1) return { text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), valid: true };
  return { text: '['.repeat(depth), valid: false };
}

/** Any malformed frame, each answered by exactly one error. */
export function frameArbitrary(limits: FuzzLimits): fc.Arbitrary<FuzzFrame> {
  const missingFields = fc.record({ id: frameId, drop: fc.constantFrom('type', 'id', 'question', 'type+id', 'all') }).map(({ id, drop }) => {
    const message: Record<string, unknown> = { type: 'ask', id, question: validQuestion };
    if (drop === 'all') for (const key of Object.keys(message)) delete message[key];
    else for (const key of drop.split('+')) delete message[key];
    return jsonFrame('missing-fields', message, limits, ['INVALID_MESSAGE']);
  });
  // A cancel with a malformed id (a well-formed one is valid and answered by nothing).
  const cancel = fc.option(fc.oneof(fc.constantFrom(...oddIds), fc.constantFrom(...notString)), { nil: undefined, freq: 4 }).map((id) => {
    const message: Record<string, unknown> = { type: 'cancel' };
    if (id !== undefined) message.id = id;
    return jsonFrame('cancel', message, limits, ['INVALID_MESSAGE']);
  });
  const nonJson = fc
    .oneof(
      textOf('abc{}[]":,\\ \n\t0123456789党建-+eE.nultrf', 1, 200),
      frameId.chain((id) =>
        fc.constantFrom(
          '',
          ' ',
          `{"type":"ask","id":"${id}","question":"${validQuestion}"`,
          `{'type':'ask','id':'${id}'}`,
          `{"type":"ask","id":"${id}",}`,
          'NaN',
          'undefined',
          `{"type":"ask","id":"${id}","question":"\\x41"}`,
          `{"type":"ask","id":"${id}","question":"\\ud800"`,
          '\u0000\u0001\u0002',
          '<html><script>alert(1)</script></html>',
        ),
      ),
    )
    .map((text): FuzzFrame => ({ kind: 'non-json', data: text, binary: false, codes: ['INVALID_MESSAGE'], id: undefined }));
  const nonObject = frameId.chain((id) =>
    fc.constantFrom<unknown>(null, true, 1, -0.5, 'ask', [], [{ type: 'ask', id, question: validQuestion }], [1, 2, 3]).map((value) => jsonFrame('json-non-object', value, limits, ['INVALID_MESSAGE'])),
  );
  const deepNesting = fc
    .record({
      id: frameId,
      depth: fc.constantFrom(100, 1_000, 10_000, Math.floor(limits.maxMessageBytes / 6)),
      shape: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
      inField: fc.boolean(),
      // Not `filters`: an object with unknown keys is valid there.
      field: fc.constantFrom('question', 'history', 'mode'),
    })
    .map(({ id, depth, shape, inField, field }) => {
      const nested = deepJson(shape, depth);
      if (inField && nested.valid) return textFrame('deep-nesting', `{"type":"ask","id":"${id}","question":"${validQuestion}","${field}":${nested.text}}`, limits, ['INVALID_MESSAGE'], id);
      return textFrame('deep-nesting', nested.text, limits, ['INVALID_MESSAGE'], undefined);
    });
  // ~100 KB strings: over the message limit unless that is configured very high.
  const hugeString = fc.record({ id: frameId, size: fc.integer({ min: 90_000, max: 110_000 }), seed: fc.nat(), field: fc.constantFrom('question', 'id', 'mode') }).map(({ id, size, seed, field }) =>
    jsonFrame('huge-string', { type: 'ask', id, question: validQuestion, [field]: seededText(size, seed, 'x党') }, limits, field === 'question' ? ['QUERY_TOO_LONG'] : ['INVALID_MESSAGE']),
  );
  // Just over MAX_MESSAGE_BYTES, up to the hard frame cap's quarter: an error, not a closed socket.
  const overLimit = fc.record({ id: frameId, extra: fc.integer({ min: 1, max: limits.maxMessageBytes }) }).map(({ id, extra }) =>
    jsonFrame('over-limit', { type: 'ask', id, question: validQuestion, history: [{ role: 'user', content: 'x'.repeat(limits.maxMessageBytes + extra) }] }, limits, ['INVALID_MESSAGE']),
  );
  const binary = fc
    .oneof(
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
      frameId.map((id) => Buffer.from(JSON.stringify({ type: 'ask', id, question: validQuestion }))),
    )
    .map((data): FuzzFrame => ({ kind: 'binary', data, binary: true, codes: ['INVALID_MESSAGE'], id: undefined }));
  const badUtf8 = fc.record({ id: frameId, bad: fc.constantFrom(...invalidUtf8), inJson: fc.boolean(), tail: fc.uint8Array({ maxLength: 20 }) }).map(({ id, bad, inJson, tail }): FuzzFrame => {
    const data = inJson
      ? Buffer.concat([Buffer.from(`{"type":"ask","id":"${id}","question":"党建`), Buffer.from(bad), Buffer.from('"}')])
      : Buffer.concat([Buffer.from(bad), Buffer.from(tail.map((byte) => byte | 0x80))]);
    return { kind: 'invalid-utf8', data, binary: false, codes: ['INVALID_MESSAGE'], id: undefined };
  });
  const pollution = frameId.chain((id) =>
    fc
      .constantFrom(
        `{"__proto__":{"type":"ask","id":"${id}","question":"x"}}`,
        `{"type":"ask","id":"${id}","question":{"__proto__":{"polluted":true}}}`,
        `{"type":"ask","id":"${id}","question":"${validQuestion}","filters":{"constructor":{"prototype":{"polluted":true}},"year":"x"}}`,
        `{"constructor":{"prototype":{"type":"ask"}},"id":"${id}"}`,
      )
      .map((text) => textFrame('pollution', text, limits, ['INVALID_MESSAGE'], expectedId(JSON.parse(text)))),
  );
  return fc.oneof(
    { arbitrary: wrongTypes(limits), weight: 4 },
    { arbitrary: missingFields, weight: 1 },
    { arbitrary: cancel, weight: 1 },
    { arbitrary: nonJson, weight: 1 },
    { arbitrary: nonObject, weight: 1 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: hugeString, weight: 1 },
    { arbitrary: overLimit, weight: 1 },
    { arbitrary: binary, weight: 1 },
    { arbitrary: badUtf8, weight: 1 },
    { arbitrary: pollution, weight: 1 },
  );
}
