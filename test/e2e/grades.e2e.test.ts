// The grades page end to end: the built web app and the real API (test/helpers/server.ts) in Debian's
// Chromium. Screenshots go to test-output/ (desktop and phone) for a person to look at.
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_READY as READY, OUTPUT_DIR, openBrowser, sidewaysOverflow, signInWithDemoAccount, type Browser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

const isTrends = (response: Response) => new URL(response.url()).pathname === '/api/grades/trends';

beforeAll(async () => {
	server = await startTestServer();
	// Expected besides the session probe's 401: the rejected filters test's 400.
	browser = await openBrowser({ expectedStatuses: [400] });
	page = browser.page;
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('grades page', () => {
	it('asks for a sign-in first, then comes back to the address asked for', async () => {
		await page.goto(`${server.url}/grades?metric=median`);
		await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/grades?metric=median');
		await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
		// Demo mode lists one account per role; 教务处 sees unsuppressed aggregates.
		expect(await signInWithDemoAccount(page, /教务处/)).toBe('teaching');
		await page.waitForURL((url) => url.pathname === '/grades' && url.searchParams.get('metric') === 'median');
		await page.locator(READY).waitFor();
	});

	it('opens / on the overview', async () => {
		await page.goto(`${server.url}/`);
		await page.waitForURL(/\/overview$/);
		await page.locator(READY).waitFor();
	});

	it('draws the cohort trend chart, in Chinese by default', async () => {
		const trends = page.waitForResponse(isTrends);
		await page.goto(`${server.url}/grades`);
		expect((await trends).status()).toBe(200);
		await page.locator(READY).waitFor();

		const nav = page.getByRole('navigation');
		await expect(nav.getByRole('link', { name: '成绩' }).getAttribute('aria-current')).resolves.toBe('page');
		// 教务处's areas only (web/lib/areas.ts): no utilization, archive or admin links.
		expect(await nav.getByRole('link').allTextContents()).toEqual(['总览', '成绩', '学籍异动', '报表']);
		expect(await page.getByRole('heading', { level: 1, name: '成绩趋势' }).isVisible()).toBe(true);
		expect(await page.getByRole('heading', { level: 2, name: '各年级分学期平均分' }).isVisible()).toBe(true);
		expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

		// Key figures are filled in from the data, and the footer names the data version.
		const kpis = page.getByRole('region', { name: '关键指标' });
		expect(await kpis.textContent()).toMatch(/首次考试成绩\s*[\d,]+/);
		expect(await page.getByTestId('data-version').textContent()).toMatch(/^v\d{8}/);

		await page.screenshot({ path: path.join(OUTPUT_DIR, 'grades.png'), fullPage: true });
	});

	it('filters by college: the URL records it and the chart is drawn again', async () => {
		const college = page.locator('select[name="college"]');
		const options = await college.locator('option').evaluateAll((els) =>
			els.map((el) => (el as HTMLOptionElement).value).filter(Boolean),
		);
		expect(options.length).toBeGreaterThan(0);
		const chosen = options[0];

		const trends = page.waitForResponse((response) => isTrends(response) && response.url().includes('college='));
		await college.selectOption(chosen);
		const response = await trends;
		expect(response.status()).toBe(200);
		expect(new URL(response.url()).searchParams.get('college')).toBe(chosen);
		await page.waitForURL((url) => url.searchParams.get('college') === chosen);
		await page.locator(READY).waitFor();

		// The major select now offers the college's majors; choosing the metric redraws without a fetch.
		expect(await page.locator('select[name="major"]').isEnabled()).toBe(true);
		await page.locator('select[name="metric"]').selectOption('fail_rate');
		await page.waitForURL((url) => url.searchParams.get('metric') === 'fail_rate');
		expect(await page.getByRole('heading', { level: 2, name: '各年级分学期不及格率' }).isVisible()).toBe(true);
		await page.locator(READY).waitFor();
	});

	it('shows the same data as an accessible table', async () => {
		await page.getByRole('button', { name: '数据表' }).click();
		const table = page.getByRole('table');
		await table.waitFor();
		const headers = await table.getByRole('columnheader').allTextContents();
		expect(headers).toEqual(['入学年级', '学期', '人数', '平均分', '中位数', 'P10', 'P90', '不及格率', '平均绩点']);
		const rows = table.locator('tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		expect(await rows.first().locator('td').first().textContent()).toMatch(/^\d{4}级$/);
		expect(await page.getByRole('button', { name: '数据表' }).getAttribute('aria-pressed')).toBe('true');
		await page.getByRole('button', { name: '图表' }).click();
		await page.locator(READY).waitFor();
	});

	it('resets the filters back to a clean URL', async () => {
		const trends = page.waitForResponse(isTrends);
		await page.getByRole('button', { name: '重置' }).click();
		await trends;
		await page.waitForURL((url) => !url.searchParams.has('college'));
		expect(new URL(page.url()).search).toBe('?metric=fail_rate'); // the metric is a view choice, kept
		await page.locator(READY).waitFor();
	});

	it('shows the API’s message when the filters are rejected', async () => {
		const trends = page.waitForResponse(isTrends);
		await page.goto(`${server.url}/grades?cohort_from=2030&cohort_to=2010`);
		const response = await trends;
		expect(response.status()).toBe(400);
		const { message } = (await response.json()) as { message: string };
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toContain(message);
	});

	it('switches to English and remembers the choice', async () => {
		await page.goto(`${server.url}/grades`);
		await page.locator(READY).waitFor();
		await page.getByRole('button', { name: 'English' }).click();
		await page.getByRole('heading', { level: 1, name: 'Grade trends' }).waitFor();
		expect(await page.getByRole('navigation').getByRole('link', { name: 'Grades' }).isVisible()).toBe(true);
		expect(await page.locator('form').getByText('College', { exact: true }).isVisible()).toBe(true);
		expect(await page.getByRole('heading', { level: 2, name: 'Mean score by term since entry, per cohort' }).isVisible()).toBe(true);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await page.locator(READY).waitFor();

		await page.reload();
		await page.getByRole('heading', { level: 1, name: 'Grade trends' }).waitFor();
		await page.locator(READY).waitFor();
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'grades-en.png'), fullPage: true });

		await page.getByRole('button', { name: '中文' }).click();
		await page.getByRole('heading', { level: 1, name: '成绩趋势' }).waitFor();
	});

	it('fits a phone screen', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`${server.url}/grades`);
		await page.locator(READY).waitFor();
		expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
		const chart = await page.locator(READY).boundingBox();
		expect(chart?.width).toBeGreaterThan(300);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'grades-phone.png'), fullPage: true });
	});

	it('logged no errors in the browser', () => {
		expect(browser.errors).toEqual([]);
	});
});

