// `npm run audit:verify [-- FILE]`: checks the audit log's hash chain and names the first broken entry.
// Exit 0 when intact, 1 when broken.
import { readConfig } from '../config.ts';
import { HashChainedLog } from '../ledger/hash-chained-log.ts';

const file = process.argv[2] ?? readConfig().auditFile;
const check = await new HashChainedLog(file).verify();
if (check.firstBroken < 0) {
  console.log(`${file}: ${check.entries} entries, chain intact`);
} else {
  console.log(`${file}: chain broken at entry ${check.firstBroken + 1} of ${check.entries} (line ${check.firstBroken + 1}): ${check.reason}`);
  process.exitCode = 1;
}
