// A streaming RFC 4180 tokenizer: text goes in by chunks, records come out one at a time with the line
// they started on, so a record can be found again in the sender's file. Used where DuckDB's reader
// cannot go (ragged rows, line numbers of records spanning lines, dialect sniffing); memory stays at one
// record, whatever the file's size.

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file on which the record starts. */
  line: number;
  /** False for a last record with no line end (a truncated file, or just a missing final newline). */
  terminated: boolean;
}

export class CsvTokenizer {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** The current field began with a quote (so a delimiter inside it is text). */
  private quoted = false;
  /** Just saw a quote inside a quoted field: either the closing quote or the first of a doubled pair. */
  private quotePending = false;
  private line = 1;
  private recordLine = 1;
  private pendingCr = false;
  private recordStarted = false;
  /** Set by end(): the file ended inside a quoted field that started on this line. */
  unterminatedQuoteLine: number | null = null;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly quote = '"',
  ) {}

  push(text: string): void {
    const { delimiter, quote } = this;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === '\n') continue; // the LF of a CRLF already ended the record
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (ch === quote) {
            this.field += quote;
            continue;
          }
          this.inQuotes = false; // that quote closed the field; fall through to read ch normally
        } else if (ch === quote) {
          this.quotePending = true;
          continue;
        } else {
          if (ch === '\n') this.line++; // lines are counted by LF inside quotes (CRLF and LF files alike)
          this.field += ch;
          continue;
        }
      }
      if (ch === delimiter) {
        this.fields.push(this.field);
        this.field = '';
        this.quoted = false;
        this.recordStarted = true;
      } else if (ch === '\n' || ch === '\r') {
        this.endRecord(true);
        this.line++;
        this.recordLine = this.line;
        if (ch === '\r') this.pendingCr = true;
      } else if (ch === quote && this.field === '' && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
        this.recordStarted = true;
      } else {
        this.field += ch;
        this.recordStarted = true;
      }
    }
  }

  /** Flushes the last record; call once at the end of the input. */
  end(): void {
    if (this.inQuotes && !this.quotePending) {
      this.unterminatedQuoteLine = this.recordLine;
    }
    this.inQuotes = false;
    this.quotePending = false;
    if (this.recordStarted || this.field !== '') this.endRecord(false);
  }

  private endRecord(terminated: boolean): void {
    if (!this.recordStarted && this.field === '' && this.fields.length === 0) return; // blank line
    this.fields.push(this.field);
    this.onRecord({ fields: this.fields, line: this.recordLine, terminated });
    this.fields = [];
    this.field = '';
    this.quoted = false;
    this.recordStarted = false;
  }
}
