// `acg check --fix <check-id>|all [--yes]`: a fix never writes without --yes. Without it, every write each fix would
// make is printed and nothing is sent; with it, each write is printed as it is sent, and the check is run again (with
// the fix's backoff where writes replicate) and printed. A fix that needs a choice (acg-app.user-roles: which role,
// which user) runs only with --input for each; without them it is reported as needing them.
import { applyOnboardingFix, createOnboardingReads, type OnboardingClients, type OnboardingContext, type RecheckPolicy } from '../azure/onboarding';
import { resolveFixWrites, runOnboardingChecks, type CheckFix, type CheckResult, type FixWrite } from '../core/onboarding';
import { messageOf } from '../host/presentError';

export interface FixRunInput {
  readonly clients: OnboardingClients;
  readonly gatewayId: string;
  /** The command line that selects the gateway (`--gateway … [--cloud …]`), for the "run again with --yes" hint. */
  readonly commandLine: string;
  /** A check id, or 'all'. */
  readonly target: string;
  readonly yes: boolean;
  readonly inputs: Readonly<Record<string, string>>;
  readonly context: OnboardingContext;
  /** Where the writes are told (stdout for text; stderr when stdout carries JSON, Markdown or SARIF). */
  readonly log: (line: string) => void;
  readonly recheck?: RecheckPolicy;
  readonly signal?: AbortSignal;
}

export interface FixRunOutcome {
  /** The checks to print: those fixed, run again; the rest as they were. */
  readonly results: readonly CheckResult[];
  /** An --input value the fix cannot use: a usage error (exit 4). */
  readonly inputProblems: readonly string[];
}

export async function runFixes(input: FixRunInput): Promise<FixRunOutcome> {
  const { clients, gatewayId, target, yes, log } = input;
  const reads = createOnboardingReads(clients, gatewayId, input.context);
  const current = await runOnboardingChecks(reads, { ...(target === 'all' ? {} : { checkIds: [target] }), ...(input.signal ? { signal: input.signal } : {}) });
  const fixable = current.filter((r): r is CheckResult & { fix: CheckFix } => r.fix !== undefined && r.status !== 'pass' && r.fix.writes.length > 0);
  if (fixable.length === 0) {
    const [only] = current;
    log(target === 'all' || !only ? 'No check has a fix to run: nothing was written.' : nothingToFix(only));
    return { results: current, inputProblems: [] };
  }

  const rerun = new Map<string, CheckResult>();
  const inputProblems: string[] = [];
  let pending = 0;
  for (const check of fixable) {
    const { fix } = check;
    log(`Fix ${check.id}: ${fix.title}`);
    log(`  ${fix.description}`);
    const missing = (fix.inputs ?? []).filter((i) => input.inputs[i.id] === undefined);
    if (missing.length > 0) {
      log(`  Not run: it needs ${missing.map((i) => `--input ${i.id}=<${inputHint(i)}>`).join(' ')}.`);
      continue;
    }
    let writes: FixWrite[];
    let inputs: Record<string, string>;
    try {
      inputs = choiceValues(fix, input.inputs, target !== 'all');
      writes = resolveFixWrites(fix, inputs);
    } catch (error) {
      inputProblems.push(`${check.id}: ${messageOf(error)}`);
      log(`  Not run: ${messageOf(error)}`);
      continue;
    }
    if (!yes) {
      log(`  Would write (${writes.length}):`);
      for (const write of writes) describeWrite(write, '    ').forEach((line) => log(line));
      pending += writes.length;
      continue;
    }
    const run = await applyOnboardingFix(clients, gatewayId, {
      checkId: check.id,
      confirmed: writes,
      inputs,
      context: input.context,
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.recheck ? { recheck: input.recheck } : {}),
      onWrite: (write) => describeWrite(write, '  Writing: ').forEach((line) => log(line)),
    });
    log(`  Wrote ${run.written.length}; ${run.alreadyDone.length} already done${run.notConfirmed.length > 0 ? `; ${run.notConfirmed.length} not confirmed, not sent` : ''}.`);
    for (const failure of run.failures ?? []) log(`  Refused: ${failure.write.description}: ${failure.message}`);
    log(`  Checked again: ${run.result.status} — ${run.result.summary}`);
    rerun.set(check.id, run.result);
  }
  if (!yes && pending > 0) {
    log(`Nothing was written. To make these writes, run again with --yes:`);
    log(`  acg check ${input.commandLine} --fix ${target}${Object.entries(input.inputs).map(([k, v]) => ` --input ${k}=${v}`).join('')} --yes`);
  }
  return { results: current.map((r) => rerun.get(r.id) ?? r), inputProblems };
}

function nothingToFix(result: CheckResult): string {
  if (result.status === 'pass') return `${result.id} passes: nothing to fix, nothing was written.`;
  return `${result.id} is ${result.status} and has no fix to run (${result.summary}): nothing was written.`;
}

/** One write as lines: method, service and path, what it does, and the body it sends. */
function describeWrite(write: FixWrite, prefix: string): string[] {
  const service = write.service === 'graph' ? 'Microsoft Graph' : 'ARM';
  const lines = [`${prefix}${write.method} ${service} ${write.path}`, `${' '.repeat(prefix.length)}  ${write.description}`];
  if (write.body !== undefined) lines.push(`${' '.repeat(prefix.length)}  body: ${JSON.stringify(write.body)}`);
  return lines;
}

function inputHint(input: NonNullable<CheckFix['inputs']>[number]): string {
  return input.kind === 'choice' ? input.options.map((o) => o.label).join('|') : 'user principal name or object id';
}

/** A choice may be given by its label (ProvisioningAPI.AdminUser) or its value (the role id). */
function choiceValues(fix: CheckFix, given: Readonly<Record<string, string>>, strict: boolean): Record<string, string> {
  const values: Record<string, string> = { ...given };
  for (const input of fix.inputs ?? []) {
    const value = given[input.id];
    if (input.kind !== 'choice' || value === undefined) continue;
    const option = input.options.find((o) => o.value.toLowerCase() === value.toLowerCase() || o.label.toLowerCase() === value.toLowerCase());
    if (option) values[input.id] = option.value;
  }
  // With --fix all, inputs are meant for whichever fix takes them; naming one check, an input it does not take is a typo.
  const unknown = !strict ? [] : Object.keys(given).filter((id) => !(fix.inputs ?? []).some((i) => i.id === id));
  if (unknown.length > 0) throw new Error(`this fix takes no input ${unknown.map((id) => `'${id}'`).join(', ')}${fix.inputs?.length ? ` (it takes ${fix.inputs.map((i) => i.id).join(', ')})` : ''}.`);
  return values;
}
