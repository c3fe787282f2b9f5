// The audit log on disk: one JSON object per line, one line per write the pipeline made (src/azure/http/audit.ts says
// what a line holds). No 'vscode' here, so the CLI can write the same file format (ACG_AUDIT_LOG).
//
// Size: capped at 10 MB, then the file becomes `<name>.1.jsonl` (replacing the previous old file) and a new one
// starts. A line is a few hundred bytes (a 100-number batch about 2 KB), so 10 MB holds tens of thousands of writes,
// months of ordinary use, and two files bound the disk this takes at 20 MB. A log that must be kept longer belongs
// in the organisation's own store (Azure's activity log and the gateway's diagnostics already record the service
// side); this one answers "what did I, from this machine, send and what came back", which is recent history.
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join, parse } from 'node:path';
import type { WriteAuditRecord, WriteAuditSink } from '../azure/http/audit';
import { redact } from '../azure/http/redact';

export const AUDIT_LOG_MAX_BYTES = 10 * 1024 * 1024;

export interface AuditLogFileOptions {
  /** Default AUDIT_LOG_MAX_BYTES. */
  readonly maxBytes?: number;
  /** A line could not be written (disk full, no permission): the write it describes has happened regardless. */
  readonly onError?: (message: string) => void;
  /** A line was appended (an open editor of the log re-reads it). */
  readonly onAppended?: () => void;
}

export class AuditLogFile implements WriteAuditSink {
  /** The file that holds the lines before the last rotation. */
  readonly previousPath: string;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly options: AuditLogFileOptions = {},
  ) {
    const { dir, name, ext } = parse(path);
    this.previousPath = join(dir, `${name}.1${ext}`);
  }

  /** Queues the line; lines are appended one at a time, in the order the writes finished. Never throws. */
  record(entry: WriteAuditRecord): void {
    // The pipeline keeps secrets out of the record; redacting the line again costs nothing and guards what it misses.
    const line = `${redact(JSON.stringify(entry))}\n`;
    this.queue = this.queue.then(
      () => this.append(line),
      () => this.append(line),
    );
  }

  /** Resolves when every queued line is on disk (or failed). */
  flush(): Promise<void> {
    return this.queue.catch(() => undefined);
  }

  private async append(line: string): Promise<void> {
    try {
      await mkdir(dirname(this.path), { recursive: true });
      const size = await stat(this.path).then(
        (s) => s.size,
        () => 0,
      );
      if (size > 0 && size + Buffer.byteLength(line) > (this.options.maxBytes ?? AUDIT_LOG_MAX_BYTES)) await rename(this.path, this.previousPath);
      // Owner-only: the lines name accounts, numbers and tenants.
      await appendFile(this.path, line, { encoding: 'utf8', mode: 0o600 });
      this.options.onAppended?.();
    } catch (error) {
      this.options.onError?.(`Could not write the audit log ${this.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
