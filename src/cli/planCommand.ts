// `acg plan <file> --gateway <name | id> [--out plan.json] [--format text|json|markdown]`: reads the live accounts,
// numbers and relationships the desired file names and prints the exact difference, field by field. Exit 0 when there
// is nothing to change and 2 when there is, as `terraform plan -detailed-exitcode`, so a pipeline can branch on it.
import type { AzureClients } from '../azure/azureClients';
import { isPlanError } from '../core/apply';
import type { SavedProvisioningPlan } from '../core/apply/types';
import { openCliSession, type SessionDependencies } from './cliSession';
import { commandLine } from './commandLine';
import { EXIT } from './exitCodes';
import { parsePlanArguments, type PlanFormat } from './planArgs';
import { loadPlanEngine, type PlanEngine } from './planEngine';
import { pathFrom, readDesiredFile, writeWhole, type DesiredFile } from './planFiles';
import { resolveProvisioningGateway } from './provisioningGateway';
import { resolve } from 'node:path';

export const PLAN_USAGE = `Usage: acg plan <file>.acg-plan.json --gateway <name | resource id> [--subscription <id>]
                [--out <plan.json>] [--format text|json|markdown]
                [--cloud AzureCloud|AzureUSGovernment|AzureChinaCloud|Emulator] [--emulator-url <url>] [--device-code]

  Reads the live accounts, numbers and relationships the file names and prints what acg apply would change, field by
  field: creates, updates, deletes (only with "prune": true in the file) and how many are already as desired, with
  the time the apply will take under the Provisioning API's rate limit. A file with errors is refused (acg validate
  lists them the same way). Progress goes to stderr.
  --out      save the plan (the ETag of everything it changes, a SHA-256 of the file) for acg apply <plan.json>;
             apply refuses it once the file has changed
  --format   text (default); markdown, for a pull-request comment; json, the saved plan itself
  Sign-in and --cloud/--emulator-url as acg check (acg check --help).
  Exit code: 0 no changes; 2 changes to apply; 1 the file has errors, or asks for what cannot be planned safely (a
             number that is in another account); 3 the command could not run (unreadable file, sign-in, network,
             gateway not found); 4 usage error.`;

export interface PlanDependencies extends SessionDependencies {
  /** Ctrl-C: the live read stops between requests. */
  readonly abortSignal?: AbortSignal;
  /** The planner and the executor; the real ones by default. */
  readonly engine?: PlanEngine;
  readonly now?: () => Date;
}

type Line = (line: string) => void;

export async function runPlan(argv: readonly string[], out: Line, err: Line, deps: PlanDependencies): Promise<number> {
  const parsed = parsePlanArguments(argv);
  if (parsed.kind === 'help') {
    out(PLAN_USAGE);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage') return usageError(err, parsed.message);
  const args = parsed.args;
  const desired = readDesiredFile(deps.cwd, args.file);
  if (!desired.ok) return refuseDesired('plan', desired, err);
  const engine = deps.engine ?? (await loadPlanEngine());
  const session = await openCliSession('plan', args, err, deps);
  if (!session.ok) return session.kind === 'usage' ? usageError(err, session.message) : EXIT.failed;
  try {
    const made = await makePlan({ command: 'plan', clients: session.clients, engine, desired, file: args.file, savedAt: args.out, gateway: args.gateway, subscription: args.subscription, err, deps });
    if (!made.ok) return made.code;
    const { plan } = made;
    if (args.out !== undefined) {
      writeWhole(resolve(deps.cwd, args.out), engine.planToJson(plan));
      err(`acg plan: saved the plan to ${args.out}; apply it with: ${commandLine(['acg', 'apply', args.out])}`);
    }
    out(renderPlan(engine, plan, args.format));
    return plan.changes.length === 0 ? EXIT.ok : EXIT.changes;
  } finally {
    session.clients.pipeline.dispose();
  }
}

export function renderPlan(engine: PlanEngine, plan: SavedProvisioningPlan, format: PlanFormat): string {
  switch (format) {
    case 'text':
      return engine.renderPlanText(plan);
    case 'markdown':
      return engine.renderPlanMarkdown(plan);
    case 'json':
      return engine.planToJson(plan);
  }
}

export interface MakePlanInput {
  readonly command: 'plan' | 'apply';
  readonly clients: AzureClients;
  readonly engine: PlanEngine;
  readonly desired: Extract<DesiredFile, { ok: true }>;
  /** The desired file as given on the command line. */
  readonly file: string;
  /** Where the plan will be saved, if it will: the plan names its desired file relative to it. */
  readonly savedAt?: string;
  readonly gateway: string;
  readonly subscription?: string;
  readonly err: Line;
  readonly deps: PlanDependencies;
}

/** `ok: false` once the reason is on stderr, with the exit code it deserves. */
export type MadePlan = { readonly ok: true; readonly plan: SavedProvisioningPlan; readonly domain: string } | { readonly ok: false; readonly code: number };

/** Finds the gateway, reads the live state the file names and plans. */
export async function makePlan(input: MakePlanInput): Promise<MadePlan> {
  const { command, clients, engine, desired, err, deps } = input;
  const gateway = await resolveProvisioningGateway(clients, input.gateway, input.subscription, deps.abortSignal);
  if (!gateway.ok) {
    gateway.lines.forEach((line, i) => err(i === 0 ? `acg ${command}: ${line}` : line));
    return { ok: false, code: EXIT.failed };
  }
  const live = await engine.readLiveProvisioningState(clients.provisioning(gateway.domain), desired.document, {
    prune: desired.document.prune === true,
    ...(deps.abortSignal ? { signal: deps.abortSignal } : {}),
    onProgress: (message) => err(`acg ${command}: ${message}`),
  });
  const desiredPath = input.savedAt !== undefined ? pathFrom(resolve(deps.cwd, input.savedAt), resolve(deps.cwd, input.file)) : input.file;
  try {
    const plan = engine.planProvisioning(desired.document, live, {
      desiredPath,
      desiredSha256: desired.sha256,
      gatewayId: gateway.id,
      now: deps.now?.() ?? new Date(),
      // The estimate is at the rate this pipeline's limiter paces to (the planner's default otherwise).
      ...(deps.pipelineOptions?.provisioningRequestsPerMinute !== undefined ? { requestsPerMinute: deps.pipelineOptions.provisioningRequestsPerMinute } : {}),
    });
    return { ok: true, plan, domain: gateway.domain };
  } catch (error) {
    // The file asks for something the planner will not do safely (a number that lives in another account…): a
    // problem with the desired state, like an error in the file, not a failure to run.
    if (!isPlanError(error, 'conflict')) throw error;
    err(`acg ${command}: ${error.message}`);
    return { ok: false, code: EXIT.problems };
  }
}

/** A desired file that cannot be planned: unreadable (exit 3), or with errors listed as acg validate lists them (1). */
export function refuseDesired(command: 'plan' | 'apply', desired: Exclude<DesiredFile, { ok: true }>, err: Line): number {
  if (desired.kind === 'unreadable') {
    err(`acg ${command}: ${desired.message}`);
    return EXIT.failed;
  }
  for (const line of desired.report.split('\n')) err(line);
  err(`acg ${command}: refused: the file has ${desired.errors === 1 ? 'an error' : `${desired.errors} errors`}; fix ${desired.errors === 1 ? 'it' : 'them'} first (the editor and acg validate show the same).`);
  return EXIT.problems;
}

function usageError(err: Line, message: string): number {
  err(`acg plan: ${message} (acg plan --help lists the options)`);
  return EXIT.usage;
}
