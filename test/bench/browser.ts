// The overview page in Debian's Chromium (test/helpers/browser.ts): signed in as a leader, the time
// from navigation until every chart on the page has drawn (each ECharts wrapper marks itself
// data-echarts-ready="true" after its first render) — over a few loads, for a median.
import { DEMO_PASSWORD } from '../../analytics/accounts/demo.ts';
import { CHART_READY, openBrowser } from '../helpers/browser.ts';
import { summarize, type Summary } from './stats.ts';

export async function overviewDrawn(baseUrl: string, loads: number): Promise<Summary & { charts: number; errors: string[] }> {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    const signIn = await page.request.post(`${baseUrl}/api/auth/login`, { data: { username: 'leader', password: DEMO_PASSWORD } });
    if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()}`);
    const samples: number[] = [];
    let charts = 0;
    for (let i = 0; i < loads; i++) {
      const started = performance.now();
      await page.goto(`${baseUrl}/overview`);
      await page.waitForSelector(CHART_READY, { timeout: 60_000 });
      await page.waitForFunction(() => document.querySelectorAll('[data-echarts-ready="false"]').length === 0, undefined, { timeout: 60_000 });
      samples.push(performance.now() - started);
      charts = await page.locator(CHART_READY).count();
    }
    return { ...summarize(samples), charts, errors: browser.errors };
  } finally {
    await browser.close();
  }
}
