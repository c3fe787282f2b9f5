// `acg check --gateway <name | resource id> [--subscription <id>] [--format text|json|markdown|sarif]
// [--fix <check-id>|all [--yes]]`: every onboarding check against one gateway, from a terminal or a pipeline. The
// checks and reads are the extension's own (src/core/onboarding, src/azure/onboarding); the report is core's.
// Exit code: 0 all pass, warn or are manual; 1 a check failed or could not run; 3 the command itself could not run
// (sign-in, gateway not found); 4 usage error (exitCodes.ts).
import type { AzureClients } from '../azure/azureClients';
import { createOnboardingReads, type OnboardingContext, type RecheckPolicy } from '../azure/onboarding';
import { checkExitCode, renderMarkdown, renderSarif, renderText, reportJson, runOnboardingChecks, type CheckResult, type OnboardingReport } from '../core/onboarding';
import { parseCheckArguments, type CheckArguments, type CheckFormat } from './checkArgs';
import { workingFolderGatewayContext } from './checkContext';
import { runFixes } from './checkFix';
import { resolveGateway } from './checkGateway';
import { openCliSession, type SessionDependencies } from './cliSession';
import { cloudParts, commandLine } from './commandLine';
import { EXIT } from './exitCodes';

export const CHECK_USAGE = `Usage: acg check --gateway <name | resource id> [--subscription <id>] [--format text|json|markdown|sarif]
                 [--fix <check-id>|all [--yes] [--input <id>=<value>...]]
                 [--cloud AzureCloud|AzureUSGovernment|AzureChinaCloud|Emulator] [--emulator-url <url>] [--device-code]

  Runs every onboarding check (deployment, Entra, Operator Connect, Teams Phone Mobile, go-live) against one gateway
  and prints the evidence it read. A name is looked up in --subscription, or in every subscription you can see.
  An *.acg-gateway.json for the gateway under the current folder supplies the intended platforms and the
  integration-test numbers.
  --format        text (default), json ({ gateway, checks: [{ id, title, stage, status, summary, evidence, fix }] }),
                  markdown, or sarif (SARIF 2.1.0)
  --fix           print the writes the fix of one check (or of all failing checks) would make; nothing is written
  --yes           with --fix: make the writes, printing each as it is sent, then run the fixed checks again
  --input         a choice a fix needs: acg-app.user-roles takes --input role=<role name or id>
                  --input principal=<user principal name or object id>
  --cloud         default: ACG_CLOUD, else AzureCloud. Tokens only ever go to the chosen cloud's hosts.
  --emulator-url  the emulator's https://127.0.0.1:<port> (or ACG_EMULATOR_URL), needed with --cloud Emulator;
                  trust its CA with NODE_EXTRA_CA_CERTS=<folder the emulator started in>/.emulator/ca.pem
  Sign-in, the first that works: a service principal from AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET
  (or AZURE_CLIENT_CERTIFICATE_PATH); the Azure CLI (az login); a device code, with --device-code.
  Exit code: 0 every check passes, warns or is manual; 1 a check failed or could not run;
             3 the command could not run (sign-in, gateway not found); 4 usage error or a bad --input.`;

/** What a test replaces; the CLI passes process.env and the working folder only. */
export interface CheckDependencies extends SessionDependencies {
  readonly recheck?: RecheckPolicy;
  readonly now?: () => Date;
}

type Line = (line: string) => void;

export async function runCheck(argv: readonly string[], out: Line, err: Line, deps: CheckDependencies): Promise<number> {
  const parsed = parseCheckArguments(argv);
  if (parsed.kind === 'help') {
    out(CHECK_USAGE);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage') return usageError(err, parsed.message);
  const args = parsed.args;
  const session = await openCliSession('check', args, err, deps);
  if (!session.ok) return session.kind === 'usage' ? usageError(err, session.message) : EXIT.failed;
  const { clients } = session;
  try {
    return await checkGateway(args, clients, out, err, deps);
  } finally {
    clients.pipeline.dispose();
  }
}

async function checkGateway(args: CheckArguments, clients: AzureClients, out: Line, err: Line, deps: CheckDependencies): Promise<number> {
  const gateway = await resolveGateway(clients.arm, args.gateway, args.subscription);
  if (!gateway.ok) {
    gateway.lines.forEach((line, i) => err(i === 0 ? `acg check: ${line}` : line));
    return EXIT.failed;
  }
  const files = workingFolderGatewayContext(deps.cwd, gateway.ref);
  for (const file of files.unreadable) err(`acg check: skipped ${file}: it is not valid JSON (acg validate says why).`);
  if (files.files.length > 0) err(`acg check: intended platforms and integration-test numbers from ${files.files.join(', ')}.`);
  const context: OnboardingContext = {
    ...(files.intendedPlatforms ? { intendedPlatforms: files.intendedPlatforms } : {}),
    ...(files.integrationNumbers ? { integrationNumbers: files.integrationNumbers } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  };
  const report = (checks: readonly CheckResult[]): OnboardingReport => ({
    gateway: { name: gateway.ref.name, id: gateway.id },
    generatedAt: (deps.now?.() ?? new Date()).toISOString(),
    checks: [...checks],
  });

  if (args.fix === undefined) {
    const checks = await runOnboardingChecks(createOnboardingReads(clients, gateway.id, context));
    out(render(args.format, report(checks)));
    return checkExitCode(checks);
  }

  const fixed = await runFixes({
    clients,
    gatewayId: gateway.id,
    commandLine: gatewaySelection(args),
    target: args.fix,
    yes: args.yes,
    inputs: args.inputs,
    context,
    // Text goes to stdout with the report; a machine-readable report keeps stdout to itself.
    log: args.format === 'text' ? out : err,
    ...(deps.recheck ? { recheck: deps.recheck } : {}),
  });
  if (args.format === 'text') out('');
  out(render(args.format, report(fixed.results)));
  if (fixed.inputProblems.length > 0) return EXIT.usage;
  return checkExitCode(fixed.results);
}

function render(format: CheckFormat, report: OnboardingReport): string {
  switch (format) {
    case 'text':
      return renderText(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return JSON.stringify(reportJson(report), null, 2);
    case 'sarif':
      return JSON.stringify(renderSarif(report), null, 2);
  }
}

/** `--gateway … [--subscription …] [--cloud …]`, quoted for a shell when needed. */
function gatewaySelection(args: CheckArguments): string {
  return commandLine(['--gateway', args.gateway, ...(args.subscription ? ['--subscription', args.subscription] : []), ...cloudParts(args)]);
}

function usageError(err: Line, message: string): number {
  err(`acg check: ${message}`);
  err(`Run 'acg check --help' for the options.`);
  return EXIT.usage;
}
