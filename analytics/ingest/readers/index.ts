// Turns each received data file into a UTF-8 CSV that DuckDB can stage, doing in Node only what DuckDB
// cannot do here: decoding GBK/GB18030 or UTF-16, reading XLSX, flattening JSON Lines. A UTF-8 CSV is
// read by DuckDB as it came ("raw"); everything else, and any CSV DuckDB's strict reader refuses, goes
// through a "normalized" copy in the accession's scratch folder (see normalized-writer.ts).
import path from 'node:path';
import type { PackageFile } from '../package.ts';
import type { FileSniff } from '../sniff.ts';
import { chooseEncoding, decodeToUtf8, EncodingProblem, type EncodingChoice } from './encoding.ts';
import { detectDialect, readSample } from './dialect.ts';
import { normalizeCsv } from './csv-normalize.ts';
import { jsonlKeys, normalizeJsonl } from './jsonl.ts';
import { normalizeXlsx, SheetProblem } from './xlsx.ts';

export interface ReadOptions {
  /** The sender's or archivist's statement of the encoding (otherwise detected). */
  encoding?: string;
  delimiter?: string;
  /** For XLSX: the sheet to read (otherwise the first). */
  sheet?: string;
}

export interface PreparedSource {
  file: PackageFile;
  sniff: FileSniff;
  encoding: EncodingChoice | null;
  /** Undecodable characters met while decoding (0 for a clean decode). */
  replacements: number;
  delimiter: string;
  header: string[];
  /** The UTF-8 CSV DuckDB reads. */
  csvPath: string;
  layout: 'raw' | 'normalized';
  /** Of the text in csvPath: line ends, and whether it ends with one (for the line-number shortcut). */
  lineFeeds: number;
  endsWithNewline: boolean;
  sheet: { name: string; sheets: string[] } | null;
  /** Records that do not fit the header (normalized layout only). */
  misshapen: number;
  /** Why the file looks cut off in transit, or null. */
  truncated: string | null;
}

/** A file that cannot be read; the message says why, for the refusal. */
export class UnreadableFile extends Error {}

export async function prepareSource(file: PackageFile, sniff: FileSniff, scratch: string, index: number, options: ReadOptions = {}): Promise<PreparedSource> {
  const base = { file, sniff, replacements: 0, sheet: null, misshapen: 0, truncated: null } as const;
  try {
    if (file.kind === 'xlsx') {
      const target = path.join(scratch, `source-${index}.normalized.csv`);
      const result = await normalizeXlsx(file.path, target, options.sheet);
      return {
        ...base,
        encoding: null,
        delimiter: ',',
        header: result.header,
        csvPath: target,
        layout: 'normalized',
        lineFeeds: 0,
        endsWithNewline: true,
        sheet: { name: result.sheet, sheets: result.sheets },
        misshapen: result.misshapen,
      };
    }
    const encoding = chooseEncoding(sniff, options.encoding);
    let text = { path: file.path, lineFeeds: sniff.lineFeeds, endsWithNewline: sniff.endsWithNewline, replacements: 0 };
    if (encoding.encoding !== 'utf-8') {
      const decodedPath = path.join(scratch, `source-${index}.utf8.txt`);
      const decoded = await decodeToUtf8(file.path, encoding.encoding, decodedPath);
      if (decoded.replacements > 0 && encoding.detected) {
        throw new EncodingProblem(
          `is neither valid UTF-8 nor clean GB18030 (${decoded.replacements} undecodable characters); state its encoding (--encoding) or export it again as UTF-8`,
        );
      }
      text = { path: decodedPath, lineFeeds: decoded.lineFeeds, endsWithNewline: sniff.endsWithNewline, replacements: decoded.replacements };
    }
    if (file.kind === 'jsonl') {
      const header = await jsonlKeys(text.path);
      const target = path.join(scratch, `source-${index}.normalized.csv`);
      const result = await normalizeJsonl(text.path, header, target);
      return { ...base, encoding, replacements: text.replacements, delimiter: ',', header, csvPath: target, layout: 'normalized', lineFeeds: 0, endsWithNewline: true, misshapen: result.misshapen };
    }
    const dialect = detectDialect(await readSample(text.path), options.delimiter);
    if (dialect.header.length === 0 || dialect.header.every((h) => h === '')) throw new UnreadableFile('has no header row');
    return {
      ...base,
      encoding,
      replacements: text.replacements,
      delimiter: dialect.delimiter,
      header: dialect.header,
      csvPath: text.path,
      layout: 'raw',
      lineFeeds: text.lineFeeds,
      endsWithNewline: text.endsWithNewline,
    };
  } catch (error) {
    if (error instanceof EncodingProblem || error instanceof SheetProblem || error instanceof UnreadableFile) {
      throw new UnreadableFile(`${file.name} ${error.message}`);
    }
    if (file.kind === 'xlsx') throw new UnreadableFile(`${file.name} cannot be read as an XLSX workbook: ${(error as Error).message}`);
    throw error;
  }
}

/** Re-reads a raw CSV through the tokenizer into a normalized copy (ragged rows, records spanning lines). */
export async function normalizeRaw(source: PreparedSource, scratch: string, index: number): Promise<PreparedSource> {
  const target = path.join(scratch, `source-${index}.normalized.csv`);
  const result = await normalizeCsv(source.csvPath, source.delimiter, source.header.length, target);
  return { ...source, csvPath: target, layout: 'normalized', delimiter: ',', misshapen: result.misshapen, truncated: result.truncated, lineFeeds: 0, endsWithNewline: true };
}
