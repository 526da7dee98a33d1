// A real data set through the status metrics: UCI "Predict Students' Dropout and Academic Success"
// (4,424 students, one outcome each), received through a header-mapping profile
// (data/samples/uci-dropout-register/), must come back from GET /api/status/outcomes with its published
// outcome counts — Graduate 2,209, Dropout 1,421, Enrolled 794 (shared/datasets/…/SOURCE.md: the UCI page
// and the data descriptor, Realinho et al. 2022).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Archive } from '../../analytics/archive/archive.ts';
import { Database } from '../../analytics/db/database.ts';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { DATASETS, SAMPLES, tempDir } from '../helpers/archive.ts';

const DATA = path.join(DATASETS, 'uci_dropout_academic_success/data.csv');
const PROFILE = path.join(SAMPLES, 'uci-dropout-register', 'profile.json');
const PUBLISHED = { students: 4424, graduate: 2209, dropout: 1421, enrolled: 794 };

let app: FastifyInstance;
let cleanup: () => Promise<void>;
let teaching: Session;
let received: Awaited<ReturnType<Archive['receive']>>;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const dataDir = path.join(temp.dir, 'archive');
  const db = await Database.open({ threads: 1, memoryLimit: '512MB' });
  try {
    received = await new Archive(db, dataDir).receive(DATA, { profile: PROFILE, table: 'students' });
  } finally {
    db.close();
  }
  app = await testApp(dataDir);
  teaching = await signIn(app, 'teaching');
});

afterAll(async () => {
  await app?.close();
  await cleanup?.();
});

async function outcomes(query = '') {
  const response = await app.inject({ url: `/api/status/outcomes${query}`, headers: teaching.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { as_of: string; rows: Record<string, unknown>[] };
}

describe('the UCI dropout data set through a profile', () => {
  it('is received whole: every row of the published file accepted', () => {
    if (received.status !== 'committed') throw new Error(`the package was not committed: ${received.status}`);
    expect(received.manifest.tables.students).toMatchObject({ rows_read: PUBLISHED.students, rows_accepted: PUBLISHED.students, rows_quarantined: 0 });
  });

  it('reproduces the published outcome counts in GET /api/status/outcomes', async () => {
    const { rows } = await outcomes();
    expect(rows).toHaveLength(1); // one nominal cohort: the data set has no entry year
    expect(rows[0]).toMatchObject({
      n: PUBLISHED.students,
      graduated: PUBLISHED.graduate,
      withdrawn: PUBLISHED.dropout,
      enrolled: PUBLISHED.enrolled,
      on_leave: 0,
      completed: 0,
      transferred: 0,
      excluded: 0,
    });
  });

  it('invents no timed measure: without dates the windows are undated or not yet measurable, never 0', async () => {
    const [row] = (await outcomes()).rows;
    for (const measure of ['retention', 'grad_100', 'grad_150', 'grad_200']) {
      expect(['undated', 'not_yet']).toContain(row[`${measure}_state`]);
      expect(row[`${measure}_rate`]).toBeNull();
    }
  });

  it('gives the same counts per course (major), summing to the published totals', async () => {
    const { rows } = await outcomes('?by=major');
    expect(rows).toHaveLength(17); // 17 degrees (SOURCE.md)
    const sum = (field: string) => rows.reduce((total, r) => total + (r[field] as number), 0);
    expect([sum('n'), sum('graduated'), sum('withdrawn'), sum('enrolled')]).toEqual([
      PUBLISHED.students,
      PUBLISHED.graduate,
      PUBLISHED.dropout,
      PUBLISHED.enrolled,
    ]);
  });
});
