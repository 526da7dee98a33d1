// The archive page end to end: the built web app and the real API (test/helpers/server.ts) in Debian's
// Chromium. An archivist signs in, sees the accession list with its four-property status, uploads a
// package (committed: the report opens, its id in the URL), uploads a truncated file (refused: the
// refusal and its report, nothing listed), and the page fits a phone. Screenshots in test-output/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openBrowser, sidewaysOverflow, type Browser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';
import { SAMPLES } from '../helpers/archive.ts';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
	server = await startTestServer();
	// Expected besides the session probe's 401: the refused upload's 422.
	browser = await openBrowser({ expectedStatuses: [422] });
	page = browser.page;
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const accessionRows = () => page.getByTestId('accessions').locator('tbody tr');

describe('the archive page', () => {
	it('lists the accessions with their four-property status', async () => {
		await page.goto(`${server.url}/login`);
		await page.getByLabel('用户名').fill('archivist');
		await page.getByLabel('密码').fill('xueji-demo');
		await page.getByRole('button', { name: '登录', exact: true }).click();
		await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');
		await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '档案接收' }).click();
		await page.waitForURL((url) => url.pathname === '/archive');
		await page.getByRole('heading', { level: 1, name: '档案接收' }).waitFor();
		await expect.poll(() => accessionRows().count()).toBe(1);
		await expect.poll(() => accessionRows().first().textContent()).toMatch(/A000001-.*真实性.*完整性.*可用性.*安全性/s);
	});

	it('receives an uploaded package and opens its report', async () => {
		await page.getByLabel('文件', { exact: true }).setInputFiles([path.join(SAMPLES, 'tiny-university', 'students.csv'), path.join(SAMPLES, 'tiny-university', 'grades.csv')]);
		await page.getByRole('button', { name: '接收', exact: true }).click();
		await expect.poll(() => page.getByTestId('upload-outcome').textContent()).toMatch(/已接收，登记为 A000002-/);
		await expect.poll(() => new URL(page.url()).searchParams.get('accession')).toMatch(/^A000002-/);
		const report = page.getByTestId('archive-report');
		await expect.poll(() => report.textContent()).toMatch(/接收 19 行，入库 19 行，隔离 0 行/);
		for (const property of ['真实性', '完整性', '可用性', '安全性']) expect(await report.textContent()).toContain(property);
		await expect.poll(() => accessionRows().count()).toBe(2);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'archive-desktop.png'), fullPage: true });
	});

	it('shows a refused upload with its reason, committing nothing', async () => {
		await page.getByLabel('文件', { exact: true }).setInputFiles(path.join(SAMPLES, 'truncated', 'grades.csv'));
		await page.getByRole('button', { name: '接收', exact: true }).click();
		await expect.poll(() => page.getByTestId('upload-outcome').textContent()).toMatch(/已拒收，未写入任何数据 — Refused, nothing committed: grades\.csv looks truncated/);
		await expect.poll(() => page.getByTestId('archive-report').textContent()).toMatch(/拒收报告/);
		expect(await accessionRows().count()).toBe(2);
	});

	it('fits a phone without scrolling sideways', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.reload();
		await page.getByRole('heading', { level: 1, name: '档案接收' }).waitFor();
		await expect.poll(() => accessionRows().count()).toBe(2);
		expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'archive-phone.png'), fullPage: true });
		expect(browser.errors).toEqual([]);
	});
});
