// The API as a plugin-built app: `buildApp(options)` returns a Fastify instance that tests drive with
// `app.inject` and the start command makes listen. Order: error handling, security headers, docs, data,
// accounts and sessions, access rules, audit, routes, web.
import Fastify, { type FastifyInstance } from 'fastify';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponse } from './schemas/common.ts';
import { formatValidationErrors, registerErrorHandling } from './errors.ts';
import securityPlugin from './plugins/security.ts';
import archivePlugin from './plugins/archive.ts';
import docsPlugin from './plugins/docs.ts';
import authPlugin from './plugins/auth.ts';
import accessPlugin from './plugins/access.ts';
import auditPlugin from './plugins/audit.ts';
import tablePagePlugin from './plugins/table-page.ts';
import formatsPlugin from './plugins/formats.ts';
import responseCachePlugin, { type ResponseCacheOptions } from './plugins/response-cache.ts';
import webPlugin from './plugins/web.ts';
import healthRoutes from './routes/health.ts';
import metaRoutes from './routes/meta.ts';
import gradesRoutes from './routes/grades.ts';
import adminRoutes from './routes/admin.ts';
import utilizationRoutes from './routes/utilization.ts';
import statusRoutes from './routes/status.ts';
import overviewRoutes from './routes/overview.ts';
import archiveRoutes from './routes/archive.ts';
import reportsRoutes from './routes/reports.ts';
import type { DatabaseOptions } from '../analytics/db/database.ts';
import type { ArchiveSettings } from '../analytics/archive/archive.ts';
import { DEFAULT_ACADEMIC_WARNING, type AcademicWarning, type Config } from '../analytics/config.ts';
import { AccountStore } from '../analytics/accounts/store.ts';
import { DEMO_PASSWORD, disableDemoAccounts, ensureDemoAccounts } from '../analytics/accounts/demo.ts';

export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/web');

export interface AppOptions {
  dataDir: string;
  accountsFile: string;
  auditFile: string;
  webRoot?: string;
  database?: DatabaseOptions;
  logger?: boolean | { level: string };
  /** Demo accounts on (listed on the sign-in page) or off and disabled. Default: on. */
  demo?: boolean;
  sessionSecret?: string | null;
  secureCookies?: boolean;
  suppression?: { threshold: number; smallBase: number };
  /** The archive's settings (rejected-share limit, default 0.2; XUEJI_PARQUET_ROOT as readRoot; rolled-up attempt rules) and the largest upload (MiB, default 512). */
  archive?: Partial<ArchiveSettings> & { maxUploadMiB?: number };
  /** The grades progress metric's academic-warning lines (default DEFAULT_ACADEMIC_WARNING). */
  academicWarning?: AcademicWarning;
  /** The response cache of `config.cache` routes (default on; XUEJI_RESPONSE_CACHE=off turns it off). */
  responseCache?: ResponseCacheOptions;
}

/** The app's options from the environment's configuration (analytics/config.ts): what `npm start` and the bench server run. */
export function appOptionsFrom(config: Config): AppOptions {
  return {
    dataDir: config.dataDir,
    accountsFile: config.accountsFile,
    auditFile: config.auditFile,
    database: { memoryLimit: config.duckdbMemoryLimit.server, threads: config.duckdbThreads },
    demo: config.demo,
    sessionSecret: config.sessionSecret,
    secureCookies: config.secureCookies,
    suppression: { threshold: config.suppressionThreshold, smallBase: config.smallBase },
    academicWarning: config.academicWarning,
    responseCache: { enabled: config.responseCache },
    archive: { maxRejectedShare: config.maxRejectedShare, maxUploadMiB: config.maxUploadMiB, readRoot: config.parquetRoot ?? undefined, rollupAttempts: config.rollupAttempts },
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: 'all', coerceTypes: 'array', allErrors: true } },
    schemaErrorFormatter: formatValidationErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  app.addSchema(ErrorResponse);
  await app.register(securityPlugin);
  await app.register(docsPlugin);
  await app.register(archivePlugin, { dataDir: options.dataDir, database: options.database, settings: options.archive });

  const demo = options.demo ?? true;
  const accounts = new AccountStore(options.accountsFile);
  if (demo) {
    await app.after();
    const version = await app.archive.ensureCurrent();
    const [largest] = version ? await app.archive.db.query('meta/largest-college') : [];
    await ensureDemoAccounts(accounts, (largest?.college as string | undefined) ?? null);
  } else {
    await disableDemoAccounts(accounts);
  }
  await app.register(authPlugin, {
    accounts,
    sessionSecret: options.sessionSecret ?? randomBytes(32).toString('base64url'),
    demo: demo ? { password: DEMO_PASSWORD } : null,
    secureCookies: options.secureCookies ?? false,
  });
  await app.register(accessPlugin, { suppression: options.suppression ?? { threshold: 10, smallBase: 100 } });
  await app.register(auditPlugin, { file: options.auditFile });
  await app.register(tablePagePlugin); // after access: pages of suppressed rows
  await app.register(formatsPlugin); // after access: files carry the suppressed rows
  await app.register(responseCachePlugin, options.responseCache ?? {});

  await app.register(healthRoutes);
  await app.register(metaRoutes);
  await app.register(gradesRoutes, {
    academicWarning: options.academicWarning ?? DEFAULT_ACADEMIC_WARNING,
    suppressionThreshold: options.suppression?.threshold ?? 10,
  });
  await app.register(adminRoutes);
  await app.register(utilizationRoutes);
  await app.register(statusRoutes);
  await app.register(overviewRoutes);
  await app.register(archiveRoutes, { maxUploadBytes: (options.archive?.maxUploadMiB ?? 512) * 1024 * 1024 });
  await app.register(reportsRoutes, { suppression: options.suppression ?? { threshold: 10, smallBase: 100 } });
  await app.register(webPlugin, { webRoot: options.webRoot ?? DEFAULT_WEB_ROOT });
  return app;
}
