// Receiving real-shaped exports from data/samples: foreign systems through their profiles (ZFSoft CSV,
// Kingosoft XLSX, Chinese headers in GBK, JSON Lines), each kind of bad row quarantined with its rule
// and line, and whole-package refusals that commit nothing (too many bad rows, a truncated file,
// missing columns, a wrong declared encoding, unexpected file types). Accepted + quarantined =
// received in every committed report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Database } from '../../analytics/db/database.ts';
import { Archive } from '../../analytics/archive/archive.ts';
import { archiveLayout } from '../../analytics/archive/layout.ts';
import { PackageRefused, type IngestResult } from '../../analytics/archive/ingest.ts';
import { accessionRegister } from '../../analytics/archive/register.ts';
import { exportQuarantineCsv } from '../../analytics/ingest/quarantine-export.ts';
import type { IngestReport } from '../../analytics/ingest/report.ts';
import { readConfig } from '../../analytics/config.ts';
import { SAMPLES, tempDir } from '../helpers/archive.ts';

let db: Database;
let archive: Archive;
let dataDir: string;
let cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  const temp = await tempDir();
  cleanups.push(temp.cleanup);
  dataDir = temp.dir;
  db = await Database.open({ threads: 1 });
  archive = new Archive(db, dataDir);
});

afterEach(async () => {
  db.close();
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

const sample = (name: string) => path.join(SAMPLES, name);

function committed(result: IngestResult): Extract<IngestResult, { status: 'committed' }> {
  if (result.status !== 'committed') throw new Error(`expected a commit, got ${result.status}`);
  for (const t of result.report.tables) expect(t.rows_accepted + t.rows_quarantined).toBe(t.rows_received);
  expect(result.report.totals.accepted + result.report.totals.quarantined).toBe(result.report.totals.received);
  return result;
}

async function refusal(promise: Promise<unknown>): Promise<PackageRefused> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageRefused);
  return error as PackageRefused;
}

async function accessions(): Promise<string[]> {
  return (await readdir(archiveLayout(dataDir).accessions)).filter((name) => !name.endsWith('.jsonl'));
}

const rows = (file: string, columns = '*', order = 'source_row') => db.execute(`SELECT ${columns} FROM read_parquet('${file}') ORDER BY ${order}`);

