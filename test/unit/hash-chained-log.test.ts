// The hash-chained log read while an append is being written: the half-written last line is not an
// entry yet (a reader racing the writer used to fail on it: the fuzz test's audit-log reads saw a 500).
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
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
