// Plan Changes: a desired file against the live state, for both kinds of desired file. A provisioning plan
// (*.acg-plan.json) is compared with the selected gateway's Provisioning API; a gateway file (*.acg-gateway.json) with
// the ARM resource it names and its test lines (./gatewayPlanFlow.ts), whatever gateway is selected. Either way a file
// with errors is refused (they are in Problems), only what the file names is read (progress, cancel), and the result
// is shown twice: a diff view (live as the file would say it ↔ the file) and the summary panel. The plan is kept per
// file for Apply…, which refuses it once the file's text has changed.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readLiveProvisioningState } from '../../azure/apply';
import { AcgError } from '../../azure/errors';
import { isPlanError, planProvisioning } from '../../core/apply';
import { liveAsPlanDocument } from '../../core/apply/liveDocument';
import { planSummaryView, type AnyPlan, type ApplyOutcomeView } from '../../core/apply/planSummary';
import type { ConfigKind } from '../../core/config';
import type { PlanDocument } from '../../core/config/model';
import { loadConfigEngine } from '../../core/config/load';
import type { SelectedGateway } from '../../host/gatewaySelection';
import { COMMANDS } from '../../host/ids';
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';
import { pickConfigTarget, type ConfigTarget } from './configTarget';
import { planGatewayTarget } from './gatewayPlanFlow';

/** A plan made in this window, for Apply… on the same file. */
export interface PlannedFile {
  readonly uri: vscode.Uri;
  readonly fileName: string;
  readonly plan: AnyPlan;
  /** What the plan is against, as people know it: the selected gateway, or the gateway a gateway file names. */
  readonly targetName: string;
  /** A provisioning plan's selected gateway (a gateway file names its own, so it has none). */
  readonly gateway?: SelectedGateway;
}

/** What a planner hands back: the plan, and the two sides of the diff view as documents in the engine's layout. */
export interface PlannedSides {
  readonly file: PlannedFile;
  readonly live: unknown;
  readonly desired: unknown;
}

const planned = new Map<string, PlannedFile>();

export function plannedFile(uri: vscode.Uri): PlannedFile | undefined {
  return planned.get(uri.toString());
}

