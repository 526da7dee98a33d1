// Access control, suppression, audit and hardening through the real app (app.inject), on the
// tiny-university archive. Its largest college, 计算机学院 (3 students), owns the demo college account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { HashChainedLog } from '../../analytics/ledger/hash-chained-log.ts';

let app: FastifyInstance;
let dataDir: string;
let cleanup: () => Promise<void>;
const sessions: Record<string, Session> = {};
const ROLES = ['leader', 'teaching', 'college', 'archivist', 'admin'] as const;

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'tiny-university'));
  dataDir = archive.dataDir;
  cleanup = archive.cleanup;
  app = await testApp(dataDir);
  for (const role of ROLES) sessions[role] = await signIn(app, role);
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

const get = (url: string, who?: (typeof ROLES)[number]) => app.inject({ url, headers: who ? sessions[who].headers : {} });

// The expected status per GET route for: anonymous, then each demo role in ROLES order.
const MATRIX: Record<string, number[]> = {
  '/api/health': [200, 200, 200, 200, 200, 200],
  '/api/meta': [401, 200, 200, 200, 200, 200],
  '/api/grades/trends': [401, 200, 200, 200, 403, 200],
  '/api/grades/trends/years': [401, 200, 200, 200, 403, 200],
  '/api/grades/distribution/scores': [401, 200, 200, 200, 403, 200],
  '/api/grades/distribution/boxplot': [401, 200, 200, 200, 403, 200],
  '/api/grades/distribution/gpa': [401, 200, 200, 200, 403, 200],
  '/api/grades/courses': [401, 200, 200, 200, 403, 200],
  '/api/grades/courses/years': [401, 200, 200, 200, 403, 200],
  '/api/grades/departments': [401, 200, 200, 200, 403, 200],
  '/api/grades/inflation': [401, 200, 200, 200, 403, 200],
  '/api/grades/inflation/trends': [401, 200, 200, 200, 403, 200],
  '/api/grades/compare': [401, 200, 200, 200, 403, 200],
  '/api/grades/progress': [401, 200, 200, 200, 403, 200],
  '/api/admin/audit': [401, 403, 403, 403, 403, 200],
  '/api/admin/users': [401, 403, 403, 403, 403, 200],
  '/api/auth/me': [401, 200, 200, 200, 200, 200],
  '/api/auth/demo-accounts': [200, 200, 200, 200, 200, 200],
  '/api/archive/accessions': [401, 403, 403, 403, 200, 200],
  '/api/archive/profiles': [401, 403, 403, 403, 200, 200],
  // The literal '{id}' is no accession: the keepers get 404, everyone else is stopped before that.
  '/api/archive/accessions/{id}': [401, 403, 403, 403, 404, 404],
  '/api/archive/accessions/{id}/quarantine/{table}': [401, 403, 403, 403, 404, 404],
  '/api/utilization/options': [401, 200, 403, 403, 200, 200],
  '/api/utilization/summary': [401, 200, 403, 403, 200, 200],
  '/api/utilization/timeseries': [401, 200, 403, 403, 200, 200],
  '/api/utilization/breakdown': [401, 200, 403, 403, 200, 200],
  '/api/utilization/crosstab': [401, 200, 403, 403, 200, 200],
  '/api/utilization/service': [401, 200, 403, 403, 200, 200],
  '/api/utilization/seasonality': [401, 200, 403, 403, 200, 200],
  '/api/utilization/forecast': [401, 200, 403, 403, 200, 200],
  '/api/utilization/quality': [401, 200, 403, 403, 200, 200],
  '/api/status/changes': [401, 200, 200, 200, 403, 200],
  '/api/status/sequences': [401, 200, 200, 200, 403, 200],
  '/api/status/flows': [401, 200, 200, 200, 403, 200],
  '/api/status/outcomes': [401, 200, 200, 200, 403, 200],
  '/api/overview': [401, 200, 200, 200, 403, 200],
  '/api/insights': [401, 200, 200, 200, 200, 200],
  '/api/status/survival': [401, 200, 200, 200, 403, 200],
  // Without the required group a: 400 for the roles that may ask, after the access rules.
  '/api/status/logrank': [401, 400, 400, 400, 403, 400],
  '/api/status/risk': [401, 200, 200, 200, 403, 200],
  // Without the required cohort: 400 for the roles that may ask, after the access rules.
  '/api/reports/cohort': [401, 400, 400, 400, 403, 400],
};

