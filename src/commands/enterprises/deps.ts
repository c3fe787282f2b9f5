// What the Enterprises and Numbers commands share: the session and selected gateway, the two views, the read-only
// details documents, and the injectable prompts.
import type * as vscode from 'vscode';
import type { AuthSession } from '../../auth/session';
import type { DetailsDocuments } from '../../views/numbers/detailsDocument';
import type { NumbersView } from '../../views/numbers/numbersView';
import type { EnterprisesView } from '../../views/enterprises/enterprisesView';
import type { GatewaySelection } from '../../views/tree';
import type { Prompts } from './prompts';

export interface EnterpriseCommandDeps {
  readonly session: AuthSession;
  readonly selection: GatewaySelection;
  readonly prompts: Prompts;
  readonly enterprises: EnterprisesView;
  readonly numbers: NumbersView;
  readonly documents: DetailsDocuments;
  readonly log: vscode.LogOutputChannel;
}
