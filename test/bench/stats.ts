// The bench's statistics: quantiles of latency samples. Pure, so test/unit/bench-stats.test.ts can
// check them by hand and the bench code cannot rot unnoticed. A benchmark reports medians and p95 of
// repeated runs, never one run.

/**
 * The p-quantile of `samples` by linear interpolation between order statistics (Hyndman & Fan type 7,
 * as DuckDB's quantile_cont and R's default): h = (n − 1) p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]).
 */
export function quantile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile p must be 0–1, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return { n: samples.length, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: samples.length ? Math.max(...samples) : NaN };
}

/** Milliseconds for a table: 1 decimal below 10 ms, whole above. */
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value < 10 ? value.toFixed(1) : Math.round(value).toString();
}

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (/^[\d.,—×%-]+$/.test(c) && i > 0 ? ' '.repeat(widths[i] - width(c)) + c : c + ' '.repeat(widths[i] - width(c)))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
