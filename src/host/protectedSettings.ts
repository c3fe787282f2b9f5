// The settings that decide where tokens go, which app and audience they are for, and whether sign-in starts on its
// own. package.json scopes each of them "application" or "machine", which VS Code keeps out of workspace and folder
// settings; reading them here through `inspect` (user/remote value, else the default) makes that hold even if a scope
// is ever loosened by mistake or a VS Code version merges a workspace value: a cloned repository's .vscode/settings.json
// can never redirect an endpoint or turn on sign-in. No `vscode` import, so a unit test drives it with a fake.

/** Keys under `acg.` (test/unit/host/protectedSettings.test.ts checks them against package.json). */
export const PROTECTED_SETTINGS = ['cloud', 'emulator.url', 'auth.clientId', 'provisioningApi.scope', 'sandbox.autoSignIn'] as const;
export type ProtectedSetting = (typeof PROTECTED_SETTINGS)[number];

/** The part of vscode.WorkspaceConfiguration#inspect this needs. */
export interface SettingInspector {
  inspect(key: string): { defaultValue?: unknown; globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown } | undefined;
}

/** The user's (or the remote machine's) value, else the default; workspace and folder values never count. */
export function protectedSettingValue(config: SettingInspector, key: ProtectedSetting): unknown {
  const inspected = config.inspect(key);
  return inspected?.globalValue !== undefined ? inspected.globalValue : inspected?.defaultValue;
}
