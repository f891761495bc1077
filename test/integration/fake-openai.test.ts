/**
 * The fake chat-completions server the answer tests rely on: it must speak the wire format
 * exactly (SSE chunks, finish reason, [DONE]; JSON completions; OpenAI error bodies) and report
 * aborted requests truthfully, or the answer tests would prove nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApiKey, splitText, startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';

const fakes: FakeOpenAI[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function start(...args: Parameters<typeof startFakeOpenAI>): Promise<FakeOpenAI> {
  const fake = await startFakeOpenAI(...args);
  fakes.push(fake);
  return fake;
}

function completion(fake: FakeOpenAI, body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
  return fetch(`${fake.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fakeApiKey}` },
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'system', content: '规则' }, { role: 'user', content: '问题' }], ...body }),
    ...(signal ? { signal } : {}),
  });
}

/** The `data:` payloads of an SSE body. */
function events(text: string): string[] {
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter((block) => block.length > 0)
    .map((block) => {
      expect(block.startsWith('data: ')).toBe(true);
      return block.slice('data: '.length);
    });
}

describe('the fake OpenAI server', () => {
  it('streams chat.completion.chunk events: a role chunk, the deltas, a finish chunk, then [DONE]', async () => {
    const fake = await start({ deltas: ['党建', '引领', '[1]。'] });
    const response = await completion(fake, { stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const payloads = events(await response.text());
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload));
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ object: 'chat.completion.chunk', model: 'fake-model' });
      expect(chunk.id).toBe(chunks[0].id);
      expect(chunk.choices).toHaveLength(1);
      expect(chunk.choices[0].index).toBe(0);
    }
    expect(chunks[0].choices[0]).toMatchObject({ delta: { role: 'assistant', content: '' }, finish_reason: null });
    expect(chunks.slice(1, -1).map((chunk) => chunk.choices[0].delta.content)).toEqual(['党建', '引领', '[1]。']);
    expect(chunks.at(-1).choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });

    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body.messages[1]).toEqual({ role: 'user', content: '问题' });
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${fakeApiKey}`);
    expect(await fake.waitForSettled(fake.requests[0]!)).toBe(false);
  });

  it('answers a request without stream as one JSON completion', async () => {
    const fake = await start({ text: '一个完整的回答[1]。' });
    const response = await completion(fake, {});
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toMatchObject({ object: 'chat.completion', model: 'fake-model', choices: [{ index: 0, message: { role: 'assistant', content: '一个完整的回答[1]。' }, finish_reason: 'stop' }] });
  });

  it('answers an OpenAI-style error body with the scripted status', async () => {
    const fake = await start({ errorStatus: 500 });
    const response = await completion(fake, { stream: true });
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error).toMatchObject({ type: 'server_error' });
    expect(typeof body.error.message).toBe('string');
  });

  it('records a request the client aborts, and one the server cuts off as not aborted', async () => {
    const fake = await start({ deltas: ['甲', '乙', '丙'], pauseAfter: 1 });
    const controller = new AbortController();
    const response = await completion(fake, { stream: true }, controller.signal);
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    expect(await fake.waitForSettled(fake.requests[0]!)).toBe(true);

    fake.respond({ deltas: ['甲', '乙', '丙'], cutAfter: 2 });
    const cut = await completion(fake, { stream: true });
    await expect(cut.text()).rejects.toThrow();
    expect(await fake.waitForSettled(fake.requests[1]!)).toBe(false);

    fake.respond({ deltas: ['甲', '乙', '丙'], cutAfter: 2, cutMode: 'end' });
    const ended = await completion(fake, { stream: true });
    const payloads = events(await ended.text());
    expect(payloads).not.toContain('[DONE]');
    expect(payloads.map((payload) => JSON.parse(payload).choices[0].finish_reason)).toEqual([null, null, null]);
  });

  it('resumes a paused stream when told to, and answers other paths with 404', async () => {
    let release!: () => void;
    const fake = await start({ deltas: ['一', '二'], pauseAfter: 1, resume: new Promise<void>((resolve) => (release = resolve)) });
    const response = await completion(fake, { stream: true });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"role":"assistant"');
    release();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain('data: [DONE]');
    expect((first + rest).match(/"content":"[一二]"/g)).toHaveLength(2);

    const other = await fetch(`${fake.baseURL}/models`);
    expect(other.status).toBe(404);
    await other.body?.cancel();
  });

  it('splits a reply text into about equal deltas without breaking characters', () => {
    expect(splitText('党建引领发展', 3)).toEqual(['党建', '引领', '发展']);
    expect(splitText('😀党建', 2)).toEqual(['😀党', '建']);
    expect(splitText('', 4)).toEqual([]);
  });
});
