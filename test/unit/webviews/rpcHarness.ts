// Both sides of a webview's RPC in Node: the host's RpcHost and the page's RpcClient, joined by a fake postMessage
// pair that delivers asynchronously, in order, and through structuredClone (as VS Code does), so what crosses is
// exactly what could cross a real webview boundary.
import type { HostToWebview, PresentedError, ProtocolSpec, WebviewToHost } from '../../../src/webviews/shared/protocol';
import { RpcHost, type RequestHandlers, type RpcLog } from '../../../src/webviews/shared/rpcHost';
import { RpcClient } from '../../../src/webviews/shared/browser/rpcClient';

export class RecordingLog implements RpcLog {
  readonly lines: { level: 'info' | 'warn' | 'error'; message: string }[] = [];
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  of(level: 'info' | 'warn' | 'error'): string[] {
    return this.lines.filter((l) => l.level === level).map((l) => l.message);
  }
}

/** Lets every message in transit arrive (each hop is one setImmediate), without waiting on a clock. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

export interface Pair<P extends ProtocolSpec> {
  readonly host: RpcHost<P>;
  readonly client: RpcClient<P>;
  readonly log: RecordingLog;
  /** Everything the host posted, in order. */
  readonly posted: HostToWebview[];
  /** Everything the page sent, in order. */
  readonly sent: WebviewToHost[];
}

export function connect<P extends ProtocolSpec>(
  protocol: P,
  handlers: RequestHandlers<P>,
  present: (error: unknown) => PresentedError = (error) => ({ message: error instanceof Error ? error.message : String(error), actions: [] }),
): Pair<P> {
  const log = new RecordingLog();
  const posted: HostToWebview[] = [];
  const sent: WebviewToHost[] = [];
  let toPage: ((data: unknown) => void) | undefined;
  const host = new RpcHost<P>({
    protocol,
    handlers,
    log,
    present,
    post: (message) => {
      posted.push(message);
      const copy = structuredClone(message);
      setImmediate(() => toPage?.(copy));
      return Promise.resolve(true);
    },
  });
  const client = new RpcClient<P>(
    {
      postMessage: (message) => {
        sent.push(message);
        const copy = structuredClone(message);
        setImmediate(() => host.receive(copy));
      },
    },
    (listener) => {
      toPage = listener;
      return () => {
        toPage = undefined;
      };
    },
  );
  return { host, client, log, posted, sent };
}
