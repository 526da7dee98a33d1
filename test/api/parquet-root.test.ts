// XUEJI_PARQUET_ROOT: the API reads curated data from another root with the archive's reader layout
// (VERSION + curated/), e.g. a mounted object store; here a copy of tiny-university's, served by an app
// whose own archive folder is empty. The figures are the hand-checked ones of the sample's README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { readConfig } from '../../analytics/config.ts';
import { signIn, testApp } from '../helpers/app.ts';
import { archiveFrom, SAMPLES, tempDir } from '../helpers/archive.ts';

let app: FastifyInstance;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'tiny-university'));
  cleanups.push(archive.cleanup);
  const mounted = await tempDir('xueji-parquet-root-');
  cleanups.push(mounted.cleanup);
  await cp(path.join(archive.dataDir, 'VERSION'), path.join(mounted.dir, 'VERSION'));
  await cp(path.join(archive.dataDir, 'curated'), path.join(mounted.dir, 'curated'), { recursive: true });
  const empty = path.join(mounted.dir, 'local-archive');
  await mkdir(empty);
  app = await testApp(empty, { archive: { readRoot: mounted.dir } });
});

afterAll(async () => {
  await app.close();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('another Parquet root', () => {
  it('is read from the environment as an absolute path, and the cache switch with it', () => {
    const config = readConfig({ XUEJI_PARQUET_ROOT: 'mnt/curated-copy', XUEJI_RESPONSE_CACHE: 'off' });
    expect(config.parquetRoot).toBe(path.resolve('mnt/curated-copy'));
    expect(config.responseCache).toBe(false);
    expect(readConfig({}).parquetRoot).toBeNull();
    expect(readConfig({}).responseCache).toBe(true);
  });

  it('serves the curated data found there, rollups included', async () => {
    const teaching = await signIn(app, 'teaching');
    const response = await app.inject({ url: '/api/grades/trends', headers: teaching.headers });
    expect(response.statusCode).toBe(200);
    expect(app.archive.hasRollup('grade_trends')).toBe(true);
    // README: 2020 term 1 — 0, 50, 60, 70, 80, 95.
    expect(response.json().rows[0]).toMatchObject({ entry_year: 2020, term_index: 1, n: 6, median: 65, p10: 25, p90: 87.5 });
  });
});
