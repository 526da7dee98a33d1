// One writer at a time: a lock file holding the writer's pid. A lock left by a process that no longer
// runs (a crash) is taken over, since the archive's own atomic renames left nothing half-done.
import { open, readFile, unlink, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Another process is writing the archive; the caller should try again when it finishes. */
export class ArchiveBusy extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function withWriterLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        const holder = await readFile(lockFile, 'utf8').catch(() => '?');
        throw new ArchiveBusy(`the archive is being written by process ${holder} (lock ${lockFile}); try again when it finishes`);
      }
      const holder = Number(await readFile(lockFile, 'utf8').catch(() => 'NaN'));
      if (Number.isInteger(holder) && isRunning(holder)) {
        throw new ArchiveBusy(`the archive is being written by process ${holder}; try again when it finishes`);
      }
      await unlink(lockFile).catch(() => undefined);
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}
