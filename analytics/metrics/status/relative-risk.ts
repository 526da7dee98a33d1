// Relative risk of an outcome in an exposed group against a reference group, with the Katz log
// interval (Katz, Baptista, Azen & Pike 1978):
//   RR = (a / n₁) / (c / n₂),  SE(ln RR) = √(1/a − 1/n₁ + 1/c − 1/n₂),  CI = exp(ln RR ± z · SE)
// When a or c is 0 the log is undefined: then 0.5 is added to each of the four cells (a, n₁ − a,
// c, n₂ − c) — the Haldane–Anscombe correction — and the answer says so.
import { normalQuantile } from '../statistics.ts';

export interface RelativeRisk {
  rr: number;
  lower: number;
  upper: number;
  /** Whether the Haldane–Anscombe 0.5 correction was applied (a zero count). */
  corrected: boolean;
}

/** a of n₁ exposed had the outcome, c of n₂ in the reference group. Null when a group is empty. */
export function relativeRisk(a: number, n1: number, c: number, n2: number, confidence = 0.95): RelativeRisk | null {
  if (!(n1 > 0 && n2 > 0) || a < 0 || c < 0 || a > n1 || c > n2) return null;
  const corrected = a === 0 || c === 0;
  const [x, m1, y, m2] = corrected ? [a + 0.5, n1 + 1, c + 0.5, n2 + 1] : [a, n1, c, n2];
  const rr = x / m1 / (y / m2);
  const se = Math.sqrt(1 / x - 1 / m1 + 1 / y - 1 / m2);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return { rr, lower: rr * Math.exp(-z * se), upper: rr * Math.exp(z * se), corrected };
}
