// The archive as the rest of the product sees it: receive a package (ingest, then curate, under the
// writer lock) and read the current version through DuckDB views that follow VERSION.
import type { Database, Params } from '../db/database.ts';
import type { Row } from '../db/convert.ts';
import { metricFile } from '../metrics/from-rollup.ts';
import { DEFAULT_MAX_REJECTED_SHARE } from '../config.ts';
import { archiveLayout } from './layout.ts';
import { withWriterLock } from './lock.ts';
import { ingestPackage, type IngestOptions, type IngestResult } from './ingest.ts';
import { curate, currentVersion } from './curate.ts';
import { recoverArchive } from './recover.ts';
import { attachViews } from './views.ts';
import { VersionReader } from './version.ts';
import { NO_ROLLUPS, type RollupsPresent, type RollupView } from './rollups.ts';
import { DEFAULT_ROLLED_UP_ATTEMPTS, type AttemptRule } from './attempt-rules.ts';

export interface ArchiveSettings {
  /** Refuse a package when any table's share of rejected rows is above this (XUEJI_MAX_REJECTED_SHARE). */
  maxRejectedShare: number;
  /**
   * Where readers find VERSION and curated/ (XUEJI_PARQUET_ROOT): the archive folder itself by default,
   * or another root with the same layout — e.g. a mounted object store the curated versions are
   * copied to, shared by several API servers (README: province-wide deployment). Writing (receive,
   * recurate) always goes to the archive folder.
   */
  readRoot: string;
  /**
   * The attempt rules whose rollups curation builds (XUEJI_ROLLUP_ATTEMPTS): first by default; best and
   * latest too make those questions as fast at the cost of curation time (rollups.ts).
   */
  rollupAttempts: readonly AttemptRule[];
}

export class Archive {
  private attachedVersion: string | null | undefined = undefined;
  private attaching: Promise<string | null> | null = null;
  private rollups: RollupsPresent = NO_ROLLUPS;
  private readonly version: VersionReader;
  readonly settings: ArchiveSettings;

  constructor(
    readonly db: Database,
    readonly dataDir: string,
    settings: Partial<ArchiveSettings> = {},
  ) {
    this.settings = { maxRejectedShare: settings.maxRejectedShare ?? DEFAULT_MAX_REJECTED_SHARE, readRoot: settings.readRoot ?? dataDir, rollupAttempts: settings.rollupAttempts ?? DEFAULT_ROLLED_UP_ATTEMPTS };
    this.version = new VersionReader(archiveLayout(this.settings.readRoot).versionFile);
  }

  /**
   * Ingests a package (a folder, or one file) into a new accession and, when something was committed,
   * curates a new version. First repairs whatever a writer that crashed left behind.
   */
  async receive(packagePath: string, options: IngestOptions = {}): Promise<IngestResult & { version: string | null }> {
    const layout = archiveLayout(this.dataDir);
    const result = await withWriterLock(layout.lockFile, async () => {
      const recovery = await recoverArchive(this.dataDir);
      const ingested = await ingestPackage(this.db, this.dataDir, packagePath, { maxRejectedShare: this.settings.maxRejectedShare, ...options });
      const stale = ingested.status === 'committed' || recovery.curationStale;
      if (stale) options.onProgress?.({ phase: 'curating' });
      const version = stale ? await curate(this.db, this.dataDir, this.settings.rollupAttempts) : await currentVersion(this.dataDir);
      return { ...ingested, version };
    });
    await this.ensureCurrent();
    return result;
  }

  /** Rebuilds curated data from the accessions already held (e.g. after a curation rule changed). */
  async recurate(): Promise<string> {
    const version = await withWriterLock(archiveLayout(this.dataDir).lockFile, async () => {
      await recoverArchive(this.dataDir);
      return curate(this.db, this.dataDir, this.settings.rollupAttempts);
    });
    await this.ensureCurrent();
    return version;
  }

  /** Whether the visible version has rollup `view` (versions curated before it existed have not). */
  hasRollup(view: RollupView): boolean {
    return this.rollups.views.has(view);
  }

  /** Whether the visible version's per-attempt rollups hold attempt rule `attempt`. */
  hasRolledUpAttempt(attempt: AttemptRule): boolean {
    return this.rollups.attempts.has(attempt);
  }

  /**
   * Runs metric `file` (sql/<file>.sql) on the visible version: from its rollup twin when the twin gives
   * this answer (analytics/metrics/from-rollup.ts), else from the detail.
   */
  queryMetric(file: string, params: Params = {}): Promise<Row[]> {
    return this.db.query(metricFile(file, params, this.rollups), params);
  }

  /**
   * Makes the views show the version VERSION names, re-pointing them when another process (the ingest
   * CLI) has swapped it. Returns the version now visible, or null for an empty archive.
   */
  async ensureCurrent(): Promise<string | null> {
    const version = await this.version.read();
    if (version === this.attachedVersion) return version;
    this.attaching ??= (async () => {
      try {
        this.rollups = await attachViews(this.db, this.settings.readRoot, version);
        this.attachedVersion = version;
        return version;
      } finally {
        this.attaching = null;
      }
    })();
    return this.attaching;
  }
}
