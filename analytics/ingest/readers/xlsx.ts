// XLSX in Node (DuckDB's excel extension cannot be downloaded here): exceljs's streaming reader, one row
// at a time, into a normalized file. The first sheet unless one is named; the first non-empty row is the
// header; a record's line is its Excel row number. Cells become text as a person would read them:
// dates as YYYY-MM-DD (with the time when there is one), numbers without binary noise, formulas by
// their cached result, rich text as its plain text.
import ExcelJS from 'exceljs';
import { NormalizedWriter } from './normalized-writer.ts';
import { cleanHeader } from './dialect.ts';

export class SheetProblem extends Error {}

export interface XlsxResult {
  sheet: string;
  sheets: string[];
  header: string[];
  rows: number;
  misshapen: number;
}

export async function normalizeXlsx(file: string, target: string, sheetName?: string): Promise<XlsxResult> {
  try {
    return await readWorkbook(file, target, sheetName);
  } catch (error) {
    if (error instanceof SheetProblem) throw error;
    // Read once more from the start before refusing the file: exceljs's streaming reader (4.4, over
    // unzipper 0.10) once failed on the sample workbook in a full test run on a loaded machine — "Cannot
    // read properties of undefined (reading 'sheets')": the workbook part it had read came out empty —
    // and read it without fault 1,000 times in a loop and in 129 runs of the receipt's XLSX tests under
    // load: a fault that comes and goes. A workbook that truly cannot be read fails twice.
    return await readWorkbook(file, target, sheetName);
  }
}

async function readWorkbook(file: string, target: string, sheetName?: string): Promise<XlsxResult> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // The workbook is read to its end, every sheet through, even once the wanted one is done: exceljs
  // parks a sheet that comes before the shared strings in a temp file, opens it when it hands the
  // sheet out and deletes it only when the next is asked for. A sheet left unread lost that race (an
  // uncaught ENOENT); leaving the loop early kept the files until the process ended.
  const seen: string[] = [];
  let chosen: { name: string; read: SheetRead } | null = null;
  for await (const worksheet of workbook) {
    const name = (worksheet as unknown as { name: string }).name;
    seen.push(name);
    const wanted = chosen === null && (sheetName !== undefined ? name === sheetName : seen.length === 1);
    if (wanted) chosen = { name, read: await normalizeSheet(worksheet, target) };
    else for await (const _row of worksheet) void _row;
  }
  if (chosen === null) {
    if (sheetName !== undefined) throw new SheetProblem(`has no sheet named "${sheetName}"; its sheets are ${seen.join(', ') || '(none)'}`);
    throw new SheetProblem('has no worksheets');
  }
  if (chosen.read === 'empty') throw new SheetProblem(`sheet "${chosen.name}" is empty: no header row`);
  return { sheet: chosen.name, sheets: seen, ...chosen.read };
}

type SheetRead = Pick<XlsxResult, 'header' | 'rows' | 'misshapen'> | 'empty';

/** One sheet's rows into the normalized file: the first non-empty row is the header. */
async function normalizeSheet(worksheet: AsyncIterable<ExcelJS.Row>, target: string): Promise<SheetRead> {
  let header: string[] | null = null;
  let writer: NormalizedWriter | null = null;
  try {
    for await (const row of worksheet) {
      const cells = rowCells(row.values as unknown[]);
      if (cells.every((c) => c === '')) continue;
      if (header === null) {
        header = trimTrailingEmpty(cells).map(cleanHeader);
        writer = new NormalizedWriter(target, header.length);
        continue;
      }
      // Empty cells at the end of a row are how spreadsheets store blanks: pad them, don't flag them.
      const fields = trimTrailingEmpty(cells);
      while (fields.length < header.length) fields.push('');
      await writer!.write(row.number, fields);
    }
  } catch (error) {
    // Closed before the error goes on, so that a second read (normalizeXlsx) writes the file alone.
    await writer?.close().catch(() => undefined);
    throw error;
  }
  if (!header || !writer) return 'empty';
  await writer.close();
  return { header, rows: writer.rows, misshapen: writer.problems };
}

/** exceljs gives row.values 1-based and sparse. */
function rowCells(values: unknown[]): string[] {
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  return cells;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
    if (v.formula) return '';
  }
  return String(value);
}
