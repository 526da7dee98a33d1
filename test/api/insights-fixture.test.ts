// A detector on the hand-checked tiny university (data/samples/tiny-university): the cohort grade change,
// worked by hand here. First attempts (正常) with a score, per student, per term index:
//   cohort 2020, term 1: S1 (50, 80) → 65; S2 (70, 缺考 0) → 35; S3 (60, 95) → 77.5
//     mean 177.5 / 3 = 59.1667; variance (5.8333² + 24.1667² + 18.3333²) / 2 = 954.1667 / 2 = 477.0833
//   cohort 2021, term 1: S4 (40, 88) → 64; S5 (72; its summer course has no term index) → 72
//     mean 68; variance (4² + 4²) / 1 = 32
//   difference 8.8333; SE √(32/2 + 477.0833/3) = √175.0278 = 13.2298; z 0.66768 → p 0.50434
//   pooled SD √((32 + 2 × 477.0833) / 3) = √328.7222 = 18.1307 → d 0.48720
// Cohort 2020's term 2 has no 2019 cohort to compare with, and 2021 has no term 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { scanContext } from '../../analytics/insights/context.ts';
import { cohortGradeChange } from '../../analytics/insights/detectors/cohort-grade-change.ts';
import { testApp } from '../helpers/app.ts';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'tiny-university'));
  cleanup = archive.cleanup;
  app = await testApp(archive.dataDir);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

describe('cohort grade change on the tiny university', () => {
  it('compares cohort 2021 with cohort 2020 in their first term, students as units', async () => {
    await app.archive.ensureCurrent();
    const candidates = await cohortGradeChange(scanContext(app.archive.db, app.archive.dataDir, '2022-08-31'));
    expect(candidates.map((c) => c.id)).toEqual(['cohort-grade-change:2021:1']);
    const [c] = candidates;
    expect(c.numbers).toMatchObject({ cohort: 2021, term_index: 1, students: 2, previous_students: 3 });
    expect(c.numbers.mean).toBeCloseTo(68, 10);
    expect(c.numbers.previous_mean).toBeCloseTo(177.5 / 3, 10);
    expect(c.numbers.difference).toBeCloseTo(68 - 177.5 / 3, 10);
    expect(c.p).toBeCloseTo(0.50434, 4);
    expect(c.effect).toBeCloseTo(0.4872, 4);
    expect(c.material).toBe(true); // d ≥ 0.2, though far from significant: the engine keeps it out
    expect(c.n).toBe(2);
    expect(c.sentence.zh).toBe('2021 级第 1 学期学生的平均成绩为 68.0 分（2 人），比 2020 级同一学期（59.2 分，3 人）高 8.8 分。');
  });
});
