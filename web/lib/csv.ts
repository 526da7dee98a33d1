// CSV built in the browser from the rows a chart's data table shows (RFC 4180).
//
// - Fields are quoted when they contain a comma, a double quote, CR or LF (quotes doubled), or
//   leading/trailing spaces (which Excel would otherwise trim); lines end with CRLF.
// - Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is prefixed
//   with a single quote (OWASP "CSV injection"); numbers are written as numbers, negative ones too.
// - Numbers are written raw (0.081, not "8.1%"): the file is for further analysis; the on-screen
//   table formats them. They are cut to 15 significant digits, the most a double holds exactly in
//   decimal, so binary noise (54.800000000000004) leaves and no real digit does.
// - The download carries a UTF-8 byte-order mark so that Excel opens Chinese text correctly.

export interface CsvColumn {
	key: string;
	label: string;
}

export type CsvRow = Record<string, unknown>;

export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
	if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	let text = value instanceof Date ? value.toISOString() : String(value);
	if (FORMULA_START.test(text)) text = `'${text}`;
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text (no BOM) of `rows`, with a header line of the columns' labels, in column order. */
export function toCsv(columns: readonly CsvColumn[], rows: readonly CsvRow[]): string {
	const lines = [columns.map((column) => field(column.label)).join(',')];
	for (const row of rows) lines.push(columns.map((column) => field(row[column.key])).join(','));
	return lines.join('\r\n') + '\r\n';
}

/** The CSV file for `rows`, UTF-8 with BOM. */
export function csvBlob(columns: readonly CsvColumn[], rows: readonly CsvRow[]): Blob {
	return new Blob([UTF8_BOM + toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
}
