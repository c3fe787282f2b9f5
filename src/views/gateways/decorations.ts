// Warning decorations (label color + "!" badge) on gateways, their "Test lines" group and single test lines, when
// verification test lines fall short or a number is not E.164. Nodes set them as they learn the facts; the provider
// just answers from that map, so VS Code never waits on a request to paint a row.
import * as vscode from 'vscode';
import { TREE_URI_SCHEME } from './resourceUris';

/** Decoration tooltips are short: VS Code appends them to the row's own tooltip, which has the details. */
export const TEST_LINES_WARNING = 'Warning: service verification test lines need attention';
export const NUMBER_WARNING = 'Warning: not a valid E.164 number';

export class GatewayDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly decorations = new Map<string, vscode.FileDecoration>();

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    return uri.scheme === TREE_URI_SCHEME ? this.decorations.get(uri.toString()) : undefined;
  }

  /** A warning on `uri` with a short tooltip (undefined removes it). Fires only on a real change, so re-rendering
   * costs nothing. */
  setWarning(uri: vscode.Uri, tooltip: string | undefined): void {
    const key = uri.toString();
    const before = this.decorations.get(key);
    if (tooltip === undefined) {
      if (!before) return;
      this.decorations.delete(key);
    } else {
      if (before?.tooltip === tooltip) return;
      this.decorations.set(key, warningDecoration(tooltip));
    }
    this.changed.fire([uri]);
  }

  clear(): void {
    const uris = [...this.decorations.keys()].map((key) => vscode.Uri.parse(key));
    this.decorations.clear();
    if (uris.length > 0) this.changed.fire(uris);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function warningDecoration(tooltip: string): vscode.FileDecoration {
  const decoration = new vscode.FileDecoration('!', tooltip, new vscode.ThemeColor('list.warningForeground'));
  // Only this row: a gateway's warning must not bubble up to the subscription.
  decoration.propagate = false;
  return decoration;
}
