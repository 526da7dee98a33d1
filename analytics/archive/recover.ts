// Repairs what a writer killed part-way leaves behind, before the next writer starts (under the lock):
// the archive's commit points are renames, so a crash leaves only work in progress — an `.incoming-*`
// accession, a `.building-*` curated version, scratch files — which is removed; and a crash between an
// accession's rename and its register line leaves a committed accession the register lacks, whose
// line is written from its manifest. Says whether curated data lags the accessions (then curate).
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { archiveLayout } from './layout.ts';
import { accessionRegister } from './register.ts';
import { readVersion } from './version.ts';
import type { AccessionManifest } from './ingest.ts';

export interface Recovery {
  removed: string[];
  registered: string[];
  curationStale: boolean;
}

export async function recoverArchive(dataDir: string): Promise<Recovery> {
  const layout = archiveLayout(dataDir);
  const removed: string[] = [];
  for (const [folder, prefix] of [
    [layout.accessions, '.incoming-'],
    [layout.curated, '.building-'],
  ] as const) {
    const entries = await readdir(folder).catch(() => [] as string[]);
    for (const name of entries.filter((n) => n.startsWith(prefix))) {
      await rm(path.join(folder, name), { recursive: true, force: true });
      removed.push(path.join(path.basename(folder), name));
    }
  }

  const register = accessionRegister(layout.register);
  const entries = await register.read();
  const known = new Set(entries.map((e) => e.accession_id));
  const folders = (await readdir(layout.accessions, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const registered: string[] = [];
  for (const id of folders.filter((f) => !known.has(f))) {
    const manifest = JSON.parse(await readFile(path.join(layout.accession(id), 'manifest.json'), 'utf8')) as AccessionManifest;
    await register.append({
      accession_id: id,
      package_sha256: manifest.package_sha256,
      committed_at: new Date().toISOString(),
      tables: Object.fromEntries(Object.entries(manifest.tables).map(([name, t]) => [name, { accepted: t.rows_accepted, quarantined: t.rows_quarantined }])),
      report_sha256: manifest.report_sha256,
      recovered: true,
    });
    registered.push(id);
  }

  const version = await readVersion(layout.versionFile);
  let curated: string[] = [];
  if (version) {
    try {
      curated = (JSON.parse(await readFile(path.join(layout.curatedVersion(version), 'curation.json'), 'utf8')) as { accessions: string[] }).accessions;
    } catch {
      curated = [];
    }
  }
  const curationStale = folders.length > 0 && folders.join() !== curated.join();
  return { removed, registered, curationStale };
}
