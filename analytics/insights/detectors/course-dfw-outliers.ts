// Courses whose first-attempt DFW rate stands far above their peers' (same teaching college and course
// nature), over every year: the course-difficulty metric of the grades area (/api/grades/courses),
// which already measures each course against its peers with a leave-one-out z-score and leaves
// volatile courses (fewer than 30 results) unranked.
//   test: one-sided, p = 1 − Φ(z) — the peers' spread is the yardstick, so a course that is merely one
//     of the harder ones of a varied set is not a finding;
//   effect: Cohen's h between the course's rate and its peers' mean rate;
//   material: the course's rate at least 10 points above its peers' mean (a difference a dean would act on).
import { rateCourses, type CourseCounts } from '../../metrics/grades/course-difficulty.ts';
import { normalCdf } from '../../metrics/statistics.ts';
import { cohensH, WHOLE_SCHOOL, type ScanContext } from '../context.ts';
import type { Candidate } from '../finding.ts';
import { count, pageLink, percent, points } from '../format.ts';

const MATERIAL_POINTS = 0.1;

export async function courseDfwOutliers(ctx: ScanContext): Promise<Candidate[]> {
  const counts = (await ctx.rows('metrics/grades/course-dfw', { ...WHOLE_SCHOOL, teaching_dept: null })) as unknown as CourseCounts[];
  const rated = rateCourses(counts, { minN: 30, zLimit: 2 });
  const candidates: Candidate[] = [];
  for (const course of rated) {
    if (course.z === null || course.z <= 0 || course.dfw_rate === null || course.peer_mean === null) continue;
    const rate = course.dfw_rate;
    const peers = course.peer_mean;
    const numbers = { dfw_rate: rate, peer_mean: peers, n: course.n, dfw: course.dfw, z: course.z, peers: course.peers };
    const dept = course.teaching_dept ?? '—';
    candidates.push({
      area: 'grades',
      kind: 'course-dfw-outlier',
      id: `course-dfw-outlier:${course.course_id}`,
      college: course.teaching_dept,
      n: course.students,
      effect: cohensH(rate, peers),
      p: 1 - normalCdf(course.z),
      material: rate - peers >= MATERIAL_POINTS,
      numbers,
      sentence: {
        zh: `${dept}的课程“${course.course_name}”首考不及格/缺考/退课率为 ${percent(rate)}（${count(course.n)} 人次），同类课程平均 ${percent(peers)}，高出 ${points(course.z)} 个标准差。`,
        en: `${course.course_name} (${dept}) has a first-attempt DFW rate of ${percent(rate)} (${count(course.n)} results) against ${percent(peers)} for its peer courses, ${points(course.z)} standard deviations above them.`,
      },
      link: pageLink('/grades', { panel: 'courses', teaching_dept: course.teaching_dept }),
    });
  }
  return candidates;
}
