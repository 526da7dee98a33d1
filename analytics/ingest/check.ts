// Stages each file of one table (stage.ts), then maps and checks all their rows in one pass, writing
// the rows that break some rule; then splits them: the rejected rows into quarantine/ with every rule
// they broke, every other row, mapped again and typed, into the accession's tables/. Rows are counted
// three independent ways — staged, accepted as written, rejected as written — so that accepted +
// quarantined = received is a real check, and both files are then re-read and counted (usability:
// what was written reads back whole). A file that turns out truncated stops here, for the caller to
// refuse the package.
import type { Database } from '../db/database.ts';
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import type { TableSpec } from '../db/schema.ts';
import { keyColumns, typedColumns, typedValues } from '../archive/checks.ts';
import { ruleLists, REFERS_TO_STUDENT, tableRules } from './rules.ts';
import { countRows, fileFacts, sourceSelect, stageFile, type FileFacts, type Staged, type StagePlan } from './stage.ts';
import type { PreparedSource } from './readers/index.ts';
import { timed } from './timing.ts';

export interface RuleCount {
  rule: string;
  description: string;
  rows: number;
  first_file: string;
  first_line: number | null;
  example: string;
}

export interface TableCheck {
  rows_received: number;
  rows_accepted: number;
  rows_quarantined: number;
  rules: RuleCount[];
  /** Rows read back from the written Parquet files. */
  reread: { accepted: number; quarantined: number };
  /** Each file as finally read (normalized when it had to be), with what was learned about it. */
  files: { source: PreparedSource; facts: FileFacts }[];
  /** A file that turned out to be cut off in transit, or null. */
  truncated: { file: string; reason: string } | null;
  /** Every row received for the table, mapped (the files' map-source.sql selects, UNION ALL), for
   * further questions while the staged files exist (scratch); empty when truncated. */
  rows: string;
}

export interface CheckPaths {
  /** Scratch Parquet for the rows that break some rule (check-staged.sql). */
  rejected: string;
  accepted: string;
  quarantine: string;
  /** Parquet files holding the students rows may refer to (this package's accepted, the archive's). */
  knownStudents: string[];
  scratch: string;
}

export async function checkTable(db: Database, spec: TableSpec, accessionId: string, plans: StagePlan[], paths: CheckPaths): Promise<TableCheck> {
  const rules = tableRules(spec);
  const lists = ruleLists(rules);
  const staged: Staged[] = [];
  for (const plan of plans) {
    const result = await timed(spec.name, 'stage', () => stageFile(db, plan, paths.scratch));
    if (result.source.truncated) return truncatedResult(plans, staged, result, plan);
    staged.push(result);
  }
  const rows = plans.map((p, k) => `(${sourceSelect(p, staged[k])})`).join('\nUNION ALL\n');
  await timed(spec.name, 'check', () => runCheck(db, spec, rows, lists, paths));
  const facts = await timed(spec.name, 'file-facts', () => fileFacts(db, plans, rows));

  const rejected = sqlLiteral(paths.rejected);
  const rowsReceived = staged.reduce((sum, s) => sum + s.rows, 0);
  const rowsQuarantined = await timed(spec.name, 'count-rejected', () => countRows(db, paths.rejected));
  const [written] = await timed(spec.name, 'accept', () =>
    db.execute(
      fillTemplate(loadSql('archive/accept-rows').text, {
        rows,
        rejected,
        typed_columns: typedColumns(spec),
        accession_id: sqlLiteral(accessionId),
        target: sqlLiteral(paths.accepted),
      }),
    ),
  );
  let ruleCounts: RuleCount[] = [];
  if (rowsQuarantined > 0) {
    await timed(spec.name, 'quarantine', () => db.execute(fillTemplate(loadSql('archive/quarantine-rows').text, { rejected, rule_ids: lists.ids, target: sqlLiteral(paths.quarantine) })));
    const descriptions = new Map(rules.map((r) => [r.id, r.description]));
    ruleCounts = (await timed(spec.name, 'count-rules', () => db.execute(fillTemplate(loadSql('archive/count-rules').text, { rejected, rule_ids: lists.ids })))).map((row) => ({
      rule: String(row.rule),
      description: descriptions.get(String(row.rule)) ?? '',
      rows: Number(row.rows),
      first_file: String(row.first_file),
      first_line: row.first_line === null ? null : Number(row.first_line),
      example: String(row.example),
    }));
  }
  const reread = await timed(spec.name, 'reread', async () => ({
    accepted: await countRows(db, paths.accepted),
    quarantined: rowsQuarantined > 0 ? await countRows(db, paths.quarantine) : 0,
  }));
  return {
    rows_received: rowsReceived,
    // As COPY reports it; the re-read above counts the file independently.
    rows_accepted: Number(written.Count),
    rows_quarantined: rowsQuarantined,
    rules: ruleCounts,
    reread,
    files: plans.map((p, k) => ({ source: staged[k].source, facts: facts.get(p.source.file.name)! })),
    truncated: null,
    rows,
  };
}

async function runCheck(db: Database, spec: TableSpec, rows: string, lists: ReturnType<typeof ruleLists>, paths: CheckPaths): Promise<void> {
  const refers = REFERS_TO_STUDENT.has(spec.name);
  const knownSql =
    paths.knownStudents.length > 0
      ? fillTemplate(loadSql('archive/known-students').text, { files: `[${paths.knownStudents.map(sqlLiteral).join(', ')}]` })
      : 'SELECT CAST(NULL AS VARCHAR) AS known_student WHERE false';
  await db.execute(
    fillTemplate(loadSql('archive/check-staged').text, {
      rows,
      typed_values: typedValues(spec),
      known_student: refers ? 'k.known_student' : 'CAST(NULL AS VARCHAR)',
      reference_join: refers ? `LEFT JOIN (${knownSql}) AS k ON k.known_student = m.student_id` : '',
      key: keyColumns(spec),
      key_join: spec.naturalKey.map((c) => `m.${sqlIdentifier(c)} IS NOT DISTINCT FROM d.${sqlIdentifier(c)}`).join(' AND '),
      problems: lists.problems,
      row_problem_args: lists.rowArgs,
      joined_problem_args: lists.joinedArgs,
      target: sqlLiteral(paths.rejected),
    }),
  );
}

function truncatedResult(plans: StagePlan[], staged: Staged[], cut: Staged, at: StagePlan): TableCheck {
  const sourceOf = (p: StagePlan, k: number) => (p === at ? cut.source : (staged[k]?.source ?? p.source));
  return {
    rows_received: 0,
    rows_accepted: 0,
    rows_quarantined: 0,
    rules: [],
    reread: { accepted: 0, quarantined: 0 },
    files: plans.map((p, k) => ({ source: sourceOf(p, k), facts: { rows: 0, identifiersMasked: 0, identifierCells: [] } })),
    truncated: { file: at.source.file.name, reason: cut.source.truncated! },
    rows: '',
  };
}

