// The command line of `acg check`, checked before anything signs in: every mistake here is a usage error (exit 4)
// with a sentence that says which option and why.
import { findCheck } from '../core/onboarding';
import { gatewayTargetOf } from './gatewayTargetArgs';

export const CHECK_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckArguments {
  /** A gateway name, or its ARM resource id. */
  readonly gateway: string;
  readonly subscription?: string;
  readonly format: CheckFormat;
  /** A check id, or 'all'. */
  readonly fix?: string;
  readonly yes: boolean;
  /** `--input id=value`, for fixes that need a choice (acg-app.user-roles: role, principal). */
  readonly inputs: Readonly<Record<string, string>>;
  readonly cloud?: string;
  readonly emulatorUrl?: string;
  readonly deviceCode: boolean;
}

export type ParsedCheckArguments =
  | { readonly kind: 'run'; readonly args: CheckArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage'; readonly message: string };

const VALUE_OPTIONS = new Set(['--gateway', '--subscription', '--format', '--fix', '--input', '--cloud', '--emulator-url']);
const FLAGS = new Set(['--yes', '-y', '--device-code', '--help', '-h']);

export function parseCheckArguments(argv: readonly string[]): ParsedCheckArguments {
  const values = new Map<string, string>();
  const inputs: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.has(name)) {
      if (eq > 0) return usage(`${name} takes no value.`);
      flags.add(name === '-y' ? '--yes' : name === '-h' ? '--help' : name);
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) return usage(arg.startsWith('-') ? `unknown option '${arg}'.` : `unexpected argument '${arg}' (name the gateway with --gateway).`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value.trim() === '' || (eq < 0 && value.startsWith('--'))) return usage(`${name} needs a value.`);
    if (name === '--input') {
      const at = value.indexOf('=');
      const key = value.slice(0, Math.max(at, 0)).trim();
      if (at <= 0 || value.slice(at + 1).trim() === '') return usage(`--input takes id=value (such as role=ProvisioningAPI.AdminUser), not '${value}'.`);
      inputs[key] = value.slice(at + 1).trim();
      continue;
    }
    if (values.has(name)) return usage(`${name} is given twice.`);
    values.set(name, value.trim());
  }
  if (flags.has('--help')) return { kind: 'help' };

  const target = gatewayTargetOf(values);
  if (target.problem !== undefined) return usage(target.problem);
  const { gateway, subscription } = target;
  const format = values.get('--format') ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) return usage(`--format must be text, json, markdown or sarif, not '${format}'.`);
  const fix = values.get('--fix');
  if (fix !== undefined && fix !== 'all' && !findCheck(fix)) return usage(`--fix names no check: '${fix}'. Give a check id (acg check prints them) or all.`);
  if (fix === undefined && flags.has('--yes')) return usage('--yes confirms the writes of --fix: give --fix <check-id>|all with it.');
  if (fix === undefined && Object.keys(inputs).length > 0) return usage('--input is for --fix: give --fix <check-id> with it.');

  return {
    kind: 'run',
    args: {
      gateway,
      ...(subscription !== undefined ? { subscription } : {}),
      format: format as CheckFormat,
      ...(fix !== undefined ? { fix } : {}),
      yes: flags.has('--yes'),
      inputs,
      ...(values.has('--cloud') ? { cloud: values.get('--cloud') } : {}),
      ...(values.has('--emulator-url') ? { emulatorUrl: values.get('--emulator-url') } : {}),
      deviceCode: flags.has('--device-code'),
    },
  };
}

function usage(message: string): ParsedCheckArguments {
  return { kind: 'usage', message };
}
