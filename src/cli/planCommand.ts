// `acg plan <file> --gateway <name | id> [--out plan.json] [--format text|json|markdown]`: reads the live accounts,
// numbers and relationships the desired file names (or, for a *.acg-gateway.json, the ARM gateway and its test lines)
// and prints the exact difference, field by field. Exit 0 when there
// is nothing to change and 2 when there is, as `terraform plan -detailed-exitcode`, so a pipeline can branch on it.
import { openCliSession, type SessionDependencies } from './cliSession';
import { commandLine } from './commandLine';
import { EXIT } from './exitCodes';
import { parsePlanArguments } from './planArgs';
import { loadPlanEngine, type PlanEngine } from './planEngine';
import { writeWhole } from './planFiles';
import { makeAnyPlan, readAnyDesired, refuseDesired, renderAnyPlan, targetProblem } from './planDesired';
import { resolve } from 'node:path';

export { makePlan, refuseDesired, type MakePlanInput, type MadePlan } from './planDesired';

export const PLAN_USAGE = `Usage: acg plan <file>.acg-plan.json --gateway <name | resource id> [--subscription <id>]
                [--out <plan.json>] [--format text|json|markdown]
       acg plan <file>.acg-gateway.json [--gateway <name | resource id>] [--out <plan.json>] [--format …]
       (each with [--cloud AzureCloud|AzureUSGovernment|AzureChinaCloud|Emulator] [--emulator-url <url>] [--device-code])

  Reads the live accounts, numbers and relationships the file names and prints what acg apply would change, field by
  field: creates, updates, deletes (only with "prune": true in the file) and how many are already as desired, with
  the time the apply will take under the Provisioning API's rate limit. A gateway file is compared with the ARM
  resource it names (subscriptionId, resourceGroup, name) and its test lines: --gateway is optional there and must
  agree; a gateway ARM does not have is planned as a create; test lines it does not list are deleted only with
  "prune": true. A file with errors is refused (acg validate
  lists them the same way). Progress goes to stderr.
  --out      save the plan (the ETag of everything it changes, a SHA-256 of the file) for acg apply <plan.json>;
             apply refuses it once the file has changed
  --format   text (default); markdown, for a pull-request comment; json, the saved plan itself
  Sign-in and --cloud/--emulator-url as acg check (acg check --help).
  Exit code: 0 no changes; 2 changes to apply; 1 the file has errors, or asks for what cannot be planned safely (a
             number that is in another account, a gateway moved to another region); 3 the command could not run (unreadable file, sign-in, network,
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
  const read = readAnyDesired(deps.cwd, args.file, args.fileKind);
  if (!read.ok) return refuseDesired('plan', read, err);
  const clash = targetProblem(read.desired, args.gateway, args.subscription);
  if (clash) return usageError(err, clash);
  const engine = deps.engine ?? (await loadPlanEngine());
  const session = await openCliSession('plan', args, err, deps);
  if (!session.ok) return session.kind === 'usage' ? usageError(err, session.message) : EXIT.failed;
  try {
    const made = await makeAnyPlan({
      command: 'plan',
      clients: session.clients,
      engine,
      desired: read.desired,
      file: args.file,
      savedAt: args.out,
      ...(args.gateway !== undefined ? { gateway: args.gateway } : {}),
      ...(args.subscription !== undefined ? { subscription: args.subscription } : {}),
      err,
      deps,
    });
    if (!made.ok) return made.code;
    const { plan } = made;
    if (args.out !== undefined) {
      writeWhole(resolve(deps.cwd, args.out), engine.planToJson(plan));
      err(`acg plan: saved the plan to ${args.out}; apply it with: ${commandLine(['acg', 'apply', args.out])}`);
    }
    out(renderAnyPlan(engine, plan, args.format));
    return plan.changes.length === 0 ? EXIT.ok : EXIT.changes;
  } finally {
    session.clients.pipeline.dispose();
  }
}

function usageError(err: Line, message: string): number {
  err(`acg plan: ${message} (acg plan --help lists the options)`);
  return EXIT.usage;
}
