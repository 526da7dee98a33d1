// Statistics the metrics share: intervals, tests and trends on summary figures (counts, means,
// variances) that SQL computes, so that no raw result leaves DuckDB. simple-statistics supplies what it
// has (regression, r², the error function, log-gamma, means and deviations); the rest is written here
// from its textbook formula, cited beside it, and tested against published table values
// (test/unit/statistics.test.ts).
import { errorFunction, gammaln, linearRegression, mean, probit, rSquared, sampleStandardDeviation } from 'simple-statistics';

/** Standard normal cumulative probability Φ(z) = (1 + erf(z / √2)) / 2. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/**
 * Standard normal quantile Φ⁻¹(p). simple-statistics' probit is accurate to about 3 decimals only
 * (probit(0.975) = 1.9572); Newton steps on Φ bring it to the error function's own accuracy, about
 * 1e-7 (1.959964).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  let z = probit(p);
  for (let i = 0; i < 3; i++) z -= (normalCdf(z) - p) / (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
  return z;
}

/**
 * Regularized incomplete beta function I_x(a, b), by its continued fraction evaluated with the modified
 * Lentz method (Press et al., Numerical Recipes, 3rd ed., §6.4), using the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaFraction(1 - x, b, a)) / b;
  return (front * betaFraction(x, a, b)) / a;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Student's t cumulative probability P(T ≤ t) with df degrees of freedom (df > 0, not only whole). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Student's t quantile: the t with P(T ≤ t) = p, by bisection on the cdf (monotone), to 1e-12. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile needs 0 < p < 1, got ${p}`);
  if (p === 0.5) return 0;
  let low = -1;
  let high = 1;
  while (studentTCdf(low, df) > p) low *= 2;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, Math.abs(high)); i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

export interface Interval {
  low: number;
  high: number;
}

/** Φ⁻¹ of a two-sided confidence, kept per confidence: a table of 13,834 course-years asks 13,834 times. */
const zByConfidence = new Map<number, number>();
function twoSidedZ(confidence: number): number {
  let z = zByConfidence.get(confidence);
  if (z === undefined) zByConfidence.set(confidence, (z = normalQuantile(1 - (1 - confidence) / 2)));
  return z;
}

/**
 * Wilson score interval for a proportion (Wilson 1927; Agresti & Coull 1998 recommend it over the
 * Wald interval for small n or rates near 0 or 1):
 *   (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).
 * Null when n = 0.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval | null {
  if (n <= 0) return null;
  const z = twoSidedZ(confidence);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = p + z2n / 2;
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave 1e-17 or 0.9999999999999998.
  return {
    low: successes <= 0 ? 0 : Math.max(0, (centre - spread) / (1 + z2n)),
    high: successes >= n ? 1 : Math.min(1, (centre + spread) / (1 + z2n)),
  };
}

/** A group's summary: size, mean and sample variance (n − 1 denominator). */
export interface GroupSummary {
  n: number;
  mean: number;
  variance: number;
}

export interface WelchResult {
  /** b − a */
  difference: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** Confidence interval of b − a. */
  low: number;
  high: number;
}

/**
 * Welch's unequal-variances t-test of b − a (Welch 1947): t = (x̄_b − x̄_a) / √(s²_a/n_a + s²_b/n_b),
 * df = (s²_a/n_a + s²_b/n_b)² / ((s²_a/n_a)²/(n_a − 1) + (s²_b/n_b)²/(n_b − 1)). Null when a side
 * has fewer than two members or both variances are 0.
 */
export function welchTest(a: GroupSummary, b: GroupSummary, confidence = 0.95): WelchResult | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return null;
  const difference = b.mean - a.mean;
  const t = difference / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const p = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  const margin = studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  return { difference, t, df, p, low: difference - margin, high: difference + margin };
}

/**
 * Cohen's d of b − a with the pooled standard deviation (Cohen 1988):
 * s_p = √(((n_a − 1)s²_a + (n_b − 1)s²_b) / (n_a + n_b − 2)). Null when it is undefined.
 */
export function cohensD(a: GroupSummary, b: GroupSummary): number | null {
  if (a.n + b.n <= 2) return null;
  const pooled = Math.sqrt(((a.n - 1) * a.variance + (b.n - 1) * b.variance) / (a.n + b.n - 2));
  return pooled > 0 ? (b.mean - a.mean) / pooled : null;
}

