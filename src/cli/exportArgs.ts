// The command line of `acg export`, checked before anything signs in: every mistake is a usage error (exit 4) with
// one sentence that names the option and why.
import { gatewayTargetOf } from './gatewayTargetArgs';
import { parseFilterExpressions } from '../core/numbers/filterExpression';
import type { NumberFilter } from '../core/numbers/numberFilter';
import { EXPORT_FORMATS, csvColumnSetFor, type ExportFormat } from '../core/numbers/numberExport';
import { validateAccountName } from '../core/rules/accountRules';

export interface ExportArguments {
  /** A gateway name, or its ARM resource id. */
  readonly gateway: string;
  readonly subscription?: string;
  /** Without it, every number of the gateway (GET /numbers). */
  readonly account?: string;
  readonly filter: NumberFilter;
  readonly format: ExportFormat;
  /** Without it, stdout. */
  readonly out?: string;
  readonly cloud?: string;
  readonly emulatorUrl?: string;
  readonly deviceCode: boolean;
}

export type ParsedExportArguments =
  | { readonly kind: 'run'; readonly args: ExportArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage'; readonly message: string };

const VALUE_OPTIONS = new Set(['--gateway', '--subscription', '--account', '--filter', '--format', '--out', '--cloud', '--emulator-url']);
/** May be given more than once (their expressions add up). */
const REPEATABLE = new Set(['--filter']);
const FLAGS = new Set(['--device-code', '--help', '-h']);

export function parseExportArguments(argv: readonly string[]): ParsedExportArguments {
  const values = new Map<string, string>();
  const filters: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.has(name)) {
      if (eq > 0) return usage(`${name} takes no value.`);
      flags.add(name === '-h' ? '--help' : name);
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) return usage(arg.startsWith('-') ? `unknown option '${arg}'.` : `unexpected argument '${arg}' (name the gateway with --gateway, the file with --out).`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    // A filter may start with '+' but never with '--'; a missing value must not swallow the next option.
    if (value === undefined || value.trim() === '' || (eq < 0 && value.startsWith('--'))) return usage(`${name} needs a value.`);
    if (REPEATABLE.has(name)) {
      filters.push(value);
      continue;
    }
    if (values.has(name)) return usage(`${name} is given twice.`);
    values.set(name, value.trim());
  }
  if (flags.has('--help')) return { kind: 'help' };

  const target = gatewayTargetOf(values);
  if (target.problem !== undefined) return usage(target.problem);
  const { gateway, subscription } = target;
  const account = values.get('--account');
  const accountProblem = account === undefined ? undefined : validateAccountName(account)[0];
  if (accountProblem) return usage(`--account '${account}': ${accountProblem.message}`);
  const format = values.get('--format') ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return usage(`--format must be csv, json or jsonl, not '${format}'.`);
  const filter = parseFilterExpressions(filters);
  if (!filter.ok) return usage(`--filter: ${filter.message}`);
  if (format === 'csv') {
    const set = csvColumnSetFor(filter.filter);
    if (!set.ok) return usage(set.message);
  }

  return {
    kind: 'run',
    args: {
      gateway,
      ...(subscription !== undefined ? { subscription } : {}),
      ...(account !== undefined ? { account } : {}),
      filter: filter.filter,
      format: format as ExportFormat,
      ...(values.has('--out') ? { out: values.get('--out') } : {}),
      ...(values.has('--cloud') ? { cloud: values.get('--cloud') } : {}),
      ...(values.has('--emulator-url') ? { emulatorUrl: values.get('--emulator-url') } : {}),
      deviceCode: flags.has('--device-code'),
    },
  };
}

function usage(message: string): ParsedExportArguments {
  return { kind: 'usage', message };
}
