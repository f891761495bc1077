/**
 * The web page end to end, in Debian's Chromium driven by playwright-core (never a downloaded
 * browser): the real app listening on a free port over a temporary copy of the default corpus
 * (ingested lexical-only) plus one article full of HTML that must stay inert.
 *
 * Load, ask and watch the answer stream in with citations; open a citation and see the cited
 * passage highlighted; 院校对比 renders a table with clickable citations; a meeting draft exports as
 * a .docx with Word headings, superscript references and numbered notes; <script> and
 * <img onerror> from an article or an answer never run; and the page works at phone width.
 */
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Browser, Page, WebSocket as PageSocket } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApps } from '../helpers/app.ts';
import { ask, latestCitations, launchChromium, listeningApp, PageOpener, type PageCitation as Citation } from '../helpers/browser.ts';
import { copyDefaultCorpus, ingest, makeTempDir, removeTempDirs, writeFiles } from '../helpers/corpus.ts';

/** An article whose text carries markup that must be shown, never run. */
const xssArticle = [
  '安全测试职业技术学院党委创新“红色堡垒”工作法',
  '',
  '来源:安全测试职业技术学院 发布时间:2023-05-06',
  '',
  '安全测试职业技术学院党委以“红色堡垒”工作法推进基层党组织建设，<script>window.__pwned=1</script>在每个教工党支部设立党员先锋岗。',
  '',
  '学院党委组织开展“红色堡垒”示范支部评选<img src=x onerror="window.__pwned=1">，全年评出红色堡垒示范支部12个，带动党员教师服务学生3000余人次。',
  '',
  '“红色堡垒”工作法坚持把支部建在专业上，推动党建与业务深度融合。',
  '',
].join('\n');

let browser: Browser;
let baseUrl: string;
const pages = new PageOpener(() => browser);

beforeAll(async () => {
  const root = makeTempDir('e2e');
  const corpusDir = copyDefaultCorpus(root);
  writeFiles(corpusDir, { 'xss-safety-test.txt': xssArticle });
  const indexDir = path.join(root, 'index');
  const summary = await ingest(corpusDir, indexDir);
  expect(summary.documents).toBe(6);
  baseUrl = await listeningApp({ indexDir });
  browser = await launchChromium();
}, 120_000);

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
  await closeTestApps();
  removeTempDirs();
});

/** A fresh page (own storage) at the app, connected; page errors fail the test. */
const openPage = (viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> => pages.open(baseUrl, viewport);

/** Clicks the citation button `n` inside `scope` and checks the source panel highlights exactly its quote. */
async function openCitationAndCheck(page: Page, scope: ReturnType<Page['locator']>, citation: Citation): Promise<void> {
  const button = scope.locator(`button.cite[data-n="${citation.n}"]`).first();
  await expect.poll(() => button.getAttribute('aria-label')).toBe(`来源 ${citation.n}`);
  await button.click();
  const panel = page.locator('#source-panel');
  await panel.waitFor({ state: 'visible' });
  const marks = page.locator('#source-text mark');
  await marks.first().waitFor();
  expect((await marks.allTextContents()).join('')).toBe(citation.quote);
  expect(await page.locator('#source-title').textContent()).toBeTruthy();
  // Scrolled into view inside the panel's scrolling body.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const mark = document.querySelector('#source-text mark')!.getBoundingClientRect();
        const body = document.getElementById('source-body')!.getBoundingClientRect();
        return mark.top < body.bottom && mark.bottom > body.top;
      }),
    )
    .toBe(true);
  // Esc closes the panel and gives focus back to the citation.
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
}

