// Receives a transfer package — a folder of exports (CSV in UTF-8 or GBK, XLSX, JSON Lines) and
// optionally the sender's manifest.json, or one such file — into a new immutable accession:
//   1. fixity: every file's SHA-256 (compared with the sender's manifest) and type; the same package
//      twice is a no-op that says so;
//   2. reading: decoded and, where DuckDB cannot read it as it came, normalized (analytics/ingest/readers);
//   3. mapping: each file to a canonical table by a header-mapping profile (data/profiles), given or
//      detected; direct identifiers dropped or masked (analytics/ingest/identifiers.ts);
//   4. checking: every row against the schema and the SQL rules (sql/archive/rules), bad rows to the
//      quarantine with every rule they broke, file and line; a table above the rejected-share limit,
//      a truncated file or a count that differs from the sender's refuses the package whole;
//   5. the four-property report (analytics/ingest/report.ts), then the commit.
// The accession is built in a dot-folder and appears whole or not at all (one rename); the register
// line follows (a crash between the two is repaired by recover.ts). The caller holds the writer lock.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import { loadSchema, TABLE_NAMES, type TableName, type TableSpec } from '../db/schema.ts';
import { DEFAULT_MAX_REJECTED_SHARE } from '../config.ts';
import { archiveLayout } from './layout.ts';
import { parquetFilesUnder, sha256 } from './files.ts';
import { accessionRegister } from './register.ts';
import { readVersion } from './version.ts';
import { SOFTWARE } from './software.ts';
import { contentMismatch, listPackage, PackageProblem, type PackageListing } from '../ingest/package.ts';
import { sniffFile, type FileSniff } from '../ingest/sniff.ts';
import { prepareSource, UnreadableFile, type PreparedSource, type ReadOptions } from '../ingest/readers/index.ts';
import { DELIMITERS } from '../ingest/readers/dialect.ts';
import { parseEncoding, EncodingProblem } from '../ingest/readers/encoding.ts';
import { findProfile, loadProfiles, ProfileError } from '../ingest/profiles/load.ts';
import { planFile, PlanProblem, type FilePlan } from '../ingest/plan.ts';
import { sourceFieldHeaders, type FileFacts, type StagePlan } from '../ingest/stage.ts';
import { checkTable, type TableCheck } from '../ingest/check.ts';
import { timed } from '../ingest/timing.ts';
import { Findings, renderReportText, type CheckItem, type FileReport, type IngestReport, type TableReport } from '../ingest/report.ts';

export interface TableReceipt {
  source_file: string;
  source_files: string[];
  sha256: string;
  bytes: number;
  rows_declared: number | null;
  rows_read: number;
  rows_accepted: number;
  rows_quarantined: number;
}

export interface AccessionManifest {
  accession_id: string;
  package_sha256: string;
  source: string;
  received_at: string;
  /** The profiles the files were read with, comma-separated (per file in `files`). */
  profile: string;
  software: typeof SOFTWARE;
  tables: Partial<Record<TableName, TableReceipt>>;
  files: { file: string; sha256: string; bytes: number; table: string; profile: string; rows_received: number }[];
  report_sha256: string;
}

export type IngestResult =
  | { status: 'committed'; manifest: AccessionManifest; report: IngestReport }
  | { status: 'already-received'; accession_id: string };

/** A problem with the package as a whole: nothing is committed; the message says what to fix and the
 * report (when reading got that far) says what was found. */
export class PackageRefused extends Error {
  constructor(
    message: string,
    readonly report: IngestReport | null = null,
  ) {
    super(message);
  }
}

export interface IngestProgress {
  phase: 'fixity' | 'reading' | 'mapping' | 'checking' | 'committing' | 'curating';
  file?: string;
  table?: string;
  /** For fixity: bytes read so far of all files, and in all. */
  bytes?: number;
  totalBytes?: number;
}

export interface IngestOptions extends ReadOptions {
  /** A profile name (data/profiles) or path to a profile .json; detected per file when absent. */
  profile?: string;
  /** The canonical table, for a package of one file whose name does not say it. */
  table?: string;
  /** The package's name in the report (default: the folder's or file's name), e.g. for uploads. */
  sourceName?: string;
  /** Refuse the package when any table's share of rejected rows is above this (default 0.2). */
  maxRejectedShare?: number;
  onProgress?: (progress: IngestProgress) => void;
}

