// The patterns planted in the synthetic university on purpose, with their exact parameters, so that
// tests can check that the analytics find them. data/README.md ("Planted patterns") states the magnitude
// a correct analysis should measure; keep the two in step.

export const PLANTED = {
  /** 1. One course's first-attempt (正常) fail rate jumps in one academic year, then returns. */
  courseFailJump: {
    courseName: '高等数学A',
    academicYear: 2021,
    /** Probability that a first attempt fails (score < 60), every other academic year. */
    baselineFailRate: 0.12,
    /** The same probability in the planted academic year. */
    jumpFailRate: 0.35,
  },
  /** 2. One college's withdrawal (退学) hazard is multiplied for one entry cohort. */
  withdrawalSpike: {
    collegeName: '机械工程学院',
    entryYear: 2020,
    hazardMultiplier: 5,
  },
  /** 3. Grade inflation in one teaching college, against a slow drift everywhere else. */
  gradeInflation: {
    collegeName: '经济管理学院',
    /** Points added to the mean score per academic year after the first cohort's year, in its courses. */
    pointsPerYear: 1.5,
    /** The drift of every other college's courses, points per academic year. */
    baselinePointsPerYear: 0.2,
  },
  /** 4. Archive utilization: seasonality, the shift from on-site to online service, the 学籍 share. */
  utilization: {
    /** Share of requests whose archive category is 学籍 (the seed paper: over 85%). */
    studentRecordShare: 0.85,
    /** 现场 (on-site) share = start − decline × (fractional year − 2016.5), clamped to [0.12, 0.9]. */
    onsiteShareAt2016_5: 0.84,
    onsiteDeclinePerYear: 0.065,
    /** Relative request volume by month, January … December (peaks June–July and September–November). */
    monthWeights: [0.65, 0.45, 0.8, 0.85, 0.95, 1.5, 1.45, 0.75, 1.2, 1.35, 1.3, 0.75],
    /** Requests per enrolled-or-former student per year (students who entered by the request date). */
    requestsPerStudentYear: 0.6,
  },
} as const;

/** 现场 share of requests at a fractional calendar year (2020.5 = end of June 2020). */
export function onsiteShare(fractionalYear: number): number {
  const u = PLANTED.utilization;
  return Math.min(0.9, Math.max(0.12, u.onsiteShareAt2016_5 - u.onsiteDeclinePerYear * (fractionalYear - 2016.5)));
}
