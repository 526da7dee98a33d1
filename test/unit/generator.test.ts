// The synthetic university: deterministic by seed, canonical headers, referentially whole, realistic
// rates within stated bands, and the planted patterns visible in the raw rows (computed here from the
// CSV text, not from the generator's code). Bands and planted magnitudes: data/README.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { generateUniversity, GENERATED_TABLES, PLANTED, type GenerateSummary } from '../../analytics/generator/index.ts';
import { csvField } from '../../analytics/generator/csv-writer.ts';
import { loadSchema } from '../../analytics/db/schema.ts';

const STUDENTS = 3000;
const AS_OF = '2026-08-31';
const FILES = GENERATED_TABLES.map((t) => `${t}.csv`);

/** RFC 4180 parser (quoted fields, doubled quotes, LF or CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

type Row = Record<string, string>;
interface Table {
  header: string[];
  rows: Row[];
  /** Distinct numbers of fields per data line. */
  widths: number[];
}

async function readTable(dir: string, table: string): Promise<Table> {
  const [header, ...lines] = parseCsv(await readFile(path.join(dir, `${table}.csv`), 'utf8'));
  return {
    header,
    rows: lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))),
    widths: [...new Set(lines.map((cells) => cells.length))],
  };
}

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
/** The day a term's results are final (the generator's calendar, restated: term 1 → 20 Jan, 2 → 30 Jun, 3 → 25 Aug). */
const termEndDay = (ay: number, term: number) => day(term === 1 ? `${ay + 1}-01-20` : term === 2 ? `${ay + 1}-06-30` : `${ay + 1}-08-25`);
const fail = (r: Row) => r.score !== '' && Number(r.score) < 60;

let base: string;
const dirs = { a: '', b: '', c: '' };
let summary: GenerateSummary;
const t: Record<string, Table> = {};

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'xueji-gen-'));
  dirs.a = path.join(base, 'a');
  dirs.b = path.join(base, 'b');
  dirs.c = path.join(base, 'c');
  summary = await generateUniversity({ students: STUDENTS, seed: 42, outDir: dirs.a, asOf: AS_OF });
  await generateUniversity({ students: STUDENTS, seed: 42, outDir: dirs.b, asOf: AS_OF });
  await generateUniversity({ students: STUDENTS, seed: 43, outDir: dirs.c, asOf: AS_OF });
  for (const table of GENERATED_TABLES) t[table] = await readTable(dirs.a, table);
}, 60_000);

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe('determinism and the package', () => {
  it('gives byte-identical files for the same seed and different files for another seed', async () => {
    for (const file of [...FILES, 'manifest.json']) {
      expect(await sha256(path.join(dirs.b, file)), file).toBe(await sha256(path.join(dirs.a, file)));
    }
    for (const file of FILES) expect(await sha256(path.join(dirs.c, file)), file).not.toBe(await sha256(path.join(dirs.a, file)));
  });

  it('declares in manifest.json the row count and SHA-256 of every file', async () => {
    const manifest = JSON.parse(await readFile(path.join(dirs.a, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ package: 'synthetic-university', seed: 42, students: STUDENTS, generated_for: AS_OF });
    expect(Object.keys(manifest.files).sort()).toEqual([...FILES].sort());
    for (const file of FILES) {
      const table = file.replace('.csv', '');
      expect(manifest.files[file].sha256, file).toBe(await sha256(path.join(dirs.a, file)));
      expect(manifest.files[file].rows, file).toBe(t[table].rows.length);
      expect(summary.files[file].rows, file).toBe(t[table].rows.length);
    }
    expect(t.students.rows.length).toBe(STUDENTS);
  });

  it('writes exactly the canonical columns of sql/schema/tables.sql, in order', async () => {
    const schema = await loadSchema();
    for (const table of GENERATED_TABLES) {
      expect(t[table].header, table).toEqual(schema.get(table)!.columns.map((c) => c.name));
      expect(t[table].widths, table).toEqual(t[table].rows.length > 0 ? [t[table].header.length] : []);
    }
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('计算机2019-1班')).toBe('计算机2019-1班');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });
});

