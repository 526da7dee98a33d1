// What a detector proposes and what the engine publishes. A candidate carries its own test (a p-value,
// or none for a plain fact such as a data-quality count), its standardized effect, and its sentence in
// both languages built from the very numbers it publishes (`numbers`), so a sentence can never say
// something its figures do not.
export const AREAS = ['grades', 'status', 'utilization', 'quality'] as const;
export type Area = (typeof AREAS)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type FindingKind =
  | 'course-dfw-outlier'
  | 'course-dfw-jump'
  | 'college-grade-change'
  | 'cohort-grade-change'
  | 'grade-inflation'
  | 'withdrawal-rise'
  | 'utilization-surge'
  | 'data-quality';

export interface Candidate {
  area: Area;
  kind: FindingKind;
  /** Stable within a data version: kind plus what it is about. */
  id: string;
  /** The college the finding is about (teaching college for courses), or null for the whole school. */
  college: string | null;
  /** The students (or requests) behind the smallest group the finding describes: what suppression counts. */
  n: number;
  /**
   * Standardized effect on one scale for every kind, read like Cohen's d (0.2 small, 0.5 medium, 0.8
   * large); each detector says how it gets there. Signed: positive is the direction that needs attention.
   */
  effect: number;
  /** The test's p-value, or null for a fact that is not a test (data quality). */
  p: number | null;
  /** Whether the effect is large enough to act on, whatever its significance (each detector's rule). */
  material: boolean;
  /** Every number the sentences use, under the names the sentences' templates read. */
  numbers: Record<string, number>;
  sentence: { zh: string; en: string };
  /** The page (with its filters in the query) whose chart shows it. */
  link: string;
}

export interface Finding {
  id: string;
  area: Area;
  kind: FindingKind;
  severity: Severity;
  /** 1 = the first finding to read. */
  rank: number;
  college: string | null;
  n: number;
  effect: number;
  p_value: number | null;
  /** Benjamini–Hochberg adjusted p-value over every test of the scan. */
  q_value: number | null;
  numbers: Record<string, number>;
  sentence_zh: string;
  sentence_en: string;
  link: string;
}
