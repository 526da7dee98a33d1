// The environment's settings (analytics/config.ts): DuckDB's memory limit is the server's and the ingest
// CLI's own unless XUEJI_DUCKDB_MEMORY sets both; a malformed number is refused with its name.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../analytics/config.ts';

describe('readConfig', () => {
  it('gives the server a smaller DuckDB memory limit than the ingest CLI by default', () => {
    expect(readConfig({}).duckdbMemoryLimit).toEqual({ server: '700MB', ingest: '1GB' });
  });

  it('sets both limits from XUEJI_DUCKDB_MEMORY', () => {
    expect(readConfig({ XUEJI_DUCKDB_MEMORY: '2GB' }).duckdbMemoryLimit).toEqual({ server: '2GB', ingest: '2GB' });
  });

  it('refuses a malformed thread count, naming the setting', () => {
    expect(() => readConfig({ XUEJI_DUCKDB_THREADS: 'two' })).toThrow(/XUEJI_DUCKDB_THREADS/);
  });

  it('rolls up the first attempts only by default, and first always with any other rule asked for', () => {
    expect(readConfig({}).rollupAttempts).toEqual(['first']);
    expect(readConfig({ XUEJI_ROLLUP_ATTEMPTS: 'latest, best' }).rollupAttempts).toEqual(['first', 'best', 'latest']);
    expect(readConfig({ XUEJI_ROLLUP_ATTEMPTS: 'best' }).rollupAttempts).toEqual(['first', 'best']);
  });

  it('refuses an unknown attempt rule, naming the setting and the rules it takes', () => {
    expect(() => readConfig({ XUEJI_ROLLUP_ATTEMPTS: 'first,highest' })).toThrow(/XUEJI_ROLLUP_ATTEMPTS must list attempt rules from first, best, latest .*"highest"/);
  });
});
