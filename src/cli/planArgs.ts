// The command lines of `acg plan` and `acg apply`, checked before anything is read or signed in: every mistake is a
// usage error with one sentence that names the option and why.
import { configKindOf } from '../core/config';
import { gatewayTargetOf } from './gatewayTargetArgs';

export const PLAN_FORMATS = ['text', 'json', 'markdown'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

interface SessionOptions {
  readonly cloud?: string;
  readonly emulatorUrl?: string;
  readonly deviceCode: boolean;
}

interface GatewayOptions {
  /** A gateway name, or its ARM resource id. Always given for a provisioning plan; optional for a gateway file, which
   * names its gateway (given, it must agree). */
  readonly gateway?: string;
  readonly subscription?: string;
  /** What the desired file is: a provisioning plan (*.acg-plan.json) or a gateway (*.acg-gateway.json). */
  readonly fileKind: DesiredKind;
}

export type DesiredKind = 'plan' | 'gateway';

export interface PlanArguments extends SessionOptions, GatewayOptions {
  /** The *.acg-plan.json or *.acg-gateway.json, as given. */
  readonly file: string;
  readonly format: PlanFormat;
  /** Where to save the plan for acg apply. */
  readonly out?: string;
}

export type ApplySource =
  /** A plan saved by acg plan --out. */
  | { readonly kind: 'saved'; readonly plan: string }
  /** A desired file: plan now, save the plan (at `out`, or next to the file), confirm, apply. */
  | ({ readonly kind: 'desired'; readonly file: string; readonly out?: string } & GatewayOptions)
  /** Continue the apply this journal records. */
  | { readonly kind: 'resume'; readonly journal: string };

export interface ApplyArguments extends SessionOptions {
  readonly source: ApplySource;
  readonly yes: boolean;
  /** Default: next to the saved plan (<plan without .json>.journal.jsonl). */
  readonly journal?: string;
}

export type Parsed<T> = { readonly kind: 'run'; readonly args: T } | { readonly kind: 'help' } | { readonly kind: 'usage'; readonly message: string };

interface Tokens {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly positional: readonly string[];
}

const SESSION_VALUES = ['--cloud', '--emulator-url'];
const COMMON_FLAGS = ['--device-code', '--help', '-h'];
const ALIASES: Readonly<Record<string, string>> = { '-h': '--help', '-y': '--yes' };

function tokenize(argv: readonly string[], valueOptions: readonly string[], flagOptions: readonly string[]): Tokens | string {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (flagOptions.includes(name)) {
      if (eq > 0) return `${name} takes no value.`;
      flags.add(ALIASES[name] ?? name);
      continue;
    }
    if (valueOptions.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value.trim() === '' || (eq < 0 && value.startsWith('--'))) return `${name} needs a value.`;
      if (values.has(name)) return `${name} is given twice.`;
      values.set(name, value.trim());
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'.`;
    positional.push(arg);
  }
  return { values, flags, positional };
}

function sessionOf(tokens: Tokens): SessionOptions {
  return {
    ...(tokens.values.has('--cloud') ? { cloud: tokens.values.get('--cloud') } : {}),
    ...(tokens.values.has('--emulator-url') ? { emulatorUrl: tokens.values.get('--emulator-url') } : {}),
    deviceCode: tokens.flags.has('--device-code'),
  };
}

/** What a desired file is by its name, or the usage problem with it. */
function desiredKindOf(file: string): DesiredKind | { problem: string } {
  if (file.trim() === '') return { problem: 'the desired file name is empty.' };
  const kind = configKindOf(file);
  if (kind === 'plan' || kind === 'gateway') return kind;
  return { problem: `${file} is neither a provisioning plan nor a gateway file: its name must end in .acg-plan.json or .acg-gateway.json.` };
}

/** The gateway options for a desired file: required for a provisioning plan, optional (checked against the file
 * later) for a gateway file. */
function gatewayOptionsOf(values: ReadonlyMap<string, string>, fileKind: DesiredKind): GatewayOptions | { problem: string } {
  if (fileKind === 'gateway' && !values.has('--gateway')) {
    const subscription = values.get('--subscription');
    if (subscription !== undefined) return { problem: '--subscription goes with --gateway; a gateway file names its subscription itself.' };
    return { fileKind };
  }
  const target = gatewayTargetOf(values);
  if (target.problem !== undefined) return { problem: target.problem };
  return { fileKind, gateway: target.gateway, ...(target.subscription !== undefined ? { subscription: target.subscription } : {}) };
}

