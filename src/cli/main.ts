// `acg`: the terminal face of the same core the extension uses. Commands grow with the issues (validate, plan, apply).
import { RULES } from '../core/rules/ruleTable';
import { presentError } from '../host/presentError';
import { runCheck } from './checkCommand';
import { runExport } from './exportCommand';
import { formatRulesTable } from './rulesCommand';
import { runValidate } from './validateCommand';

const HELP = `acg — Azure Communications Gateway Tools

Usage:
  acg validate <files|globs|folders...> [--format text|json|sarif] [--default-country CC]
                                   check config files (*.acg-gateway.json, *.acg-plan.json,
                                   *.acg-numbers.csv, *.acg-migration.json); exit 1 on errors
  acg rules [--format text|json]   list every validation rule: id, severity, title and source
  acg check --gateway <name | resource id> [--subscription <id>] [--format text|json|markdown|sarif]
            [--fix <check-id>|all [--yes] [--input <id>=<value>...]]
            [--cloud AzureCloud|AzureUSGovernment|AzureChinaCloud|Emulator] [--emulator-url <url>] [--device-code]
                                   run the onboarding checks against a gateway, with the evidence read;
                                   --fix prints the writes a fix would make, --yes makes them
                                   (acg check --help for sign-in, clouds and inputs)
  acg export --gateway <name | resource id> [--subscription <id>] [--account <name>] [--filter <expression>...]
             [--format csv|json|jsonl] [--out <file>] [--cloud ...] [--emulator-url <url>] [--device-code]
                                   export a gateway's (or an account's) numbers page by page, in the portal's CSV
                                   (re-importable, acg validate reads it) or JSON; --filter prefix=+44,service=OC,
                                   status=failed (acg export --help for the formats and files)
  acg --version                    print the version
  acg --help                       show this help

Exit codes: 0 success (acg check: every check passes, warns or is manual); 1 errors found (acg check: a check
failed or could not run; acg export: the export failed partway); 2 usage error, or the command could not run
(unreadable file, sign-in, network, gateway not found).`;

declare const ACG_VERSION: string | undefined;

/** Runs one command line and returns the exit code. Never rejects: anything unexpected is reported like every other
 * failure of the product (presentError: message, detail, what to do next) and exits 2. `env` is where sign-in and the
 * cloud come from (`acg check`). */
export async function runCli(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
  cwd: string = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = process.env,
  /** Ctrl-C: a long command (acg export) stops between pages and cleans up. */
  abortSignal?: AbortSignal,
): Promise<number> {
  try {
    return await runCommand(argv, out, err, cwd, env, abortSignal);
  } catch (error) {
    const presented = presentError(error);
    err(`acg: ${presented.message}`);
    for (const line of presented.detail?.split('\n') ?? []) err(`  ${line}`);
    for (const action of presented.actions) if (action.hint) err(`  To fix: ${action.hint}.`);
    return 2;
  }
}

function runCommand(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  abortSignal: AbortSignal | undefined,
): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(HELP);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    out(typeof ACG_VERSION === 'string' ? ACG_VERSION : 'dev');
    return 0;
  }
  if (command === 'validate') return runValidate(rest, out, err, cwd);
  if (command === 'check') return runCheck(rest, out, err, { env, cwd });
  if (command === 'export') return runExport(rest, out, err, { env, cwd, ...(abortSignal ? { abortSignal } : {}) });
  if (command === 'rules') {
    const format = optionValue(rest, '--format') ?? 'text';
    if (format !== 'text' && format !== 'json') {
      err(`acg rules: --format must be text or json, not '${format}'.`);
      return 2;
    }
    out(format === 'json' ? JSON.stringify(Object.values(RULES), null, 2) : formatRulesTable(Object.values(RULES)));
    return 0;
  }
  err(`acg: unknown command '${command}'. Run 'acg --help' for the list.`);
  return 2;
}

function optionValue(args: readonly string[], name: string): string | undefined {
  const inline = args.find((a) => a.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

if (require.main === module) {
  // The first Ctrl-C asks the running command to stop cleanly (acg export removes its partial files); a second one
  // is Node's default, immediate exit.
  const interrupt = new AbortController();
  const onInterrupt = (): void => interrupt.abort(new Error('Interrupted (Ctrl-C).'));
  process.once('SIGINT', onInterrupt);
  // `acg export … | head`: the reader goes away. Stop between pages, as for Ctrl-C, instead of dying on EPIPE.
  process.stdout.on('error', (error: Error) => interrupt.abort(new Error(`stdout was closed (${error.message}).`)));
  void runCli(process.argv.slice(2), (line) => console.log(line), (line) => console.error(line), process.cwd(), process.env, interrupt.signal).then((code) => {
    process.exitCode = code;
    process.off('SIGINT', onInterrupt);
  });
}
