// JSON Lines: one object per line. Read twice, streaming: first for the keys (in order of first
// appearance; they become the header), then for the values, written to a normalized file. A line that
// is not a JSON object becomes a record with a read problem, kept for the quarantine.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { NormalizedWriter } from './normalized-writer.ts';

const MAX_KEYS = 1000;

export async function jsonlKeys(utf8File: string): Promise<string[]> {
  const keys = new Map<string, true>();
  for await (const { value } of objects(utf8File)) {
    if (!value) continue;
    for (const key of Object.keys(value)) {
      if (!keys.has(key)) {
        keys.set(key, true);
        if (keys.size > MAX_KEYS) throw new Error(`more than ${MAX_KEYS} different keys; is this really one table?`);
      }
    }
  }
  return [...keys.keys()];
}

export async function normalizeJsonl(utf8File: string, header: string[], target: string): Promise<{ rows: number; misshapen: number }> {
  const writer = new NormalizedWriter(target, header.length);
  for await (const { line, value, problem, text } of objects(utf8File)) {
    if (!value) {
      await writer.write(line, [text], problem);
      continue;
    }
    await writer.write(line, header.map((key) => cell(value[key])));
  }
  await writer.close();
  return { rows: writer.rows, misshapen: writer.problems };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

async function* objects(file: string): AsyncGenerator<{ line: number; value: Record<string, unknown> | null; problem: string; text: string }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    try {
      const value = JSON.parse(text) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) yield { line, value: value as Record<string, unknown>, problem: '', text };
      else yield { line, value: null, problem: 'the line is JSON but not an object', text };
    } catch (error) {
      yield { line, value: null, problem: `the line is not valid JSON (${(error as Error).message})`, text };
    }
  }
}
