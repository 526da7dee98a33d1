// `npm run ingest -- DIR [DIR…]`: receive transfer packages into the archive at XUEJI_DATA_DIR,
// printing each accession's counts and what was quarantined.
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { Database } from '../db/database.ts';
import { Archive } from '../archive/archive.ts';
import { archiveLayout } from '../archive/layout.ts';
import { PackageRefused } from '../archive/ingest.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length === 0) {
  console.error('usage: npm run ingest -- PACKAGE_DIR [PACKAGE_DIR…]   (archive: XUEJI_DATA_DIR, default data/archive)');
  process.exit(2);
}

const config = readConfig();
const db = await Database.open({ memoryLimit: config.duckdbMemoryLimit, threads: config.duckdbThreads, tempDirectory: archiveLayout(config.dataDir).work });
const archive = new Archive(db, config.dataDir);
let failed = false;
try {
  for (const packageDir of positionals) {
    try {
      const started = Date.now();
      const result = await archive.receive(packageDir);
      if (result.status === 'already-received') {
        console.log(`${packageDir}: already received as accession ${result.accession_id}; nothing changed`);
        continue;
      }
      console.log(`${packageDir}: accession ${result.manifest.accession_id}, data version ${result.version} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      for (const [table, t] of Object.entries(result.manifest.tables)) {
        console.log(`  ${table.padEnd(20)} read ${t.rows_read}  accepted ${t.rows_accepted}  quarantined ${t.rows_quarantined}`);
      }
    } catch (error) {
      if (!(error instanceof PackageRefused)) throw error;
      failed = true;
      console.error(`${packageDir}: refused, nothing committed — ${error.message}`);
    }
  }
} finally {
  db.close();
}
process.exit(failed ? 1 : 0);
