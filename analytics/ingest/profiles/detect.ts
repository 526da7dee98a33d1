// Picks the profile and table for a file from its header when the sender did not say. Every profile's
// table rules are compiled against the header; a candidate that maps every required column wins over
// one that does not, then the one reading more of the file's headers, then the canonical profile. The
// best candidate is returned even when it fails, so the refusal can say what is missing.
import path from 'node:path';
import type { TableName, TableSpec } from '../../db/schema.ts';
import { compileMapping, type CompiledMapping, type CompileOptions } from './compile.ts';
import type { Profile } from './types.ts';

export interface Candidate {
  profile: Profile;
  table: TableName;
  mapping: CompiledMapping;
  /** Maps every required column and reads at least two headers. */
  complete: boolean;
}

export interface DetectInput {
  fileName: string;
  header: string[];
  profiles: Profile[];
  schema: Map<TableName, TableSpec>;
  /** The table, when known (given, or the file is named after it). */
  table?: TableName;
  compile?: CompileOptions;
}

export function rankCandidates(input: DetectInput): Candidate[] {
  const candidates: Candidate[] = [];
  const fileName = input.fileName.toLowerCase();
  for (const profile of input.profiles) {
    for (const [table, tableProfile] of Object.entries(profile.tables) as [TableName, NonNullable<Profile['tables'][TableName]>][]) {
      if (input.table && table !== input.table) continue;
      if (tableProfile.files && !tableProfile.files.some((f) => f.toLowerCase() === fileName)) continue;
      const mapping = compileMapping(profile, table, input.schema.get(table)!, input.header, input.compile);
      if (mapping.used.length === 0) continue;
      candidates.push({ profile, table, mapping, complete: mapping.missingRequired.length === 0 && mapping.used.length >= 2 });
    }
  }
  return candidates.sort(
    (a, b) =>
      Number(b.complete) - Number(a.complete) ||
      b.mapping.used.length - a.mapping.used.length ||
      Number(b.profile.name === 'canonical') - Number(a.profile.name === 'canonical') ||
      a.profile.name.localeCompare(b.profile.name),
  );
}

/** The table a file is named after (grades.csv, grades.xlsx → grades), if any. */
export function tableFromFileName(fileName: string, tables: readonly TableName[]): TableName | undefined {
  const stem = path.basename(fileName, path.extname(fileName)).toLowerCase();
  return tables.find((t) => t === stem);
}
