// "Communications Gateway: Select Subscriptions…": which subscriptions the views show. Saved per cloud and tenant in
// globalState; selecting all clears the filter, so new subscriptions then appear on their own.
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';

interface SubscriptionItem extends vscode.QuickPickItem {
  subscriptionId: string;
}

/** Automation may pass the subscription ids to keep (an empty array or undefined-equivalent is refused). */
export async function selectSubscriptions(session: AuthSession, argument?: unknown): Promise<string[] | undefined> {
  if (!session.signedIn) {
    const choice = await vscode.window.showInformationMessage('Sign in first, then choose subscriptions.', 'Sign In…');
    if (choice) await vscode.commands.executeCommand('acg.signIn');
    return undefined;
  }
  const subscriptions = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Listing subscriptions…', cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const listener = token.onCancellationRequested(() => abort.abort());
      try {
        return await (await session.services()).arm.listSubscriptions({ abortSignal: abort.signal });
      } finally {
        listener.dispose();
      }
    },
  );
  if (subscriptions.length === 0) {
    void vscode.window.showWarningMessage(`${session.state?.account ?? 'This account'} has no subscriptions in this tenant. Try Select Tenant….`);
    return undefined;
  }
  const known = new Set(subscriptions.map((s) => s.subscriptionId));
  let chosen: string[];
  if (Array.isArray(argument)) {
    const unknown = argument.filter((id) => typeof id !== 'string' || !known.has(id));
    if (unknown.length > 0 || argument.length === 0) throw new Error(`Select Subscriptions: unknown or missing subscription ids: ${unknown.map(String).join(', ') || '(none given)'}.`);
    chosen = argument as string[];
  } else {
    const filter = session.subscriptionFilter();
    const items: SubscriptionItem[] = subscriptions.map((s) => ({
      label: s.displayName,
      description: s.state === 'Enabled' ? s.subscriptionId : `${s.subscriptionId} · ${s.state}`,
      subscriptionId: s.subscriptionId,
      picked: filter ? filter.includes(s.subscriptionId) : true,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Select Subscriptions', placeHolder: 'Subscriptions to show in the Gateways view', canPickMany: true, matchOnDescription: true });
    if (!picked) return undefined;
    if (picked.length === 0) {
      void vscode.window.showWarningMessage('Select at least one subscription. Nothing was changed.');
      return undefined;
    }
    chosen = picked.map((p) => p.subscriptionId);
  }
  await session.setSubscriptionFilter(chosen.length === subscriptions.length ? undefined : chosen);
  return chosen;
}
