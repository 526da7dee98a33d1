// Withdrawal rate per band of a first-year risk factor, with the relative risk of each band against a
// reference band and its Katz 95 % interval (relative-risk.ts). Pure: the counts come from
// sql/metrics/status/withdrawal-risk-factors.sql.
//
// Reference band (our rule): the band with the most students, ties to the lower band — a stable,
// large comparison group (the middle of the GPA distribution; no failed credits for failed credits),
// so that an interval is rarely undefined. The reference band itself has rr = 1 and no interval.
import { relativeRisk } from './relative-risk.ts';

export interface BandCount {
  factor: string;
  band_order: number;
  band: string;
  students: number;
  withdrawn: number;
}

export interface RiskRow extends BandCount {
  rate: number | null;
  reference: boolean;
  rr: number | null;
  rr_lower: number | null;
  rr_upper: number | null;
  /** The 0.5 correction was needed (a zero count in the band or the reference). */
  corrected: boolean;
}

export function riskTable(rows: readonly BandCount[]): RiskRow[] {
  const factors = [...new Set(rows.map((r) => r.factor))];
  return factors.flatMap((factor) => {
    const bands = rows.filter((r) => r.factor === factor).sort((x, y) => x.band_order - y.band_order);
    const reference = bands.reduce((best, r) => (r.students > best.students ? r : best), bands[0]);
    return bands.map((band): RiskRow => {
      const rate = band.students > 0 ? band.withdrawn / band.students : null;
      if (band === reference) return { ...band, rate, reference: true, rr: 1, rr_lower: null, rr_upper: null, corrected: false };
      const rr = relativeRisk(band.withdrawn, band.students, reference.withdrawn, reference.students);
      return {
        ...band,
        rate,
        reference: false,
        rr: rr?.rr ?? null,
        rr_lower: rr?.lower ?? null,
        rr_upper: rr?.upper ?? null,
        corrected: rr?.corrected ?? false,
      };
    });
  });
}
