// Read-only JSON documents: a resource as the service has it, in an editor. Virtual documents (content providers)
// rather than files: nothing lands on disk, the editor cannot save them back (a content provider has no save), so
// nobody mistakes one for a file to edit and apply, and reopening the same resource reuses its tab.
//   acg-resource:/subscriptions/…/communicationsGateways/<name>.json  an ARM gateway or test line, read when opened
//   acg-details:/<gateway>/<account>/<number>.json                    a value a command already read (a number)
import * as vscode from 'vscode';
import { parseGatewayId, parseTestLineName } from '../azure/clients/armIds';
import type { Services } from './services';
import type { Ui } from './ui';

export const RESOURCE_SCHEME = 'acg-resource';
export const DETAILS_SCHEME = 'acg-details';

export interface ReadOnlyDocuments {
  /** Opens (or re-reads, when already open) an ARM gateway or test line, read fresh from ARM. */
  openResource(armId: string): Promise<vscode.TextEditor>;
  /** Shows `value` as formatted JSON under `acg-details:/<segments…>.json` (updating the tab if it is open). */
  showJson(segments: readonly string[], value: unknown): Promise<vscode.TextEditor>;
  /** Holds `text` under `acg-details:/<segments…>.json` without opening it (a diff view's read-only side). */
  holdText(segments: readonly string[], text: string): vscode.Uri;
}

export class VirtualJsonDocuments implements ReadOnlyDocuments, vscode.Disposable {
  private readonly details = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly services: Services,
    private readonly ui: Pick<Ui, 'showTextDocument'>,
  ) {
    const onDidChange = this.changed.event;
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(RESOURCE_SCHEME, { onDidChange, provideTextDocumentContent: (uri, token) => this.readResource(uri, token) }),
      vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, {
        onDidChange,
        provideTextDocumentContent: (uri) => this.details.get(uri.toString()) ?? '// This resource is no longer loaded: run Show Details again.\n',
      }),
      // A details document keeps its text only while an editor shows it.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === DETAILS_SCHEME) this.details.delete(document.uri.toString());
      }),
    ];
  }

  async openResource(armId: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: RESOURCE_SCHEME, path: `${armId}.json` });
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.changed.fire(uri);
    return this.show(uri);
  }

  async showJson(segments: readonly string[], value: unknown): Promise<vscode.TextEditor> {
    return this.show(this.holdText(segments, `${JSON.stringify(value, null, 2)}\n`));
  }

  holdText(segments: readonly string[], text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${segments.map((s) => encodeURIComponent(s)).join('/')}.json` });
    const key = uri.toString();
    const had = this.details.has(key);
    this.details.set(key, text);
    if (had) this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async show(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
    return this.ui.showTextDocument(document, { preview: true });
  }

  private async readResource(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const armId = uri.path.replace(/\.json$/, '');
    const ref = parseGatewayId(armId);
    if (!ref) throw new Error(`${armId} is not a communications gateway or test line id.`);
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort());
    try {
      const arm = (await this.services.get()).arm;
      const testLine = parseTestLineName(armId);
      const resource = testLine === undefined ? await arm.getGateway(ref, { abortSignal: abort.signal }) : await arm.getTestLine(ref, testLine, { abortSignal: abort.signal });
      return `${JSON.stringify(resource, null, 2)}\n`;
    } finally {
      listener.dispose();
    }
  }
}
