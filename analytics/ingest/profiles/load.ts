// Loads and checks the header-mapping profiles in data/profiles (or one given by path). A profile is
// configuration written by people, so every mistake is reported with where it is and what to write.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSchema, TABLE_NAMES, type TableName } from '../../db/schema.ts';
import type { ColumnRule, Profile, TableProfile } from './types.ts';

export const PROFILES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/profiles');

/** A profile that cannot be used; the message names the file and the place. */
export class ProfileError extends Error {}

/** Every profile in the folder, canonical first (it wins ties), then by name. */
export async function loadProfiles(dir = PROFILES_DIR): Promise<Profile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const profiles = await Promise.all(names.map((name) => loadProfileFile(path.join(dir, name))));
  return profiles.sort((a, b) => (a.name === 'canonical' ? -1 : b.name === 'canonical' ? 1 : a.name.localeCompare(b.name)));
}

/** A profile by name (from the folder) or by path to a .json file. */
export async function findProfile(nameOrPath: string, dir = PROFILES_DIR): Promise<Profile> {
  if (nameOrPath.endsWith('.json')) return loadProfileFile(path.resolve(nameOrPath));
  const profiles = await loadProfiles(dir);
  const profile = profiles.find((p) => p.name === nameOrPath);
  if (!profile) throw new ProfileError(`no profile "${nameOrPath}"; the profiles are ${profiles.map((p) => p.name).join(', ')}`);
  return profile;
}

export async function loadProfileFile(file: string): Promise<Profile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ProfileError(`${file}: ${(error as Error).message}`);
  }
  return checkProfile(raw, file);
}

export async function checkProfile(raw: unknown, file: string): Promise<Profile> {
  const where = path.basename(file);
  const fail = (message: string): never => {
    throw new ProfileError(`profile ${where}: ${message}`);
  };
  if (!isObject(raw)) fail('must be a JSON object');
  const p = raw as Record<string, unknown>;
  if (typeof p.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(p.name)) fail('"name" must be lower-case letters, digits and hyphens');
  if (typeof p.label !== 'string' || p.label.trim() === '') fail('"label" must say, for people, which system and export this is');
  if (p.null_values !== undefined && !(Array.isArray(p.null_values) && p.null_values.every((v) => typeof v === 'string'))) {
    fail('"null_values" must be a list of strings');
  }
  const values = (p.values ?? {}) as Record<string, unknown>;
  if (!isObject(values)) fail('"values" must map names to value maps');
  for (const [name, map] of Object.entries(values)) checkValueMap(map, `values.${name}`, fail);
  if (!isObject(p.tables) || Object.keys(p.tables as object).length === 0) fail('"tables" must name at least one canonical table');
  const schema = await loadSchema();
  for (const [table, spec] of Object.entries(p.tables as Record<string, unknown>)) {
    if (!(TABLE_NAMES as readonly string[]).includes(table)) fail(`"tables.${table}" is not a canonical table (${TABLE_NAMES.join(', ')})`);
    if (!isObject(spec)) fail(`"tables.${table}" must be an object`);
    const t = spec as TableProfile;
    const columns = schema.get(table as TableName)!.columns.map((c) => c.name);
    if (t.files !== undefined && !(Array.isArray(t.files) && t.files.every((f) => typeof f === 'string'))) fail(`"tables.${table}.files" must be a list of file names`);
    if (t.extra_columns !== undefined && t.extra_columns !== 'drop' && t.extra_columns !== 'refuse') fail(`"tables.${table}.extra_columns" must be "drop" or "refuse"`);
    for (const [column, rule] of Object.entries(t.columns ?? {})) {
      if (!columns.includes(column)) fail(`"tables.${table}.columns.${column}" is not a column of ${table} (${columns.join(', ')})`);
      checkRule(rule, `tables.${table}.columns.${column}`, values as Record<string, unknown>, fail);
    }
  }
  return { ...(p as unknown as Omit<Profile, 'file'>), file };
}

function checkRule(rule: unknown, at: string, values: Record<string, unknown>, fail: (m: string) => never): void {
  if (typeof rule === 'string') return;
  if (Array.isArray(rule)) {
    if (rule.length === 0 || !rule.every((h) => typeof h === 'string')) fail(`"${at}" must be a header or a list of headers`);
    return;
  }
  if (!isObject(rule)) return fail(`"${at}" must be a header, a list of headers or an object`);
  const r = rule as Record<string, unknown>;
  if ('first_of' in r) {
    if (!Array.isArray(r.first_of) || r.first_of.length === 0) fail(`"${at}.first_of" must be a list of rules`);
    (r.first_of as unknown[]).forEach((inner, i) => checkRule(inner, `${at}.first_of[${i}]`, values, fail));
    return;
  }
  if ('value' in r) {
    if (r.value !== null && typeof r.value !== 'string') fail(`"${at}.value" must be text or null`);
    if (typeof r.note !== 'string' || r.note.trim() === '') fail(`"${at}" supplies a value the source does not carry: add a "note" saying why it is right`);
    return;
  }
  if ('row_number' in r) {
    if (r.row_number !== true) fail(`"${at}.row_number" must be true`);
    if (r.prefix !== undefined && typeof r.prefix !== 'string') fail(`"${at}.prefix" must be text`);
    if (typeof r.note !== 'string' || r.note.trim() === '') fail(`"${at}" makes identifiers from row numbers: add a "note" saying why`);
    return;
  }
  if (!('from' in r)) fail(`"${at}" needs "from" (a header), "value", "row_number" or "first_of"`);
  const from = r.from;
  if (!(typeof from === 'string' || (Array.isArray(from) && from.length > 0 && from.every((h) => typeof h === 'string')))) {
    fail(`"${at}.from" must be a header or a list of headers`);
  }
  if (r.pattern !== undefined) {
    if (typeof r.pattern !== 'string') fail(`"${at}.pattern" must be a regular expression`);
    try {
      new RegExp(r.pattern as string);
    } catch (error) {
      fail(`"${at}.pattern" is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  if (r.group !== undefined && !(Number.isInteger(r.group) && (r.group as number) >= 0)) fail(`"${at}.group" must be a whole number`);
  if (r.unmapped !== undefined && r.unmapped !== 'keep' && r.unmapped !== 'null') fail(`"${at}.unmapped" must be "keep" or "null"`);
  if (typeof r.values === 'string') {
    if (!(r.values in values)) fail(`"${at}.values" names "${r.values}", which is not in the profile's "values"`);
  } else if (r.values !== undefined) checkValueMap(r.values, `${at}.values`, fail);
}

function checkValueMap(map: unknown, at: string, fail: (m: string) => never): void {
  if (!isObject(map)) fail(`"${at}" must map values as exported to canonical values`);
  for (const [key, value] of Object.entries(map as object)) {
    if (value !== null && typeof value !== 'string') fail(`"${at}.${key}" must be text or null`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
