// Paged tables. A GET route that declares `config.page` (and the page parameters in its querystring:
// pageProperties in api/schemas/common.ts) answers, when asked with `limit`, one page of its rows —
// sorted, optionally narrowed to the flagged ones — with `page: { total, offset, limit, sort, direction
// }`. Without `limit` it answers every row, sorted the same way (what a download takes). Why: the course
// table has 1,681 rows at 300,000 students, a 670 KB answer that a leader's phone would read whole to
// show 50.
//
// When: in preSerialization, registered after the access plugin, so the rows are already suppressed —
// a hidden value sorts as empty on every page and no page shows what the whole table hid — and before
// the formats plugin, so a file holds the rows the JSON would. The response cache keys its answers
// without these parameters (one computed table serves every page and order) and its ETags with them.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from '../errors.ts';

export interface RoutePage {
  /** Columns the rows may be sorted by; the first is the default. */
  sortable: readonly string[];
  /** Columns sorted high to low when no direction is given (rates, counts, z); the others A→Z, 1→9. */
  descendingFirst: readonly string[];
  /** A column unique per row: it orders ties, so the pages of one order never overlap. */
  id: string;
  /** The query flag that keeps only some rows (e.g. only the outlier courses), and which. */
  only?: { parameter: string; keep: (row: Row) => boolean };
}

type Row = Record<string, unknown>;
type Direction = 'asc' | 'desc';

declare module 'fastify' {
  interface FastifyContextConfig {
    page?: RoutePage;
  }
}

/** The query parameters that only choose a page of the answer (not what is computed). */
export function pageParameters(page: RoutePage): string[] {
  return ['limit', 'offset', 'sort', 'direction', ...(page.only ? [page.only.parameter] : [])];
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Sorted copy by `key`: empty values last in either direction, ties by the id column. */
export function sortRows(rows: readonly Row[], key: string, direction: Direction, id: string): Row[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compareIds = (a: Row, b: Row) => collator.compare(String(a[id]), String(b[id]));
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const xEmpty = x === null || x === undefined;
    const yEmpty = y === null || y === undefined;
    if (xEmpty !== yEmpty) return xEmpty ? 1 : -1;
    let order = 0;
    if (!xEmpty) order = typeof x === 'string' ? collator.compare(x, String(y)) : (x as number) - (y as number);
    return order !== 0 ? sign * order : compareIds(a, b);
  });
}

export default fp(
  async (app) => {
    // A cached (and suppressed) answer is the same object on every hit: its orders are kept beside it,
    // so turning a page sorts nothing.
    const orders = new WeakMap<object, Map<string, Row[]>>();

    // Before the handler, whose answer may come from the cache without it running: the query-string
    // coercion turns "1e309" into Infinity, which passes a JSON-schema integer.
    app.addHook('preHandler', async (request: FastifyRequest) => {
      if (!request.routeOptions.config.page) return;
      const query = request.query as { limit?: number; offset?: number };
      for (const name of ['limit', 'offset'] as const) {
        const value = query[name];
        if (value !== undefined && !Number.isSafeInteger(value)) throw badRequest(`${name} must be a whole number, got ${value}`);
      }
    });

    app.addHook('preSerialization', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const page = request.routeOptions.config.page;
      if (!page || reply.statusCode >= 400 || !payload || typeof payload !== 'object') return payload;
      const body = payload as { rows?: Row[] };
      if (!Array.isArray(body.rows)) return payload;
      const query = request.query as { limit?: number; offset?: number; sort?: string; direction?: Direction } & Row;
      const sort = query.sort ?? page.sortable[0];
      const direction = query.direction ?? (page.descendingFirst.includes(sort) ? 'desc' : 'asc');
      const only = page.only !== undefined && query[page.only.parameter] === true;
      const known = orders.get(body) ?? new Map<string, Row[]>();
      orders.set(body, known);
      const orderKey = `${sort}|${direction}|${only}`;
      let sorted = known.get(orderKey);
      if (!sorted) {
        sorted = sortRows(only ? body.rows.filter(page.only!.keep) : body.rows, sort, direction, page.id);
        known.set(orderKey, sorted);
      }
      const offset = query.offset ?? 0;
      const rows = sorted.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
      request.rowsReturned = rows.length;
      return { ...body, rows, page: { total: sorted.length, offset, limit: query.limit ?? null, sort, direction } };
    });
  },
  { name: 'table-page', dependencies: ['access'] },
);
