// `acg apply (<plan.json> | <file> --gateway …) [--yes] [--journal path]` and `acg apply --resume <journal>`: does
// exactly what a plan says, journalled so that a crash, a cancel or a lost connection resumes with nothing lost and
// nothing done twice. This module decides WHAT runs (which plan, whether it is still current, which journal, whether
// the person agreed); applyRun.ts runs it and reports.
import { resolve } from 'node:path';
import type { JournalState } from '../core/apply/types';
import { messageOf } from '../host/presentError';
import { openCliSession, type CliSession } from './cliSession';
import { cloudParts, commandLine } from './commandLine';
import { EXIT } from './exitCodes';
import { parseApplyArguments, type ApplyArguments } from './planArgs';
import { runApplyPlan, shownPath, type ConfirmPrompt } from './applyRun';
import { loadPlanEngine, type PlanEngine, type SavedPlan } from './planEngine';
import type { PlanDependencies } from './planCommand';
import { makeAnyPlan, planAgainArgs, readAnyDesired, refuseDesired, renderAnyPlan, targetProblem } from './planDesired';
import { defaultJournalPath, defaultSavedPlanPath, exists, journalStart, pathIn, readHashed, sha256Hex, writeWhole } from './planFiles';

export const APPLY_USAGE = `Usage: acg apply <plan.json> [--yes] [--journal <path>]
       acg apply <file>.acg-plan.json --gateway <name | resource id> [--subscription <id>] [--out <plan.json>]
                 [--yes] [--journal <path>]
       acg apply <file>.acg-gateway.json [--gateway <name | resource id>] [--out <plan.json>] [--yes] [--journal <path>]
       acg apply --resume <journal>
       (each with [--cloud AzureCloud|AzureUSGovernment|AzureChinaCloud|Emulator] [--emulator-url <url>] [--device-code])

  Applies a plan saved by acg plan --out, or plans a desired file first (saving the plan at --out, default
  <file>.plan.json beside it). Numbers go in batches of up to 100 per account under the rate limit; every write
  carries the ETag read at plan time, so an object that changed since is left alone and reported as drift while the
  rest go on. A gateway plan goes through ARM: the gateway by GET-edit-PUT with If-Match (or, when it does not exist
  yet, created by PUT), test lines created and deleted, each long-running operation polled to its end. A plan whose desired file has changed since (SHA-256) is
  refused: plan again.
  --yes      apply without asking. Without it acg shows the plan and asks; with no terminal to ask on (CI), it refuses.
  --journal  where to record every request before it is sent and every answer (default: <plan>.journal.jsonl beside
             the plan). An existing journal is never overwritten: resume it, or name another.
  --resume   continue the apply a journal records (after Ctrl-C, a crash or a lost connection): the plan it names is
             checked again, and nothing it records as done is sent again.
  Progress goes to stderr; the summary says what was done, what failed and why, and how to resume.
  Sign-in and --cloud/--emulator-url as acg check (acg check --help).
  Exit code: 0 every change applied (or nothing to do); 1 not everything was applied (failed, drift, cancelled or
             declined), or the file has errors; 3 the command could not run (unreadable or stale plan, a journal
             already there, sign-in, network, gateway not found); 4 usage error, or no --yes without a terminal.`;

export interface ApplyDependencies extends PlanDependencies {
  /** How acg asks before applying; absent: there is no terminal to ask on. */
  readonly prompt?: ConfirmPrompt;
}

type Line = (line: string) => void;

/** What will run: the plan, its file, the journal, and (resuming) where the journal stands. */
interface Prepared {
  readonly plan: SavedPlan;
  readonly planPath: string;
  readonly planSha256: string;
  readonly journalPath: string;
  readonly resume?: JournalState;
  readonly planShown?: boolean;
  /** Signed in already (a desired file is planned first). */
  readonly session?: Extract<CliSession, { ok: true }>;
}

