// Issue 13 §4 in a real VS Code: a workspace's .vscode/settings.json cannot redirect the cloud, the emulator URL, the
// client id or the token scope, nor turn on automatic sign-in; and a client secret given at sign-in lives in
// SecretStorage only: not in settings, not in globalState, not in the log (failed sign-ins included).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_TENANT_ID, READER_CLIENT_ID, READER_CLIENT_SECRET } from '../../emulator/seed/ids';
import type { AcgExtensionApi } from '../../src/extension';
import { configuredClientId, currentCloud, emulatorUrl, provisioningScope, sandboxAutoSignIn } from '../../src/host/settings';
import { SignInSession } from '../../src/host/signIn';
import { activateInEmulator, EMULATOR_URL_ENV, leaveEmulator, until } from './helpers';
import { MemoryMemento, MemorySecrets } from './memoryStores';

const SENTINEL_SECRET = 'SENTINEL~wrong~secret~8Hq2';

/** A real log channel that also keeps every line it was given, so the test can search it. */
function recordingLog(channel: vscode.LogOutputChannel, lines: string[]): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace'].includes(String(key))) lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${String(a.stack)}` : String(a))).join(' '));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('security: workspace settings and secrets (issue 13 §4)', function () {
  this.timeout(60_000);
  let api: AcgExtensionApi;
  let url: string;

  before(async () => {
    api = await activateInEmulator();
    url = process.env[EMULATOR_URL_ENV] ?? '';
  });
  after(async () => {
    await leaveEmulator(api);
  });

  it('a workspace .vscode/settings.json cannot move the cloud or the emulator URL, change the app or scope, or turn on sign-in', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    // The runner always opens a folder; without one there is no workspace settings file to write.
    if (!folder) this.skip();
    const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const hostile = {
      'acg.cloud': 'AzureCloud',
      'acg.emulator.url': 'https://127.0.0.1:1',
      'acg.auth.clientId': '11111111-2222-3333-4444-555555555555',
      'acg.provisioningApi.scope': 'api://evil.example.com/.default',
      'acg.sandbox.autoSignIn': true,
      // A window-scoped setting, as the proof that VS Code did read the file.
      'acg.numbers.pageSize': 7,
    };
    const cloudBefore = currentCloud();
    const scopeBefore = provisioningScope();
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(hostile, null, 2)));
    try {
      await until('VS Code read the workspace settings', () => vscode.workspace.getConfiguration('acg').get('numbers.pageSize') === 7);
      assert.equal(currentCloud().name, 'Emulator');
      assert.equal(emulatorUrl(), url, 'the user’s emulator URL, not the workspace’s');
      assert.deepEqual(currentCloud(), cloudBefore);
      assert.equal(configuredClientId(), undefined);
      assert.equal(provisioningScope(), scopeBefore);
      assert.equal(sandboxAutoSignIn(), false);
      assert.equal(api.host.signIn.cloud.resourceManager, url, 'the signed-in host still targets the user’s emulator');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await until('the workspace settings are gone', () => vscode.workspace.getConfiguration('acg').get('numbers.pageSize') !== 7);
  });

  it('a client secret lives in SecretStorage only: not in settings, globalState or the log, even from a failed sign-in', async () => {
    const channel = vscode.window.createOutputChannel('ACG security test', { log: true });
    const lines: string[] = [];
    const stores = { globalState: new MemoryMemento(), secrets: new MemorySecrets() };
    const session = new SignInSession(stores, recordingLog(channel, lines), { showDeviceCode: () => assert.fail('no device code expected') });
    try {
      await assert.rejects(session.signIn({ method: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: READER_CLIENT_ID, clientSecret: SENTINEL_SECRET }));
      assert.equal(stores.secrets.values.size, 0, 'a rejected secret is not kept');
      await session.signIn({ method: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: READER_CLIENT_ID, clientSecret: READER_CLIENT_SECRET });
      assert.deepEqual([...stores.secrets.values.values()], [READER_CLIENT_SECRET], 'the secret is in SecretStorage');
      assert.ok(lines.length > 0, 'the sign-ins were logged');
      const elsewhere = {
        globalState: JSON.stringify([...stores.globalState.values]),
        settings: JSON.stringify(vscode.workspace.getConfiguration()),
        acgSettings: JSON.stringify(Object.fromEntries(['cloud', 'emulator.url', 'auth.clientId', 'provisioningApi.scope'].map((key) => [key, vscode.workspace.getConfiguration('acg').inspect(key)]))),
        log: lines.join('\n'),
        state: JSON.stringify(session.state),
      };
      for (const [where, text] of Object.entries(elsewhere)) {
        for (const secret of [SENTINEL_SECRET, READER_CLIENT_SECRET]) assert.ok(!text.includes(secret), `the client secret is in ${where}`);
      }
    } finally {
      await session.signOut();
      session.dispose();
      channel.dispose();
    }
    assert.equal(stores.secrets.values.size, 0, 'sign-out removes it');
  });
});
