// The host side of a webview's typed RPC (the pattern of microsoft/vscode-pull-request-github src/common/webview.ts,
// typed through the panel's protocol.ts). Free of `vscode`: it takes a `post` function and a log, so plain mocha
// tests reach it; ./webviewRpc.ts connects it to a WebviewPanel.
//
// Rules it keeps:
//   - Nothing is posted before the webview says `ready`; notifications wait for it. A second `ready` means the
//     webview's document was loaded again: requests of the old document are aborted.
//   - EVERY inbound message is checked: the envelope, then the method's params schema. A message that fails is
//     refused: logged (log.warn, saying why), answered with an error response when it carries a usable request id,
//     and it never throws and never reaches a handler.
//   - Each request's handler gets an AbortSignal, aborted when the webview cancels the request or the panel goes.
//   - A handler's failure goes through the injected `present` and reaches the webview as { message, detail, actions }.
import * as v from 'valibot';
import { describeMessage, issuesText, replyIdOf, WebviewMessageSchema, type WebviewMessage } from './envelope';
import type { CheckedParamsOf, HostToWebview, Method, NotificationMethod, NotificationOf, PresentedError, ProtocolSpec, ResultOf } from './protocol';

export interface RpcLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface HandlerContext {
  /** Aborted when the webview cancels this request, its document reloads, or the panel is disposed. */
  readonly signal: AbortSignal;
}

export type RequestHandlers<P extends ProtocolSpec> = {
  readonly [M in Method<P>]: (params: CheckedParamsOf<P, M>, context: HandlerContext) => Promise<ResultOf<P, M>> | ResultOf<P, M>;
};

export interface RpcHostOptions<P extends ProtocolSpec> {
  readonly protocol: P;
  readonly handlers: RequestHandlers<P>;
  /** Sends one message to the webview (Webview.postMessage). May return a promise; a failure is logged, not thrown. */
  post(message: HostToWebview): unknown;
  readonly log: RpcLog;
  /** Turns a handler's failure into what the webview shows. */
  present(error: unknown): PresentedError;
  /** After every `ready` (the first, and each reload of the webview's document). */
  onReady?(): void;
  /** Requests in flight at once; more are refused (a runaway or hostile webview cannot pile up work). Default 32. */
  readonly maxPending?: number;
}

const DEFAULT_MAX_PENDING = 32;

export class RpcHost<P extends ProtocolSpec> {
  private ready = false;
  private disposed = false;
  private readonly pending = new Map<number, AbortController>();
  private queued: HostToWebview[] = [];

  constructor(private readonly options: RpcHostOptions<P>) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** Handles one message from the webview. Never throws, whatever the message is. */
  receive(message: unknown): void {
    if (this.disposed) return;
    try {
      this.dispatch(message);
    } catch (error) {
      // Only a bug of ours gets here (validation refuses bad input before any code that could throw).
      this.options.log.error(`${this.name}: handling a message failed: ${errorText(error)}`);
    }
  }

  /** Tells the webview something; held until the webview is ready. */
  notify<N extends NotificationMethod<P>>(method: N, data: NotificationOf<P, N>): void {
    if (this.disposed) return;
    const message: HostToWebview = { kind: 'notification', method, data };
    if (this.ready) this.send(message);
    else this.queued.push(message);
  }

  /**
   * The webview's document is gone (a hidden panel without retainContextWhenHidden): its requests will never read an
   * answer, and nothing may be sent until the next document says ready.
   */
  documentGone(): void {
    this.ready = false;
    this.abortAll('the webview was hidden');
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ready = false;
    this.queued = [];
    this.abortAll('the panel was closed');
  }

  private get name(): string {
    return this.options.protocol.name;
  }

  private dispatch(raw: unknown): void {
    const parsed = v.safeParse(WebviewMessageSchema, raw);
    if (!parsed.success) {
      this.refuse(raw, issuesText(parsed.issues, 'message'), replyIdOf(raw));
      return;
    }
    const message: WebviewMessage = parsed.output;
    switch (message.kind) {
      case 'ready':
        this.onReady();
        return;
      case 'cancel':
        this.cancel(message.id);
        return;
      case 'request':
        this.request(raw, message.id, message.method, message.params);
        return;
    }
  }

