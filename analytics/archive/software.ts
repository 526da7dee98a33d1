// The software that wrote an accession or a curated version, recorded for provenance (PREMIS agent).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageJson = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8'),
) as { name: string; version: string };

export const SOFTWARE = { name: packageJson.name, version: packageJson.version } as const;
