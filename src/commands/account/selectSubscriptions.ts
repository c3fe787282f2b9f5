// "Communications Gateway: Select Subscriptions…": which subscriptions the views show. Saved per cloud and tenant;
// selecting all clears the filter, so new subscriptions then appear on their own.
import * as vscode from 'vscode';
import { AcgError } from '../../azure/errors';
import { COMMANDS } from '../../host/ids';
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';

interface SubscriptionItem extends vscode.QuickPickItem {
  subscriptionId: string;
}

/** Automation may pass the subscription ids to keep (an empty array is refused). */
export async function selectSubscriptions(ctx: CommandContext, argument?: unknown): Promise<string[] | undefined> {
  const { signIn, services, subscriptions: filter, ui } = ctx.host;
  if (!signIn.signedIn) {
    const choice = await ui.showInformationMessage('Sign in first, then choose subscriptions.', 'Sign In…');
    if (choice) await vscode.commands.executeCommand(COMMANDS.signIn);
    return undefined;
  }
  const subscriptions = await runWithProgress(ui, 'Listing subscriptions…', async ({ signal }) => (await services.get()).arm.listSubscriptions({ abortSignal: signal }));
  if (subscriptions.length === 0) {
    void ui.showWarningMessage(`${signIn.state?.account ?? 'This account'} has no subscriptions in this tenant. Try Select Tenant….`, {});
    return undefined;
  }
  const known = new Set(subscriptions.map((s) => s.subscriptionId));
  let chosen: string[];
  if (Array.isArray(argument)) {
    const unknown = argument.filter((id) => typeof id !== 'string' || !known.has(id));
    if (unknown.length > 0 || argument.length === 0) {
      throw new AcgError({ kind: 'badRequest', message: `Select Subscriptions: unknown or missing subscription ids: ${unknown.map(String).join(', ') || '(none given)'}.` });
    }
    chosen = argument as string[];
  } else {
    const current = filter.current();
    const items: SubscriptionItem[] = subscriptions.map((s) => ({
      label: s.displayName,
      description: s.state === 'Enabled' ? s.subscriptionId : `${s.subscriptionId} · ${s.state}`,
      subscriptionId: s.subscriptionId,
      picked: current ? current.includes(s.subscriptionId) : true,
    }));
    const picked = await ui.showQuickPickMany(items, { title: 'Select Subscriptions', placeHolder: 'Subscriptions to show in the Gateways view', matchOnDescription: true });
    if (!picked) return undefined;
    if (picked.length === 0) {
      void ui.showWarningMessage('Select at least one subscription. Nothing was changed.', {});
      return undefined;
    }
    chosen = picked.map((p) => p.subscriptionId);
  }
  await filter.set(chosen.length === subscriptions.length ? undefined : chosen);
  return chosen;
}
