// An append-only JSON Lines log in which every entry carries the SHA-256 of the entry before it, so
// that an altered, removed or reordered entry breaks the chain at a place that can be named.
// Used for the accession register and the audit log. Appends from one process are serialized.
import { appendFile, mkdir, open, readFile, stat } from 'node:fs/promises';
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
  /** Entries appended but not yet written, with their callers' promises. */
  private queued: { entry: T; resolve: (chained: Chained<T>) => void; reject: (error: unknown) => void }[] = [];
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

  /**
   * Appends an entry; resolves once it is on disk. Entries appended while a write is under way are
   * written together by the next one, in the order appended: under load (the audit log of 50 clients)
   * one stat and one append per batch, not per entry.
   */
  append(entry: T): Promise<Chained<T>> {
    return new Promise((resolve, reject) => {
      this.queued.push({ entry, resolve, reject });
      if (this.queued.length === 1) this.tail = this.tail.then(() => this.writeQueued());
    });
  }

  private async writeQueued(): Promise<void> {
    const batch = this.queued.splice(0);
    try {
      // Another process (or another instance) may have appended since: then read the end again.
      const size = await stat(this.file).then((s) => s.size, () => 0);
      if (!this.last || this.last.size !== size) {
        const end = await this.lastEntry(size);
        this.last = end ? { seq: end.seq, hash: end.hash, size } : { seq: 0, hash: GENESIS_HASH, size };
      }
      let { seq, hash } = this.last;
      const written = batch.map(({ entry }) => {
        const body = { ...entry, seq: seq + 1, prev_hash: hash };
        const chained = { ...body, hash: hashOf(body) } as Chained<T>;
        ({ seq, hash } = chained);
        return chained;
      });
      const text = written.map((chained) => `${JSON.stringify(chained)}\n`).join('');
      if (size === 0) await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, text);
      this.last = { seq, hash, size: size + Buffer.byteLength(text) };
      batch.forEach(({ resolve }, i) => resolve(written[i]));
    } catch (error) {
      batch.forEach(({ reject }) => reject(error));
    }
  }

  /**
   * The last whole entry among the file's first `size` bytes, read from the end: a log of years of
   * requests need not be read whole to append to it.
   */
  private async lastEntry(size: number): Promise<Chained<T> | undefined> {
    if (size === 0) return undefined;
    const handle = await open(this.file, 'r');
    try {
      for (let span = 64 * 1024; ; span *= 4) {
        const start = Math.max(0, size - span);
        const bytes = Buffer.alloc(size - start);
        await handle.read(bytes, 0, bytes.length, start);
        const text = bytes.toString('utf8');
        // As in read(): only text up to the last newline is entries. Unless the span starts the file,
        // its first line may be cut, so a whole line needs a newline before it.
        const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter((line) => line.trim() !== '');
        if (start === 0) return lines.length > 0 ? (JSON.parse(lines[lines.length - 1]) as Chained<T>) : undefined;
        if (lines.length >= 2) return JSON.parse(lines[lines.length - 1]) as Chained<T>;
      }
    } finally {
      await handle.close();
    }
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
