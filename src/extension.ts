// Composition root: build the host layer once, register the faces (views, the command table, diagnostics) on it. No
// logic lives here. Nothing imported here may load an SDK, the config engine or libphonenumber-js: those are reached
// only through import() on first use and live in bundles of their own (esbuild.mjs; test/unit/activation.test.ts
// checks the built bundle).
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { registerConfigFeatures } from './diagnostics/registerConfigFeatures';
import { registerPlanCodeLens } from './diagnostics/planCodeLens';
import type { ConfigDiagnostics } from './diagnostics/configDiagnostics';
import { AcgError } from './azure/errors';
import { maybeAutoSignIn } from './host/autoSignIn';
import { selectionOf } from './host/gatewaySelection';
import { createHost, type Host } from './host/host';
import { currentCloudName } from './host/settings';
import { runWithProgress } from './host/progress';
import { PROVISIONING_DEFAULT_PAGE_SIZE } from './core/limits';
import { registerEnterpriseViews, type EnterpriseViews } from './views/enterprises/registerEnterpriseViews';
import { registerGatewaysView, type GatewaysView } from './views/gateways/registerGatewaysView';
import { registerStatusBar } from './views/statusBar';
import { registerAccountPanel, type AccountFeature } from './webviews/account/register';
import type { OverviewRevealTarget } from './webviews/gatewayOverview/deps';
import { registerGatewayOverview } from './webviews/gatewayOverview/register';
import { numbersDefaultCountry } from './host/settings';
import { registerNumberEditor } from './webviews/numberEditor/register';
import { registerOnboardingChecks } from './webviews/onboardingChecks/register';
import { registerRequestsPanel } from './webviews/requests/register';
import { registerNumbersGrid } from './webviews/numbers/register';
import { registerPlanSummary } from './webviews/planSummary/register';
import { COMMANDS } from './host/ids';
import { presentErrorForWebview } from './webviews/shared/presentError';

/** What activate() returns: only what the integration tests need to observe and drive. */
export interface AcgExtensionApi {
  readonly host: Host;
  statusBarText(): string;
  readonly gateways: GatewaysView;
  readonly enterprises: EnterpriseViews['enterprises'];
  readonly numbers: EnterpriseViews['numbers'];
  readonly diagnostics: ConfigDiagnostics;
  readonly accountPanel: AccountFeature;
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
  const requests = registerRequestsPanel(context, {
    host,
    log,
    present: presentErrorForWebview,
    refreshEnterprises: (part) => enterprises.refreshPart(part),
    revealInEnterprises: async ({ kind, name }) => {
      const node = kind === 'account' ? await enterprises.findAccount(name) : await enterprises.findRequest(name);
      if (!node) throw new AcgError({ kind: 'notFound', message: `${name} is not in the Enterprises view yet: refresh it.` });
      await enterprises.reveal(node);
    },
    executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args),
  });
  const accountPanel = registerAccountPanel(context, {
    services: () => host.services.get(),
    ui: host.ui,
    log,
    present: presentErrorForWebview,
    accountsChanged: () => enterprises.refreshPart('accounts'),
    onDidChangeSignIn: host.events.onDidChangeSignIn,
    onDidChangeNumbers: (listener) => host.numberChanges.onDidChange(listener),
    executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args),
  });
  const numbersGrid = registerNumbersGrid(context, {
    services: () => host.services.get(),
    log,
    present: presentErrorForWebview,
    pageSize: () => PROVISIONING_DEFAULT_PAGE_SIZE,
    confirm: async (message, detail, confirmLabel) => (await host.ui.showWarningMessage(message, { modal: true, detail }, confirmLabel)) === confirmLabel,
    withProgress: (title, work) => runWithProgress(host.ui, title, ({ signal, report }) => work({ signal, report })),
    pickExportPath: async (suggestedName, format) =>
      (await host.ui.showSaveDialog({ title: 'Export Numbers', defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()), suggestedName), filters: format === 'csv' ? { 'Number Management Portal CSV': ['csv'] } : { JSON: ['json'] } }))?.fsPath,
    onDidChangeNumbers: host.numberChanges.onDidChange,
    fireNumbersChange: (change) => host.numberChanges.fire(change),
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
  const planSummary = registerPlanSummary(
    context,
    { log, present: presentErrorForWebview, executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args) },
    { plan: COMMANDS.planProvisioning, apply: COMMANDS.applyProvisioningPlan, resume: COMMANDS.resumeProvisioningApply },
  );
  registerPlanCodeLens(context, host);
  registerCommands(context, {
    host, gateways, enterprises, numbers, configProblems: diagnostics, globalStorageUri: context.globalStorageUri,
    panels: { openGatewayOverview: overview.open, openOnboardingChecks: onboardingChecks.open, openRequests: requests.open, openAccount: accountPanel.open, openNumbers: numbersGrid.open, openNumberEditor: numberEditor.open, openPlanSummary: planSummary.open },
  });

  maybeAutoSignIn(host.signIn, log);
  return { host, statusBarText: () => statusBar.text(), gateways, enterprises, numbers, diagnostics, accountPanel };
}

export function deactivate(): void {
  // Nothing to release beyond context.subscriptions.
}
