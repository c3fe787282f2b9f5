// Sign-in inside a real VS Code (code-server), against the emulator started by test/integration/setup.ts: the real
// ClientSecretCredential, the real SecretStorage, the real pipeline and ArmClient. Never the interactive VS Code
// provider: in code-server it would hang offline (VSCODE-HOST.md, "Sign-in inside code-server").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import { LazyServices } from '../../src/host/services';
import { SignInSession, type SessionState } from '../../src/host/signIn';
import { methodItems } from '../../src/commands/account/signInPrompts';
import { getCloud } from '../../src/core/clouds';
import {
  DEMO_TENANT_DOMAIN,
  DEMO_TENANT_ID,
  DEMO_USER_UPN,
  OPERATOR_CLIENT_ID,
  OPERATOR_CLIENT_SECRET,
  READER_CLIENT_ID,
  READER_CLIENT_SECRET,
  SUBSCRIPTION_LAB,
  SUBSCRIPTION_PRODUCTION,
} from '../../emulator/seed/ids';
import { EMULATOR_URL_ENV, EXTENSION_ID, nextEvent, scriptedUi, until, type UiRecord } from './helpers';
import { MemoryMemento, MemorySecrets } from './memoryStores';

function signIn(argument: unknown): Thenable<SessionState | undefined> {
  return vscode.commands.executeCommand<SessionState | undefined>('acg.signIn', argument);
}

