// Stages each file of one table (stage.ts), then maps and checks all their rows in one pass, then
// splits them: the accepted rows, typed, into the accession's tables/, the rest into quarantine/ with
// every rule they broke. Both are then re-read and counted (usability: what was written reads back
// whole). A file that turns out truncated stops here, for the caller to refuse the package.
import type { Database } from '../db/database.ts';
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import type { TableSpec } from '../db/schema.ts';
import { keyColumns, typedColumns } from '../archive/checks.ts';
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
}

export interface CheckPaths {
  checked: string;
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
  await timed(spec.name, 'check', () => runCheck(db, spec, plans.map((p, k) => sourceSelect(p, staged[k])), lists, paths));
  const facts = await timed(spec.name, 'file-facts', () => fileFacts(db, plans, paths.checked));

  const checked = sqlLiteral(paths.checked);
  const [counts] = await timed(spec.name, 'count-checked', () => db.execute(fillTemplate(loadSql('archive/count-checked').text, { checked })));
  const rowsQuarantined = Number(counts.rows_quarantined);
  await timed(spec.name, 'accept', () =>
    db.execute(
      fillTemplate(loadSql('archive/accept-rows').text, {
        checked,
        typed_columns: typedColumns(spec),
        accession_id: sqlLiteral(accessionId),
        target: sqlLiteral(paths.accepted),
      }),
    ),
  );
  let ruleCounts: RuleCount[] = [];
  if (rowsQuarantined > 0) {
    await timed(spec.name, 'quarantine', () => db.execute(fillTemplate(loadSql('archive/quarantine-rows').text, { checked, rule_ids: lists.ids, target: sqlLiteral(paths.quarantine) })));
    const descriptions = new Map(rules.map((r) => [r.id, r.description]));
    ruleCounts = (await timed(spec.name, 'count-rules', () => db.execute(fillTemplate(loadSql('archive/count-rules').text, { checked, rule_ids: lists.ids })))).map((row) => ({
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
    rows_received: Number(counts.rows_read),
    rows_accepted: Number(counts.rows_accepted),
    rows_quarantined: rowsQuarantined,
    rules: ruleCounts,
    reread,
    files: plans.map((p, k) => ({ source: staged[k].source, facts: facts.get(p.source.file.name)! })),
    truncated: null,
  };
}

async function runCheck(db: Database, spec: TableSpec, selects: string[], lists: ReturnType<typeof ruleLists>, paths: CheckPaths): Promise<void> {
  const refers = REFERS_TO_STUDENT.has(spec.name);
  const knownSql =
    paths.knownStudents.length > 0
      ? fillTemplate(loadSql('archive/known-students').text, { files: `[${paths.knownStudents.map(sqlLiteral).join(', ')}]` })
      : 'SELECT CAST(NULL AS VARCHAR) AS known_student WHERE false';
  await db.execute(
    fillTemplate(loadSql('archive/check-staged').text, {
      rows: selects.map((s) => `(${s})`).join('\nUNION ALL\n'),
      known_student: refers ? 'k.known_student' : 'CAST(NULL AS VARCHAR)',
      reference_join: refers ? `LEFT JOIN (${knownSql}) AS k ON k.known_student = m.student_id` : '',
      key: keyColumns(spec),
      key_join: spec.naturalKey.map((c) => `m.${sqlIdentifier(c)} IS NOT DISTINCT FROM d.${sqlIdentifier(c)}`).join(' AND '),
      problems: lists.problems,
      problem_args: lists.args,
      target: sqlLiteral(paths.checked),
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
  };
}

