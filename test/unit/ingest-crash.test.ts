// Atomic commits: an ingest killed part-way (SIGKILL, no chance to clean up) leaves the archive exactly
// as it was — no accession, the same VERSION and register — and the next writer takes over the stale
// lock, clears the half-built accession and commits. A crash after the commit rename but before the
// register line is repaired from the accession's manifest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Database } from '../../analytics/db/database.ts';
import { Archive } from '../../analytics/archive/archive.ts';
import { archiveLayout } from '../../analytics/archive/layout.ts';
import { accessionRegister } from '../../analytics/archive/register.ts';
import { verifyChain } from '../../analytics/ledger/hash-chained-log.ts';
import { generateUniversity } from '../../analytics/generator/index.ts';
import { SAMPLES, tempDir } from '../helpers/archive.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir: root, cleanup } = await tempDir('xueji-crash-')));
afterAll(async () => cleanup());

const snapshot = async (dataDir: string) => {
  const layout = archiveLayout(dataDir);
  return {
    accessions: (await readdir(layout.accessions)).filter((n) => n.startsWith('A')).sort(),
    version: await readFile(layout.versionFile, 'utf8'),
    register: await readFile(layout.register, 'utf8'),
    curated: (await readdir(layout.curated)).filter((n) => !n.startsWith('.')).sort(),
  };
};

async function waitFor<T>(probe: () => Promise<T | null>, ms: number): Promise<T | null> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = await probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return null;
}

describe('a crash part-way through an ingest', () => {
  it('leaves the archive as it was, and the next ingest takes over the stale lock and commits', async () => {
    const dataDir = path.join(root, 'archive');
    const db = await Database.open({ threads: 1 });
    const archive = new Archive(db, dataDir);
    try {
      await archive.receive(path.join(SAMPLES, 'tiny-university'));
      const before = await snapshot(dataDir);
      const packageDir = path.join(root, 'package');
      await generateUniversity({ students: 4000, seed: 3, outDir: packageDir });

      // node with tsx as a loader: one process, so the kill reaches the writer itself.
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'analytics/cli/ingest.ts'), packageDir], {
        cwd: REPO,
        env: { ...process.env, XUEJI_DATA_DIR: dataDir, XUEJI_DUCKDB_THREADS: '1' },
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      // Part-way: the students table of the new accession is written, the grades are being checked.
      const layout = archiveLayout(dataDir);
      const incoming = await waitFor(async () => {
        const names = (await readdir(layout.accessions)).filter((n) => n.startsWith('.incoming-'));
        for (const name of names) {
          const tables: string[] = await readdir(path.join(layout.accessions, name, 'tables')).catch(() => []);
          if (tables.includes('students.parquet')) return name;
        }
        return null;
      }, 45_000);
      expect(incoming, 'the child never got part-way through the ingest').not.toBeNull();
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      // Exactly as before: no accession, the same VERSION, register and curated versions.
      expect(await snapshot(dataDir)).toEqual(before);
      expect(Number(await readFile(layout.lockFile, 'utf8'))).toBe(child.pid);

      // The next writer: stale lock taken over, the half-built accession cleared, the package committed.
      const result = await archive.receive(packageDir);
      expect(result.status).toBe('committed');
      const after = await snapshot(dataDir);
      expect(after.accessions).toHaveLength(2);
      expect((await readdir(layout.accessions)).filter((n) => n.startsWith('.'))).toEqual([]);
      expect(after.version.trim()).toBe(result.version);
      expect(verifyChain(await accessionRegister(layout.register).read())).toEqual({ entries: 2, firstBroken: -1 });
      await expect(readFile(layout.lockFile)).rejects.toThrow(/ENOENT/);
    } finally {
      db.close();
    }
  });
});

describe('a crash between the commit rename and the register line', () => {
  it('registers the committed accession from its manifest before the next ingest, and curates it', async () => {
    const dataDir = path.join(root, 'archive-2');
    const db = await Database.open({ threads: 1 });
    const archive = new Archive(db, dataDir, { maxRejectedShare: 1 });
    try {
      const first = await archive.receive(path.join(SAMPLES, 'tiny-university'));
      const layout = archiveLayout(dataDir);
      // Simulate the crash: the accession folder is in place, its register line never written.
      await writeFile(layout.register, '');
      const second = await archive.receive(path.join(SAMPLES, 'tiny-bad'));
      const entries = await accessionRegister(layout.register).read();
      expect(entries.map((e) => [e.accession_id, e.recovered ?? false])).toEqual([
        [first.status === 'committed' ? first.manifest.accession_id : '', true],
        [second.status === 'committed' ? second.manifest.accession_id : '', false],
      ]);
      expect(verifyChain(entries).firstBroken).toBe(-1);
      // The repaired register makes the first package a no-op again.
      expect((await archive.receive(path.join(SAMPLES, 'tiny-university'))).status).toBe('already-received');
    } finally {
      db.close();
    }
  });
});