describe('who may call what', () => {
  it('covers every GET route of the API in the matrix', async () => {
    const paths = (await get('/api/docs/json')).json().paths as Record<string, Record<string, unknown>>;
    const gets = Object.entries(paths).filter(([, ops]) => 'get' in ops).map(([p]) => p);
    expect(gets.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.entries(MATRIX))('%s answers each role as declared', async (url, expected) => {
    const actual = [await get(url)];
    for (const role of ROLES) actual.push(await get(url, role));
    expect(actual.map((r) => r.statusCode)).toEqual(expected);
    for (const refused of actual.filter((r) => r.statusCode >= 400)) {
      expect(refused.json()).toEqual({ statusCode: refused.statusCode, error: expect.any(String), message: expect.any(String) });
    }
  });
});

describe('college scope', () => {
  it('pins a college account to its own college in every query', async () => {
    const meta = (await get('/api/meta', 'college')).json();
    expect(meta.colleges.map((c: { name: string }) => c.name)).toEqual(['计算机学院']);
    // Unsuppressed view of the same figures for comparison: 计算机学院 2020 term 1 = S1 50, 80; S2 70, 0.
    const own = (await get(`/api/grades/trends?college=${encodeURIComponent('计算机学院')}`, 'teaching')).json();
    expect(own.rows[0]).toMatchObject({ entry_year: 2020, term_index: 1, n: 4, mean: 50 });
    const scoped = (await get('/api/grades/trends', 'college')).json();
    expect(scoped.rows.map((r: { entry_year: number; term_index: number }) => [r.entry_year, r.term_index])).toEqual(
      own.rows.map((r: { entry_year: number; term_index: number }) => [r.entry_year, r.term_index]),
    );
  });

  it('refuses a college account asking for another college', async () => {
    const response = await get(`/api/grades/trends?college=${encodeURIComponent('外国语学院')}`, 'college');
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/own college \(计算机学院\)/);
  });
});

describe('small-cell suppression', () => {
  it('hides every cell of the tiny archive from leaders (all n < 10) and marks it', async () => {
    const body = (await get('/api/grades/trends', 'leader')).json();
    expect(body.rows).toHaveLength(3);
    for (const row of body.rows) {
      expect(row).toMatchObject({ n: null, mean: null, median: null, p10: null, p90: null, fail_rate: null, suppressed: true });
    }
    expect(body.suppression).toEqual({ threshold: 10, cells: 3 });
  });

  it('shows 教务处 the same cells unsuppressed', async () => {
    const body = (await get('/api/grades/trends', 'teaching')).json();
    expect(body.rows.map((r: { n: number }) => r.n)).toEqual([6, 2, 3]);
    expect(body.rows.some((r: { suppressed?: boolean }) => r.suppressed)).toBe(false);
  });

  it('applies the threshold from the configuration', async () => {
    const loose = await testApp(dataDir, { suppression: { threshold: 3, smallBase: 100 } });
    try {
      const leader = await signIn(loose, 'leader');
      const body = (await loose.inject({ url: '/api/grades/trends', headers: leader.headers })).json();
      // Students behind each cell: 2020/1 S1 S2 S3 = 3, 2020/2 S1 S2 = 2 (S3's 缓考 has no result),
      // 2021/1 S4 S5 = 2. Threshold 3: 2020/2 and 2021/1 are primary; along term_index, cohort 2020's
      // line then has one hidden cell, so 2020/1 (3 students) is hidden as its complement.
      expect(body.rows.map((r: { suppressed?: boolean }) => Boolean(r.suppressed))).toEqual([true, true, true]);
      expect(body.suppression).toEqual({ threshold: 3, cells: 3 });
      const looser = await testApp(dataDir, { suppression: { threshold: 2, smallBase: 100 } });
      try {
        const rows = (await looser.inject({ url: '/api/grades/trends', headers: (await signIn(looser, 'leader')).headers })).json().rows;
        // Threshold 2: no cell has fewer than 2 students, so all are shown; 2021/1's fail rate 1/3 stays a number.
        expect(rows.map((r: { suppressed?: boolean }) => Boolean(r.suppressed))).toEqual([false, false, false]);
        expect(rows[2]).toMatchObject({ n: 3, students: 2, median: 72 });
        expect(rows[2].fail_rate).toBeCloseTo(1 / 3, 10);
      } finally {
        await looser.close();
      }
    } finally {
      await loose.close();
    }
  });
});

describe('sessions and CSRF', () => {
  it('refuses a state change without the CSRF token and accepts it with one', async () => {
    const session = await signIn(app, 'archivist');
    const without = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().message).toMatch(/x-csrf-token/);
    const withToken = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(withToken.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
  });

  it('refuses a forged or tampered session cookie', async () => {
    const forged = await app.inject({ url: '/api/meta', headers: { cookie: 'xueji_session=abc.def' } });
    expect(forged.statusCode).toBe(401);
    const real = sessions.teaching.cookie;
    const tampered = await app.inject({ url: '/api/meta', headers: { cookie: real.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) } });
    expect(tampered.statusCode).toBe(401);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'xueji-demo' } });
    const cookie = response.cookies.find((c) => c.name === 'xueji_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('slows repeated failed sign-ins, even when the right password follows', async () => {
    const attempt = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password }, remoteAddress: '10.9.8.7' });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).statusCode).toBe(401);
    const blocked = await attempt('xueji-demo');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().message).toMatch(/try again in \d+ seconds/);
  });

  it('sends security headers', async () => {
    const response = await get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(response.headers['x-frame-options']).toBeDefined();
  });
});

