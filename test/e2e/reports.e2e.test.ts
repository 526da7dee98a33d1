// The reports page end to end: the built web app and the real API (test/helpers/server.ts: a generated
// university) in Debian's Chromium. 教务处 signs in, chooses a cohort and a college (kept in the URL),
// sees the preview and downloads the PDF and the XLSX; English; the API's error; a phone. Screenshots
// go to test-output/reports.png and reports-phone.png for a person to look at.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_READY as READY, OUTPUT_DIR, openBrowser, sidewaysOverflow, signInWithDemoAccount, type Browser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';


let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
let cohorts: number[] = [];

const isReport = (response: Response) => new URL(response.url()).pathname === '/api/reports/cohort';
const isPreview = (response: Response) => isReport(response) && !new URL(response.url()).searchParams.has('format');

async function previewShown(): Promise<void> {
	await page.locator(READY).first().waitFor({ timeout: 60_000 });
	await page.getByTestId('preview-time').waitFor();
}

beforeAll(async () => {
	server = await startTestServer();
	// Expected besides the session probe's 401: the deliberate bad cohort's 404. (Downloads are accepted
	// by default: playwright's acceptDownloads is true.)
	browser = await openBrowser({ expectedStatuses: [404] });
	page = browser.page;
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('reports page', () => {
	it('signs in as 教务处 and previews the newest cohort by default', async () => {
		await page.goto(`${server.url}/reports`);
		await page.waitForURL((url) => url.pathname === '/login');
		const meta = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/meta');
		const preview = page.waitForResponse(isPreview);
		await signInWithDemoAccount(page, /教务处/);
		await page.waitForURL((url) => url.pathname === '/reports');
		cohorts = ((await (await meta).json()) as { cohorts: number[] }).cohorts;
		expect(new URL((await preview).url()).searchParams.get('cohort')).toBe(String(cohorts.at(-1)));
		await previewShown();
		expect(await page.getByRole('heading', { level: 1, name: '报表' }).isVisible()).toBe(true);
		await expect(page.getByRole('navigation').getByRole('link', { name: '报表' }).getAttribute('aria-current')).resolves.toBe('page');
		expect(page.url()).not.toContain('cohort='); // the default is not written
	});

	it('previews a chosen cohort: key figures, trend chart, tables and the generation time; the choice in the URL', async () => {
		const chosen = cohorts[Math.max(0, cohorts.length - 5)];
		const preview = page.waitForResponse((r) => isPreview(r) && r.url().includes(`cohort=${chosen}`));
		await page.locator('select[name="cohort"]').selectOption(String(chosen));
		const answer = (await (await preview).json()) as { version: string; overview: { students: number }; generation_ms: number };
		await page.waitForURL((url) => url.searchParams.get('cohort') === String(chosen));
		await previewShown();
		const kpis = await page.getByRole('region', { name: '报告概况' }).textContent();
		expect(kpis).toMatch(new RegExp(`入学人数\\s*${answer.overview.students.toLocaleString('zh-CN')}\\s`));
		expect(kpis).toMatch(/第一学年保留率\s*\d+(\.\d)?%/);
		expect(kpis).toMatch(/平均绩点\s*\d\.\d\d/);
		expect(await page.getByTestId('preview-time').textContent()).toBe(`预览生成用时 ${answer.generation_ms} 毫秒`);
		expect(await page.getByText(`数据版本 ${answer.version}`).isVisible()).toBe(true);
		for (const title of ['成绩趋势（按学期）', '不及格率最高的课程（DFW）', '学籍异动（按类型）', '学业结果']) {
			expect(await page.getByRole('heading', { level: 2, name: title }).isVisible()).toBe(true);
		}
		const outcomes = await page.locator('[data-section="outcomes"] tbody tr').first().locator('td').allTextContents();
		expect(outcomes.slice(0, 2)).toEqual(['入学', answer.overview.students.toLocaleString('zh-CN')]);
		expect(await page.locator('[data-section="courses"] tbody tr').count()).toBeGreaterThan(0);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'reports.png'), fullPage: true });
	});

	it('narrows to a college, kept in the URL beside the cohort', async () => {
		const college = page.locator('select[name="college"]');
		const options = await college.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value).filter(Boolean));
		const preview = page.waitForResponse((r) => isPreview(r) && r.url().includes('college='));
		await college.selectOption(options[0]);
		expect(new URL((await preview).url()).searchParams.get('college')).toBe(options[0]);
		await page.waitForURL((url) => url.searchParams.get('college') === options[0] && url.searchParams.has('cohort'));
		await previewShown();
		expect(await page.locator('.scope strong').textContent()).toContain(options[0]);
	});

	it('downloads the PDF and the XLSX and shows how long each took', async () => {
		for (const [format, magic] of [['pdf', '%PDF'], ['xlsx', 'PK']] as const) {
			const download = page.waitForEvent('download');
			const response = page.waitForResponse((r) => isReport(r) && r.url().includes(`format=${format}`));
			await page.locator(`button[data-format="${format}"]`).click();
			const answer = await response;
			expect(answer.status()).toBe(200);
			const file = await download;
			expect(file.suggestedFilename()).toMatch(new RegExp(`^入学年级报告-\\d{4}级-.+\\.${format}$`));
			const bytes = await readFile((await file.path())!);
			expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
			const ms = answer.headers()['x-generation-ms'];
			await page.getByTestId('download-time').filter({ hasText: `.${format}，用时 ${ms} 毫秒` }).waitFor();
		}
	});

	it('switches to English', async () => {
		await page.getByRole('button', { name: 'English' }).click();
		await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
		expect(await page.getByRole('region', { name: 'Report overview' }).textContent()).toContain('Students who entered');
		expect(await page.getByRole('heading', { level: 2, name: 'Outcomes' }).isVisible()).toBe(true);
		const outcomes = page.locator('[data-section="outcomes"]');
		expect(await outcomes.locator('tbody tr').first().locator('td').first().textContent()).toBe('Entered');
		expect(await outcomes.locator('.note').textContent()).toMatch(/^Rates are over the rate base/);
		expect(await page.getByRole('button', { name: 'Download PDF' }).isVisible()).toBe(true);
		await page.getByRole('button', { name: '中文' }).click();
		await page.getByRole('heading', { level: 1, name: '报表' }).waitFor();
	});

	it('shows the API’s message for a cohort without students', async () => {
		await page.goto(`${server.url}/reports?cohort=1950`);
		await page.getByRole('alert').filter({ hasText: 'No student entered in 1950' }).waitFor();
		expect(await page.locator('button[data-format="pdf"]').isDisabled()).toBe(true);
	});

	it('fits a phone screen', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`${server.url}/reports?cohort=${cohorts[Math.max(0, cohorts.length - 5)]}`);
		await previewShown();
		expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
		const chart = await page.locator(READY).first().boundingBox();
		expect(chart?.width).toBeGreaterThan(300);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'reports-phone.png'), fullPage: true });
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('logged no errors in the browser', () => {
		expect(browser.errors).toEqual([]);
	});
});
