// Compiles a profile's rules for one file into the SELECT list that maps its staged columns (named
// c1…cN by position) to the canonical columns, as text. Everything placed in the SQL is either a name
// generated here or a profile value quoted with sqlLiteral; the file's own header text never enters SQL.
import { sqlIdentifier, sqlLiteral } from '../../db/sql-files.ts';
import type { TableSpec } from '../../db/schema.ts';
import type { ColumnRule, Profile, TableProfile, ValueMap } from './types.ts';

export interface MappedColumn {
  name: string;
  /** SQL expression over the staged row `s` (and `source_row`), or NULL when nothing maps to it. */
  sql: string;
  kind: 'source' | 'constant' | 'row-number' | 'missing';
  /** Headers the value is read from. */
  sources: string[];
  /** For constants and row numbers: the profile's note. */
  note?: string;
}

export interface CompiledMapping {
  profile: string;
  table: string;
  columns: MappedColumn[];
  /** 0-based positions of the headers some rule reads. */
  used: number[];
  /** Required canonical columns that nothing in this file maps to. */
  missingRequired: string[];
  /** Headers no rule reads (direct-identifier headers excluded: they are dropped separately). */
  unused: string[];
  /** Canonical mapping of a canonical export: values are kept exactly as received (no trimming). */
  identity: boolean;
  extraColumns: 'drop' | 'refuse';
}

export interface CompileOptions {
  /** Positions of headers that are direct identifiers: never read, never kept. */
  identifierColumns?: Set<number>;
  /** Positions whose values go through the identifier mask (free-text columns). */
  maskColumns?: Set<number>;
}

export function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function compileMapping(profile: Profile, tableName: string, spec: TableSpec, header: string[], options: CompileOptions = {}): CompiledMapping {
  const tableProfile: TableProfile = profile.tables[spec.name] ?? {};
  const identifiers = options.identifierColumns ?? new Set<number>();
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!identifiers.has(i) && !positions.has(key)) positions.set(key, i);
  });
  const used = new Set<number>();
  const nullValues = profile.null_values ?? [];

  const column = (i: number, trim: boolean): string => {
    let sql = `s.${sqlIdentifier(`c${i + 1}`)}`;
    if (options.maskColumns?.has(i)) sql = `xueji_mask_identifiers(${sql})`;
    if (!trim) return sql;
    sql = `nullif(trim(${sql}), '')`;
    if (nullValues.length > 0) sql = `CASE WHEN ${sql} IN (${nullValues.map(sqlLiteral).join(', ')}) THEN NULL ELSE ${sql} END`;
    return sql;
  };

  const compileRule = (rule: ColumnRule): { sql: string; kind: MappedColumn['kind']; sources: string[]; note?: string } | null => {
    if (typeof rule === 'string' || Array.isArray(rule)) return compileRule({ from: rule });
    if ('first_of' in rule) {
      const parts = rule.first_of.map(compileRule).filter((part) => part !== null);
      if (parts.length === 0) return null;
      if (parts.length === 1) return parts[0];
      const kind = parts.some((p) => p.kind === 'source') ? 'source' : parts[0].kind;
      return { sql: `coalesce(${parts.map((p) => p.sql).join(', ')})`, kind, sources: parts.flatMap((p) => p.sources), note: parts.find((p) => p.note)?.note };
    }
    if ('value' in rule) return { sql: rule.value === null ? 'NULL' : sqlLiteral(rule.value), kind: 'constant', sources: [], note: rule.note };
    if ('row_number' in rule) return { sql: `${sqlLiteral(rule.prefix ?? '')} || source_row`, kind: 'row-number', sources: [], note: rule.note };
    const alternatives = Array.isArray(rule.from) ? rule.from : [rule.from];
    const found = alternatives.map((h) => positions.get(normalizeHeader(h))).find((i) => i !== undefined);
    if (found === undefined) return null;
    used.add(found);
    let sql = column(found, true);
    if (rule.pattern !== undefined) sql = `nullif(regexp_extract(${sql}, ${sqlLiteral(rule.pattern)}, ${rule.group ?? 1}), '')`;
    if (rule.values !== undefined) {
      const map: ValueMap = typeof rule.values === 'string' ? profile.values![rule.values] : rule.values;
      sql = valueMapSql(sql, map, rule.unmapped ?? 'keep');
    }
    return { sql, kind: 'source', sources: [header[found]] };
  };

  const columns: MappedColumn[] = spec.columns.map((c) => {
    const rule = tableProfile.columns?.[c.name];
    let compiled = rule !== undefined ? compileRule(rule) : null;
    if (!compiled && rule === undefined && tableProfile.same_names) {
      const i = positions.get(c.name);
      if (i !== undefined) {
        used.add(i);
        compiled = { sql: column(i, false), kind: 'source', sources: [header[i]] };
      }
    }
    return compiled ? { name: c.name, ...compiled } : { name: c.name, sql: 'NULL', kind: 'missing', sources: [] };
  });
  const identity = Boolean(tableProfile.same_names) && !tableProfile.columns;
  return {
    profile: profile.name,
    table: tableName,
    columns,
    used: [...used].sort((a, b) => a - b),
    missingRequired: spec.columns.filter((c, i) => c.required && columns[i].kind === 'missing').map((c) => c.name),
    unused: header.filter((_, i) => !used.has(i) && !identifiers.has(i)),
    identity,
    extraColumns: tableProfile.extra_columns ?? 'drop',
  };
}

function valueMapSql(sql: string, map: ValueMap, unmapped: 'keep' | 'null'): string {
  const entries = Object.entries(map);
  if (entries.length === 0) return sql;
  const whens = entries.map(([from, to]) => `WHEN ${sqlLiteral(from)} THEN ${to === null ? 'NULL' : sqlLiteral(to)}`).join(' ');
  return `(CASE ${sql} ${whens} ELSE ${unmapped === 'keep' ? sql : 'NULL'} END)`;
}

/** The SELECT list: each canonical column as text, named by its canonical (schema) name. */
export function mappedSelectList(mapping: CompiledMapping): string {
  return mapping.columns.map((c) => `CAST(${c.sql} AS VARCHAR) AS ${sqlIdentifier(c.name)}`).join(',\n         ');
}
