// The status page end to end: the built web app and the real API (test/helpers/server.ts: a generated
// university of 1,500 students) in Debian's Chromium. Screenshots go to test-output/ (desktop, English,
// phone) for a person to look at.
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_READY as READY, OUTPUT_DIR, openBrowser, sidewaysOverflow, signInWithDemoAccount, type Browser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

/** Charts on the page: outcomes, flows, rates, breakdown, seasonality, survival, sequences, risk. */
const CHARTS = 8;

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

const isStatus = (route: string) => (response: Response) => new URL(response.url()).pathname === `/api/status/${route}`;

async function allChartsDrawn(): Promise<void> {
	await page.waitForFunction(
		({ selector, n }) => document.querySelectorAll(selector).length >= n,
		{ selector: READY, n: CHARTS },
		{ timeout: 60_000 },
	);
}

/** Every card has settled: its chart drawn, or its empty or error state shown (a filter can empty one). */
async function allCardsSettled(): Promise<void> {
	await page.waitForFunction(
		(ready) => {
			const cards = [...document.querySelectorAll('section.card')];
			return cards.length >= 8 && cards.every((c) => c.getAttribute('aria-busy') === 'false' && (c.querySelector(ready) || c.querySelector('.state')));
		},
		READY,
		{ timeout: 60_000 },
	);
}

/** The chart card whose heading starts with `title`. */
const card = (title: string | RegExp) => page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

