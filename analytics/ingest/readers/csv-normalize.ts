// The slow, careful path for a delimited text file that DuckDB's strict reader refused (ragged rows) or
// whose records span lines (so a record's number no longer gives its line): every record is tokenized in
// Node and written to a normalized file (see normalized-writer.ts) with its line and, when it does not
// fit the header, the reason. A file that ends inside a quoted field, or whose last record is short and
// has no line end, was cut off in transit: that is reported as truncation, which refuses the package.
import { createReadStream } from 'node:fs';
import { CsvTokenizer, type CsvRecord } from './csv-tokenizer.ts';
import { NormalizedWriter } from './normalized-writer.ts';

export interface NormalizedCsv {
  rows: number;
  /** Records that did not fit the header (quarantined later with the reason). */
  misshapen: number;
  /** Why the file looks cut off, or null. */
  truncated: string | null;
}

export async function normalizeCsv(utf8File: string, delimiter: string, width: number, target: string): Promise<NormalizedCsv> {
  const writer = new NormalizedWriter(target, width);
  let header = true;
  let last: CsvRecord | null = null;
  const pending: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (record) => {
    if (header) {
      header = false;
      return;
    }
    pending.push(record);
  });
  for await (const chunk of createReadStream(utf8File, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    tokenizer.push(chunk as string);
    // Records are written after each chunk, awaiting backpressure, so at most one chunk's worth is held.
    for (const record of pending) {
      await writer.write(record.line, record.fields);
      last = record;
    }
    pending.length = 0;
  }
  tokenizer.end();
  for (const record of pending) {
    await writer.write(record.line, record.fields);
    last = record;
  }
  await writer.close();

  let truncated: string | null = null;
  if (tokenizer.unterminatedQuoteLine !== null) {
    truncated = `the file ends inside a quoted field that starts on line ${tokenizer.unterminatedQuoteLine}`;
  } else if (last && !last.terminated && last.fields.length < width) {
    truncated = `the last row (line ${last.line}) has ${last.fields.length} of ${width} fields and no line end`;
  }
  return { rows: writer.rows, misshapen: writer.problems, truncated };
}
