// `acg`: the terminal face of the same core the extension uses. Commands grow with the issues (validate, plan, apply).
import { RULES } from '../core/rules/ruleTable';
import { presentError } from '../host/presentError';
import { formatRulesTable } from './rulesCommand';
import { runValidate } from './validateCommand';

const HELP = `acg — Azure Communications Gateway Tools

Usage:
  acg validate <files|globs|folders...> [--format text|json|sarif] [--default-country CC]
                                   check config files (*.acg-gateway.json, *.acg-plan.json,
                                   *.acg-numbers.csv, *.acg-migration.json); exit 1 on errors
  acg rules [--format text|json]   list every validation rule: id, severity, title and source
  acg --version                    print the version
  acg --help                       show this help`;

declare const ACG_VERSION: string | undefined;

/** Runs one command line and returns the exit code. Never throws: anything unexpected is reported like every other
 * failure of the product (presentError: message, detail, what to do next) and exits 2. */
export function runCli(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, cwd: string = process.cwd()): number {
  try {
    return runCommand(argv, out, err, cwd);
  } catch (error) {
    const presented = presentError(error);
    err(`acg: ${presented.message}`);
    for (const line of presented.detail?.split('\n') ?? []) err(`  ${line}`);
    for (const action of presented.actions) if (action.hint) err(`  To fix: ${action.hint}.`);
    return 2;
  }
}

function runCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, cwd: string): number {
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
  process.exitCode = runCli(process.argv.slice(2), (line) => console.log(line), (line) => console.error(line));
}
