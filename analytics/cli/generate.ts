// `npm run generate -- [--students N] [--seed S] [--out DIR] [--as-of YYYY-MM-DD] [--no-planted]`: write a synthetic
// university as a transfer package (canonical CSVs + manifest.json) that `npm run ingest -- DIR` receives.
import { parseArgs } from 'node:util';
import { DEFAULT_AS_OF, generateUniversity, MAX_STUDENTS } from '../generator/index.ts';

const USAGE = `usage: npm run generate -- [--students N] [--seed S] [--out DIR] [--as-of YYYY-MM-DD] [--no-planted]
  --students  number of students, 1–${MAX_STUDENTS} (default 20000)
  --seed      non-negative whole number; the same seed gives byte-identical files (default 42)
  --out       output folder, created if missing (default data/generated/demo)
  --as-of     the date the archive is exported; nothing later is generated (default ${DEFAULT_AS_OF})
  --no-planted  leave out the planted patterns 1–3 (data/README.md): the null case for the insights engine`;

function fail(message: string): never {
  console.error(`generate: ${message}\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(name: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) fail(`--${name} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) fail(`--${name} is too large: ${text}`);
  return value;
}

let values: { students?: string; seed?: string; out?: string; 'as-of'?: string; 'no-planted'?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      students: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'as-of': { type: 'string' },
      'no-planted': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const students = wholeNumber('students', values.students ?? '20000');
if (students < 1 || students > MAX_STUDENTS) fail(`--students must be between 1 and ${MAX_STUDENTS}, got ${students}`);
const seed = wholeNumber('seed', values.seed ?? '42');
const outDir = values.out ?? 'data/generated/demo';
if (outDir.trim() === '') fail('--out must name a folder');

let summary;
try {
  summary = await generateUniversity({ students, seed, outDir, asOf: values['as-of'], planted: !values['no-planted'] });
} catch (error) {
  if (error instanceof RangeError) fail(error.message.replace(/^asOf\b/, '--as-of'));
  throw error;
}

console.log(`synthetic university: ${summary.students} students, seed ${summary.seed}, as of ${values['as-of'] ?? DEFAULT_AS_OF} → ${summary.outDir}`);
for (const [file, { rows }] of Object.entries(summary.files)) console.log(`  ${file.padEnd(24)} ${String(rows).padStart(11)} rows`);
console.log(`  manifest.json (row counts and SHA-256 of every file)`);
console.log(`done in ${summary.seconds.toFixed(1)} s`);