describe('the chat page', () => {
  it('streams an answer with clickable citations that open the highlighted passage', async () => {
    const { page, errors } = await openPage();
    expect(await page.title()).toBe('党建典型经验问答助手');
    await expect.poll(() => page.locator('#filter-college option').count()).toBe(7);

    const frames: { type: string; id?: string }[] = [];
    page.on('websocket', (socket: PageSocket) => socket.on('framereceived', (frame) => frames.push(JSON.parse(String(frame.payload)))));
    await page.reload();
    await page.locator('#connection[data-state="connected"]').waitFor();

    const answer = await ask(page, '如何打造党建特色品牌？');
    // Streamed: sources, several text-deltas, then answer-end, all for the same question.
    const types = frames.map((frame) => frame.type);
    expect(types[0]).toBe('sources');
    expect(types.filter((type) => type === 'text-delta').length).toBeGreaterThan(1);
    expect(types.at(-1)).toBe('answer-end');
    expect(new Set(frames.map((frame) => frame.id)).size).toBe(1);

    const citations = await latestCitations(page);
    expect(citations.length).toBeGreaterThan(0);
    expect(await answer.locator('.answer-body button.cite').count()).toBeGreaterThan(0);
    expect(await answer.locator('.source-card').count()).toBe(Math.min(new Set(citations.map((citation) => citation.docId)).size, 4));
    // Source cards show title, college and a quote snippet.
    const firstCard = answer.locator('.source-card').first();
    expect(await firstCard.locator('.source-card-title').textContent()).toBe(`《${citations[0]!.title}》`);
    expect(await firstCard.locator('.source-card-quote').first().textContent()).toBe(citations[0]!.quote);

    await openCitationAndCheck(page, answer.locator('.answer-body'), citations[0]!);

    // The conversation was saved in the browser and survives a reload.
    await page.reload();
    await page.locator('.message.assistant[data-status="done"] .answer-body button.cite').first().waitFor();
    expect(await page.locator('.conversation').count()).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);

  it('renders 院校对比 as a table whose cell citations open their sources', async () => {
    const { page, errors } = await openPage();
    const answer = await ask(page, '各院校如何开展党史学习教育？', 'compare');
    const table = answer.locator('.answer-body table');
    await table.waitFor();
    expect(await table.locator('th').allTextContents()).toEqual(['院校', '做法', '成效', '来源']);
    expect(await table.locator('tbody tr').count()).toBe(6);
    const cellCitations = table.locator('td button.cite');
    expect(await cellCitations.count()).toBeGreaterThan(0);
    const citations = await latestCitations(page);
    const n = Number(await cellCitations.first().getAttribute('data-n'));
    await openCitationAndCheck(page, table, citations.find((citation) => citation.n === n)!);

    // A table of honours: the honours beside their sources, the honours given the room.
    const honours = (await ask(page, '各院校都拿过哪些荣誉？', 'compare')).locator('.answer-body table');
    await honours.waitFor();
    expect(await honours.locator('th').allTextContents()).toEqual(['院校', '荣誉', '来源']);
    const [honoursWidth, sourcesWidth] = await Promise.all([honours.locator('th').nth(1).boundingBox(), honours.locator('th').nth(2).boundingBox()]);
    expect(honoursWidth!.width).toBeGreaterThan(sourcesWidth!.width * 1.5);
    expect(errors).toEqual([]);
  }, 60_000);

  it('exports a meeting draft as a .docx with Word headings, superscript references and numbered notes', async () => {
    const { page, errors } = await openPage();
    const answer = await ask(page, '党建引领人才培养', 'summary');
    const citations = await latestCitations(page);
    expect(citations.length).toBeGreaterThan(1);
    const [download] = await Promise.all([page.waitForEvent('download'), answer.getByRole('button', { name: '导出 Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^关于“.+”的典型经验材料\.docx$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toMatch(/<h1>关于“[^<]+”的典型经验材料<\/h1>/);
    for (const section of ['一、背景', '二、主要做法', '三、取得成效', '四、经验启示', '注释']) expect(html).toContain(`<h2>${section}</h2>`);
    expect(html).toContain('<sup>[1]</sup>');
    // Practices of several colleges, each college's name in bold above its own.
    expect(html).toMatch(/<p><strong>[^<]+(?:学院|大学)<\/strong>（[^<]+）<\/p>/u);
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    for (const citation of citations) {
      const parts = [`《${citation.title}》`, citation.college, citation.date].filter(Boolean).join('，');
      expect(text).toContain(`[${citation.n}] ${parts}：${citation.quote.replace(/\s+/g, " ").trim()}`);
    }
    expect(errors).toEqual([]);
  }, 60_000);

  it('never runs <script> or <img onerror> from an article or an answer', async () => {
    const { page, errors } = await openPage();
    const answer = await ask(page, '红色堡垒示范支部评选');
    const body = answer.locator('.answer-body');
    // The markup is shown as text in the answer…
    expect(await body.textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await body.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    // …and in the source panel, where the article is read in full.
    const citations = await latestCitations(page);
    const cited = citations.find((citation) => citation.quote.includes('<img'))!;
    expect(cited).toBeDefined();
    await body.locator(`button.cite[data-n="${cited.n}"]`).click();
    await page.locator('#source-text mark').waitFor();
    expect(await page.locator('#source-text').textContent()).toContain('<script>window.__pwned=1</script>');

    // The browse view's reader too.
    await page.keyboard.press('Escape');
    await page.locator('#nav-browse').click();
    await page.getByRole('link', { name: '安全测试职业技术学院党委创新“红色堡垒”工作法' }).click();
    await page.locator('#reader-text p').first().waitFor();
    expect(await page.locator('#reader-text').textContent()).toContain('onerror="window.__pwned=1"');

    await page.waitForTimeout(300);
    const dom = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      scripts: Array.from(document.querySelectorAll('script'), (script) => script.getAttribute('src')),
      images: document.querySelectorAll('img').length,
      onerror: document.querySelectorAll('[onerror]').length,
    }));
    expect(dom).toEqual({ pwned: undefined, inlineScripts: 0, scripts: ['/app.js'], images: 0, onerror: 0 });
    expect(errors).toEqual([]);
  }, 60_000);

  it('works at phone width (375px)', async () => {
    const { page, errors } = await openPage({ width: 375, height: 740 });
    // Nothing overflows sideways; the conversation list is behind its toggle.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(false);
    await page.locator('#sidebar-toggle').click();
    await expect.poll(() => page.locator('#new-chat').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(false);

    const answer = await ask(page, '教工党支部如何服务企业？');
    await answer.locator('.answer-body button.cite').first().click();
    const panel = await page.locator('#source-panel').boundingBox();
    expect(panel!.width).toBeGreaterThanOrEqual(370);
    await page.locator('#source-text mark').first().waitFor();
    await page.locator('#source-close').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  }, 60_000);
});
