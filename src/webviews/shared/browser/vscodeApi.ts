// The webview's handle on VS Code: acquireVsCodeApi() (callable once per page) and the window's message events.
import type { WebviewToHost } from '../protocol';
import type { MessageSubscription } from './rpcClient';

export interface WebviewApi {
  postMessage(message: WebviewToHost): void;
  /** What the page saved with setState; unknown, since a page of an older version may have saved it. */
  getState(): unknown;
  setState<S>(state: S): S;
}

declare function acquireVsCodeApi(): WebviewApi;

let api: WebviewApi | undefined;

export function vscodeApi(): WebviewApi {
  api ??= acquireVsCodeApi();
  return api;
}

export const windowMessages: MessageSubscription = (listener) => {
  const onMessage = (event: MessageEvent<unknown>): void => listener(event.data);
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
};
