// The bench's statistics (test/bench/stats.ts), checked by hand, so `npm run bench` cannot rot unseen.
import { describe, expect, it } from 'vitest';
import { ms, quantile, summarize, table } from '../bench/stats.ts';

describe('bench statistics', () => {
  it('interpolates quantiles between order statistics (type 7)', () => {
    // 1…20: h = 19 × 0.5 = 9.5 → between x[9] = 10 and x[10] = 11: 10.5; h = 19 × 0.95 = 18.05 → 19 + 0.05 × 1.
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(quantile(samples, 0.5)).toBe(10.5);
    expect(quantile(samples, 0.95)).toBeCloseTo(19.05, 12);
    // 3, 7, 8 (unsorted input): median 7; p95: h = 2 × 0.95 = 1.9 → 7 + 0.9 × 1 = 7.9.
    expect(summarize([8, 3, 7])).toEqual({ n: 3, p50: 7, p95: expect.closeTo(7.9, 12), max: 8 });
    expect(quantile([42], 0.95)).toBe(42);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });

  it('formats milliseconds and aligns a table', () => {
    expect([ms(3.14159), ms(123.6), ms(null)]).toEqual(['3.1', '124', '—']);
    expect(table(['route', 'p50'], [['/a', '3.1'], ['/bb', '124']]).split('\n')).toEqual(['route  p50', '-----  ---', '/a     3.1', '/bb    124']);
  });
});
