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
  /** Errors thrown in the page and errors it logged (the 4xx answers the test expects aside). */
  errors: string[];
  close(): Promise<void>;
}

export interface BrowserOptions {
  locale?: string;
  /**
   * The 4xx statuses a test provokes on purpose (a refused filter's 400, a role's 403…): the browser logs
   * each failed resource itself, and those are not the page's errors. The session probe's 401 before the
   * sign-in is always expected.
   */
  expectedStatuses?: number[];
}

export async function openBrowser({ locale = 'zh-CN', expectedStatuses = [] }: BrowserOptions = {}): Promise<Browser> {
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
  const expected = new RegExp(`Failed to load resource: .* status of (${[401, ...expectedStatuses].join('|')})`);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (expected.test(message.text())) return;
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

/**
 * Signs in on the sign-in page with a demo account's button (its label, e.g. /校领导/). Returns the user
 * name the button filled in, read before the form is sent, for a test that checks it.
 */
export async function signInWithDemoAccount(page: Page, account: RegExp): Promise<string> {
  await page.getByRole('button', { name: account }).click();
  const username = await page.getByLabel('用户名').inputValue();
  await page.getByRole('button', { name: '登录', exact: true }).click();
  return username;
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
