// `acg`: the terminal face of the same core the extension uses. Commands grow with the issues (validate, plan, apply).
import { RULES } from '../core/rules/ruleTable';
import { presentError } from '../host/presentError';
import { runApply } from './applyCommand';
import { runCheck } from './checkCommand';
import { oneLine } from './commandLine';
import { EXIT, EXIT_CODES_HELP } from './exitCodes';
import { runExport } from './exportCommand';
import { runPlan } from './planCommand';
import { formatRulesTable } from './rulesCommand';
import { terminalPrompt } from './terminalPrompt';
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
  acg plan <file>.acg-plan.json --gateway <name | resource id> [--subscription <id>] [--out <plan.json>]
           [--format text|json|markdown] [--cloud ...] [--emulator-url <url>] [--device-code]
  acg plan <file>.acg-gateway.json [--out <plan.json>] [--format …]   (the file names its gateway)
                                   what apply would change on the gateway, field by field (creates, updates,
                                   deletes with "prune": true), with the time it takes; --out saves the plan;
                                   exit 0 no changes, 2 changes (acg plan --help)
  acg apply <plan.json> [--yes] [--journal <path>]
  acg apply <file>.acg-plan.json --gateway <name | resource id> [--yes] [--journal <path>]
  acg apply <file>.acg-gateway.json [--yes] [--journal <path>]
  acg apply --resume <journal>     apply a saved plan (refused once its file has changed), or plan and apply;
                                   asks first unless --yes; journalled, so Ctrl-C or a crash resumes with nothing
                                   lost or done twice (acg apply --help)
  acg --version                    print the version
  acg --help                       show this help

${EXIT_CODES_HELP}`;

declare const ACG_VERSION: string | undefined;

/** Runs one command line and returns the exit code. Never rejects: anything unexpected is reported like every other
 * failure of the product (presentError: message, detail, what to do next) and exits 3 (could not run). `env` is where sign-in and the
 * cloud come from (`acg check`). */
export async function runCli(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
  cwd: string = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = process.env,
  /** Ctrl-C: a long command stops cleanly (acg export between pages, removing its files; acg apply between requests,
   * printing how to resume). */
  abortSignal?: AbortSignal,
): Promise<number> {
  // Every stderr line is a line: what a command echoes from its arguments is escaped (oneLine).
  const errLine = (line: string): void => err(oneLine(line));
  try {
    return await runCommand(argv, out, errLine, cwd, env, abortSignal);
  } catch (error) {
    const presented = presentError(error);
    errLine(`acg: ${presented.message}`);
    for (const line of presented.detail?.split('\n') ?? []) errLine(`  ${line}`);
    for (const action of presented.actions) if (action.hint) errLine(`  To fix: ${action.hint}.`);
    return EXIT.failed;
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
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    out(typeof ACG_VERSION === 'string' ? ACG_VERSION : 'dev');
    return EXIT.ok;
  }
  if (command === 'validate') return runValidate(rest, out, err, cwd);
  if (command === 'check') return runCheck(rest, out, err, { env, cwd });
  if (command === 'export') return runExport(rest, out, err, { env, cwd, ...(abortSignal ? { abortSignal } : {}) });
  if (command === 'plan') return runPlan(rest, out, err, { env, cwd, ...(abortSignal ? { abortSignal } : {}) });
  if (command === 'apply') {
    const prompt = terminalPrompt(abortSignal);
    return runApply(rest, out, err, { env, cwd, ...(abortSignal ? { abortSignal } : {}), ...(prompt ? { prompt } : {}) });
  }
  if (command === 'rules') {
    const format = rulesFormat(rest);
    if (format === 'help') {
      out(RULES_USAGE);
      return EXIT.ok;
    }
    if (!format.ok) {
      err(`acg rules: ${format.problem}`);
      return EXIT.usage;
    }
    out(format.format === 'json' ? JSON.stringify(Object.values(RULES), null, 2) : formatRulesTable(Object.values(RULES)));
    return EXIT.ok;
  }
  err(`acg: unknown command '${command}'. Run 'acg --help' for the list.`);
  return EXIT.usage;
}

const RULES_USAGE = 'Usage: acg rules [--format text|json]   list every validation rule: id, severity, title and source';

/** `acg rules [--format text|json]`: anything else is a usage error, as in every other command. */
function rulesFormat(args: readonly string[]): { ok: true; format: 'text' | 'json' } | { ok: false; problem: string } | 'help' {
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return 'help';
    const inline = arg.startsWith('--format=') ? arg.slice('--format='.length) : undefined;
    if (arg !== '--format' && inline === undefined) return { ok: false, problem: arg.startsWith('-') ? `unknown option '${arg}' (acg rules takes --format text|json).` : `unexpected argument '${arg}' (acg rules takes --format text|json).` };
    if (format !== undefined) return { ok: false, problem: '--format is given twice.' };
    format = inline ?? args[++i];
    if (format === undefined || format === '') return { ok: false, problem: '--format needs a value: text or json.' };
  }
  format ??= 'text';
  if (format !== 'text' && format !== 'json') return { ok: false, problem: `--format must be text or json, not '${format}'.` };
  return { ok: true, format };
}

if (require.main === module) {
  // The first Ctrl-C asks the running command to stop cleanly (acg export removes its partial files, acg apply stops
  // between requests and prints how to resume); a second one is Node's default, immediate exit.
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
