// The apply journal on disk: JSON lines, only ever appended, each flushed to the disk (fsync) before append()
// resolves, because the executor sends a request only once its 'sending' line is durable. A crash can leave the
// last line cut short; the reader skips it (core readJournal counts it), and reopening the file for a resume first
// ends that torn line with a newline, so the next entry starts a line of its own. Nothing here ever truncates or
// rewrites the file: a journal is evidence of what was sent.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { journalLine, readJournal } from '../../core/apply/journal';
import type { JournalEntry, JournalState } from '../../core/apply/types';
import { AcgError } from '../errors';
import type { JournalSink } from './applyPlan';

export interface JournalFile extends JournalSink {
  readonly path: string;
  close(): Promise<void>;
}

/** Opens (or creates) the journal at `path` for appending. */
export async function openJournal(path: string): Promise<JournalFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'a+');
  } catch (error) {
    throw journalError(path, 'cannot be opened for writing', error);
  }
  const { size } = await handle.stat();
  if (size > 0) {
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    // A torn last line (a crash mid-write): end it, so that it stays one unreadable line and the next entry is whole.
    if (last[0] !== 0x0a) await durableWrite(handle, '\n', path);
  } else {
    await syncDirectory(dirname(path));
  }
  // Group commit: entries appended while a flush is on its way go together in the next write and flush, in call order
  // (two entries never interleave on disk), and each append resolves only once a flush covered it. With several
  // batches in flight, a flush per entry made the journal the slowest step of an apply.
  let waiting: { text: string; done: () => void; failed: (error: unknown) => void }[] = [];
  let flushing: Promise<void> | undefined;
  const flush = async (): Promise<void> => {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      try {
        await durableWrite(handle, group.map((w) => w.text).join(''), path);
        for (const w of group) w.done();
      } catch (error) {
        for (const w of group) w.failed(error);
      }
    }
    flushing = undefined;
  };
  let closed = false;
  return {
    path,
    append(entry: JournalEntry): Promise<void> {
      if (closed) return Promise.reject(journalError(path, 'is closed', undefined));
      return new Promise<void>((done, failed) => {
        waiting.push({ text: journalLine(entry), done, failed });
        flushing ??= flush();
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await flushing;
      await handle.close();
    },
  };
}

/** Where the apply journalled at `path` stands (a torn or unreadable line is skipped and counted: core readJournal). */
export async function loadJournal(path: string): Promise<JournalState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw journalError(path, 'cannot be read', error);
  }
  return readJournal(text);
}

async function durableWrite(handle: FileHandle, text: string, path: string): Promise<void> {
  try {
    await handle.appendFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    throw journalError(path, 'could not be written to the disk', error);
  }
}

/** A new file's name is durable only once its directory is flushed too (POSIX); where a directory cannot be opened
 * (Windows), the file's own flush is all there is. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Not supported here: nothing more can be done.
  } finally {
    await handle?.close();
  }
}

function journalError(path: string, what: string, cause: unknown): AcgError {
  const reason = cause instanceof Error ? ` (${cause.message})` : '';
  return new AcgError({ kind: 'unexpected', message: `The apply journal ${path} ${what}${reason}. Nothing further is sent without it.`, cause });
}