describe('foreign exports through their profiles', () => {
  it('reads a ZFSoft export: term codes 3/12/16, five-level and absent grades, exam-type spellings', async () => {
    await archive.receive(sample('tiny-university'));
    const result = committed(await archive.receive(sample('zfsoft-grades')));
    expect(result.report.files[0]).toMatchObject({ profile: 'zfsoft', profile_detected: true, table: 'grades', rows_received: 8, not_kept: ['xm'] });
    expect(result.report.tables[0]).toMatchObject({ rows_received: 8, rows_accepted: 8, rows_quarantined: 0 });
    const accepted = await rows(archiveLayout(dataDir).accessionTable(result.manifest.accession_id, 'grades'), 'student_id, academic_year, term, course_id, score, grade_text, exam_type');
    expect(accepted).toEqual([
      { student_id: 'S1', academic_year: 2020, term: 1, course_id: 'MA201', score: 95, grade_text: '优', exam_type: '正常' },
      { student_id: 'S1', academic_year: 2020, term: 2, course_id: 'MA202', score: 87, grade_text: '87', exam_type: '正常' },
      { student_id: 'S2', academic_year: 2020, term: 1, course_id: 'MA201', score: 0, grade_text: '缺考', exam_type: '正常' },
      { student_id: 'S2', academic_year: 2020, term: 2, course_id: 'MA201', score: 65, grade_text: '65', exam_type: '补考' },
      { student_id: 'S3', academic_year: 2020, term: 3, course_id: 'PE101', score: 65, grade_text: '合格', exam_type: '正常' },
      { student_id: 'S3', academic_year: 2020, term: 1, course_id: 'MA201', score: null, grade_text: '缓考', exam_type: '缓考' },
      { student_id: 'S4', academic_year: 2021, term: 1, course_id: 'MA201', score: 85, grade_text: '良', exam_type: '正常' },
      { student_id: 'S5', academic_year: 2021, term: 1, course_id: 'MA201', score: 58, grade_text: '58', exam_type: '重修' },
    ]);
  });

  it('reads a Kingosoft XLSX: first sheet, formulas by their result, blank rows skipped, Excel row numbers as lines', async () => {
    await archive.receive(sample('tiny-university'));
    const result = committed(await archive.receive(sample('kingosoft-grades')));
    expect(result.report.files[0]).toMatchObject({ format: 'xlsx', sheet: '成绩单', profile: 'kingosoft', rows_received: 6 });
    const accepted = await rows(archiveLayout(dataDir).accessionTable(result.manifest.accession_id, 'grades'), 'student_id, academic_year, term, score, grade_text, exam_type, credits, source_row');
    expect(accepted.map((r) => [r.student_id, r.academic_year, r.term, r.score, r.grade_text, r.exam_type])).toEqual([
      ['S1', 2020, 1, 92, '92', '正常'],
      ['S1', 2020, 2, 85, '良', '正常'],
      ['S2', 2020, 1, 55, '55', '正常'],
      ['S2', 2020, 2, 71, '71', '补考'],
      ['S3', 2020, 1, null, '缓考', '缓考'],
      ['S4', 2021, 1, 85, '85', '正常'],
    ]);
    expect(accepted[5].credits).toBe(4.5);
  });

  it('refuses a named sheet the workbook lacks, naming the sheets it has', async () => {
    const error = await refusal(archive.receive(sample('kingosoft-grades'), { sheet: '成绩' }));
    expect(error.message).toMatch(/has no sheet named "成绩"; its sheets are 成绩单, 说明/);
  });

  it('detects GBK and Chinese headers without being told, mapping 学年学期, five-level grades, gender codes and "2019级"', async () => {
    const result = committed(await archive.receive(sample('chinese-gbk')));
    for (const file of result.report.files) {
      expect(file).toMatchObject({ encoding: 'gb18030', profile: 'chinese', profile_detected: true });
      expect(file.encoding_basis).toMatch(/not valid UTF-8/);
    }
    const id = result.manifest.accession_id;
    expect(await rows(archiveLayout(dataDir).accessionTable(id, 'students'), 'student_id, gender, entry_year, duration_years, entrance_score')).toEqual([
      { student_id: 'G1', gender: '男', entry_year: 2019, duration_years: 4, entrance_score: 600 },
      { student_id: 'G2', gender: '女', entry_year: 2019, duration_years: 4, entrance_score: 590 },
      { student_id: 'G3', gender: '女', entry_year: 2019, duration_years: 4, entrance_score: null },
    ]);
    expect(await rows(archiveLayout(dataDir).accessionTable(id, 'grades'), 'academic_year, term, score, grade_text, exam_type')).toEqual([
      { academic_year: 2019, term: 1, score: 85, grade_text: '良', exam_type: '正常' },
      { academic_year: 2019, term: 2, score: 91, grade_text: '91', exam_type: '正常' },
      { academic_year: 2019, term: 1, score: 55, grade_text: '不及格', exam_type: '正常' },
      { academic_year: 2019, term: 2, score: 65, grade_text: '及格', exam_type: '补考' },
      { academic_year: 2019, term: 1, score: 0, grade_text: '缺考', exam_type: '正常' },
    ]);
  });

  it('refuses the GBK package when it is declared UTF-8, and commits nothing', async () => {
    const error = await refusal(archive.receive(sample('chinese-gbk'), { encoding: 'utf-8' }));
    expect(error.message).toMatch(/declared UTF-8 but is not: the byte at offset \d+ is not valid UTF-8/);
    expect(await accessions()).toEqual([]);
  });

  it('reads JSON Lines, quarantining a line that is not JSON with its line number', async () => {
    await archive.receive(sample('tiny-university'));
    const result = committed(await archive.receive(sample('jsonl-awards')));
    expect(result.report.tables[0]).toMatchObject({ table: 'awards_punishments', rows_received: 10, rows_accepted: 9, rows_quarantined: 1 });
    const [bad] = await rows(archiveLayout(dataDir).accessionQuarantine(result.manifest.accession_id, 'awards_punishments'), 'source_line, problems, rules');
    expect(bad.source_line).toBe(8);
    expect((bad.rules as string[])[0]).toBe('read.shape');
    expect(bad.problems).toMatch(/^the line is not valid JSON/);
  });
});

