// The Onboarding Checks panel's host side in VS Code: one editor panel per gateway, its HTML shell, its RPC (with the
// results streaming in as notifications) and its life. Loaded through import() on the first open (or restore), so
// nothing of it is on the activation path.
import * as v from 'valibot';
import * as vscode from 'vscode';
import type { OnboardingTarget } from '../../host/onboarding';
import type { Ui } from '../../host/ui';
import { panelHtml, webviewOptions } from '../shared/resources';
import { connectWebviewRpc } from '../shared/webviewRpc';
import type { OnboardingPanelDeps } from './deps';
import { OnboardingPanelHandlers, type Notify } from './handlers';
import { ONBOARDING_CHECKS_VIEW_TYPE } from './ids';
import { vscodePrompts } from './prompts';
import { onboardingChecksProtocol, OnboardingChecksStateSchema } from './protocol';

// No retainContextWhenHidden: a page shown again asks for the last run (kept by the host, with the results of a run
// still in flight), which costs less than keeping a hidden document alive for every gateway.
const RETAINS_CONTEXT = false;

/** What the composition root passes: the panel's deps, with the host's Ui for its prompts. */
export type OnboardingPanelHostDeps = Omit<OnboardingPanelDeps, 'prompts'> & { readonly ui: Ui };

/** The open Onboarding Checks panels, at most one per gateway. */
export class OnboardingChecksPanels implements vscode.Disposable {
  private readonly open = new Map<string, vscode.WebviewPanel>();
  private readonly deps: OnboardingPanelDeps;

  constructor(
    private readonly extensionUri: vscode.Uri,
    hostDeps: OnboardingPanelHostDeps,
  ) {
    const { ui, ...rest } = hostDeps;
    this.deps = { ...rest, prompts: vscodePrompts(ui) };
  }

  /** Shows the gateway's panel, opening it if needed. */
  show(target: OnboardingTarget): void {
    const existing = this.open.get(target.id.toLowerCase());
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(ONBOARDING_CHECKS_VIEW_TYPE, titleOf(target.name), vscode.ViewColumn.Active, {
      ...webviewOptions(this.extensionUri),
      enableFindWidget: true,
      retainContextWhenHidden: RETAINS_CONTEXT,
    });
    this.adopt(panel, target);
  }

  /** A panel VS Code kept across a reload (WebviewPanelSerializer): checks the state the page saved, then shows it. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = v.safeParse(OnboardingChecksStateSchema, state);
    if (!parsed.success) {
      this.deps.log.warn(`Onboarding Checks: not restored, its saved state is not usable (${parsed.issues[0]?.message ?? 'no state'}).`);
      panel.dispose();
      return;
    }
    const target: OnboardingTarget = { id: parsed.output.gatewayId, name: parsed.output.gatewayName };
    if (this.open.has(target.id.toLowerCase())) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    this.adopt(panel, target);
  }

  dispose(): void {
    for (const panel of [...this.open.values()]) panel.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, target: OnboardingTarget): void {
    const key = target.id.toLowerCase();
    this.open.set(key, panel);
    panel.title = titleOf(target.name);
    panel.iconPath = { light: vscode.Uri.joinPath(this.extensionUri, 'media', 'gateway-light.svg'), dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'gateway-dark.svg') };
    // The handlers subscribe to the run's results at once; the RpcHost holds notifications until the page is ready.
    let notify: Notify = () => undefined;
    const handlers = new OnboardingPanelHandlers(this.deps, target, (method, data) => notify(method, data));
    const rpc = connectWebviewRpc(panel, {
      protocol: onboardingChecksProtocol,
      handlers: handlers.handlers,
      log: this.deps.log,
      present: handlers.actions.present,
      retainsContext: RETAINS_CONTEXT,
    });
    notify = (method, data) => rpc.notify(method, data);
    panel.onDidDispose(() => {
      handlers.dispose();
      if (this.open.get(key) === panel) this.open.delete(key);
    });
    // Set last: the page's script may say ready as soon as it runs.
    panel.webview.html = panelHtml(panel.webview, this.extensionUri, 'onboardingChecks', `${target.name} onboarding checks`);
  }
}

function titleOf(gatewayName: string): string {
  return `${gatewayName} · Onboarding`;
}
