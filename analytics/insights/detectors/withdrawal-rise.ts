// A college's entry cohort losing more students to withdrawal (退学, 肄业) than that college and that
// cohort do elsewhere: the status-now counts of the outcomes metric (/api/status/outcomes by college).
//   test: each college × cohort cell against its expected count under main effects only (college ×
//     cohort, fitted without the cell: main-effects.ts), exact one-sided Poisson p = P(X ≥ observed) —
//     cohorts differ in how long they have been exposed and colleges in their usual rate; the model
//     takes both out, so what is left is this cohort of this college;
//   effect: ln(observed / expected), the log rate ratio (0.2 ≈ 22 % more, 0.5 ≈ 65 % more, 0.8 ≈ 2.2×);
//   material: at least 1.5 times the expected count and at least 3 students more.
//   Cohorts enter once they have a complete first year (the cohort of the last complete year and before).
import { installStatusMacros } from '../../metrics/status/macros.ts';
import { poissonUpperTail } from '../../metrics/statistics.ts';
import type { ScanContext } from '../context.ts';
import type { Candidate } from '../finding.ts';
import { count, pageLink, percent, ratio } from '../format.ts';
import { expectedWithout, type Cell } from '../main-effects.ts';

interface OutcomeCell {
  entry_year: number;
  group_name: string | null;
  n: number;
  withdrawn: number;
}

export async function withdrawalRise(ctx: ScanContext): Promise<Candidate[]> {
  await installStatusMacros(ctx.db);
  const outcomes = (await ctx.rows('metrics/status/cohort-outcomes', {
    cohort_from: null,
    cohort_to: ctx.lastCompleteYear,
    level: null,
    college: null,
    major: null,
    by: 'college',
    as_of: ctx.asOf,
  })) as unknown as OutcomeCell[];
  const cells: (Cell & { cohort: number })[] = outcomes
    .filter((o) => o.group_name !== null && o.n > 0)
    .map((o) => ({ row: o.group_name!, column: String(o.entry_year), cohort: o.entry_year, size: o.n, observed: o.withdrawn }));
  const candidates: Candidate[] = [];
  for (const cell of cells) {
    const expected = expectedWithout(cells, cell);
    if (expected === null || !(expected > 0) || cell.observed === 0) continue;
    const college = cell.row;
    const numbers = { cohort: cell.cohort, students: cell.size, withdrawn: cell.observed, rate: cell.observed / cell.size, expected, ratio: cell.observed / expected };
    candidates.push({
      area: 'status',
      kind: 'withdrawal-rise',
      id: `withdrawal-rise:${college}:${cell.cohort}`,
      college,
      n: cell.size,
      effect: Math.log(cell.observed / expected),
      p: poissonUpperTail(cell.observed, expected),
      material: cell.observed >= 1.5 * expected && cell.observed - expected >= 3,
      numbers,
      sentence: {
        zh: `${college} ${cell.cohort} 级 ${count(cell.size)} 名学生中已有 ${count(cell.observed)} 人退学或肄业（${percent(numbers.rate)}），按该学院与该年级的一般水平预计约 ${ratio(expected)} 人，是预计的 ${ratio(numbers.ratio)} 倍。`,
        en: `${count(cell.observed)} of ${count(cell.size)} students of ${college}'s ${cell.cohort} cohort have withdrawn (${percent(numbers.rate)}), against about ${ratio(expected)} expected from that college and that cohort elsewhere: ${ratio(numbers.ratio)} times as many.`,
      },
      link: pageLink('/status', { college, survival_by: 'cohort', group_a: cell.cohort }),
    });
  }
  return candidates;
}
