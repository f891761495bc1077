/**
 * 知识库 end to end, in Debian's Chromium: the app with its knowledge base (the real background
 * ingest in a child process) over a copy of the default corpus, managed from loopback.
 *
 * Upload a .docx, a GBK .txt with its 院校 and a broken PDF from the page and watch them go
 * through the ingest; the PDF is reported and nothing else is lost; a question only the new
 * article answers cites it; a corrected 院校 shows in 院校对比; a deleted article leaves the
 * answers; feedback given under an answer is listed for maintainers and exported as CSV.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ask, latestCitations, launchChromium, PageOpener } from '../helpers/browser.ts';
import { removeTempDirs } from '../helpers/corpus.ts';
import { buildKnowledgeBaseApp, closeKnowledgeBaseApps, type KnowledgeBaseApp } from '../helpers/knowledge-base.ts';

let browser: Browser;
let baseUrl: string;
let built: KnowledgeBaseApp;
const pages = new PageOpener(() => browser);

const gbkText = [
  '温州测试职业学院党委实施“青春领航”计划',
  '',
  '温州测试职业学院党委实施“青春领航”计划，在各二级学院建立学生党员先锋岗二十六个，带动学生参与志愿服务三千人次。',
  '',
  '“青春领航”计划坚持党员示范、朋辈引领，学生党员先锋岗每学期开展服务活动不少于两次。',
].join('\n');

const docxParagraphs = [
  '台州测试学院教工党支部建设“双带头人”工作室',
  '台州测试学院机电系教工党支部建设“双带头人”工作室，支部书记带领党员教师开展技术攻关十二项。',
  '“双带头人”工作室推动党建工作与专业建设深度融合，服务地方模具企业二十余家。',
];

beforeAll(async () => {
  built = await buildKnowledgeBaseApp();
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
}, 120_000);

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
  await closeKnowledgeBaseApps();
  removeTempDirs();
});

async function openKnowledgeBase(): Promise<{ page: Page; errors: string[] }> {
  const opened = await pages.open(`${baseUrl}#/kb`);
  await opened.page.locator('#kb-panels').waitFor();
  return opened;
}

/** The table row of an article or file, by what its title cell shows. */
function row(page: Page, title: string) {
  return page.locator('#kb-table-body tr', { has: page.locator('.kb-title-cell', { hasText: title }) });
}

