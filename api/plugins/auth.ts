// Sign-in with local accounts: scrypt-hashed passwords (analytics/accounts), a random session id in a
// signed, HttpOnly, SameSite=Strict cookie, sessions held in memory (a restart signs everyone out), a
// CSRF token that every state-changing request must echo in `x-csrf-token`, and failed sign-ins slowed.
// Campus single sign-on plugs in where `request.user` is set: see README "Single sign-on".
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AccountStore, publicAccount, type Account } from '../../analytics/accounts/store.ts';
import { ROLE_LABELS, type Role } from '../../analytics/accounts/roles.ts';
import { HttpError } from '../errors.ts';
import { ErrorResponse } from '../schemas/common.ts';
import { LoginThrottle } from '../login-throttle.ts';

export interface SessionUser {
  username: string;
  display_name: string;
  role: Role;
  college: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    accounts: AccountStore;
  }
}

export interface AuthOptions {
  accounts: AccountStore;
  sessionSecret: string;
  /** Demo mode: the sign-in page lists the demo accounts and their password. */
  demo: { password: string } | null;
  secureCookies: boolean;
  sessionHours?: number;
}

interface Session {
  user: SessionUser;
  csrf: string;
  expires: number;
}

export const SESSION_COOKIE = 'xueji_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const SessionInfo = Type.Object({
  user: Type.Object({
    username: Type.String(),
    display_name: Type.String(),
    role: Type.String(),
    role_label: Type.String(),
    college: Type.Union([Type.String(), Type.Null()]),
  }),
  csrf_token: Type.String({ description: 'Send back as the x-csrf-token header on POST, PUT, PATCH and DELETE' }),
});

export default fp<AuthOptions>(
  async (app, options) => {
    const sessions = new Map<string, Session>();
    const throttle = new LoginThrottle();
    const lifetime = (options.sessionHours ?? 8) * 3600_000;
    await app.register(cookie, { secret: options.sessionSecret });
    app.decorate('accounts', options.accounts);
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);

    const toUser = (account: Account): SessionUser => ({
      username: account.username,
      display_name: account.display_name,
      role: account.role,
      college: account.college,
    });
    const describe = (session: Session) => ({ user: { ...session.user, role_label: ROLE_LABELS[session.user.role] }, csrf_token: session.csrf });

    app.addHook('onRequest', async (request: FastifyRequest) => {
      const raw = request.cookies[SESSION_COOKIE];
      if (raw) {
        const unsigned = request.unsignCookie(raw);
        const session = unsigned.valid && unsigned.value ? sessions.get(unsigned.value) : undefined;
        if (session && session.expires > Date.now()) {
          // A disabled account loses its sessions at once.
          const account = await options.accounts.find(session.user.username);
          if (account && !account.disabled) {
            session.expires = Date.now() + lifetime;
            request.user = session.user;
            request.sessionId = unsigned.value;
          } else sessions.delete(unsigned.value!);
        }
      }
      const signingIn = request.url.split('?')[0] === '/api/auth/login';
      if (!SAFE_METHODS.has(request.method) && request.url.startsWith('/api') && request.sessionId && !signingIn) {
        const session = sessions.get(request.sessionId)!;
        if (request.headers['x-csrf-token'] !== session.csrf) {
          throw new HttpError(403, 'Missing or wrong x-csrf-token header: send the csrf_token from /api/auth/me with every change.');
        }
      }
    });

    app.post(
      '/api/auth/login',
      {
        config: { access: { roles: 'public', audit: true } },
        bodyLimit: 4096,
        schema: {
          tags: ['auth'],
          summary: 'Sign in',
          body: Type.Object(
            { username: Type.String({ minLength: 1, maxLength: 40 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
            { additionalProperties: false },
          ),
          response: { 200: SessionInfo, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        // A JSON body cannot be sent cross-site without a CORS preflight, which this API never grants:
        // that is the CSRF defence for the one state-changing route that has no session yet.
        if (!request.headers['content-type']?.startsWith('application/json')) {
          throw new HttpError(415, 'Send the sign-in as application/json.');
        }
        const { username, password } = request.body as { username: string; password: string };
        const wait = throttle.secondsToWait(username, request.ip);
        if (wait > 0) {
          reply.header('retry-after', String(wait));
          throw new HttpError(429, `Too many failed sign-ins; try again in ${wait} seconds.`);
        }
        const account = await options.accounts.authenticate(username, password);
        if (!account) {
          throw new HttpError(401, 'Wrong user name or password, or the account is disabled.');
        }
        throttle.succeeded(username, request.ip);
        const id = randomBytes(24).toString('base64url');
        const session: Session = { user: toUser(account), csrf: randomBytes(24).toString('base64url'), expires: Date.now() + lifetime };
        sessions.set(id, session);
        request.user = session.user;
        reply.setCookie(SESSION_COOKIE, id, {
          signed: true,
          httpOnly: true,
          sameSite: 'strict',
          secure: options.secureCookies,
          path: '/',
          maxAge: lifetime / 1000,
        });
        return describe(session);
      },
    );

    app.addHook('onResponse', async (request, reply) => {
      if (request.routeOptions.url === '/api/auth/login' && reply.statusCode === 401) {
        throttle.failed((request.body as { username?: string } | undefined)?.username ?? '', request.ip);
      }
    });

    app.post(
      '/api/auth/logout',
      { config: { access: { roles: 'signed-in', audit: false } }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Type.Object({ ok: Type.Boolean() }) } } },
      async (request, reply) => {
        if (request.sessionId) sessions.delete(request.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    );

    app.get(
      '/api/auth/me',
      { config: { access: { roles: 'signed-in', audit: false } }, schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: SessionInfo, 401: ErrorResponse } } },
      async (request) => describe(sessions.get(request.sessionId!)!),
    );

    app.get(
      '/api/auth/demo-accounts',
      {
        config: { access: { roles: 'public', audit: false } },
        schema: {
          tags: ['auth'],
          summary: 'The demo accounts (demo mode only; an empty list otherwise)',
          response: {
            200: Type.Object({
              demo: Type.Boolean(),
              password: Type.Union([Type.String(), Type.Null()]),
              accounts: Type.Array(Type.Object({ username: Type.String(), role: Type.String(), role_label: Type.String(), college: Type.Union([Type.String(), Type.Null()]) })),
            }),
          },
        },
      },
      async () => {
        if (!options.demo) return { demo: false, password: null, accounts: [] };
        const accounts = (await options.accounts.list()).filter((a) => a.demo && !a.disabled).map(publicAccount);
        return {
          demo: true,
          password: options.demo.password,
          accounts: accounts.map((a) => ({ username: a.username, role: a.role, role_label: ROLE_LABELS[a.role], college: a.college })),
        };
      },
    );
  },
  { name: 'auth' },
);
