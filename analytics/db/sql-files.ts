// Loads the product's SQL from sql/*.sql. Statements take user values only as bound $parameters;
// {{placeholders}} are filled by trusted code with identifiers from sql/schema or internal paths.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SQL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../sql');

export interface SqlFile {
  name: string;
  text: string;
  /** The $parameters the statement uses; DuckDB refuses values for parameters it does not use. */
  parameters: string[];
}

const cache = new Map<string, SqlFile>();

export function loadSql(name: string): SqlFile {
  let file = cache.get(name);
  if (!file) {
    const text = expandIncludes(readFileSync(path.join(SQL_DIR, `${name}.sql`), 'utf8'), [name]);
    const parameters = [...new Set([...stripComments(text).matchAll(/\$([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]))];
    file = { name, text, parameters };
    cache.set(name, file);
  }
  return file;
}

/**
 * Replaces each `{{> other/file}}` with the text of sql/other/file.sql (itself expanded), so that a
 * query shared by several metrics (which results count, under which filters) is written once. Only
 * files under sql/ can be included; a cycle is a programming error.
 */
function expandIncludes(text: string, chain: string[]): string {
  return text.replace(/\{\{>\s*([\w/-]+)\s*\}\}/g, (_, include: string) => {
    if (chain.includes(include)) throw new Error(`SQL include cycle: ${[...chain, include].join(' → ')}`);
    const body = readFileSync(path.join(SQL_DIR, `${include}.sql`), 'utf8').trim().replace(/;\s*$/, '');
    // On lines of its own: a comment on the included file's last line must not swallow what follows.
    return `\n${expandIncludes(body, [...chain, include])}\n`;
  });
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '');
}

/** Quotes a trusted string (a path, an id) as an SQL literal. Never used for user input. */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier taken from the schema. */
export function sqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a schema identifier: ${name}`);
  return `"${name}"`;
}

/** Fills {{placeholders}} with trusted fragments; a missing one is a programming error. */
export function fillTemplate(text: string, fragments: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const fragment = fragments[key];
    if (fragment === undefined) throw new Error(`SQL template needs {{${key}}}`);
    return fragment;
  });
}