interface SenderManifest {
  /** Per file: its SHA-256, its row count, and a canonical column holding a numbered sequence. */
  files?: Record<string, { rows?: number; sha256?: string; sequence?: string }>;
}

export async function ingestPackage(db: Database, dataDir: string, input: string, options: IngestOptions = {}): Promise<IngestResult> {
  const layout = archiveLayout(dataDir);
  await mkdir(layout.accessions, { recursive: true });
  const maxShare = options.maxRejectedShare ?? DEFAULT_MAX_REJECTED_SHARE;
  const progress = options.onProgress ?? (() => undefined);
  const { table: givenTable } = checkOptions(options);
  const listing = await refuseOn(() => listPackage(input), [PackageProblem]);
  if (givenTable && listing.files.length > 1) {
    throw new PackageRefused(`--table ${givenTable} names one table, but the package holds ${listing.files.length} data files; name each file after its table instead`);
  }

  // 1. Fixity and type, before anything interprets the bytes.
  const sniffs = new Map<string, FileSniff>();
  const totalBytes = await sumSizes(listing);
  let doneBytes = 0;
  for (const file of listing.files) {
    const sniff = await timed(file.name, 'fixity', () => sniffFile(file.path, (bytes) => progress({ phase: 'fixity', file: file.name, bytes: doneBytes + bytes, totalBytes })));
    doneBytes += sniff.bytes;
    sniffs.set(file.name, sniff);
  }
  for (const file of listing.files) {
    const mismatch = contentMismatch(file, sniffs.get(file.name)!);
    if (mismatch) throw new PackageRefused(`${mismatch}; files of unexpected types are refused`);
  }
  const names = listing.files.map((f) => f.name).sort();
  const packageSha = sha256(names.map((name) => `${name}:${sniffs.get(name)!.sha256}`).join('\n'));

  const register = await accessionRegister(layout.register).read();
  const earlier = register.find((entry) => entry.package_sha256 === packageSha);
  if (earlier) return { status: 'already-received', accession_id: earlier.accession_id };

  const sender = await readSenderManifest(listing.manifestPath);
  const findings = new Findings();
  const receivedAt = new Date();
  const reportBase = {
    package: {
      source: options.sourceName ?? listing.source,
      sha256: packageSha,
      received_at: receivedAt.toISOString(),
      files: listing.files.length,
      bytes: totalBytes,
      sender_manifest: listing.manifestPath !== null,
    },
    software: SOFTWARE,
    settings: { max_rejected_share: maxShare },
  };
  const fileReports = new Map<string, FileReport>();
  for (const file of listing.files) {
    const sniff = sniffs.get(file.name)!;
    fileReports.set(file.name, emptyFileReport(file.name, file.kind, sniff, sender.files?.[file.name]?.rows ?? null));
  }
  const refusal = (message: string, tables: TableReport[] = []) =>
    new PackageRefused(message, assembleReport(reportBase, null, message, [...fileReports.values()], tables, findings));

  findings.add('authenticity', {
    id: 'manifest.present',
    status: listing.manifestPath ? 'pass' : 'warn',
    title: '发送方清单 Sender manifest',
    detail: listing.manifestPath ? 'manifest.json received with the package' : 'no manifest.json: checksums and counts cannot be compared with what was sent',
  });
  for (const file of listing.files) {
    const sniff = sniffs.get(file.name)!;
    const declared = sender.files?.[file.name]?.sha256;
    const matches = !declared || declared.toLowerCase() === sniff.sha256;
    findings.add('authenticity', {
      id: 'fixity.sha256',
      file: file.name,
      status: matches ? 'pass' : 'fail',
      title: '固定性 SHA-256',
      detail: declared ? (matches ? `${sniff.sha256}, as the sender's manifest declares` : `${sniff.sha256}, but the sender's manifest declares ${declared}`) : `${sniff.sha256} (computed on receipt)`,
    });
    if (!matches) {
      throw refusal(`${file.name}: SHA-256 is ${sniff.sha256} but the sender's manifest declares ${declared}; the file changed in transit — ask the sender to export it again`);
    }
  }
  findings.add('security', {
    id: 'types.allowed',
    status: 'pass',
    title: '文件类型 File types',
    detail: `${listing.files.map((f) => `${f.name} (${f.kind})`).join(', ')}: expected types, content matches the names${listing.companions.length ? `; also ${listing.companions.join(', ')}` : ''}`,
  });

  // A sequence number first, so that ids sort in the order received ("latest wins" in curation),
  // then the time received, for people reading a listing.
  const sequence = String(register.length + 1).padStart(6, '0');
  const accessionId = `A${sequence}-${receivedAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  const incoming = path.join(layout.accessions, `.incoming-${accessionId}`);
  const scratch = path.join(incoming, 'work');
  await rm(incoming, { recursive: true, force: true });
  await mkdir(path.join(incoming, 'tables'), { recursive: true });
  await mkdir(path.join(incoming, 'quarantine'), { recursive: true });
  await mkdir(scratch, { recursive: true });
  try {
    await db.execute(loadSql('archive/identifier-macros').text);
    const schema = await loadSchema();
    const profiles = await refuseOn(() => (options.profile ? findProfile(options.profile).then((p) => [p]) : loadProfiles()), [ProfileError]);

    // 2. Reading and planning, file by file.
    const plans: FilePlan[] = [];
    for (const [index, file] of listing.files.entries()) {
      progress({ phase: 'reading', file: file.name });
      const source = await timed(file.name, 'reading', () => refuseOn(() => prepareSource(file, sniffs.get(file.name)!, scratch, index, options), [UnreadableFile], (m) => refusal(m)));
      const plan = await refuseOn(async () => planFile(source, profiles, schema, { table: givenTable, profileGiven: Boolean(options.profile) }), [PlanProblem], (m) => refusal(m));
      describeFile(fileReports.get(file.name)!, plan);
      plans.push(plan);
    }

    // 3 and 4. Per table, in dependency order (students first, for the reference check).
    const tables: Partial<Record<TableName, TableReceipt>> = {};
    const tableReports: TableReport[] = [];
    const fatal: string[] = plans.map((p) => p.problem).filter((p): p is string => p !== null);
    const version = await readVersion(layout.versionFile);
    const archivedStudents = version ? await parquetFilesUnder(layout.curatedTable(version, 'students')) : [];
    for (const table of TABLE_NAMES) {
      const tablePlans = plans.filter((p) => p.table === table);
      if (tablePlans.length === 0) continue;
      progress({ phase: 'checking', table, file: tablePlans.map((p) => p.source.file.name).join(', ') });
      const spec = schema.get(table)!;
      const acceptedPath = path.join(incoming, 'tables', `${table}.parquet`);
      const knownStudents = [...(tables.students ? [path.join(incoming, 'tables', 'students.parquet')] : []), ...archivedStudents];
      const stagePlans: StagePlan[] = tablePlans.map((plan) => ({
        source: plan.source,
        mapping: plan.mapping,
        identifierColumns: plan.identifierColumns.map((c) => c.index),
        maskColumns: plan.maskColumns,
        index: plans.indexOf(plan),
      }));
      const check = await checkTable(db, spec, accessionId, stagePlans, {
        rejected: path.join(scratch, `${table}.rejected.parquet`),
        accepted: acceptedPath,
        quarantine: path.join(incoming, 'quarantine', `${table}.parquet`),
        knownStudents,
        scratch,
      });
      for (const [k, plan] of tablePlans.entries()) {
        recordStaging(fileReports.get(plan.source.file.name)!, plan, check.files[k].source, check.files[k].facts, sourceFieldHeaders(stagePlans[k], check.files[k].source), findings);
      }
      if (check.truncated) throw refusal(`${check.truncated.file} looks truncated: ${check.truncated.reason}; ask the sender to export it again`, tableReports);
      for (const [k, plan] of tablePlans.entries()) {
        const declared = sender.files?.[plan.source.file.name]?.rows;
        const rows = check.files[k].facts.rows;
        if (declared !== undefined && declared !== rows) {
          throw refusal(`${plan.source.file.name}: the sender's manifest declares ${declared} rows but ${rows} were received; the file is not what was sent — ask the sender to export it again`, tableReports);
        }
      }
      for (const plan of tablePlans) {
        const column = sender.files?.[plan.source.file.name]?.sequence;
        if (column !== undefined) findings.add('integrity', await sequenceFinding(db, spec, plan.source.file.name, column, check.rows));
      }
      const received = check.files.reduce((sum, f) => sum + f.facts.rows, 0);
      assertBalanced(table, received, check);
      const share = check.rows_received === 0 ? 0 : check.rows_quarantined / check.rows_received;
      tableReports.push({
        table,
        files: tablePlans.map((p) => p.source.file.name),
        rows_received: check.rows_received,
        rows_accepted: check.rows_accepted,
        rows_quarantined: check.rows_quarantined,
        rejected_share: share,
        rules: check.rules,
      });
      recordTableFindings(findings, table, check, share, maxShare);
      if (share > maxShare) {
        fatal.push(
          `${table}: ${check.rows_quarantined} of ${check.rows_received} rows (${(share * 100).toFixed(1)}%) broke the rules, above the limit of ${(maxShare * 100).toFixed(1)}% (XUEJI_MAX_REJECTED_SHARE); the export is more likely wrong than its rows — see the report`,
        );
      }
      const first = tablePlans[0].source;
      tables[table] = {
        source_file: first.file.name,
        source_files: tablePlans.map((p) => p.source.file.name),
        sha256: first.sniff.sha256,
        bytes: tablePlans.reduce((sum, p) => sum + p.source.sniff.bytes, 0),
        rows_declared: sumDeclared(tablePlans.map((p) => sender.files?.[p.source.file.name]?.rows)),
        rows_read: check.rows_received,
        rows_accepted: check.rows_accepted,
        rows_quarantined: check.rows_quarantined,
      };
    }
    if (fatal.length > 0) throw refusal(fatal.join(' — '), tableReports);

    // 5. The report and the commit.
    progress({ phase: 'committing' });
    const report = assembleReport(reportBase, accessionId, null, [...fileReports.values()], tableReports, findings);
    const reportJson = `${JSON.stringify(report, null, 2)}\n`;
    const manifest: AccessionManifest = {
      accession_id: accessionId,
      package_sha256: packageSha,
      source: options.sourceName ?? listing.source,
      received_at: receivedAt.toISOString(),
      profile: [...new Set(plans.map((p) => p.profile.name))].join(', '),
      software: SOFTWARE,
      tables,
      files: plans.map((p) => ({
        file: p.source.file.name,
        sha256: p.source.sniff.sha256,
        bytes: p.source.sniff.bytes,
        table: p.table,
        profile: p.profile.name,
        rows_received: fileReports.get(p.source.file.name)!.rows_received,
      })),
      report_sha256: sha256(reportJson),
    };
    await rm(scratch, { recursive: true, force: true });
    await writeFile(path.join(incoming, 'report.json'), reportJson);
    await writeFile(path.join(incoming, 'report.txt'), renderReportText(report));
    await writeFile(path.join(incoming, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // The commit point: the accession appears whole, under its final name, in one rename.
    await rename(incoming, layout.accession(accessionId));
    await accessionRegister(layout.register).append({
      accession_id: accessionId,
      package_sha256: packageSha,
      committed_at: new Date().toISOString(),
      tables: Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, { accepted: t.rows_accepted, quarantined: t.rows_quarantined }])),
      report_sha256: manifest.report_sha256,
    });
    return { status: 'committed', manifest, report };
  } catch (error) {
    await rm(incoming, { recursive: true, force: true });
    throw error;
  }
}

