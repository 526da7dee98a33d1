// One CSV file written as a stream: UTF-8 without BOM, LF line ends, RFC 4180 quoting (a field holding a
// comma, a double quote or a line break is quoted, its quotes doubled), an empty field for NULL. Lines
// are gathered into a chunk of about 1 MB, then handed to the file stream; when the stream's buffer is
// full the caller awaits 'drain' (backpressure), so memory stays bounded however many rows are written.
// The SHA-256 and the row count are computed on the way, for the package manifest.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createHash, type Hash } from 'node:crypto';

const NEEDS_QUOTES = /[",\r\n]/;

/** A text value as a CSV field; null and undefined become the empty field (NULL). */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Characters gathered before a chunk is written (Chinese text is 3 bytes a character in UTF-8). */
const CHUNK_CHARS = 1 << 20;

export interface WrittenFile {
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export class CsvFileWriter {
  rows = 0;
  private bytes = 0;
  private chunk = '';
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private failure: Error | undefined;

  constructor(
    readonly path: string,
    columns: readonly string[],
  ) {
    this.stream = createWriteStream(path, { highWaterMark: 4 * CHUNK_CHARS });
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
    this.chunk = columns.map(csvField).join(',') + '\n';
  }

  /** Adds one row, already rendered as CSV fields joined by commas, without the line end. */
  row(line: string): void {
    this.chunk += line;
    this.chunk += '\n';
    this.rows++;
  }

  /** True when a chunk is ready: the caller should `await flush()` at its next safe point. */
  get full(): boolean {
    return this.chunk.length >= CHUNK_CHARS;
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.chunk.length === 0) return;
    const buffer = Buffer.from(this.chunk, 'utf8');
    this.chunk = '';
    this.hash.update(buffer);
    this.bytes += buffer.length;
    if (!this.stream.write(buffer)) await once(this.stream, 'drain');
  }

  async close(): Promise<WrittenFile> {
    await this.flush();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
    if (this.failure) throw this.failure;
    return { path: this.path, rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Closes the file descriptor without caring about the content (after another failure). */
  abort(): void {
    this.stream.destroy();
  }
}
