// Small file-system helpers the archive relies on for atomicity and fixity.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, writeFile, readdir, stat } from 'node:fs/promises';

/** SHA-256 and byte count of a file, streamed. */
export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Writes a file so that readers see either the old content or the new, never a part. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  const handle = await open(temporary, 'r');
  await handle.sync();
  await handle.close();
  await rename(temporary, file);
}

/** Every .parquet file under a folder (recursively), sorted. */
export async function parquetFilesUnder(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { recursive: true });
    return entries.filter((entry) => entry.endsWith('.parquet')).map((entry) => `${folder}/${entry}`).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
