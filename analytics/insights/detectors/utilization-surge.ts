// Months in which the archive received far more requests than its forecast said: the Holt–Winters model
// of the utilization area (/api/utilization/forecast) fitted on every complete month, its one-step-ahead
// value (made before the month was seen) against the month's count, over the last 12 complete months.
//   test: the month's relative excess r = (actual − fitted) / fitted over the spread of the model's
//     relative one-step errors in the months before (their root mean square σ), z = r / σ, one-sided;
//   effect: ln(actual / fitted), the log ratio (0.2 ≈ 22 % more, 0.5 ≈ 65 % more, 0.8 ≈ 2.2×);
//   material: at least 20 % and 10 requests above the forecast.
import { forecastRequests } from '../../metrics/utilization/request-forecast.ts';
import { monthlyRequestSeries } from '../../metrics/utilization/request-series.ts';
import { normalCdf } from '../../metrics/statistics.ts';
import type { ScanContext } from '../context.ts';
import type { Candidate } from '../finding.ts';
import { count, pageLink, percent } from '../format.ts';

const RECENT_MONTHS = 12;

export async function utilizationSurge(ctx: ScanContext): Promise<Candidate[]> {
  const series = await monthlyRequestSeries((file, params) => ctx.rows(file, params), {});
  const { history } = forecastRequests(series);
  const fitted = history.filter((h) => h.fitted !== null && h.fitted > 0);
  if (fitted.length <= RECENT_MONTHS + 12) return [];
  const earlier = fitted.slice(0, -RECENT_MONTHS);
  const sigma = Math.sqrt(earlier.reduce((sum, h) => sum + ((h.requests - h.fitted!) / h.fitted!) ** 2, 0) / earlier.length);
  if (!(sigma > 0)) return [];
  return fitted.slice(-RECENT_MONTHS).map((month) => {
    const expected = month.fitted!;
    const excess = (month.requests - expected) / expected;
    const numbers = { requests: month.requests, forecast: expected, excess, sigma };
    return {
      area: 'utilization',
      kind: 'utilization-surge',
      id: `utilization-surge:${month.month}`,
      college: null,
      n: month.requests,
      effect: month.requests > 0 ? Math.log(month.requests / expected) : -Infinity,
      p: 1 - normalCdf(excess / sigma),
      material: excess >= 0.2 && month.requests - expected >= 10,
      numbers,
      sentence: {
        zh: `${month.month} 档案利用 ${count(month.requests)} 人次，比预测的 ${count(expected)} 人次多 ${percent(excess)}（预测的一般误差为 ±${percent(sigma)}）。`,
        en: `${month.month}: ${count(month.requests)} archive requests, ${percent(excess)} above the forecast of ${count(expected)} (the forecast's usual error is ±${percent(sigma)}).`,
      },
      link: pageLink('/utilization', {}),
    };
  });
}
