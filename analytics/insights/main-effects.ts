// Expected counts under a model of main effects only: in a table of rows × columns, each cell's count
// is its size times a row factor times a column factor, E_rc = n_rc · a_r · b_c — the Poisson
// log-linear model without interaction, fitted by iterative proportional fitting (Deming & Stephan
// 1940; Agresti, Categorical Data Analysis, §9.7): a_r = O_r· / Σ_c n_rc b_c, b_c = O_·c / Σ_r n_rc a_r,
// until the fitted margins match the observed ones. A cell far above its expectation is an
// interaction: this college's cohort is not behaving like this college or like this cohort.
export interface Cell {
  row: string;
  column: string;
  /** Units at risk (students). */
  size: number;
  observed: number;
}

/**
 * The expected count of `target` from the model fitted on every other cell (leave-one-out, so the cell
 * under test does not raise its own row's and column's factors). Null when its row or column has no
 * other cell with a count to learn from.
 */
export function expectedWithout(cells: readonly Cell[], target: Cell, iterations = 100): number | null {
  const others = cells.filter((c) => c !== target);
  const rowTotal = new Map<string, number>();
  const columnTotal = new Map<string, number>();
  for (const c of others) {
    rowTotal.set(c.row, (rowTotal.get(c.row) ?? 0) + c.observed);
    columnTotal.set(c.column, (columnTotal.get(c.column) ?? 0) + c.observed);
  }
  if (!others.some((c) => c.row === target.row) || !others.some((c) => c.column === target.column)) return null;
  const a = new Map([...rowTotal.keys()].map((r) => [r, 1]));
  const b = new Map([...columnTotal.keys()].map((c) => [c, 1]));
  for (let i = 0; i < iterations; i++) {
    const rowSums = new Map<string, number>();
    for (const c of others) rowSums.set(c.row, (rowSums.get(c.row) ?? 0) + c.size * b.get(c.column)!);
    for (const [r, total] of rowTotal) a.set(r, rowSums.get(r)! > 0 ? total / rowSums.get(r)! : 0);
    const columnSums = new Map<string, number>();
    for (const c of others) columnSums.set(c.column, (columnSums.get(c.column) ?? 0) + c.size * a.get(c.row)!);
    let moved = 0;
    for (const [col, total] of columnTotal) {
      const next = columnSums.get(col)! > 0 ? total / columnSums.get(col)! : 0;
      moved = Math.max(moved, Math.abs(next - b.get(col)!));
      b.set(col, next);
    }
    if (moved < 1e-12) break;
  }
  return target.size * a.get(target.row)! * b.get(target.column)!;
}