describe('keys and references', () => {
  it('has no duplicate natural keys', async () => {
    const schema = await loadSchema();
    for (const table of GENERATED_TABLES) {
      const key = schema.get(table)!.naturalKey;
      const seen = new Set<string>();
      const duplicates: string[] = [];
      for (const row of t[table].rows) {
        const k = key.map((c) => row[c]).join('|');
        if (seen.has(k)) duplicates.push(k);
        seen.add(k);
      }
      expect(duplicates, table).toEqual([]);
    }
  });

  it('refers only to existing students, and 学籍 requests always name one', () => {
    const ids = new Set(t.students.rows.map((r) => r.student_id));
    for (const table of ['grades', 'status_changes', 'graduations', 'awards_punishments']) {
      expect(t[table].rows.filter((row) => !ids.has(row.student_id)).map((row) => row.student_id), table).toEqual([]);
    }
    const wrong = t.utilization.rows.filter((row) => (row.archive_category === '学籍' ? !ids.has(row.student_id) : row.student_id !== ''));
    expect(wrong).toEqual([]);
  });

  it('writes student ids as entry year + college code + serial, and class names with the year', () => {
    const wrong = t.students.rows.filter(
      (s) => !/^20\d{2}(0[1-9]|1[0-5])\d{4,}$/.test(s.student_id) || s.student_id.slice(0, 4) !== s.entry_year || !/^\S+20\d{2}-\d+班$/.test(s.class_name),
    );
    expect(wrong).toEqual([]);
  });
});

