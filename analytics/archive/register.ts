// The accession register: one hash-chained line per committed accession (see ledger/hash-chained-log.ts).
import { HashChainedLog } from '../ledger/hash-chained-log.ts';

export interface RegisterEntry {
  accession_id: string;
  package_sha256: string;
  committed_at: string;
  tables: Record<string, { accepted: number; quarantined: number }>;
}

export function accessionRegister(file: string): HashChainedLog<RegisterEntry> {
  return new HashChainedLog<RegisterEntry>(file);
}
