// The admin page and the role-aware navigation end to end: the built web app and the real API
// (test/helpers/server.ts) in Debian's Chromium, signing in through the UI as the demo accounts.
// Screenshots go to test-output/ (desktop and phone) for a person to look at.
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openBrowser, sidewaysOverflow, signInWithDemoAccount, type Browser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

const DEMO_ACCOUNTS = ['leader', 'teaching', 'college', 'archivist', 'admin'];

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

const isAudit = (response: Response) => new URL(response.url()).pathname === '/api/admin/audit';
const auditTable = () => page.getByRole('table', { name: '审计日志' });
const auditRows = () => auditTable().locator('tbody tr');
const accountRows = () => page.getByRole('table', { name: '用户' }).locator('tbody tr');
const usernameFilter = () => page.getByLabel('用户名', { exact: true });

/** Signs out if needed, then signs in on the sign-in page by the demo account of `role` (its label). */
async function signInAs(roleLabel: string, username: string): Promise<void> {
	await page.goto(`${server.url}/login`);
	await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
	expect(await signInWithDemoAccount(page, new RegExp(`^${roleLabel}`))).toBe(username);
	await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');
}

async function signOut(): Promise<void> {
	await page.getByRole('button', { name: '退出' }).click();
	await page.waitForURL((url) => url.pathname === '/login');
}

async function navLinks(): Promise<string[]> {
	return page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents();
}

beforeAll(async () => {
	server = await startTestServer();
	// Expected besides the session probe's 401: the 403s a leader gets from the admin routes.
	browser = await openBrowser({ expectedStatuses: [403] });
	page = browser.page;
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('admin page, as the administrator', () => {
	it('signs in through the UI and finds the admin area in the navigation', async () => {
		await signInAs('系统管理员', 'admin');
		expect(new URL(page.url()).pathname).toBe('/overview'); // the administrator's first area
		expect(await navLinks()).toEqual(['总览', '成绩', '学籍异动', '档案利用', '报表', '档案接收', '管理']);

		const audit = page.waitForResponse(isAudit);
		await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '管理' }).click();
		await page.waitForURL((url) => url.pathname === '/admin');
		expect((await audit).status()).toBe(200);
		await page.getByRole('heading', { level: 1, name: '系统管理' }).waitFor();
		expect(
			await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '管理' }).getAttribute('aria-current'),
		).toBe('page');
	});

	it('shows the hash chain intact and the audit rows, the sign-in among them', async () => {
		const chain = page.getByTestId('audit-chain');
		await chain.waitFor();
		expect(await chain.textContent()).toMatch(/哈希链完整（\d+ 条）/);
		expect(await chain.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(240, 253, 244)'); // green

		await auditRows().first().waitFor();
		const signIn = auditRows().filter({ hasText: '/api/auth/login' });
		expect(await signIn.count()).toBe(1);
		const cells = await signIn.locator('td').allTextContents();
		expect(cells[2]).toContain('admin');
		expect(cells[2]).toContain('系统管理员');
		expect(cells[3]).toMatch(/POST\s+\/api\/auth\/login/);
		expect(cells[4]).toContain('username=admin');
		expect(cells[5].trim()).toBe('成功 200');
		expect(cells[1]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/); // local time, not ISO

		const headers = await auditTable().getByRole('columnheader').allTextContents();
		expect(headers).toEqual(['序号', '时间', '用户', '请求', '参数', '结果', '行数', '耗时（毫秒）', 'IP']);
		const n = await auditRows().count();
		expect(await page.getByTestId('audit-range').textContent()).toMatch(new RegExp(`^第 1–${n} 条，共 ${n} 条$`));
	});

	it('filters by user name: the URL records it and the API is asked', async () => {
		const filtered = page.waitForResponse((response) => isAudit(response) && response.url().includes('username=admin'));
		const username = usernameFilter();
		await username.fill('admin');
		await username.press('Enter');
		const response = await filtered;
		expect(response.status()).toBe(200);
		expect(new URL(response.url()).searchParams.get('username')).toBe('admin');
		await page.waitForURL((url) => url.pathname === '/admin' && url.searchParams.get('username') === 'admin');

		const users = await auditRows().locator('td:nth-child(3)').allTextContents();
		expect(users.length).toBeGreaterThan(0);
		for (const user of users) expect(user).toContain('admin');

		// Nobody by that name: the empty state, then back to a clean URL with Reset.
		const none = page.waitForResponse((response) => isAudit(response) && response.url().includes('username=nobody'));
		await username.fill('nobody');
		await username.press('Enter');
		await none;
		await page.getByText('没有符合条件的记录').waitFor();
		await page.getByRole('button', { name: '重置' }).click();
		await page.waitForURL((url) => url.pathname === '/admin' && url.search === '');
		await auditRows().first().waitFor();
	});

	it('lists the accounts: the five demo accounts with their roles and badges', async () => {
		const rows = accountRows();
		await rows.first().waitFor();
		expect(await rows.locator('td:first-child').allTextContents()).toEqual(DEMO_ACCOUNTS);
		expect(await rows.locator('td:nth-child(3)').allTextContents()).toEqual(['校领导', '教务处', '学院', '档案馆', '系统管理员']);
		for (const state of await rows.locator('td:nth-child(5)').allTextContents()) {
			expect(state).toMatch(/启用\s*演示/);
		}
		expect(await page.getByText('共 5 个账号').isVisible()).toBe(true);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'admin.png'), fullPage: true });
	});

	it('fits a phone screen: the tables scroll inside their cards, the page does not', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.reload();
		await auditRows().first().waitFor();
		await accountRows().first().waitFor();
		expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
		const wrap = auditTable().locator('xpath=..'); // the scrolling box around the table
		const { scrollWidth, clientWidth } = await wrap.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
		expect(scrollWidth).toBeGreaterThan(clientWidth);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'admin-phone.png'), fullPage: true });
		await page.setViewportSize({ width: 1280, height: 900 });
	});
});