beforeAll(async () => {
	server = await startTestServer();
	browser = await openBrowser();
	page = browser.page;
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('status page', () => {
	it('signs in as 教务处 and comes back to the status page with its view choices', async () => {
		await page.goto(`${server.url}/status?survival_by=college`);
		await page.waitForURL((url) => url.pathname === '/login');
		await signInWithDemoAccount(page, /教务处/);
		await page.waitForURL((url) => url.pathname === '/status' && url.searchParams.get('survival_by') === 'college');
		await allChartsDrawn();
		expect(await page.locator('select[name="survival_by"]').inputValue()).toBe('college');
	});

	it('draws every chart, in Chinese, with key figures and the as-of date', async () => {
		const outcomes = page.waitForResponse(isStatus('outcomes'));
		await page.goto(`${server.url}/status`);
		const answer = (await (await outcomes).json()) as { as_of: string };
		await allChartsDrawn();

		expect(await page.getByRole('heading', { level: 1, name: '学籍异动与学业结果' }).isVisible()).toBe(true);
		await expect(page.getByRole('navigation').getByRole('link', { name: '学籍异动' }).getAttribute('aria-current')).resolves.toBe('page');
		expect(await page.locator('.as-of').textContent()).toBe(`数据截至 ${answer.as_of}`);
		const kpis = await page.getByRole('region', { name: '关键指标' }).textContent();
		expect(kpis).toMatch(/首年保留率\s*\d+(\.\d)?%/);
		expect(kpis).toMatch(/150% 学制内毕业率\s*\d+(\.\d)?%/);
		for (const title of ['保留率与学制内毕业率（按入学年级）', '学生流向：从入学到现状', '累计退学率（Kaplan–Meier）', '最常见的异动序列']) {
			expect(await page.getByRole('heading', { level: 2, name: title }).isVisible()).toBe(true);
		}
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'status.png'), fullPage: true });
	});

	it('shows the outcomes with their counts, and "not yet measurable" for recent cohorts, as a table', async () => {
		const outcomes = card('保留率与学制内毕业率（按入学年级）');
		await outcomes.getByRole('button', { name: '数据表' }).click();
		const table = outcomes.getByRole('table');
		await table.waitFor();
		const headers = await table.getByRole('columnheader').allTextContents();
		expect(headers.slice(0, 8)).toEqual(['入学年级', '入学人数', '排除', '计算基数', '首年保留率', '100% 学制内毕业', '150% 学制内毕业', '200% 学制内毕业']);
		const lastRow = await table.locator('tbody tr').last().locator('td').allTextContents();
		expect(lastRow[0]).toMatch(/^\d{4}级$/);
		expect(lastRow[5]).toBe('尚不可测'); // the newest cohort's 100 % window is open
		const firstRow = await table.locator('tbody tr').first().locator('td').allTextContents();
		expect(firstRow[4]).toMatch(/^\d+\.\d% \([\d,]+\)$/); // a rate with the count behind it
		await outcomes.getByRole('button', { name: '图表' }).click();
	});

	it('filters by college: the URL records it and every card asks again', async () => {
		const college = page.locator('select[name="college"]');
		const options = await college.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value).filter(Boolean));
		const chosen = options[0];
		const flows = page.waitForResponse((r) => isStatus('flows')(r) && r.url().includes('college='));
		const survival = page.waitForResponse((r) => isStatus('survival')(r) && r.url().includes('college='));
		await college.selectOption(chosen);
		expect((await flows).status()).toBe(200);
		expect(new URL((await survival).url()).searchParams.get('college')).toBe(chosen);
		await page.waitForURL((url) => url.searchParams.get('college') === chosen);
		await allCardsSettled();
		await page.getByRole('button', { name: '重置' }).click();
		await page.waitForURL((url) => !url.searchParams.has('college'));
		await allChartsDrawn();
	});

	it('compares two cohorts with the log-rank test, the choice kept in the URL', async () => {
		const survival = card('累计退学率（Kaplan–Meier）');
		const groups = await survival
			.locator('select[name="group_a"] option')
			.evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value).filter((v) => /^\d{4}$/.test(v)));
		expect(groups.length).toBeGreaterThan(1);
		const test = page.waitForResponse(isStatus('logrank'));
		await survival.locator('select[name="group_a"]').selectOption(groups[0]);
		const response = await test;
		expect(response.status()).toBe(200);
		expect(new URL(response.url()).searchParams.get('a')).toBe(groups[0]);
		await page.waitForURL((url) => url.searchParams.get('group_a') === groups[0]);
		await survival.getByText(/Log-rank 检验：χ² = [\d.,]+，自由度 1，p = /).waitFor();

		const second = page.waitForResponse((r) => isStatus('logrank')(r) && r.url().includes('b='));
		await survival.locator('select[name="group_b"]').selectOption(groups[1]);
		expect(new URL((await second).url()).searchParams.get('b')).toBe(groups[1]);
		await page.waitForURL((url) => url.searchParams.get('group_b') === groups[1]);
		await page.locator(READY).first().waitFor();
	});

	it('breaks a change type down by college, the choice in the URL', async () => {
		const breakdown = page.waitForResponse((r) => isStatus('changes')(r) && r.url().includes('by=college'));
		await page.locator('select[name="change_by"]').selectOption('college');
		const response = await breakdown;
		expect(new URL(response.url()).searchParams.get('change_type')).toBe('退学');
		await page.waitForURL((url) => url.searchParams.get('change_by') === 'college');
		await page.getByRole('heading', { level: 2, name: '退学：按学院（每千人学年）' }).waitFor();
		await allChartsDrawn();
	});

	it('switches to English, redrawing without asking the API again', async () => {
		const asked: string[] = [];
		const onRequest = (request: { url(): string }) => {
			if (new URL(request.url()).pathname.startsWith('/api/status/')) asked.push(request.url());
		};
		page.on('request', onRequest);
		await page.getByRole('button', { name: 'English' }).click();
		await page.getByRole('heading', { level: 1, name: 'Status changes and outcomes' }).waitFor();
		expect(await page.getByRole('heading', { level: 2, name: 'Student flows from entry to now' }).isVisible()).toBe(true);
		await allChartsDrawn();
		page.off('request', onRequest);
		expect(asked).toEqual([]);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'status-en.png'), fullPage: true });
		await page.getByRole('button', { name: '中文' }).click();
		await page.getByRole('heading', { level: 1, name: '学籍异动与学业结果' }).waitFor();
	});

	it('fits a phone screen', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`${server.url}/status`);
		await allChartsDrawn();
		expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
		const chart = await page.locator(READY).first().boundingBox();
		expect(chart?.width).toBeGreaterThan(300);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'status-phone.png'), fullPage: true });
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('logged no errors in the browser', () => {
		expect(browser.errors).toEqual([]);
	});
});