/** Gaps in a sequence the sender declared (e.g. change_id), from all rows received (accepted or not). */
async function sequenceFinding(db: Database, spec: TableSpec, file: string, column: string, rows: string): Promise<Omit<CheckItem, 'file'> & { file: string }> {
  const title = '序列连续 Declared sequence has no gaps';
  if (!spec.columns.some((c) => c.name === column)) {
    return { id: 'sequence.gaps', file, status: 'warn', title, detail: `the manifest declares a sequence in "${column}", which is not a column of ${spec.name}` };
  }
  const [row] = await db.execute(fillTemplate(loadSql('archive/sequence-gaps').text, { column: sqlIdentifier(column), rows }));
  const missing = Number(row.missing);
  return {
    id: 'sequence.gaps',
    file,
    status: missing > 0 ? 'warn' : 'pass',
    title,
    detail:
      missing > 0
        ? `${column}: ${missing} numbers missing between ${row.first} and ${row.last} (${(row.examples as string[]).join(', ')}${(row.examples as string[]).length === 10 ? ', …' : ''})`
        : `${column}: ${row.present} values, ${row.first} to ${row.last}, none missing`,
  };
}

/** Accepted + quarantined = received, always: a row is never lost between reading and the two files. */
function assertBalanced(table: string, received: number, check: TableCheck): void {
  const problems = [];
  if (check.rows_received !== received) problems.push(`${received} rows were mapped but ${check.rows_received} checked`);
  if (check.rows_accepted + check.rows_quarantined !== check.rows_received) {
    problems.push(`accepted ${check.rows_accepted} + quarantined ${check.rows_quarantined} ≠ received ${check.rows_received}`);
  }
  if (check.reread.accepted !== check.rows_accepted || check.reread.quarantined !== check.rows_quarantined) {
    problems.push(`re-reading the written Parquet found ${check.reread.accepted} accepted and ${check.reread.quarantined} quarantined rows`);
  }
  if (problems.length > 0) throw new Error(`${table}: rows do not balance (${problems.join('; ')}); nothing was committed`);
}

