// Header-mapping profiles: every profile in data/profiles loads; detection picks the right profile and
// table from headers alone; a mistake in a profile is reported with where it is and what to write.
import { describe, expect, it } from 'vitest';
import { loadProfiles, checkProfile, ProfileError } from '../../analytics/ingest/profiles/load.ts';
import { rankCandidates } from '../../analytics/ingest/profiles/detect.ts';
import { loadSchema, type TableName } from '../../analytics/db/schema.ts';

describe('the profiles in data/profiles', () => {
  it('all load and include canonical, Chinese, ZFSoft, Kingosoft and one per real data set', async () => {
    const names = (await loadProfiles()).map((p) => p.name);
    expect(names[0]).toBe('canonical');
    expect(names).toEqual(expect.arrayContaining(['canonical', 'chinese', 'zfsoft', 'kingosoft', 'oulad', 'uci-dropout']));
  });

  const headers: [string, string, string[], string, TableName, boolean][] = [
    ['canonical grades', 'grades.csv', ['student_id', 'academic_year', 'term', 'course_id', 'course_name', 'course_nature', 'credits', 'score', 'grade_text', 'grade_point', 'exam_type', 'teaching_dept'], 'canonical', 'grades', true],
    ['ZFSoft keys', 'export.csv', ['xh', 'xm', 'xnm', 'xqm', 'kch_id', 'kcmc', 'kcxzmc', 'xf', 'cj', 'bfzcj', 'jd', 'ksxz', 'kkbmmc'], 'zfsoft', 'grades', true],
    ['Kingosoft headers', '成绩.xlsx', ['学号', '姓名', '开课学期', '课程编号', '课程名称', '总成绩', '学分绩点', '成绩标志', '课程性质', '课程类别', '学时', '学分', '考试性质', '补重学期'], 'kingosoft', 'grades', true],
    ['Chinese grade headers', 'cj.csv', ['学号', '学年', '学期', '课程代码', '课程名称', '学分', '成绩', '考试性质'], 'chinese', 'grades', true],
    ['Chinese roster', 'xs.csv', ['学号', '姓名', '性别', '年级', '培养层次', '学制', '学院', '专业', '学籍状态'], 'chinese', 'students', true],
    ['OULAD studentInfo', 'studentInfo.csv', ['code_module', 'code_presentation', 'id_student', 'gender', 'region', 'highest_education', 'imd_band', 'age_band', 'num_of_prev_attempts', 'studied_credits', 'disability', 'final_result'], 'oulad', 'grades', true],
    ['UCI data.csv (incomplete: no entry year)', 'data.csv', ['Marital status', 'Course', 'Admission grade', 'Gender', 'Target'], 'uci-dropout', 'students', false],
  ];

  it.each(headers)('detects %s', async (_, fileName, header, profile, table, complete) => {
    const [best] = rankCandidates({ fileName, header, profiles: await loadProfiles(), schema: await loadSchema() });
    expect([best.profile.name, best.table, best.complete]).toEqual([profile, table, complete]);
  });
});

describe('profile mistakes', () => {
  const base = { name: 'mine', label: 'My system' };
  it.each([
    [{ ...base, tables: { grade: {} } }, /"tables\.grade" is not a canonical table/],
    [{ ...base, tables: { grades: { columns: { marks: 'cj' } } } }, /"tables\.grades\.columns\.marks" is not a column of grades/],
    [{ ...base, tables: { grades: { columns: { credits: { value: '1' } } } } }, /supplies a value the source does not carry: add a "note"/],
    [{ ...base, tables: { grades: { columns: { term: { from: 'xqm', values: 'terms' } } } } }, /names "terms", which is not in the profile's "values"/],
    [{ ...base, tables: { grades: { columns: { term: { from: 'xqm', pattern: '(' } } } } }, /is not a valid regular expression/],
    [{ name: 'Mine!', label: 'x', tables: { grades: {} } }, /"name" must be lower-case letters/],
  ])('reports %j', async (raw, message) => {
    await expect(checkProfile(raw, 'mine.json')).rejects.toThrow(ProfileError);
    await expect(checkProfile(raw, 'mine.json')).rejects.toThrow(message);
  });
});
