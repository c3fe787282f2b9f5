// "Communications Gateway: Select Tenant…": lists the account's tenants where ARM offers the list, otherwise asks for
// a tenant id or domain. The sign-in moves there with the same method, and is checked with a token before it sticks.
import * as vscode from 'vscode';
import type { TenantInfo } from '../../azure/auth/tenants';
import { validateTenant } from '../../azure/auth/tenant';
import { AcgError } from '../../azure/errors';
import { COMMANDS } from '../../host/ids';
import type { SessionState } from '../../host/signIn';
import type { CommandContext } from '../context';

interface TenantItem extends vscode.QuickPickItem {
  tenant?: TenantInfo;
}

export async function selectTenant(ctx: CommandContext, argument?: unknown): Promise<SessionState | undefined> {
  const { signIn, ui } = ctx.host;
  const state = signIn.state;
  if (!state) {
    const choice = await ui.showInformationMessage('Sign in first, then choose a tenant.', 'Sign In…');
    if (choice) await vscode.commands.executeCommand(COMMANDS.signIn);
    return undefined;
  }
  let tenant: string | undefined;
  let label: string | undefined;
  if (typeof argument === 'string') {
    const problem = validateTenant(argument);
    if (problem) throw new AcgError({ kind: 'badRequest', message: problem });
    tenant = argument.trim();
  } else {
    const picked = await pickTenant(ctx, state);
    if (!picked) return undefined;
    ({ tenant, label } = picked);
  }
  const chosen = tenant;
  return ui.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Switching to tenant ${label ?? chosen}…`, cancellable: true },
    (_progress, token) => signIn.selectTenant(chosen, label, { token }),
  );
}

async function pickTenant(ctx: CommandContext, state: SessionState): Promise<{ tenant: string; label?: string } | undefined> {
  const { services, ui } = ctx.host;
  const tenants = await ui.withProgress({ location: vscode.ProgressLocation.Window, title: 'Listing tenants…' }, async () => (await services.get()).listTenants());
  if (tenants && tenants.length > 0) {
    const items: TenantItem[] = tenants.map((t) => ({
      label: t.displayName ?? t.defaultDomain ?? t.tenantId,
      description: t.tenantId === state.tenantId ? `${t.defaultDomain ?? ''} (current)`.trim() : t.defaultDomain,
      detail: t.tenantId,
      tenant: t,
    }));
    items.push({ label: '$(edit) Enter a tenant ID or domain…' });
    const picked = await ui.showQuickPick(items, { title: 'Select Tenant', placeHolder: 'Which directory do your gateways live in?', matchOnDetail: true });
    if (!picked) return undefined;
    if (picked.tenant) return { tenant: picked.tenant.tenantId, label: picked.tenant.defaultDomain ?? picked.tenant.displayName };
  }
  const { askTenant } = await import('./signInPrompts');
  const typed = await askTenant(ui, false);
  return typed ? { tenant: typed } : undefined;
}
