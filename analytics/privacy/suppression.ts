// Small-cell suppression for published aggregates (statistical disclosure control, DOMAIN.md):
//  1. primary: a cell counting fewer than `threshold` people is hidden (its count and its measures);
//  2. complementary: along every dimension whose totals a reader can know, a line (the cells that share
//     all the other cell fields) with exactly one hidden cell also hides its smallest visible cell,
//     repeated until stable, so no hidden cell can be recovered as a line total minus the visible cells;
//  3. extreme rates on small bases (n < smallBase) are shown as '<5%' / '>95%' instead of a number,
//     since "0% failed" of twelve students says something about each of them;
//  4. units shown whole (optional): where several rows make one figure — a survival curve is one
//     group's rows over time — a unit with any hidden row is hidden entirely, and complementary
//     suppression runs again on the result (a curve with its early steps shown and its tail hidden
//     would still describe the small group).
// This module is the only place these rules live; the API applies it to every aggregate it returns to
// the roles that need it, and exports reuse it.

export interface SuppressionRule {
  /** The field holding the number of people behind the cell. */
  count: string;
  /** The fields that together identify a cell. */
  cell: string[];
  /**
   * The cell fields along which totals are known or derivable (a cohort's results over all its terms);
   * complementary suppression runs along each of them.
   */
  along: string[];
  /** Fields hidden together with the count when a cell is suppressed. */
  values: string[];
  /** Rate fields (0–1) censored to '<5%' / '>95%' on small bases. */
  rates?: string[];
  /**
   * The cell fields that name a unit shown or hidden whole (e.g. ['group_name'] for survival curves):
   * when any row of a unit is hidden, every row of it is. The count should then be the unit's own
   * size (the group's n), repeated on each of its rows.
   */
  whole?: string[];
}

export interface SuppressionOptions {
  threshold: number;
  smallBase: number;
}

export type SuppressibleRow = Record<string, unknown> & {
  suppressed?: boolean;
  censored?: Record<string, '<5%' | '>95%'>;
};

export interface SuppressionResult<T> {
  rows: T[];
  primary: number;
  complementary: number;
}

export function suppressSmallCells<T extends Record<string, unknown>>(
  input: T[],
  rule: SuppressionRule,
  options: SuppressionOptions,
): SuppressionResult<T & SuppressibleRow> {
  const counts = input.map((row) => Number(row[rule.count] ?? 0));
  const hidden = counts.map((n) => n < options.threshold);
  const primary = hidden.filter(Boolean).length;
  let complementary = 0;

  const units = rule.whole ? linesOf(input, rule.whole) : [];
  const hideWholeUnits = (): boolean => {
    let changed = false;
    for (const cells of units) {
      if (!cells.some((i) => hidden[i])) continue;
      for (const i of cells.filter((c) => !hidden[c])) {
        hidden[i] = true;
        complementary++;
        changed = true;
      }
    }
    return changed;
  };
  hideWholeUnits();

  for (let changed = primary > 0; changed; ) {
    changed = false;
    for (const dimension of rule.along) {
      const others = rule.cell.filter((d) => d !== dimension);
      const lines = new Map<string, number[]>();
      input.forEach((row, i) => {
        const key = JSON.stringify(others.map((d) => row[d]));
        if (!lines.has(key)) lines.set(key, []);
        lines.get(key)!.push(i);
      });
      for (const cells of lines.values()) {
        const hiddenCells = cells.filter((i) => hidden[i]);
        const visible = cells.filter((i) => !hidden[i]);
        if (hiddenCells.length !== 1 || visible.length === 0) continue;
        const smallest = visible.reduce((a, b) => (counts[b] < counts[a] ? b : a));
        hidden[smallest] = true;
        complementary++;
        changed = true;
      }
    }
    if (hideWholeUnits()) changed = true;
  }

  const rows = input.map((row, i) => {
    const out: T & SuppressibleRow = { ...row };
    if (hidden[i]) {
      (out as Record<string, unknown>)[rule.count] = null;
      for (const field of [...rule.values, ...(rule.rates ?? [])]) (out as Record<string, unknown>)[field] = null;
      out.suppressed = true;
      return out;
    }
    if (counts[i] < options.smallBase) {
      for (const field of rule.rates ?? []) {
        const rate = row[field];
        if (typeof rate !== 'number') continue;
        const bound = rate < 0.05 ? '<5%' : rate > 0.95 ? '>95%' : null;
        if (!bound) continue;
        (out as Record<string, unknown>)[field] = null;
        out.censored = { ...out.censored, [field]: bound };
      }
    }
    return out;
  });
  return { rows, primary, complementary };
}

/** The row indexes of each distinct combination of `fields`, in order of first appearance. */
function linesOf(rows: Record<string, unknown>[], fields: string[]): number[][] {
  const lines = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = JSON.stringify(fields.map((f) => row[f]));
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push(i);
  });
  return [...lines.values()];
}
