// Which file is which kind: by name only, so that a face can decide before reading a byte.
import type { ConfigKind } from './types';

export const CONFIG_KINDS: readonly ConfigKind[] = ['gateway', 'plan', 'numbersCsv', 'migration'];

const SUFFIXES: readonly (readonly [string, ConfigKind])[] = [
  ['.acg-gateway.json', 'gateway'],
  ['.acg-plan.json', 'plan'],
  ['.acg-numbers.csv', 'numbersCsv'],
  ['.acg-migration.json', 'migration'],
];

/** Glob per kind, for document selectors and file watchers. */
export const CONFIG_FILE_GLOBS: Readonly<Record<ConfigKind, string>> = {
  gateway: '**/*.acg-gateway.json',
  plan: '**/*.acg-plan.json',
  numbersCsv: '**/*.acg-numbers.csv',
  migration: '**/*.acg-migration.json',
};

/** The JSON Schema of each JSON kind, relative to the extension root (for `contributes.jsonValidation`). */
export const SCHEMA_FILES: Readonly<Record<Exclude<ConfigKind, 'numbersCsv'>, string>> = {
  gateway: './schemas/acg-gateway.schema.json',
  plan: './schemas/acg-plan.schema.json',
  migration: './schemas/acg-migration.schema.json',
};

/**
 * The kind of a file from its name (a path or a bare name; either slash). Case-insensitive, because Windows and macOS
 * file systems are, and a file named `X.ACG-PLAN.JSON` is still meant as a plan.
 */
export function configKindOf(fileName: string): ConfigKind | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  for (const [suffix, kind] of SUFFIXES) {
    // A bare ".acg-plan.json" has no name before the suffix: not a config file.
    if (base.endsWith(suffix) && base.length > suffix.length) return kind;
  }
  return undefined;
}

/**
 * The file name of a split part: `northwind.acg-plan.json` + `.part2` → `northwind.part2.acg-plan.json`, so that
 * the part keeps its kind. An empty suffix gives the name back.
 */
export function partFileName(fileName: string, fileSuffix: string): string {
  if (fileSuffix === '') return fileName;
  const lower = fileName.toLowerCase();
  for (const [suffix] of SUFFIXES) {
    if (lower.endsWith(suffix)) return `${fileName.slice(0, fileName.length - suffix.length)}${fileSuffix}${fileName.slice(fileName.length - suffix.length)}`;
  }
  return `${fileName}${fileSuffix}`;
}
