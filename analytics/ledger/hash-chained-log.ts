// An append-only JSON Lines log in which every entry carries the SHA-256 of the entry before it, so
// that an altered, removed or reordered entry breaks the chain at a place that can be named.
// Used for the accession register and the audit log. Appends from one process are serialized.
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type Chained<T> = T & { seq: number; prev_hash: string; hash: string };

export interface ChainCheck {
  entries: number;
  /** 0-based index of the first entry that does not verify, or -1 when the whole chain holds. */
  firstBroken: number;
  reason?: string;
}

function hashOf(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export class HashChainedLog<T extends object> {
  private tail: Promise<unknown> = Promise.resolve();
  /** The chain's end as this process last wrote it, and the file size then. */
  private last: { seq: number; hash: string; size: number } | undefined;

  constructor(readonly file: string) {}

  async read(): Promise<Chained<T>[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // Every entry ends with its newline, and no entry holds one: text after the last newline is an
    // append still being written (a reader racing the writer sees it half done), not an entry yet.
    return text
      .slice(0, text.lastIndexOf('\n') + 1)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Chained<T>);
  }

  append(entry: T): Promise<Chained<T>> {
    const next = this.tail.then(async () => {
      // Another process (or another instance) may have appended since: then read the end again.
      const size = await stat(this.file).then((s) => s.size, () => 0);
      if (!this.last || this.last.size !== size) {
        const end = (await this.read()).at(-1);
        this.last = end ? { seq: end.seq, hash: end.hash, size } : { seq: 0, hash: GENESIS_HASH, size };
      }
      const body = { ...entry, seq: this.last.seq + 1, prev_hash: this.last.hash };
      const chained = { ...body, hash: hashOf(body) } as Chained<T>;
      await mkdir(path.dirname(this.file), { recursive: true });
      const line = `${JSON.stringify(chained)}\n`;
      await appendFile(this.file, line);
      this.last = { seq: chained.seq, hash: chained.hash, size: size + Buffer.byteLength(line) };
      return chained;
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves when every append started so far is on disk. */
  async flush(): Promise<void> {
    await this.tail;
  }

  async verify(): Promise<ChainCheck> {
    return verifyChain(await this.read());
  }
}

export function verifyChain<T extends object>(entries: Chained<T>[]): ChainCheck {
  let prev = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const { hash, ...body } = entries[i];
    if (body.prev_hash !== prev) return { entries: entries.length, firstBroken: i, reason: 'prev_hash does not match the entry before' };
    if (body.seq !== i + 1) return { entries: entries.length, firstBroken: i, reason: `sequence number ${body.seq} where ${i + 1} was expected` };
    if (hashOf(body) !== hash) return { entries: entries.length, firstBroken: i, reason: 'content does not match its hash' };
    prev = hash;
  }
  return { entries: entries.length, firstBroken: -1 };
}
