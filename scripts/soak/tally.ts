// The soak's bookkeeping: each operation runs through `op`, which counts it and, when it fails, checks that the
// failure is what a person would see — one AcgError presented with a message and at least one action (never a crash:
// anything else thrown is counted as one) — and keeps the text shown, for the token search.
import { isAcgError } from '../../src/azure/errors';
import { presentError } from '../../src/host/presentError';

export type Surface = 'token' | 'arm' | 'provisioning' | 'graph' | 'cli';

export interface ShownError {
  readonly surface: Surface;
  readonly operation: string;
  readonly kind: string;
  readonly message: string;
  readonly actions: readonly string[];
  /** What the face would show and log: message, detail and log line. */
  readonly text: string;
}

export interface Crash {
  readonly surface: Surface;
  readonly operation: string;
  readonly why: string;
}

export class Tally {
  readonly operations: Record<Surface, number> = { token: 0, arm: 0, provisioning: 0, graph: 0, cli: 0 };
  readonly shown: ShownError[] = [];
  readonly crashes: Crash[] = [];
  /** Errors without a message or without an action: they break "each failure is shown once, with an action". */
  readonly unclear: ShownError[] = [];

  /** Runs one operation; undefined when it failed (the failure is recorded as shown, or as a crash). */
  async op<T>(surface: Surface, operation: string, run: () => Promise<T>): Promise<T | undefined> {
    this.operations[surface] += 1;
    try {
      return await run();
    } catch (error) {
      this.fail(surface, operation, error);
      return undefined;
    }
  }

  /** A failure a face reported by itself (the CLI's exit code and stderr), checked the same way. */
  fail(surface: Surface, operation: string, error: unknown): void {
    if (!isAcgError(error)) {
      this.crashes.push({ surface, operation, why: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      return;
    }
    const presented = presentError(error);
    const shown: ShownError = {
      surface,
      operation,
      kind: presented.kind,
      message: presented.message,
      actions: presented.actions.map((a) => a.title),
      text: [presented.message, presented.detail ?? '', presented.logLine].join('\n'),
    };
    this.shown.push(shown);
    if (!presented.message.trim() || presented.actions.length === 0) this.unclear.push(shown);
  }

  /** A CLI run that ended in an error: its stderr must say what happened and what to do. */
  cliError(operation: string, stderr: readonly string[]): void {
    const text = stderr.join('\n');
    const shown: ShownError = { surface: 'cli', operation, kind: 'cli', message: stderr[0] ?? '', actions: stderr.filter((l) => /To fix:|resume|again|--resume/i.test(l)), text };
    this.shown.push(shown);
    if (!text.trim() || shown.actions.length === 0) this.unclear.push(shown);
  }

  total(): number {
    return Object.values(this.operations).reduce((sum, n) => sum + n, 0);
  }
}
