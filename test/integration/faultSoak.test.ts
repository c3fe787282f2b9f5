// The fault soak inside a real VS Code (issue 13 §2, §4): with the emulator's soak mix on (seeded), a fixed list of
// UI actions — sign in, expand the three trees, open each panel, run the onboarding checks, plan and apply a small
// plan — and then: nothing crashed (no unhandled rejection from our code, no crash in the log), each failure was shown
// once and with an action (a notification with buttons, or a tree row with its Retry), nothing was lost or applied
// twice (the emulator's write count per number, and planning again finds nothing), and no output — the log, the
// audit log, the messages shown, every message posted to a webview — holds a token, a secret or an Authorization
// value. Waits are for events (a posted message, a tab, a state), with generous bounds for a slow machine.
//
// The seam, and why: the extension's pipeline keeps the Provisioning API's documented 60 s failover pause after a 5xx
// or a failed connection, and the extension has (rightly) no setting to shorten it. With 20% 503 on the Provisioning
// API every fourth request would wait a minute, so in VS Code the Provisioning API gets the mix without its 503s and
// resets (latency and 429 with Retry-After stay); the token endpoint, ARM and Graph get the whole mix. `npm run soak`
// drives the Provisioning API through the same clients with the whole mix and a shorter pause.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FaultCountsByService } from '../../emulator/faults';
import { GATEWAY_LAB, OPERATOR_CLIENT_SECRET, READER_CLIENT_SECRET, demoGatewayDomain } from '../../emulator/seed/ids';
import type { ApplyResult } from '../../src/azure/apply';
import type { SavedProvisioningPlan } from '../../src/core/apply/types';
import type { AcgExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/views/tree';
import { request } from '../support/https';
import { SecretScanner } from '../support/secretScan';
import { workspaceFolder } from './configHelpers';
import { TreeWalker, activateInEmulator, clientOf, endScript, leaveEmulator, run, script, selectionOf, type Recorded } from './enterprises.helpers';
import { EMULATOR_URL_ENV } from './helpers';

const SEED = 13;
const ACCOUNT = `Soak-Host-${SEED}`;
const NUMBERS = Array.from({ length: 5 }, (_, i) => `+4930777${SEED}${String(i).padStart(3, '0')}`);
const PLAN_FILE = 'fault-soak.acg-plan.json';
/** How often a person presses Retry (or runs the command again) before the soak gives up on an action. */
const ATTEMPTS = 4;
/** Rounds of the UI actions (trees, panels, checks) before the plan is applied. */
const ROUNDS = 2;

interface Posted {
  readonly viewType: string;
  readonly message: unknown;
}

describe('Fault soak: UI actions in VS Code under the soak mix', function () {
  this.timeout(600_000);
  let api: AcgExtensionApi;
  let ca: string;
  let url: string;
  const logLines: string[] = [];
  const posted: Posted[] = [];
  const postedEvent = new vscode.EventEmitter<Posted>();
  const unhandled: string[] = [];
  const shown: Recorded[] = [];
  const commandErrors: { command: string; errors: number; withoutAction: number }[] = [];
  const treeErrors: { message: string; retry: boolean }[] = [];
  const restorers: (() => void)[] = [];
  const onUnhandled = (reason: unknown): void => {
    const text = reason instanceof Error ? `${reason.message}\n${reason.stack ?? ''}` : String(reason);
    if (text.includes('acg') || text.includes(vscode.extensions.getExtension('acg-tools.acg-tools')?.extensionPath ?? '\0')) unhandled.push(text);
  };

  const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await request(`${url}/_admin${path}`, { method, ca, ...(body === undefined ? {} : { body }) });
    assert.ok(res.status < 300, `admin ${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };

  /** Runs a command as the UI would, with scripted answers; records what it showed. */
  async function action<T>(command: string, args: unknown[], answers: Parameters<typeof script>[1] = {}): Promise<T | undefined> {
    const recorded = script(api, answers);
    shown.push(recorded);
    const result = await run<T>(command, ...args);
    endScript();
    commandErrors.push({ command, errors: recorded.errors.length, withoutAction: recorded.errors.filter((e) => e.items.length === 0).length });
    return result;
  }

  /** Expands a tree as VS Code would, every level down to `depth`; an error row is pressed Retry once. */
  async function expand(walker: TreeWalker, node: TreeNode | undefined, depth: number): Promise<void> {
    if (depth === 0) return;
    for (const child of await walker.children(node)) {
      const item = await walker.item(child);
      if (item.contextValue === 'acgError') {
        const rows = await walker.children(child);
        const retry = (await Promise.all(rows.map(async (r) => ((await walker.item(r)).contextValue === 'acgRetry' ? r : undefined)))).find((r) => r !== undefined);
        treeErrors.push({ message: String(typeof item.label === 'string' ? item.label : item.label?.label), retry: retry !== undefined });
        if (retry) await run('acg.tree.retry', retry);
        continue;
      }
      if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) await expand(walker, child, depth - 1);
    }
  }

  function nextPost(viewType: string, what: string): Promise<Posted> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error(`no message was posted to ${what} in 120 s`));
      }, 120_000);
      const listener = postedEvent.event((p) => {
        if (p.viewType !== viewType) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(p);
      });
    });
  }

  /** One round of the UI actions: the trees expanded, each panel opened and answered, the checks run; closed after. */
  async function uiRound(): Promise<void> {
    // The trees, expanded as a person would: Gateways down to the test lines, then Enterprises and Numbers.
    const gateways = new TreeWalker(() => api.gateways.provider);
    await expand(gateways, undefined, 4);
    await api.host.selection.select(selectionOf(api, GATEWAY_LAB));
    await expand(new TreeWalker(() => api.enterprises.provider), undefined, 4);
    await expand(new TreeWalker(() => api.numbers.provider), undefined, 2);

    // A gateway row for the commands that start from one (found again after any retries).
    let labRow: TreeNode | undefined;
    for (let i = 0; i < ATTEMPTS && !labRow; i++) {
      const subscription = (await gateways.children()).find((n) => n.id === `sub:${GATEWAY_LAB.subscriptionId}`);
      for (const node of subscription ? await gateways.children(subscription) : []) if ((await gateways.label(node)) === GATEWAY_LAB.name) labRow = node;
      if (!labRow) api.gateways.refresh();
    }
    assert.ok(labRow, `${GATEWAY_LAB.name} is in the Gateways view`);

    // Each panel: opened by its command, and answered (a message posted to its page).
    const gatewayId = selectionOf(api, GATEWAY_LAB).id;
    const panels: [string, string, unknown[]][] = [
      ['acg.gatewayOverview', 'acg.gateways.openOverview', [labRow]],
      ['acg.requestsForInformation', 'acg.enterprises.manageRequests', []],
      ['acg.account', 'acg.enterprises.openAccount', [{ gatewayId, account: 'Fabrikam-Pilot' }]],
      ['acg.numbersGrid', 'acg.numbers.manage', [{ gatewayId, account: 'Fabrikam-Pilot' }]],
      ['acg.numberEditor', 'acg.numbers.create', [{ gatewayId, account: 'Fabrikam-Pilot' }]],
    ];
    for (const [viewType, command, args] of panels) {
      const answered = nextPost(viewType, `the ${viewType} panel`);
      await action(command, args, { picks: [(items) => items[0]] });
      await answered;
    }
    const checksAnswered = nextPost('acg.onboardingChecks', 'the onboarding checks panel');
    await action('acg.gateways.runOnboardingChecks', [labRow]);
    await checksAnswered;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }

  async function signedIn(): Promise<void> {
    for (let i = 0; i < ATTEMPTS && !api.host.signIn.signedIn; i++) await action('acg.signIn', [{ method: 'sandbox' }]);
    assert.ok(api.host.signIn.signedIn, `signed in within ${ATTEMPTS} attempts`);
  }

  before(async () => {
    url = process.env[EMULATOR_URL_ENV] ?? '';
    assert.ok(url, `${EMULATOR_URL_ENV} is set by the integration setup`);
    ca = readFileSync(process.env.NODE_EXTRA_CA_CERTS ?? '', 'utf8');
    api = await activateInEmulator();
    if (api.host.signIn.signedIn) await api.host.signIn.signOut();

    // Everything the extension logs, through the channel every part of it (and every pipeline) writes to.
    const log = api.host.log as unknown as Record<string, (...args: unknown[]) => void>;
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'appendLine', 'append']) {
      const original = log[level];
      log[level] = (...args: unknown[]) => {
        logLines.push(`${level} ${args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : String(a))).join(' ')}`);
        original.apply(api.host.log, args);
      };
      restorers.push(() => (log[level] = original));
    }
    // Every message a panel posts to its page: the test shares the extension's vscode API object.
    const window = vscode.window as { createWebviewPanel: typeof vscode.window.createWebviewPanel };
    const create = window.createWebviewPanel;
    window.createWebviewPanel = (viewType, ...rest) => {
      const panel = create.call(vscode.window, viewType, ...rest);
      const post = panel.webview.postMessage.bind(panel.webview);
      panel.webview.postMessage = (message: unknown) => {
        const entry = { viewType, message };
        posted.push(entry);
        postedEvent.fire(entry);
        return post(message);
      };
      return panel;
    };
    restorers.push(() => (window.createWebviewPanel = create));
    process.on('unhandledRejection', onUnhandled);
    restorers.push(() => process.off('unhandledRejection', onUnhandled));

    await admin('POST', '/faults/preset', { name: 'soak', seed: SEED });
    await admin('PATCH', '/faults', { provisioning: { errorRate: 0, resetRate: 0 } });
    console.log(`fault soak (in VS Code): seed ${SEED}; soak mix on the token endpoint, ARM and Graph; the Provisioning API without 503s and resets`);
  });

  after(async () => {
    await admin('POST', '/faults/preset', { name: 'none', seed: SEED });
    for (const restore of restorers.reverse()) restore();
    endScript();
    if (api.host.signIn.signedIn) await (await clientOf(api, GATEWAY_LAB)).deleteAccount(ACCOUNT, { deleteNumbers: true }).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await leaveEmulator(api);
  });

  it('signs in, expands the trees, opens each panel, runs the checks, plans and applies: no crash, each failure shown once with an action, nothing lost or doubled, no token anywhere', async () => {
    await signedIn();

    for (let round = 1; round <= ROUNDS; round++) await uiRound();

    // A small plan: one new account and five numbers on the lab gateway, planned and applied (resumed while
    // something is left, as the panel offers).
    const file = vscode.Uri.joinPath(workspaceFolder(), PLAN_FILE);
    const desired = {
      gateway: { subscriptionId: GATEWAY_LAB.subscriptionId, resourceGroup: GATEWAY_LAB.resourceGroup, name: GATEWAY_LAB.name },
      accounts: [{ name: ACCOUNT, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } }, numbers: NUMBERS.map((telephoneNumber) => ({ telephoneNumber, serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } } } })) }],
    };
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(desired, null, 2)));
    let planned: { plan: SavedProvisioningPlan } | undefined;
    for (let i = 0; i < ATTEMPTS && !planned; i++) planned = await action('acg.config.plan', [file]);
    assert.ok(planned, `planned within ${ATTEMPTS} attempts`);
    assert.equal(planned.plan.counts.create, NUMBERS.length + 1);
    let result = await action<ApplyResult>('acg.config.apply', [file], { warnings: ['Apply'] });
    for (let i = 0; i < ATTEMPTS && !(result && result.done.length === NUMBERS.length + 1); i++) {
      result = await action<ApplyResult>('acg.config.resume', [], { picks: [(items) => items[0]], warnings: ['Resume'] });
    }
    assert.equal(result?.done.length, NUMBERS.length + 1, `applied within ${ATTEMPTS} resumes: ${JSON.stringify(result)}`);

    // Faults off: what the service now holds.
    const { counts } = (await admin('GET', '/faults/counts')) as { counts: FaultCountsByService };
    await admin('POST', '/faults/preset', { name: 'none', seed: SEED });
    const again = await action<{ plan: SavedProvisioningPlan }>('acg.config.plan', [file]);
    assert.deepEqual([again?.plan.counts.create, again?.plan.counts.update], [0, 0], 'planning again finds nothing lost');
    const domain = demoGatewayDomain(GATEWAY_LAB);
    const { writes } = (await admin('GET', `/provisioning/${domain}/number-writes?prefix=${encodeURIComponent(`+4930777${SEED}`)}`)) as { writes: Record<string, number> };
    assert.deepEqual(Object.keys(writes).sort(), [...NUMBERS].sort(), 'every planned number was written');
    assert.deepEqual(Object.values(writes).filter((n) => n !== 1), [], 'no number was written twice');

    // Nothing crashed; each failure shown once, with an action.
    assert.deepEqual(unhandled, [], 'no unhandled rejection from the extension');
    const crashLines = logLines.filter((l) => /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|is not defined/.test(l));
    assert.deepEqual(crashLines, [], 'no crash in the log');
    assert.deepEqual(commandErrors.filter((c) => c.errors > 1), [], 'a failed command shows one notification');
    assert.deepEqual(commandErrors.filter((c) => c.withoutAction > 0), [], 'every notification offers an action');
    assert.deepEqual(treeErrors.filter((t) => !t.retry || !t.message.trim()), [], 'every tree error row says why and offers Retry');

    // No token, secret or Authorization value in anything the extension showed, logged, recorded or posted.
    const { tokens } = (await admin('GET', '/tokens/issued')) as { tokens: string[] };
    const scanner = new SecretScanner({ tokens, secrets: [OPERATOR_CLIENT_SECRET, READER_CLIENT_SECRET] });
    scanner.scan('the Communications Gateway log', logLines.join('\n'));
    scanner.scan('the audit log', readFileSync(api.host.auditLog.path, 'utf8'));
    for (const recorded of shown) {
      for (const e of recorded.errors) scanner.scan('an error notification', [e.message, ...e.items].join('\n'));
      for (const w of recorded.warnings) scanner.scan('a warning', [w.message, String(w.options.detail ?? ''), ...w.items].join('\n'));
      for (const info of recorded.info) scanner.scan('an information message', info);
    }
    for (const p of posted) scanner.scan(`a message posted to ${p.viewType}`, JSON.stringify(p.message));
    const search = scanner.result();
    const errorsShown = commandErrors.reduce((n, c) => n + c.errors, 0) + treeErrors.length;
    const injected = Object.values(counts).reduce((n, c) => n + c.error + c.throttle + c.reset, 0);
    console.log(
      `fault soak (in VS Code), seed ${SEED}: ${commandErrors.length} commands, ${treeErrors.length} tree error rows (Retry pressed: ${treeErrors.map((t) => t.message).join(' | ')}), ${errorsShown} errors shown; ` +
        `${injected} faults injected (${JSON.stringify(counts)}); ${posted.length} webview messages; ${search.outputs} outputs searched for ${tokens.length} tokens: ${search.hits.length} hits; ` +
        `writes: ${Object.keys(writes).length} numbers written once each`,
    );
    assert.ok(posted.length > 0, 'the panels posted messages (the spy saw them)');
    assert.ok(tokens.length > 0, 'the emulator issued tokens during the soak');
    assert.deepEqual(search.hits, [], 'no token, secret or Authorization value in any output');
  });
});
