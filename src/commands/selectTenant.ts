// "Communications Gateway: Select Tenant…": lists the account's tenants where ARM offers the list, otherwise asks for
// a tenant id or domain. The sign-in moves there with the same method, and is checked with a token before it sticks.
import * as vscode from 'vscode';
import type { TenantInfo } from '../azure/auth/tenants';
import { validateTenant } from '../azure/auth/tenant';
import type { AuthSession, SessionState } from '../auth/session';
import { askTenant } from './signInPrompts';

interface TenantItem extends vscode.QuickPickItem {
  tenant?: TenantInfo;
}

export async function selectTenant(session: AuthSession, argument?: unknown): Promise<SessionState | undefined> {
  const state = session.state;
  if (!state) {
    const choice = await vscode.window.showInformationMessage('Sign in first, then choose a tenant.', 'Sign In…');
    if (choice) await vscode.commands.executeCommand('acg.signIn');
    return undefined;
  }
  let tenant: string | undefined;
  let label: string | undefined;
  if (typeof argument === 'string') {
    const problem = validateTenant(argument);
    if (problem) throw new Error(problem);
    tenant = argument.trim();
  } else {
    const picked = await pickTenant(session, state);
    if (!picked) return undefined;
    ({ tenant, label } = picked);
  }
  const chosen = tenant;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Switching to tenant ${label ?? chosen}…`, cancellable: true },
    (_progress, token) => session.selectTenant(chosen, label, { token }),
  );
}

async function pickTenant(session: AuthSession, state: SessionState): Promise<{ tenant: string; label?: string } | undefined> {
  const tenants = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Listing tenants…' }, async () => {
    const services = await session.services();
    return services.listTenants();
  });
  if (tenants && tenants.length > 0) {
    const items: TenantItem[] = tenants.map((t) => ({
      label: t.displayName ?? t.defaultDomain ?? t.tenantId,
      description: t.tenantId === state.tenantId ? `${t.defaultDomain ?? ''} (current)`.trim() : t.defaultDomain,
      detail: t.tenantId,
      tenant: t,
    }));
    items.push({ label: '$(edit) Enter a tenant ID or domain…' });
    const picked = await vscode.window.showQuickPick(items, { title: 'Select Tenant', placeHolder: 'Which directory do your gateways live in?', matchOnDetail: true });
    if (!picked) return undefined;
    if (picked.tenant) return { tenant: picked.tenant.tenantId, label: picked.tenant.defaultDomain ?? picked.tenant.displayName };
  }
  const typed = await askTenant(false);
  return typed ? { tenant: typed } : undefined;
}
