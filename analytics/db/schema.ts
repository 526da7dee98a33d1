// The canonical tables as data: sql/schema/tables.sql is loaded into a scratch DuckDB and described,
// so column names, types, required columns and natural keys have one source of truth.
import { DuckDBInstance } from '@duckdb/node-api';
import { loadSql } from './sql-files.ts';
import { readRows } from './convert.ts';

export interface ColumnSpec {
  name: string;
  /** DuckDB type name, e.g. VARCHAR, INTEGER, DOUBLE, DATE, TIMESTAMP, BOOLEAN. */
  type: string;
  required: boolean;
}

export interface TableSpec {
  name: TableName;
  columns: ColumnSpec[];
  naturalKey: string[];
}

/** In dependency order: students first, since the others refer to them. */
export const TABLE_NAMES = ['students', 'grades', 'status_changes', 'graduations', 'awards_punishments', 'utilization'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

let cached: Promise<Map<TableName, TableSpec>> | undefined;

export function loadSchema(): Promise<Map<TableName, TableSpec>> {
  cached ??= describeSchema();
  return cached;
}

export async function tableSpec(name: TableName): Promise<TableSpec> {
  const spec = (await loadSchema()).get(name);
  if (!spec) throw new Error(`sql/schema/tables.sql has no table ${name}`);
  return spec;
}

async function describeSchema(): Promise<Map<TableName, TableSpec>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(loadSql('schema/tables').text);
    const columns = readRows(
      await connection.runAndReadAll(
        `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns ORDER BY table_name, ordinal_position`,
      ),
    );
    const keys = readRows(
      await connection.runAndReadAll(
        `SELECT table_name, constraint_column_names AS key FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'`,
      ),
    );
    const tables = new Map<TableName, TableSpec>();
    for (const name of TABLE_NAMES) {
      const key = keys.find((k) => k.table_name === name)?.key as string[] | undefined;
      if (!key) throw new Error(`sql/schema/tables.sql: table ${name} needs a PRIMARY KEY (its natural key)`);
      tables.set(name, {
        name,
        columns: columns
          .filter((c) => c.table_name === name)
          .map((c) => ({ name: String(c.column_name), type: String(c.data_type), required: c.is_nullable === 'NO' })),
        naturalKey: key,
      });
    }
    return tables;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