describe('the grades dashboard', () => {
	const chartIn = (heading: string | RegExp) =>
		page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) }).locator(READY);

	it('shows the distribution per college and drills into a college’s majors with a click', async () => {
		await page.setViewportSize({ width: 1280, height: 900 });
		const boxplot = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/grades/distribution/boxplot');
		await page.goto(`${server.url}/grades?panel=distribution`);
		const { rows } = (await (await boxplot).json()) as { rows: { grp: string }[] };
		expect(rows.length).toBeGreaterThan(1);
		const chart = chartIn('各学院成绩箱线图');
		await chart.waitFor();
		expect(await page.getByRole('tab', { name: '分布' }).getAttribute('aria-selected')).toBe('true');

		// Every row of the chart is a click target; the first row sits at the top of the plot area.
		const box = (await chart.boundingBox())!;
		const rowHeight = (box.height - 8 - 28) / rows.length;
		const majors = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/grades/distribution/boxplot' && r.url().includes('by=major'));
		await page.mouse.click(box.x + box.width * 0.7, box.y + 8 + rowHeight / 2);
		expect((await majors).status()).toBe(200);
		await page.waitForURL((url) => url.searchParams.get('college') === rows[0].grp && url.searchParams.get('panel') === 'distribution');
		await chartIn('各专业成绩箱线图').waitFor();
		expect(await page.locator('select[name="college"]').inputValue()).toBe(rows[0].grp);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'grades-distribution.png'), fullPage: true });
	});

	it('ranks courses in a sortable table with interval bars, and draws one course’s years', async () => {
		await page.goto(`${server.url}/grades?panel=courses`);
		const table = page.getByRole('region', { name: '课程难度（首次考试 DFW 率）' }).getByRole('table');
		await table.waitFor();
		await chartIn('各开课学院首次考试 DFW 率（95% 区间）').waitFor();

		// The API sorts and pages the table: a header click asks for another order.
		const coursesAnswer = (match: (query: URLSearchParams) => boolean) =>
			page.waitForResponse((r) => new URL(r.url()).pathname === '/api/grades/courses' && match(new URL(r.url()).searchParams));
		const sorted = coursesAnswer((query) => query.get('sort') === 'dfw_rate');
		await table.getByRole('button', { name: /^DFW 率/ }).click();
		await sorted;
		await expect.poll(() => table.getByRole('columnheader', { name: /^DFW 率/ }).getAttribute('aria-sort')).toBe('descending');
		const rates = (await table.locator('tbody tr td:nth-child(5)').allTextContents()).slice(0, 5).map((text) => Number.parseFloat(text));
		expect(rates.filter((r) => Number.isFinite(r)).length).toBeGreaterThan(1);
		expect([...rates].sort((a, b) => b - a)).toEqual(rates);
		expect(await table.locator('tbody tr').first().locator('.track .dot').count()).toBe(1);

		// The next page: the API's rows 51–100 in the same order.
		const pager = page.getByRole('navigation', { name: '课程表分页' });
		expect(await pager.textContent()).toMatch(/第 1–50 门，共 [\d,]+ 门课程/);
		const second = coursesAnswer((query) => query.get('offset') === '50' && query.get('sort') === 'dfw_rate');
		await pager.getByRole('button', { name: '下一页' }).click();
		const answer = (await (await second).json()) as { rows: { course_id: string }[]; page: { total: number } };
		await expect.poll(() => pager.textContent()).toMatch(/第 51–\d+ 门/);
		expect(await table.locator('tbody tr td.course .sub').first().textContent()).toContain(answer.rows[0].course_id);

		const first = table.locator('tbody tr').first().locator('td.course button');
		const name = (await first.textContent())!.trim();
		const years = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/grades/courses/years' && r.url().includes('course_id='));
		await first.click();
		expect((await years).status()).toBe(200);
		await page.waitForURL((url) => url.searchParams.has('course_id'));
		await chartIn(`${name}：各学年 DFW 率`).waitFor();
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'grades-courses.png'), fullPage: true });
	});

	it('shows grade inflation per teaching college with each slope’s interval', async () => {
		await page.goto(`${server.url}/grades?panel=inflation`);
		await chartIn('各开课学院逐年平均分').waitFor();
		await chartIn('各开课学院平均分的年变化（线性趋势）').waitFor();
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'grades-inflation.png'), fullPage: true });
	});

	it('compares two cohorts and says what the difference means, in Chinese and English', async () => {
		await page.goto(`${server.url}/grades?panel=compare&group_a=2019&group_b=2020`);
		const verdict = page.getByTestId('comparison-verdict');
		await verdict.waitFor();
		expect(await verdict.textContent()).toMatch(/^2020级.*2019级.*(没有统计上可靠的差异|差异在统计上显著)/);
		await chartIn(/^2019级 与 2020级/).waitFor();
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'grades-compare.png'), fullPage: true });
		await page.getByRole('button', { name: 'English' }).click();
		expect(await verdict.textContent()).toMatch(/^(No reliable difference|The 2020 cohort has)/);
		await page.getByRole('button', { name: '中文' }).click();
	});

	it('shows student progress against the academic-warning lines', async () => {
		await page.goto(`${server.url}/grades?panel=progress`);
		const chart = page.locator('section', { has: page.getByRole('heading', { level: 2, name: /各学期末累计不及格学分分布$/ }) }).locator(READY);
		await chart.waitFor();
		expect(await page.getByText(/学业预警线：绩点低于 1\.5/).isVisible()).toBe(true);
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'grades-progress.png'), fullPage: true });
	});

	it('fits a phone screen, tabs and course table included', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`${server.url}/grades?panel=courses`);
		await page.getByRole('region', { name: '课程难度（首次考试 DFW 率）' }).getByRole('table').waitFor();
		await page.screenshot({ path: path.join(OUTPUT_DIR, 'grades-courses-phone.png'), fullPage: true });
		expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('logged no errors in the browser', () => {
		expect(browser.errors).toEqual([]);
	});
});

describe('signing out', () => {
	it('ends the session and shows the sign-in page', async () => {
		await page.getByRole('button', { name: '退出' }).click();
		await page.waitForURL((url) => url.pathname === '/login');
		await page.goto(`${server.url}/grades`);
		await page.waitForURL((url) => url.pathname === '/login');
	});
});
