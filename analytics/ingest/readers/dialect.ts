// The delimiter and header of a delimited text file, read from its first 64 KB. Exports use ',' (CSV),
// ';' (European Excel, the UCI files), tab (Excel "Unicode text") or '|' (some registry systems); the one
// giving the most consistent number of fields per record, with more than one field, wins.
import { open } from 'node:fs/promises';
import { CsvTokenizer, type CsvRecord } from './csv-tokenizer.ts';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_RECORDS = 50;

export interface Dialect {
  delimiter: string;
  /** Header cells as received, with a BOM and surrounding white space removed. */
  header: string[];
}

export async function readSample(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    // Cut at the last line end, so no partial character or record is judged.
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    if (bytesRead === SAMPLE_BYTES) text = text.slice(0, Math.max(text.lastIndexOf('\n') + 1, 1));
    return text.replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

export function detectDialect(sample: string, override?: string): Dialect {
  const candidates = override ? [override] : DELIMITERS;
  let best: { delimiter: string; records: CsvRecord[]; score: number } | null = null;
  for (const delimiter of candidates) {
    const records = tokenize(sample, delimiter);
    if (records.length === 0) continue;
    const width = records[0].fields.length;
    const rest = records.slice(1);
    const consistent = rest.length === 0 ? 1 : rest.filter((r) => r.fields.length === width).length / rest.length;
    // More than one field matters most, then consistency, then (for ties) more fields.
    const score = (width > 1 ? 1000 : 0) + consistent * 100 + Math.min(width, 99) / 100;
    if (!best || score > best.score) best = { delimiter, records, score };
  }
  if (!best) return { delimiter: override ?? ',', header: [] };
  return { delimiter: best.delimiter, header: best.records[0].fields.map(cleanHeader) };
}

export function cleanHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim();
}

function tokenize(sample: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (record) => {
    if (records.length < SAMPLE_RECORDS) records.push(record);
  });
  tokenizer.push(sample);
  tokenizer.end();
  return records;
}
