// SQL fragments built from the canonical schema (never from user input) for the row checks and the
// typed projection of accepted rows.
import { sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import type { TableSpec } from '../db/schema.ts';

/** A check a row can fail: an id (for counting), what it requires (for people), and a SQL expression that
 * yields the reason the row fails it, or NULL. */
export interface RowRule {
  id: string;
  description: string;
  sql: string;
  /** The rule reads what the check joins to the row (known_student, key_count), not the row alone. */
  joined?: boolean;
}

/** The rules the schema itself implies: required columns present, typed columns parse as their type. */
export function schemaRules(spec: TableSpec): RowRule[] {
  const rules: RowRule[] = [];
  for (const column of spec.columns) {
    const id = sqlIdentifier(column.name);
    if (column.required) {
      rules.push({
        id: `${spec.name}.required.${column.name}`,
        description: `${column.name} is required`,
        sql: `CASE WHEN ${id} IS NULL THEN ${sqlLiteral(`${column.name} is required`)} END`,
      });
    }
    if (column.type !== 'VARCHAR') {
      const message = `${column.name}: "' || ${id} || '" is not a valid ${describeType(column.type)}`;
      rules.push({
        id: `${spec.name}.type.${column.name}`,
        description: `${column.name} is a ${describeType(column.type)}`,
        sql: `CASE WHEN ${id} IS NOT NULL AND typed.${id} IS NULL THEN '${message}' END`,
      });
    }
  }
  return rules;
}

/** The row's typed values as one struct, `typed`: each column of a non-text type cast to it, NULL where
 * the text is missing or does not parse. The checks compute it once per row (check-staged.sql) and every
 * rule reads typed.<column>, where a TRY_CAST in each rule cost one cast per rule and bound: on the
 * 300k-student package's 18.3M grade rows, 15 casts a row instead of 5. NULL for a table with no typed
 * column. */
export function typedValues(spec: TableSpec): string {
  const typed = spec.columns.filter((column) => column.type !== 'VARCHAR');
  if (typed.length === 0) return 'NULL';
  return `struct_pack(${typed.map((column) => `${sqlIdentifier(column.name)} := TRY_CAST(${sqlIdentifier(column.name)} AS ${column.type})`).join(', ')})`;
}

export function typedColumns(spec: TableSpec): string {
  return spec.columns
    .map((column) => {
      const id = sqlIdentifier(column.name);
      return column.type === 'VARCHAR' ? id : `CAST(${id} AS ${column.type}) AS ${id}`;
    })
    .join(', ');
}

export function keyColumns(spec: TableSpec): string {
  return spec.naturalKey.map(sqlIdentifier).join(', ');
}

/** The natural key as readable text for a reason message, e.g. `2019010001/MA101/2019/1/正常`. */
export function keyText(spec: TableSpec): string {
  return spec.naturalKey.map((name) => `coalesce(${sqlIdentifier(name)}, '')`).join(` || '/' || `);
}

export function typedNulls(spec: TableSpec, extra: Record<string, string> = {}): string {
  const columns = spec.columns.map((column) => `CAST(NULL AS ${column.type}) AS ${sqlIdentifier(column.name)}`);
  for (const [name, type] of Object.entries(extra)) columns.push(`CAST(NULL AS ${type}) AS ${sqlIdentifier(name)}`);
  return columns.join(', ');
}

function describeType(type: string): string {
  switch (type) {
    case 'INTEGER':
      return 'whole number';
    case 'DOUBLE':
      return 'number';
    case 'DATE':
      return 'date (YYYY-MM-DD)';
    case 'TIMESTAMP':
      return 'date and time (YYYY-MM-DD HH:MM:SS)';
    case 'BOOLEAN':
      return 'true/false value';
    default:
      return type;
  }
}
