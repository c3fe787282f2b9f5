// Apply Changes… and Resume Apply…, for provisioning plans and gateway files alike: a modal confirmation with the
// counts and a sample, then the executor (src/azure/apply: the Provisioning API for a provisioning plan, ARM for a
// gateway plan) with progress and cancel, journalled in global storage (applyJournals.ts), and the outcome in the
// summary panel: done, failed or drifted with reasons, and Resume while something is left. The plan applied is the
// one the person saw: a file edited since it was planned is planned again (diff and summary) before the question.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyGatewayPlan, applyProvisioningPlan, openJournal, type ApplyOptions, type ApplyResult } from '../../azure/apply';
import { AcgError } from '../../azure/errors';
import { remainingChanges } from '../../core/apply';
import { applyConfirmation, applyOutcome, planTargetName, runningOutcome, type AnyPlan, type AnyPlanChange, type ApplyOutcomeView } from '../../core/apply/planSummary';
import type { JournalState } from '../../core/apply/types';
import { configKindOf } from '../../core/config/kinds';
import { presentError } from '../../host/presentError';
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';
import { newApplyRecord, planOf, readApply, unfinishedApplies, type UnfinishedApply } from './applyJournals';
import { readText } from './configTarget';
import { argsWithUris, forgetPlan, planDesiredFile, PLANNABLE_KINDS, plannedFile, sha256Hex, showSummary, type PlannedFile } from './planFlow';

const APPLY = 'Apply';
const RESUME = 'Resume';
/** Journals an apply of this window is writing: a second run on one journal would interleave its entries. */
const running = new Set<string>();

export async function applyDesiredFile(ctx: CommandContext): Promise<ApplyResult | undefined> {
  const file = await currentPlan(ctx);
  if (!file) return undefined;
  const { plan } = file;
  if (plan.changes.length === 0) {
    void ctx.host.ui.showInformationMessage(`Nothing to apply: ${file.fileName} matches ${file.targetName}.`);
    return undefined;
  }
  const question = applyConfirmation(plan, plan.changes);
  if ((await ctx.host.ui.showWarningMessage(question.message, { modal: true, detail: question.detail }, APPLY)) !== APPLY) return undefined;
  const record = await newApplyRecord(ctx.globalStorageUri.fsPath, plan, new Date());
  const execute = await executorFor(ctx, file);
  return runApply(ctx, { file, changes: plan.changes, execute, journalPath: record.journalPath, planFile: { path: path.basename(record.planPath), sha256: record.planSha256 } });
}

type Execute = (options: ApplyOptions) => Promise<ApplyResult>;

/** The executor of the plan's kind: ARM for a gateway plan, the (selected or planned) gateway's Provisioning API
 * otherwise. */
async function executorFor(ctx: CommandContext, file: PlannedFile): Promise<Execute> {
  const { plan } = file;
  if (plan.kind === 'gateway') {
    const { arm } = await ctx.host.services.get();
    return (options) => applyGatewayPlan(arm, plan, options);
  }
  const client = file.gateway ? await ctx.host.selection.provisioningClient(file.gateway) : (await ctx.host.services.get()).provisioning(plan.gateway.domain);
  return (options) => applyProvisioningPlan(client, plan, options);
}

export async function resumeApply(ctx: CommandContext): Promise<ApplyResult | undefined> {
  const apply = await pickApply(ctx);
  if (!apply) return undefined;
  const plan = await planOf(apply);
  const changes = remainingChanges<AnyPlanChange>(plan, apply.state);
  if (changes.length === 0) {
    void ctx.host.ui.showInformationMessage(`Nothing left to apply: every change of ${path.basename(apply.journalPath)} is done, drifted or failed.`);
    return undefined;
  }
  const question = applyConfirmation(plan, changes);
  if ((await ctx.host.ui.showWarningMessage(question.message.replace(/^Apply/, 'Resume: apply'), { modal: true, detail: question.detail }, RESUME)) !== RESUME) return undefined;
  const file: PlannedFile = { uri: vscode.Uri.file(plan.desired.path), fileName: path.basename(plan.desired.path), plan, targetName: planTargetName(plan) };
  return runApply(ctx, { file, changes, execute: await executorFor(ctx, file), journalPath: apply.journalPath, resume: apply.state });
}

interface ApplyRun {
  readonly file: PlannedFile;
  readonly changes: readonly AnyPlanChange[];
  readonly execute: Execute;
  readonly journalPath: string;
  readonly planFile?: { readonly path: string; readonly sha256: string };
  readonly resume?: JournalState;
}

