// The administrator's view: accounts and the audit log.
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ADMINISTRATORS } from '../../analytics/accounts/roles.ts';
import { publicAccount } from '../../analytics/accounts/store.ts';
import { verifyChain } from '../../analytics/ledger/hash-chained-log.ts';
import { errorResponses } from '../schemas/common.ts';

const AuditQuery = Type.Object(
  {
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    route: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Part of the route path, e.g. grades' })),
    outcome: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('refused'), Type.Literal('error')])),
    from: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, inclusive (UTC)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, inclusive (UTC)' })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);

const AuditRow = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  username: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.String(), Type.Null()]),
  college: Type.Union([Type.String(), Type.Null()]),
  method: Type.String(),
  route: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  status: Type.Integer(),
  rows: Type.Union([Type.Integer(), Type.Null()]),
  ms: Type.Number(),
  ip: Type.Union([Type.String(), Type.Null()], { description: 'The caller’s address (null in entries written without one)' }),
});

const admin: FastifyPluginAsyncTypebox = async (app) => {
  const access = { roles: ADMINISTRATORS };

  app.get(
    '/api/admin/audit',
    {
      config: { access },
      schema: {
        tags: ['admin'],
        summary: 'Browse the audit log, newest first',
        querystring: AuditQuery,
        response: {
          200: Type.Object({ total: Type.Integer(), chain: Type.Object({ entries: Type.Integer(), first_broken: Type.Integer() }), rows: Type.Array(AuditRow) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const entries = await app.auditLog.read();
      const check = verifyChain(entries); // the entries just read, not the file a second time
      const outcomeOf = (status: number) => (status < 400 ? 'ok' : status < 500 ? 'refused' : 'error');
      const matching = entries
        .filter(
          (e) =>
            (!q.username || e.username === q.username) &&
            (!q.route || e.route.includes(q.route)) &&
            (!q.outcome || outcomeOf(e.status) === q.outcome) &&
            (!q.from || e.at.slice(0, 10) >= q.from) &&
            (!q.to || e.at.slice(0, 10) <= q.to),
        )
        .reverse();
      return {
        total: matching.length,
        chain: { entries: check.entries, first_broken: check.firstBroken },
        rows: matching.slice(q.offset, q.offset + q.limit).map(({ prev_hash: _p, hash: _h, ...rest }) => ({ ...rest, ip: rest.ip ?? null })),
      };
    },
  );

  app.get(
    '/api/admin/users',
    {
      config: { access },
      schema: {
        tags: ['admin'],
        summary: 'The accounts (without password hashes)',
        response: {
          200: Type.Object({
            rows: Type.Array(
              Type.Object({
                username: Type.String(),
                display_name: Type.String(),
                role: Type.String(),
                college: Type.Union([Type.String(), Type.Null()]),
                disabled: Type.Boolean(),
                demo: Type.Boolean(),
                created_at: Type.String(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({ rows: (await app.accounts.list()).map(publicAccount) }),
  );
};

export default admin;
