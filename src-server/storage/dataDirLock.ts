/**
 * Embedded PGlite is single-process: a data directory must be opened by one process at a time
 * (server or admin CLI). A lock file with the owner's pid guards it; a stale lock (dead pid) is
 * taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

const heldInProcess = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'server.lock');
  if (heldInProcess.has(file)) throw new Error(`data directory ${dir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldInProcess.add(file);
      return () => {
        heldInProcess.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && pidAlive(owner)) {
        throw new Error(
          `data directory ${dir} is in use by process ${owner}; embedded storage is single-process (stop the server, or use DATABASE_URL with PostgreSQL)`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock data directory ${dir}`);
}
