// The one DuckDB access layer: one in-process instance, a small pool of reused connections, SQL from
// sql/ files with bound $parameters, results as plain rows or Arrow IPC.
import { DuckDBInstance, LIST, listValue, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { loadSql } from './sql-files.ts';
import { readRows, type Row } from './convert.ts';

export interface DatabaseOptions {
  memoryLimit?: string;
  threads?: number;
  /** Where DuckDB may spill when a query outgrows memory. */
  tempDirectory?: string;
  /** Connections kept for reuse; each query holds one while it runs. */
  poolSize?: number;
}

/** Bound $parameters: DuckDB values, or a list of strings (bound as VARCHAR[], e.g. course ids). */
export type Params = Record<string, DuckDBValue | readonly string[] | undefined>;

export class Database {
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: ((connection: DuckDBConnection) => void)[] = [];
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connections: DuckDBConnection[],
  ) {
    this.idle.push(...connections);
  }

  static async open(options: DatabaseOptions = {}): Promise<Database> {
    const config: Record<string, string> = {
      memory_limit: options.memoryLimit ?? '1GB',
      threads: String(options.threads ?? 2),
    };
    if (options.tempDirectory) config.temp_directory = options.tempDirectory;
    const instance = await DuckDBInstance.create(':memory:', config);
    const connections: DuckDBConnection[] = [];
    for (let i = 0; i < (options.poolSize ?? 4); i++) connections.push(await instance.connect());
    return new Database(instance, connections);
  }

  /** Runs a statement from sql/<name>.sql with named parameters; returns plain rows. */
  async query<T extends Row = Row>(name: string, params: Params = {}): Promise<T[]> {
    const file = loadSql(name);
    return (await this.execute(file.text, pick(params, file.parameters))) as T[];
  }

  /** The same, as an Arrow IPC stream (for clients that want columns, not JSON). */
  async queryArrow(name: string, params: Params = {}): Promise<Uint8Array> {
    return rowsToArrow(await this.query(name, params));
  }

  /**
   * Runs trusted SQL text (a filled template from sql/). User values must go through `params`.
   * Several statements separated by semicolons are allowed when there are no parameters.
   */
  async execute(sql: string, params: Params = {}): Promise<Row[]> {
    return this.withConnection(async (connection) => {
      const hasParams = Object.keys(params).length > 0;
      const reader = hasParams ? await connection.runAndReadAll(sql, ...bindable(params)) : await connection.runAndReadAll(sql);
      return readRows(reader);
    });
  }

  /** Runs a callback on one connection (e.g. statements that share temp tables). */
  async withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      this.release(connection);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const connection of this.connections) connection.closeSync();
    this.instance.closeSync();
  }

  private acquire(): Promise<DuckDBConnection> {
    if (this.closed) return Promise.reject(new Error('database is closed'));
    const connection = this.idle.pop();
    if (connection) return Promise.resolve(connection);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(connection: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }
}

/** Values and the types DuckDB cannot infer: a string list's (an empty one has no item to infer from). */
function bindable(params: Params): [Record<string, DuckDBValue>, Record<string, DuckDBType>] {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const [name, value] of Object.entries(params)) {
    if (isStringList(value)) {
      values[name] = listValue([...value]);
      types[name] = LIST(VARCHAR);
    } else values[name] = value ?? null;
  }
  return [values, types];
}

const isStringList = (value: Params[string]): value is readonly string[] => Array.isArray(value);

function pick(params: Params, names: string[]): Params {
  const picked: Params = {};
  for (const name of names) picked[name] = params[name] ?? null;
  return picked;
}

/**
 * Builds an Arrow IPC stream from plain rows (DuckDB's Node API has no Arrow output of its own): numeric
 * columns become Float64, booleans Bool, everything else UTF-8 text; nulls stay null.
 */
export function rowsToArrow(rows: Row[]): Uint8Array {
  const names = rows.length > 0 ? Object.keys(rows[0]) : [];
  const vectors: Record<string, Vector> = {};
  for (const name of names) {
    const values = rows.map((row) => row[name] ?? null);
    const present = values.filter((v) => v !== null);
    if (present.every((v) => typeof v === 'number')) vectors[name] = vectorFromArray(values as (number | null)[], new Float64());
    else if (present.every((v) => typeof v === 'boolean')) vectors[name] = vectorFromArray(values as (boolean | null)[], new Bool());
    else vectors[name] = vectorFromArray(values.map((v) => (v === null ? null : String(v))), new Utf8());
  }
  return tableToIPC(new Table(vectors), 'stream');
}
