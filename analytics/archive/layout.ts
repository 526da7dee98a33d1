// Where everything lives in the archive folder (XUEJI_DATA_DIR):
//   accessions/<id>/            one immutable folder per received package
//     manifest.json             checksums, counts, profile, software, time
//     tables/<table>.parquet    accepted rows with provenance
//     quarantine/<table>.parquet rejected rows as received, with their reasons
//   accessions/register.jsonl   append-only, hash-chained list of accessions
//   curated/<version>/<table>/  derived from all accessions, Hive-partitioned
//   VERSION                     the curated version readers see (swapped by an atomic rename)
//   .lock                       one writer at a time
import path from 'node:path';

export function archiveLayout(dataDir: string) {
  const accessions = path.join(dataDir, 'accessions');
  const curated = path.join(dataDir, 'curated');
  return {
    dataDir,
    accessions,
    register: path.join(accessions, 'register.jsonl'),
    accession: (id: string) => path.join(accessions, id),
    accessionTable: (id: string, table: string) => path.join(accessions, id, 'tables', `${table}.parquet`),
    accessionQuarantine: (id: string, table: string) => path.join(accessions, id, 'quarantine', `${table}.parquet`),
    curated,
    curatedVersion: (version: string) => path.join(curated, version),
    curatedTable: (version: string, table: string) => path.join(curated, version, table),
    versionFile: path.join(dataDir, 'VERSION'),
    lockFile: path.join(dataDir, '.lock'),
    /** Scratch space for work in progress; DuckDB spills here too. */
    work: path.join(dataDir, '.work'),
  };
}

export type ArchiveLayout = ReturnType<typeof archiveLayout>;