export async function runApply(argv: readonly string[], out: Line, err: Line, deps: ApplyDependencies): Promise<number> {
  const parsed = parseApplyArguments(argv);
  if (parsed.kind === 'help') {
    out(APPLY_USAGE);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage') return usageError(err, parsed.message);
  const args = parsed.args;
  const engine = deps.engine ?? (await loadPlanEngine());
  const prepared = await prepare(args, engine, out, err, deps);
  if (typeof prepared === 'number') return prepared;
  let session = prepared.session;
  try {
    if (!session) {
      const opened = await openCliSession('apply', args, err, deps);
      if (!opened.ok) return opened.kind === 'usage' ? usageError(err, opened.message) : EXIT.failed;
      session = opened;
    }
    return await runApplyPlan({
      ...prepared,
      clients: session.clients,
      engine,
      yes: args.yes,
      resumeCommand: commandLine(['acg', 'apply', '--resume', shownPath(deps.cwd, prepared.journalPath), ...cloudParts(args)]),
      out,
      err,
      deps,
    });
  } finally {
    session?.clients.pipeline.dispose();
  }
}

async function prepare(args: ApplyArguments, engine: PlanEngine, out: Line, err: Line, deps: ApplyDependencies): Promise<Prepared | number> {
  const { source } = args;
  const at = (path: string) => resolve(deps.cwd, path);
  if (source.kind === 'resume') return prepareResume(at(source.journal), source.journal, engine, err, deps.cwd);
  if (source.kind === 'saved') {
    const planPath = at(source.plan);
    const journalPath = at(args.journal ?? defaultJournalPath(source.plan));
    if (exists(journalPath)) return journalThere(journalPath, err);
    const loaded = loadPlan(planPath, source.plan, engine, err);
    if (typeof loaded === 'number') return loaded;
    const stale = staleProblem(loaded.plan, planPath, deps.cwd);
    if (stale) return refuse(err, stale);
    return { ...loaded, planPath, journalPath };
  }

  // A desired file: plan it now, save the plan (resume needs a file to come back to), then confirm and apply.
  const savedAt = source.out ?? defaultSavedPlanPath(source.file);
  const planPath = at(savedAt);
  const journalPath = at(args.journal ?? defaultJournalPath(savedAt));
  if (exists(journalPath)) return journalThere(journalPath, err);
  const read = readAnyDesired(deps.cwd, source.file, source.fileKind);
  if (!read.ok) return refuseDesired('apply', read, err);
  const clash = targetProblem(read.desired, source.gateway, source.subscription);
  if (clash) return usageError(err, clash);
  const session = await openCliSession('apply', args, err, deps);
  if (!session.ok) return session.kind === 'usage' ? usageError(err, session.message) : EXIT.failed;
  try {
    const made = await makeAnyPlan({
      command: 'apply',
      clients: session.clients,
      engine,
      desired: read.desired,
      file: source.file,
      savedAt,
      ...(source.gateway !== undefined ? { gateway: source.gateway } : {}),
      ...(source.subscription !== undefined ? { subscription: source.subscription } : {}),
      err,
      deps,
    });
    if (!made.ok) throw new PreparedExit(made.code);
    out(renderAnyPlan(engine, made.plan, 'text'));
    if (made.plan.changes.length === 0) throw new PreparedExit(EXIT.ok);
    const text = engine.planToJson(made.plan);
    writeWhole(planPath, text);
    err(`acg apply: saved the plan to ${savedAt}.`);
    return { plan: made.plan, planPath, planSha256: sha256Hex(text), journalPath, planShown: true, session };
  } catch (error) {
    session.clients.pipeline.dispose();
    if (error instanceof PreparedExit) return error.code;
    throw error;
  }
}

/** The plan was made (or there was nothing to do) and the command ends here, the session closed. */
class PreparedExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function prepareResume(journalPath: string, shown: string, engine: PlanEngine, err: Line, cwd: string): Prepared | number {
  const journal = readHashed(journalPath);
  if (!journal.ok) return refuse(err, journal.message);
  const start = journalStart(journal.text, shown);
  if (!start.ok) return refuse(err, start.message);
  const planPath = pathIn(journalPath, start.start.planPath);
  const loaded = loadPlan(planPath, planPath, engine, err);
  if (typeof loaded === 'number') return loaded;
  if (loaded.planSha256 !== start.start.planSha256) {
    return refuse(err, `${planPath} is not the plan ${shown} was applying: it changed since the apply started (SHA-256 ${short(loaded.planSha256)}, the journal says ${short(start.start.planSha256)}). Plan again and apply the new plan.`);
  }
  const stale = staleProblem(loaded.plan, planPath, cwd);
  if (stale) return refuse(err, `${stale} What the interrupted apply did is live now, so the new plan starts from there.`);
  const state = engine.readJournal(journal.text);
  if (state.ignoredLines > 0) err(`acg apply: ${shown}: ${state.ignoredLines} unreadable line${state.ignoredLines === 1 ? '' : 's'} ignored (a line cut off by a crash is expected).`);
  return { ...loaded, planPath, journalPath, resume: state };
}

function loadPlan(planPath: string, shown: string, engine: PlanEngine, err: Line): { plan: SavedPlan; planSha256: string } | number {
  const read = readHashed(planPath);
  if (!read.ok) return refuse(err, read.message);
  try {
    return { plan: engine.parseAnySavedPlan(read.text, shown), planSha256: read.sha256 };
  } catch (error) {
    return refuse(err, messageOf(error));
  }
}

/** Why the plan no longer describes its desired file, if it does not: the file changed or cannot be read. */
function staleProblem(plan: SavedPlan, planPath: string, cwd: string): string | undefined {
  const desiredPath = pathIn(planPath, plan.desired.path);
  const desired = readHashed(desiredPath);
  const again = `Plan again: ${commandLine([...planAgainArgs(plan, shownPath(cwd, desiredPath)), '--out', shownPath(cwd, planPath)])}`;
  if (!desired.ok) return `the plan cannot be checked against its desired file: ${desired.message} ${again}.`;
  if (desired.sha256 !== plan.desired.sha256) return `the plan is stale: ${desiredPath} has changed since it was planned (SHA-256 ${short(desired.sha256)}, the plan was made from ${short(plan.desired.sha256)}). ${again}.`;
  return undefined;
}

function journalThere(journalPath: string, err: Line): number {
  return refuse(err, `${journalPath} already exists: it records an earlier apply. Resume it with acg apply --resume ${journalPath}, or give --journal <another path>.`);
}

function short(sha256: string): string {
  return sha256.slice(0, 12);
}

function refuse(err: Line, message: string): number {
  err(`acg apply: ${message}`);
  return EXIT.failed;
}

function usageError(err: Line, message: string): number {
  err(`acg apply: ${message} (acg apply --help lists the options)`);
  return EXIT.usage;
}

