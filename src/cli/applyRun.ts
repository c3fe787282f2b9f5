// The apply itself, once acg apply knows which plan: ask (unless --yes), check the gateway still has the plan's
// domain, open the journal and record which plan it belongs to, run the executor with progress on stderr, and end with
// a summary that says what was done, what was not and why, and the exact command that resumes.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { AzureClients } from '../azure/azureClients';
import { gatewayDomainOf, parseGatewayId } from '../core/ids';
import type { ChangeAction, JournalState } from '../core/apply/types';
import { presentError } from '../host/presentError';
import { EXIT } from './exitCodes';
import type { ApplyResult, PlanEngine, SavedPlan } from './planEngine';
import { planAgainArgs, planTarget, renderAnyPlan } from './planDesired';
import type { PlanDependencies } from './planCommand';
import { lockJournal } from './journalLock';
import { pathFrom, pathIn } from './planFiles';
import { commandLine } from './commandLine';

type AnyChange = SavedPlan['changes'][number];

/** Asks a yes/no question on a terminal; the answer as typed. */
export interface ConfirmPrompt {
  ask(question: string): Promise<string>;
}

export interface ApplyRunInput {
  readonly plan: SavedPlan;
  readonly planPath: string;
  readonly planSha256: string;
  readonly journalPath: string;
  readonly resume?: JournalState;
  /** The plan is on stdout already (a desired file was planned just now). */
  readonly planShown?: boolean;
  readonly clients: AzureClients;
  readonly engine: PlanEngine;
  readonly yes: boolean;
  readonly resumeCommand: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly deps: PlanDependencies & { readonly prompt?: ConfirmPrompt };
}

/** Failed and drifted changes listed in the summary; the journal has every one. */
const LISTED = 20;

export async function runApplyPlan(input: ApplyRunInput): Promise<number> {
  const { plan, engine, out, err } = input;
  const remaining = input.resume ? engine.remainingChanges<AnyChange>(plan, input.resume) : [...plan.changes];
  if (input.resume?.ended === 'completed' || remaining.length === 0) {
    out(`Nothing to apply: ${input.resume ? `the apply ${shownPath(input.deps.cwd, input.journalPath)} records has finished` : 'the plan has no changes'}.`);
    return EXIT.ok;
  }
  const what = `${describe(remaining)} on ${planTarget(plan)}`;
  if (!input.yes) {
    const agreed = await confirm(input, what);
    if (agreed !== true) return agreed;
  }

  // A gateway plan goes to ARM; a provisioning plan to the gateway's Provisioning API, checked to be the one planned.
  const client = plan.kind === 'gateway' ? undefined : await provisioningClientFor({ ...input, plan });
  if (typeof client === 'number') return client;

  const lock = lockJournal(input.journalPath);
  if (!lock.ok) {
    err(`acg apply: ${lock.message}`);
    return EXIT.failed;
  }
  let result: ApplyResult;
  let attempted: readonly AnyChange[] = remaining;
  try {
    // Under the lock, the journal is as the last run left it: read it again (a run that ended between the first read
    // and the lock has done more), and a fresh apply checks that no other run started one meanwhile.
    const journalText = readJournalText(input.journalPath);
    if (!input.resume && journalText !== '') {
      err(`acg apply: ${input.journalPath} was started by another acg apply meanwhile: resume it with ${input.resumeCommand}`);
      return EXIT.failed;
    }
    const resume = input.resume ? engine.readJournal(journalText) : undefined;
    if (resume) attempted = engine.remainingChanges<AnyChange>(plan, resume);
    result = await journalledApply({ ...input, ...(resume ? { resume } : {}) }, client, what);
  } catch (error) {
    // Whatever stopped it (sign-in expired, the network gone, a full disk), the journal knows what was done: say how
    // to go on from there rather than only what went wrong.
    const presented = presentError(error);
    err(`acg apply: stopped: ${presented.message}`);
    for (const line of presented.detail?.split('\n') ?? []) err(`  ${line}`);
    out(`Stopped before the end. To continue where it stopped: ${input.resumeCommand}`);
    return EXIT.problems;
  } finally {
    lock.release();
  }
  return summarize(input, attempted, result);
}

function readJournalText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

async function journalledApply(input: ApplyRunInput, client: ReturnType<AzureClients['provisioning']> | undefined, what: string): Promise<ApplyResult> {
  const { plan, engine, err, deps } = input;
  const journal = await engine.openJournal(input.journalPath);
  try {
    err(`acg apply: applying ${what}; journal ${shownPath(input.deps.cwd, input.journalPath)}.`);
    const options = {
      journal,
      // A fresh journal starts by naming its plan (relative to itself, so both can move together); a resume appends.
      ...(input.resume ? { resume: input.resume } : { planFile: { path: pathFrom(input.journalPath, input.planPath), sha256: input.planSha256 } }),
      ...(deps.abortSignal ? { signal: deps.abortSignal } : {}),
      onProgress: ({ done, total, message }: { done: number; total: number; message: string }) => err(`acg apply: [${done}/${total}] ${message}`),
    };
    if (plan.kind === 'gateway') return await engine.applyGatewayPlan(input.clients.arm, plan, options);
    if (!client) throw new Error('A provisioning plan needs its Provisioning API client.');
    return await engine.applyProvisioningPlan(client, plan, options);
  } finally {
    await journal.close();
  }
}

