// The response cache (api/plugins/response-cache.ts) on the hand-checked tiny-university archive: a
// repeated question runs no query; a new VERSION recomputes; one cached answer is suppressed per caller;
// a college account's pinned college is part of the key; ETags give 304s; routes whose answers change
// without a new VERSION (the audit log) are never cached. Queries are counted with a spy on the one
// DuckDB layer (db.query), so "served from the cache" means "no SQL ran".
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';

let app: FastifyInstance;
let uncached: FastifyInstance;
let cleanup: () => Promise<void>;
let sessions: Record<'teaching' | 'leader' | 'college' | 'admin', Session>;
let uncachedTeaching: Session;
let queries: MockInstance;

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'tiny-university'));
  cleanup = archive.cleanup;
  app = await testApp(archive.dataDir);
  uncached = await testApp(archive.dataDir, { responseCache: { enabled: false }, auditFile: path.join(archive.dataDir, '..', 'audit-2.jsonl') });
  sessions = {
    teaching: await signIn(app, 'teaching'),
    leader: await signIn(app, 'leader'),
    college: await signIn(app, 'college'),
    admin: await signIn(app, 'admin'),
  };
  uncachedTeaching = await signIn(uncached, 'teaching');
  queries = vi.spyOn(app.archive.db, 'query');
});

afterAll(async () => {
  queries.mockRestore();
  await app.close();
  await uncached.close();
  await cleanup();
});

async function get(url: string, session: Session, headers: Record<string, string> = {}, on = app) {
  const response = await on.inject({ url, headers: { ...session.headers, ...headers } });
  return { status: response.statusCode, body: response.statusCode === 304 ? null : response.json(), etag: response.headers.etag as string | undefined };
}

/** SQL files run while `work` ran. */
async function queriesDuring(work: () => Promise<unknown>): Promise<string[]> {
  queries.mockClear();
  await work();
  return queries.mock.calls.map((call) => call[0] as string);
}

