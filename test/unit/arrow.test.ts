import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { rowsToArrow } from '../../analytics/db/database.ts';

describe('rowsToArrow', () => {
  it('round-trips numbers, text, booleans and nulls through Arrow IPC', () => {
    const rows = [
      { cohort: 2020, college: '计算机学院', mean: 78.5, passed: true },
      { cohort: 2021, college: null, mean: null, passed: false },
    ];
    const table = tableFromIPC(rowsToArrow(rows));
    expect(table.numRows).toBe(2);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['cohort:Float64', 'college:Utf8', 'mean:Float64', 'passed:Bool']);
    expect(table.toArray().map((row) => row.toJSON())).toEqual(rows);
  });
});