describe('the other roles', () => {
	it('a school leader has no admin link, and /admin shows the API’s refusal', async () => {
		await signOut();
		await signInAs('校领导', 'leader');
		expect(new URL(page.url()).pathname).toBe('/overview');
		expect(await navLinks()).toEqual(['总览', '成绩', '学籍异动', '档案利用', '报表']);

		const audit = page.waitForResponse(isAudit);
		await page.goto(`${server.url}/admin`);
		const response = await audit;
		expect(response.status()).toBe(403);
		const { message } = (await response.json()) as { message: string };
		const refusal = page.getByRole('alert');
		await refusal.waitFor();
		expect(await refusal.textContent()).toContain(message);
		expect(message).toContain('leader');
		expect(await page.getByRole('heading', { level: 2, name: '无权访问管理页面' }).isVisible()).toBe(true);
		expect(await page.getByRole('table').count()).toBe(0);
	});

	it('an archivist lands on the utilization area, not on a refusal', async () => {
		await signOut();
		await signInAs('档案馆', 'archivist');
		await page.waitForURL((url) => url.pathname === '/utilization');
		expect(await navLinks()).toEqual(['档案利用', '档案接收']);
		// The brand link goes to the account's first area too.
		await page.getByRole('link', { name: /学籍洞察/ }).click();
		await page.waitForURL((url) => url.pathname === '/utilization');
	});

	it('the administrator sees those refusals in the audit log, in their colour', async () => {
		await signOut();
		await signInAs('系统管理员', 'admin');
		const refused = page.waitForResponse((response) => isAudit(response) && response.url().includes('outcome=refused'));
		await page.goto(`${server.url}/admin?outcome=refused&username=leader`);
		expect((await refused).status()).toBe(200);
		await auditRows().first().waitFor();
		const outcomes = auditRows().locator('td:nth-child(6) span');
		expect(await outcomes.allTextContents()).toContain('拒绝 403');
		expect(await outcomes.first().evaluate((el) => getComputedStyle(el).color)).toBe('rgb(180, 83, 9)'); // amber
		expect(await auditRows().filter({ hasText: '/api/admin/audit' }).count()).toBeGreaterThan(0);
		expect(await page.locator('select[name="outcome"]').inputValue()).toBe('refused');
		expect(await usernameFilter().inputValue()).toBe('leader');
	});

	it('logged no errors in the browser', () => {
		expect(browser.errors).toEqual([]);
	});
});
