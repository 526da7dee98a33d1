// The real public data sets of ../shared/datasets (CC BY 4.0), brought in through their profiles, with
// the counts their SOURCE.md publishes. They are real exports shaped unlike ours: OULAD's quoted CSV with
// '?' for missing values, UCI's ';'-separated UTF-8 with a BOM, CRLF and a tab inside a quoted header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Database } from '../../analytics/db/database.ts';
import { Archive } from '../../analytics/archive/archive.ts';
import { archiveLayout } from '../../analytics/archive/layout.ts';
import { PackageRefused } from '../../analytics/archive/ingest.ts';
import { tempDir } from '../helpers/archive.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const DATASETS = path.resolve(REPO, '../shared/datasets');

let db: Database;
let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('xueji-datasets-'));
  db = await Database.open({ threads: 2 });
});
afterAll(async () => {
  db.close();
  await cleanup();
});

describe('OULAD studentInfo.csv as module results (profile oulad)', () => {
  it('receives every one of the 32,593 published rows, with the published final_result counts', async () => {
    const dataDir = path.join(root, 'oulad-archive');
    const archive = new Archive(db, dataDir);
    // OULAD has no student roster in the archive's sense (entry cohort, level, college…). Grades must
    // refer to known students, so this test first files a placeholder roster of the OULAD student ids,
    // written here from the same file; the grades themselves come through the profile untouched.
    const rosterDir = path.join(root, 'oulad-roster');
    await mkdir(rosterDir, { recursive: true });
    await db.execute(`COPY (
      SELECT DISTINCT id_student AS student_id, NULL AS name, NULL AS gender, NULL AS birth_date, NULL AS province, 2013 AS entry_year,
             '本科' AS level, 6 AS duration_years, 'Open University' AS college, 'OULAD' AS major, NULL AS class_name,
             NULL AS admission_type, NULL AS entrance_score, '在读' AS status
      FROM read_csv('${path.join(DATASETS, 'oulad', 'studentInfo.csv')}', header = true, all_varchar = true) ORDER BY student_id
    ) TO '${path.join(rosterDir, 'students.csv')}' (HEADER true)`);
    const roster = await archive.receive(rosterDir);
    expect(roster.status === 'committed' && roster.manifest.tables.students?.rows_accepted).toBe(28_785); // distinct id_student (SOURCE.md)

    const packageDir = path.join(root, 'oulad-package');
    await mkdir(packageDir, { recursive: true });
    await copyFile(path.join(DATASETS, 'oulad', 'studentInfo.csv'), path.join(packageDir, 'studentInfo.csv'));
    await writeFile(
      path.join(packageDir, 'manifest.json'),
      JSON.stringify({ files: { 'studentInfo.csv': { rows: 32_593, sha256: 'e6057e39d96bf4cb5eaad5da09da29ab473ae6c978be8df9bb2425aadf364773' } } }),
    );
    const result = await archive.receive(packageDir);
    if (result.status !== 'committed') throw new Error('expected a commit');
    const [file] = result.report.files;
    expect(file).toMatchObject({ profile: 'oulad', profile_detected: true, table: 'grades', rows_declared: 32_593, rows_received: 32_593 });
    expect(file.not_kept).toEqual(['gender', 'region', 'highest_education', 'imd_band', 'age_band', 'studied_credits', 'disability']);
    expect(result.report.tables[0]).toMatchObject({ rows_received: 32_593, rows_accepted: 32_593, rows_quarantined: 0 });
    expect(result.report.properties.authenticity.items.find((i) => i.id === 'profile.supplied')?.detail).toMatch(/credits = '1' \(OULAD publishes no module credits/);

    const results = await db.execute(
      `SELECT grade_text, count(*)::INTEGER AS n FROM read_parquet('${archiveLayout(dataDir).accessionTable(result.manifest.accession_id, 'grades')}') GROUP BY 1 ORDER BY 1`,
    );
    // Published class counts (OULAD.names §9, SOURCE.md).
    expect(results).toEqual([
      { grade_text: 'Distinction', n: 3_024 },
      { grade_text: 'Fail', n: 7_052 },
      { grade_text: 'Pass', n: 12_361 },
      { grade_text: 'Withdrawn', n: 10_156 },
    ]);
    // 22 module presentations (published) over 7 modules: in curated grades every row has its cohort.
    const [shape] = await db.execute(`SELECT count(DISTINCT (course_id, academic_year, term))::INTEGER AS presentations, count(*) FILTER (WHERE entry_year IS NULL)::INTEGER AS without_cohort FROM grades`);
    expect(shape).toEqual({ presentations: 22, without_cohort: 0 });
  });
});

describe('UCI dropout data.csv (profile uci-dropout)', () => {
  it('reads all 4,424 published rows, and refuses the package because it lacks entry year, length of study and college', async () => {
    const archive = new Archive(db, path.join(root, 'uci-archive'));
    const error = await archive.receive(path.join(DATASETS, 'uci_dropout_academic_success', 'data.csv')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PackageRefused);
    const refusal = error as PackageRefused;
    expect(refusal.message).toMatch(/^data\.csv: read with profile uci-dropout as students, but nothing in it gives the required columns entry_year, duration_years, college/);
    const [file] = refusal.report!.files;
    expect(file).toMatchObject({ profile: 'uci-dropout', profile_detected: true, delimiter: ';', encoding: 'utf-8', rows_received: 4_424, sha256: '3ef126de5cefff26eb11fbb4237f1a1401cb64b488e2f1d598c23cedeb4c45ae' });
    expect(file.encoding_basis).toMatch(/byte-order mark/);
    expect(file.header).toHaveLength(37);
    expect(file.header[4]).toBe('Daytime/evening attendance');
    expect(refusal.report!.tables[0]).toMatchObject({ rows_received: 4_424, rows_accepted: 0, rows_quarantined: 4_424 });
    expect(refusal.report!.tables[0].rules.map((r) => [r.rule, r.rows])).toEqual([
      ['students.required.college', 4_424],
      ['students.required.duration_years', 4_424],
      ['students.required.entry_year', 4_424],
    ]);
  });
});
