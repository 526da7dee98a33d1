// `npm run ingest -- PACKAGE [PACKAGE…] [--profile P] [--table T] [--encoding E] [--delimiter D]
// [--sheet S] [--max-rejected-share X] [--report FILE]`: receive transfer packages (folders, or single
// files) into the archive at XUEJI_DATA_DIR, with a progress line while it works and a summary after:
// each table's counts, the four-property checks, and where the report is. A refused package commits
// nothing; its report is printed (and written to --report FILE when given).
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { Database } from '../db/database.ts';
import { Archive } from '../archive/archive.ts';
import { archiveLayout } from '../archive/layout.ts';
import { ArchiveBusy } from '../archive/lock.ts';
import { PackageRefused, type IngestProgress } from '../archive/ingest.ts';
import { PROPERTIES, PROPERTY_TITLES, renderReportText, type IngestReport } from '../ingest/report.ts';

const USAGE = `usage: npm run ingest -- PACKAGE [PACKAGE…] [options]
  PACKAGE                a folder of exports (students.csv, grades.xlsx, … and optionally manifest.json) or one file
  --profile P            header-mapping profile (data/profiles/P.json, or a path to a .json); detected when absent
  --table T              the canonical table of a one-file package whose name does not say it
  --encoding E           utf-8, gbk, gb18030, utf-16le…; detected when absent
  --delimiter D          , ; tab |; detected when absent
  --sheet S              the XLSX sheet to read (default: the first)
  --max-rejected-share X refuse a package when more than this share of a table's rows is bad (default XUEJI_MAX_REJECTED_SHARE or 0.2)
  --report FILE          also write the report (JSON) here, e.g. for a refused package
archive: XUEJI_DATA_DIR (default data/archive)`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      table: { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      sheet: { type: 'string' },
      'max-rejected-share': { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  console.error(`ingest: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length === 0) {
  (values.help ? console.log : console.error)(USAGE);
  process.exit(values.help ? 0 : 2);
}

const config = readConfig();
let maxRejectedShare = config.maxRejectedShare;
if (values['max-rejected-share'] !== undefined) {
  maxRejectedShare = Number(values['max-rejected-share']);
  if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
    console.error(`ingest: --max-rejected-share must be a number from 0 to 1\n${USAGE}`);
    process.exit(2);
  }
}
const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;

const db = await Database.open({ memoryLimit: config.duckdbMemoryLimit.ingest, threads: config.duckdbThreads, tempDirectory: archiveLayout(config.dataDir).work });
const archive = new Archive(db, config.dataDir, { maxRejectedShare, rollupAttempts: config.rollupAttempts });
const progress = progressLine();
let failed = false;
try {
  for (const input of positionals) {
    const started = Date.now();
    try {
      const result = await archive.receive(input, {
        profile: values.profile,
        table: values.table,
        encoding: values.encoding,
        delimiter,
        sheet: values.sheet,
        onProgress: progress.update,
      });
      progress.clear();
      if (result.status === 'already-received') {
        console.log(`${input}: already received as accession ${result.accession_id}; nothing changed`);
        continue;
      }
      const seconds = (Date.now() - started) / 1000;
      console.log(`${input}: accession ${result.manifest.accession_id}, data version ${result.version} (${seconds.toFixed(1)} s)`);
      printSummary(result.report);
      console.log(`  report: ${path.join(archiveLayout(config.dataDir).accession(result.manifest.accession_id), 'report.txt')}`);
      if (values.report) await writeFile(values.report, `${JSON.stringify(result.report, null, 2)}\n`);
    } catch (error) {
      progress.clear();
      if (error instanceof ArchiveBusy) {
        failed = true;
        console.error(`${input}: ${error.message}`);
        continue;
      }
      if (!(error instanceof PackageRefused)) throw error;
      failed = true;
      console.error(`${input}: refused, nothing committed — ${error.message}`);
      if (error.report) {
        console.error(renderReportText(error.report));
        if (values.report) await writeFile(values.report, `${JSON.stringify(error.report, null, 2)}\n`);
      }
    }
  }
} finally {
  db.close();
}
process.exit(failed ? 1 : 0);

function printSummary(report: IngestReport): void {
  for (const file of report.files) {
    console.log(`  ${file.file} → ${file.table}, profile ${file.profile}${file.profile_detected ? ' (detected)' : ''}, ${file.encoding ?? file.format}`);
  }
  for (const t of report.tables) {
    console.log(`  ${t.table.padEnd(20)} received ${t.rows_received}  accepted ${t.rows_accepted}  quarantined ${t.rows_quarantined}`);
  }
  console.log(`  ${PROPERTIES.map((p) => `${PROPERTY_TITLES[p]}: ${report.properties[p].status}`).join('  ')}`);
}

/** One line that rewrites itself on a terminal; plain phase lines otherwise (e.g. in CI logs). */
function progressLine() {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let shown = false;
  return {
    update(event: IngestProgress) {
      const what = `${event.phase}${event.table ? ` ${event.table}` : ''}${event.file ? ` ${event.file}` : ''}`;
      if (tty) {
        const percent = event.bytes !== undefined && event.totalBytes ? ` ${Math.floor((event.bytes / event.totalBytes) * 100)}%` : '';
        process.stderr.write(`\r\x1b[K  ${what}${percent}`);
        shown = true;
      } else if (what !== lastPhase) {
        process.stderr.write(`  ${what}\n`);
        lastPhase = what;
      }
    },
    clear() {
      if (tty && shown) process.stderr.write('\r\x1b[K');
      shown = false;
      lastPhase = '';
    },
  };
}
