// Builds the API for inject tests over an archive folder made by archiveFrom (accounts and audit files
// go beside it, in the same temp folder), and signs in as a demo account.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../api/app.ts';
import { DEMO_PASSWORD } from '../../analytics/accounts/demo.ts';

export async function testApp(dataDir: string, overrides: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp({
    dataDir,
    accountsFile: path.join(dataDir, '..', 'accounts.json'),
    auditFile: path.join(dataDir, '..', 'audit.jsonl'),
    webRoot: path.join(dataDir, 'no-web'),
    database: { threads: 1 },
    ...overrides,
  });
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a request made as this account. */
  headers: Record<string, string>;
}

export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'xueji_session');
  const cookie = `xueji_session=${setCookie!.value}`;
  const csrf = response.json().csrf_token as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
