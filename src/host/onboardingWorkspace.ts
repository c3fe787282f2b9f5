// The workspace's gateway files for the onboarding checks: the text VS Code has (an open, unsaved editor wins over the
// file on disk), relative paths for the evidence. Reading only, so it runs in untrusted workspaces too.
import * as vscode from 'vscode';
import { CONFIG_FILE_GLOBS } from '../core/config/kinds';
import type { GatewayFileText } from '../core/onboarding/gatewayFile';

const EXCLUDE = '**/{node_modules,.git,dist,out}/**';
/** A workspace with more gateway files than this is not one gateway's repository; the first ones are enough. */
const MAX_FILES = 200;

export async function workspaceGatewayFiles(signal: AbortSignal): Promise<readonly GatewayFileText[]> {
  const cancel = new vscode.CancellationTokenSource();
  const onAbort = () => cancel.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const uris = await vscode.workspace.findFiles(CONFIG_FILE_GLOBS.gateway, EXCLUDE, MAX_FILES, cancel.token);
    const texts = await Promise.all(
      uris.map(async (uri): Promise<GatewayFileText | undefined> => {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        try {
          const text = open?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          return { path: vscode.workspace.asRelativePath(uri), text };
        } catch {
          return undefined; // deleted between the search and the read
        }
      }),
    );
    return texts.filter((t): t is GatewayFileText => t !== undefined).sort((a, b) => a.path.localeCompare(b.path));
  } finally {
    signal.removeEventListener('abort', onAbort);
    cancel.dispose();
  }
}
