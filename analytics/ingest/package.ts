// What a transfer package is made of: data files (CSV and other delimited text, XLSX, JSON Lines), and
// optionally the sender's manifest.json and a README. Anything else is refused before it is read —
// executables, archives, legacy binary Excel, macro workbooks — and a data file whose first bytes say it
// is something other than its name claims is refused too (security: files of unexpected types).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileSniff } from './sniff.ts';

export type FileKind = 'csv' | 'xlsx' | 'jsonl';

export interface PackageFile {
  /** The name inside the package (also the provenance `source_file`). */
  name: string;
  path: string;
  kind: FileKind;
}

export interface PackageListing {
  /** A name for the package: its folder's name, or the file's name for a one-file package. */
  source: string;
  files: PackageFile[];
  manifestPath: string | null;
  /** Companion files kept out of the data: README. */
  companions: string[];
}

/** A problem with the package as a whole: nothing is committed and the message says what to fix. */
export class PackageProblem extends Error {}

const KINDS: Record<string, FileKind> = { '.csv': 'csv', '.tsv': 'csv', '.txt': 'csv', '.xlsx': 'xlsx', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };
const COMPANIONS = new Set(['readme.md', 'readme.txt']);

const REFUSED_EXTENSIONS: Record<string, string> = {
  '.xls': 'legacy binary Excel (.xls) is not an open format: save it as .xlsx or CSV',
  '.xlsm': 'workbooks with macros are not accepted: save it as .xlsx without macros, or CSV',
  '.xlsb': 'binary Excel (.xlsb) is not an open format: save it as .xlsx or CSV',
  '.zip': 'archives are not unpacked by the archive: send the files themselves',
  '.rar': 'archives are not unpacked by the archive: send the files themselves',
  '.7z': 'archives are not unpacked by the archive: send the files themselves',
  '.gz': 'compressed files are not unpacked by the archive: send the files themselves',
  '.exe': 'executable files are never accepted',
  '.dll': 'executable files are never accepted',
  '.bat': 'scripts are never accepted',
  '.cmd': 'scripts are never accepted',
  '.sh': 'scripts are never accepted',
  '.js': 'scripts are never accepted',
  '.vbs': 'scripts are never accepted',
  '.ps1': 'scripts are never accepted',
  '.doc': 'documents are not data: export the table as CSV or XLSX',
  '.docx': 'documents are not data: export the table as CSV or XLSX',
  '.pdf': 'documents are not data: export the table as CSV or XLSX',
};

export const ACCEPTED_EXTENSIONS = Object.keys(KINDS);

export function kindOf(name: string): FileKind | null {
  return KINDS[path.extname(name).toLowerCase()] ?? null;
}

/** The files of a package folder, or a one-file package; refuses unexpected files with the reason. */
export async function listPackage(input: string): Promise<PackageListing> {
  let info;
  try {
    info = await stat(input);
  } catch {
    throw new PackageProblem(`no package at ${input}`);
  }
  if (info.isFile()) {
    const name = path.basename(input);
    const kind = kindOf(name);
    if (!kind) throw new PackageProblem(refusal(name));
    return { source: name, files: [{ name, path: input, kind }], manifestPath: null, companions: [] };
  }
  const entries = await readdir(input, { withFileTypes: true });
  const files: PackageFile[] = [];
  const refused: string[] = [];
  const companions: string[] = [];
  let manifestPath: string | null = null;
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile()) {
      refused.push(`${entry.name}: folders inside a package are not read; put every file at the top level`);
      continue;
    }
    const lower = entry.name.toLowerCase();
    if (lower === 'manifest.json') manifestPath = path.join(input, entry.name);
    else if (COMPANIONS.has(lower)) companions.push(entry.name);
    else {
      const kind = kindOf(entry.name);
      if (kind) files.push({ name: entry.name, path: path.join(input, entry.name), kind });
      else refused.push(refusal(entry.name));
    }
  }
  if (refused.length > 0) throw new PackageProblem(`unexpected files in the package: ${refused.join('; ')}`);
  if (files.length === 0) {
    throw new PackageProblem(`the package at ${input} holds no data files (${ACCEPTED_EXTENSIONS.join(', ')}), e.g. students.csv, grades.csv`);
  }
  return { source: path.basename(path.resolve(input)), files, manifestPath, companions };
}

function refusal(name: string): string {
  const reason = REFUSED_EXTENSIONS[path.extname(name).toLowerCase()];
  return `${name}: ${reason ?? `unexpected file type; a package holds ${ACCEPTED_EXTENSIONS.join(', ')} files, manifest.json and README.md`}`;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const SIGNATURES: [Buffer, string][] = [
  [Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'a legacy Office file (.xls/.doc)'],
  [ZIP, 'a ZIP archive (an .xlsx or .zip?)'],
  [Buffer.from('MZ'), 'a Windows executable'],
  [Buffer.from([0x7f, 0x45, 0x4c, 0x46]), 'an ELF executable'],
  [Buffer.from('%PDF'), 'a PDF document'],
  [Buffer.from([0x1f, 0x8b]), 'a gzip archive'],
];

/** Checks that a data file's content is what its name says; returns the refusal reason or null. */
export function contentMismatch(file: PackageFile, sniff: FileSniff): string | null {
  if (sniff.bytes === 0) return `${file.name} is empty`;
  if (file.kind === 'xlsx') {
    return sniff.head.subarray(0, 4).equals(ZIP) ? null : `${file.name} is named .xlsx but is not an XLSX workbook (it does not start as a ZIP container)`;
  }
  for (const [signature, what] of SIGNATURES) {
    if (sniff.head.subarray(0, signature.length).equals(signature)) return `${file.name} is named as text but is ${what}`;
  }
  if (sniff.hasNul && sniff.bom !== 'utf-16le' && sniff.bom !== 'utf-16be') return `${file.name} holds NUL bytes: it is a binary file, not text`;
  return null;
}
