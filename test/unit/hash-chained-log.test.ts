// The hash-chained log read while an append is being written: the half-written last line is not an
// entry yet (a reader racing the writer used to fail on it: the fuzz test's audit-log reads saw a 500).
// Appends made together are written in batches: in the order made, each caller told its own entry, two
// writers of one file (two instances, as two processes) still one chain, and a failed write fails
// every caller of its batch, and a long log is continued from its last entry, read from the file's end.
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HashChainedLog } from '../../analytics/ledger/hash-chained-log.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('HashChainedLog.read', () => {
  it('leaves out a last line that has no newline yet, and keeps the chain whole', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'xueji-log-'));
    dirs.push(dir);
    const log = new HashChainedLog<{ what: string }>(path.join(dir, 'log.jsonl'));
    await log.append({ what: 'first' });
    await log.append({ what: 'second' });
    await appendFile(log.file, '{"what":"thi'); // an append caught half-way
    const entries = await log.read();
    expect(entries.map((e) => e.what)).toEqual(['first', 'second']);
    expect((await log.verify()).firstBroken).toBe(-1);
  });
});

describe('HashChainedLog.append', () => {
  async function logIn<T extends object>(): Promise<HashChainedLog<T>> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'xueji-log-'));
    dirs.push(dir);
    return new HashChainedLog<T>(path.join(dir, 'nested', 'log.jsonl'));
  }

  it('writes appends made at once in the order made, and tells each caller its entry', async () => {
    const log = await logIn<{ n: number }>();
    const written = await Promise.all(Array.from({ length: 200 }, (_, n) => log.append({ n })));
    expect(written.map((e) => [e.n, e.seq])).toEqual(Array.from({ length: 200 }, (_, n) => [n, n + 1]));
    const entries = await log.read();
    expect(entries).toEqual(written);
    expect(await log.verify()).toEqual({ entries: 200, firstBroken: -1 });
  });

  it('keeps one chain when two writers append to the same file', async () => {
    const one = await logIn<{ by: string }>();
    const two = new HashChainedLog<{ by: string }>(one.file);
    for (let round = 0; round < 5; round++) {
      await Promise.all([one.append({ by: 'one' }), one.append({ by: 'one' })]);
      await two.append({ by: 'two' });
    }
    const entries = await one.read();
    expect(entries.map((e) => e.by).join(' ')).toBe('one one two '.repeat(5).trim());
    expect(await one.verify()).toEqual({ entries: 15, firstBroken: -1 });
  });

  it('continues a long log from its end, however long its last entry', async () => {
    const first = await logIn<{ text: string }>();
    for (let i = 0; i < 40; i++) await Promise.all(Array.from({ length: 25 }, (_, j) => first.append({ text: `entry ${i * 25 + j}` })));
    await first.append({ text: 'x'.repeat(300 * 1024) }); // longer than the first span read from the end
    const next = new HashChainedLog<{ text: string }>(first.file); // as another process would
    expect(await next.append({ text: 'after' })).toMatchObject({ seq: 1002 });
    for (let i = 0; i < 5; i++) await next.append({ text: `short ${i}` });
    expect(await new HashChainedLog<{ text: string }>(first.file).append({ text: 'third' })).toMatchObject({ seq: 1008 });
    expect(await first.append({ text: 'last' })).toMatchObject({ seq: 1009 });
    expect(await first.verify()).toEqual({ entries: 1009, firstBroken: -1 });
  });

  it('fails every append of a batch that cannot be written, and goes on once it can', async () => {
    const log = await logIn<{ n: number }>();
    const folder = path.dirname(log.file);
    await writeFile(folder, 'a file where the log wants its folder');
    const results = await Promise.allSettled([log.append({ n: 1 }), log.append({ n: 2 })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await rm(folder);
    expect(await log.append({ n: 3 })).toMatchObject({ n: 3, seq: 1 });
    expect(await log.verify()).toEqual({ entries: 1, firstBroken: -1 });
  });
});

