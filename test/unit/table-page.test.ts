import { describe, expect, it } from 'vitest';
import { sortRows } from '../../api/plugins/table-page.ts';

describe('a paged table’s order', () => {
  const rows = [
    { course_id: 'A', course_name: '高等数学', dfw_rate: 0.3, rank: 1, z: 2.5 },
    { course_id: 'B', course_name: '大学英语', dfw_rate: null, rank: null, z: null },
    { course_id: 'C', course_name: '线性代数', dfw_rate: 0.1, rank: 3, z: -1 },
    { course_id: 'D', course_name: '概率论', dfw_rate: 0.2, rank: 2, z: null },
  ];
  const ids = (sorted: Record<string, unknown>[]) => sorted.map((row) => row.course_id);

  it('sorts either way with empty values last and ties by id', () => {
    expect(ids(sortRows(rows, 'dfw_rate', 'desc', 'course_id'))).toEqual(['A', 'D', 'C', 'B']);
    expect(ids(sortRows(rows, 'dfw_rate', 'asc', 'course_id'))).toEqual(['C', 'D', 'A', 'B']);
    expect(ids(sortRows(rows, 'z', 'desc', 'course_id'))).toEqual(['A', 'C', 'B', 'D']); // B and D: both empty, by id
    expect(ids(sortRows(rows, 'rank', 'asc', 'course_id'))).toEqual(['A', 'D', 'C', 'B']);
  });

  it('sorts Chinese names by pinyin', () => {
    // da (大学英语), gai (概率论), gao (高等数学), xian (线性代数)
    expect(ids(sortRows(rows, 'course_name', 'asc', 'course_id'))).toEqual(['B', 'D', 'A', 'C']);
  });
});
