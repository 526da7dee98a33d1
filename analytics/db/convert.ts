// Turns DuckDB result values into plain JSON-safe JavaScript, in one place: BIGINT and HUGEINT become
// numbers (refusing silent precision loss), DATE becomes 'YYYY-MM-DD', TIMESTAMP an ISO-like string.
import type { DuckDBResultReader } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

function convertValue(value: unknown, typeName: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`integer ${value} does not fit a JavaScript number; cast it in SQL`);
    }
    return Number(value);
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    if (typeName === 'DATE') return iso.slice(0, 10);
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (Array.isArray(value)) return value.map((item) => convertValue(item, ''));
  return value;
}

export function readRows(reader: DuckDBResultReader): Row[] {
  const names = reader.columnNames();
  const types = reader.columnTypes().map((type) => type.toString());
  return reader.getRowObjectsJS().map((raw) => {
    const row: Row = {};
    names.forEach((name, i) => {
      row[name] = convertValue(raw[name], types[i]);
    });
    return row;
  });
}
