// The bench's data sets: generated once per size into a cache folder (default under os.tmpdir(),
// overridable with --cache) and reused, then ingested once into an archive beside the package; the
// ingest's throughput is measured then and kept in dataset.json for later runs to report.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateUniversity } from '../../analytics/generator/index.ts';
import { Database } from '../../analytics/db/database.ts';
import { Archive } from '../../analytics/archive/archive.ts';
import { archiveLayout } from '../../analytics/archive/layout.ts';
import { currentVersion } from '../../analytics/archive/curate.ts';
import { readConfig } from '../../analytics/config.ts';
import { ROLLUPS, type RollupView } from '../../analytics/archive/rollups.ts';

/** S is the demo (the README's first command), M about a mid-size university, L a large one. */
export const SIZES = { S: 20_000, M: 64_000, L: 300_000 } as const;
export type Size = keyof typeof SIZES;
export const SEED = 42;

export const DEFAULT_CACHE = path.join(os.tmpdir(), 'xueji-bench');

export interface Dataset {
  size: Size;
  students: number;
  folder: string;
  packageDir: string;
  dataDir: string;
  rows: { total: number; grades: number; utilization: number };
  ingest: { seconds: number; ingestSeconds: number; curateSeconds: number; rowsPerSecond: number; measuredAt: string };
}

export async function ensureDataset(size: Size, cacheDir: string, log: (line: string) => void): Promise<Dataset> {
  const students = SIZES[size];
  const folder = path.join(cacheDir, `${size}-${students}-${SEED}`);
  const packageDir = path.join(folder, 'package');
  const dataDir = path.join(folder, 'archive');
  const recordFile = path.join(folder, 'dataset.json');

  if (!existsSync(path.join(packageDir, 'manifest.json'))) {
    log(`${size}: generating ${students.toLocaleString('en')} students (seed ${SEED}) into ${packageDir} …`);
    const partial = `${packageDir}.partial`;
    await rm(partial, { recursive: true, force: true });
    await generateUniversity({ students, seed: SEED, outDir: partial });
    await rename(partial, packageDir);
  }
  const manifest = JSON.parse(await readFile(path.join(packageDir, 'manifest.json'), 'utf8')) as { students: number; seed: number; files: Record<string, { rows: number }> };
  if (manifest.students !== students || manifest.seed !== SEED) throw new Error(`${packageDir} holds ${manifest.students} students, seed ${manifest.seed}: not size ${size}`);
  const rows = {
    total: Object.values(manifest.files).reduce((sum, file) => sum + file.rows, 0),
    grades: manifest.files['grades.csv']?.rows ?? 0,
    utilization: manifest.files['utilization.csv']?.rows ?? 0,
  };

  if (existsSync(recordFile) && (await currentVersion(dataDir)) !== null) {
    const record = JSON.parse(await readFile(recordFile, 'utf8')) as Dataset;
    await ensureRollups(dataDir, log);
    return { ...record, folder, packageDir, dataDir };
  }

  log(`${size}: ingesting ${rows.total.toLocaleString('en')} rows into ${dataDir} …`);
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const config = readConfig();
  const db = await Database.open({ memoryLimit: config.duckdbMemoryLimit.ingest, threads: config.duckdbThreads, tempDirectory: archiveLayout(dataDir).work });
  let ingest: Dataset['ingest'];
  try {
    const started = performance.now();
    let committedAt = 0;
    const result = await new Archive(db, dataDir, { rollupAttempts: config.rollupAttempts }).receive(packageDir, {
      onProgress: (progress) => {
        if (progress.phase === 'curating') committedAt = performance.now();
      },
    });
    const done = performance.now();
    if (result.status !== 'committed') throw new Error(`${size}: the package was not committed (${result.status})`);
    const seconds = (done - started) / 1000;
    ingest = {
      seconds,
      ingestSeconds: (committedAt - started) / 1000,
      curateSeconds: (done - committedAt) / 1000,
      rowsPerSecond: rows.total / seconds,
      measuredAt: new Date().toISOString(),
    };
  } finally {
    db.close();
  }
  const record: Dataset = { size, students, folder, packageDir, dataDir, rows, ingest };
  await writeFile(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

/**
 * An archive curated before the rollups existed, or without the attempt rules asked for
 * (XUEJI_ROLLUP_ATTEMPTS), gets them (a new version) before it is measured — as the archive itself
 * sees a version's rollups and rules.
 */
async function ensureRollups(dataDir: string, log: (line: string) => void): Promise<void> {
  const config = readConfig();
  const db = await Database.open({ memoryLimit: config.duckdbMemoryLimit.ingest, threads: config.duckdbThreads, tempDirectory: archiveLayout(dataDir).work });
  try {
    const archive = new Archive(db, dataDir, { rollupAttempts: config.rollupAttempts });
    const version = await archive.ensureCurrent();
    const complete = (Object.values(ROLLUPS) as RollupView[]).every((view) => archive.hasRollup(view)) && config.rollupAttempts.every((rule) => archive.hasRolledUpAttempt(rule));
    if (version === null || complete) return;
    log(`${dataDir}: version ${version} lacks rollups (attempt rules ${config.rollupAttempts.join(', ')}); curating a new version …`);
    await archive.recurate();
  } finally {
    db.close();
  }
}
