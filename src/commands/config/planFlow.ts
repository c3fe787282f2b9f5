// Plan Provisioning Changes: the desired *.acg-plan.json against the selected gateway's live state. Refuses a file with
// errors (they are in Problems), reads only what the file names (progress, cancel), plans with the core planner, and
// shows the result twice: a diff view (live as the file would say it ↔ the file) and the summary panel. The plan is
// kept per file for Apply…, which refuses it once the file's text has changed.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readLiveProvisioningState } from '../../azure/apply';
import { AcgError } from '../../azure/errors';
import { isPlanError, planProvisioning } from '../../core/apply';
import { liveAsPlanDocument } from '../../core/apply/liveDocument';
import { planSummaryView, type ApplyOutcomeView } from '../../core/apply/planSummary';
import type { SavedProvisioningPlan } from '../../core/apply/types';
import type { PlanDocument } from '../../core/config/model';
import { loadConfigEngine } from '../../core/config/load';
import type { SelectedGateway } from '../../host/gatewaySelection';
import { COMMANDS } from '../../host/ids';
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';
import { pickConfigTarget } from './configTarget';

/** A plan made in this window, for Apply… on the same file. */
export interface PlannedFile {
  readonly uri: vscode.Uri;
  readonly fileName: string;
  readonly plan: SavedProvisioningPlan;
  readonly gateway: SelectedGateway;
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

export async function planProvisioningFile(ctx: CommandContext): Promise<PlannedFile | undefined> {
  const { host } = ctx;
  const target = await pickConfigTarget(host.ui, argsWithUris(ctx.args), 'plan', 'a provisioning plan');
  if (!target) return undefined;
  const fileName = path.posix.basename(target.uri.path);
  const document = await validDocument(ctx, target.uri, target.text, fileName);

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
  let plan: SavedProvisioningPlan;
  try {
    plan = planProvisioning(document, live, { desiredPath: target.uri.fsPath, desiredSha256: sha256Hex(target.text), gatewayId: gateway.id, now: new Date() });
  } catch (error) {
    if (!isPlanError(error)) throw error;
    throw new AcgError({ kind: 'badRequest', message: `${fileName} cannot be planned against ${gateway.name}: ${error.problems.join(' ')}` });
  }
  const result: PlannedFile = { uri: target.uri, fileName, plan, gateway };
  planned.set(target.uri.toString(), result);
  host.log.info(`${ctx.id}: ${target.uri.toString(true)} against ${gateway.name}: ${plan.counts.create} create, ${plan.counts.update} update, ${plan.counts.delete} delete, ${plan.counts.noop} unchanged`);

  const { planToText } = await loadConfigEngine();
  const stem = fileName.replace(/\.json$/i, '');
  const liveUri = host.documents.holdText(['plan', gateway.name, `${stem}.live`], planToText(liveAsPlanDocument(document, live)));
  // Both sides in the engine's layout, so the diff shows values, not formatting: the file itself when it is in that
  // layout already (editable in place), else a read-only copy of it laid out the same way.
  const formatted = planToText(document);
  const desiredUri = formatted === target.text ? target.uri : host.documents.holdText(['plan', gateway.name, `${stem}.file`], formatted);
  const title = `${fileName}: ${gateway.name} (live) ↔ ${desiredUri === target.uri ? 'file' : 'file, laid out as the engine writes it'}`;
  await vscode.commands.executeCommand('vscode.diff', liveUri, desiredUri, title, { preview: true });
  await showSummary(ctx, result);
  return result;
}

export function showSummary(ctx: CommandContext, file: PlannedFile, outcome?: ApplyOutcomeView): Promise<void> {
  return ctx.panels.openPlanSummary(planSummaryView(file.plan, { desiredUri: file.uri.toString(), fileName: file.fileName }, outcome));
}

/** The file as a plan document, or an error that points at Problems. */
async function validDocument(ctx: CommandContext, uri: vscode.Uri, text: string, fileName: string): Promise<PlanDocument> {
  const { validateConfig } = await loadConfigEngine();
  const errors = validateConfig('plan', text).filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    await ctx.configProblems.publishFromDisk(uri, text, 'plan');
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    throw new AcgError({ kind: 'badRequest', message: `${fileName} has ${errors} error${errors === 1 ? '' : 's'}: fix ${errors === 1 ? 'it' : 'them'} first (see the Problems view), then plan again.` });
  }
  return JSON.parse(text) as PlanDocument;
}
