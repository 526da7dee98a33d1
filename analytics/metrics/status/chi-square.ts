// The chi-square distribution's upper tail, P(X ≥ x) for X ~ χ²(df): the p-value of a chi-square
// statistic. P(X ≥ x) = Q(df/2, x/2), the regularized upper incomplete gamma function, computed by its
// series where x < a + 1 and by its continued fraction (modified Lentz) elsewhere (Press et al.,
// Numerical Recipes, 3rd ed., §6.2). log Γ comes from simple-statistics.
import { gammaln } from 'simple-statistics';

export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareSurvival needs df > 0, got ${df}`);
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  return upperRegularizedGamma(df / 2, x / 2);
}

function upperRegularizedGamma(a: number, x: number): number {
  const prefix = Math.exp(-x + a * Math.log(x) - gammaln(a));
  if (x < a + 1) {
    // Series for P(a, x) = e^{−x} x^a / Γ(a) · Σ x^n / (a (a+1) … (a+n)); Q = 1 − P.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - prefix * sum);
  }
  // Continued fraction for Q(a, x) = e^{−x} x^a / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, prefix * h);
}