export function parsePlanArguments(argv: readonly string[]): Parsed<PlanArguments> {
  const tokens = tokenize(argv, ['--gateway', '--subscription', '--out', '--format', ...SESSION_VALUES], COMMON_FLAGS);
  if (typeof tokens === 'string') return usage(tokens);
  if (tokens.flags.has('--help')) return { kind: 'help' };
  const [file, ...extra] = tokens.positional;
  if (file === undefined) return usage('name the desired file: acg plan <file>.acg-plan.json --gateway <name | resource id>, or acg plan <file>.acg-gateway.json.');
  if (extra.length > 0) return usage(`one file at a time: unexpected argument '${extra[0]}'.`);
  const fileKind = desiredKindOf(file);
  if (typeof fileKind !== 'string') return usage(fileKind.problem);
  const target = gatewayOptionsOf(tokens.values, fileKind);
  if ('problem' in target) return usage(target.problem);
  const format = tokens.values.get('--format') ?? 'text';
  if (!(PLAN_FORMATS as readonly string[]).includes(format)) return usage(`--format must be text, json or markdown, not '${format}'.`);
  const out = tokens.values.get('--out');
  if (out !== undefined && configKindOf(out)) return usage(`--out ${out} would overwrite a config file: name the saved plan something like plan.json.`);
  return {
    kind: 'run',
    args: {
      file,
      ...target,
      format: format as PlanFormat,
      ...(out !== undefined ? { out } : {}),
      ...sessionOf(tokens),
    },
  };
}

export function parseApplyArguments(argv: readonly string[]): Parsed<ApplyArguments> {
  const tokens = tokenize(argv, ['--gateway', '--subscription', '--out', '--journal', '--resume', ...SESSION_VALUES], [...COMMON_FLAGS, '--yes', '-y']);
  if (typeof tokens === 'string') return usage(tokens);
  if (tokens.flags.has('--help')) return { kind: 'help' };
  const { values, positional } = tokens;
  if (positional.length > 1) return usage(`one plan at a time: unexpected argument '${positional[1]}'.`);
  const [file] = positional;
  const resume = values.get('--resume');
  const journal = values.get('--journal');
  let source: ApplySource;
  if (resume !== undefined) {
    if (file !== undefined) return usage(`--resume continues the plan its journal names: give no plan or file ('${file}').`);
    const extra = ['--gateway', '--subscription', '--out', '--journal'].find((name) => values.has(name));
    if (extra) return usage(`--resume takes the gateway and the plan from its journal: leave out ${extra}.`);
    source = { kind: 'resume', journal: resume };
  } else if (file?.trim() === '') {
    return usage('the plan file name is empty.');
  } else if (file === undefined) {
    return usage('name a saved plan (acg plan … --out plan.json), a desired *.acg-plan.json with --gateway or a *.acg-gateway.json, or --resume <journal>.');
  } else if (configKindOf(file) !== undefined) {
    const fileKind = desiredKindOf(file);
    if (typeof fileKind !== 'string') return usage(fileKind.problem);
    const target = gatewayOptionsOf(values, fileKind);
    if ('problem' in target) return usage(`${target.problem} (a desired file is planned against a gateway first)`);
    const out = values.get('--out');
    if (out !== undefined && configKindOf(out)) return usage(`--out ${out} would overwrite a config file: name the saved plan something like plan.json.`);
    source = { kind: 'desired', file, ...target, ...(out !== undefined ? { out } : {}) };
  } else {
    const extra = ['--gateway', '--subscription', '--out'].find((name) => values.has(name));
    if (extra) return usage(`${file} is a saved plan, which names its gateway: leave out ${extra}.`);
    source = { kind: 'saved', plan: file };
  }
  if (journal !== undefined && configKindOf(journal)) return usage(`--journal ${journal} would overwrite a config file.`);
  return { kind: 'run', args: { source, yes: tokens.flags.has('--yes'), ...(journal !== undefined ? { journal } : {}), ...sessionOf(tokens) } };
}

function usage<T>(message: string): Parsed<T> {
  return { kind: 'usage', message };
}
