// The overview end to end, as a school leader: the built web app and the real API (a generated
// university of 1,500 students) in Debian's Chromium; screenshots in test-output/ (overview.png,
// overview-en.png, overview-phone.png) for a person to look at.
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_READY, OUTPUT_DIR, openBrowser, sidewaysOverflow, signInWithDemoAccount, type Browser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

const isApi = (route: string) => (response: Response) => new URL(response.url()).pathname === route;

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function drawn(): Promise<void> {
  await page.locator(CHART_READY).first().waitFor({ timeout: 60_000 });
  await page.locator('[data-insights-ready="true"], .empty').first().waitFor({ timeout: 60_000 });
}

describe('overview page', () => {
  it('is where a leader lands after signing in', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL((url) => url.pathname === '/login');
    await signInWithDemoAccount(page, /校领导/);
    await page.waitForURL((url) => url.pathname === '/overview');
    await drawn();
  });

  it('shows each key figure as the API gives it, with its year, change and a link to its page', async () => {
    const answer = page.waitForResponse(isApi('/api/overview'));
    await page.goto(`${server.url}/overview`);
    const overview = (await (await answer).json()) as { measures: { measure: string; link: string }[]; rows: { measure: string; year: number; value: number | null; suppressed?: boolean }[] };
    await drawn();
    expect(await page.getByRole('heading', { level: 1, name: '总览' }).isVisible()).toBe(true);
    const region = page.getByRole('region', { name: '关键指标' });
    // The enrolled count of the latest year, as the API gave it, grouped the Chinese way.
    const enrolled = overview.rows.filter((r) => r.measure === 'students_enrolled' && !r.suppressed).at(-1)!;
    const card = region.locator('[data-figure="students_enrolled"]');
    expect(await card.textContent()).toContain(enrolled.value!.toLocaleString('zh-CN'));
    expect(await card.textContent()).toContain(`${enrolled.year} 学年`);
    expect(await card.getAttribute('href')).toBe('/status');
    // A leader reads utilization: its two figures are there.
    expect(await region.locator('[data-figure="archive_requests"]').count()).toBe(1);
    expect(await region.locator('[data-figure="student_record_share"] .kpi-value').textContent()).toMatch(/\d+\.\d%/);
    expect(await region.locator('.spark').count()).toBeGreaterThan(3);
  });

  it('lists the findings in plain Chinese with the number of tests behind them', async () => {
    const answer = page.waitForResponse(isApi('/api/insights'));
    await page.goto(`${server.url}/overview`);
    const insights = (await (await answer).json()) as { tests: number; rows: { sentence_zh: string | null }[] };
    await drawn();
    expect(await page.getByRole('heading', { level: 2, name: '重点发现' }).isVisible()).toBe(true);
    expect(await page.locator('.summary').textContent()).toContain(`共做 ${insights.tests.toLocaleString('zh-CN')} 项统计检验`);
    const shown = await page.locator('.finding .sentence').allTextContents();
    expect(shown).toEqual(insights.rows.filter((r) => r.sentence_zh).map((r) => r.sentence_zh));
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'overview.png'), fullPage: true });
  });

  it('filters the findings by area through the URL', async () => {
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/insights' && new URL(r.url()).searchParams.get('area') === 'quality');
    await page.locator('select[name="area"]').selectOption('quality');
    await page.waitForURL((url) => url.searchParams.get('area') === 'quality');
    const quality = (await (await answer).json()) as { rows: unknown[] };
    await page.waitForFunction((n) => document.querySelectorAll('.finding').length === n, quality.rows.length);
    const kinds = await page.locator('.finding[data-kind]').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
    expect(kinds.every((k) => k === 'data-quality')).toBe(true);
  });

  it('draws another key figure’s trend, with its table', async () => {
    await page.goto(`${server.url}/overview?figure=mean_gpa`);
    await drawn();
    expect(await page.getByRole('heading', { level: 2, name: '历年趋势：平均绩点' }).isVisible()).toBe(true);
    const trend = page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name: /历年趋势/ }) });
    await trend.getByRole('button', { name: '数据表' }).click();
    expect(await trend.getByRole('columnheader').allTextContents()).toEqual(['年份', '数值', '人数 / 人次']);
  });

  it('switches to English', async () => {
    await page.goto(`${server.url}/overview`);
    await drawn();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'What needs attention' }).waitFor();
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'overview-en.png'), fullPage: true });
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/overview`);
    await drawn();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'overview-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('ran without errors in the page', () => {
    expect(browser.errors).toEqual([]);
  });
});