function checkOptions(options: IngestOptions): { table?: TableName } {
  if (options.table !== undefined && !(TABLE_NAMES as readonly string[]).includes(options.table)) {
    throw new PackageRefused(`unknown table "${options.table}"; the tables are ${TABLE_NAMES.join(', ')}`);
  }
  if (options.delimiter !== undefined && !(DELIMITERS as readonly string[]).includes(options.delimiter)) {
    throw new PackageRefused(`unsupported delimiter ${JSON.stringify(options.delimiter)}; use one of , ; tab |`);
  }
  if (options.encoding !== undefined) {
    try {
      parseEncoding(options.encoding);
    } catch (error) {
      if (error instanceof EncodingProblem) throw new PackageRefused(error.message);
      throw error;
    }
  }
  if (options.maxRejectedShare !== undefined && !(options.maxRejectedShare >= 0 && options.maxRejectedShare <= 1)) {
    throw new PackageRefused('the rejected-share limit must be from 0 to 1');
  }
  return { table: options.table as TableName | undefined };
}

/** Runs a step whose known failures become a refusal (with the report so far, when one is given). */
async function refuseOn<T>(
  step: () => Promise<T>,
  kinds: (new (...args: never[]) => Error)[],
  wrap: (message: string) => PackageRefused = (message) => new PackageRefused(message),
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (kinds.some((kind) => error instanceof kind)) throw wrap((error as Error).message);
    throw error;
  }
}

