// Every rule a row of a table is checked against, in the order its reasons are listed: the row fits the
// header (read), the schema's required columns and types, the table's value rules from
// sql/archive/rules/<table>.sql (ranges and codes), the student it refers to exists, and its natural key
// is unique in the package. Each rule has an id, so the report can count rows per rule.
import { loadSql, sqlLiteral } from '../db/sql-files.ts';
import type { TableSpec } from '../db/schema.ts';
import { keyText, schemaRules, type RowRule } from '../archive/checks.ts';

/** Tables whose rows name a student who must be known (in this package or the archive). */
export const REFERS_TO_STUDENT = new Set(['grades', 'status_changes', 'graduations', 'awards_punishments']);

const RULE_MARKER = /^-- rule ([a-z0-9_.-]+): (.+)$/;

/** The rules of sql/archive/rules/<table>.sql, split at their "-- rule id: description" lines. */
export function valueRules(table: string): RowRule[] {
  const lines = loadSql(`archive/rules/${table}`).text.split('\n');
  const rules: RowRule[] = [];
  let current: RowRule | null = null;
  for (const line of lines) {
    const marker = RULE_MARKER.exec(line);
    if (marker) {
      current = { id: marker[1], description: marker[2], sql: '' };
      rules.push(current);
    } else if (current && !line.startsWith('--') && line.trim() !== '') {
      current.sql += `${line}\n`;
    }
  }
  for (const rule of rules) {
    rule.sql = rule.sql.trim();
    if (rule.sql === '') throw new Error(`sql/archive/rules/${table}.sql: rule ${rule.id} has no expression`);
  }
  return rules;
}

export function tableRules(spec: TableSpec): RowRule[] {
  const rules: RowRule[] = [
    { id: 'read.shape', description: 'the row fits the header (number of fields, valid record)', sql: 'read_problem' },
    ...schemaRules(spec),
    ...valueRules(spec.name),
  ];
  if (REFERS_TO_STUDENT.has(spec.name)) {
    rules.push({
      id: `${spec.name}.student-known`,
      description: 'the student is in this package or already in the archive',
      joined: true,
      sql: `CASE WHEN student_id IS NOT NULL AND known_student IS NULL THEN 'student_id: ' || student_id || ' is not among the students of this package or the archive' END`,
    });
  }
  rules.push({
    id: `${spec.name}.unique-key`,
    description: `the natural key (${spec.naturalKey.join(', ')}) appears once in the package`,
    joined: true,
    // key_count: rows of the package with this row's natural key (check-staged.sql).
    sql: `CASE WHEN key_count > 1 THEN 'duplicate natural key (' || ${keyText(spec)} || ') in this package' END`,
  });
  return rules;
}

/** The SQL list of reasons (NULL where a rule holds), the list of rule ids, and the rules as coalesce
 * arguments in two parts: those that read the row alone (rowArgs) and those that read what the check
 * joins to it (joinedArgs), each taken on its side of the joins (check-staged.sql). */
export function ruleLists(rules: RowRule[]): { problems: string; ids: string; rowArgs: string; joinedArgs: string } {
  const args = (part: RowRule[]) => part.map((r) => r.sql).join(',\n          ');
  return {
    problems: `[${args(rules)}]`,
    ids: `[${rules.map((r) => sqlLiteral(r.id)).join(', ')}]`,
    rowArgs: args(rules.filter((r) => !r.joined)),
    joinedArgs: args(rules.filter((r) => r.joined)),
  };
}
