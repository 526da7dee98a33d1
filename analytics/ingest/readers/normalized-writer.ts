// Writes the "normalized" UTF-8 CSV that DuckDB stages when a file cannot be read by DuckDB as it came
// (an XLSX sheet, JSON Lines, a CSV with ragged rows or records spanning lines): one record per source
// record, the source line it started on, a read problem when the record does not fit the header, the
// header's fields in order, and any surplus fields joined, so nothing received is dropped. Buffered, with
// backpressure, so memory stays flat however long the file.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Column names of a normalized file: __line, __problem, c1…cN, __extra. */
export function normalizedColumns(width: number): string[] {
  return ['__line', '__problem', ...sourceColumnNames(width), '__extra'];
}

/** Positional names for the source columns: headers are data from the sender and never enter SQL text. */
export function sourceColumnNames(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `c${i + 1}`);
}

const FLUSH_AT = 1 << 20;

export class NormalizedWriter {
  private readonly out: WriteStream;
  private buffer = '';
  rows = 0;
  problems = 0;
  private failure: Error | undefined;

  constructor(
    file: string,
    private readonly width: number,
  ) {
    this.out = createWriteStream(file);
    // Kept for the next write or the close to throw: an 'error' with no listener (a full disk, a
    // folder in the way) would otherwise end the whole process, the server included.
    this.out.on('error', (error) => {
      this.failure ??= error;
    });
    this.buffer = `${normalizedColumns(width).join(',')}\n`;
  }

  /** One source record; fields beyond the header's width go to __extra, missing ones are empty. */
  async write(line: number, fields: string[], problem = ''): Promise<void> {
    if (this.failure) throw this.failure;
    let note = problem;
    if (!note && fields.length !== this.width) note = `the row has ${fields.length} fields where the header has ${this.width}`;
    if (note) this.problems++;
    const cells = [String(line), quote(note)];
    for (let i = 0; i < this.width; i++) cells.push(quote(fields[i] ?? ''));
    cells.push(quote(fields.length > this.width ? fields.slice(this.width).join(' | ') : ''));
    this.buffer += `${cells.join(',')}\n`;
    this.rows++;
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    const finished = once(this.out, 'finish');
    this.out.end();
    await finished;
  }

  private async flush(): Promise<void> {
    // A stream that failed takes no more writes and would never drain.
    if (this.failure) throw this.failure;
    if (this.buffer === '') return;
    const ok = this.out.write(this.buffer);
    this.buffer = '';
    if (!ok) await once(this.out, 'drain');
  }
}

function quote(value: string): string {
  if (value === '') return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
