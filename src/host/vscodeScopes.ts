// The scopes VS Code's Microsoft provider expects (pattern: microsoft/vscode-azuretools `auth/`): resource scopes in
// `.default` form plus its markers — `VSCODE_CLIENT_ID:` picks the app the token is for, `VSCODE_TENANT:` the
// directory. No 'vscode' import, so plain mocha tests check it.

export function vscodeScopes(scopes: string | readonly string[], options: { tenantId?: string; clientId?: string }): string[] {
  const list = typeof scopes === 'string' ? [scopes] : [...scopes];
  // A bare resource URL means "everything this app may do there", which is what `.default` says to Entra.
  const set = new Set(list.map((s) => (/^https?:\/\//.test(s) && !s.endsWith('/.default') ? `${s.replace(/\/+$/, '')}/.default` : s)));
  if (options.clientId) set.add(`VSCODE_CLIENT_ID:${options.clientId}`);
  if (options.tenantId) set.add(`VSCODE_TENANT:${options.tenantId}`);
  return [...set];
}
