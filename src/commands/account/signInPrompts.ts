// The questions Sign In asks, one per field, only those the chosen method needs. Every input is validated as it is
// typed, so nothing reaches Entra that would only come back as an AADSTS error.
import * as vscode from 'vscode';
import type { CloudEndpoints } from '../../core/clouds';
import { validateClientId, validateTenant } from '../../azure/auth/tenant';
import { AcgError } from '../../azure/errors';
import { sandboxPrincipal } from '../../host/sandbox';
import { validateCertificatePem, type SignInRequest } from '../../host/signInRequest';
import type { Ui } from '../../host/ui';

type MethodId = SignInRequest['method'];

interface MethodItem extends vscode.QuickPickItem {
  method: MethodId;
}

export function methodItems(cloud: CloudEndpoints, uiKind: vscode.UIKind): MethodItem[] {
  const items: MethodItem[] = [];
  if (sandboxPrincipal(cloud)) {
    items.push({ method: 'sandbox', label: '$(beaker) Sandbox service principal (emulator demo tenant)', detail: 'The demo operator principal of the local emulator. No input needed.' });
  }
  // VS Code's provider signs in to real Entra only; in the emulator its tokens would be for hosts we refuse.
  if (cloud.name !== 'Emulator') {
    items.push({
      method: 'vscode',
      label: '$(account) VS Code account',
      detail:
        uiKind === vscode.UIKind.Web
          ? 'VS Code’s built-in Microsoft sign-in. In a browser-hosted VS Code it may not complete: use Device code then.'
          : 'VS Code’s built-in Microsoft sign-in (recommended).',
    });
  }
  items.push(
    { method: 'deviceCode', label: '$(device-mobile) Device code', detail: 'Enter a code at the sign-in page on any device. Works in code-server and remote windows.' },
    { method: 'azureCli', label: '$(terminal) Azure CLI', detail: 'Use the account of `az login` on this machine.' },
    { method: 'servicePrincipalSecret', label: '$(key) Service principal with client secret', detail: 'For the Provisioning API’s app roles. The secret is kept in VS Code’s secret storage.' },
    { method: 'servicePrincipalCertificate', label: '$(file-symlink-file) Service principal with certificate', detail: 'A PEM file with certificate and private key, kept in VS Code’s secret storage.' },
  );
  return items;
}

export async function pickMethod(ui: Ui, cloud: CloudEndpoints): Promise<MethodId | undefined> {
  const picked = await ui.showQuickPick(methodItems(cloud, vscode.env.uiKind), {
    title: `Sign In to ${cloud.displayName}`,
    placeHolder: 'How do you want to sign in?',
    matchOnDetail: true,
  });
  return picked?.method;
}

/** Asks for everything `method` needs; undefined when the person cancels at any step. */
export async function promptForRequest(ui: Ui, method: MethodId, step: { clientId?: string }): Promise<SignInRequest | undefined> {
  switch (method) {
    case 'sandbox':
      return { method };
    case 'vscode':
    case 'azureCli': {
      const tenantId = await askTenant(ui, true);
      return tenantId === undefined ? undefined : { method, tenantId: tenantId || undefined };
    }
    case 'deviceCode': {
      const tenantId = await askTenant(ui, true);
      return tenantId === undefined ? undefined : { method, tenantId: tenantId || undefined, clientId: step.clientId };
    }
    case 'servicePrincipalSecret': {
      const tenantId = await askTenant(ui, false);
      const clientId = tenantId && (await askClientId(ui));
      const clientSecret = clientId && (await askSecret(ui));
      return tenantId && clientId && clientSecret ? { method, tenantId, clientId, clientSecret } : undefined;
    }
    case 'servicePrincipalCertificate': {
      const tenantId = await askTenant(ui, false);
      const clientId = tenantId && (await askClientId(ui));
      const certificatePem = clientId && (await pickCertificate(ui));
      return tenantId && clientId && certificatePem ? { method, tenantId, clientId, certificatePem } : undefined;
    }
  }
}

/** `''` means "no tenant: use the account's home tenant" (only when `optional`); undefined means cancelled. */
export function askTenant(ui: Ui, optional: boolean): Thenable<string | undefined> {
  return ui.showInputBox({
    title: 'Tenant',
    prompt: optional ? 'Tenant ID or domain. Leave empty for the account’s home tenant.' : 'Tenant ID or domain of the service principal’s directory.',
    placeHolder: 'contoso.onmicrosoft.com or 00000000-0000-0000-0000-000000000000',
    ignoreFocusOut: true,
    validateInput: (value) => (optional && value.trim() === '' ? undefined : validateTenant(value)),
  }).then((value) => value?.trim());
}

function askClientId(ui: Ui): Thenable<string | undefined> {
  return ui.showInputBox({
    title: 'Application (client) ID',
    prompt: 'The service principal’s application (client) ID.',
    ignoreFocusOut: true,
    validateInput: validateClientId,
  }).then((value) => value?.trim());
}

function askSecret(ui: Ui): Thenable<string | undefined> {
  return ui.showInputBox({
    title: 'Client secret',
    prompt: 'Kept only in VS Code’s secret storage; never in settings or logs.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Enter the client secret value (not its ID).' : undefined),
  });
}

async function pickCertificate(ui: Ui): Promise<string | undefined> {
  const [uri] =
    (await ui.showOpenDialog({
      title: 'Certificate (PEM with private key)',
      openLabel: 'Use Certificate',
      canSelectMany: false,
      filters: { 'PEM certificate': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] },
    })) ?? [];
  if (!uri) return undefined;
  const pem = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const problem = validateCertificatePem(pem);
  if (problem) throw new AcgError({ kind: 'badRequest', message: `${uri.fsPath}: ${problem}` });
  return pem;
}
