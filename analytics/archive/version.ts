// VERSION names the curated version readers see. It is replaced by an atomic rename, so a reader finds
// either the old version or the new one, never a mixture.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './files.ts';

export async function readVersion(versionFile: string): Promise<string | null> {
  try {
    const version = (await readFile(versionFile, 'utf8')).trim();
    return version === '' ? null : version;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function writeVersion(versionFile: string, version: string): Promise<void> {
  await writeFileAtomic(versionFile, `${version}\n`);
}

/** Version ids sort by time: v20261128T180501123Z. */
export function newVersionId(now = new Date()): string {
  return `v${now.toISOString().replace(/[-:.]/g, '')}`;
}
