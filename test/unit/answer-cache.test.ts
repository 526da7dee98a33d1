// The per-version answer cache of the API (api/answer-cache.ts): one computation per key, shared while
// pending, failures not kept, least recently used evicted by entries and by rows held.
import { describe, expect, it } from 'vitest';
import { AnswerCache, answerKey } from '../../api/answer-cache.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));

describe('AnswerCache', () => {
  it('computes a key once, sharing the pending computation', async () => {
    const cache = new AnswerCache();
    let runs = 0;
    const compute = async () => {
      runs++;
      return rows(3);
    };
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect(a).toBe(b);
    await cache.get('k', compute);
    expect(runs).toBe(1);
    expect(cache.rows).toBe(3);
  });

  it('forgets a failed computation so the next request tries again', async () => {
    const cache = new AnswerCache();
    await expect(cache.get('k', () => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
    await Promise.resolve();
    expect(await cache.get('k', async () => rows(1))).toHaveLength(1);
  });

  it('evicts the least recently used beyond its entries', async () => {
    const cache = new AnswerCache({ entries: 2, rows: 1000 });
    await cache.get('a', async () => rows(1));
    await cache.get('b', async () => rows(1));
    await cache.get('a', async () => rows(9)); // a hit: a is now the most recent
    await cache.get('c', async () => rows(1));
    let recomputed = false;
    await cache.get('b', async () => ((recomputed = true), rows(1)));
    expect(recomputed).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('evicts by rows held, keeping at least the newest answer', async () => {
    const cache = new AnswerCache({ entries: 100, rows: 10 });
    await cache.get('a', async () => rows(6));
    await cache.get('b', async () => rows(6)); // 12 > 10: a goes
    expect(cache.size).toBe(1);
    expect(cache.rows).toBe(6);
    await cache.get('big', async () => rows(50)); // alone over the limit: kept, the rest goes
    expect(cache.size).toBe(1);
    expect(cache.rows).toBe(50);
  });

  it('weighs a route answer by its rows, anything else as one', async () => {
    const cache = new AnswerCache({ entries: 100, rows: 10 });
    await cache.get('route', async () => ({ version: 'v1', rows: rows(4) }));
    await cache.get('meta', async () => ({ version: 'v1', cohorts: [2020, 2021] }));
    expect(cache.rows).toBe(5);
  });
});

describe('answerKey', () => {
  it('does not depend on the order of the parameters or on undefined ones', () => {
    expect(answerKey('r', 'v1', { b: 2, a: 1, c: undefined })).toBe(answerKey('r', 'v1', { a: 1, b: 2 }));
    expect(answerKey('r', 'v1', { a: 1 })).not.toBe(answerKey('r', 'v2', { a: 1 }));
    expect(answerKey('r', 'v1', { a: null })).not.toBe(answerKey('r', 'v1', {}));
  });
});
