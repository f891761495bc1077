/**
 * The chat page as a newcomer uses it, at desktop width and on a phone (375×667), in Debian's
 * Chromium: the real app over the default corpus (lexical-only, extractive answers), and a second
 * app whose answers come from a real HTTP server speaking the OpenAI streaming protocol, for an
 * answer that can be stopped half way.
 *
 * Phone layout (browse filters, comparison cards, the welcome screen, the question area); labels
 * (not-found, an every-college question answered from one, what a follow-up was searched as);
 * filters (one rule for new and reopened conversations, chips, undated articles under a year
 * filter, 就本文提问); copy and export (a comparison as a rendered table, the conversation with each
 * question's mode and filters, one naming rule); everyday controls (重新生成, editing a question, a
 * stopped answer's actions, the reader at a cited passage, Tab to the source panel's ✕); sources
 * grouped by article; and searching the conversation list.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApps } from '../helpers/app.ts';
import { ask, desktop, latestCitations, launchChromium, listeningApp, PageOpener, phone, type PageCitation } from '../helpers/browser.ts';
import { copyDefaultCorpus, defaultDocId, ingest, makeTempDir, removeTempDirs } from '../helpers/corpus.ts';
import { isAnswerRequest, startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';

let browser: Browser;
/** The app with extractive answers. */
let baseUrl: string;
/** The app whose answers a fake model endpoint streams, stalling after its first delta. */
let modelUrl: string;
let fake: FakeOpenAI;
const pages = new PageOpener(() => browser);

/** The part of a model answer that arrives before the endpoint stalls. */
const firstDelta = '浙江机电职业技术学院自动化学院党总支获评“双百示范”首批党建特色品牌[1]。';

beforeAll(async () => {
  const root = makeTempDir('e2e-everyday');
  const corpusDir = copyDefaultCorpus(root);
  const indexDir = path.join(root, 'index');
  expect((await ingest(corpusDir, indexDir)).documents).toBe(5);
  baseUrl = await listeningApp({ indexDir });
  // Every answer request streams one sentence, then stalls until the server gives up on it.
  fake = await startFakeOpenAI((request) => (isAnswerRequest(request) ? { deltas: [firstDelta, '其余内容不会到达[2]。'], pauseAfter: 1 } : { text: '' }));
  modelUrl = await listeningApp({ indexDir, generator: fake.generator(60_000) });
  browser = await launchChromium();
}, 120_000);

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
  await closeTestApps();
  await fake?.close();
  removeTempDirs();
});

const openPage = (viewport = desktop, options = {}) => pages.open(baseUrl, viewport, options);

interface SentAsk {
  type: string;
  id: string;
  question: string;
  mode: string;
  history: unknown[];
  filters: Record<string, unknown>;
}

/** Records the `ask` messages the page sends from now on (the page reloads to watch its new socket). */
async function recordAsks(page: Page): Promise<SentAsk[]> {
  const sent: SentAsk[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', (frame) => {
      const message = JSON.parse(String(frame.payload)) as SentAsk;
      if (message.type === 'ask') sent.push(message);
    }),
  );
  await page.reload();
  await page.locator('#connection[data-state="connected"]').waitFor();
  return sent;
}

/** The element's box, which must be laid out. */
async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, `${locator} has no box`).not.toBeNull();
  return found!;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Chooses the option whose text is `label` in a select. */
const choose = (page: Page, selector: string, label: string) => page.locator(selector).selectOption({ label });

/** The assistant messages and the user messages of the open conversation, as the page keeps them. */
function openConversation(page: Page) {
  return page.evaluate(() => {
    const { state } = (window as unknown as { pbqa: { state: { conversations: { id: string; messages: { role: string; text: string; mode: string; filters: Record<string, unknown> }[] }[]; activeId: string | null } } }).pbqa;
    return state.conversations.find((item) => item.id === state.activeId)?.messages ?? [];
  });
}