async function runApply(ctx: CommandContext, run: ApplyRun): Promise<ApplyResult> {
  if (running.has(run.journalPath)) throw new AcgError({ kind: 'conflict', message: `${path.basename(run.journalPath)} is being applied already in this window.` });
  running.add(run.journalPath);
  forgetPlan(run.file.uri);
  // The executor reports on the whole plan (a resume's done includes what the journal had done), so the outcome does too.
  const attempted = run.file.plan.changes.length;
  try {
    await showSummary(ctx, run.file, runningOutcome(run.changes.length, run.journalPath));
    const journal = await openJournal(run.journalPath);
    let result: ApplyResult;
    try {
      result = await runWithProgress(ctx.host.ui, `Applying ${run.file.fileName} on ${run.file.targetName}`, ({ signal, report }) =>
        run.execute({
          journal,
          signal,
          ...(run.resume ? { resume: run.resume } : {}),
          ...(run.planFile ? { planFile: { ...run.planFile } } : {}),
          onProgress: ({ done, total, message }) => report(`${done}/${total}: ${message}`),
        }),
      );
    } catch (error) {
      // Whatever stopped it, the journal knows what was done: the panel says so and offers Resume from there.
      await showSummary(ctx, run.file, await stoppedOutcome(run, attempted, error));
      throw error;
    } finally {
      await journal.close();
    }
    ctx.host.log.info(`${ctx.id}: ${run.journalPath}: ${result.done.length} done, ${result.failed.length} failed, ${result.drift.length} drift, ${result.notStarted.length} not started${result.cancelled ? ', cancelled' : ''}`);
    // What moved: a gateway plan changes the Gateways view (the resource, its test lines), a provisioning plan the rest.
    if (run.file.plan.kind === 'gateway') ctx.gateways.refresh();
    else ctx.enterprises.refresh();
    await showSummary(ctx, run.file, applyOutcome(result, attempted, run.journalPath));
    return result;
  } finally {
    running.delete(run.journalPath);
  }
}

/** The outcome of a run that threw (sign-in expired, the network gone, a full disk), from its journal. */
async function stoppedOutcome(run: ApplyRun, attempted: number, error: unknown): Promise<ApplyOutcomeView> {
  const presented = presentError(error);
  const state = (await readApply(run.journalPath).catch(() => undefined))?.state;
  const plan: AnyPlan = run.file.plan;
  const ids = new Set(plan.changes.map((c) => c.id));
  const entries = (map: ReadonlyMap<string, string> | undefined) => [...(map ?? new Map<string, string>())].filter(([id]) => ids.has(id)).map(([changeId, message]) => ({ changeId, message }));
  return applyOutcome(
    {
      done: [...(state?.done ?? [])].filter((id) => ids.has(id)),
      failed: entries(state?.failed),
      drift: entries(state?.drift),
      notStarted: (state ? remainingChanges<AnyPlanChange>(plan, state) : run.changes).map((c) => c.id),
      cancelled: presented.cancelled,
      ...(presented.cancelled ? {} : { stoppedBy: presented.message }),
    },
    attempted,
    run.journalPath,
  );
}

/** The file's plan if it still describes the file; otherwise a fresh one (shown before anything is asked). */
async function currentPlan(ctx: CommandContext): Promise<PlannedFile | undefined> {
  const args = argsWithUris(ctx.args);
  const uri = args.find((a): a is vscode.Uri => a instanceof vscode.Uri) ?? activePlanUri();
  const kept = uri ? plannedFile(uri) : undefined;
  // A provisioning plan is against the selected gateway: another selection is another plan. A gateway file names its own.
  const sameTarget = kept?.gateway === undefined || kept.gateway.id === ctx.host.selection.forCurrentSignIn()?.id;
  if (kept && sha256Hex(await readText(kept.uri)) === kept.plan.desired.sha256 && sameTarget) return kept;
  if (kept) ctx.host.log.info(`${ctx.id}: ${kept.fileName} or the selected gateway changed since it was planned: planning again.`);
  return planDesiredFile({ ...ctx, args: uri ? [uri] : args });
}

function activePlanUri(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document;
  const kind = active ? configKindOf(active.fileName) : undefined;
  return active && kind !== undefined && PLANNABLE_KINDS.includes(kind) ? active.uri : undefined;
}

/** A journal passed as `{ journal }` (the panel's Resume), else a pick among the unfinished ones. */
async function pickApply(ctx: CommandContext): Promise<UnfinishedApply | undefined> {
  const given = ctx.args.find((a): a is { journal: string } => typeof a === 'object' && a !== null && typeof (a as { journal?: unknown }).journal === 'string');
  if (given) return readApply(given.journal);
  const applies = await unfinishedApplies(ctx.globalStorageUri.fsPath);
  if (applies.length === 0) {
    void ctx.host.ui.showInformationMessage("No unfinished apply to resume (applies of provisioning plans and gateway files are journalled in the extension's storage).");
    return undefined;
  }
  const picked = await ctx.host.ui.showQuickPick(
    applies.map((apply) => ({
      // A gateway plan's journal names the ARM id; its last segment is the gateway's name.
      label: `${apply.start.gateway.split('/').pop() ?? apply.start.gateway} · ${new Date(apply.start.at).toLocaleString()}`,
      description: `${apply.state.done.size} of ${apply.start.changes} done${apply.state.ended ? ` · ${apply.state.ended}` : ' · interrupted'}`,
      detail: path.basename(apply.journalPath),
      apply,
    })),
    { title: 'Resume Apply', placeHolder: 'an apply that did not finish' },
  );
  return picked?.apply;
}
