// The insights engine: runs every detector over the current data version, controls false discoveries
// across all the tests they made together, and ranks what is left.
//
//   1. Each detector proposes candidates (detectors/): one per test it ran, with a p-value, a
//      standardized effect and whether the effect is material; data-quality facts carry no p-value.
//   2. Benjamini–Hochberg over every p-value of the scan (Benjamini & Hochberg 1995): q-values such
//      that publishing the tests with q < 0.05 keeps the expected share of false findings among them
//      at 5 % — a scan of a school makes thousands of tests (every course-year), and at p < 0.05 alone
//      hundreds would pass by chance.
//   3. A finding is a candidate that is material and, if tested, has q < ALPHA. Significance without a
//      material effect is not shown: with 18 million results a 0.1-point difference is "significant".
//   4. Severity: high when q < 0.001 and |effect| ≥ 0.5 (medium on Cohen's scale), medium when q < 0.01
//      and |effect| ≥ 0.2, low otherwise; facts by their effect alone (≥ 0.8 high, ≥ 0.2 medium).
//      Ranked by severity, then by |effect| × −log10(q) (size weighed by the strength of the evidence),
//      facts by |effect|.
import { benjaminiHochberg } from '../metrics/grades/course-difficulty.ts';
import type { Database } from '../db/database.ts';
import type { MetricQuery } from '../metrics/from-rollup.ts';
import { installStatusMacros } from '../metrics/status/macros.ts';
import { scanContext } from './context.ts';
import type { Candidate, Finding, Severity } from './finding.ts';
import { cohortGradeChange } from './detectors/cohort-grade-change.ts';
import { collegeGradeChange } from './detectors/college-grade-change.ts';
import { courseDfwJumps } from './detectors/course-dfw-jumps.ts';
import { courseDfwOutliers } from './detectors/course-dfw-outliers.ts';
import { dataQuality } from './detectors/data-quality.ts';
import { gradeInflation } from './detectors/grade-inflation.ts';
import { utilizationSurge } from './detectors/utilization-surge.ts';
import { withdrawalRise } from './detectors/withdrawal-rise.ts';

export const ALPHA = 0.05;

export const DETECTORS = [courseDfwOutliers, courseDfwJumps, collegeGradeChange, cohortGradeChange, gradeInflation, withdrawalRise, utilizationSurge, dataQuality];

export interface Scan {
  as_of: string;
  /** Tests made (candidates with a p-value), the m of the false-discovery control. */
  tests: number;
  /** Tests with q < ALPHA, material or not. */
  significant: number;
  findings: Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

function severityOf(effect: number, q: number | null): Severity {
  const size = Math.abs(effect);
  if (q === null) return size >= 0.8 ? 'high' : size >= 0.2 ? 'medium' : 'low';
  if (q < 0.001 && size >= 0.5) return 'high';
  if (q < 0.01 && size >= 0.2) return 'medium';
  return 'low';
}

/** Adjusts, selects and ranks the candidates of a scan (pure: the tests use it on hand-made candidates). */
export function selectFindings(candidates: readonly Candidate[]): Omit<Scan, 'as_of'> {
  const tested = candidates.filter((c) => c.p !== null);
  const q = benjaminiHochberg(tested.map((c) => c.p!));
  const qOf = new Map(tested.map((c, i) => [c, q[i]]));
  const significant = tested.filter((c) => qOf.get(c)! < ALPHA).length;
  const chosen = candidates
    .filter((c) => c.material && (c.p === null || qOf.get(c)! < ALPHA))
    .map((c) => {
      const qValue = qOf.get(c) ?? null;
      const strength = qValue === null ? 1 : -Math.log10(Math.max(qValue, 1e-300));
      return { c, qValue, severity: severityOf(c.effect, qValue), score: Math.abs(c.effect) * strength };
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.score - a.score || a.c.id.localeCompare(b.c.id));
  const findings: Finding[] = chosen.map(({ c, qValue, severity }, i) => ({
    id: c.id,
    area: c.area,
    kind: c.kind,
    severity,
    rank: i + 1,
    college: c.college,
    n: c.n,
    effect: c.effect,
    p_value: c.p,
    q_value: qValue,
    numbers: c.numbers,
    sentence_zh: c.sentence.zh,
    sentence_en: c.sentence.en,
    link: c.link,
  }));
  return { tests: tested.length, significant, findings };
}

/** Scans the current version of the archive. */
/** `query` runs the detectors' metrics: archive.queryMetric (the routes' rollup twins) or, by default, the detail. */
export async function scanArchive(db: Database, dataDir: string, query: MetricQuery = (file, params) => db.query(file, params)): Promise<Scan> {
  await installStatusMacros(db);
  const [row] = await db.query('metrics/status/data-as-of');
  const asOf = row?.as_of as string | undefined;
  if (!asOf) return { as_of: '', tests: 0, significant: 0, findings: [] };
  const ctx = scanContext(db, dataDir, asOf, query);
  const candidates = (await Promise.all(DETECTORS.map((detect) => detect(ctx)))).flat();
  return { as_of: asOf, ...selectFindings(candidates) };
}
