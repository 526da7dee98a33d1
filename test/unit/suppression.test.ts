// Suppression cases worked out by hand on small tables.
import { describe, expect, it } from 'vitest';
import { suppressSmallCells, type SuppressionRule } from '../../analytics/privacy/suppression.ts';

const rule: SuppressionRule = { count: 'n', cell: ['cohort', 'term'], along: ['cohort', 'term'], values: ['mean'], rates: ['fail_rate'] };
const options = { threshold: 10, smallBase: 100 };

function cell(cohort: number, term: number, n: number, fail_rate = 0.2) {
  return { cohort, term, n, mean: 70 + n / 100, fail_rate };
}

const hiddenCells = (rows: { cohort: unknown; term: unknown; suppressed?: boolean }[]) =>
  rows.filter((r) => r.suppressed).map((r) => `${r.cohort}/${r.term}`);

describe('suppressSmallCells', () => {
  it('leaves a table with no small cell untouched', () => {
    const rows = [cell(2020, 1, 120), cell(2020, 2, 110), cell(2021, 1, 130)];
    const result = suppressSmallCells(rows, rule, options);
    expect(result.rows).toEqual(rows);
    expect(result.primary + result.complementary).toBe(0);
  });

  it('hides a small cell and, in each line it sits on, the smallest other cell', () => {
    // 2020: terms 1..3 with 200, 7, 150 → 2020/2 is primary; along term (line cohort=2020) 2020/3 (150)
    // is the smallest visible, hidden too. Along cohort (line term=2): 2021/2 (300) is the only other
    // cell, hidden. Then line cohort=2021 has one hidden cell (2021/2), so its smallest visible, 2021/1
    // (250), is hidden; line term=1 then has 2021/1 alone hidden, so 2020/1 goes; line term=3 has
    // 2020/3 hidden alone, so 2021/3 goes — every line now has 0 or ≥2 hidden cells.
    const rows = [cell(2020, 1, 200), cell(2020, 2, 7), cell(2020, 3, 150), cell(2021, 1, 250), cell(2021, 2, 300), cell(2021, 3, 400)];
    const result = suppressSmallCells(rows, rule, options);
    expect(result.primary).toBe(1);
    expect(hiddenCells(result.rows).sort()).toEqual(['2020/1', '2020/2', '2020/3', '2021/1', '2021/2', '2021/3']);
  });

  it('runs only along the dimensions whose totals are known', () => {
    // Along term only: line 2020 = {2020/1: 200, 2020/2: 7, 2020/3: 150} hides 7 and then 150; the
    // 2021 line has nothing hidden and stays whole.
    const rows = [cell(2020, 1, 200), cell(2020, 2, 7), cell(2020, 3, 150), cell(2021, 1, 250), cell(2021, 2, 300), cell(2021, 3, 400)];
    const result = suppressSmallCells(rows, { ...rule, along: ['term'] }, options);
    expect(result).toMatchObject({ primary: 1, complementary: 1 });
    expect(hiddenCells(result.rows)).toEqual(['2020/2', '2020/3']);
  });

  it('needs no complementary cell when a line already hides two', () => {
    // One cohort, four terms: 5 and 8 are both primary; no line has a lone hidden cell.
    const rows = [cell(2020, 1, 5), cell(2020, 2, 8), cell(2020, 3, 40), cell(2020, 4, 60)];
    const result = suppressSmallCells(rows, { ...rule, along: ['term'] }, options);
    expect(result).toMatchObject({ primary: 2, complementary: 0 });
    expect(hiddenCells(result.rows)).toEqual(['2020/1', '2020/2']);
  });

  it('in a one-dimensional table hides the next smallest cell with a lone small one', () => {
    const rows = [cell(2020, 1, 9), cell(2020, 2, 40), cell(2020, 3, 25)];
    const result = suppressSmallCells(rows, { ...rule, along: ['term'] }, options);
    expect(result).toMatchObject({ primary: 1, complementary: 1 });
    expect(hiddenCells(result.rows)).toEqual(['2020/1', '2020/3']);
    expect(result.rows[2]).toMatchObject({ n: null, mean: null, fail_rate: null, suppressed: true });
    expect(result.rows[1]).toMatchObject({ n: 40, mean: 70.4 });
  });

  it('shows extreme rates on small bases as <5% and >95%, and keeps them on large bases', () => {
    const rows = [cell(2020, 1, 40, 0), cell(2020, 2, 50, 0.97), cell(2020, 3, 60, 0.5), cell(2020, 4, 500, 0.01)];
    const result = suppressSmallCells(rows, { ...rule, along: ['term'] }, options);
    expect(result.rows.map((r) => [r.fail_rate, r.censored?.fail_rate])).toEqual([
      [null, '<5%'],
      [null, '>95%'],
      [0.5, undefined],
      [0.01, undefined],
    ]);
  });
});

describe('suppressSmallCells with units shown whole (survival curves)', () => {
  // One row per group and term; the count is the group's size, repeated on each of its rows.
  const curve = (group: string, n: number, terms: number[]) =>
    terms.map((term) => ({ group, term, group_n: n, survival: 0.9 }));
  const wholeRule: SuppressionRule = { count: 'group_n', cell: ['group', 'term'], along: ['group'], values: ['survival'], whole: ['group'] };
  const hiddenGroups = (rows: { group: string; suppressed?: boolean }[]) => [...new Set(rows.filter((r) => r.suppressed).map((r) => r.group))].sort();

  it('hides every row of a group under the threshold, and only those when no total is derivable', () => {
    const rows = [...curve('A', 8, [1, 2, 3]), ...curve('B', 40, [1, 2])];
    const result = suppressSmallCells(rows, { ...wholeRule, along: [] }, options);
    expect(result).toMatchObject({ primary: 3, complementary: 0 });
    expect(result.rows.map((r) => Boolean(r.suppressed))).toEqual([true, true, true, false, false]);
    expect(result.rows[0]).toMatchObject({ group_n: null, survival: null });
  });

  it('hides the smallest other group whole when the groups add up to a known total', () => {
    // Curves on a common grid of terms 1–3. A (8) is primary: 3 rows. Each line (a term) then has A
    // hidden alone, so the smallest visible, C (30), goes at terms 1, 2 and 3; every line now hides
    // two rows. B (50) and D (60) stay.
    const rows = [...curve('A', 8, [1, 2, 3]), ...curve('B', 50, [1, 2, 3]), ...curve('C', 30, [1, 2, 3]), ...curve('D', 60, [1, 2, 3])];
    const result = suppressSmallCells(rows, wholeRule, options);
    expect(result).toMatchObject({ primary: 3, complementary: 3 });
    expect(hiddenGroups(result.rows)).toEqual(['A', 'C']);
  });

  it('hides a whole curve when complementary suppression reaches any one of its rows', () => {
    // Ragged curves: A (5) has a row at term 4 only. Line term 4: A alone hidden → B (20), the smallest
    // other there, loses its term-4 row and so its whole curve. Lines 1–3 then have B hidden alone →
    // C goes there, and whole. Every curve is hidden — why the route gives every group a row at every
    // term of a common grid.
    const rows = [...curve('A', 5, [4]), ...curve('B', 20, [1, 2, 3, 4]), ...curve('C', 90, [1, 2, 3, 4])];
    const result = suppressSmallCells(rows, wholeRule, options);
    expect(result).toMatchObject({ primary: 1, complementary: 8 });
    expect(hiddenGroups(result.rows)).toEqual(['A', 'B', 'C']);
  });
});
