// How one received file is staged and mapped in SQL. Staging (sql/archive/stage-csv.sql) reads the
// UTF-8 CSV into Parquet: a raw CSV as it came, by DuckDB's strict reader — the fast path; when that
// reader refuses it (ragged rows, a quote left open) or its records span lines (so that a record's line
// is not its number + 1), the file is normalized in Node (readers/) and the copy is staged instead, with
// its own line numbers and read problems. Mapping (sql/archive/map-source.sql) is a subquery of the
// table's check. And what the report learns about each file from its mapped rows.
import type { Database } from '../db/database.ts';
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import { mappedSelectList, type CompiledMapping } from './profiles/compile.ts';
import path from 'node:path';
import { normalizeRaw, type PreparedSource } from './readers/index.ts';
import { sourceColumnNames } from './readers/normalized-writer.ts';

export interface StagePlan {
  source: PreparedSource;
  mapping: CompiledMapping;
  /** Positions of direct-identifier columns (dropped; only their non-empty cells are counted). */
  identifierColumns: number[];
  /** Positions of columns whose values go through the identifier mask. */
  maskColumns: Set<number>;
  /** The file's position in the package, naming its scratch files. */
  index: number;
}

export interface FileFacts {
  rows: number;
  identifiersMasked: number;
  /** Non-empty cells per identifier column, in the order of plan.identifierColumns. */
  identifierCells: number[];
}

export interface Staged {
  source: PreparedSource;
  /** The staged Parquet file. */
  staged: string;
  rows: number;
}

const CSV_ERROR = /CSV Error|Invalid Input Error|unterminated quote/i;

/** Stages a file, falling back to its normalized copy when the raw file cannot be read exactly. */
export async function stageFile(db: Database, plan: StagePlan, scratch: string): Promise<Staged> {
  const staged = path.join(scratch, `staged-${plan.index}.parquet`);
  let source = plan.source;
  if (source.layout === 'raw') {
    try {
      await copyToParquet(db, source, staged);
      const rows = await countRows(db, staged);
      if (linesMatch(source, rows)) return { source, staged, rows };
    } catch (error) {
      if (!CSV_ERROR.test((error as Error).message)) throw error;
    }
    source = await normalizeRaw(source, scratch, plan.index);
    if (source.truncated) return { source, staged, rows: 0 };
  }
  await copyToParquet(db, source, staged);
  return { source, staged, rows: await countRows(db, staged) };
}

async function copyToParquet(db: Database, source: PreparedSource, target: string): Promise<void> {
  const names = sourceColumnNames(source.header.length);
  const columns = source.layout === 'normalized' ? ['__line', '__problem', ...names, '__extra'] : names;
  await db.execute(
    fillTemplate(loadSql('archive/stage-csv').text, {
      path: sqlLiteral(source.csvPath),
      delimiter: sqlLiteral(source.delimiter),
      columns: `{${columns.map((c) => `${sqlLiteral(c)}: ${c === '__line' ? "'BIGINT'" : "'VARCHAR'"}`).join(', ')}}`,
      target: sqlLiteral(target),
    }),
  );
}

export async function countRows(db: Database, file: string): Promise<number> {
  const [row] = await db.execute(fillTemplate(loadSql('archive/count-rows').text, { file: sqlLiteral(file) }));
  return Number(row.n);
}

/** The SELECT that maps one staged file (for the UNION ALL of a table's files). */
export function sourceSelect(plan: StagePlan, staged: Staged): string {
  const source = staged.source;
  const normalized = source.layout === 'normalized';
  const raw = (i: number) => `s.${sqlIdentifier(`c${i + 1}`)}`;
  const kept = (i: number) => (plan.maskColumns.has(i) ? `xueji_mask_identifiers(${raw(i)})` : raw(i));
  const fields = plan.mapping.used.map(kept);
  if (normalized) fields.push(`nullif(s."__extra", '')`);
  const masked = [...plan.maskColumns].filter((i) => plan.mapping.used.includes(i));
  return fillTemplate(loadSql('archive/map-source').text, {
    source_file: sqlLiteral(source.file.name),
    source_line: normalized ? 's."__line"' : 'source_row + 1',
    read_problem: normalized ? `nullif(s."__problem", '')` : 'CAST(NULL AS VARCHAR)',
    mapped: mappedSelectList(plan.mapping),
    // A canonical export read as it came keeps its values as received in the canonical columns; any
    // other read keeps the source fields too (with the surplus fields of a ragged row).
    source_fields: keepsFields(plan, source) ? `CAST([${fields.join(', ')}] AS VARCHAR[])` : 'CAST(NULL AS VARCHAR[])',
    identifiers_masked:
      masked.length === 0 ? '0' : `(${masked.map((i) => `CASE WHEN ${kept(i)} IS DISTINCT FROM ${raw(i)} THEN 1 ELSE 0 END`).join(' + ')})`,
    identifier_cells:
      plan.identifierColumns.length === 0
        ? 'CAST([] AS INTEGER[])'
        : `[${plan.identifierColumns.map((i) => `CASE WHEN nullif(trim(${raw(i)}), '') IS NOT NULL THEN 1 ELSE 0 END`).join(', ')}]`,
    staged: sqlLiteral(staged.staged),
  });
}

/** Rows, masked values and identifier cells per file, from all the table's mapped rows (`rows`: the
 * files' sourceSelect()s, UNION ALL). */
export async function fileFacts(db: Database, plans: StagePlan[], rows: string): Promise<Map<string, FileFacts>> {
  const width = Math.max(0, ...plans.map((p) => p.identifierColumns.length));
  const sums = Array.from({ length: width }, (_, k) => `coalesce(sum(identifier_cells[${k + 1}]), 0)::BIGINT`);
  const counted = await db.execute(
    fillTemplate(loadSql('archive/mapped-facts').text, {
      rows,
      identifier_sums: sums.length === 0 ? 'CAST([] AS BIGINT[])' : `[${sums.join(', ')}]`,
    }),
  );
  const facts = new Map<string, FileFacts>();
  for (const plan of plans) facts.set(plan.source.file.name, { rows: 0, identifiersMasked: 0, identifierCells: plan.identifierColumns.map(() => 0) });
  for (const row of counted) {
    const plan = plans.find((p) => p.source.file.name === row.source_file);
    facts.set(String(row.source_file), {
      rows: Number(row.rows_received),
      identifiersMasked: Number(row.identifiers_masked),
      identifierCells: (row.identifier_cells as number[]).slice(0, plan?.identifierColumns.length ?? 0).map(Number),
    });
  }
  return facts;
}

/** Whether a raw file's records each took one line, so that a record's line is its number + 1. */
function linesMatch(source: PreparedSource, rows: number): boolean {
  if (source.layout !== 'raw') return true;
  return source.lineFeeds + (source.endsWithNewline ? 0 : 1) === rows + 1;
}

/** Headers of the fields kept in source_fields (for the quarantine download). */
export function sourceFieldHeaders(plan: StagePlan, source: PreparedSource): string[] {
  if (!keepsFields(plan, source)) return [];
  const headers = plan.mapping.used.map((i) => source.header[i]);
  if (source.layout === 'normalized') headers.push('(surplus fields)');
  return headers;
}

function keepsFields(plan: StagePlan, source: PreparedSource): boolean {
  return !(plan.mapping.identity && source.layout === 'raw');
}