describe('the audit log', () => {
  it('records who asked what, with rows returned and outcome, and detects tampering', async () => {
    await get(`/api/grades/trends?cohort_from=2020`, 'teaching');
    await get('/api/grades/trends', 'archivist');
    await app.auditLog.flush();
    const entries = await app.auditLog.read();
    const ok = entries.findLast((e) => e.username === 'teaching' && e.route === '/api/grades/trends');
    expect(ok).toMatchObject({ role: 'teaching_affairs', status: 200, rows: 3, params: { cohort_from: 2020 } });
    const refused = entries.findLast((e) => e.username === 'archivist' && e.route === '/api/grades/trends');
    expect(refused).toMatchObject({ status: 403, rows: null });
    expect(entries.some((e) => JSON.stringify(e.params).includes('xueji-demo'))).toBe(false);
    expect(await app.auditLog.verify()).toMatchObject({ firstBroken: -1 });

    const copy = path.join(dataDir, '..', 'audit-copy.jsonl');
    const lines = (await readFile(app.auditLog.file, 'utf8')).trimEnd().split('\n');
    lines[2] = lines[2].replace('"status":200', '"status":201').replace('"status":401', '"status":402');
    await writeFile(copy, `${lines.join('\n')}\n`);
    expect(await new HashChainedLog(copy).verify()).toMatchObject({ firstBroken: 2, reason: 'content does not match its hash' });
  });

  it('lets the admin browse and filter it', async () => {
    await app.auditLog.flush();
    const body = (await get('/api/admin/audit?username=teaching&route=grades&limit=5', 'admin')).json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.rows.every((r: { username: string; route: string }) => r.username === 'teaching' && r.route.includes('grades'))).toBe(true);
    expect(body.chain.first_broken).toBe(-1);
  });

  it('shows the admin where the chain breaks when an entry was altered', async () => {
    await app.auditLog.flush();
    const original = (await readFile(app.auditLog.file, 'utf8')).split('\n');
    const altered = [...original];
    altered[3] = altered[3].replace(/"status":(\d+)/, (_, status) => `"status":${Number(status) + 1}`);
    expect(altered[3]).not.toBe(original[3]);
    await writeFile(app.auditLog.file, altered.join('\n'));
    try {
      const body = (await get('/api/admin/audit?limit=1', 'admin')).json();
      expect(body.chain.first_broken).toBe(3);
    } finally {
      await app.auditLog.flush();
      const now = (await readFile(app.auditLog.file, 'utf8')).split('\n');
      now[3] = original[3]; // later entries chain to the stored hashes, which the alteration left alone
      await writeFile(app.auditLog.file, now.join('\n'));
    }
    expect(await app.auditLog.verify()).toMatchObject({ firstBroken: -1 });
  });
});

describe('production mode', () => {
  it('disables the demo accounts and lists none', async () => {
    const production = await testApp(dataDir, { demo: false });
    try {
      const demo = (await production.inject({ url: '/api/auth/demo-accounts' })).json();
      expect(demo).toEqual({ demo: false, password: null, accounts: [] });
      const login = await production.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'xueji-demo' } });
      expect(login.statusCode).toBe(401);
    } finally {
      await production.close();
    }
  });
});
