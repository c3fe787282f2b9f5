// `acg validate <files|globs|folders...> [--format text|json|sarif] [--default-country CC]`: the editor's engine on
// files, for pipelines. Exit code 0 (no errors), 1 (errors found), 3 (a file that cannot be read) or 4 (usage error).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { configKindOf, validateConfig, type ConfigDiagnostic, type ConfigKind } from '../core/config';
import { EXIT } from './exitCodes';
import { fileErrorReason as why } from './fileErrors';
import { expandGlob, isGlob } from './glob';
import { formatJson, formatSarif, formatText, type FileResult } from './validateOutput';

export const VALIDATE_USAGE = `Usage: acg validate <files|globs|folders...> [--format text|json|sarif] [--default-country CC]

  Validates *.acg-gateway.json, *.acg-plan.json, *.acg-numbers.csv and *.acg-migration.json files.
  A folder means every such file under it; quote globs ('samples/**/*.acg-plan.json') to let acg expand them.
  --format            text (default, file:line:col: severity code message), json, or sarif (SARIF 2.1.0)
  --default-country   ISO 3166 country (such as GB) for quick fixes of numbers in national format
  Exit code: 0 no errors, 1 errors found, 3 unreadable file, 4 usage error.`;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface Arguments {
  readonly format: Format;
  readonly defaultCountry?: string;
  readonly inputs: readonly string[];
}

type Parsed = { readonly ok: true; readonly args: Arguments } | { readonly ok: true; readonly help: true } | { readonly ok: false; readonly message: string };

function parseArguments(argv: readonly string[]): Parsed {
  let format: string = 'text';
  let defaultCountry: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--format' || name === '--default-country') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return { ok: false, message: `${name} needs a value.` };
      if (name === '--format') format = value;
      else defaultCountry = value.toUpperCase();
    } else if (arg === '--help' || arg === '-h') {
      return { ok: true, help: true };
    } else if (arg === '--') {
      inputs.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, message: `unknown option '${arg}'.` };
    } else {
      inputs.push(arg);
    }
  }
  if (!(FORMATS as readonly string[]).includes(format)) return { ok: false, message: `--format must be text, json or sarif, not '${format}'.` };
  if (defaultCountry !== undefined && !/^[A-Z]{2}$/.test(defaultCountry)) return { ok: false, message: `--default-country must be a two-letter country code such as GB, not '${defaultCountry}'.` };
  if (inputs.length === 0) return { ok: false, message: 'name at least one file, folder or glob.' };
  // An empty argument (often an unset shell variable) would otherwise resolve to the working folder and validate it all.
  if (inputs.some((input) => input.trim() === '')) return { ok: false, message: 'an empty file name: name a file, folder or glob.' };
  return { ok: true, args: { format: format as Format, inputs, ...(defaultCountry ? { defaultCountry } : {}) } };
}

function configFilesUnder(folder: string, shown: string, found: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    const next = `${shown}/${entry.name}`;
    if (entry.isDirectory()) configFilesUnder(path, next, found);
    else if (configKindOf(entry.name)) found.push(next);
  }
}

interface Resolved {
  readonly files: { path: string; kind: ConfigKind }[];
  readonly problems: string[];
}

/** Inputs to config files: literal files (which must be config files), folders (searched), globs (expanded). */
function resolveInputs(inputs: readonly string[], cwd: string): Resolved {
  const files: { path: string; kind: ConfigKind }[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = resolve(cwd, path);
    const kind = configKindOf(path);
    if (!kind || seen.has(key)) return;
    seen.add(key);
    files.push({ path, kind });
  };
  for (const input of inputs) {
    if (isGlob(input)) {
      const matches = expandGlob(input, cwd).filter((path) => configKindOf(path));
      if (matches.length === 0) problems.push(`no config files match '${input}'.`);
      matches.forEach(add);
      continue;
    }
    let isFolder: boolean;
    try {
      isFolder = statSync(resolve(cwd, input)).isDirectory();
    } catch (error) {
      problems.push(`cannot read ${input}: ${why(error)}.`);
      continue;
    }
    if (isFolder) {
      const found: string[] = [];
      try {
        configFilesUnder(resolve(cwd, input), input.replace(/[\\/]+$/, ''), found);
      } catch (error) {
        problems.push(`cannot read folder ${input}: ${why(error)}.`);
        continue;
      }
      if (found.length === 0) problems.push(`no config files under ${input} (*.acg-gateway.json, *.acg-plan.json, *.acg-numbers.csv, *.acg-migration.json).`);
      found.sort().forEach(add);
    } else if (!configKindOf(input)) {
      problems.push(`${input} is not a config file: its name must end in .acg-gateway.json, .acg-plan.json, .acg-numbers.csv or .acg-migration.json.`);
    } else {
      add(input);
    }
  }
  return { files, problems };
}

export function runValidate(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, cwd: string): number {
  const parsed = parseArguments(argv);
  if (!parsed.ok) {
    // One line that says what is wrong (as every command's usage error), not the whole usage text around it.
    err(`acg validate: ${parsed.message}`);
    err(`Run 'acg validate --help' for the options.`);
    return EXIT.usage;
  }
  if ('help' in parsed) {
    out(VALIDATE_USAGE);
    return EXIT.ok;
  }
  const { format, inputs, defaultCountry } = parsed.args;
  const { files, problems } = resolveInputs(inputs, cwd);
  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file.path), 'utf8');
    } catch (error) {
      problems.push(`cannot read ${file.path}: ${why(error)}.`);
      continue;
    }
    const diagnostics: ConfigDiagnostic[] = validateConfig(file.kind, text, defaultCountry ? { defaultCountry } : {});
    results.push({ path: relative(cwd, resolve(cwd, file.path)) || file.path, kind: file.kind, text, diagnostics });
  }
  for (const problem of problems) err(`acg validate: ${problem}`);
  if (format === 'json') out(formatJson(results));
  else if (format === 'sarif') out(formatSarif(results, cwd, problems));
  else out(formatText(results));
  if (problems.length > 0) return EXIT.failed;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT.problems : EXIT.ok;
}
