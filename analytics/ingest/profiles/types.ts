// The shape of a header-mapping profile (data/profiles/*.json; the README there documents it with an
// example). A profile says, for each canonical table it can fill, where each canonical column comes from
// in a source system's export and how its values translate.
import type { TableName } from '../../db/schema.ts';

/** A map from values as exported to canonical values; null means "no value" (e.g. 缓考 has no score). */
export type ValueMap = Record<string, string | null>;

export type ColumnRule =
  /** A header (or several alternatives, the first present wins). */
  | string
  | string[]
  | SourceRule
  | ConstantRule
  | RowNumberRule
  | FirstOfRule;

export interface SourceRule {
  from: string | string[];
  /** An RE2 regular expression; the value becomes the text of capture group `group` (default 1). */
  pattern?: string;
  group?: number;
  /** A value map: the name of one in the profile's `values`, or an inline one. */
  values?: string | ValueMap;
  /** What a value missing from the map becomes: kept as is (default, so the checks can flag it) or null. */
  unmapped?: 'keep' | 'null';
}

/** A value the source does not carry, supplied by the profile; `note` says why, and the report shows it. */
export interface ConstantRule {
  value: string | null;
  note: string;
}

/** An identifier made from the record's number in the file, for sources that have none. */
export interface RowNumberRule {
  row_number: true;
  prefix?: string;
  note: string;
}

/** The first of several rules that yields a value (e.g. a percentage score, else the converted grade). */
export interface FirstOfRule {
  first_of: ColumnRule[];
}

export interface TableProfile {
  /** Only files with these names (case-insensitive) are read with this table's rules. */
  files?: string[];
  columns?: Record<string, ColumnRule>;
  /** Canonical columns without a rule are read from a header of the same name (the canonical export). */
  same_names?: boolean;
  /** Headers the rules do not use: dropped and listed in the report (default), or the file is refused. */
  extra_columns?: 'drop' | 'refuse';
}

export interface Profile {
  name: string;
  label: string;
  description?: string;
  /** Cell values that mean "missing" in this system's exports, e.g. "?" or "NA". */
  null_values?: string[];
  values?: Record<string, ValueMap>;
  tables: Partial<Record<TableName, TableProfile>>;
  /** The file it was loaded from. */
  file: string;
}
