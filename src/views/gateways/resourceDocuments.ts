// `acg-resource:` documents: an ARM resource (gateway or test line) as formatted JSON, read from ARM when opened.
// Virtual and read-only by construction (a TextDocumentContentProvider has no save), so nobody mistakes it for a
// file they can edit and apply.
import * as vscode from 'vscode';
import type { AuthSession } from '../../auth/session';
import { parseGatewayId, parseTestLineName } from '../../azure/clients/armIds';

export const RESOURCE_SCHEME = 'acg-resource';

/** `acg-resource:/subscriptions/…/communicationsGateways/<name>.json` (the .json makes VS Code pick JSON). */
export function resourceDocumentUri(armId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RESOURCE_SCHEME, path: `${armId}.json` });
}

export class ResourceDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly session: AuthSession) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const armId = uri.path.replace(/\.json$/, '');
    const ref = parseGatewayId(armId);
    if (!ref) throw new Error(`${armId} is not a communications gateway or test line id.`);
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort());
    try {
      const arm = (await this.session.services()).arm;
      const testLine = parseTestLineName(armId);
      const resource = testLine === undefined ? await arm.getGateway(ref, { abortSignal: abort.signal }) : await arm.getTestLine(ref, testLine, { abortSignal: abort.signal });
      return `${JSON.stringify(resource, null, 2)}\n`;
    } finally {
      listener.dispose();
    }
  }

  /** Opens (or re-reads, when already open) the resource's document in a read-only editor. */
  async open(armId: string): Promise<vscode.TextEditor> {
    const uri = resourceDocumentUri(armId);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
    return vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
