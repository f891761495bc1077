/**
 * The model pass of practice extraction through the real `openai` package against a local server
 * speaking the OpenAI protocol: proposals found word for word in the article become practices with
 * every field cited, invented names and unknown categories are dropped, and a failing endpoint
 * leaves the rules' practices.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSnapshot } from '../../core/index/index-reader.ts';
import { createPracticeRefiner, locateName, parseProposals } from '../../core/practices/model-pass.ts';
import { ingest, makeTempDir, removeTempDirs, writeFiles } from '../helpers/corpus.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';

const article = [
  '测试职业技术学院党委推进党员教育',
  '',
  '测试职业技术学院党委坚持党建引领，各党支部组织党员积极参与。',
  '',
  '支部每月举办红色读书会，组织党员共读理论著作，撰写心得200余篇。',
  '',
  '实施“亮身份、亮承诺”党员先锋岗工程，在实训中心设立党员先锋岗。',
  '',
].join('\n');

const proposals = JSON.stringify([
  { name: '红色读书会', category: '政治建设与理论学习' },
  { name: '“亮身份、亮承诺”党员先锋岗工程', category: '党员教育管理' },
  { name: '“云端党校”', category: '党员教育管理' },
  { name: '党员先锋岗', category: '不存在的类别' },
]);

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});

afterEach(() => {
  removeTempDirs();
});

afterAll(async () => {
  await fake.close();
});

async function ingestWithModel(): Promise<{ snapshot: EmbeddedSnapshot; refiner: ReturnType<typeof createPracticeRefiner> }> {
  const root = makeTempDir('practices-model');
  const corpusDir = path.join(root, 'corpus');
  writeFiles(corpusDir, { 'reading.txt': article });
  const indexDir = path.join(root, 'index');
  const refiner = createPracticeRefiner(fake.generator());
  await ingest(corpusDir, indexDir, { practiceModel: refiner });
  return { snapshot: EmbeddedSnapshot.load(indexDir, { vectorModel: null }), refiner };
}

describe('the model pass', () => {
  it('adds the practices a model finds in the text, with cited fields; drops what the text does not hold', async () => {
    fake.respond({ text: `好的，以下是做法：\n\`\`\`json\n${proposals}\n\`\`\`` });
    const { snapshot, refiner } = await ingestWithModel();
    try {
      const practices = snapshot.practices!.practices;
      const added = practices.find((practice) => practice.name.text === '红色读书会')!;
      expect(added).toMatchObject({ origin: 'model', category: '政治建设与理论学习' });
      const text = snapshot.documentText(snapshot.documents[0]!);
      for (const field of [added.name, added.description, ...added.outcomes]) expect(text.slice(field.start, field.end)).toBe(field.text);
      expect(added.description.text).toBe('支部每月举办红色读书会，组织党员共读理论著作，撰写心得200余篇。');
      expect(practices.find((practice) => practice.name.text.includes('先锋岗工程'))).toMatchObject({ origin: 'rules', category: '党员教育管理' });
      expect(practices.some((practice) => practice.name.text.includes('云端党校'))).toBe(false);
      expect(refiner.stats).toEqual({ articles: 1, proposed: 4, added: 1, recategorised: 0, dropped: 2, failed: 0 });
      // The model saw the taxonomy, the rules' practices and the article.
      const request = fake.requests.at(-1)!.body.messages;
      expect(request[0]!.content).toContain('党建联建与基层治理');
      expect(request[1]!.content).toContain('“亮身份、亮承诺”党员先锋岗工程（党员教育管理）');
      expect(request[1]!.content).toContain('支部每月举办红色读书会');
    } finally {
      snapshot.close();
    }
  });

  it('keeps the rules’ practices when the endpoint fails or answers no JSON', async () => {
    for (const reply of [{ errorStatus: 500 }, { text: '抱歉，我无法完成。' }]) {
      fake.respond(reply);
      const { snapshot, refiner } = await ingestWithModel();
      try {
        expect(snapshot.practices!.practices.map((practice) => [practice.name.text, practice.origin])).toEqual([['“亮身份、亮承诺”党员先锋岗工程', 'rules']]);
        expect(refiner.stats).toMatchObject({ articles: 1, failed: 1, added: 0 });
      } finally {
        snapshot.close();
      }
    }
  });

  it('reads proposals from prose and code fences, and names written with straight quotes', () => {
    expect(parseProposals('没有列表')).toBeNull();
    expect(parseProposals('[{"name": 3}]')).toBeNull();
    expect(parseProposals(`结果：${proposals}。`)).toHaveLength(4);
    expect(locateName(article, '"亮身份、亮承诺"党员先锋岗工程')).not.toBeNull();
    expect(locateName(article, '云端党校')).toBeNull();
  });
});