async function sumSizes(listing: PackageListing): Promise<number> {
  let total = 0;
  for (const file of listing.files) total += (await stat(file.path)).size;
  return total;
}

function sumDeclared(values: (number | undefined)[]): number | null {
  return values.every((v) => v !== undefined) ? values.reduce((a, b) => a! + b!, 0)! : null;
}

async function readSenderManifest(file: string | null): Promise<SenderManifest> {
  if (!file) return {};
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SenderManifest;
  } catch (error) {
    throw new PackageRefused(`manifest.json is not valid JSON: ${(error as Error).message}`);
  }
}

function emptyFileReport(name: string, format: FileReport['format'], sniff: FileSniff, declared: number | null): FileReport {
  return {
    file: name,
    format,
    sha256: sniff.sha256,
    bytes: sniff.bytes,
    table: null,
    profile: null,
    profile_detected: false,
    encoding: null,
    encoding_basis: null,
    delimiter: null,
    sheet: null,
    read_path: null,
    rows_declared: declared,
    rows_received: 0,
    header: [],
    columns: [],
    not_kept: [],
    identifiers_dropped: [],
    identifiers_masked: 0,
    source_fields: [],
  };
}

function describeFile(report: FileReport, plan: FilePlan): void {
  const source: PreparedSource = plan.source;
  report.table = plan.table;
  report.profile = plan.profile.name;
  report.profile_detected = plan.profileDetected;
  report.encoding = source.encoding?.encoding ?? (source.file.kind === 'xlsx' ? 'xlsx (UTF-8 XML)' : null);
  report.encoding_basis = source.encoding?.basis ?? null;
  report.delimiter = source.file.kind === 'csv' ? source.delimiter : null;
  report.sheet = source.sheet?.name ?? null;
  report.header = source.header;
  report.columns = plan.mapping.columns.map((c) => ({ column: c.name, from: c.sources, kind: c.kind, note: c.note ?? null }));
  report.not_kept = plan.mapping.unused;
}

