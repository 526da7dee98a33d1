// Builds a throwaway archive from transfer packages, for tests.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../analytics/db/database.ts';
import { Archive } from '../../analytics/archive/archive.ts';

export const SAMPLES = path.resolve(import.meta.dirname, '../../data/samples');
/** The real public data sets, in the shared folder beside the repository (CI has a copy there too). */
export const DATASETS = path.resolve(import.meta.dirname, '../../../shared/datasets');

export async function tempDir(prefix = 'xueji-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * An archive folder (<temp>/archive) holding the given packages, received in order; the database used
 * is closed. Its parent folder is free for the accounts and audit files of a test app.
 */
export async function archiveFrom(...packageDirs: string[]): Promise<{ dataDir: string; cleanup: () => Promise<void> }> {
  const { dir: root, cleanup } = await tempDir();
  const dir = path.join(root, 'archive');
  const db = await Database.open({ threads: 1, memoryLimit: '512MB' });
  try {
    const archive = new Archive(db, dir);
    for (const packageDir of packageDirs) await archive.receive(packageDir);
  } finally {
    db.close();
  }
  return { dataDir: dir, cleanup };
}
