// An accession's quarantined rows of one table as a CSV file for people: UTF-8 with a BOM (so Excel shows
// Chinese), one row per rejected record — where it came from, every reason, the canonical columns as
// mapped, and the fields as the sender wrote them under the sender's own column names. DuckDB writes the
// rows; the header, built from the report, is written here, since the sender's names never enter SQL.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import { loadSchema, type TableName } from '../db/schema.ts';
import { archiveLayout } from '../archive/layout.ts';
import { exists } from '../archive/files.ts';
import type { IngestReport } from './report.ts';

export const UTF8_BOM = '\uFEFF';

export interface QuarantineCsv {
  /** A temporary file: BOM, header and rows; the caller streams it and then calls cleanup. */
  file: string;
  rows: number;
  cleanup: () => Promise<void>;
}

export async function exportQuarantineCsv(db: Database, dataDir: string, report: IngestReport, table: TableName): Promise<QuarantineCsv | null> {
  const layout = archiveLayout(dataDir);
  const source = layout.accessionQuarantine(report.accession_id!, table);
  if (!(await exists(source))) return null;
  const tableReport = report.tables.find((t) => t.table === table);
  const spec = (await loadSchema()).get(table)!;
  const files = report.files.filter((f) => f.table === table);
  const fieldHeaders = files.length > 0 && files.every((f) => f.source_fields.join('\u0000') === files[0].source_fields.join('\u0000')) ? files[0].source_fields : [];
  const width = Math.max(0, ...files.map((f) => f.source_fields.length));

  const header = ['来源文件 source_file', '行号 line', '问题 problems', ...spec.columns.map((c) => c.name)];
  const columns = ['source_file', 'CAST(source_line AS VARCHAR)', 'problems', ...spec.columns.map((c) => sqlIdentifier(c.name))];
  for (let i = 0; i < width; i++) {
    header.push(`原始 source: ${fieldHeaders[i] ?? `field ${i + 1}`}`);
    columns.push(`source_fields[${i + 1}]`);
  }
  const work = path.join(layout.work, 'exports');
  await mkdir(work, { recursive: true });
  const id = randomBytes(8).toString('hex');
  const body = path.join(work, `${id}.rows.csv`);
  const file = path.join(work, `${id}.csv`);
  try {
    await db.execute(
      fillTemplate(loadSql('archive/quarantine-csv').text, {
        columns: columns.map((c) => `xueji_csv_safe(${c})`).join(', '),
        quarantine: sqlLiteral(source),
        target: sqlLiteral(body),
      }),
    );
    const out = await open(file, 'w');
    try {
      await out.write(`${UTF8_BOM}${header.map(csvCell).join(',')}\n`);
      const input = await open(body, 'r');
      try {
        for await (const chunk of input.createReadStream()) await out.write(chunk as Buffer);
      } finally {
        await input.close().catch(() => undefined);
      }
    } finally {
      await out.close();
    }
  } finally {
    await rm(body, { force: true });
  }
  return { file, rows: tableReport?.rows_quarantined ?? 0, cleanup: () => rm(file, { force: true }) };
}

function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