describe('at phone width (375×667)', () => {
  it('opens the welcome screen at its top, with a question area of at most 130 px', async () => {
    const { page, errors } = await openPage(phone);
    const messages = await box(page.locator('#messages'));
    const title = await box(page.locator('.welcome-title'));
    expect(await page.locator('#messages').evaluate((element) => element.scrollTop)).toBe(0);
    expect(title.y).toBeGreaterThanOrEqual(messages.y);
    expect(title.y + title.height).toBeLessThanOrEqual(messages.y + messages.height);
    expect((await box(page.locator('#composer'))).height).toBeLessThanOrEqual(130);

    // The filters fold behind 筛选 and open full size; a chosen filter stays visible as a chip.
    await expect.poll(() => page.locator('#filter-college').isVisible()).toBe(false);
    await page.locator('#filters-toggle').click();
    for (const select of ['#filter-college', '#filter-year']) expect((await box(page.locator(select))).width).toBeGreaterThanOrEqual(100);
    await choose(page, '#filter-college', '嘉兴职业技术学院');
    await page.locator('#filters-toggle').click();
    await expect.poll(() => page.locator('#filter-college').isVisible()).toBe(false);
    expect(await page.locator('#scope-chips .chip').allTextContents()).toEqual(['院校：嘉兴职业技术学院✕']);

    // After an answer the question area is still small and nothing overflows sideways.
    await ask(page, '如何开展党史学习教育？');
    expect((await box(page.locator('#composer'))).height).toBeLessThanOrEqual(130 + 34);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows the connection as a dot inside the header, still named for screen readers and as a tooltip', async () => {
    const { page, errors } = await openPage(phone);
    const indicator = page.locator('#connection[data-state="connected"]');
    await indicator.waitFor();
    const dot = await box(indicator.locator('.dot'));
    expect(dot.x + dot.width).toBeLessThanOrEqual(375);
    expect(await indicator.getAttribute('title')).toBe('已连接');
    // Hidden from sight, not from assistive technology: display:none would silence it.
    expect(await page.locator('#connection-label').evaluate((element) => getComputedStyle(element).display)).not.toBe('none');
    expect(await page.getByText('已连接').count()).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);

  it('keeps the 浏览文章 selects usable, their labels on one line', async () => {
    const { page, errors } = await openPage(phone);
    await page.locator('#nav-browse').click();
    await page.locator('.article-card').first().waitFor();
    for (const id of ['browse-college', 'browse-year']) {
      expect((await box(page.locator(`#${id}`))).width).toBeGreaterThanOrEqual(100);
      const label = await box(page.locator(`.filter:has(#${id}) .filter-label`));
      expect(label.height).toBeLessThan(30);
      expect(label.width).toBeGreaterThan(label.height);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows a comparison as one card per college, each field labelled, with nothing to scroll sideways', async () => {
    const { page, errors } = await openPage(phone);
    const answer = await ask(page, '各院校如何开展党史学习教育？', 'compare');
    const body = await box(answer.locator('.answer-body'));
    const rows = answer.locator('.answer-body tbody tr');
    expect(await rows.count()).toBe(5);
    let bottom = -Infinity;
    for (let index = 0; index < 5; index++) {
      const card = await box(rows.nth(index));
      // Full width of the answer, stacked one under another.
      expect(card.width).toBeGreaterThan(body.width - 4);
      expect(card.x + card.width).toBeLessThanOrEqual(body.x + body.width + 1);
      expect(card.y).toBeGreaterThanOrEqual(bottom);
      bottom = card.y + card.height;
    }
    const wrap = answer.locator('.table-wrap');
    expect(await wrap.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    // The column headings are not shown; each filled field carries its own.
    expect((await box(answer.locator('thead'))).height).toBeLessThanOrEqual(1);
    const filled = rows.filter({ hasNot: page.locator('.empty-cell') }).first();
    const labels = await filled.locator('td').evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, '::before').content));
    expect(labels.slice(1)).toEqual(['"做法"', '"成效"', '"来源"']);
    // A college with nothing on the topic is one line (one with a practice but no result is a card).
    const empty = answer.locator('.answer-body tbody tr.empty-row').first();
    expect(await empty.count()).toBe(1);
    expect((await box(empty)).height).toBeLessThan(80);
    expect(errors).toEqual([]);

    // At desktop width the same answer is a table.
    const wide = (await openPage()).page;
    const table = (await ask(wide, '各院校如何开展党史学习教育？', 'compare')).locator('tbody tr').first();
    expect(await table.evaluate((row) => getComputedStyle(row).display)).toBe('table-row');
  }, 60_000);
});

