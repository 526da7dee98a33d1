// Authorization in one place. Every /api route declares `config.access`; a route without it cannot
// even be registered. Before the handler: the caller's role is checked (401 without a session, 403 for
// a role not listed) and a college account's queries are pinned to its own college. Before the answer
// is serialized: aggregates are small-cell suppressed for the roles that need it.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SUPPRESSED_ROLES, type Role } from '../../analytics/accounts/roles.ts';
import { suppressSmallCells, type SuppressionOptions, type SuppressionRule } from '../../analytics/privacy/suppression.ts';
import { HttpError } from '../errors.ts';

export interface RouteAccess {
  /** 'public': anyone; 'signed-in': any account; otherwise the roles allowed. */
  roles: 'public' | 'signed-in' | readonly Role[];
  /**
   * For routes open to the college role: the route's queries take a `college` filter, which is forced to
   * the account's college (a request for another college is refused with 403).
   */
  collegeScope?: boolean;
  /** How to suppress the answer's `rows` for the roles that see suppressed aggregates. */
  suppress?: SuppressionRule;
  /** Whether calls are written to the audit log (default: yes for every non-public route). */
  audit?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** Rows in the answer, for the audit log. */
    rowsReturned?: number;
  }
}

export default fp<{ suppression: SuppressionOptions }>(
  async (app, { suppression }) => {
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
      const access = route.config?.access;
      if (!access) throw new Error(`route ${route.method} ${route.url} declares no config.access`);
      if (Array.isArray(access.roles) && access.roles.includes('college') && !access.collegeScope) {
        throw new Error(`route ${route.method} ${route.url} admits the college role but has no collegeScope`);
      }
    });

    app.addHook('preHandler', async (request: FastifyRequest) => {
      const access = request.routeOptions.config.access;
      if (!access || access.roles === 'public') return;
      const user = request.user;
      if (!user) throw new HttpError(401, 'Sign in first: this needs an account (POST /api/auth/login).');
      if (access.roles !== 'signed-in' && !access.roles.includes(user.role)) {
        throw new HttpError(403, `Your role (${user.role}) may not use ${request.routeOptions.url}.`);
      }
      if (user.role === 'college' && access.collegeScope) {
        const query = (request.query ?? {}) as Record<string, unknown>;
        if (query.college !== undefined && query.college !== user.college) {
          throw new HttpError(403, `A college account sees only its own college (${user.college}).`);
        }
        request.query = { ...query, college: user.college };
      }
    });

    // A cached answer comes back as the same object on every hit (api/plugins/response-cache.ts), and
    // its suppressed form is the same for every suppressed role: kept beside it, so a leader's cached
    // call costs a lookup rather than another pass of complementary suppression over a large table.
    const suppressedAnswers = new WeakMap<object, object>();

    app.addHook('preSerialization', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (reply.statusCode >= 400 || !payload || typeof payload !== 'object') return payload;
      const body = payload as { rows?: Record<string, unknown>[] };
      if (!Array.isArray(body.rows)) return payload;
      request.rowsReturned = body.rows.length;
      const rule = request.routeOptions.config.access?.suppress;
      const role = request.user?.role;
      if (!rule || !role || !SUPPRESSED_ROLES.includes(role)) return payload;
      let suppressed = suppressedAnswers.get(body);
      if (!suppressed) {
        const result = suppressSmallCells(body.rows, rule, suppression);
        suppressed = { ...body, rows: result.rows, suppression: { threshold: suppression.threshold, cells: result.primary + result.complementary } };
        suppressedAnswers.set(body, suppressed);
      }
      return suppressed;
    });
  },
  { name: 'access', dependencies: ['auth'] },
);
