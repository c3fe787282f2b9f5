// One apply per journal at a time: two processes appending to one journal would both send what it says is left, and
// "nothing done twice" would rest on the service's repeatability window alone. The lock is a file beside the journal
// holding the owner's process id; a lock whose process is gone (killed, crashed) is taken over, so a resume after
// SIGKILL is never blocked.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export type JournalLock = { readonly ok: true; release(): void } | { readonly ok: false; readonly message: string };

export function lockJournal(journalPath: string, pid: number = process.pid, isRunning: (pid: number) => boolean = processIsRunning): JournalLock {
  const lockPath = `${journalPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, `${pid}\n`, { flag: 'wx' });
      return { ok: true, release: () => rmSync(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, message: `cannot lock ${journalPath} (${lockPath}): ${(error as Error).message}` };
    }
    const owner = Number.parseInt(readOwner(lockPath), 10);
    if (Number.isInteger(owner) && owner > 0 && owner !== pid && isRunning(owner)) {
      return { ok: false, message: `${journalPath} is in use by another acg apply (process ${owner}). Wait for it, or stop it and resume.` };
    }
    // Its owner is gone: the lock is left over from a run that was killed.
    rmSync(lockPath, { force: true });
  }
  return { ok: false, message: `cannot lock ${journalPath}: ${lockPath} keeps coming back.` };
}

function readOwner(lockPath: string): string {
  try {
    return readFileSync(lockPath, 'utf8').trim();
  } catch {
    return '';
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