describe('the knowledge base on the page', () => {
  it('uploads a .docx and a GBK .txt with its 院校, shows the ingest, reports a broken PDF and loses nothing', async () => {
    const { page, errors } = await openKnowledgeBase();
    expect(await page.title()).toBe('知识库 · 党建典型经验问答助手');
    await expect.poll(() => page.locator('#kb-table-body tr').count()).toBe(5);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: docxParagraphs.map((text) => new Paragraph(text)) }] }));
    await page.setInputFiles('#kb-file-input', [
      { name: '青春领航.txt', mimeType: 'text/plain', buffer: iconv.encode(gbkText, 'gbk') },
      { name: '双带头人工作室.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx },
      { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 broken beyond repair') },
    ]);
    const item = (name: string) => page.locator('.kb-upload-item', { hasText: name });
    await item('青春领航.txt').locator('summary').click();
    await page.getByLabel('青春领航.txt 的院校').fill('温州测试职业学院');
    await page.getByLabel('青春领航.txt 的日期').fill('2024-05-08');
    await page.locator('#kb-upload-start').click();

    // Uploaded, then the ingest's own progress, then a result per file.
    await page.locator('.kb-upload-item.state-waiting').first().waitFor();
    await page.locator('#kb-ingest[data-state="running"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#kb-ingest-text').textContent()).toMatch(/导入|读取|索引/);
    await item('青春领航.txt').and(page.locator('.state-done')).waitFor({ timeout: 60_000 });
    expect(await item('青春领航.txt').locator('.kb-upload-note').textContent()).toMatch(/^已导入：\d+ 个段落/);
    expect(await item('双带头人工作室.docx').locator('.kb-upload-note').textContent()).toMatch(/^已导入：\d+ 个段落/);
    expect(await item('扫描件.pdf').locator('.kb-upload-note').textContent()).toMatch(/^已跳过：PDF 文件已损坏/);
    await page.locator('#kb-ingest[data-state="ok"]').waitFor();

    // The table: the five articles are still there, beside the two new ones and the skipped file.
    await expect.poll(() => page.locator('#kb-table-body tr').count()).toBe(8);
    const gbk = row(page, '温州测试职业学院党委实施“青春领航”计划');
    expect(await gbk.locator('td').nth(2).textContent()).toContain('温州测试职业学院');
    expect(await gbk.locator('.kb-status').textContent()).toBe('已收录');
    expect(await row(page, '扫描件.pdf').locator('.kb-status').textContent()).toBe('已跳过');
    expect(await page.locator('#kb-summary').textContent()).toContain('已收录 7 篇文章');

    // A question only the new article answers cites it.
    await page.locator('#nav-chat').click();
    const answer = await ask(page, '“青春领航”计划建立了多少个学生党员先锋岗？');
    expect(await answer.locator('.answer-body').textContent()).toContain('二十六');
    const citations = await latestCitations(page);
    expect(citations[0]).toMatchObject({ docId: '青春领航', college: '温州测试职业学院' });
    expect(errors).toEqual([]);
  }, 120_000);

  it('a corrected 院校 shows in the table and in 院校对比', async () => {
    const { page, errors } = await openKnowledgeBase();
    const target = row(page, '台州测试学院教工党支部建设“双带头人”工作室');
    await target.getByRole('button', { name: /更正/ }).click();
    const dialog = page.locator('#kb-edit-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('院校').fill('东海测试学院');
    await dialog.getByRole('button', { name: '保存并重新导入' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => target.locator('td').nth(2).textContent(), { timeout: 60_000 }).toContain('东海测试学院');
    expect(await target.locator('td').nth(2).getAttribute('class')).toContain('corrected');

    await page.locator('#nav-chat').click();
    const answer = await ask(page, '各院校如何建设“双带头人”工作室？', 'compare');
    const colleges = await answer.locator('.answer-body table tbody tr td:first-child').allTextContents();
    // Each row starts with its college (its unit, as extracted, follows in brackets).
    expect(colleges.some((cell) => cell.startsWith('东海测试学院'))).toBe(true);
    expect(colleges.some((cell) => cell.startsWith('台州测试学院'))).toBe(false);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a deleted article leaves the answers', async () => {
    const { page, errors } = await openKnowledgeBase();
    await row(page, '温州测试职业学院党委实施“青春领航”计划').getByRole('button', { name: /删除/ }).click();
    const dialog = page.locator('#kb-delete-dialog');
    expect(await dialog.locator('#kb-delete-text').textContent()).toContain('.trash');
    await dialog.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => row(page, '温州测试职业学院党委实施“青春领航”计划').count(), { timeout: 60_000 }).toBe(0);
    expect(fs.existsSync(`${built.corpusDir}/青春领航.txt`)).toBe(false);

    await page.locator('#nav-chat').click();
    await ask(page, '“青春领航”计划建立了多少个学生党员先锋岗？');
    expect((await latestCitations(page)).map((citation) => citation.docId)).not.toContain('青春领航');
    expect(errors).toEqual([]);
  }, 120_000);

  it('feedback under an answer is saved, listed for maintainers with 没用 alone, and exported', async () => {
    const { page, errors } = await pages.open(baseUrl);
    const answer = await ask(page, '如何打造党建特色品牌？');
    await answer.getByRole('button', { name: '没用' }).click();
    await answer.locator('.feedback-comment').fill('缺少具体成效数据');
    await answer.getByRole('button', { name: '提交' }).click();
    await answer.locator('.feedback-status', { hasText: '留言已保存' }).waitFor();
    expect(await answer.getByRole('button', { name: '没用' }).getAttribute('aria-pressed')).toBe('true');
    const suggestions = answer.locator('.suggestion');
    expect(await suggestions.count()).toBeGreaterThanOrEqual(2);

    // The rating stays with the answer in this browser.
    await page.reload();
    await page.locator('.message.assistant[data-status="done"]').waitFor();
    expect(await page.locator('.feedback-button.down').getAttribute('aria-pressed')).toBe('true');

    await page.locator('#nav-kb').click();
    await page.locator('#kb-tab-feedback').click();
    const item = page.locator('.kb-feedback-item', { hasText: '如何打造党建特色品牌？' });
    await item.waitFor();
    expect(await item.locator('.kb-feedback-comment').textContent()).toBe('缺少具体成效数据');
    expect(await item.locator('.kb-rating').textContent()).toBe('没用');
    await page.locator('.kb-segmented label', { hasText: '有用' }).click();
    await page.locator('.kb-feedback-list .kb-empty').waitFor();
    await page.locator('.kb-segmented label', { hasText: '没用' }).click();
    await item.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#kb-feedback-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^答案反馈（没用）-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('如何打造党建特色品牌？');
    expect(csv).toContain('缺少具体成效数据');

    // A suggested question asks itself in the chat.
    await page.locator('#nav-chat').click();
    const suggested = (await page.locator('.suggestion').first().textContent())!;
    await page.locator('.suggestion').first().click();
    await page.locator('.message.user .question-text', { hasText: suggested }).waitFor();
    await expect.poll(() => page.locator('.message.assistant[data-status="done"]').count(), { timeout: 30_000 }).toBe(2);
    expect(errors).toEqual([]);
  }, 120_000);
});
