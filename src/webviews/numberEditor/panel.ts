// The Number editor's host side in VS Code: one editor panel per account and mode (and per set of numbers, to edit),
// its HTML shell, its RPC and its life. Loaded through import() on the first open (or restore), so nothing of it is on
// the activation path; the status follow-up is made here for the same reason.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { sleep } from '../../azure/http/abort';
import { readNumbers } from '../../azure/numbers/numberReads';
import { NumberStatusFollower } from '../../host/numberStatusFollower';
import type { NumbersChange } from '../../host/numberChanges';
import type { Ui } from '../../host/ui';
import { panelHtml, webviewOptions } from '../shared/resources';
import { connectWebviewRpc } from '../shared/webviewRpc';
import type { NumberEditorDeps } from './deps';
import { NumberEditorHandlers, type Notify, type NumberEditorTarget } from './handlers';
import { NUMBER_EDITOR_VIEW_TYPE } from './ids';
import { numberEditorProtocol, NumberEditorStateSchema } from './protocol';

// Kept while hidden: a write in progress streams its progress and the statuses to this page, and a hidden page that
// lost its document would abort the write's request (which stops the run between batches) and lose the result.
const RETAINS_CONTEXT = true;

/** What the composition root passes: the deps without the prompts and the follow-up, which are made here. */
export type NumberEditorHostDeps = Omit<NumberEditorDeps, 'prompts' | 'follow'> & {
  readonly ui: Ui;
  fire(change: NumbersChange): void;
};

/** What the command returns: the open panel's handlers (integration tests drive them as the page would). */
export interface NumberEditorSession {
  readonly handlers: NumberEditorHandlers['handlers'];
}

function keyOf(target: NumberEditorTarget): string {
  return [target.mode, target.gatewayId.toLowerCase(), target.account, ...target.telephoneNumbers].join('|');
}

export class NumberEditorPanels implements vscode.Disposable {
  private readonly open = new Map<string, { panel: vscode.WebviewPanel; handlers: NumberEditorHandlers }>();
  private readonly deps: NumberEditorDeps;
  private readonly follower: NumberStatusFollower;
  private readonly subscriptions: { dispose(): unknown }[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    hostDeps: NumberEditorHostDeps,
  ) {
    const { ui, fire, ...rest } = hostDeps;
    this.follower = new NumberStatusFollower({
      read: async (target, numbers, signal) => readNumbers(await hostDeps.provisioning(target.gatewayDomain), target.account, numbers.map((n) => n.telephoneNumber), signal),
      fire,
      sleep: (ms, signal) => sleep(ms, signal, 'follow number status'),
      log: (message) => hostDeps.log.warn(message),
    });
    // Another sign-in: the numbers followed belong to the old one.
    this.subscriptions.push(hostDeps.onDidChangeSignIn(() => this.follower.stopAll()));
    this.deps = {
      ...rest,
      follow: (target, written) => this.follower.follow(target, written),
      prompts: {
        confirm: async (message, detail, confirmLabel) => (await ui.showWarningMessage(message, { modal: true, detail }, confirmLabel)) === confirmLabel,
        pickCsv: async () => {
          const [uri] = (await ui.showOpenDialog({ title: 'Import Numbers from CSV', canSelectMany: false, openLabel: 'Check File', filters: { 'Number CSV': ['csv'] } })) ?? [];
          if (!uri) return undefined;
          const bytes = await vscode.workspace.fs.readFile(uri);
          return { name: uri.path.split('/').pop() ?? uri.path, text: new TextDecoder().decode(bytes) };
        },
      },
    };
  }

  show(target: NumberEditorTarget): NumberEditorSession {
    const existing = this.open.get(keyOf(target));
    if (existing) {
      existing.panel.reveal();
      return { handlers: existing.handlers.handlers };
    }
    const panel = vscode.window.createWebviewPanel(NUMBER_EDITOR_VIEW_TYPE, titleOf(target), vscode.ViewColumn.Active, {
      ...webviewOptions(this.extensionUri),
      enableFindWidget: true,
      retainContextWhenHidden: RETAINS_CONTEXT,
    });
    return { handlers: this.adopt(panel, target).handlers };
  }

  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = v.safeParse(NumberEditorStateSchema, state);
    if (!parsed.success || this.open.has(keyOf(parsed.output))) {
      if (!parsed.success) this.deps.log.warn(`Number editor: not restored, its saved state is not usable (${parsed.issues[0]?.message ?? 'no state'}).`);
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    this.adopt(panel, parsed.output);
  }

  dispose(): void {
    this.follower.dispose();
    for (const s of this.subscriptions) s.dispose();
    for (const { panel } of [...this.open.values()]) panel.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, target: NumberEditorTarget): NumberEditorHandlers {
    const key = keyOf(target);
    panel.title = titleOf(target);
    panel.iconPath = { light: vscode.Uri.joinPath(this.extensionUri, 'media', 'gateway-light.svg'), dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'gateway-dark.svg') };
    let notify: Notify = () => undefined;
    const handlers = new NumberEditorHandlers(this.deps, target, (method, data) => notify(method, data));
    this.open.set(key, { panel, handlers });
    const rpc = connectWebviewRpc(panel, { protocol: numberEditorProtocol, handlers: handlers.handlers, log: this.deps.log, present: handlers.actions.present, retainsContext: RETAINS_CONTEXT });
    notify = (method, data) => rpc.notify(method, data);
    const signIn = this.deps.onDidChangeSignIn(() => rpc.notify('refresh', { reason: 'signIn' }));
    panel.onDidDispose(() => {
      signIn.dispose();
      handlers.dispose();
      if (this.open.get(key)?.panel === panel) this.open.delete(key);
    });
    panel.webview.html = panelHtml(panel.webview, this.extensionUri, 'numberEditor', titleOf(target));
    return handlers;
  }
}

function titleOf(target: NumberEditorTarget): string {
  const what = target.mode === 'create' ? 'Create Numbers' : target.mode === 'importCsv' ? 'Import CSV' : target.telephoneNumbers.length === 1 ? `Edit ${target.telephoneNumbers[0]}` : `Edit ${target.telephoneNumbers.length} Numbers`;
  return `${target.account} · ${what}`;
}