describe('response cache', () => {
  it('answers a repeated question from the cache, running no query the second time', async () => {
    const url = '/api/grades/trends?cohort_from=2020';
    let first!: Awaited<ReturnType<typeof get>>;
    expect(await queriesDuring(async () => (first = await get(url, sessions.teaching)))).toContain('metrics/grades/cohort-grade-trends-from-rollup');
    let second!: Awaited<ReturnType<typeof get>>;
    expect(await queriesDuring(async () => (second = await get(url, sessions.teaching)))).toEqual([]);
    expect(second.body).toEqual(first.body);
    // The README's figures: 2020, term 1: 0, 50, 60, 70, 80, 95.
    expect(second.body.rows[0]).toMatchObject({ entry_year: 2020, term_index: 1, n: 6, median: 65, p10: 25, p90: 87.5 });
  });

  it('sends a hit as the first answer’s JSON text, with its content type', async () => {
    const url = '/api/grades/trends?cohort_from=2021';
    const first = await app.inject({ url, headers: sessions.teaching.headers });
    const second = await app.inject({ url, headers: sessions.teaching.headers });
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.body).toBe(first.body);
    expect(JSON.parse(second.body).rows.length).toBeGreaterThan(0);
  });

  it('keys by the validated query: a default written out is the same question', async () => {
    await get('/api/status/changes', sessions.teaching);
    expect(await queriesDuring(() => get('/api/status/changes?attempt=ignored', sessions.teaching))).toEqual([]);
    await get('/api/grades/trends?cohort_to=2021', sessions.teaching);
    expect(await queriesDuring(() => get('/api/grades/trends?attempt=first&cohort_to=2021', sessions.teaching))).toEqual([]);
    expect(await queriesDuring(() => get('/api/grades/trends?attempt=best&cohort_to=2021', sessions.teaching))).not.toEqual([]);
  });

  it('serves one cached answer to two roles, each with its own suppression', async () => {
    const url = '/api/grades/trends?cohort_to=2022';
    const teaching = await get(url, sessions.teaching);
    let leader!: Awaited<ReturnType<typeof get>>;
    expect(await queriesDuring(async () => (leader = await get(url, sessions.leader)))).toEqual([]);
    // 教务处 sees the figures; a leader sees every cell (all under 10 students) suppressed.
    expect(teaching.body.rows[0]).toMatchObject({ entry_year: 2020, term_index: 1, n: 6, students: 3, median: 65 });
    expect(teaching.body.suppression).toBeUndefined();
    expect(leader.body.rows).toHaveLength(3);
    for (const row of leader.body.rows) expect(row).toMatchObject({ suppressed: true, median: null, students: null });
    expect(leader.body.suppression.cells).toBe(3);
    // And the cached answer itself was not changed by the leader's suppression.
    expect((await get(url, sessions.teaching)).body).toEqual(teaching.body);
    expect(teaching.etag).not.toBe(leader.etag);
  });

  it('makes a college account’s pinned college part of the key', async () => {
    const own = `/api/grades/trends?college=${encodeURIComponent('计算机学院')}&cohort_from=2019`;
    const asked = await get(own, sessions.teaching);
    // The college account asks without a college; pinned to 计算机学院 it is the same question.
    let scoped!: Awaited<ReturnType<typeof get>>;
    expect(await queriesDuring(async () => (scoped = await get('/api/grades/trends?cohort_from=2019', sessions.college)))).toEqual([]);
    expect(scoped.body.rows.map((r: { entry_year: number }) => r.entry_year)).toEqual(asked.body.rows.map((r: { entry_year: number }) => r.entry_year));
    // The whole school under the same filter is another question, run afresh and answered differently.
    let school!: Awaited<ReturnType<typeof get>>;
    expect(await queriesDuring(async () => (school = await get('/api/grades/trends?cohort_from=2019', sessions.teaching)))).toContain('metrics/grades/cohort-grade-trends-from-rollup');
    expect(school.body.rows[0].n).toBe(6);
    expect(asked.body.rows[0].n).toBeLessThan(6);
  });

  it('answers 304 to a matching If-None-Match without computing', async () => {
    const url = '/api/utilization/summary';
    const first = await get(url, sessions.admin);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[\w-]{27}"$/);
    let again!: Awaited<ReturnType<typeof get>>;
    expect(await queriesDuring(async () => (again = await get(url, sessions.admin, { 'if-none-match': first.etag! })))).toEqual([]);
    expect(again.status).toBe(304);
    expect((await get(url, sessions.admin, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('recomputes after a new VERSION, and the ETag changes with it', async () => {
    const url = '/api/meta';
    const before = await get(url, sessions.teaching);
    expect(await queriesDuring(() => get(url, sessions.teaching))).toEqual([]);
    const version = await app.archive.recurate();
    let after!: Awaited<ReturnType<typeof get>>;
    expect(await queriesDuring(async () => (after = await get(url, sessions.teaching, { 'if-none-match': before.etag! })))).toContain('meta/filter-options');
    expect(after.status).toBe(200);
    expect(after.body.version).toBe(version);
    expect(before.body.version).not.toBe(version);
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.cohorts).toEqual(before.body.cohorts);
  });

  it('never caches the audit log, whose answer changes without a new VERSION', async () => {
    const audit = async () => (await get('/api/admin/audit?limit=5', sessions.admin)).body;
    const first = await audit();
    const second = await audit();
    expect(second.rows[0]).not.toEqual(first.rows[0]); // the first call is now the newest entry
  });

  it('with the cache off (XUEJI_RESPONSE_CACHE=off) computes every answer afresh', async () => {
    const spy = vi.spyOn(uncached.archive.db, 'query');
    try {
      await get('/api/grades/trends', uncachedTeaching, {}, uncached);
      await get('/api/grades/trends', uncachedTeaching, {}, uncached);
      expect(spy.mock.calls.filter((call) => call[0] === 'metrics/grades/cohort-grade-trends-from-rollup')).toHaveLength(2);
      expect(uncached.responseCache.size).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });
});