  private onReady(): void {
    // A ready after a ready: the document was loaded again, and the old document's requests have no reader.
    this.abortAll('the webview reloaded');
    this.ready = true;
    const queued = this.queued;
    this.queued = [];
    for (const message of queued) this.send(message);
    this.options.onReady?.();
  }

  private cancel(id: number): void {
    const controller = this.pending.get(id);
    // A cancel can cross the answer on the way: not an error, and nothing to do.
    if (!controller) return;
    this.pending.delete(id);
    controller.abort();
    this.options.log.info(`${this.name}: request ${id} cancelled by the webview`);
  }

  private request(raw: unknown, id: number, method: string, params: unknown): void {
    if (!this.ready) {
      // The webview's RpcClient cannot do this; a message that does is not from it. Nothing may be sent yet.
      this.refuse(raw, 'a request before the webview said ready', undefined);
      return;
    }
    if (!Object.prototype.hasOwnProperty.call(this.options.protocol.requests, method)) {
      this.refuse(raw, `unknown method "${method}"`, id);
      return;
    }
    if (this.pending.has(id)) {
      // Answering would settle the request already in flight under this id.
      this.refuse(raw, `request id ${id} is already in use`, undefined);
      return;
    }
    const maxPending = this.options.maxPending ?? DEFAULT_MAX_PENDING;
    if (this.pending.size >= maxPending) {
      this.refuse(raw, `more than ${maxPending} requests in flight`, id);
      return;
    }
    const name = method as Method<P>;
    const checked = v.safeParse(this.options.protocol.requests[name].params, params);
    if (!checked.success) {
      this.refuse(raw, issuesText(checked.issues, 'params'), id);
      return;
    }
    this.run(id, name, checked.output as CheckedParamsOf<P, typeof name>);
  }

  private run<M extends Method<P>>(id: number, method: M, params: CheckedParamsOf<P, M>): void {
    const controller = new AbortController();
    this.pending.set(id, controller);
    let result: Promise<ResultOf<P, M>>;
    try {
      // Called synchronously, in message order: a handler can rely on the requests sent before it having started.
      result = Promise.resolve(this.options.handlers[method](params, { signal: controller.signal }));
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (value) => {
        if (!this.settle(id, controller)) return;
        this.send({ kind: 'response', id, ok: true, result: value });
      },
      (error: unknown) => {
        if (!this.settle(id, controller)) return;
        const presented = this.present(error);
        this.options.log.warn(`${this.name}: ${method} failed: ${presented.message}`);
        this.send({ kind: 'response', id, ok: false, error: presented });
      },
    );
  }

  /** True when the answer is still wanted (not cancelled, no reload, panel open). */
  private settle(id: number, controller: AbortController): boolean {
    if (this.pending.get(id) !== controller) return false;
    this.pending.delete(id);
    return !this.disposed && this.ready && !controller.signal.aborted;
  }

  private present(error: unknown): PresentedError {
    try {
      return this.options.present(error);
    } catch (presentError) {
      this.options.log.error(`${this.name}: presenting an error failed: ${errorText(presentError)}`);
      return { message: 'Something went wrong. See the Communications Gateway log for details.', actions: [] };
    }
  }

  private refuse(raw: unknown, why: string, replyTo: number | undefined): void {
    this.options.log.warn(`${this.name}: refused a message from the webview: ${why} — ${describeMessage(raw)}`);
    if (replyTo !== undefined && this.ready && !this.pending.has(replyTo)) {
      this.send({ kind: 'response', id: replyTo, ok: false, error: { message: `The extension refused this request: ${why}`, actions: [] } });
    }
  }

  private abortAll(reason: string): void {
    if (this.pending.size === 0) return;
    this.options.log.info(`${this.name}: ${this.pending.size} request(s) aborted: ${reason}`);
    for (const controller of this.pending.values()) controller.abort();
    this.pending.clear();
  }

  private send(message: HostToWebview): void {
    try {
      const sent = this.options.post(message);
      if (isThenable(sent)) sent.then(undefined, (error: unknown) => this.options.log.info(`${this.name}: a message was not delivered: ${errorText(error)}`));
    } catch (error) {
      this.options.log.info(`${this.name}: a message was not delivered: ${errorText(error)}`);
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
