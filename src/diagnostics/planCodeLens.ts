// The CodeLens at the top of every *.acg-plan.json and *.acg-gateway.json: "Plan against …" and "Apply…", so plan and
// apply are one click from the file. A provisioning plan names the gateway the commands would use (the selection,
// under the current sign-in) and follows the selection and the sign-in as they change; a gateway file is planned
// against the ARM gateway it names itself, whatever is selected.
import * as vscode from 'vscode';
import type { Host } from '../host/host';
import { COMMANDS } from '../host/ids';

export const PLAN_FILE_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.acg-plan.json' }, { pattern: '**/*.acg-gateway.json' }];

export class PlanCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly host: Pick<Host, 'selection' | 'events'>) {
    this.subscription = host.events.onDidChangeScope(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const args = [document.uri];
    const ofGateway = /\.acg-gateway\.json$/i.test(document.uri.path);
    const gateway = ofGateway ? undefined : this.host.selection.forCurrentSignIn();
    const where = ofGateway ? 'the gateway this file names (ARM)' : 'the selected gateway';
    return [
      new vscode.CodeLens(top, {
        title: ofGateway ? '$(diff) Plan against the live gateway' : gateway ? `$(diff) Plan against ${gateway.name}` : '$(diff) Plan… (select a gateway first)',
        tooltip: `Compare this file with the live state of ${where}: a diff view and a summary`,
        command: COMMANDS.planProvisioning,
        arguments: args,
      }),
      new vscode.CodeLens(top, { title: '$(play) Apply…', tooltip: `Plan, confirm, then apply this file on ${where}`, command: COMMANDS.applyProvisioningPlan, arguments: args }),
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