describe('bad rows', () => {
  it('quarantines each kind of bad row with every rule it broke and its line, and accepts the rest', async () => {
    const result = committed(await archive.receive(sample('bad-rows')));
    const id = result.manifest.accession_id;
    expect(result.manifest.tables.students).toMatchObject({ rows_read: 34, rows_accepted: 30, rows_quarantined: 4 });
    expect(result.manifest.tables.grades).toMatchObject({ rows_read: 70, rows_accepted: 60, rows_quarantined: 10 });
    const students = await rows(archiveLayout(dataDir).accessionQuarantine(id, 'students'), 'source_line, problems, rules');
    expect(students).toEqual([
      { source_line: 32, problems: 'gender: "X" is not 男 or 女', rules: ['students.gender'] },
      { source_line: 33, problems: 'birth_date: "2002-02-30" is not a valid date (YYYY-MM-DD)', rules: ['students.type.birth_date'] },
      {
        source_line: 34,
        problems: expect.stringMatching(/^level: "高中" is not 本科, 专科, 硕士 or 博士; entry_year: 1900 is not between 1949 and \d{4}$/),
        rules: ['students.level', 'students.entry-year'],
      },
      { source_line: 35, problems: 'major is required; duration_years: 0 is not 1 to 10', rules: ['students.required.major', 'students.duration'] },
    ]);
    const grades = await rows(archiveLayout(dataDir).accessionQuarantine(id, 'grades'), 'source_line, rules, course_name, source_fields');
    expect(grades.map((g) => [g.source_line, g.rules])).toEqual([
      [62, ['grades.score']],
      [64, ['grades.credits']],
      [65, ['grades.term']],
      [66, ['grades.exam-type']],
      [67, ['grades.academic-year']],
      [68, ['grades.student-known']],
      [69, ['grades.unique-key']],
      [70, ['grades.unique-key']],
      [71, ['read.shape']],
      [72, ['grades.grade-point']],
    ]);
    // The record spanning lines 62–63 keeps its newline; the ragged row keeps its surplus field.
    expect(grades[0].course_name).toBe('大学物理\n（含实验）');
    expect((grades[8].source_fields as string[]).at(-1)).toBe('多余的一列');
    expect(result.report.tables.find((t) => t.table === 'grades')!.rules.find((r) => r.rule === 'grades.unique-key')).toMatchObject({ rows: 2, first_line: 69 });
    expect(result.report.properties.integrity.status).toBe('warn');
  });

  it('refuses a package whose share of bad rows is above the limit, with the report, committing nothing', async () => {
    await archive.receive(sample('tiny-university'));
    const versionBefore = await archive.ensureCurrent();
    const error = await refusal(archive.receive(sample('tiny-bad')));
    expect(error.message).toMatch(/grades: 4 of 5 rows \(80\.0%\) broke the rules, above the limit of 20\.0%/);
    expect(error.report).toMatchObject({ status: 'refused', accession_id: null, totals: { received: 10, accepted: 6, quarantined: 4 } });
    expect(error.report!.properties.integrity.status).toBe('fail');
    expect(await accessions()).toHaveLength(1);
    expect(await archive.ensureCurrent()).toBe(versionBefore);
    // The same package under a looser limit is received: the limit is configuration.
    expect((await archive.receive(sample('tiny-bad'), { maxRejectedShare: 0.9 })).status).toBe('committed');
    expect(readConfig({ XUEJI_MAX_REJECTED_SHARE: '0.05' }).maxRejectedShare).toBe(0.05);
    expect(() => readConfig({ XUEJI_MAX_REJECTED_SHARE: '5' })).toThrow(/from 0 to 1/);
  });

  it('gives the quarantined rows as CSV with a BOM, the reasons and the lines', async () => {
    const result = committed(await archive.receive(sample('bad-rows')));
    const csv = await exportQuarantineCsv(db, dataDir, result.report, 'grades');
    try {
      const text = await readFile(csv!.file, 'utf8');
      expect(text.startsWith('\uFEFF来源文件 source_file,行号 line,问题 problems,student_id,academic_year')).toBe(true);
      expect(text).toContain('grades.csv,62,score: 150 is not 0 to 100,B001,2021,1,PH101,"大学物理\n（含实验）"');
      // Header and ten records; the record spanning two lines shows its newline twice (as mapped, as received).
      expect(text.trimEnd().split('\n')).toHaveLength(1 + 10 + 2);
    } finally {
      await csv?.cleanup();
    }
  });
});

