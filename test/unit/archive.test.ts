// The archive's promises: bad rows quarantined with their reasons (never dropped), the same package
// twice is a no-op, a later package supersedes by natural key while the earlier accession stays,
// refused packages commit nothing, and the register's hash chain exposes tampering.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Database } from '../../analytics/db/database.ts';
import { Archive } from '../../analytics/archive/archive.ts';
import { archiveLayout } from '../../analytics/archive/layout.ts';
import { newVersionId, VersionReader, writeVersion } from '../../analytics/archive/version.ts';
import { PackageRefused } from '../../analytics/archive/ingest.ts';
import { accessionRegister } from '../../analytics/archive/register.ts';
import { verifyChain } from '../../analytics/ledger/hash-chained-log.ts';
import { SAMPLES, tempDir } from '../helpers/archive.ts';

let db: Database;
let archive: Archive;
let dataDir: string;
let cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  const temp = await tempDir();
  dataDir = temp.dir;
  cleanups.push(temp.cleanup);
  db = await Database.open({ threads: 1 });
  // tiny-bad has 4 bad grade rows of 5, far above the default limit on rejected rows (20%); these tests
  // are about what happens to bad rows, so the limit is lifted here (test/unit/ingest-checks.test.ts
  // tests the limit itself).
  archive = new Archive(db, dataDir, { maxRejectedShare: 1 });
});

