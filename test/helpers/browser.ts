// Debian's Chromium for the end-to-end tests (playwright-core; ../shared/TOOLCHAIN.md: a fresh profile
// folder, no sandbox, no background networking), with the page's errors collected so a test can assert
// that none happened. Screenshots go to OUTPUT_DIR.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const OUTPUT_DIR = path.resolve(import.meta.dirname, '../../test-output');
export const CHART_READY = '[data-echarts-ready="true"]';

export interface Browser {
  page: Page;
  /** Errors thrown in the page and errors it logged (the 401 of the session probe before sign-in aside). */
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(locale = 'zh-CN'): Promise<Browser> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'xueji-e2e-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: .* status of 401/.test(message.text())) return;
    errors.push(message.text());
  });
  return {
    page,
    errors,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the sign-in page with a demo account's button (its label, e.g. /校领导/). */
export async function signInWithDemoAccount(page: Page, account: RegExp): Promise<void> {
  await page.getByRole('button', { name: account }).click();
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
