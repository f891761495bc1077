/**
 * The 做法库 view end to end, in Debian's Chromium driven by playwright-core: the real app over a
 * temporary copy of the default corpus plus a sixth college, ingested lexical-only.
 *
 * The matrix and its cells as filters (kept in the address), search, a practice page whose every
 * citation opens the highlighted passage, comparable practices, Word and CSV export, the chat
 * linking to a practice a question names, 院校对比 started from a category, and phone width.
 */
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApps } from '../helpers/app.ts';
import { PageOpener, desktop, launchChromium, listeningApp, phone } from '../helpers/browser.ts';
import { copyDefaultCorpus, ingest, makeTempDir, removeTempDirs, writeFiles } from '../helpers/corpus.ts';

const sixthCollege = [
  '示范职业技术学院教工党支部推行党员先锋岗',
  '',
  '示范职业技术学院机电学院教工党支部坚持党建引领，扎实推进党员教育管理。',
  '',
  '实施“亮身份、亮承诺”党员先锋岗工程。支部在实训中心设立党员先锋岗12个，引导党员教师亮身份、亮承诺。2023年，先锋岗党员指导学生获省级技能竞赛一等奖3项。',
  '',
].join('\n');

let browser: Browser;
let baseUrl: string;
let categories: { total: number; colleges: { name: string }[] };
const pages = new PageOpener(() => browser);

beforeAll(async () => {
  const root = makeTempDir('e2e-practices');
  const corpusDir = copyDefaultCorpus(root);
  writeFiles(corpusDir, { 'shifan-pioneer-posts.txt': sixthCollege });
  const indexDir = path.join(root, 'index');
  await ingest(corpusDir, indexDir);
  baseUrl = await listeningApp({ indexDir });
  categories = await (await fetch(`${baseUrl}api/practices/categories`)).json();
  browser = await launchChromium();
}, 120_000);

afterEach(async () => {
  await pages.closeAll();
});

afterAll(async () => {
  await browser?.close();
  await closeTestApps();
  removeTempDirs();
});

/** A fresh page at `hash` (page errors are collected: a test ends by expecting none). */
function open(hash: string, viewport = desktop): Promise<{ page: Page; errors: string[] }> {
  return pages.open(`${baseUrl}${hash}`, viewport);
}

/** The list's count line once it has loaded. */
async function countLine(page: Page): Promise<string> {
  await expect.poll(() => page.locator('#practices-count').textContent()).toMatch(/共 \d+ 项做法/);
  return (await page.locator('#practices-count').textContent())!;
}

