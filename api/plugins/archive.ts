// Opens the process's one DuckDB instance and the archive, and gives routes `app.archive`.
// Each request sees the version VERSION names at that moment (ensureCurrent re-points the views when
// another process has swapped it).
import fp from 'fastify-plugin';
import { Database, type DatabaseOptions } from '../../analytics/db/database.ts';
import { Archive, type ArchiveSettings } from '../../analytics/archive/archive.ts';
import { archiveLayout } from '../../analytics/archive/layout.ts';
import { HttpError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    archive: Archive;
    /** The data version visible now; answers 503 when the archive holds nothing yet. */
    requireVersion(): Promise<string>;
  }
}

export interface ArchivePluginOptions {
  dataDir: string;
  database?: DatabaseOptions;
  settings?: Partial<ArchiveSettings>;
}

export default fp<ArchivePluginOptions>(
  async (app, options) => {
    const db = await Database.open({ tempDirectory: archiveLayout(options.dataDir).work, ...options.database });
    const archive = new Archive(db, options.dataDir, options.settings);
    await archive.ensureCurrent();
    app.decorate('archive', archive);
    app.decorate('requireVersion', async () => {
      const version = await archive.ensureCurrent();
      if (!version) throw new HttpError(503, 'The archive holds no data yet: ingest a transfer package first (npm run ingest -- DIR).');
      return version;
    });
    app.addHook('onClose', async () => db.close());
  },
  { name: 'archive' },
);
