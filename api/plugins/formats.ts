// Every data answer as a file: `format=csv` (UTF-8 with BOM, RFC 4180) or `format=arrow` (Arrow IPC
// stream) beside the default `json`, on every GET /api route whose 200 answer is `{ rows: [...] }`.
//
// Generic by construction: at registration (onRoute) a route whose response schema has a `rows` array
// gets the `format` parameter added to its querystring schema — so it is validated like any other
// parameter (an unknown value is a 400 in the one error shape) and listed in the OpenAPI document, which
// the fuzz test reads — and the column order of its rows is taken from the row schema (so an empty
// answer still has its header, and the file holds exactly the fields the JSON answer holds).
//
// When: in preSerialization, registered after the access plugin's, so the rows are those the caller
// may see — filters applied, college pinned, small cells already suppressed (their cells are empty in
// the file, as they are null in the JSON). A response cache sits in front of the handler, so it never
// sees a file.
//
// How the file gets past the route's JSON response schema (TOOLCHAIN.md: a typed reply with a response
// schema won't send a Buffer): the hook sets `reply.serializer(identity)`. Fastify calls the reply's own
// serializer, when one is set, instead of the route's compiled JSON serializer on whatever the
// preSerialization hooks returned; the identity leaves our Readable (CSV) or Buffer (Arrow) as it is,
// and Fastify then streams or sends it with the headers set here. The route's schema, handler and
// types stay untouched; `request.rowsReturned` (set by the access plugin) still reaches the audit log,
// whose entry records the `format` among the parameters.
import fp from 'fastify-plugin';
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rowsToArrow } from '../../analytics/db/database.ts';
import { csvLine, UTF8_BOM } from '../../analytics/reports/csv.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'arrow'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FormatParameter = Type.Unsafe<ExportFormat>({
  type: 'string',
  enum: [...EXPORT_FORMATS],
  description: 'json (default); csv: UTF-8 with BOM, a header row of the row fields, suppressed cells empty; arrow: Apache Arrow IPC stream',
});

/** Lines per chunk of a streamed CSV: a chunk is a few hundred kB at most. */
const CSV_LINES_PER_CHUNK = 2000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by the formats plugin: the route's row fields, in order, for its CSV and Arrow files. */
    exportColumns?: string[];
  }
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  [key: string]: unknown;
}

/** The fields of the route's rows when its 200 answer is `{ rows: [...] }`; null otherwise. */
function rowFields(schema: { response?: Record<string, unknown> } | undefined): string[] | null {
  const ok = (schema?.response?.[200] ?? schema?.response?.['2xx']) as JsonSchema | undefined;
  const rows = ok?.properties?.rows;
  if (!rows || rows.type !== 'array') return null;
  return Object.keys(rows.items?.properties ?? {});
}

/** A file name safe in any browser and file system: the route and the data version. */
export function exportFileName(route: string, version: unknown, extension: string): string {
  const base = route.replace(/^\/api\//, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'export';
  const tag = typeof version === 'string' && version ? `_${version.replace(/[^A-Za-z0-9_-]+/g, '-')}` : '';
  return `${base}${tag}.${extension}`;
}

/** The columns of an answer: the schema's fields, else the fields of the rows in order of appearance. */
function columnsOf(rows: Record<string, unknown>[], declared: string[] | undefined): string[] {
  if (declared && declared.length > 0) return declared;
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** The CSV file as a stream: BOM and header first, then the rows a chunk at a time. */
export function csvStream(columns: string[], rows: Record<string, unknown>[]): Readable {
  function* chunks() {
    yield UTF8_BOM + csvLine(columns);
    for (let start = 0; start < rows.length; start += CSV_LINES_PER_CHUNK) {
      let chunk = '';
      for (const row of rows.slice(start, start + CSV_LINES_PER_CHUNK)) chunk += csvLine(columns.map((c) => row[c]));
      yield chunk;
    }
  }
  return Readable.from(chunks());
}

/** Arrow columns are flat: a nested value (a censored note, a list of outliers) travels as JSON text. */
function flatRows(columns: string[], rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      columns.map((c) => {
        const value = row[c];
        return [c, value !== null && typeof value === 'object' ? JSON.stringify(value) : (value ?? null)];
      }),
    ),
  );
}

export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.includes('GET') || !route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
      const fields = rowFields(route.schema as { response?: Record<string, unknown> } | undefined);
      if (!fields) return;
      const query = (route.schema?.querystring ?? { type: 'object', properties: {} }) as JsonSchema;
      if (!query.properties) throw new Error(`route ${route.url}: its querystring schema has no properties to add "format" to`);
      // A new schema object: the route's querystring may be shared with other routes.
      route.schema = { ...route.schema, querystring: { ...query, properties: { ...query.properties, format: FormatParameter } } };
      route.config = { ...route.config, exportColumns: fields };
    });

    app.addHook('preSerialization', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const format = (request.query as { format?: ExportFormat } | undefined)?.format;
      if (!format || format === 'json' || reply.statusCode >= 400) return payload;
      const body = payload as { version?: unknown; rows?: Record<string, unknown>[] } | null;
      if (!body || typeof body !== 'object' || !Array.isArray(body.rows)) return payload;
      const columns = columnsOf(body.rows, request.routeOptions.config.exportColumns);
      const route = request.routeOptions.url ?? 'export';
      // The identity serializer: what this hook returns is already the file (see the header comment).
      reply.serializer((file: unknown) => file as string);
      if (format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="${exportFileName(route, body.version, 'csv')}"`);
        return csvStream(columns, body.rows);
      }
      const ipc = rowsToArrow(flatRows(columns, body.rows));
      reply.header('content-type', 'application/vnd.apache.arrow.stream');
      reply.header('content-disposition', `attachment; filename="${exportFileName(route, body.version, 'arrows')}"`);
      return Buffer.from(ipc.buffer, ipc.byteOffset, ipc.byteLength);
    });
  },
  { name: 'formats', dependencies: ['access'] },
);