describe('the 做法库 view', () => {
  it('shows the category × college matrix; a cell lists its practices and stays in the address', async () => {
    const { page, errors } = await open('#/practices');
    await page.locator('#practices-matrix .matrix-cell').first().waitFor();
    expect(await page.locator('#nav-practices').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('#practices-matrix tbody tr').count()).toBe(13);
    expect(await page.locator('#practices-matrix thead .matrix-college').allTextContents()).toEqual(categories.colleges.map((college) => college.name));
    expect(await countLine(page)).toBe(`全部做法：共 ${categories.total} 项做法`);

    // The 党员教育管理 row × the Hunan column.
    const cell = page.getByRole('button', { name: /^湖南电气职业技术学院：党员教育管理 \d+ 项$/ });
    const expected = Number((await cell.getAttribute('aria-label'))!.match(/(\d+) 项$/)![1]);
    await cell.click();
    await expect.poll(() => page.locator('#practices-list .practice-card').count()).toBe(expected);
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#practices-category').inputValue()).toBe('党员教育管理');
    expect(await page.locator('#practices-college').inputValue()).toBe('湖南电气职业技术学院');
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#/practices?category=党员教育管理&college=湖南电气职业技术学院');
    for (const meta of await page.locator('#practices-list .article-meta').allTextContents()) expect(meta).toContain('湖南电气职业技术学院');

    // The address restores the filter.
    await page.reload();
    await expect.poll(() => page.locator('#practices-list .practice-card').count()).toBe(expected);
    expect(await page.locator('#practices-category').inputValue()).toBe('党员教育管理');
    expect(errors).toEqual([]);
  }, 60_000);

  it('opens a practice whose citations open the article at the highlighted passage, and its comparable practices', async () => {
    const { page, errors } = await open('#/practices');
    await page.locator('#practices-query').fill('三亮三比');
    await expect.poll(() => page.locator('#practices-list .practice-card .article-title').first().textContent()).toBe('“三亮三比”工程');
    await page.locator('#practices-list .practice-card a').first().click();
    await expect.poll(() => page.locator('#practice-name').textContent()).toContain('“三亮三比”工程');
    expect(await page.locator('#practice-category').textContent()).toBe('党员教育管理');
    expect(await page.locator('#practice-meta').textContent()).toContain('湖南电气职业技术学院');
    // Citations are numbered in reading order: name 1, description 2, heading 3, then the parts.
    expect(await page.locator('.practice-parts-list li').allTextContents()).toEqual(['亮身份 [4]', '亮职责 [5]', '亮承诺 [6]']);

    // Each citation highlights exactly its text in the article.
    const description = (await page.locator('.practice-description').textContent())!.replace(/\s*\[\d+\]$/, '');
    await page.locator('.practice-description button.cite').click();
    await page.locator('#source-text mark').first().waitFor();
    expect((await page.locator('#source-text mark').allTextContents()).join('')).toBe(description);
    await page.keyboard.press('Escape');
    await page.locator('.practice-parts-list button.cite').nth(1).click();
    await expect.poll(async () => (await page.locator('#source-text mark').allTextContents()).join('')).toBe('亮职责');
    await page.keyboard.press('Escape');

    // Comparable practices: another college, the same category, what they share.
    const first = page.locator('#practice-similar-list .similar-item').first();
    expect(await first.locator('.similar-name').textContent()).toBe('“亮身份、亮承诺”党员先锋岗工程');
    expect(await first.locator('.similar-reason').textContent()).toMatch(/^同属“党员教育管理”，都涉及“/);
    await first.locator('.similar-name').click();
    await expect.poll(() => page.locator('#practice-name').textContent()).toContain('“亮身份、亮承诺”党员先锋岗工程');
    expect(await page.locator('#practice-meta').textContent()).toContain('示范职业技术学院');
    expect((await page.locator('.practice-outcomes li').allTextContents()).join('\n')).toContain('2023年，先锋岗党员指导学生获省级技能竞赛一等奖3项。');
    await page.goBack();
    await expect.poll(() => page.locator('#practice-name').textContent()).toContain('“三亮三比”工程');
    expect(errors).toEqual([]);
  }, 60_000);

  it('exports a category as a Word comparison and as CSV', async () => {
    const { page, errors } = await open(`#/practices?category=${encodeURIComponent('党员教育管理')}`);
    await countLine(page);
    const [word] = await Promise.all([page.waitForEvent('download'), page.locator('#practices-export-docx').click()]);
    expect(word.suggestedFilename()).toBe('做法库：党员教育管理.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: fs.readFileSync((await word.path())!) });
    expect(text).toContain('做法库：党员教育管理');
    expect(text).toContain('“三亮三比”工程');
    expect(text).toContain('注释');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#practices-export-csv').click()]);
    expect(csv.suggestedFilename()).toBe('做法库：党员教育管理.csv');
    const body = fs.readFileSync((await csv.path())!, 'utf8');
    // The byte-order mark tells Excel the file is UTF-8.
    expect(body.startsWith('\uFEFF编号,做法名称,类别,院校,单位,日期,简介,构成,成效,来源文章,文章编号,名称位置\r\n')).toBe(true);
    const rows = body.trim().split('\r\n');
    expect(rows.slice(1).every((row) => row.includes(',党员教育管理,'))).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);

  it('links a chat answer to the practice its question names, and runs 院校对比 from a category', async () => {
    const { page, errors } = await open('');
    await page.locator('#composer-input').fill('“三亮三比”是怎么做的？');
    await page.locator('#composer-input').press('Enter');
    const answer = page.locator('.message.assistant[data-status="done"]').first();
    await answer.waitFor();
    const link = answer.locator('.practice-links a');
    expect(await link.textContent()).toBe('“三亮三比”工程 · 湖南电气职业技术学院');
    await link.click();
    await expect.poll(() => page.locator('#practice-name').textContent()).toContain('“三亮三比”工程');

    // From the practice page: 院校对比 on its category, in a new conversation of the chat.
    await page.locator('#practice-compare').click();
    await expect.poll(() => page.locator('#chat-view').isVisible()).toBe(true);
    expect(await page.locator('input[name="mode"][value="compare"]').isChecked()).toBe(true);
    const compare = page.locator('.message.assistant').first();
    await compare.and(page.locator('[data-status="done"]')).waitFor();
    expect(await page.locator('.message.user .question-text').allTextContents()).toEqual(['各院校在党员教育管理方面（党员先锋岗、积分管理、主题党日与党课、党员活动）有哪些做法和成效？']);
    expect(await page.locator('.conversation').count()).toBe(2);
    expect(await compare.locator('.answer-body table th').allTextContents()).toEqual(['院校', '做法', '成效', '来源']);
    expect(errors).toEqual([]);
  }, 90_000);

  it('works at phone width (375px): the matrix scrolls inside its frame', async () => {
    const { page, errors } = await open('#/practices', phone);
    await page.locator('#practices-matrix .matrix-cell').first().waitFor();
    await countLine(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const frame = await page.locator('.matrix-scroll').evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(frame.scroll).toBeGreaterThan(frame.client);
    await page.locator('#practices-list .practice-card a').first().click();
    await page.locator('#practice-fields .cite').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  }, 60_000);
});
