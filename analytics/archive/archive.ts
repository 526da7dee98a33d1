// The archive as the rest of the product sees it: receive a package (ingest, then curate, under the
// writer lock) and read the current version through DuckDB views that follow VERSION.
import type { Database } from '../db/database.ts';
import { archiveLayout } from './layout.ts';
import { withWriterLock } from './lock.ts';
import { ingestPackage, type IngestResult } from './ingest.ts';
import { curate, currentVersion } from './curate.ts';
import { attachViews } from './views.ts';

export class Archive {
  private attachedVersion: string | null | undefined = undefined;
  private attaching: Promise<string | null> | null = null;

  constructor(
    readonly db: Database,
    readonly dataDir: string,
  ) {}

  /** Ingests a package into a new accession and, when something was committed, curates a new version. */
  async receive(packageDir: string): Promise<IngestResult & { version: string | null }> {
    const layout = archiveLayout(this.dataDir);
    const result = await withWriterLock(layout.lockFile, async () => {
      const ingested = await ingestPackage(this.db, this.dataDir, packageDir);
      const version = ingested.status === 'committed' ? await curate(this.db, this.dataDir) : await currentVersion(this.dataDir);
      return { ...ingested, version };
    });
    await this.ensureCurrent();
    return result;
  }

  /** Rebuilds curated data from the accessions already held (e.g. after a curation rule changed). */
  async recurate(): Promise<string> {
    const version = await withWriterLock(archiveLayout(this.dataDir).lockFile, () => curate(this.db, this.dataDir));
    await this.ensureCurrent();
    return version;
  }

  /**
   * Makes the views show the version VERSION names, re-pointing them when another process (the ingest
   * CLI) has swapped it. Returns the version now visible, or null for an empty archive.
   */
  async ensureCurrent(): Promise<string | null> {
    const version = await currentVersion(this.dataDir);
    if (version === this.attachedVersion) return version;
    this.attaching ??= (async () => {
      try {
        await attachViews(this.db, this.dataDir, version);
        this.attachedVersion = version;
        return version;
      } finally {
        this.attaching = null;
      }
    })();
    return this.attaching;
  }
}
