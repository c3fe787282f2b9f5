// The CodeLens at the top of every *.acg-plan.json: "Plan against <selected gateway>" and "Apply…", so plan and apply
// are one click from the file. It names the gateway the commands would use (the selection, under the current
// sign-in), and follows the selection and the sign-in as they change.
import * as vscode from 'vscode';
import type { Host } from '../host/host';
import { COMMANDS } from '../host/ids';

export const PLAN_FILE_SELECTOR: vscode.DocumentSelector = { pattern: '**/*.acg-plan.json' };

export class PlanCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly host: Pick<Host, 'selection' | 'events'>) {
    this.subscription = host.events.onDidChangeScope(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const gateway = this.host.selection.forCurrentSignIn();
    const args = [document.uri];
    return [
      new vscode.CodeLens(top, {
        title: gateway ? `$(diff) Plan against ${gateway.name}` : '$(diff) Plan… (select a gateway first)',
        tooltip: 'Compare this file with the selected gateway\'s live state: a diff view and a summary',
        command: COMMANDS.planProvisioning,
        arguments: args,
      }),
      new vscode.CodeLens(top, { title: '$(play) Apply…', tooltip: 'Plan, confirm, then apply this file on the selected gateway', command: COMMANDS.applyProvisioningPlan, arguments: args }),
    ];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerPlanCodeLens(context: vscode.ExtensionContext, host: Pick<Host, 'selection' | 'events'>): void {
  const provider = new PlanCodeLensProvider(host);
  context.subscriptions.push(provider, vscode.languages.registerCodeLensProvider(PLAN_FILE_SELECTOR, provider));
}
