// CSV for people, written by the server (RFC 4180): the cells of the API's CSV exports
// (api/plugins/formats.ts) and of the cohort report's CSV (csv-report.ts). The web app has its own
// copy of these few lines (web/lib/csv.ts) because it may import nothing from the server; the rules are
// the same:
// - a field is quoted when it holds a comma, a double quote, CR or LF, or leading/trailing spaces
//   (which Excel would trim), quotes doubled; lines end with CRLF;
// - text a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading single
//   quote (OWASP "CSV injection"); numbers are written as numbers, negative ones too;
// - numbers are cut to 15 significant digits (the most a double holds exactly in decimal);
// - null and undefined are empty cells (a suppressed cell is empty, never 0);
// - objects and arrays (a censored rate's note, a box plot's outliers) are written as JSON text.
// Files start with the UTF-8 byte-order mark so that Excel opens Chinese text correctly.

export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with its CRLF) of `values`. */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