describe('labels', () => {
  it('suggests 浏览文章 once when nothing is found, and offers to drop the filters that narrowed it', async () => {
    const { page, errors } = await openPage();
    const answer = await ask(page, '量子计算课程如何建设？');
    expect(await answer.getAttribute('class')).toContain('not-found');
    expect((await answer.textContent())!.match(/浏览/g)).toHaveLength(1);

    await choose(page, '#filter-college', '湖南电气职业技术学院');
    const narrowed = await ask(page, '党史学习教育');
    expect(await narrowed.locator('.not-found-help').textContent()).toContain('湖南电气职业技术学院');
    expect((await narrowed.textContent())!.match(/浏览/g)).toHaveLength(1);
    await narrowed.getByRole('button', { name: '不限范围再问一次' }).click();
    const again = page.locator('.message.assistant').nth(2);
    await again.and(page.locator('[data-status="done"]')).waitFor();
    expect(await again.getAttribute('class')).not.toContain('not-found');
    const asked = (await openConversation(page)).filter((message) => message.role === 'user');
    expect(asked.at(-1)).toMatchObject({ text: '党史学习教育', filters: {} });
    expect(await page.locator('#scope-chips .chip').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('lists the text a refusal points to as 相关原文, not as sources the answer rests on, and opens it at its quote', async () => {
    const { page, errors } = await openPage();
    const answer = await ask(page, '嘉兴职业技术学院的校长是谁？');
    expect(await answer.getAttribute('class')).toContain('not-found');
    expect(await answer.locator('.answer-body').textContent()).toContain('以下内容与问题相关，但不一定回答了它');
    expect(await answer.locator('.sources-title').textContent()).toMatch(/^相关原文（1 篇文章/u);
    expect(await answer.locator('.answer-head').textContent()).not.toContain('依据');
    const [first] = await latestCitations(page);
    await answer.locator('.answer-body button.cite').first().click();
    await page.locator('#source-text mark').first().waitFor();
    expect((await page.locator('#source-text mark').allTextContents()).join('')).toBe(first!.quote);
    expect(errors).toEqual([]);
  }, 60_000);

  it('says which colleges an answer about every college cites, that the others are not cited, and offers 院校对比', async () => {
    const { page, errors } = await openPage();
    const answer = await ask(page, '各院校如何开展党史学习教育？');
    const cited = new Set((await latestCitations(page)).map((citation) => citation.college));
    expect(cited.size).toBeLessThan(5);
    const note = await answer.locator('.left-out').textContent();
    expect(note).toContain(`其余 ${5 - cited.size} 所院校`);
    for (const college of cited) expect(note).toContain(college);
    await answer.getByRole('button', { name: '改用院校对比，逐校查看' }).click();
    const compared = page.locator('.message.assistant').nth(1);
    await compared.and(page.locator('[data-status="done"]')).waitFor();
    expect(await compared.locator('tbody tr').count()).toBe(5);
    expect((await openConversation(page)).at(-2)).toMatchObject({ role: 'user', mode: 'compare', text: '各院校如何开展党史学习教育？' });

    // A question about one college gets no such note.
    expect(await (await ask(page, '嘉兴职业技术学院如何开展党史学习教育？')).locator('.left-out').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows what a follow-up was searched as (检索：…) only when it differs from what was typed', async () => {
    const { page, errors } = await openPage();
    const first = await ask(page, '嘉兴职业技术学院如何开展党史学习教育？');
    expect(await first.locator('.searched-for').count()).toBe(0);
    const followUp = await ask(page, '那他们取得了哪些成效？');
    const searched = await followUp.locator('.searched-for').textContent();
    expect(searched).toMatch(/^检索：.+/);
    expect(searched).not.toBe('检索：那他们取得了哪些成效？');
    expect(await followUp.locator('.answer-meta').textContent()).not.toContain('检索');
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('filters', () => {
  it('starts a new conversation clean, and brings back a conversation’s mode and filters when it is opened or the page reloads', async () => {
    const { page, errors } = await openPage();
    await choose(page, '#filter-college', '嘉兴职业技术学院');
    await ask(page, '党史学习教育', 'compare');
    const scopeOf = () =>
      page.evaluate(() => ({
        mode: (document.querySelector('input[name="mode"]:checked') as HTMLInputElement).value,
        college: (document.getElementById('filter-college') as HTMLSelectElement).value,
        chips: Array.from(document.querySelectorAll('#scope-chips .chip-text'), (chip) => chip.textContent),
      }));
    const kept = { mode: 'compare', college: '嘉兴职业技术学院', chips: ['院校：嘉兴职业技术学院'] };
    const clean = { mode: 'qa', college: '', chips: [] };
    await page.reload();
    await page.locator('#connection[data-state="connected"]').waitFor();
    await expect.poll(scopeOf).toEqual(kept);
    await page.locator('#new-chat').click();
    expect(await scopeOf()).toEqual(clean);
    expect(await page.locator('#welcome').isVisible()).toBe(true);
    await page.locator('.conversation-open').first().click();
    expect(await scopeOf()).toEqual(kept);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows each active filter as a chip whose ✕ removes it', async () => {
    const { page, errors } = await openPage();
    const sent = await recordAsks(page);
    await choose(page, '#filter-college', '浙江机电职业技术学院');
    await choose(page, '#filter-year', '2022年');
    expect(await page.locator('#scope-chips .chip-text').allTextContents()).toEqual(['院校：浙江机电职业技术学院', '年份：2022年']);
    await page.getByRole('button', { name: '移除筛选：浙江机电职业技术学院' }).click();
    expect(await page.locator('#filter-college').inputValue()).toBe('');
    expect(await page.locator('#scope-chips .chip-text').allTextContents()).toEqual(['年份：2022年']);
    expect(await activeId(page)).toBe('composer-input');
    await ask(page, '党建特色品牌');
    expect(sent.at(-1)!.filters).toEqual({ year: 2022 });
    expect(errors).toEqual([]);
  }, 60_000);

  it('lets undated articles through a year filter, says how many, and marks them', async () => {
    const { page, errors } = await openPage();
    await choose(page, '#filter-year', '2023年');
    expect(await page.locator('#scope-chips .chip-note').textContent()).toBe('含 2 篇未注明日期的文章');
    const answer = await ask(page, '党员技术服务团队如何服务企业？');
    const citations = await latestCitations(page);
    const undated = citations.filter((citation) => citation.date === '');
    expect(undated.length).toBeGreaterThan(0);
    for (const citation of citations) expect(citation.date === '' || citation.date.startsWith('2023')).toBe(true);
    const card = answer.locator('.source-card', { hasText: undated[0]!.title });
    expect(await card.locator('.source-card-meta').textContent()).toContain('未注明日期');

    // 浏览文章 applies the same rule.
    await page.locator('#nav-browse').click();
    await choose(page, '#browse-year', '2023年');
    expect(await page.locator('#browse-count').textContent()).toBe('共 3 篇（全部 5 篇），其中 2 篇未注明日期');
    expect(await page.locator('.article-card', { hasText: '未注明日期' }).count()).toBe(2);
    expect(errors).toEqual([]);
  }, 60_000);

  it('就本文提问 opens a fresh conversation about that article, ready to type', async () => {
    const { page, errors } = await openPage();
    const sent = await recordAsks(page);
    await ask(page, '如何打造党建特色品牌？');
    await page.locator('#nav-browse').click();
    await page.locator('.article-link', { hasText: '风能工程学院' }).click();
    await page.locator('#reader-text p').first().waitFor();
    const title = await page.locator('#reader-title').textContent();
    await page.getByRole('button', { name: '就本文提问' }).click();
    await expect.poll(() => page.locator('#chat-view').isVisible()).toBe(true);
    expect(await activeId(page)).toBe('composer-input');
    expect(await page.locator('#welcome').isVisible()).toBe(true);
    expect(await page.locator('#scope-chips .chip-text').allTextContents()).toEqual([`本文：《${title}》`]);
    expect(await page.locator('.conversation').count()).toBe(1);

    await ask(page, '有哪些具体做法？');
    expect(sent.at(-1)).toMatchObject({ question: '有哪些具体做法？', history: [], filters: { docId: defaultDocId('hunan') } });
    expect(await page.locator('.conversation').count()).toBe(2);
    expect(await page.locator('.message.user .scope').textContent()).toBe(`范围：《${title}》`);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('copy and export', () => {
  it('copies a comparison as a rendered table (HTML) and an unbroken Markdown table (plain text)', async () => {
    const { page, errors } = await openPage(desktop, { permissions: ['clipboard-read', 'clipboard-write'] });
    const answer = await ask(page, '各院校如何开展党史学习教育？', 'compare');
    await answer.getByRole('button', { name: '复制', exact: true }).click();
    await expect.poll(() => answer.getByRole('button', { name: '已复制' }).count()).toBe(1);
    const clipboard = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item!.types, html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    expect(clipboard.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    const rendered = await page.evaluate((markup) => {
      // Parsed into a document of its own, which is never rendered (the page's CSP stays out of it).
      const holder = new DOMParser().parseFromString(markup, 'text/html');
      return { headers: Array.from(holder.querySelectorAll('th'), (cell) => cell.textContent), rows: holder.querySelectorAll('tbody tr').length, sup: holder.querySelectorAll('sup').length, buttons: holder.querySelectorAll('button').length };
    }, clipboard.html);
    expect(rendered).toMatchObject({ headers: ['院校', '做法', '成效', '来源'], rows: 5, buttons: 0 });
    expect(rendered.sup).toBeGreaterThan(0);
    // The Markdown table is whole: header, separator and five rows on consecutive lines.
    const lines = clipboard.text.split('\n');
    const first = lines.findIndex((line) => line.startsWith('| 院校 |'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(lines[first + 1]).toMatch(/^\|(?:\s*:?-{3,}:?\s*\|){4}$/);
    for (let row = 2; row <= 6; row++) expect(lines[first + row]).toMatch(/^\|.+\|$/);
    expect(clipboard.text).toContain('注释：\n[1] ');
    expect(errors).toEqual([]);
  }, 60_000);

  it('names an answer’s Markdown and Word files alike, and exports the conversation with each question’s mode and filters', async () => {
    const { page, errors } = await openPage();
    await ask(page, '如何打造党建特色品牌？');
    await choose(page, '#filter-college', '嘉兴职业技术学院');
    await choose(page, '#filter-year', '2022年');
    const answer = await ask(page, '党史学习教育', 'compare');
    const [markdown] = await Promise.all([page.waitForEvent('download'), answer.getByRole('button', { name: '导出 Markdown' }).click()]);
    const [word] = await Promise.all([page.waitForEvent('download'), answer.getByRole('button', { name: '导出 Word' }).click()]);
    expect(markdown.suggestedFilename()).toBe('院校对比：党史学习教育.md');
    expect(word.suggestedFilename()).toBe('院校对比：党史学习教育.docx');

    const [conversation] = await Promise.all([page.waitForEvent('download'), page.locator('#export-conversation').click()]);
    expect(conversation.suggestedFilename()).toBe('如何打造党建特色品牌？.md');
    const text = fs.readFileSync((await conversation.path())!, 'utf8');
    expect(text).toContain('## 问：如何打造党建特色品牌？\n\n（问答）\n');
    expect(text).toContain('## 问：党史学习教育\n\n（院校对比 · 范围：嘉兴职业技术学院 · 2022年）\n');
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('everyday controls', () => {
  it('regenerates an answer in place', async () => {
    const { page, errors } = await openPage();
    const sent = await recordAsks(page);
    const answer = await ask(page, '如何打造党建特色品牌？');
    await answer.getByRole('button', { name: '重新生成' }).click();
    await expect.poll(() => sent.length).toBe(2);
    await answer.and(page.locator('[data-status="done"]')).waitFor();
    expect(sent[1]).toMatchObject({ question: sent[0]!.question, mode: 'qa', history: [] });
    expect(sent[1]!.id).not.toBe(sent[0]!.id);
    expect(await page.locator('.message').count()).toBe(2);
    expect(errors).toEqual([]);
  }, 60_000);

  it('edits a question and asks it again in its place, after the user agrees to drop what followed', async () => {
    const { page, errors } = await openPage();
    const sent = await recordAsks(page);
    await ask(page, '如何打造党建特色品牌？');
    await ask(page, '那他们取得了哪些成效？');
    const first = page.locator('.message.user').first();

    // Esc leaves the question as it was.
    await first.getByRole('button', { name: /^编辑问题/ }).click();
    await page.locator('.question-editor').press('Escape');
    expect(await first.locator('.question-text').textContent()).toBe('如何打造党建特色品牌？');

    await first.getByRole('button', { name: /^编辑问题/ }).click();
    const dialog = page.waitForEvent('dialog').then(async (shown) => {
      const message = shown.message();
      await shown.accept();
      return message;
    });
    await page.locator('.question-editor').fill('如何开展党史学习教育？');
    await page.locator('.question-editor').press('Enter');
    expect(await dialog).toContain('此后的 1 个问题及其回答将被移除');
    await page.locator('.message.assistant[data-status="done"]').first().waitFor();
    expect((await openConversation(page)).map((message) => [message.role, message.text.slice(0, 11)])).toEqual([
      ['user', '如何开展党史学习教育？'],
      ['assistant', expect.any(String)],
    ]);
    expect(sent.at(-1)).toMatchObject({ question: '如何开展党史学习教育？', history: [] });
    expect(await page.locator('#chat-title').textContent()).toBe('如何开展党史学习教育？');
    expect(errors).toEqual([]);
  }, 60_000);

  it('keeps copy and export on an answer stopped half way', async () => {
    const { page, errors } = await pages.open(modelUrl);
    await page.locator('#composer-input').fill('如何打造党建特色品牌？');
    await page.locator('#composer-input').press('Enter');
    const answer = page.locator('.message.assistant').first();
    await expect.poll(() => answer.locator('.answer-body').textContent()).toContain('双百示范');
    await page.locator('#stop').click();
    await answer.and(page.locator('[data-status="cancelled"]')).waitFor();
    expect(await answer.locator('.answer-error').textContent()).toContain('已停止生成，以上回答不完整。');
    for (const name of ['复制', '导出 Markdown', '导出 Word', '重新回答']) expect(await answer.getByRole('button', { name, exact: true }).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), answer.getByRole('button', { name: '导出 Markdown' }).click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('获评“双百示范”首批党建特色品牌[1]。');
    expect(text).toContain('（已停止生成，以上回答不完整。）');
    // Only the source the partial answer cites is listed.
    expect(text).toMatch(/\[1\] 《/);
    expect(text).not.toMatch(/\[2\] 《/);
    expect(errors).toEqual([]);
  }, 60_000);

  it('opens the cited passage, highlighted, in 浏览文章 from the source panel', async () => {
    const { page, errors } = await openPage();
    const answer = await ask(page, '如何打造党建特色品牌？');
    const citation = (await latestCitations(page)).at(-1)!;
    await answer.locator(`.answer-body button.cite[data-n="${citation.n}"]`).click();
    await page.locator('#source-text mark').first().waitFor();
    await page.locator('#source-open').click();
    await page.locator('#reader-text mark').first().waitFor();
    expect(await page.locator('#reader').isVisible()).toBe(true);
    expect((await page.locator('#reader-text mark').allTextContents()).join('')).toBe(citation.quote);
    await expect
      .poll(async () => {
        const mark = await box(page.locator('#reader-text mark').first());
        const view = await box(page.locator('#browse-view'));
        return mark.y >= view.y && mark.y < view.y + view.height;
      })
      .toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);

  it('reaches the source panel’s ✕ with Tab from where the panel puts focus', async () => {
    const { page, errors } = await openPage();
    const answer = await ask(page, '如何打造党建特色品牌？');
    const cite = answer.locator('.answer-body button.cite').first();
    await cite.click();
    await page.locator('#source-text mark').first().waitFor();
    expect(await activeId(page)).toBe('source-title');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('source-close');
    await page.keyboard.press('Enter');
    await page.locator('#source-panel').waitFor({ state: 'hidden' });
    expect(await cite.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('sources', () => {
  it('groups the sources under an answer by article: one card, its cited passages inside', async () => {
    const { page, errors } = await openPage();
    // An answer from one article with several cited passages.
    const answer = await ask(page, '嘉兴职业技术学院如何开展党史学习教育？');
    const citations = await latestCitations(page);
    const byArticle = new Map<string, PageCitation[]>();
    for (const citation of citations) byArticle.set(citation.docId, [...(byArticle.get(citation.docId) ?? []), citation]);
    expect(citations.length).toBeGreaterThan(byArticle.size);
    const cards = answer.locator('.source-card');
    expect(await cards.count()).toBe(Math.min(byArticle.size, 4));
    expect(await answer.locator('.sources-title').textContent()).toBe(`来源（${byArticle.size} 篇文章，${citations.length} 处引用）`);
    const [docId, passages] = [...byArticle.entries()].find(([, list]) => list.length > 1)!;
    const card = cards.filter({ hasText: passages[0]!.title });
    expect(await card.locator('.source-card-title').allTextContents()).toEqual([`《${passages[0]!.title}》`]);
    expect(await card.locator('.source-passage .source-n').allTextContents()).toEqual(passages.map((citation) => String(citation.n)));
    expect(await answer.locator('.source-card-title').allTextContents()).toHaveLength(new Set([...byArticle.keys()].slice(0, 4)).size);
    // A passage opens the panel at its own quote.
    const second = passages[1]!;
    await card.locator('.source-passage').nth(1).click();
    await page.locator('#source-text mark').first().waitFor();
    expect((await page.locator('#source-text mark').allTextContents()).join('')).toBe(second.quote);
    expect(docId).toBe(second.docId);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the conversation list', () => {
  it('says the history stays in this browser, and finds conversations by their words', async () => {
    const { page, errors } = await openPage();
    const note = page.locator('#history-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('只保存在本浏览器中');
    await ask(page, '如何打造党建特色品牌？');
    await page.locator('#new-chat').click();
    await ask(page, '各院校如何开展党史学习教育？');
    expect(await page.locator('.conversation').count()).toBe(2);

    const search = page.locator('#conversation-search');
    await search.fill('品牌');
    expect(await page.locator('.conversation-name').allTextContents()).toEqual(['如何打造党建特色品牌？']);
    // Words of an answer count too: the first answer quotes 浙江机电职业技术学院.
    await search.fill('自动化学院');
    expect(await page.locator('.conversation-name').allTextContents()).toContain('如何打造党建特色品牌？');
    await search.fill('量子计算');
    expect(await page.locator('.conversation').count()).toBe(0);
    expect(await page.locator('#conversation-no-match').textContent()).toBe('没有包含“量子计算”的对话。');
    await search.press('Escape');
    expect(await page.locator('.conversation').count()).toBe(2);

    // On a phone the note is where the list is, behind the list toggle.
    const small = (await openPage(phone)).page;
    await small.locator('#sidebar-toggle').click();
    await expect.poll(() => small.locator('#history-note').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);
});
