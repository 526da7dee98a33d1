// The accession register: one hash-chained line per committed accession (see ledger/hash-chained-log.ts).
import { HashChainedLog } from '../ledger/hash-chained-log.ts';

export interface RegisterEntry {
  accession_id: string;
  package_sha256: string;
  committed_at: string;
  tables: Record<string, { accepted: number; quarantined: number }>;
  /** SHA-256 of the accession's report.json, binding the report into the chain. */
  report_sha256?: string;
  /** Set when the entry was written by crash recovery after the accession folder was committed. */
  recovered?: boolean;
}

export function accessionRegister(file: string): HashChainedLog<RegisterEntry> {
  return new HashChainedLog<RegisterEntry>(file);
}
