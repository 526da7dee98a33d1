// The utilization page end to end: the built web app and the real API (test/helpers/server.ts) in Debian's
// Chromium, signed in as the archivist. Screenshots go to test-output/ (desktop and phone).
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_READY as READY, OUTPUT_DIR, openBrowser, sidewaysOverflow, signInWithDemoAccount, type Browser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

/** The charts the page draws: forecast, periods, channel shift, seasons, breakdown, service, cross-tab, quality. */
const CHARTS = 8;

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

const isApi = (route: string) => (response: Response) => new URL(response.url()).pathname === `/api/utilization/${route}`;

async function allChartsDrawn() {
	await expect.poll(() => page.locator(READY).count(), { timeout: 30_000 }).toBe(CHARTS);
}

beforeAll(async () => {
	server = await startTestServer();
	// Expected besides the session probe's 401: the rejected date range's 400.
	browser = await openBrowser({ expectedStatuses: [400] });
	page = browser.page;
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('utilization page', () => {
	it('opens for the archivist after sign-in, as the archivist’s first area', async () => {
		await page.goto(`${server.url}/`);
		await page.waitForURL((url) => url.pathname === '/login');
		await signInWithDemoAccount(page, /档案馆/);
		await page.waitForURL((url) => url.pathname === '/utilization');
		await page.getByRole('heading', { level: 1, name: '档案利用' }).waitFor();
		await allChartsDrawn();
	});

	it('shows the key figures, the forecast with its backtest against the baseline, and every card', async () => {
		const kpis = page.getByRole('region', { name: '关键指标' });
		expect(await kpis.textContent()).toMatch(/利用人次\s*[\d,]+/);
		expect(await kpis.textContent()).toMatch(/学籍档案占比\s*\d+(\.\d)?%/);
		expect(await kpis.textContent()).toMatch(/办理时长中位数\s*[\d.]+ (分钟|小时)/);

		const forecast = page.getByRole('region', { name: '月度利用人次：趋势与预测' });
		expect(await forecast.textContent()).toMatch(/MAPE：本模型 [\d.]+%，同月基线（去年同月）[\d.]+%/);
		for (const title of ['从现场到线上：各渠道占比逐年变化', '季节性：各月利用量指数', '按档案门类统计', '办理时长（按利用渠道）', '利用目的 × 查档人类型', '数据质量：需在源头改进的登记']) {
			expect(await page.getByRole('heading', { level: 2, name: title }).isVisible(), title).toBe(true);
		}
		expect(await page.getByRole('region', { name: '数据质量：需在源头改进的登记' }).textContent()).toContain('查找');
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'utilization.png'), fullPage: true });
	});

	it('lists the insights engine’s findings on archive use and data quality, and no other area’s', async () => {
		const card = page.getByRole('region', { name: '档案利用与数据质量：重点发现' });
		await expect.poll(() => card.getAttribute('aria-busy')).toBe('false');
		const answer = (await (await page.request.get(`${server.url}/api/insights`)).json()) as { rows: { area: string; sentence_zh: string }[] };
		const mine = answer.rows.filter((finding) => finding.area === 'utilization' || finding.area === 'quality');
		expect(answer.rows.length).toBe(mine.length); // an archivist is given no other area's findings
		const shown = card.locator('li.finding');
		expect(await shown.count()).toBe(mine.length);
		if (mine.length === 0) expect(await card.textContent()).toContain('目前没有需要关注的发现');
		else expect(await shown.first().textContent()).toContain(mine[0].sentence_zh);
		// Fixed to its areas: no area or severity filter here.
		expect(await card.getByRole('combobox').count()).toBe(0);
	});

	it('filters by channel: the URL records it and every card asks again', async () => {
		const summary = page.waitForResponse((r) => isApi('summary')(r) && r.url().includes('channel='));
		const forecast = page.waitForResponse((r) => isApi('forecast')(r) && r.url().includes('channel='));
		await page.locator('select[name="channel"]').selectOption('现场');
		expect((await summary).status()).toBe(200);
		expect((await forecast).status()).toBe(200);
		await page.waitForURL((url) => url.searchParams.get('channel') === '现场');
		await allChartsDrawn();
		// On site only: the online share is 0.
		expect(await page.locator('[data-figure="online"] .kpi-value').textContent()).toBe('0.0%');
	});

	it('switches a card’s dimension without refetching the others', async () => {
		let summaries = 0;
		const count = (r: Response) => {
			if (isApi('summary')(r)) summaries++;
		};
		page.on('response', count);
		const breakdown = page.waitForResponse((r) => isApi('breakdown')(r) && r.url().includes('by=purpose'));
		await page.locator('select[name="by"]').selectOption('purpose');
		expect((await breakdown).status()).toBe(200);
		await page.waitForURL((url) => url.searchParams.get('by') === 'purpose');
		await page.getByRole('heading', { level: 2, name: '按利用目的统计' }).waitFor();
		await allChartsDrawn();
		page.off('response', count);
		expect(summaries).toBe(0);
	});

	it('shows a card’s data as a table, with the not-recorded purpose named', async () => {
		const card = page.getByRole('region', { name: '按利用目的统计' });
		await card.getByRole('button', { name: '数据表' }).click();
		const table = card.getByRole('table');
		await table.waitFor();
		expect(await table.getByRole('columnheader').allTextContents()).toEqual(['类别', '利用人次', '人次占比', '卷次', '卷次占比', '页数']);
		expect(await table.textContent()).toContain('（未填写）');
		await card.getByRole('button', { name: '图表' }).click();
	});

	it('resets the filters and keeps the view choices', async () => {
		await page.getByRole('button', { name: '重置' }).click();
		await page.waitForURL((url) => !url.searchParams.has('channel'));
		expect(new URL(page.url()).search).toBe('?by=purpose');
		await allChartsDrawn();
	});

	it('shows the API’s message when the date range is backwards', async () => {
		// Wait for this page's own summary request: one started by the reset above may still be answering.
		const summary = page.waitForResponse((r) => isApi('summary')(r) && new URL(r.url()).searchParams.get('from') === '2025-01-01');
		await page.goto(`${server.url}/utilization?from=2025-01-01&to=2020-01-01`);
		const response = await summary;
		expect(response.status()).toBe(400);
		const { message } = (await response.json()) as { message: string };
		await page.getByRole('alert').first().waitFor();
		expect(await page.getByRole('alert').first().textContent()).toContain(message);
	});

	it('switches to English', async () => {
		await page.goto(`${server.url}/utilization`);
		await allChartsDrawn();
		await page.getByRole('button', { name: 'English' }).click();
		await page.getByRole('heading', { level: 1, name: 'Archive utilization' }).waitFor();
		expect(await page.getByRole('heading', { level: 2, name: 'Monthly requests: trend and forecast' }).isVisible()).toBe(true);
		await allChartsDrawn();
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'utilization-en.png'), fullPage: true });
		await page.getByRole('button', { name: '中文' }).click();
		await page.getByRole('heading', { level: 1, name: '档案利用' }).waitFor();
	});

	it('fits a phone screen', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`${server.url}/utilization`);
		await allChartsDrawn();
		expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
		const chart = await page.locator(READY).first().boundingBox();
		expect(chart?.width).toBeGreaterThan(300);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'utilization-phone.png'), fullPage: true });
	});

	it('logged no errors in the browser', () => {
		expect(browser.errors).toEqual([]);
	});
});