function recordStaging(report: FileReport, plan: FilePlan, source: PreparedSource, facts: FileFacts, fieldHeaders: string[], findings: Findings): void {
  const file = plan.source.file.name;
  const result = { source, rows: facts.rows, identifiersMasked: facts.identifiersMasked };
  report.read_path = source.layout;
  report.rows_received = facts.rows;
  report.identifiers_masked = facts.identifiersMasked;
  report.source_fields = fieldHeaders;
  report.identifiers_dropped = plan.identifierColumns.map((c, k) => ({ header: c.header, kind: c.kind, values: facts.identifierCells[k] ?? 0 }));

  const declared = report.rows_declared;
  findings.add('authenticity', {
    id: 'rows.declared',
    file,
    status: declared === null ? 'warn' : declared === result.rows ? 'pass' : 'fail',
    title: '记录数 Declared and counted rows',
    detail: declared === null ? `${result.rows} rows counted; the sender declared no count` : `${result.rows} rows counted, ${declared} declared`,
  });
  const constants = plan.mapping.columns.filter((c) => c.kind === 'constant' || c.kind === 'row-number');
  if (constants.length > 0) {
    findings.add('authenticity', {
      id: 'profile.supplied',
      file,
      status: 'warn',
      title: '非来源值 Values not in the source',
      detail: constants.map((c) => `${c.name} ${c.kind === 'constant' ? `= ${c.sql}` : 'from row numbers'} (${c.note})`).join('; '),
    });
  }
  findings.add('integrity', {
    id: 'columns.required',
    file,
    status: plan.mapping.missingRequired.length === 0 ? 'pass' : 'fail',
    title: '必备项 Required columns',
    detail:
      plan.mapping.missingRequired.length === 0
        ? `every required column of ${plan.table} is mapped (profile ${plan.profile.name}${plan.profileDetected ? ', detected from the headers' : ''})`
        : `no source for ${plan.mapping.missingRequired.join(', ')} (profile ${plan.profile.name})`,
  });
  findings.add('integrity', {
    id: 'file.complete',
    file,
    status: result.source.truncated ? 'fail' : plan.source.sniff.endsWithNewline || plan.source.file.kind === 'xlsx' ? 'pass' : 'warn',
    title: '文件完整 File complete',
    detail: result.source.truncated ?? (plan.source.sniff.endsWithNewline || plan.source.file.kind === 'xlsx' ? 'ends at a record boundary' : 'the last line has no line end (complete fields, so accepted; a manifest with row counts would prove it)'),
  });
  const encoding = plan.source.encoding;
  findings.add('usability', {
    id: 'decode',
    file,
    status: result.source.replacements > 0 ? 'warn' : 'pass',
    title: '可读 Decoded',
    detail:
      plan.source.file.kind === 'xlsx'
        ? `XLSX sheet "${plan.source.sheet?.name}" of ${plan.source.sheet?.sheets.length ?? 1} read`
        : `${encoding?.encoding} (${encoding?.basis})${result.source.replacements > 0 ? `, ${result.source.replacements} undecodable characters replaced` : ', no undecodable characters'}; delimiter ${JSON.stringify(plan.source.delimiter)}`,
  });
  findings.add('usability', {
    id: 'read.shape',
    file,
    status: result.source.misshapen > 0 ? 'warn' : 'pass',
    title: '结构 Record structure',
    detail:
      result.source.misshapen > 0
        ? `${result.source.misshapen} records do not fit the header (quarantined with the reason)`
        : `every record fits the header${result.source.layout === 'normalized' && plan.source.file.kind === 'csv' ? ' (read record by record for exact line numbers)' : ''}`,
  });
  const dropped = report.identifiers_dropped;
  findings.add('security', {
    id: 'identifiers.columns',
    file,
    status: dropped.length > 0 ? 'warn' : 'pass',
    title: '直接标识符列 Direct-identifier columns',
    detail: dropped.length > 0 ? `dropped, not kept anywhere: ${dropped.map((d) => `"${d.header}" (${d.kind}, ${d.values} values)`).join(', ')}` : 'none',
  });
  findings.add('security', {
    id: 'identifiers.values',
    file,
    status: result.identifiersMasked > 0 ? 'warn' : 'pass',
    title: '文本中的标识符 Identifiers in free text',
    detail: result.identifiersMasked > 0 ? `${result.identifiersMasked} values held a national ID or phone number and were masked` : 'none found',
  });
}

