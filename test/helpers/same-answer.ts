// A rollup twin's answer against its detail file's: the same rows with the same values, except the
// named floating-point columns, which agree to `digits` decimal places (sums taken in another order).
import { expect } from 'vitest';

type Row = Record<string, unknown>;

export function expectSameAnswer(got: readonly Row[], want: readonly Row[], label: string, rounded: readonly string[], digits = 9): void {
  expect(got.length, label).toBe(want.length);
  const blank = Object.fromEntries(rounded.map((name) => [name, 0]));
  want.forEach((row, i) => {
    expect({ ...got[i], ...blank }, label).toEqual({ ...row, ...blank });
    for (const name of rounded) expect(got[i][name] as number, `${label} ${name}`).toBeCloseTo(row[name] as number, digits);
  });
}
