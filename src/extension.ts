// Composition root: build the host layer once, register the faces (views, the command table, diagnostics) on it. No
// logic lives here. Nothing imported here may load an SDK, the config engine or libphonenumber-js: those are reached
// only through import() on first use and live in bundles of their own (esbuild.mjs; test/unit/activation.test.ts
// checks the built bundle).
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { registerConfigFeatures } from './diagnostics/registerConfigFeatures';
import type { ConfigDiagnostics } from './diagnostics/configDiagnostics';
import { AcgError } from './azure/errors';
import { maybeAutoSignIn } from './host/autoSignIn';
import { selectionOf } from './host/gatewaySelection';
import { createHost, type Host } from './host/host';
import { currentCloudName } from './host/settings';
import { registerEnterpriseViews, type EnterpriseViews } from './views/enterprises/registerEnterpriseViews';
import { registerGatewaysView, type GatewaysView } from './views/gateways/registerGatewaysView';
import { registerStatusBar } from './views/statusBar';
import type { OverviewRevealTarget } from './webviews/gatewayOverview/deps';
import { registerGatewayOverview } from './webviews/gatewayOverview/register';
import { numbersDefaultCountry } from './host/settings';
import { registerNumberEditor } from './webviews/numberEditor/register';
import { registerOnboardingChecks } from './webviews/onboardingChecks/register';
import { presentErrorForWebview } from './webviews/shared/presentError';

/** What activate() returns: only what the integration tests need to observe and drive. */
export interface AcgExtensionApi {
  readonly host: Host;
  statusBarText(): string;
  readonly gateways: GatewaysView;
  readonly enterprises: EnterpriseViews['enterprises'];
  readonly numbers: EnterpriseViews['numbers'];
  readonly diagnostics: ConfigDiagnostics;
}

export function activate(context: vscode.ExtensionContext): AcgExtensionApi {
  const log = vscode.window.createOutputChannel('Communications Gateway', { log: true });
  context.subscriptions.push(log);
  log.info(`Activated (${vscode.env.appName} ${vscode.version}, cloud ${currentCloudName()})`);

  const host = createHost(context, log);
  const statusBar = registerStatusBar(context, host);
  const gateways = registerGatewaysView(context, host);
  const { enterprises, numbers } = registerEnterpriseViews(context, host);
  const diagnostics = registerConfigFeatures(context, host);
  // A panel's links go to the trees: its Test lines node, or the Enterprises view of its gateway.
  const reveal = async ({ kind, gateway }: OverviewRevealTarget): Promise<void> => {
    const selection = selectionOf(gateway, host.signIn);
    if (!selection) throw new AcgError({ kind: 'notFound', message: `${gateway.name ?? 'The gateway'} has no resource id.` });
    if (kind === 'testLines') return gateways.revealTestLines(selection);
    await host.selection.select(selection);
    await enterprises.revealPart(kind);
  };
  const onboardingChecks = registerOnboardingChecks(context, {
    onboarding: host.onboarding,
    ui: host.ui,
    resolvePrincipal: async (userPrincipalName, signal) => {
      const [answer] = await (await host.services.get()).graph.batch([{ id: '1', method: 'GET', url: `/users/${encodeURIComponent(userPrincipalName)}?$select=id` }], { abortSignal: signal });
      const id = answer?.status === 200 && typeof answer.body === 'object' && answer.body !== null ? (answer.body as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') throw new AcgError({ kind: 'notFound', message: `No user ${userPrincipalName} in this directory (Microsoft Graph answered ${answer?.status ?? 'nothing'}).` });
      return id;
    },
    log,
    present: presentErrorForWebview,
    executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args),
  });
  const overview = registerGatewayOverview(context, {
    services: () => host.services.get(),
    log,
    present: presentErrorForWebview,
    reveal,
    copy: (text) => host.ui.writeClipboard(text),
    runOnboardingChecks: async (gateway) => {
      await onboardingChecks.open(gateway);
      // The panel shows the results as they come, and the run's failure if it fails.
      host.onboarding.run(gateway).catch((error: unknown) => log.warn(`Onboarding checks of ${gateway.name} failed: ${presentErrorForWebview(error).message}`));
    },
    onDidChangeSignIn: host.events.onDidChangeSignIn,
    executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args),
  });
  const numberEditor = registerNumberEditor(context, {
    provisioning: (gatewayDomain) => host.services.get().then((services) => services.provisioning(gatewayDomain)),
    ui: host.ui,
    fire: (change) => host.numberChanges.fire(change),
    defaultCountry: numbersDefaultCountry,
    onDidChangeNumbers: host.numberChanges.onDidChange,
    onDidChangeSignIn: host.events.onDidChangeSignIn,
    log,
    present: presentErrorForWebview,
    executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args),
  });
  registerCommands(context, {
    host, gateways, enterprises, numbers, configProblems: diagnostics,
    panels: { openGatewayOverview: overview.open, openOnboardingChecks: onboardingChecks.open, openNumberEditor: numberEditor.open },
  });

  maybeAutoSignIn(host.signIn, log);
  return { host, statusBarText: () => statusBar.text(), gateways, enterprises, numbers, diagnostics };
}

export function deactivate(): void {
  // Nothing to release beyond context.subscriptions.
}