describe('shape of the university', () => {
  it('has at least 8 cohorts, 15 colleges, both levels and plausible durations', () => {
    const s = t.students.rows;
    expect(new Set(s.map((r) => r.entry_year)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(s.map((r) => r.college)).size).toBe(15);
    const vocational = s.filter((r) => r.level === '专科').length / s.length;
    expect(vocational).toBeGreaterThan(0.06);
    expect(vocational).toBeLessThan(0.14);
    const fiveYears = new Set(['临床医学', '医学影像学', '建筑学']);
    expect(s.filter((r) => r.duration_years !== (r.level === '专科' ? '3' : fiveYears.has(r.major) ? '5' : '4'))).toEqual([]);
  });

  it('averages about 60 grade rows a student', () => {
    const perStudent = t.grades.rows.length / STUDENTS;
    expect(perStudent).toBeGreaterThan(52);
    expect(perStudent).toBeLessThan(68);
  });

  it('follows the grade conventions (grade point, five levels, 缺考, 缓考, 补考 after a fail)', () => {
    const five: Record<string, string[]> = { 优: ['95'], 良: ['85'], 中: ['75'], 及格: ['65'], 不及格: ['50', '55'] };
    const wrong = t.grades.rows.filter((r) => {
      if (!['1', '2', '3'].includes(r.term) || !['正常', '补考', '重修', '缓考'].includes(r.exam_type)) return true;
      if (r.grade_text === '缓考' || r.exam_type === '缓考') return !(r.score === '' && r.grade_point === '' && r.exam_type === '缓考' && r.grade_text === '缓考');
      const score = Number(r.score);
      if (r.score === '' || !(score >= 0 && score <= 100) || !/^\d+(\.\d)?$/.test(r.score)) return true;
      if (Math.abs(Number(r.grade_point) - (score >= 60 ? score / 10 - 5 : 0)) > 1e-9) return true;
      if (r.grade_text === '缺考') return r.score !== '0';
      if (five[r.grade_text]) return !five[r.grade_text].includes(r.score);
      return r.grade_text !== r.score;
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    // A failed first attempt is followed by a 补考 in the same term (most attend it).
    const makeups = new Set(t.grades.rows.filter((r) => r.exam_type === '补考').map((r) => `${r.student_id}|${r.course_id}|${r.academic_year}|${r.term}`));
    const failed = t.grades.rows.filter((r) => r.exam_type === '正常' && fail(r));
    const followed = failed.filter((r) => makeups.has(`${r.student_id}|${r.course_id}|${r.academic_year}|${r.term}`)).length;
    expect(followed / failed.length).toBeGreaterThan(0.9);
    expect(t.grades.rows.filter((r) => r.exam_type === '缓考').length / t.grades.rows.length).toBeLessThan(0.01);
  });

  it('fails about 7 % of first attempts overall', () => {
    const first = t.grades.rows.filter((r) => r.exam_type === '正常');
    const rate = first.filter(fail).length / first.length;
    expect(rate).toBeGreaterThan(0.05);
    expect(rate).toBeLessThan(0.09);
  });
});

describe('status changes and outcomes', () => {
  const changesOf = () => {
    const byStudent = new Map<string, Row[]>();
    for (const c of t.status_changes.rows) byStudent.set(c.student_id, [...(byStudent.get(c.student_id) ?? []), c]);
    return byStudent;
  };

  it('suspends and withdraws a few per thousand students a year', () => {
    const asOf = day(AS_OF);
    const leaves = new Map<string, number>();
    for (const g of t.graduations.rows) leaves.set(g.student_id, day(g.outcome_date));
    for (const c of t.status_changes.rows) if (c.change_type === '退学' || c.change_type === '转学') leaves.set(c.student_id, day(c.effective_date));
    let exposure = 0;
    for (const s of t.students.rows) exposure += (Math.min(asOf, leaves.get(s.student_id) ?? asOf) - day(`${s.entry_year}-09-01`)) / 365.25;
    const perThousand = (type: string) => (t.status_changes.rows.filter((c) => c.change_type === type).length / exposure) * 1000;
    expect(perThousand('休学')).toBeGreaterThan(2);
    expect(perThousand('休学')).toBeLessThan(7);
    expect(perThousand('退学')).toBeGreaterThan(2);
    expect(perThousand('退学')).toBeLessThan(7);
    const switched = new Set(t.status_changes.rows.filter((c) => c.change_type === '转专业').map((c) => c.student_id)).size / STUDENTS;
    expect(switched).toBeGreaterThan(0.015);
    expect(switched).toBeLessThan(0.06);
  });

  it('keeps students consistent with their changes: current major, no grades after 退学 or while suspended', () => {
    const byStudent = changesOf();
    const gradesBy = new Map<string, Row[]>();
    for (const g of t.grades.rows) gradesBy.set(g.student_id, [...(gradesBy.get(g.student_id) ?? []), g]);
    const graduation = new Map(t.graduations.rows.map((g) => [g.student_id, g]));
    for (const s of t.students.rows) {
      const changes = (byStudent.get(s.student_id) ?? []).sort((p, q) => p.effective_date.localeCompare(q.effective_date));
      const ends = (gradesBy.get(s.student_id) ?? []).map((g) => termEndDay(Number(g.academic_year), Number(g.term)));
      const lastSwitch = changes.filter((c) => c.change_type === '转专业').pop();
      if (lastSwitch) expect([s.college, s.major]).toEqual([lastSwitch.to_college, lastSwitch.to_major]);
      const withdrawal = changes.find((c) => c.change_type === '退学');
      if (withdrawal) {
        expect(['退学', '肄业']).toContain(s.status);
        expect(ends.filter((end) => end > day(withdrawal.effective_date)), `${s.student_id} graded after 退学`).toEqual([]);
      }
      for (const [i, c] of changes.entries()) {
        if (c.change_type !== '休学') continue;
        const back = changes.slice(i + 1).find((n) => n.change_type === '复学' || n.change_type === '退学');
        const until = back ? day(back.effective_date) : Infinity;
        expect(ends.filter((end) => end > day(c.effective_date) && end <= until), `${s.student_id} graded while suspended`).toEqual([]);
        if (!back) expect(s.status).toBe('休学');
      }
      for (const c of changes.filter((x) => x.change_type === '降级' || x.change_type === '延期毕业')) {
        expect(Number(c.to_expected_graduation)).toBe(Number(c.from_expected_graduation) + 1);
      }
      const g = graduation.get(s.student_id);
      if (['毕业', '结业', '肄业'].includes(s.status)) expect(g?.outcome).toBe(s.status);
      else expect(g).toBeUndefined();
    }
  });

  it('graduates most on time; 专科 without degree; a few % 结业 or 肄业', () => {
    const students = new Map(t.students.rows.map((s) => [s.student_id, s]));
    const graduates = t.graduations.rows.filter((g) => g.outcome === '毕业');
    const onTime = graduates.filter((g) => {
      const s = students.get(g.student_id)!;
      return Number(g.outcome_date.slice(0, 4)) === Number(s.entry_year) + Number(s.duration_years) && g.outcome_date.slice(5, 7) === '06';
    }).length;
    expect(onTime / graduates.length).toBeGreaterThan(0.9);
    const others = t.graduations.rows.filter((g) => g.outcome !== '毕业').length / t.graduations.rows.length;
    expect(others).toBeGreaterThan(0.01);
    expect(others).toBeLessThan(0.1);
    for (const g of t.graduations.rows) {
      const s = students.get(g.student_id)!;
      if (s.level === '专科') expect([g.degree_awarded, g.degree_type]).toEqual(['false', '']);
      if (g.degree_awarded === 'true') expect(g.degree_type).toMatch(/学士$/);
    }
    const bachelors = graduates.filter((g) => students.get(g.student_id)!.level === '本科');
    const withoutDegree = bachelors.filter((g) => g.degree_awarded === 'false').length / bachelors.length;
    expect(withoutDegree).toBeGreaterThan(0.01);
    expect(withoutDegree).toBeLessThan(0.1);
  });
});

describe('planted patterns', () => {
  it(`${PLANTED.courseFailJump.courseName}: first-attempt fail rate jumps in ${PLANTED.courseFailJump.academicYear}`, () => {
    const byYear = new Map<number, { n: number; f: number }>();
    for (const r of t.grades.rows) {
      if (r.course_name !== PLANTED.courseFailJump.courseName || r.exam_type !== '正常') continue;
      const y = byYear.get(Number(r.academic_year)) ?? { n: 0, f: 0 };
      y.n++;
      if (fail(r)) y.f++;
      byYear.set(Number(r.academic_year), y);
    }
    const jump = byYear.get(PLANTED.courseFailJump.academicYear)!;
    let n = 0;
    let f = 0;
    for (const [year, y] of byYear) if (year !== PLANTED.courseFailJump.academicYear) (n += y.n), (f += y.f);
    expect(jump.f / jump.n).toBeGreaterThan(0.25);
    expect(jump.f / jump.n).toBeLessThan(0.46);
    expect(f / n).toBeGreaterThan(0.08);
    expect(f / n).toBeLessThan(0.16);
  });

  it(`${PLANTED.gradeInflation.collegeName}: mean score rises ~1.5 points a year within courses, others ~0.2`, () => {
    // Within-course (fixed-effects) slope of first-attempt scores on academic year.
    const slope = (keep: (r: Row) => boolean) => {
      const acc = new Map<string, { n: number; sx: number; sy: number; sxx: number; sxy: number }>();
      for (const r of t.grades.rows) {
        if (r.exam_type !== '正常' || r.score === '' || !keep(r)) continue;
        const a = acc.get(r.course_id) ?? { n: 0, sx: 0, sy: 0, sxx: 0, sxy: 0 };
        const x = Number(r.academic_year);
        const y = Number(r.score);
        a.n++, (a.sx += x), (a.sy += y), (a.sxx += x * x), (a.sxy += x * y);
        acc.set(r.course_id, a);
      }
      let num = 0;
      let den = 0;
      for (const a of acc.values()) (num += a.sxy - (a.sx * a.sy) / a.n), (den += a.sxx - (a.sx * a.sx) / a.n);
      return num / den;
    };
    const inflated = slope((r) => r.teaching_dept === PLANTED.gradeInflation.collegeName);
    const others = slope((r) => r.teaching_dept !== PLANTED.gradeInflation.collegeName && r.course_name !== PLANTED.courseFailJump.courseName);
    expect(inflated).toBeGreaterThan(1.2);
    expect(inflated).toBeLessThan(1.8);
    expect(others).toBeGreaterThan(0);
    expect(others).toBeLessThan(0.45);
  });

  it('utilization: ~85 % 学籍, on-site service giving way to online, peaks in June–July and autumn', () => {
    const u = t.utilization.rows;
    const share = u.filter((r) => r.archive_category === '学籍').length / u.length;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(0.9);
    const onsite = (year: string) => {
      const rows = u.filter((r) => r.requested_at.startsWith(year));
      return rows.filter((r) => r.channel === '现场').length / rows.length;
    };
    expect(onsite('2017')).toBeGreaterThan(0.7);
    expect(onsite('2026')).toBeLessThan(0.3);
    const online2026 = u.filter((r) => r.requested_at.startsWith('2026') && (r.channel === 'PC端' || r.channel === '移动端')).length;
    expect(online2026 / u.filter((r) => r.requested_at.startsWith('2026')).length).toBeGreaterThan(0.5);
    // Seasonality over full years: months 6–7 and 9–11 above February and April.
    const byMonth = new Array(13).fill(0);
    for (const r of u) if (r.requested_at >= '2019' && r.requested_at < '2026') byMonth[Number(r.requested_at.slice(5, 7))]++;
    expect(byMonth[6]).toBeGreaterThan(1.5 * byMonth[2]);
    expect(byMonth[7]).toBeGreaterThan(1.3 * byMonth[4]);
    expect(byMonth[10]).toBeGreaterThan(1.3 * byMonth[4]);
    expect(u.filter((r) => r.requested_at > `${AS_OF} 23:59:59` || (r.completed_at !== '' && r.completed_at <= r.requested_at))).toEqual([]);
  });
});

describe('command line', () => {
  it('exits 2 with a clear message on a bad argument', () => {
    const cli = path.resolve('analytics/cli/generate.ts');
    for (const args of [['--students', 'many'], ['--bogus'], ['--as-of', '2026-02-30']]) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^generate: .+\nusage: npm run generate/);
    }
  }, 30_000);
});
