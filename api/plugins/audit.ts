// The audit log: every call to a data route (and every sign-in) appended, after the answer is sent, to
// an append-only, hash-chained log (analytics/ledger) — who, role, route, parameters, rows returned,
// outcome, time. Refused calls are logged too. Passwords never are.
import fp from 'fastify-plugin';
import { HashChainedLog } from '../../analytics/ledger/hash-chained-log.ts';

export interface AuditEntry {
  at: string;
  username: string | null;
  role: string | null;
  college: string | null;
  method: string;
  route: string;
  params: Record<string, unknown>;
  status: number;
  rows: number | null;
  ms: number;
  /** The caller's address; null in entries written before it was taken on arrival (see below). */
  ip: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    auditLog: HashChainedLog<AuditEntry>;
  }
}

export default fp<{ file: string }>(
  async (app, { file }) => {
    const log = new HashChainedLog<AuditEntry>(file);
    app.decorate('auditLog', log);
    // The caller's address, taken when the request arrives: once the answer is sent the client may
    // close the connection before this hook runs, and the socket then has no address to give
    // (request.ip is undefined) — under load a browser leaving the page did that, and the entry
    // written without it made the admin's audit page fail.
    const addresses = new WeakMap<object, string>();
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.config?.access) addresses.set(request, request.ip);
    });
    app.addHook('onResponse', async (request, reply) => {
      const access = request.routeOptions.config?.access;
      if (!access) return;
      const audited = access.audit ?? access.roles !== 'public';
      if (!audited) return;
      const params: Record<string, unknown> = { ...(request.query as object), ...(request.params as object) };
      if (request.routeOptions.url === '/api/auth/login') params.username = (request.body as { username?: string } | undefined)?.username ?? null;
      await log.append({
        at: new Date().toISOString(),
        username: request.user?.username ?? null,
        role: request.user?.role ?? null,
        college: request.user?.college ?? null,
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        params,
        status: reply.statusCode,
        rows: request.rowsReturned ?? null,
        ms: Math.round(reply.elapsedTime),
        ip: addresses.get(request) ?? null,
      });
    });
    app.addHook('onClose', async () => log.flush());
  },
  { name: 'audit', dependencies: ['auth'] },
);
