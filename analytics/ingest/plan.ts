// Decides, for each file of a package, which canonical table it fills and with which profile: the table
// given by the archivist, else the one the file is named after, else the best match of the headers; the
// profile given, else the best match (see profiles/detect.ts). Direct-identifier columns are set aside
// first, so no profile can map them; free-text columns are marked for identifier masking.
import type { TableName, TableSpec } from '../db/schema.ts';
import { TABLE_NAMES } from '../db/schema.ts';
import { FREE_TEXT_COLUMNS, identifierKind, IDENTIFIER_LABELS } from './identifiers.ts';
import { compileMapping, type CompiledMapping } from './profiles/compile.ts';
import { rankCandidates, tableFromFileName } from './profiles/detect.ts';
import type { Profile } from './profiles/types.ts';
import type { PreparedSource } from './readers/index.ts';

export interface FilePlan {
  source: PreparedSource;
  table: TableName;
  profile: Profile;
  profileDetected: boolean;
  mapping: CompiledMapping;
  identifierColumns: { index: number; header: string; kind: string }[];
  maskColumns: Set<number>;
  /** Why this file cannot be received as planned (missing or unknown columns), or null. */
  problem: string | null;
}

export class PlanProblem extends Error {}

export function planFile(
  source: PreparedSource,
  profiles: Profile[],
  schema: Map<TableName, TableSpec>,
  options: { table?: TableName; profileGiven: boolean },
): FilePlan {
  const { file, header } = source;
  const identifierColumns = header
    .map((h, index) => ({ index, header: h, kind: identifierKind(h) }))
    .filter((c): c is { index: number; header: string; kind: NonNullable<ReturnType<typeof identifierKind>> } => c.kind !== null)
    .map((c) => ({ ...c, kind: IDENTIFIER_LABELS[c.kind] }));
  const identifiers = new Set(identifierColumns.map((c) => c.index));
  const table = options.table ?? tableFromFileName(file.name, TABLE_NAMES);
  const candidates = rankCandidates({ fileName: file.name, header, profiles, schema, table, compile: { identifierColumns: identifiers } });
  const best = candidates[0];
  if (!best) {
    const which = options.profileGiven ? `profile ${profiles[0].name}` : `any profile (${profiles.map((p) => p.name).join(', ')})`;
    throw new PlanProblem(
      `${file.name}: none of its columns (${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''}) match ${which}${table ? ` for table ${table}` : ''}. ` +
        `Name the file after its table (e.g. grades.csv), or give --table and --profile; data/profiles/README.md explains how to write a profile for your system's export`,
    );
  }
  // Free-text columns get the identifier mask: recompile with it (positions are the same).
  const free = new Set(FREE_TEXT_COLUMNS[best.table]);
  const maskColumns = new Set<number>();
  for (const column of best.mapping.columns) {
    if (!free.has(column.name)) continue;
    for (const source of column.sources) {
      const i = header.indexOf(source);
      if (i !== -1) maskColumns.add(i);
    }
  }
  const mapping = maskColumns.size > 0 ? compileMapping(best.profile, best.table, schema.get(best.table)!, header, { identifierColumns: identifiers, maskColumns }) : best.mapping;
  return {
    source,
    table: best.table,
    profile: best.profile,
    profileDetected: !options.profileGiven,
    mapping,
    identifierColumns,
    maskColumns,
    problem: describeProblem(file.name, mapping, schema.get(best.table)!),
  };
}

function describeProblem(fileName: string, mapping: CompiledMapping, spec: TableSpec): string | null {
  const refuseExtra = mapping.extraColumns === 'refuse' && mapping.unused.length > 0;
  if (mapping.missingRequired.length === 0 && !refuseExtra) return null;
  if (mapping.profile === 'canonical') {
    const parts = [];
    if (mapping.missingRequired.length > 0) parts.push(`missing columns ${mapping.missingRequired.join(', ')}`);
    if (mapping.unused.length > 0) parts.push(`unknown columns ${mapping.unused.join(', ')}`);
    return `${fileName}: ${parts.join('; ')}. The canonical columns are ${spec.columns.map((c) => c.name).join(', ')}`;
  }
  return `${fileName}: read with profile ${mapping.profile} as ${mapping.table}, but nothing in it gives the required columns ${mapping.missingRequired.join(', ')}`;
}
