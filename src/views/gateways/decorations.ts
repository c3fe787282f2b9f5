// Decorations (label colour + badge) on gateways, their "Test lines" group and single test lines: a warning ("!") when
// verification test lines fall short or a number is not E.164, and on a gateway row the number of onboarding checks
// that failed in its last run. Nodes and the onboarding state set the facts as they learn them; the provider answers
// from that map, so VS Code never waits on a request to paint a row.
import * as vscode from 'vscode';
import { TREE_URI_SCHEME } from './resourceUris';

/** Decoration tooltips are short: VS Code appends them to the row's own tooltip, which has the details. */
export const TEST_LINES_WARNING = 'Warning: service verification test lines need attention';
export const NUMBER_WARNING = 'Warning: not a valid E.164 number';

export function onboardingFailuresTooltip(count: number): string {
  return `${count} onboarding check${count === 1 ? '' : 's'} failed`;
}

interface Facts {
  warning?: string;
  onboardingFailures?: number;
}

export class GatewayDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly facts = new Map<string, Facts>();

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== TREE_URI_SCHEME) return undefined;
    const facts = this.facts.get(uri.toString());
    return facts ? decorationOf(facts) : undefined;
  }

  /** A warning on `uri` with a short tooltip (undefined removes it). Fires only on a real change, so re-rendering
   * costs nothing. */
  setWarning(uri: vscode.Uri, tooltip: string | undefined): void {
    this.update(uri, (facts) => {
      if (facts.warning === tooltip) return false;
      facts.warning = tooltip;
      return true;
    });
  }

  /** How many onboarding checks failed (fail or error) in the gateway's last run; 0 or undefined removes the badge. */
  setOnboardingFailures(uri: vscode.Uri, count: number | undefined): void {
    const value = count && count > 0 ? count : undefined;
    this.update(uri, (facts) => {
      if (facts.onboardingFailures === value) return false;
      facts.onboardingFailures = value;
      return true;
    });
  }

  /** The tooltip a row shows, for tests. */
  tooltipOf(uri: vscode.Uri): string | undefined {
    const decoration = this.provideFileDecoration(uri);
    return decoration?.tooltip;
  }

  /** Drops the warnings (a refresh reads the test lines again). Onboarding badges stay: they are the last run's. */
  clear(): void {
    const uris: vscode.Uri[] = [];
    for (const [key, facts] of this.facts) {
      if (facts.warning === undefined) continue;
      facts.warning = undefined;
      uris.push(vscode.Uri.parse(key));
      if (facts.onboardingFailures === undefined) this.facts.delete(key);
    }
    if (uris.length > 0) this.changed.fire(uris);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private update(uri: vscode.Uri, change: (facts: Facts) => boolean): void {
    const key = uri.toString();
    const facts = this.facts.get(key) ?? {};
    if (!change(facts)) return;
    if (facts.warning === undefined && facts.onboardingFailures === undefined) this.facts.delete(key);
    else this.facts.set(key, facts);
    this.changed.fire([uri]);
  }
}

function decorationOf(facts: Facts): vscode.FileDecoration | undefined {
  if (facts.onboardingFailures !== undefined) {
    const count = facts.onboardingFailures;
    const tooltip = [onboardingFailuresTooltip(count), facts.warning].filter(Boolean).join(' · ');
    // A badge holds at most two characters.
    const decoration = new vscode.FileDecoration(count > 99 ? '99' : String(count), tooltip, new vscode.ThemeColor('list.errorForeground'));
    decoration.propagate = false;
    return decoration;
  }
  return facts.warning === undefined ? undefined : warningDecoration(facts.warning);
}

export function warningDecoration(tooltip: string): vscode.FileDecoration {
  const decoration = new vscode.FileDecoration('!', tooltip, new vscode.ThemeColor('list.warningForeground'));
  // Only this row: a gateway's warning must not bubble up to the subscription.
  decoration.propagate = false;
  return decoration;
}
