/**
 * Browser tests' helpers: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * the real app listening on a free port, a fresh page per test (own storage; its errors are
 * collected so a test can require none), and asking a question the way a user does.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildTestApp, type TestAppOptions } from './app.ts';

const chromiumPath = '/usr/bin/chromium';
const launchArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A citation as the page keeps it (core/answer/protocol.ts). */
export interface PageCitation {
  n: number;
  docId: string;
  title: string;
  college: string;
  date: string;
  quote: string;
  start: number;
  end: number;
}

export const desktop = { width: 1280, height: 860 };
/** A common phone: the width and height the layout must work at. */
export const phone = { width: 375, height: 667 };

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}. Install Debian's package: apt-get install -y chromium (.ci/run does this). These tests never download a browser.`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: launchArgs, timeout: 30_000 });
}

/** The app (closed by `closeTestApps`) listening on a free loopback port; returns its address. */
export async function listeningApp(options: TestAppOptions): Promise<string> {
  const { app } = await buildTestApp(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
}

/** Opens pages in fresh contexts and closes them all with `closeAll` (call it from afterEach). */
export class PageOpener {
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly browser: () => Browser) {}

  /** A fresh page (own storage) at `url`, connected; page errors and console errors land in `errors`. */
  async open(url: string, viewport = desktop, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
    const context = await this.browser().newContext({ viewport, acceptDownloads: true, ...options });
    this.contexts.push(context);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url);
    await page.locator('#connection[data-state="connected"]').waitFor();
    return { page, errors };
  }

  async closeAll(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
  }
}

/** Chooses a mode, types the question and presses Enter; resolves with the finished answer's locator. */
export async function ask(page: Page, question: string, mode: 'qa' | 'summary' | 'compare' = 'qa') {
  await page.locator(`.mode:has(input[value="${mode}"])`).click();
  await expect.poll(() => page.locator(`input[name="mode"][value="${mode}"]`).isChecked()).toBe(true);
  const before = await page.locator('.message.assistant').count();
  await page.locator('#composer-input').fill(question);
  await page.locator('#composer-input').press('Enter');
  const answer = page.locator('.message.assistant').nth(before);
  await answer.and(page.locator('[data-status="done"]')).waitFor();
  return answer;
}

/** The citations the page holds for its latest answer. */
export function latestCitations(page: Page): Promise<PageCitation[]> {
  return page.evaluate(() => {
    const { state } = (window as unknown as { pbqa: { state: { conversations: { id: string; messages: { role: string; citations: PageCitation[] }[] }[]; activeId: string } } }).pbqa;
    const conversation = state.conversations.find((item) => item.id === state.activeId)!;
    return conversation.messages.filter((message) => message.role === 'assistant').at(-1)!.citations;
  });
}