/** After an apply the live state has moved: the next Apply plans again rather than resend this plan. */
export function forgetPlan(uri: vscode.Uri): void {
  planned.delete(uri.toString());
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What the panel and automation pass instead of a URI: `{ desiredUri }`. */
function isDesiredArg(value: unknown): value is { desiredUri: string } {
  return typeof value === 'object' && value !== null && typeof (value as { desiredUri?: unknown }).desiredUri === 'string';
}

export function argsWithUris(args: readonly unknown[]): unknown[] {
  return args.map((a) => (isDesiredArg(a) ? vscode.Uri.parse(a.desiredUri, true) : a));
}

/** The kinds of file Plan and Apply take. */
export const PLANNABLE_KINDS: readonly ConfigKind[] = ['plan', 'gateway'];

export async function planDesiredFile(ctx: CommandContext): Promise<PlannedFile | undefined> {
  const { host } = ctx;
  const target = await pickConfigTarget(host.ui, argsWithUris(ctx.args), PLANNABLE_KINDS, 'a provisioning plan or gateway file');
  if (!target) return undefined;
  const fileName = path.posix.basename(target.uri.path);
  const sides = target.kind === 'gateway' ? await planGatewayTarget(ctx, target, fileName) : await planProvisioningTarget(ctx, target, fileName);
  if (!sides) return undefined;
  const { file } = sides;
  planned.set(target.uri.toString(), file);
  const { counts } = file.plan;
  host.log.info(`${ctx.id}: ${target.uri.toString(true)} against ${file.targetName}: ${counts.create} create, ${counts.update} update, ${counts.delete} delete, ${counts.noop} unchanged`);
  await showDiff(ctx, target, sides);
  await showSummary(ctx, file);
  return file;
}

async function planProvisioningTarget(ctx: CommandContext, target: ConfigTarget, fileName: string): Promise<PlannedSides | undefined> {
  const { host } = ctx;
  const document = await validDocument<PlanDocument>(ctx, target, fileName);
  const gateway = host.selection.forCurrentSignIn();
  if (!gateway) {
    const choice = await host.ui.showWarningMessage(`Select a gateway to plan ${fileName} against: the plan compares the file with that gateway's live state.`, {}, 'Select Gateway…');
    if (choice) await vscode.commands.executeCommand(COMMANDS.selectGateway);
    return undefined;
  }
  const client = await host.selection.provisioningClient(gateway);
  const live = await runWithProgress(host.ui, `Planning ${fileName} against ${gateway.name}`, ({ signal, report }) =>
    readLiveProvisioningState(client, document, { prune: document.prune === true, signal, onProgress: (message) => report(message) }),
  );
  try {
    const plan = planProvisioning(document, live, { desiredPath: target.uri.fsPath, desiredSha256: sha256Hex(target.text), gatewayId: gateway.id, now: new Date() });
    return { file: { uri: target.uri, fileName, plan, targetName: gateway.name, gateway }, live: liveAsPlanDocument(document, live), desired: document };
  } catch (error) {
    if (!isPlanError(error)) throw error;
    throw new AcgError({ kind: 'badRequest', message: `${fileName} cannot be planned against ${gateway.name}: ${error.problems.join(' ')}` });
  }
}

/** live ↔ file. Both sides in the engine's layout, so the diff shows values, not formatting: the file itself when it
 * is in that layout already (editable in place), else a read-only copy of it laid out the same way. */
async function showDiff(ctx: CommandContext, target: ConfigTarget, sides: PlannedSides): Promise<void> {
  const { planToText } = await loadConfigEngine();
  const { fileName, targetName } = sides.file;
  const stem = fileName.replace(/\.json$/i, '');
  const liveUri = ctx.host.documents.holdText(['plan', targetName, `${stem}.live`], planToText(sides.live as Record<string, unknown>));
  const formatted = planToText(sides.desired as Record<string, unknown>);
  const desiredUri = formatted === target.text ? target.uri : ctx.host.documents.holdText(['plan', targetName, `${stem}.file`], formatted);
  const title = `${fileName}: ${targetName} (live) ↔ ${desiredUri === target.uri ? 'file' : 'file, laid out as the engine writes it'}`;
  await vscode.commands.executeCommand('vscode.diff', liveUri, desiredUri, title, { preview: true, viewColumn: diffColumn(liveUri, desiredUri) });
}

/** Where the diff goes: where this file's last diff is, so a re-plan replaces it; else beside a webview that has focus
 * (Plan Again in the summary), which it would otherwise cover; else the active group. */
function diffColumn(liveUri: vscode.Uri, desiredUri: vscode.Uri): vscode.ViewColumn | undefined {
  const isThisDiff = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.original.toString() === liveUri.toString() && tab.input.modified.toString() === desiredUri.toString();
  const shown = vscode.window.tabGroups.all.find((group) => group.tabs.some(isThisDiff));
  if (shown) return shown.viewColumn;
  return vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview ? vscode.ViewColumn.Beside : undefined;
}

export function showSummary(ctx: CommandContext, file: PlannedFile, outcome?: ApplyOutcomeView): Promise<void> {
  return ctx.panels.openPlanSummary(planSummaryView(file.plan, { desiredUri: file.uri.toString(), fileName: file.fileName }, outcome));
}

/** The file as a document of its kind, or an error that points at Problems. */
export async function validDocument<D>(ctx: CommandContext, target: ConfigTarget, fileName: string): Promise<D> {
  const { validateConfig } = await loadConfigEngine();
  const errors = validateConfig(target.kind, target.text).filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    await ctx.configProblems.publishFromDisk(target.uri, target.text, target.kind);
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    throw new AcgError({ kind: 'badRequest', message: `${fileName} has ${errors} error${errors === 1 ? '' : 's'}: fix ${errors === 1 ? 'it' : 'them'} first (see the Problems view), then plan again.` });
  }
  return JSON.parse(target.text) as D;
}
