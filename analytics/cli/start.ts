// `npm start`: serve the dashboard. On first start with an empty archive (and XUEJI_DEMO not off) it
// first generates a demo university and ingests it, saying what it does, so the README's first command
// needs no database server and no data of one's own.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readConfig, type Config } from '../config.ts';
import { appOptionsFrom, buildApp } from '../../api/app.ts';
import { generateUniversity } from '../generator/index.ts';
import { Database } from '../db/database.ts';
import { Archive } from '../archive/archive.ts';
import { archiveLayout } from '../archive/layout.ts';

const config = readConfig();
const database = { memoryLimit: config.duckdbMemoryLimit.server, threads: config.duckdbThreads };

async function bootstrapDemo(config: Config): Promise<void> {
  const db = await Database.open({ ...database, tempDirectory: archiveLayout(config.dataDir).work });
  try {
    const archive = new Archive(db, config.dataDir, { rollupAttempts: config.rollupAttempts });
    if ((await archive.ensureCurrent()) !== null) return;
    if (!config.demo) {
      console.log(`The archive at ${config.dataDir} is empty; ingest a transfer package with: npm run ingest -- DIR`);
      return;
    }
    const started = Date.now();
    const packageDir = await mkdtemp(path.join(os.tmpdir(), 'xueji-demo-'));
    try {
      console.log(`Empty archive at ${config.dataDir}: generating a demo university (${config.demoStudents} students, seed ${config.demoSeed})…`);
      const summary = await generateUniversity({ students: config.demoStudents, seed: config.demoSeed, outDir: packageDir });
      const rows = Object.values(summary.files).reduce((sum, file) => sum + file.rows, 0);
      console.log(`  generated ${rows.toLocaleString('en')} rows in ${summary.seconds.toFixed(1)} s; ingesting…`);
      const result = await archive.receive(packageDir);
      const accession = result.status === 'committed' ? result.manifest.accession_id : result.accession_id;
      console.log(`  ingested as accession ${accession}, data version ${result.version} (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
    } finally {
      await rm(packageDir, { recursive: true, force: true });
    }
  } finally {
    db.close();
  }
}

await bootstrapDemo(config);
const app = await buildApp(appOptionsFrom(config));

const shutdown = async (signal: string) => {
  console.log(`${signal}: closing…`);
  await app.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(`学籍洞察 Xueji Insight is ready: http://${host}:${port}  (API docs: /api/docs)`);
// The overview's figures and insights scan take seconds on a large archive: compute them now rather
// than on the first leader's visit.
const warming = performance.now();
void app.warmOverview().then(
  () => console.log(`Overview ready (key figures and insights) in ${((performance.now() - warming) / 1000).toFixed(1)} s.`),
  (error: unknown) => console.error(`Overview warm-up failed: ${(error as Error).message}`),
);
if (config.demo) console.log('Demo mode: sign in as leader, teaching, college, archivist or admin — the sign-in page lists them.');
