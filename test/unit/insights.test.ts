// The insights engine's pieces on hand-made inputs: the false-discovery control, selection, severity and
// ranking; the main-effects expectation; the Poisson tail; pooling groups; the last complete year.
import { describe, expect, it } from 'vitest';
import { lastCompleteAcademicYear } from '../../analytics/insights/context.ts';
import { selectFindings } from '../../analytics/insights/engine.ts';
import type { Candidate } from '../../analytics/insights/finding.ts';
import { expectedWithout, type Cell } from '../../analytics/insights/main-effects.ts';
import { pool } from '../../analytics/insights/scores.ts';
import { poissonUpperTail } from '../../analytics/metrics/statistics.ts';

function candidate(id: string, p: number | null, effect: number, material = true): Candidate {
  return {
    area: p === null ? 'quality' : 'grades',
    kind: p === null ? 'data-quality' : 'course-dfw-jump',
    id,
    college: null,
    n: 100,
    effect,
    p,
    material,
    numbers: { effect },
    sentence: { zh: id, en: id },
    link: '/grades',
  };
}

describe('selectFindings', () => {
  // Five tests, p = 1e-6, 0.001, 0.01, 0.03, 0.5 (m = 5). Benjamini–Hochberg by hand, p·m/rank, then the
  // running minimum from the top: 5e-6, 0.0025, 0.016667, 0.0375, 0.5. Four have q < 0.05.
  const scan = selectFindings([
    candidate('A', 1e-6, 0.6),
    candidate('B', 0.001, 0.9),
    candidate('C', 0.01, 0.3),
    candidate('D', 0.03, 0.4, false), // significant, not material: not shown
    candidate('E', 0.5, 1.2), // material, not significant: not shown
    candidate('F', null, 0.1), // a small fact
    candidate('G', null, 1.0), // a large fact
  ]);

  it('adjusts every p-value of the scan together', () => {
    expect(scan.tests).toBe(5);
    expect(scan.significant).toBe(4);
    const q = Object.fromEntries(scan.findings.map((f) => [f.id, f.q_value]));
    expect(q.A).toBeCloseTo(5e-6, 12);
    expect(q.B).toBeCloseTo(0.0025, 12);
    expect(q.C).toBeCloseTo(0.05 / 3, 12);
    expect(q.F).toBeNull();
  });

  it('shows the material and significant ones, facts always, ranked by severity then by effect × evidence', () => {
    // A: q < 0.001 and effect ≥ 0.5 → high, score 0.6 × 5.30 = 3.18; G: fact ≥ 0.8 → high, score 1.0.
    // B: q < 0.01, effect ≥ 0.2 → medium. C: q 0.0167 → low, score 0.3 × 1.78 = 0.53; F: fact < 0.2 → low, 0.1.
    expect(scan.findings.map((f) => [f.id, f.severity, f.rank])).toEqual([
      ['A', 'high', 1],
      ['G', 'high', 2],
      ['B', 'medium', 3],
      ['C', 'low', 4],
      ['F', 'low', 5],
    ]);
  });
});

describe('expectedWithout (main effects by iterative proportional fitting)', () => {
  it('recovers the cell a multiplicative table implies, whatever the cell itself holds', () => {
    // size 100 everywhere; row factors 0.1, 0.2; column factors 1, 2, 0.5 → counts 10 20 5 / 20 40 10.
    const cells: Cell[] = [
      { row: 'r1', column: 'c1', size: 100, observed: 10 },
      { row: 'r1', column: 'c2', size: 100, observed: 20 },
      { row: 'r1', column: 'c3', size: 100, observed: 5 },
      { row: 'r2', column: 'c1', size: 100, observed: 20 },
      { row: 'r2', column: 'c2', size: 100, observed: 80 }, // 40 expected; twice that observed
      { row: 'r2', column: 'c3', size: 100, observed: 10 },
    ];
    expect(expectedWithout(cells, cells[4])).toBeCloseTo(40, 6);
  });

  it('in a 2 × 2 table is n₂₂ · O₂₁ · O₁₂ · n₁₁ / (n₂₁ · n₁₂ · O₁₁)', () => {
    const cells: Cell[] = [
      { row: 'a', column: 'x', size: 50, observed: 10 },
      { row: 'a', column: 'y', size: 200, observed: 20 },
      { row: 'b', column: 'x', size: 100, observed: 5 },
      { row: 'b', column: 'y', size: 80, observed: 0 },
    ];
    // 80 · 5 · 20 · 50 / (100 · 200 · 10) = 400000 / 200000 = 2
    expect(expectedWithout(cells, cells[3])).toBeCloseTo(2, 6);
  });

  it('has no expectation for a cell alone in its row', () => {
    const cells: Cell[] = [
      { row: 'a', column: 'x', size: 10, observed: 1 },
      { row: 'b', column: 'y', size: 10, observed: 1 },
    ];
    expect(expectedWithout(cells, cells[1])).toBeNull();
  });
});

describe('poissonUpperTail', () => {
  it('matches the tail summed by hand', () => {
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    // P(X ≥ 3 | λ = 1) = 1 − e⁻¹(1 + 1 + 1/2)
    expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - 2.5 / Math.E, 12);
    expect(poissonUpperTail(0, 3)).toBe(1);
  });

  it('stays a probability for large expectations (normal approximation past λ = 500)', () => {
    expect(poissonUpperTail(1000, 1000)).toBeCloseTo(0.5, 1);
    expect(poissonUpperTail(1200, 1000)).toBeLessThan(1e-9);
  });
});

describe('pool and lastCompleteAcademicYear', () => {
  it('pools groups into the mean and sample variance of all their members', () => {
    // {0, 2} and {4, 6}: mean 3, variance (9 + 1 + 1 + 9) / 3
    const pooled = pool([
      { students: 2, mean: 1, variance: 2 },
      { students: 2, mean: 5, variance: 2 },
    ])!;
    expect(pooled.students).toBe(4);
    expect(pooled.mean).toBeCloseTo(3, 12);
    expect(pooled.variance).toBeCloseTo(20 / 3, 12);
  });

  it('counts an academic year complete from 1 July of its second calendar year', () => {
    expect(lastCompleteAcademicYear('2026-08-31')).toBe(2025);
    expect(lastCompleteAcademicYear('2026-07-01')).toBe(2025);
    expect(lastCompleteAcademicYear('2026-06-30')).toBe(2024);
  });
});
