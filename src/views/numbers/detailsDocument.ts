// "Show Details": a resource as read-only JSON in an editor. A virtual document (scheme acg-details) rather than a file:
// nothing lands on disk, the editor cannot save it back, and reopening the same number reuses its tab. The content is
// kept only while some editor shows it.
import * as vscode from 'vscode';

export const DETAILS_SCHEME = 'acg-details';

export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === DETAILS_SCHEME) this.contents.delete(document.uri.toString());
      }),
    ];
  }

  /** `acg-details:/<gateway>/<account>/<name>.json` — readable in the tab title, unique per resource. */
  uriFor(...segments: string[]): vscode.Uri {
    const path = segments.map((s) => encodeURIComponent(s)).join('/');
    return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${path}.json` });
  }

  /** Opens (or updates) the document for `uri` with `value` as formatted JSON. */
  async show(uri: vscode.Uri, value: unknown): Promise<vscode.TextEditor> {
    const key = uri.toString();
    const had = this.contents.has(key);
    this.contents.set(key, `${JSON.stringify(value, null, 2)}\n`);
    if (had) this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    return vscode.window.showTextDocument(document, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '// This resource is no longer loaded: run Show Details again.\n';
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
