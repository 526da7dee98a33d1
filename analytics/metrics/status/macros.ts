// Installs the status timeline's DuckDB macros (sql/metrics/status/timeline-macros.sql) once per
// database. They read the reader views by name when called, so a new data version needs no reinstall.
import type { Database } from '../../db/database.ts';
import { loadSql } from '../../db/sql-files.ts';

const installed = new WeakMap<Database, Promise<void>>();

export function installStatusMacros(db: Database): Promise<void> {
  let done = installed.get(db);
  if (!done) {
    done = db.execute(loadSql('metrics/status/timeline-macros').text).then(() => undefined);
    done.catch(() => installed.delete(db)); // a later call tries again
    installed.set(db, done);
  }
  return done;
}
