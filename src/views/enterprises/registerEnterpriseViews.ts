// The Enterprises and Numbers views, registered in one call from extension.ts. Nothing here reads from Azure: each view
// loads when it is shown, refreshes on the host's events, and reaches clients only through the host's lazy services.
// Their commands live in the command table.
import type * as vscode from 'vscode';
import type { Host } from '../../host/host';
import { NumbersView } from '../numbers/numbersView';
import { EnterprisesView } from './enterprisesView';

export interface EnterpriseViews {
  readonly enterprises: EnterprisesView;
  readonly numbers: NumbersView;
}

export function registerEnterpriseViews(context: vscode.ExtensionContext, host: Host): EnterpriseViews {
  const enterprises = new EnterprisesView(host);
  const numbers = new NumbersView(host);
  context.subscriptions.push(enterprises, numbers);
  return { enterprises, numbers };
}
