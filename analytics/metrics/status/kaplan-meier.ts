// The Kaplan–Meier estimate of a survival curve from a life table (events and censored counts per
// time), with Greenwood's variance and a pointwise 95 % band on the log-log scale.
//
//   S(t) = Π_{t_j ≤ t} (1 − d_j / n_j)                                   (Kaplan & Meier 1958)
//   Var[S(t)] = S(t)² Σ_{t_j ≤ t} d_j / (n_j (n_j − d_j))                (Greenwood 1926)
//   band: exp(−exp(log(−log S) ± z · σ)), σ = √(Σ d_j / (n_j (n_j − d_j))) / |log S|
//   (Kalbfleisch & Prentice 2002, §1.4; the "log-log" band of R's survfit(conf.type = "log-log"))
//
// n_j, the number at risk at t_j, counts everyone whose time is t_j or later: a student censored at
// t_j (followed through term t_j without the event) was at risk in it — censoring after events, the
// usual convention for tied times. The log-log band stays inside [0, 1], which matters here: survival
// from withdrawal is close to 1, where the plain band (S ± z·SE) would cross 1. While S = 1 (no event
// yet) the band is the single point 1; once S = 0 it is 0.
import { normalQuantile } from '../statistics.ts';

export interface LifeTableRow {
  /** Time of the events / censorings (here: term index since entry). */
  time: number;
  events: number;
  censored: number;
}

export interface KaplanMeierStep {
  time: number;
  /** At risk just before `time`: everyone whose time is `time` or later. */
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  /** Greenwood standard error of S(t). */
  stdError: number;
  lower: number;
  upper: number;
}

/**
 * One step per distinct time (ascending), from rows that may repeat a time (they are summed).
 * Times with neither events nor censorings are dropped; an empty table gives no steps.
 */
export function kaplanMeier(rows: readonly LifeTableRow[], confidence = 0.95): KaplanMeierStep[] {
  const byTime = new Map<number, { events: number; censored: number }>();
  let total = 0;
  for (const row of rows) {
    if (row.events < 0 || row.censored < 0) throw new RangeError(`negative count at time ${row.time}`);
    const cell = byTime.get(row.time) ?? { events: 0, censored: 0 };
    cell.events += row.events;
    cell.censored += row.censored;
    byTime.set(row.time, cell);
    total += row.events + row.censored;
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const steps: KaplanMeierStep[] = [];
  let atRisk = total;
  let survival = 1;
  let greenwood = 0; // Σ d / (n (n − d))
  for (const time of [...byTime.keys()].sort((a, b) => a - b)) {
    const { events, censored } = byTime.get(time)!;
    if (events + censored === 0) continue;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood = events < atRisk ? greenwood + events / (atRisk * (atRisk - events)) : Infinity;
    }
    const stdError = survival > 0 && Number.isFinite(greenwood) ? survival * Math.sqrt(greenwood) : 0;
    const [lower, upper] = logLogBand(survival, greenwood, z);
    steps.push({ time, atRisk, events, censored, survival, stdError, lower, upper });
    atRisk -= events + censored;
  }
  return steps;
}

function logLogBand(survival: number, greenwood: number, z: number): [number, number] {
  if (survival >= 1) return [1, 1];
  if (survival <= 0 || !Number.isFinite(greenwood)) return [0, 0];
  const logS = Math.log(survival);
  const sigma = Math.sqrt(greenwood) / Math.abs(logS);
  const centre = Math.log(-logS);
  // A larger log(−log S) means a smaller S: the + side gives the lower bound.
  return [Math.exp(-Math.exp(centre + z * sigma)), Math.exp(-Math.exp(centre - z * sigma))];
}
