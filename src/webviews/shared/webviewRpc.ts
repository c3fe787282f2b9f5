// The thin vscode adapter of RpcHost: a WebviewPanel's messages in, its postMessage out, and the panel's lifetime.
import type * as vscode from 'vscode';
import type { ProtocolSpec } from './protocol';
import { RpcHost, type RpcHostOptions } from './rpcHost';

export interface WebviewRpcOptions<P extends ProtocolSpec> extends Omit<RpcHostOptions<P>, 'post'> {
  /** Whether the panel keeps its document while hidden (retainContextWhenHidden). */
  readonly retainsContext: boolean;
}

export function connectWebviewRpc<P extends ProtocolSpec>(panel: vscode.WebviewPanel, options: WebviewRpcOptions<P>): RpcHost<P> {
  const host = new RpcHost<P>({ ...options, post: (message) => panel.webview.postMessage(message) });
  const subscriptions: vscode.Disposable[] = [
    panel.webview.onDidReceiveMessage((message: unknown) => host.receive(message)),
    panel.onDidChangeViewState(() => {
      // Hiding a panel that does not retain its context destroys the document; showing it again loads a new one,
      // which says ready again.
      if (!options.retainsContext && !panel.visible) host.documentGone();
    }),
  ];
  subscriptions.push(
    panel.onDidDispose(() => {
      host.dispose();
      for (const subscription of subscriptions) subscription.dispose();
    }),
  );
  return host;
}
