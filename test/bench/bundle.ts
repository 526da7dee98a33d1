// The web bundle's weight: every immutable chunk of the static build (build/web/_app/immutable), as
// raw bytes and gzip-compressed (level 9, as a server or CDN would send it).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: number;
  bytes: number;
  gzipBytes: number;
  largest: { file: string; gzipBytes: number } | null;
}

export async function bundleSize(webRoot: string): Promise<BundleSize | null> {
  const folder = path.join(webRoot, '_app', 'immutable');
  let names: string[];
  try {
    names = (await readdir(folder, { recursive: true })).filter((name) => /\.(js|css)$/.test(name));
  } catch {
    return null; // not built: npm run build:web
  }
  let bytes = 0;
  let gzipBytes = 0;
  let largest: BundleSize['largest'] = null;
  for (const name of names) {
    const content = await readFile(path.join(folder, name));
    const gz = gzipSync(content, { level: 9 }).byteLength;
    bytes += content.byteLength;
    gzipBytes += gz;
    if (!largest || gz > largest.gzipBytes) largest = { file: name, gzipBytes: gz };
  }
  return { files: names.length, bytes, gzipBytes, largest };
}
