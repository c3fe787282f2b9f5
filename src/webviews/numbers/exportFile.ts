// The file an export from the Numbers panel writes: text appended to `<name>.partial` beside the chosen file, renamed
// over it on commit, removed on abort, so the chosen name holds a complete export or what it held before.
import { open, rename, rm } from 'node:fs/promises';
import type { ExportFileSink } from './deps';

export async function openExportFile(path: string): Promise<ExportFileSink> {
  const partial = `${path}.partial`;
  const handle = await open(partial, 'w');
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    write: async (text) => {
      if (text !== '') await handle.write(text);
    },
    commit: async () => {
      await close();
      await rename(partial, path);
    },
    abort: async () => {
      await close();
      await rm(partial, { force: true });
    },
  };
}