afterEach(async () => {
  db.close();
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function accessionFolders(): Promise<string[]> {
  return (await readdir(archiveLayout(dataDir).accessions)).filter((name) => name.startsWith('A'));
}

/** A copy of a sample package in a temp folder, to change before receiving it. */
async function copyOf(sample: string): Promise<string> {
  const temp = await tempDir('xueji-package-');
  cleanups.push(temp.cleanup);
  await cp(path.join(SAMPLES, sample), temp.dir, { recursive: true });
  return temp.dir;
}

describe('receiving a package', () => {
  it('quarantines each bad row with every rule it broke, and accepts the rest', async () => {
    const result = await archive.receive(path.join(SAMPLES, 'tiny-bad'));
    expect(result.status).toBe('committed');
    if (result.status !== 'committed') return;
    expect(result.manifest.tables.grades).toMatchObject({ rows_read: 5, rows_accepted: 1, rows_quarantined: 4 });
    expect(result.manifest.tables.students).toMatchObject({ rows_read: 5, rows_accepted: 5, rows_quarantined: 0 });
    const quarantined = await db.execute(
      `SELECT source_file, source_row, problems, academic_year FROM read_parquet('${archiveLayout(dataDir).accessionQuarantine(result.manifest.accession_id, 'grades')}') ORDER BY source_row`,
    );
    expect(quarantined).toEqual([
      { source_file: 'grades.csv', source_row: 1, problems: 'duplicate natural key (S1/MA101/2020/1/正常) in this package', academic_year: '2020' },
      { source_file: 'grades.csv', source_row: 2, problems: 'duplicate natural key (S1/MA101/2020/1/正常) in this package', academic_year: '2020' },
      { source_file: 'grades.csv', source_row: 3, problems: 'academic_year: "二〇二〇" is not a valid whole number', academic_year: '二〇二〇' },
      { source_file: 'grades.csv', source_row: 4, problems: 'credits is required', academic_year: '2020' },
    ]);
    expect(await db.execute('SELECT student_id, course_id, source_row FROM grades')).toEqual([
      { student_id: 'S4', course_id: 'EN101', source_row: 5 },
    ]);
  });

  it('records checksums and counts in the manifest and partitions curated data by cohort', async () => {
    const result = await archive.receive(path.join(SAMPLES, 'tiny-university'));
    if (result.status !== 'committed') throw new Error('expected a commit');
    const csv = await readFile(path.join(SAMPLES, 'tiny-university', 'grades.csv'));
    const { createHash } = await import('node:crypto');
    expect(result.manifest.tables.grades).toMatchObject({
      sha256: createHash('sha256').update(csv).digest('hex'),
      bytes: csv.length,
      rows_read: 14,
      rows_accepted: 14,
    });
    const partitions = await readdir(path.join(archiveLayout(dataDir).curatedTable(result.version!, 'grades')));
    expect(partitions.sort()).toEqual(['entry_year=2020', 'entry_year=2021']);
  });

  it('treats the same package received twice as a no-op that says so', async () => {
    const first = await archive.receive(path.join(SAMPLES, 'tiny-university'));
    const second = await archive.receive(path.join(SAMPLES, 'tiny-university'));
    expect(second).toMatchObject({ status: 'already-received', version: first.version });
    expect(await accessionFolders()).toHaveLength(1);
  });

  it('lets a later package supersede by natural key while the earlier accession stays', async () => {
    await archive.receive(path.join(SAMPLES, 'tiny-university'));
    const correction = await copyOf('tiny-university');
    await writeFile(
      path.join(correction, 'students.csv'),
      'student_id,name,gender,birth_date,province,entry_year,level,duration_years,college,major,class_name,admission_type,entrance_score,status\n' +
        'S2,李四,女,2002-05-06,浙江,2020,本科,4,计算机学院,软件工程,软件2020-1班,统招,588,休学\n',
    );
    await writeFile(
      path.join(correction, 'grades.csv'),
      'student_id,academic_year,term,course_id,course_name,course_nature,credits,score,grade_text,grade_point,exam_type,teaching_dept\n' +
        'S1,2020,1,MA101,高等数学,必修,5,52,52,0,正常,数学学院\n',
    );
    const corrected = await archive.receive(correction);
    expect(corrected.status).toBe('committed');
    expect(await accessionFolders()).toHaveLength(2);
    expect(await db.execute(`SELECT student_id, status FROM students WHERE student_id IN ('S1', 'S2') ORDER BY student_id`)).toEqual([
      { student_id: 'S1', status: '在读' },
      { student_id: 'S2', status: '休学' },
    ]);
    expect(await db.execute(`SELECT score FROM grades WHERE student_id = 'S1' AND course_id = 'MA101' AND exam_type = '正常'`)).toEqual([
      { score: 52 },
    ]);
    expect(await db.execute('SELECT count(*)::INTEGER AS n FROM grades')).toEqual([{ n: 14 }]);
  });

  it('refuses a package whose columns are not the canonical ones, committing nothing', async () => {
    const renamed = await copyOf('tiny-university');
    const csv = await readFile(path.join(renamed, 'grades.csv'), 'utf8');
    await writeFile(path.join(renamed, 'grades.csv'), csv.replace('course_name', '课程名称'));
    await expect(archive.receive(renamed)).rejects.toThrow(/grades\.csv: missing columns course_name; unknown columns 课程名称/);
    await expect(archive.receive(renamed)).rejects.toBeInstanceOf(PackageRefused);
    expect(await accessionFolders()).toEqual([]);
    expect(await archive.ensureCurrent()).toBeNull();
  });

  it('refuses a file whose checksum differs from the sender manifest', async () => {
    const tampered = await copyOf('tiny-university');
    await writeFile(path.join(tampered, 'manifest.json'), JSON.stringify({ files: { 'grades.csv': { sha256: 'ab'.repeat(32) } } }));
    await expect(archive.receive(tampered)).rejects.toThrow(/grades\.csv: SHA-256 is [0-9a-f]{64} but the sender's manifest declares/);
    expect(await accessionFolders()).toEqual([]);
  });
});

describe('the accession register', () => {
  it('chains each entry to the one before and names the first altered entry', async () => {
    await archive.receive(path.join(SAMPLES, 'tiny-university'));
    await archive.receive(path.join(SAMPLES, 'tiny-bad'));
    const file = archiveLayout(dataDir).register;
    const entries = await accessionRegister(file).read();
    expect(entries).toHaveLength(2);
    expect(verifyChain(entries)).toEqual({ entries: 2, firstBroken: -1 });
    entries[1].tables.grades.accepted = 5;
    expect(verifyChain(entries)).toMatchObject({ firstBroken: 1, reason: 'content does not match its hash' });
    entries.splice(0, 1);
    expect(verifyChain(entries)).toMatchObject({ firstBroken: 0 });
  });
});

describe('curated versions', () => {
  it('swaps VERSION to a new folder and keeps the one before for readers mid-query', async () => {
    const first = await archive.receive(path.join(SAMPLES, 'tiny-university'));
    const second = await archive.receive(path.join(SAMPLES, 'tiny-bad'));
    expect(second.version).not.toBe(first.version);
    expect((await readFile(archiveLayout(dataDir).versionFile, 'utf8')).trim()).toBe(second.version);
    const versions = (await readdir(archiveLayout(dataDir).curated)).sort();
    expect(versions).toEqual([first.version, second.version].sort());
  });

  it('lets a server see each new VERSION at once, and none once it is gone', async () => {
    const file = path.join(dataDir, 'VERSION');
    const reader = new VersionReader(file);
    expect(await reader.read()).toBeNull();
    // Ids of one length, a second apart: each swap keeps the size, so only the new file tells.
    for (let second = 0; second < 20; second++) {
      const version = newVersionId(new Date(Date.UTC(2026, 10, 29, 8, 0, second)));
      await writeVersion(file, version);
      expect(await reader.read()).toBe(version);
      expect(await reader.read()).toBe(version);
    }
    await rm(file);
    expect(await reader.read()).toBeNull();
  });
});