describe('sign-in against the emulator', function () {
  this.timeout(60_000);
  const url = process.env[EMULATOR_URL_ENV];
  let api: AcgExtensionApi;

  before(async () => {
    assert.ok(url, `${EMULATOR_URL_ENV} is set by the integration setup`);
    const extension = vscode.extensions.getExtension<AcgExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
    api = await extension.activate();
    const config = vscode.workspace.getConfiguration('acg');
    await config.update('emulator.url', url, vscode.ConfigurationTarget.Global);
    await config.update('cloud', 'Emulator', vscode.ConfigurationTarget.Global);
    await until('the session to see the Emulator cloud', () => api.host.signIn.cloud.name === 'Emulator');
  });

  after(async () => {
    await api.host.signIn.signOut();
    const config = vscode.workspace.getConfiguration('acg');
    await config.update('cloud', undefined, vscode.ConfigurationTarget.Global);
    await config.update('emulator.url', undefined, vscode.ConfigurationTarget.Global);
  });

  it('starts signed out: the sandbox never signs in without acg.sandbox.autoSignIn', () => {
    assert.equal(api.host.signIn.signedIn, false);
    assert.match(api.statusBarText(), /^\$\(sign-in\) Sign in to Azure · Emulator$/);
  });

  it('a command that needs a sign-in says so once, offers Sign In…, and that action signs in', async () => {
    const recorded: UiRecord = { quickPicks: [], warnings: [], errors: [], info: [], clipboard: [], progress: [] };
    const sandbox = (items: readonly vscode.QuickPickItem[]) => items.find((item) => /Sandbox service principal/.test(item.label));
    const scripted = api.host.ui.script(scriptedUi({ errors: ['Sign In…'], picks: [sandbox] }, recorded));
    try {
      const signedIn = nextEvent(api.host.events.onDidChangeSignIn, (change) => change.reason === 'signedIn', 'the sign-in from the error’s action');
      assert.equal(await vscode.commands.executeCommand('acg.gateways.copyDomain'), undefined);
      assert.deepEqual(recorded.errors, [{ message: 'Not signed in to Azure. Sign in to continue.', items: ['Sign In…'] }]);
      await signedIn;
      assert.match(recorded.quickPicks[0]?.options.title ?? '', /^Sign In to Emulator/);
    } finally {
      scripted.dispose();
    }
    await api.host.signIn.signOut();
  });

  it('offers the sandbox service principal first in the Emulator cloud, and not VS Code’s provider', () => {
    const methods = methodItems(getCloud('Emulator', url), vscode.env.uiKind).map((item) => item.method);
    assert.equal(methods[0], 'sandbox');
    assert.ok(!methods.includes('vscode'), 'the VS Code provider cannot sign in to the emulator');
    assert.ok(!methodItems(getCloud('AzureCloud'), vscode.env.uiKind).some((item) => item.method === 'sandbox'), 'no sandbox outside the emulator');
  });

  it('signs in through acg.signIn with the sandbox service principal and updates the status bar', async () => {
    const state = await signIn({ method: 'sandbox' });
    assert.ok(state, 'acg.signIn returned the new state (an error would have returned undefined)');
    assert.equal(state.method, 'servicePrincipalSecret');
    assert.equal(state.tenantId, DEMO_TENANT_ID);
    assert.equal(state.clientId, OPERATOR_CLIENT_ID);
    assert.equal(api.statusBarText(), '$(azure) service principal c0ffee00… · 3f2a9c8e… · Emulator');
  });

  it('keeps the secret in SecretStorage only', async () => {
    assert.equal(await api.host.signIn.hasStoredSecret(), true);
    assert.doesNotMatch(JSON.stringify(api.host.signIn.state), new RegExp(OPERATOR_CLIENT_SECRET));
    assert.doesNotMatch(JSON.stringify(vscode.workspace.getConfiguration('acg')), new RegExp(OPERATOR_CLIENT_SECRET));
  });

  it('lists subscriptions through the signed-in session (pipeline + ArmClient)', async () => {
    const subscriptions = await (await api.host.services.get()).arm.listSubscriptions();
    assert.deepEqual(subscriptions.map((s) => s.subscriptionId).sort(), [SUBSCRIPTION_PRODUCTION, SUBSCRIPTION_LAB].sort());
  });

  it('saves a subscription filter with acg.selectSubscriptions, and clears it when all are chosen', async () => {
    assert.deepEqual(await vscode.commands.executeCommand('acg.selectSubscriptions', [SUBSCRIPTION_LAB]), [SUBSCRIPTION_LAB]);
    assert.deepEqual(api.host.subscriptions.current(), [SUBSCRIPTION_LAB]);
    await vscode.commands.executeCommand('acg.selectSubscriptions', [SUBSCRIPTION_LAB, SUBSCRIPTION_PRODUCTION]);
    assert.equal(api.host.subscriptions.current(), undefined);
  });

  it('moves to a tenant given by domain with acg.selectTenant (checked with a token first)', async () => {
    const state = await vscode.commands.executeCommand<SessionState | undefined>('acg.selectTenant', DEMO_TENANT_DOMAIN);
    assert.equal(state?.tenantId, DEMO_TENANT_ID);
    assert.equal(api.statusBarText(), '$(azure) service principal c0ffee00… · contosotelecom · Emulator');
  });

  it('a wrong secret changes nothing: the previous sign-in stays', async () => {
    const before = api.host.signIn.state;
    const result = await signIn({ method: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: READER_CLIENT_ID, clientSecret: 'not-the-secret' });
    assert.equal(result, undefined, 'the command reported the failure instead of returning a state');
    assert.deepEqual(api.host.signIn.state, before);
  });

  it('signs in with explicit service principal fields (argument form)', async () => {
    const state = await signIn({ method: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: READER_CLIENT_ID, clientSecret: READER_CLIENT_SECRET });
    assert.equal(state?.clientId, READER_CLIENT_ID);
    assert.equal(state?.sandbox, undefined);
    assert.equal(await api.host.signIn.hasStoredSecret(), true);
  });

  it('signs a user in with device code: the code is shown, and the emulator approves it at once', async () => {
    const state = await signIn({ method: 'deviceCode', tenantId: DEMO_TENANT_ID });
    assert.equal(state?.method, 'deviceCode');
    assert.equal(state?.account, DEMO_USER_UPN);
    assert.equal(await api.host.signIn.hasStoredSecret(), false, 'device code stores no secret, and the old one is gone');
    assert.match(api.statusBarText(), /^\$\(azure\) ops\.admin@contosotelecom\.onmicrosoft\.com · 3f2a9c8e… · Emulator$/);
  });

  it('restores a service principal sign-in after a reload: state from globalState, secret from SecretStorage', async () => {
    const log = vscode.window.createOutputChannel('ACG auth test', { log: true });
    const stores = { globalState: new MemoryMemento(), secrets: new MemorySecrets() };
    const ui = { showDeviceCode: () => assert.fail('no device code expected') };
    const first = new SignInSession(stores, log, ui);
    try {
      await first.signIn({ method: 'sandbox' });
      assert.deepEqual([...stores.secrets.values.values()], [OPERATOR_CLIENT_SECRET], 'the secret went to SecretStorage');
      assert.doesNotMatch(JSON.stringify(stores.globalState.get('acg.auth.session')), new RegExp(OPERATOR_CLIENT_SECRET));
      const reloaded = new SignInSession(stores, log, ui);
      const services = new LazyServices(reloaded, log);
      assert.equal(reloaded.state?.clientId, OPERATOR_CLIENT_ID);
      const subscriptions = await (await services.get()).arm.listSubscriptions();
      assert.equal(subscriptions.length, 2);
      services.dispose();
      reloaded.dispose();
    } finally {
      await first.signOut();
      first.dispose();
      log.dispose();
    }
    assert.equal(stores.secrets.values.size, 0);
  });

  it('signs out: the status bar says so and the secret is gone from SecretStorage', async () => {
    await vscode.commands.executeCommand('acg.signOut');
    assert.equal(api.host.signIn.signedIn, false);
    assert.match(api.statusBarText(), /Sign in to Azure/);
    assert.equal(await api.host.signIn.hasStoredSecret(), false);
    await assert.rejects(api.host.services.get(), /Not signed in/);
  });

  it('changing the cloud signs out of the old cloud', async () => {
    await signIn({ method: 'sandbox' });
    assert.equal(api.host.signIn.signedIn, true);
    await vscode.workspace.getConfiguration('acg').update('cloud', 'AzureCloud', vscode.ConfigurationTarget.Global);
    await until('the sign-out after the cloud change', () => !api.host.signIn.signedIn);
    assert.equal(await api.host.signIn.hasStoredSecret(), false);
    assert.equal(api.statusBarText(), '$(sign-in) Sign in to Azure');
    await vscode.workspace.getConfiguration('acg').update('cloud', 'Emulator', vscode.ConfigurationTarget.Global);
  });
});
