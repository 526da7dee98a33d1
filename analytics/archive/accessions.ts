// Reading the accessions the archive holds, for people: the register (hash-chained, so its check is
// shown too) joined with each accession's report.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveLayout } from './layout.ts';
import { accessionRegister } from './register.ts';
import { verifyChain } from '../ledger/hash-chained-log.ts';
import { PROPERTIES, type CheckStatus, type IngestReport, type Property } from '../ingest/report.ts';

export const ACCESSION_ID = /^A\d{6}-\d{8}T\d{6}Z$/;

export interface AccessionSummary {
  accession_id: string;
  committed_at: string;
  received_at: string | null;
  source: string | null;
  profiles: string[];
  files: string[];
  tables: { table: string; rows_received: number; rows_accepted: number; rows_quarantined: number }[];
  totals: { received: number; accepted: number; quarantined: number };
  checks: Record<Property, CheckStatus> | null;
  recovered: boolean;
}

export async function listAccessions(dataDir: string): Promise<{ rows: AccessionSummary[]; register: { entries: number; first_broken: number } }> {
  const entries = await accessionRegister(archiveLayout(dataDir).register).read();
  const check = verifyChain(entries);
  const rows: AccessionSummary[] = [];
  for (const entry of [...entries].reverse()) {
    const report = await readReport(dataDir, entry.accession_id);
    const tables = report
      ? report.tables.map((t) => ({ table: t.table, rows_received: t.rows_received, rows_accepted: t.rows_accepted, rows_quarantined: t.rows_quarantined }))
      : Object.entries(entry.tables).map(([table, t]) => ({ table, rows_received: t.accepted + t.quarantined, rows_accepted: t.accepted, rows_quarantined: t.quarantined }));
    rows.push({
      accession_id: entry.accession_id,
      committed_at: entry.committed_at,
      received_at: report?.package.received_at ?? null,
      source: report?.package.source ?? null,
      profiles: report ? [...new Set(report.files.map((f) => f.profile).filter((p): p is string => p !== null))] : [],
      files: report ? report.files.map((f) => f.file) : [],
      tables,
      totals: tables.reduce((t, r) => ({ received: t.received + r.rows_received, accepted: t.accepted + r.rows_accepted, quarantined: t.quarantined + r.rows_quarantined }), {
        received: 0,
        accepted: 0,
        quarantined: 0,
      }),
      checks: report ? (Object.fromEntries(PROPERTIES.map((p) => [p, report.properties[p].status])) as Record<Property, CheckStatus>) : null,
      recovered: entry.recovered === true,
    });
  }
  return { rows, register: { entries: check.entries, first_broken: check.firstBroken } };
}

/** An accession's report, or null when there is no such accession (or it predates reports). */
export async function readReport(dataDir: string, accessionId: string): Promise<IngestReport | null> {
  if (!ACCESSION_ID.test(accessionId)) return null;
  try {
    return JSON.parse(await readFile(path.join(archiveLayout(dataDir).accession(accessionId), 'report.json'), 'utf8')) as IngestReport;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