async function confirm(input: ApplyRunInput, what: string): Promise<true | number> {
  const { engine, plan, out, err, deps } = input;
  if (!deps.prompt) {
    err(`acg apply: not applying ${what} without a confirmation, and there is no terminal to ask on. Read the plan (acg plan, or acg apply in a terminal) and add --yes to apply it.`);
    return EXIT.usage;
  }
  // A desired file's plan was printed as it was made; a saved one is shown here, so nobody agrees to an unseen plan.
  if (!input.planShown) out(renderAnyPlan(engine, plan, 'text'));
  let answer: string;
  try {
    answer = await deps.prompt.ask(`Apply ${what}? Only 'yes' applies: `);
  } catch {
    // Ctrl-C or end of input at the question: nothing was started.
    answer = '';
  }
  if (answer.trim().toLowerCase() === 'yes') return true;
  err('acg apply: not applied (the answer was not yes).');
  return EXIT.problems;
}

async function provisioningClientFor(input: ApplyRunInput & { readonly plan: Extract<SavedPlan, { kind: 'provisioning' }> }): Promise<ReturnType<AzureClients['provisioning']> | number> {
  const { plan, clients, err, deps } = input;
  const ref = plan.gateway.id !== undefined ? parseGatewayId(plan.gateway.id) : undefined;
  if (ref) {
    // The plan's ETags are the domain's; a gateway that now answers on another domain is not the one planned.
    const domain = gatewayDomainOf(await clients.arm.getGateway(ref, { abortSignal: deps.abortSignal }));
    if (domain !== plan.gateway.domain) {
      err(`acg apply: ${ref.name}'s Provisioning API domain is ${domain ?? 'not set'}, not ${plan.gateway.domain} as when it was planned: plan again.`);
      return EXIT.failed;
    }
  }
  return clients.provisioning(plan.gateway.domain);
}

function summarize(input: ApplyRunInput, attemptedChanges: readonly AnyChange[], result: ApplyResult): number {
  // An executor may report the whole plan's done changes (a resume's included): count those this run attempted.
  const attemptedIds = new Set(attemptedChanges.map((c) => c.id));
  const doneNow = result.done.filter((id) => attemptedIds.has(id)).length;
  const attempted = attemptedChanges.length;
  const { out, plan } = input;
  const notDone = result.failed.length + result.drift.length + result.notStarted.length;
  const reason: unknown = input.deps.abortSignal?.aborted ? input.deps.abortSignal.reason : undefined;
  out(`${result.cancelled || result.stoppedBy !== undefined ? 'Stopped' : 'Finished'}: ${count(doneNow)} of ${count(attempted)} change${attempted === 1 ? '' : 's'} applied on ${planTarget(plan)}.${result.cancelled && reason !== undefined ? ` ${presentError(reason).message}` : ''}`);
  listProblems(out, 'failed', result.failed);
  listProblems(out, 'drifted since the plan (left alone)', result.drift);
  if (result.failed.length + result.drift.length > 0) {
    out(`  Plan again to see where they stand now: ${commandLine(planAgainArgs(plan, shownPath(input.deps.cwd, pathIn(input.planPath, plan.desired.path))))}`);
  }
  if (result.stoppedBy !== undefined) out(`  Stopped by: ${result.stoppedBy}`);
  const unanswered = result.inFlight?.length ?? 0;
  if (unanswered > 0) out(`  ${count(unanswered)} sent with no answer: the resume sends them again with the same request ids, or reads whether they took effect.`);
  if (result.notStarted.length > 0 || unanswered > 0 || result.cancelled || result.stoppedBy !== undefined) {
    out(`  ${count(result.notStarted.length)} not started. To continue where it stopped: ${input.resumeCommand}`);
  }
  return notDone + unanswered === 0 && !result.cancelled && result.stoppedBy === undefined ? EXIT.ok : EXIT.problems;
}

function listProblems(out: (line: string) => void, what: string, items: ApplyResult['failed']): void {
  if (items.length === 0) return;
  out(`  ${count(items.length)} ${what}:`);
  for (const item of items.slice(0, LISTED)) out(`    ${item.changeId}: ${item.message}`);
  if (items.length > LISTED) out(`    … and ${count(items.length - LISTED)} more (the journal has every one).`);
}

function describe(changes: readonly { readonly action: ChangeAction }[]): string {
  const by = (action: ChangeAction) => changes.filter((c) => c.action === action).length;
  const parts = [['create', by('create')], ['update', by('update')], ['delete', by('delete')]].filter(([, n]) => n !== 0).map(([word, n]) => `${count(n as number)} to ${word as string}`);
  return `${count(changes.length)} change${changes.length === 1 ? '' : 's'} (${parts.join(', ')})`;
}

/** A path as a person in the working folder would type it. */
export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