/** Cohen's (1988) conventional reading of |d|: below 0.2 negligible, then small, medium, large at 0.8. */
export function effectSize(d: number): 'negligible' | 'small' | 'medium' | 'large' {
  const size = Math.abs(d);
  return size < 0.2 ? 'negligible' : size < 0.5 ? 'small' : size < 0.8 ? 'medium' : 'large';
}

export interface LinearTrend {
  /** Points fitted. */
  n: number;
  slope: number;
  intercept: number;
  /** Coefficient of determination; null when the y values do not vary. */
  r2: number | null;
  /** Standard error of the slope and its confidence interval (t with n − 2 df); null for n < 3. */
  se: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Ordinary least-squares line y = intercept + slope·x (simple-statistics linearRegression, rSquared),
 * with the slope's standard error √(Σ residual² / (n − 2) / Σ(x − x̄)²) and its t interval with n − 2
 * degrees of freedom (e.g. Montgomery & Runger, Applied Statistics, §11-4). Null for fewer than two
 * points or when x does not vary.
 */
export function linearTrend(points: readonly { x: number; y: number }[], confidence = 0.95): LinearTrend | null {
  const n = points.length;
  if (n < 2) return null;
  const xs = points.map((p) => p.x);
  const xMean = mean(xs);
  const sxx = xs.reduce((sum, x) => sum + (x - xMean) ** 2, 0);
  if (!(sxx > 0)) return null;
  const pairs = points.map((p) => [p.x, p.y]);
  const { m: slope, b: intercept } = linearRegression(pairs);
  const ys = points.map((p) => p.y);
  const yVaries = ys.some((y) => y !== ys[0]);
  const r2 = yVaries ? rSquared(pairs, (x) => intercept + slope * x) : null;
  if (n < 3) return { n, slope, intercept, r2, se: null, low: null, high: null };
  const sse = points.reduce((sum, p) => sum + (p.y - (intercept + slope * p.x)) ** 2, 0);
  const se = Math.sqrt(sse / (n - 2) / sxx);
  const margin = studentTQuantile(1 - (1 - confidence) / 2, n - 2) * se;
  return { n, slope, intercept, r2, se, low: slope - margin, high: slope + margin };
}

export interface ProportionChange {
  /** p₂ − p₁ */
  difference: number;
  z: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Two-proportion z-test with the pooled proportion (e.g. Agresti, Categorical Data Analysis, §2.2):
 * z = (p̂₂ − p̂₁) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)), p̂ = (x₁ + x₂)/(n₁ + n₂). Null when undefined.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): ProportionChange | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const difference = x2 / n2 - x1 / n1;
  if (!(se > 0)) return { difference, z: 0, p: 1 };
  const z = difference / se;
  return { difference, z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}

/**
 * Each value's z-score against the others of its group (leave-one-out, so an outlier does not pull the
 * mean and inflate the deviation it is measured by): (v − mean of the others) / their sample standard
 * deviation. Null when fewer than `minOthers` others or when the others do not vary.
 */
export function leaveOneOutZ(values: readonly number[], minOthers = 3): (number | null)[] {
  return values.map((value, i) => {
    const others = values.filter((_, j) => j !== i);
    if (others.length < Math.max(2, minOthers)) return null;
    const sd = sampleStandardDeviation(others);
    // Equal values leave a rounding residue (3e-17), not a spread to measure by.
    return sd > 1e-12 ? (value - mean(others)) / sd : null;
  });
}

/**
 * P(X ≥ observed) for X ~ Poisson(expected): 1 − Σ_{k < observed} e^(−λ) λ^k / k!, each term from the
 * previous (× λ/k). The exact one-sided test of an observed count against its expectation. Past
 * λ = 500, where e^(−λ) underflows, the normal approximation with continuity correction,
 * 1 − Φ((observed − ½ − λ) / √λ), which is within 10⁻³ of the exact tail there.
 */
export function poissonUpperTail(observed: number, expected: number): number {
  if (observed <= 0) return 1;
  if (!(expected > 0)) return 0;
  if (expected > 500) return 1 - normalCdf((observed - 0.5 - expected) / Math.sqrt(expected));
  let term = Math.exp(-expected);
  let below = term;
  for (let k = 1; k < observed; k++) {
    term *= expected / k;
    below += term;
  }
  return Math.min(1, Math.max(0, 1 - below));
}
