// Apply Provisioning Plan… and Resume Provisioning Apply…: a modal confirmation with the counts and a sample, then the
// executor (src/azure/apply) with progress and cancel, journalled in global storage (applyJournals.ts), and the outcome
// in the summary panel: done, failed or drifted with reasons, and Resume while something is left. The plan applied is
// the one the person saw: a file edited since it was planned is planned again (diff and summary) before the question.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyProvisioningPlan, openJournal, type ApplyClient, type ApplyResult } from '../../azure/apply';
import { AcgError } from '../../azure/errors';
import { remainingChanges } from '../../core/apply';
import { applyConfirmation, applyOutcome, runningOutcome, type ApplyOutcomeView } from '../../core/apply/planSummary';
import type { JournalState, PlanChange, SavedProvisioningPlan } from '../../core/apply/types';
import { CONFIG_FILE_GLOBS, configKindOf } from '../../core/config/kinds';
import { presentError } from '../../host/presentError';
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';
import { newApplyRecord, planOf, readApply, unfinishedApplies, type UnfinishedApply } from './applyJournals';
import { readText } from './configTarget';
import { argsWithUris, forgetPlan, planProvisioningFile, plannedFile, sha256Hex, showSummary, type PlannedFile } from './planFlow';

const APPLY = 'Apply';
const RESUME = 'Resume';
/** Journals an apply of this window is writing: a second run on one journal would interleave its entries. */
const running = new Set<string>();

export async function applyProvisioningFile(ctx: CommandContext): Promise<ApplyResult | undefined> {
  const file = await currentPlan(ctx);
  if (!file) return undefined;
  const { plan } = file;
  if (plan.changes.length === 0) {
    void ctx.host.ui.showInformationMessage(`Nothing to apply: ${file.fileName} matches ${file.gateway.name}.`);
    return undefined;
  }
  const question = applyConfirmation(plan, plan.changes);
  if ((await ctx.host.ui.showWarningMessage(question.message, { modal: true, detail: question.detail }, APPLY)) !== APPLY) return undefined;
  const record = await newApplyRecord(ctx.globalStorageUri.fsPath, plan, new Date());
  const client = await ctx.host.selection.provisioningClient(file.gateway);
  return runApply(ctx, { file, plan, changes: plan.changes, client, journalPath: record.journalPath, planFile: { path: path.basename(record.planPath), sha256: record.planSha256 } });
}

export async function resumeProvisioningApply(ctx: CommandContext): Promise<ApplyResult | undefined> {
  const apply = await pickApply(ctx);
  if (!apply) return undefined;
  const plan = await planOf(apply);
  const changes = remainingChanges(plan, apply.state);
  if (changes.length === 0) {
    void ctx.host.ui.showInformationMessage(`Nothing left to apply: every change of ${path.basename(apply.journalPath)} is done, drifted or failed.`);
    return undefined;
  }
  const question = applyConfirmation(plan, changes);
  if ((await ctx.host.ui.showWarningMessage(question.message.replace(/^Apply/, 'Resume: apply'), { modal: true, detail: question.detail }, RESUME)) !== RESUME) return undefined;
  const client = (await ctx.host.services.get()).provisioning(plan.gateway.domain);
  const uri = vscode.Uri.file(plan.desired.path);
  const gateway = { id: plan.gateway.id ?? plan.gateway.domain, name: plan.gateway.domain, subscriptionId: '', resourceGroupName: '', cloud: ctx.host.signIn.cloud.name, domain: plan.gateway.domain };
  const file: PlannedFile = { uri, fileName: path.basename(plan.desired.path), plan, gateway };
  return runApply(ctx, { file, plan, changes, client, journalPath: apply.journalPath, resume: apply.state });
}

interface ApplyRun {
  readonly file: PlannedFile;
  readonly plan: SavedProvisioningPlan;
  readonly changes: readonly PlanChange[];
  readonly client: ApplyClient;
  readonly journalPath: string;
  readonly planFile?: { readonly path: string; readonly sha256: string };
  readonly resume?: JournalState;
}

async function runApply(ctx: CommandContext, run: ApplyRun): Promise<ApplyResult> {
  if (running.has(run.journalPath)) throw new AcgError({ kind: 'conflict', message: `${path.basename(run.journalPath)} is being applied already in this window.` });
  running.add(run.journalPath);
  forgetPlan(run.file.uri);
  // The executor reports on the whole plan (a resume's done includes what the journal had done), so the outcome does too.
  const attempted = run.plan.changes.length;
  try {
    await showSummary(ctx, run.file, runningOutcome(run.changes.length, run.journalPath));
    const journal = await openJournal(run.journalPath);
    let result: ApplyResult;
    try {
      result = await runWithProgress(ctx.host.ui, `Applying ${run.file.fileName} on ${run.file.gateway.name}`, ({ signal, report }) =>
        applyProvisioningPlan(run.client, run.plan, {
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
    ctx.enterprises.refresh();
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
  const ids = new Set(run.plan.changes.map((c) => c.id));
  const entries = (map: ReadonlyMap<string, string> | undefined) => [...(map ?? new Map<string, string>())].filter(([id]) => ids.has(id)).map(([changeId, message]) => ({ changeId, message }));
  return applyOutcome(
    {
      done: [...(state?.done ?? [])].filter((id) => ids.has(id)),
      failed: entries(state?.failed),
      drift: entries(state?.drift),
      notStarted: (state ? remainingChanges(run.plan, state) : run.changes).map((c) => c.id),
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
  if (kept && sha256Hex(await readText(kept.uri)) === kept.plan.desired.sha256 && kept.gateway.id === ctx.host.selection.forCurrentSignIn()?.id) return kept;
  if (kept) ctx.host.log.info(`${ctx.id}: ${kept.fileName} or the selected gateway changed since it was planned: planning again.`);
  return planProvisioningFile({ ...ctx, args: uri ? [uri] : args });
}

function activePlanUri(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document;
  return active && configKindOf(active.fileName) === 'plan' ? active.uri : undefined;
}

/** A journal passed as `{ journal }` (the panel's Resume), else a pick among the unfinished ones. */
async function pickApply(ctx: CommandContext): Promise<UnfinishedApply | undefined> {
  const given = ctx.args.find((a): a is { journal: string } => typeof a === 'object' && a !== null && typeof (a as { journal?: unknown }).journal === 'string');
  if (given) return readApply(given.journal);
  const applies = await unfinishedApplies(ctx.globalStorageUri.fsPath);
  if (applies.length === 0) {
    void ctx.host.ui.showInformationMessage(`No unfinished apply to resume (${CONFIG_FILE_GLOBS.plan.slice('**/'.length)} applies are journalled in the extension's storage).`);
    return undefined;
  }
  const picked = await ctx.host.ui.showQuickPick(
    applies.map((apply) => ({
      label: `${apply.start.gateway} · ${new Date(apply.start.at).toLocaleString()}`,
      description: `${apply.state.done.size} of ${apply.start.changes} done${apply.state.ended ? ` · ${apply.state.ended}` : ' · interrupted'}`,
      detail: path.basename(apply.journalPath),
      apply,
    })),
    { title: 'Resume Provisioning Apply', placeHolder: 'an apply that did not finish' },
  );
  return picked?.apply;
}
