// `npm start`: serve the dashboard. On first start with an empty archive (and XUEJI_DEMO not off) it
// generates a demo university and ingests it, saying what it does, so the README's first command
// needs no database server and no data of one's own.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { buildApp } from '../../api/app.ts';
import { generateUniversity } from '../generator/index.ts';

const config = readConfig();
const app = await buildApp({
  dataDir: config.dataDir,
  database: { memoryLimit: config.duckdbMemoryLimit, threads: config.duckdbThreads },
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
});

if ((await app.archive.ensureCurrent()) === null) {
  if (!config.demo) {
    console.log(`The archive at ${config.dataDir} is empty; ingest a transfer package with: npm run ingest -- DIR`);
  } else {
    const started = Date.now();
    const packageDir = await mkdtemp(path.join(os.tmpdir(), 'xueji-demo-'));
    try {
      console.log(`Empty archive at ${config.dataDir}: generating a demo university (${config.demoStudents} students, seed ${config.demoSeed})…`);
      const summary = await generateUniversity({ students: config.demoStudents, seed: config.demoSeed, outDir: packageDir });
      const rows = Object.values(summary.files).reduce((sum, file) => sum + file.rows, 0);
      console.log(`  generated ${rows.toLocaleString('en')} rows in ${summary.seconds.toFixed(1)} s; ingesting…`);
      const result = await app.archive.receive(packageDir);
      console.log(`  ingested as accession ${result.status === 'committed' ? result.manifest.accession_id : result.accession_id}, data version ${result.version} (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
    } finally {
      await rm(packageDir, { recursive: true, force: true });
    }
  }
}

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
console.log(`学籍洞察 Xueji Insight is ready: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}  (API docs: /api/docs)`);
