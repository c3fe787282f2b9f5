// Where `acg export` writes: stdout, or files that appear only when the export is complete. Each part is written to
// a temporary file beside its destination and renamed over it at the end, so an export that fails halfway (a 5xx,
// a lost connection, Ctrl-C) leaves the previous file, or nothing, at the path: never a truncated file that looks done.
import { existsSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { partFileName } from '../core/config/kinds';
import type { ExportChunk } from '../core/numbers/numberExport';

export interface ExportSink {
  write(chunks: readonly ExportChunk[]): Promise<void>;
  /** The export is complete: make it visible. Returns the paths written (none for stdout). */
  commit(): Promise<string[]>;
  /** The export failed: remove whatever was written so far. Never throws. */
  abort(): Promise<void>;
}

/** Whole lines to `out` (which adds the line break), one call per chunk; a line split across chunks waits for its end. */
export function lineSink(out: (text: string) => void): ExportSink {
  let pending = '';
  return {
    async write(chunks) {
      for (const chunk of chunks) {
        const text = pending + chunk.text;
        const end = text.lastIndexOf('\n');
        if (end < 0) {
          pending = text;
          continue;
        }
        out(text.slice(0, end));
        pending = text.slice(end + 1);
      }
    },
    async commit() {
      if (pending !== '') out(pending);
      pending = '';
      return [];
    },
    async abort() {
      // What reached stdout cannot be taken back; the exit code and stderr say the export is incomplete.
      if (pending !== '') out(pending);
      pending = '';
    },
  };
}

interface OpenPart {
  readonly path: string;
  readonly temp: string;
  readonly handle: FileHandle;
}

/** Part 0 goes to `path`; part n to `path` with `.part<n+1>` before its kind suffix (as splitting a file names them). */
export function partPath(path: string, part: number): string {
  return join(dirname(path), partFileName(basename(path), part === 0 ? '' : `.part${part + 1}`));
}

export function fileSink(path: string): ExportSink {
  const parts: OpenPart[] = [];
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const partAt = async (index: number): Promise<OpenPart> => {
    while (parts.length <= index) {
      const final = partPath(path, parts.length);
      const temp = join(dirname(final), `.${basename(final)}.${tag}.partial`);
      parts.push({ path: final, temp, handle: await open(temp, 'wx') });
    }
    return parts[index];
  };
  return {
    async write(chunks) {
      for (const chunk of chunks) {
        const part = await partAt(chunk.part);
        await part.handle.write(chunk.text);
      }
    },
    async commit() {
      if (parts.length === 0) await partAt(0);
      for (const part of parts) {
        await part.handle.sync();
        await part.handle.close();
      }
      for (const part of parts) await rename(part.temp, part.path);
      return parts.map((p) => p.path);
    },
    async abort() {
      for (const part of parts) {
        await part.handle.close().catch(() => undefined);
        await rm(part.temp, { force: true }).catch(() => undefined);
      }
    },
  };
}

/** A part file from an earlier, longer export that this one will not replace (`partPath(path, parts)` onwards). */
export function staleParts(path: string, parts: number): string[] {
  const stale: string[] = [];
  for (let part = Math.max(parts, 1); existsSync(partPath(path, part)); part++) stale.push(partPath(path, part));
  return stale;
}
