// How a report cell is written for people (PDF tables, chart labels): one place, so the PDF and the
// page's preview agree. Spreadsheets get the numbers themselves (xlsx-report.ts); CSV the raw values.
import type { ColumnKind, ReportColumn } from './cohort-report.ts';

/** The overview's value column holds counts, rates and decimals: each row says which (`kind`). */
export function kindOf(column: ReportColumn, row: Record<string, unknown>): ColumnKind {
  return column.key === 'value' && typeof row.kind === 'string' ? (row.kind as ColumnKind) : column.kind;
}

/** '—' for a hidden or unmeasurable cell; rates as percentages with one decimal; decimals with two. */
export function formatCell(value: unknown, kind: ColumnKind): string {
  if (value === '') return '';
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '—';
  if (kind === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (kind === 'decimal') return value.toFixed(2);
  return String(value);
}
