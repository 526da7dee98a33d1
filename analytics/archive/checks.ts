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
        sql: `CASE WHEN ${id} IS NOT NULL AND TRY_CAST(${id} AS ${column.type}) IS NULL THEN '${message}' END`,
      });
    }
  }
  return rules;
}

/** One CASE expression per rule a row can break; each yields a reason or NULL. */
export function rowProblemExpressions(spec: TableSpec): string {
  return schemaRules(spec)
    .map((rule) => rule.sql)
    .join(',\n         ');
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