describe('refused packages', () => {
  it('refuses a truncated file, saying where it was cut', async () => {
    const error = await refusal(archive.receive(sample('truncated')));
    expect(error.message).toBe('grades.csv looks truncated: the file ends inside a quoted field that starts on line 12; ask the sender to export it again');
    expect(await accessions()).toEqual([]);
  });

  it('refuses missing required columns and says which', async () => {
    const error = await refusal(archive.receive(sample('missing-columns')));
    expect(error.message).toMatch(/^grades\.csv: missing columns course_name, credits\. The canonical columns are/);
  });

  it('refuses a count that differs from the sender manifest', async () => {
    const copy = await copyOf('tiny-university');
    await writeFile(path.join(copy, 'manifest.json'), JSON.stringify({ files: { 'grades.csv': { rows: 15 } } }));
    const error = await refusal(archive.receive(copy));
    expect(error.message).toMatch(/grades\.csv: the sender's manifest declares 15 rows but 14 were received/);
  });

  it.each([
    ['setup.exe', 'MZ\x90\x00', /setup\.exe: executable files are never accepted/],
    ['grades.xls', 'x', /legacy binary Excel \(\.xls\) is not an open format/],
    ['notes.pdf', '%PDF-1.4', /documents are not data/],
  ])('refuses a package holding %s', async (name, content, message) => {
    const copy = await copyOf('tiny-university');
    await writeFile(path.join(copy, name), content);
    expect((await refusal(archive.receive(copy))).message).toMatch(message);
  });

  it('refuses a file whose content is not what its name says', async () => {
    const copy = await copyOf('tiny-university');
    await writeFile(path.join(copy, 'grades.csv'), Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10)]));
    expect((await refusal(archive.receive(copy))).message).toMatch(/grades\.csv is named as text but is a PDF document/);
    await writeFile(path.join(copy, 'grades.csv'), 'student_id\n');
    await writeFile(path.join(copy, 'students.xlsx'), 'not a zip');
    expect((await refusal(archive.receive(copy))).message).toMatch(/students\.xlsx is named \.xlsx but is not an XLSX workbook/);
  });
});

describe('personal data', () => {
  it('drops national-ID, phone and address columns with counts, and masks identifiers in free text', async () => {
    const result = committed(await archive.receive(sample('national-id')));
    const students = result.report.files.find((f) => f.file === 'students.csv')!;
    expect(students.identifiers_dropped).toEqual([
      { header: '身份证号', kind: '身份证号 national ID', values: 2 },
      { header: '联系电话', kind: '电话 phone', values: 1 },
      { header: '家庭住址', kind: '地址 address', values: 2 },
    ]);
    expect(result.report.files.find((f) => f.file === 'status_changes.csv')!.identifiers_masked).toBe(1);
    expect(result.report.properties.security.status).toBe('warn');
    const id = result.manifest.accession_id;
    const accepted = await rows(archiveLayout(dataDir).accessionTable(id, 'students'));
    expect(Object.keys(accepted[0])).not.toContain('身份证号');
    expect(JSON.stringify(accepted)).not.toMatch(/11010519491231002X|13812345678|东城区/);
    const [change] = await rows(archiveLayout(dataDir).accessionTable(id, 'status_changes'), 'reason');
    expect(change.reason).toBe('因病休学，家长身份证******************，电话***********');
  });
});

describe('declared sequences', () => {
  it('reports numbers missing from a sequence the sender declared', async () => {
    const copy = await copyOf('national-id');
    const changes = await readFile(path.join(copy, 'status_changes.csv'), 'utf8');
    const [header, first, second] = changes.trimEnd().split('\n');
    await writeFile(path.join(copy, 'status_changes.csv'), [header, first, second, second.replace('YD2,', 'YD5,'), second.replace('YD2,', 'YD9,')].join('\n') + '\n');
    await writeFile(path.join(copy, 'manifest.json'), JSON.stringify({ files: { 'status_changes.csv': { rows: 4, sequence: 'change_id' } } }));
    const result = committed(await archive.receive(copy));
    expect(result.report.properties.integrity.items.find((i) => i.id === 'sequence.gaps')).toMatchObject({
      status: 'warn',
      file: 'status_changes.csv',
      detail: 'change_id: 5 numbers missing between 1 and 9 (3–4, 6–8)',
    });
  });
});

describe('fixity and provenance', () => {
  it('writes the report as JSON and text, binds it into the register, and treats a renamed copy of a package as received', async () => {
    const result = committed(await archive.receive(sample('tiny-university')));
    const folder = archiveLayout(dataDir).accession(result.manifest.accession_id);
    const json = await readFile(path.join(folder, 'report.json'), 'utf8');
    expect(JSON.parse(json) as IngestReport).toEqual(result.report);
    const text = await readFile(path.join(folder, 'report.txt'), 'utf8');
    for (const heading of ['真实性 Authenticity', '完整性 Integrity', '可用性 Usability', '安全性 Security']) expect(text).toContain(heading);
    const [entry] = await accessionRegister(archiveLayout(dataDir).register).read();
    expect(entry.report_sha256).toBe(createHash('sha256').update(json).digest('hex'));
    const renamed = await copyOf('tiny-university');
    expect(await archive.receive(renamed)).toMatchObject({ status: 'already-received', accession_id: result.manifest.accession_id });
  });
});

async function copyOf(name: string): Promise<string> {
  const temp = await tempDir('xueji-package-');
  cleanups.push(temp.cleanup);
  await cp(sample(name), temp.dir, { recursive: true });
  return temp.dir;
}
