// The API as a plugin-built app: `buildApp(options)` returns a Fastify instance that tests drive with
// `app.inject` and the start command makes listen. Order: error handling, docs, data, routes, web.
import Fastify, { type FastifyInstance } from 'fastify';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponse } from './schemas/common.ts';
import { formatValidationErrors, registerErrorHandling } from './errors.ts';
import archivePlugin from './plugins/archive.ts';
import docsPlugin from './plugins/docs.ts';
import webPlugin from './plugins/web.ts';
import healthRoutes from './routes/health.ts';
import metaRoutes from './routes/meta.ts';
import gradesRoutes from './routes/grades.ts';
import type { DatabaseOptions } from '../analytics/db/database.ts';

export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/web');

export interface AppOptions {
  dataDir: string;
  webRoot?: string;
  database?: DatabaseOptions;
  logger?: boolean | { level: string };
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
  await app.register(docsPlugin);
  await app.register(archivePlugin, { dataDir: options.dataDir, database: options.database });
  await app.register(healthRoutes);
  await app.register(metaRoutes);
  await app.register(gradesRoutes);
  await app.register(webPlugin, { webRoot: options.webRoot ?? DEFAULT_WEB_ROOT });
  return app;
}
