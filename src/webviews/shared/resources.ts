// Where a panel's page comes from: dist/webviews only (esbuild writes the bundles and copies the codicons there), so
// a webview can read nothing else of the extension, let alone of the workspace.
import * as vscode from 'vscode';
import { webviewHtml } from './html';

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webviews');
}

/** Scripts on, and nothing readable but the webview bundles. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)] };
}

/** The page of `bundle` for this webview, every resource through asWebviewUri. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string): string {
  const root = webviewRoot(extensionUri);
  return webviewHtml({
    cspSource: webview.cspSource,
    asset: (file) => webview.asWebviewUri(vscode.Uri.joinPath(root, ...file.split('/'))).toString(),
    title,
    bundle,
  });
}
