// Typed messages between a webview panel and its host, shared by both sides: the host's RpcHost (./rpcHost.ts) and
// the browser's RpcClient (./browser/rpcClient.ts). A panel's protocol.ts declares
//   - requests the webview may make: a valibot schema for the params, which the host checks on EVERY message (the
//     webview renders data from services, so it is treated as untrusted), and the result type the host answers with;
//   - notifications the host may send to the webview.
// Both sides' call and handler signatures are derived from that one declaration, so they cannot drift apart.
// Nothing here may use DOM, Node or vscode APIs: it is compiled into the host bundle and into browser bundles.
import * as v from 'valibot';

/** Type-only markers: they carry a result or notification type, and never exist at run time. */
declare const RESULT: unique symbol;
declare const DATA: unique symbol;

export interface RequestSpec<P extends v.GenericSchema = v.GenericSchema, R = unknown> {
  readonly params: P;
  readonly [RESULT]?: { readonly result: R };
}

export interface NotificationSpec<D = unknown> {
  readonly [DATA]?: { readonly data: D };
}

export interface ProtocolSpec {
  /** For log lines: "Gateway Overview refused a message: …". */
  readonly name: string;
  readonly requests: { readonly [method: string]: RequestSpec };
  readonly notifications: { readonly [method: string]: NotificationSpec };
}

/**
 * A plain object with exactly these keys. valibot's object schemas alone would also accept an array carrying the
 * keys, a Map or a Date (objects whose enumerable keys fit), which the structured clone of postMessage can deliver.
 * Every object a page sends, the params and any object inside them, is one of these.
 */
export function plainObject<const E extends v.ObjectEntries>(entries: E) {
  const shape = v.strictObject(entries);
  return v.pipe(v.custom<v.InferInput<typeof shape>>(isPlainObject, 'Invalid type: Expected a plain object'), shape);
}

/** Params of a request: a plain object with exactly these keys. */
export const params = plainObject;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A request whose params `params` checks: `request(params({ … })).returns<Result>()`, or `.returnsNothing()`. */
export function request<P extends v.GenericSchema>(params: P): { returns<R>(): RequestSpec<P, R>; returnsNothing(): RequestSpec<P, void> } {
  return { returns: () => ({ params }), returnsNothing: () => ({ params }) };
}

/** A host → webview notification carrying `D`. */
export function notification<D>(): NotificationSpec<D> {
  return {};
}

/** Keeps the literal method names of a protocol declaration (so `Method<P>` is a union, not `string`). */
export function defineProtocol<const P extends ProtocolSpec>(protocol: P): P {
  return protocol;
}

export type Method<P extends ProtocolSpec> = keyof P['requests'] & string;
/** What the webview passes (before the schema's transforms). */
export type ParamsOf<P extends ProtocolSpec, M extends Method<P>> = v.InferInput<P['requests'][M]['params']>;
/** What the host's handler receives: the params after the schema checked them. */
export type CheckedParamsOf<P extends ProtocolSpec, M extends Method<P>> = v.InferOutput<P['requests'][M]['params']>;
export type ResultOf<P extends ProtocolSpec, M extends Method<P>> = NonNullable<P['requests'][M][typeof RESULT]>['result'];
export type NotificationMethod<P extends ProtocolSpec> = keyof P['notifications'] & string;
export type NotificationOf<P extends ProtocolSpec, N extends NotificationMethod<P>> = NonNullable<P['notifications'][N][typeof DATA]>['data'];

// ---- The envelope ------------------------------------------------------------------------------------------------

/** An error as a webview shows it: what happened, optionally more detail, and buttons that run an action. */
export interface PresentedError {
  readonly message: string;
  readonly detail?: string;
  readonly actions: readonly PresentedAction[];
}

/** `id` is a command of this extension (e.g. acg.signIn); the host runs only actions it presented itself. */
export interface PresentedAction {
  readonly id: string;
  readonly title: string;
}

/** Webview → host. The webview sends `ready` once its script runs, and nothing else before it. */
export type WebviewToHost =
  | { readonly kind: 'ready' }
  | { readonly kind: 'request'; readonly id: number; readonly method: string; readonly params: unknown }
  | { readonly kind: 'cancel'; readonly id: number };

/** Host → webview. The host sends nothing before the webview's `ready`. */
export type HostToWebview =
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: PresentedError }
  | { readonly kind: 'notification'; readonly method: string; readonly data: unknown };

// ---- Requests every panel shares -----------------------------------------------------------------------------------

/** A command of this extension, as error actions name them. */
export const ActionIdSchema = v.pipe(v.string(), v.maxLength(100), v.regex(/^acg\.[A-Za-z][\w.]*$/, 'must be a command of this extension (acg.…)'));

/** The webview asks the host to run an action of an error it was shown (the host checks that it offered it). */
export const runActionRequest = request(params({ id: ActionIdSchema })).returnsNothing();
