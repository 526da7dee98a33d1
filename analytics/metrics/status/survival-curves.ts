// Survival curves and their comparison, from the life tables sql/metrics/status/withdrawal-survival.sql
// answers (per group and term: withdrawals, censorings, undated outcomes). Pure: no database.
//
// Every group gets one row per term of a common grid, 1 … the latest term any group reaches, so that
// the rows of different groups line up term by term: small-cell suppression then hides a small group's
// curve whole together with the smallest other one, instead of cascading through ragged tails
// (analytics/privacy/suppression.ts, units shown whole). Past a group's own follow-up (no one left at
// risk) its rows carry no estimate (null): the curve ends there rather than running on flat.
import { kaplanMeier, type LifeTableRow } from './kaplan-meier.ts';
import { logRank } from './log-rank.ts';

export interface SurvivalInput {
  group_name: string | null;
  /** Term index of the withdrawal or of the end of follow-up; null for undated outcomes. */
  time: number | null;
  events: number;
  censored: number;
  undated: number;
}

export interface CurveRow {
  group_name: string | null;
  /** Students in the group whose follow-up is dated (the curve's n). */
  group_n: number;
  /** Students of the group left out: a terminal status with no date. */
  undated: number;
  term: number;
  at_risk: number;
  events: number;
  /** Follow-ups ending in the term without a withdrawal (named apart from the `censored` marks of suppression). */
  censored_count: number;
  survival: number | null;
  lower: number | null;
  upper: number | null;
}

interface Group {
  name: string | null;
  table: LifeTableRow[];
  n: number;
  undated: number;
}

function groupsOf(rows: readonly SurvivalInput[]): Group[] {
  const groups = new Map<string | null, Group>();
  for (const row of rows) {
    let group = groups.get(row.group_name);
    if (!group) {
      group = { name: row.group_name, table: [], n: 0, undated: 0 };
      groups.set(row.group_name, group);
    }
    group.undated += row.undated;
    if (row.time === null) continue;
    group.table.push({ time: row.time, events: row.events, censored: row.censored });
    group.n += row.events + row.censored;
  }
  return [...groups.values()];
}

/** Curves for every group (or only those named in `only`), on a common grid of terms. */
export function survivalCurves(rows: readonly SurvivalInput[], only?: readonly string[]): CurveRow[] {
  const groups = groupsOf(rows).filter((g) => !only || only.length === 0 || (g.name !== null && only.includes(g.name)));
  const lastTerm = Math.max(0, ...groups.flatMap((g) => g.table.map((r) => r.time)));
  const out: CurveRow[] = [];
  for (const group of groups.sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh-CN'))) {
    const steps = new Map(kaplanMeier(group.table).map((s) => [s.time, s]));
    let atRisk = group.n;
    let last = { survival: 1, lower: 1, upper: 1 };
    for (let term = 1; term <= lastTerm; term++) {
      const step = steps.get(term);
      if (step) last = step;
      const known = atRisk > 0;
      out.push({
        group_name: group.name,
        group_n: group.n,
        undated: group.undated,
        term,
        at_risk: atRisk,
        events: step?.events ?? 0,
        censored_count: step?.censored ?? 0,
        survival: known ? last.survival : null,
        lower: known ? last.lower : null,
        upper: known ? last.upper : null,
      });
      atRisk -= (step?.events ?? 0) + (step?.censored ?? 0);
    }
  }
  return out;
}

export interface ComparisonRow {
  /** 'a' or 'b': the two sides of the comparison. */
  side: 'a' | 'b';
  /** The group's name; null for "everyone else" when b is not named. */
  group_name: string | null;
  n: number;
  events: number;
  expected: number | null;
  chi_square: number | null;
  df: number | null;
  p_value: number | null;
}

/**
 * The log-rank test of group `a` against group `b`, or against everyone else in the rows when `b` is
 * null. The statistic is repeated on both rows so that it is hidden with them.
 */
export function compareGroups(rows: readonly SurvivalInput[], a: string, b: string | null): ComparisonRow[] {
  const groups = groupsOf(rows);
  const pick = (test: (name: string | null) => boolean): LifeTableRow[] => groups.filter((g) => test(g.name)).flatMap((g) => g.table);
  const tableA = pick((name) => name === a);
  const tableB = pick((name) => (b === null ? name !== a : name === b));
  const result = logRank([tableA, tableB]);
  const side = (s: 'a' | 'b', name: string | null, table: LifeTableRow[], g: number): ComparisonRow => ({
    side: s,
    group_name: name,
    n: table.reduce((sum, r) => sum + r.events + r.censored, 0),
    events: table.reduce((sum, r) => sum + r.events, 0),
    expected: result ? result.groups[g].expected : null,
    chi_square: result ? result.chiSquare : null,
    df: result ? result.df : null,
    p_value: result ? result.pValue : null,
  });
  return [side('a', a, tableA, 0), side('b', b, tableB, 1)];
}
