// Receives a transfer package (a folder of canonical CSVs, one per table, and optionally the sender's
// manifest.json) into a new immutable accession. Bad rows are quarantined with their reasons; the
// accession appears whole or not at all (built aside, then renamed); the same package twice is a no-op.
// The caller holds the writer lock (see archive.ts).
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { loadSql, fillTemplate, sqlLiteral } from '../db/sql-files.ts';
import { loadSchema, TABLE_NAMES, type TableName } from '../db/schema.ts';
import { archiveLayout } from './layout.ts';
import { fileDigest, sha256 } from './files.ts';
import { accessionRegister } from './register.ts';
import { keyColumns, keyText, rowProblemExpressions, typedColumns } from './checks.ts';
import { SOFTWARE } from './software.ts';

export interface TableReceipt {
  source_file: string;
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
  profile: string;
  software: typeof SOFTWARE;
  tables: Partial<Record<TableName, TableReceipt>>;
}

export type IngestResult =
  | { status: 'committed'; manifest: AccessionManifest }
  | { status: 'already-received'; accession_id: string };

/** A problem with the package as a whole: nothing is committed and the message says what to fix. */
export class PackageRefused extends Error {}

interface SenderManifest {
  files?: Record<string, { rows?: number; sha256?: string }>;
}

export async function ingestPackage(db: Database, dataDir: string, packageDir: string): Promise<IngestResult> {
  const layout = archiveLayout(dataDir);
  await mkdir(layout.accessions, { recursive: true });
  {
    const files = await packageFiles(packageDir);
    const digests = new Map<string, { sha256: string; bytes: number }>();
    for (const file of files) digests.set(file, await fileDigest(path.join(packageDir, file)));
    const packageSha = sha256([...digests].map(([file, d]) => `${file}:${d.sha256}`).join('\n'));

    const register = await accessionRegister(layout.register).read();
    const earlier = register.find((entry) => entry.package_sha256 === packageSha);
    if (earlier) return { status: 'already-received', accession_id: earlier.accession_id };

    const sender = await readSenderManifest(packageDir);
    for (const [file, digest] of digests) {
      const declared = sender.files?.[file]?.sha256;
      if (declared && declared.toLowerCase() !== digest.sha256) {
        throw new PackageRefused(`${file}: SHA-256 is ${digest.sha256} but the sender's manifest declares ${declared}; the file changed in transit — ask the sender to export it again`);
      }
    }

    const receivedAt = new Date();
    // A sequence number first, so that ids sort in the order received ("latest wins" in curation),
    // then the time received, for people reading a listing.
    const sequence = String(register.length + 1).padStart(6, '0');
    const accessionId = `A${sequence}-${receivedAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
    const incoming = path.join(layout.accessions, `.incoming-${accessionId}`);
    await rm(incoming, { recursive: true, force: true });
    await mkdir(path.join(incoming, 'tables'), { recursive: true });
    await mkdir(path.join(incoming, 'quarantine'), { recursive: true });
    try {
      const schema = await loadSchema();
      const tables: AccessionManifest['tables'] = {};
      for (const table of TABLE_NAMES) {
        const file = `${table}.csv`;
        if (!digests.has(file)) continue;
        const spec = schema.get(table)!;
        const source = path.join(packageDir, file);
        await checkHeader(db, source, file, spec.columns.map((c) => c.name));
        const staged = path.join(incoming, `${table}.staged.parquet`);
        const checked = path.join(incoming, `${table}.checked.parquet`);
        const common = { source: sqlLiteral(source), staged: sqlLiteral(staged), checked: sqlLiteral(checked), source_file: sqlLiteral(file) };
        await db.execute(fillTemplate(loadSql('archive/stage-csv').text, { ...common, target: common.staged }));
        await db.execute(
          fillTemplate(loadSql('archive/check-staged').text, {
            ...common,
            target: common.checked,
            problems: rowProblemExpressions(spec),
            key: keyColumns(spec),
            key_text: keyText(spec),
          }),
        );
        await db.execute(
          fillTemplate(loadSql('archive/accept-rows').text, {
            ...common,
            typed_columns: typedColumns(spec),
            accession_id: sqlLiteral(accessionId),
            target: sqlLiteral(path.join(incoming, 'tables', `${table}.parquet`)),
          }),
        );
        const [counts] = await db.execute(fillTemplate(loadSql('archive/count-checked').text, common));
        if (Number(counts.rows_quarantined) > 0) {
          await db.execute(
            fillTemplate(loadSql('archive/quarantine-rows').text, {
              ...common,
              target: sqlLiteral(path.join(incoming, 'quarantine', `${table}.parquet`)),
            }),
          );
        }
        await rm(staged);
        await rm(checked);
        const digest = digests.get(file)!;
        tables[table] = {
          source_file: file,
          sha256: digest.sha256,
          bytes: digest.bytes,
          rows_declared: sender.files?.[file]?.rows ?? null,
          rows_read: Number(counts.rows_read),
          rows_accepted: Number(counts.rows_accepted),
          rows_quarantined: Number(counts.rows_quarantined),
        };
      }
      const manifest: AccessionManifest = {
        accession_id: accessionId,
        package_sha256: packageSha,
        source: path.basename(path.resolve(packageDir)),
        received_at: receivedAt.toISOString(),
        profile: 'canonical',
        software: SOFTWARE,
        tables,
      };
      await writeFile(path.join(incoming, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      // The commit point: the accession appears whole, under its final name, in one rename.
      await rename(incoming, layout.accession(accessionId));
      await accessionRegister(layout.register).append({
        accession_id: accessionId,
        package_sha256: packageSha,
        committed_at: new Date().toISOString(),
        tables: Object.fromEntries(
          Object.entries(tables).map(([name, t]) => [name, { accepted: t.rows_accepted, quarantined: t.rows_quarantined }]),
        ),
      });
      return { status: 'committed', manifest };
    } catch (error) {
      await rm(incoming, { recursive: true, force: true });
      throw error;
    }
  }
}

async function packageFiles(packageDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = (await readdir(packageDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    throw new PackageRefused(`no package folder at ${packageDir}`);
  }
  const expected = new Set(TABLE_NAMES.map((t) => `${t}.csv`));
  // The sender's manifest and a README describing the package travel with it and are not tables.
  const unexpected = entries.filter((name) => !expected.has(name) && name !== 'manifest.json' && name !== 'README.md');
  if (unexpected.length > 0) {
    throw new PackageRefused(`unexpected files in the package: ${unexpected.join(', ')}; a package holds ${[...expected].join(', ')} and optionally manifest.json and README.md`);
  }
  const tables = entries.filter((name) => expected.has(name)).sort();
  if (tables.length === 0) throw new PackageRefused(`the package at ${packageDir} holds none of ${[...expected].join(', ')}`);
  return tables;
}

async function readSenderManifest(packageDir: string): Promise<SenderManifest> {
  try {
    return JSON.parse(await readFile(path.join(packageDir, 'manifest.json'), 'utf8')) as SenderManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new PackageRefused(`manifest.json is not valid JSON: ${(error as Error).message}`);
  }
}

async function checkHeader(db: Database, source: string, file: string, canonical: string[]): Promise<void> {
  const described = await db.execute(fillTemplate(loadSql('archive/csv-header').text, { source: sqlLiteral(source) }));
  const header = described.map((row) => String(row.column_name));
  const missing = canonical.filter((name) => !header.includes(name));
  const extra = header.filter((name) => !canonical.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing columns ${missing.join(', ')}`);
    if (extra.length > 0) parts.push(`unknown columns ${extra.join(', ')}`);
    throw new PackageRefused(`${file}: ${parts.join('; ')}. The canonical columns are ${canonical.join(', ')}`);
  }
}
