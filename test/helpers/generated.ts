// A generated university ingested into an archive, built once per (students, seed) and shared by every
// test file that asks for it (vitest runs files in separate workers): it is built in a private folder
// and renamed into place, so concurrent workers either find the finished archive or build their own and
// lose the rename race harmlessly. Tests must treat it as read-only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateUniversity } from '../../analytics/generator/index.ts';
import { Database } from '../../analytics/db/database.ts';
import { Archive } from '../../analytics/archive/archive.ts';
import { ATTEMPT_RULES, DEFAULT_ROLLED_UP_ATTEMPTS, type AttemptRule } from '../../analytics/archive/attempt-rules.ts';

const ROOT = path.join(os.tmpdir(), 'xueji-test-generated');
const REPO = path.resolve(import.meta.dirname, '../..');

/** A fingerprint of the code that shapes the archive (generator, schema, ingest, curation, rollups and the
 * metric parts and status macros the rollups run), so a changed one never reuses a stale archive. */
function codeFingerprint(): string {
  const hash = createHash('sha256');
  for (const folder of ['analytics/generator', 'analytics/archive', 'sql/schema', 'sql/archive', 'sql/rollups', 'sql/metrics/grades/parts', 'sql/metrics/status', 'sql/metrics/status/parts', 'sql/metrics/utilization/parts']) {
    for (const name of readdirSync(path.join(REPO, folder)).sort()) {
      if (/\.(ts|sql)$/.test(name)) hash.update(name).update(readFileSync(path.join(REPO, folder, name)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/** The generated university most API tests share: 4,000 students, every attempt rule rolled up (so the
 * rollup tests hold each rule's twins to the detail). */
export const sharedArchive = (): Promise<string> => generatedArchive(4000, 42, { rollupAttempts: ATTEMPT_RULES });

/**
 * The attempt rules the rollup tests compare twin and detail under, beyond the trends (which
 * grades-rollup.test.ts compares under all three and every filter): the default and best. A rule
 * changes the counted rows, not the filters (the same SQL under every rule), and latest takes best's
 * path with another order, so best is compared for the whole school, where its detail costs most.
 */
export const COMPARED_RULES = ['first', 'best'] as const;

/**
 * The archive folder (data dir) of a generated university; its parent is free for accounts/audit.
 * Planted (the generator's known effects) unless told otherwise; its rollups for the default attempt
 * rule only unless told otherwise, as curation builds them.
 */
export async function generatedArchive(students: number, seed: number, options: { planted?: boolean; rollupAttempts?: readonly AttemptRule[] } = {}): Promise<string> {
  const planted = options.planted ?? true;
  const attempts = options.rollupAttempts ?? DEFAULT_ROLLED_UP_ATTEMPTS;
  const final = path.join(ROOT, `n${students}-s${seed}${planted ? '' : '-unplanted'}-${attempts.join('+')}-${codeFingerprint()}`);
  const dataDir = path.join(final, 'archive');
  if (existsSync(path.join(final, 'READY'))) return dataDir;
  const work = `${final}.building-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(work, { recursive: true });
  try {
    const packageDir = path.join(work, 'package');
    await generateUniversity({ students, seed, outDir: packageDir, planted });
    const db = await Database.open({ threads: 1, memoryLimit: '1GB' });
    try {
      await new Archive(db, path.join(work, 'archive'), { rollupAttempts: attempts }).receive(packageDir);
    } finally {
      db.close();
    }
    await rm(packageDir, { recursive: true, force: true });
    await mkdir(path.join(work, 'READY'));
    await rename(work, final).catch(async () => {
      // Another worker finished first: use its archive.
      await rm(work, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return dataDir;
}