function recordTableFindings(findings: Findings, table: string, check: TableCheck, share: number, maxShare: number): void {
  const count = (prefix: string) => check.rules.filter((r) => r.rule.includes(prefix)).reduce((sum, r) => sum + r.rows, 0);
  const valueRows = check.rules.filter((r) => !/\.(student-known|unique-key|required\.[a-z_]+)$/.test(r.rule) && r.rule !== 'read.shape').reduce((sum, r) => sum + r.rows, 0);
  findings.add('authenticity', {
    id: 'values.rules',
    file: null,
    status: valueRows > 0 ? 'warn' : 'pass',
    title: `${table}: 类型与取值 Types and value ranges`,
    detail: valueRows > 0 ? `${valueRows} rule breaches (types, ranges, codes) quarantined` : 'every value has its type and lies in its range',
  });
  findings.add('integrity', {
    id: 'rows.balance',
    status: 'pass',
    title: `${table}: 数量平衡 Rows accounted for`,
    detail: `received ${check.rows_received} = accepted ${check.rows_accepted} + quarantined ${check.rows_quarantined}`,
  });
  const unknown = count('.student-known');
  if (['grades', 'status_changes', 'graduations', 'awards_punishments'].includes(table)) {
    findings.add('integrity', {
      id: 'references.students',
      status: unknown > 0 ? 'warn' : 'pass',
      title: `${table}: 引用 Students referred to`,
      detail: unknown > 0 ? `${unknown} rows name a student neither in this package nor in the archive` : 'every row names a known student',
    });
  }
  const duplicates = count('.unique-key');
  findings.add('integrity', {
    id: 'keys.unique',
    status: duplicates > 0 ? 'warn' : 'pass',
    title: `${table}: 重复 Natural keys unique`,
    detail: duplicates > 0 ? `${duplicates} rows share a natural key with another row of the package` : 'no duplicates',
  });
  findings.add('integrity', {
    id: 'rejected.share',
    status: share > maxShare ? 'fail' : 'pass',
    title: `${table}: 拒收比例 Rejected share`,
    detail: `${(share * 100).toFixed(2)}% of rows quarantined (limit ${(maxShare * 100).toFixed(1)}%)`,
  });
  findings.add('usability', {
    id: 'parquet.reread',
    status: 'pass',
    title: `${table}: 开放格式 Open format, verified`,
    detail: `written as Parquet (zstd) and read back: ${check.reread.accepted} accepted and ${check.reread.quarantined} quarantined rows, as counted`,
  });
}

function assembleReport(
  base: Pick<IngestReport, 'package' | 'software' | 'settings'>,
  accessionId: string | null,
  refusal: string | null,
  files: FileReport[],
  tables: TableReport[],
  findings: Findings,
): IngestReport {
  const totals = tables.reduce((t, r) => ({ received: t.received + r.rows_received, accepted: t.accepted + r.rows_accepted, quarantined: t.quarantined + r.rows_quarantined }), {
    received: 0,
    accepted: 0,
    quarantined: 0,
  });
  findings.add('security', {
    id: 'process.controlled',
    status: 'pass',
    title: '过程可控 Controlled process',
    detail: `received under the archive's writer lock by ${base.software.name} ${base.software.version}; ${accessionId ? 'registered in the hash-chained accession register' : 'nothing committed'}`,
  });
  return {
    report_version: 1,
    accession_id: accessionId,
    status: refusal ? 'refused' : 'committed',
    refusal,
    ...base,
    files,
    tables,
    totals,
    properties: findings.sections(),
  };
}
