// The host layer in one object: what every face (views, commands, diagnostics, webviews) is given, built once in
// extension.ts. Each part is small and has its own interface, so a face takes only what it needs and tests can pass
// their own. Nothing here loads an SDK: clients are built on first use (services.ts).
import * as vscode from 'vscode';
import { HostAuditLog, type AuditLog } from './auditLog';
import { showDeviceCode } from './deviceCodePrompt';
import { VirtualJsonDocuments, type ReadOnlyDocuments } from './documents';
import { SelectedEnterprises, type Enterprises } from './enterpriseData';
import { StoredGatewaySelection, type GatewaySelection, type SelectedGateway } from './gatewaySelection';
import { OnboardingChecks } from './onboarding';
import { OnboardingState } from './onboardingState';
import { workspaceGatewayFiles } from './onboardingWorkspace';
import { NumberChanges } from './numberChanges';
import { RESTRICTED_MODE_WRITES } from './restrictedMode';
import { LazyServices, type Services } from './services';
import { SignInSession, type SignIn, type SignInChange } from './signIn';
import { StoredSubscriptionFilter, type SubscriptionFilter } from './subscriptionFilter';
import { TestLineStore } from './testLines';
import { ScriptableUi } from './ui';

/** The changes after which what the trees, panels and live checks show may be stale. */
export interface HostEvents {
  /** Sign-in, sign-out, tenant, cloud and token-scope changes. */
  readonly onDidChangeSignIn: vscode.Event<SignInChange>;
  readonly onDidChangeSubscriptionFilter: vscode.Event<readonly string[] | undefined>;
  readonly onDidChangeGatewaySelection: vscode.Event<SelectedGateway | undefined>;
  /** Any of the three: for a face that only needs to know "read again". */
  readonly onDidChangeScope: vscode.Event<void>;
}

export interface Host {
  readonly log: vscode.LogOutputChannel;
  readonly signIn: SignIn;
  readonly services: Services;
  readonly subscriptions: SubscriptionFilter;
  readonly selection: GatewaySelection;
  /** The selected gateway's requests for information and accounts, shared by the views, commands and panels. */
  readonly enterprises: Enterprises;
  /** Test lines per gateway with their coverage, shared likewise. */
  readonly testLines: TestLineStore;
  /** VS Code's window, or answers a test scripted (`ScriptableUi.script`). */
  readonly ui: ScriptableUi;
  readonly documents: ReadOnlyDocuments;
  /** Onboarding checks: runs, fixes, manual marks and the last results per gateway (badge, walkthrough, panel). */
  readonly onboarding: OnboardingChecks;
  /** Every write the extension makes, as JSON lines in global storage; `open()` shows it read-only. */
  readonly auditLog: AuditLog;
  /** Numbers written, settled or deleted: the Numbers panel, the number editor and the Numbers tree follow it. */
  readonly numberChanges: NumberChanges;
  readonly events: HostEvents;
}

export function createHost(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Host {
  const ui = new ScriptableUi();
  const signIn = new SignInSession(context, log, { showDeviceCode: (prompt) => showDeviceCode(prompt, log, ui) });
  const auditLog = new HostAuditLog(context.globalStorageUri, () => signIn.state?.account || undefined, log, ui);
  const services = new LazyServices(signIn, log, auditLog.sink, () => (vscode.workspace.isTrusted ? undefined : RESTRICTED_MODE_WRITES));
  const subscriptions = new StoredSubscriptionFilter(context.globalState, signIn);
  const selection = new StoredGatewaySelection(context.globalState, signIn, services);
  const enterprises = new SelectedEnterprises(signIn, selection);
  const testLines = new TestLineStore(services);
  const documents = new VirtualJsonDocuments(services, ui);
  const onboarding = new OnboardingChecks({
    state: new OnboardingState(context.workspaceState, context.globalState, (key, value) => vscode.commands.executeCommand('setContext', key, value), (message) => log.warn(message)),
    services: () => services.get(),
    // The checks, the reads and the fix executor: a lazy bundle of their own (esbuild.mjs), loaded with the first run.
    loadEngine: () => import('./onboardingEngine'),
    who: () => signIn.state?.account || undefined,
    workspaceGatewayFiles,
    log,
  });
  const numberChanges = new NumberChanges();
  const scopeChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    auditLog,
    numberChanges,
    signIn,
    services,
    subscriptions,
    selection,
    enterprises,
    documents,
    scopeChanged,
    signIn.onDidChange(() => scopeChanged.fire()),
    subscriptions.onDidChange(() => scopeChanged.fire()),
    selection.onDidChange(() => scopeChanged.fire()),
  );
  const events: HostEvents = {
    onDidChangeSignIn: signIn.onDidChange,
    onDidChangeSubscriptionFilter: subscriptions.onDidChange,
    onDidChangeGatewaySelection: selection.onDidChange,
    onDidChangeScope: scopeChanged.event,
  };
  const host: Host = { log, signIn, services, subscriptions, selection, enterprises, testLines, ui, documents, onboarding, auditLog, numberChanges, events };
  return host;
}
