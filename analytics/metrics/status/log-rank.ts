// The log-rank test (Mantel 1966; Peto & Peto 1972) of k survival curves: at every time with events,
// each group's expected events under "no difference" are its share of those at risk:
//   E_g = Σ_t d_t · n_gt / n_t
//   V_gh = Σ_t d_t (n_t − d_t) / (n_t − 1) · (n_gt / n_t) · (δ_gh − n_ht / n_t)   (hypergeometric)
//   χ² = (O − E)ᵀ V⁻ (O − E) over the first k − 1 groups, df = k − 1
// For two groups this is (O₁ − E₁)² / V₁₁ (Collett, Modelling Survival Data in Medical Research, 3rd
// ed., §2.6). At-risk sets count censorings at t as at risk at t, as in kaplan-meier.ts.
import { chiSquareSurvival } from './chi-square.ts';
import type { LifeTableRow } from './kaplan-meier.ts';

export interface LogRankGroup {
  n: number;
  observed: number;
  expected: number;
}

export interface LogRankResult {
  groups: LogRankGroup[];
  chiSquare: number;
  df: number;
  pValue: number;
}

/** Null when fewer than two groups have anyone in them, or when there are no events at all. */
export function logRank(tables: readonly (readonly LifeTableRow[])[]): LogRankResult | null {
  const k = tables.length;
  const sizes = tables.map((rows) => rows.reduce((sum, r) => sum + r.events + r.censored, 0));
  if (k < 2 || sizes.filter((n) => n > 0).length < 2) return null;

  const times = [...new Set(tables.flatMap((rows) => rows.map((r) => r.time)))].sort((a, b) => a - b);
  const at = tables.map((rows) => {
    const cells = new Map<number, { d: number; c: number }>();
    for (const r of rows) {
      const cell = cells.get(r.time) ?? { d: 0, c: 0 };
      cell.d += r.events;
      cell.c += r.censored;
      cells.set(r.time, cell);
    }
    return cells;
  });

  const atRisk = [...sizes];
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const time of times) {
    const d = at.map((cells) => cells.get(time)?.d ?? 0);
    const c = at.map((cells) => cells.get(time)?.c ?? 0);
    const dt = d.reduce((a, b) => a + b, 0);
    const nt = atRisk.reduce((a, b) => a + b, 0);
    if (dt > 0 && nt > 0) {
      const spread = nt > 1 ? (dt * (nt - dt)) / (nt - 1) : 0;
      for (let g = 0; g < k; g++) {
        observed[g] += d[g];
        expected[g] += (dt * atRisk[g]) / nt;
        for (let h = 0; h < k; h++) {
          variance[g][h] += spread * (atRisk[g] / nt) * ((g === h ? 1 : 0) - atRisk[h] / nt);
        }
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] -= d[g] + c[g];
  }
  if (observed.every((o) => o === 0)) return null;

  // Drop the last group (the statistic is the same whichever is dropped) and solve V x = O − E.
  const m = k - 1;
  const diff = observed.slice(0, m).map((o, g) => o - expected[g]);
  const solved = solve(variance.slice(0, m).map((row) => row.slice(0, m)), diff);
  const chiSquare = solved ? Math.max(0, diff.reduce((sum, v, g) => sum + v * solved[g], 0)) : 0;
  return {
    groups: sizes.map((n, g) => ({ n, observed: observed[g], expected: expected[g] })),
    chiSquare,
    df: m,
    pValue: chiSquareSurvival(chiSquare, m),
  };
}

/** Gaussian elimination with partial pivoting; null for a singular matrix (no information). */
function solve(matrix: number[][], rhs: number[]): number[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= factor * a[col][c];
    }
  }
  return a.map((row, i) => row[n] / row[i]);
}
