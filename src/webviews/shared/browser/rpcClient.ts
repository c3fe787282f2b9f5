// The webview side of the typed RPC (host side: ../rpcHost.ts). Requests get increasing ids and a promise; an
// AbortSignal cancels one (the host then aborts its handler); notifications from the host go to their handler.
// The host trusts nothing the webview sends, and this side still reads the host's answers defensively: an answer it
// cannot read is dropped, never thrown into the page.
import type { HostToWebview, Method, NotificationMethod, NotificationOf, ParamsOf, PresentedError, ProtocolSpec, ResultOf, WebviewToHost } from '../protocol';

/** The part of acquireVsCodeApi() the client uses (tests pass a fake). */
export interface MessagePort {
  postMessage(message: WebviewToHost): void;
}

/** Subscribes to messages from the host (window "message" events in a webview); returns the unsubscribe. */
export type MessageSubscription = (listener: (data: unknown) => void) => () => void;

/** A request the host answered with an error: what to show, as the host's presenter put it. */
export class RpcError extends Error {
  constructor(readonly presented: PresentedError) {
    super(presented.message);
    this.name = 'RpcError';
  }
}

/** A request cancelled through its AbortSignal (or by dispose). Nothing to show. */
export class RpcCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'RpcCancelled';
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class RpcClient<P extends ProtocolSpec> {
  private nextId = 1;
  private started = false;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, (data: unknown) => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly port: MessagePort,
    subscribe: MessageSubscription,
  ) {
    this.unsubscribe = subscribe((data) => this.receive(data));
  }

  /** Handles the host's `method` notifications. Register before start(): the host may send them right after ready. */
  onNotification<N extends NotificationMethod<P>>(method: N, handler: (data: NotificationOf<P, N>) => void): void {
    this.listeners.set(method, handler as (data: unknown) => void);
  }

  /** Tells the host the page is listening. The host sends nothing before this, and requests wait for it. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.port.postMessage({ kind: 'ready' });
  }

  request<M extends Method<P>>(method: M, params: ParamsOf<P, M>, options: { signal?: AbortSignal } = {}): Promise<ResultOf<P, M>> {
    if (!this.started) return Promise.reject(new Error(`${method}: call start() before the first request.`));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new RpcCancelled());
    const id = this.nextId++;
    return new Promise<ResultOf<P, M>>((resolve, reject) => {
      const onAbort = (): void => {
        if (!this.pending.delete(id)) return;
        this.port.postMessage({ kind: 'cancel', id });
        reject(new RpcCancelled());
      };
      this.pending.set(id, {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value as ResultOf<P, M>);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.port.postMessage({ kind: 'request', id, method, params });
    });
  }

  dispose(): void {
    this.unsubscribe();
    for (const pending of this.pending.values()) pending.reject(new RpcCancelled());
    this.pending.clear();
  }

  private receive(data: unknown): void {
    const message = asHostMessage(data);
    if (!message) return;
    if (message.kind === 'notification') {
      this.listeners.get(message.method)?.(message.data);
      return;
    }
    const pending = this.pending.get(message.id);
    // Unknown ids are answers to cancelled requests: nobody is waiting.
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new RpcError(message.error));
  }
}

/** The host's message, or undefined for anything else that reaches the window (other frames, extensions' tooling). */
function asHostMessage(data: unknown): HostToWebview | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.kind === 'notification' && typeof m.method === 'string') return { kind: 'notification', method: m.method, data: m.data };
  if (m.kind !== 'response' || typeof m.id !== 'number') return undefined;
  if (m.ok === true) return { kind: 'response', id: m.id, ok: true, result: m.result };
  return { kind: 'response', id: m.id, ok: false, error: asPresentedError(m.error) };
}

function asPresentedError(value: unknown): PresentedError {
  const e = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const actions = Array.isArray(e.actions)
    ? e.actions.flatMap((a: unknown) => {
        const action = typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : {};
        return typeof action.id === 'string' && typeof action.title === 'string' ? [{ id: action.id, title: action.title }] : [];
      })
    : [];
  return {
    message: typeof e.message === 'string' && e.message ? e.message : 'Something went wrong.',
    ...(typeof e.detail === 'string' && e.detail ? { detail: e.detail } : {}),
    actions,
  };
}
