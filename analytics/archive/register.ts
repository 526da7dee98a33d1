// The accession register: one JSON line per committed accession, each carrying the SHA-256 of the line
// before it, so that a removed or altered entry breaks the chain and is noticed.
import { appendFile, readFile } from 'node:fs/promises';
import { sha256 } from './files.ts';

export interface RegisterEntry {
  accession_id: string;
  package_sha256: string;
  committed_at: string;
  tables: Record<string, { accepted: number; quarantined: number }>;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

export async function readRegister(file: string): Promise<RegisterEntry[]> {
  try {
    const text = await readFile(file, 'utf8');
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as RegisterEntry);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function appendRegister(file: string, entry: Omit<RegisterEntry, 'prev_hash' | 'hash'>): Promise<RegisterEntry> {
  const entries = await readRegister(file);
  const prev_hash = entries.at(-1)?.hash ?? GENESIS;
  const body = { ...entry, prev_hash };
  const full: RegisterEntry = { ...body, hash: sha256(JSON.stringify(body)) };
  await appendFile(file, `${JSON.stringify(full)}\n`);
  return full;
}

/** The index of the first entry whose chain is broken, or -1 when the register is intact. */
export function firstBrokenEntry(entries: RegisterEntry[]): number {
  let prev = GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const { hash, ...body } = entries[i];
    if (body.prev_hash !== prev || sha256(JSON.stringify(body)) !== hash) return i;
    prev = hash;
  }
  return -1;
}
