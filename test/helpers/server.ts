// A real server for end-to-end tests: a small generated university ingested into a temp archive, the
// API and the built web app listening on a random loopback port.
import path from 'node:path';
import { generateUniversity } from '../../analytics/generator/index.ts';
import { archiveFrom, tempDir } from './archive.ts';
import { testApp } from './app.ts';
import { DEFAULT_WEB_ROOT } from '../../api/app.ts';

export const E2E_STUDENTS = 1500;
export const E2E_SEED = 7;

export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const generated = await tempDir('xueji-e2e-package-');
  await generateUniversity({ students: E2E_STUDENTS, seed: E2E_SEED, outDir: generated.dir });
  const archive = await archiveFrom(generated.dir);
  await generated.cleanup();
  const app = await testApp(archive.dataDir, { webRoot: DEFAULT_WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await archive.cleanup();
    },
  };
}

export const OUTPUT_DIR = path.resolve(import.meta.dirname, '../../test-output');
