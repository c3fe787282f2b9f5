// The files around a plan: the desired *.acg-plan.json (read, hashed, validated with the editor's engine), the saved
// plan and its journal (where they go by default, written whole or not at all), and the journal's 'start' entry, which
// says which plan a journal belongs to.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { validateConfig, type ConfigDiagnostic } from '../core/config';
import type { GatewayDocument, PlanDocument } from '../core/config/model';
import type { JournalEntry } from '../core/apply/types';
import { fileErrorReason as why } from './fileErrors';
import { formatText } from './validateOutput';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type FileRead = { readonly ok: true; readonly text: string; readonly sha256: string } | { readonly ok: false; readonly message: string };

/** The bytes of a file as text, with their SHA-256; or why it cannot be read, in words. */
export function readHashed(path: string): FileRead {
  try {
    const bytes = readFileSync(path);
    return { ok: true, text: bytes.toString('utf8'), sha256: sha256Hex(bytes) };
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${why(error)}.` };
  }
}

export type DesiredFile<D = PlanDocument> =
  | { readonly ok: true; readonly document: D; readonly sha256: string }
  /** Unreadable: the command could not run. */
  | { readonly ok: false; readonly kind: 'unreadable'; readonly message: string }
  /** Errors: `report` lists every finding as acg validate prints it. */
  | { readonly ok: false; readonly kind: 'errors'; readonly errors: number; readonly report: string };

/** Reads and validates a desired file; a file with errors is refused, its findings listed as acg validate lists them. */
export function readDesiredFile(cwd: string, file: string): DesiredFile {
  return readValidated<PlanDocument>(cwd, file, 'plan');
}

/** The same for a *.acg-gateway.json. */
export function readDesiredGatewayFile(cwd: string, file: string): DesiredFile<GatewayDocument> {
  return readValidated<GatewayDocument>(cwd, file, 'gateway');
}

function readValidated<D>(cwd: string, file: string, kind: 'plan' | 'gateway'): DesiredFile<D> {
  const read = readHashed(resolve(cwd, file));
  if (!read.ok) return { ok: false, kind: 'unreadable', message: read.message };
  const diagnostics: ConfigDiagnostic[] = validateConfig(kind, read.text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) return { ok: false, kind: 'errors', errors, report: formatText([{ path: file, kind, text: read.text, diagnostics }]) };
  // Valid means it parsed: the validator reports a syntax error otherwise.
  return { ok: true, document: JSON.parse(read.text) as D, sha256: read.sha256 };
}

/** `contoso.acg-plan.json` → `contoso.plan.json` beside it (`lab.acg-gateway.json` → `lab.gateway-plan.json`): where
 * acg apply <file> saves the plan it makes. */
export function defaultSavedPlanPath(desiredFile: string): string {
  const name = basename(desiredFile);
  if (/\.acg-gateway\.json$/i.test(name)) return join(dirname(desiredFile), `${name.replace(/\.acg-gateway\.json$/i, '')}.gateway-plan.json`);
  return join(dirname(desiredFile), `${name.replace(/\.acg-plan\.json$/i, '')}.plan.json`);
}

/** `plan.json` → `plan.journal.jsonl` beside it. */
export function defaultJournalPath(planPath: string): string {
  return join(dirname(planPath), `${basename(planPath).replace(/\.json$/i, '')}.journal.jsonl`);
}

/** How a file is named from inside another file (the saved plan names its desired file, the journal its plan):
 * relative to that file's folder, with '/', so both can move together (a CI job's checkout). */
export function pathFrom(fromFile: string, target: string): string {
  const path = relative(dirname(resolve(fromFile)), resolve(target));
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The inverse of pathFrom. */
export function pathIn(fromFile: string, named: string): string {
  return isAbsolute(named) ? named : resolve(dirname(resolve(fromFile)), named);
}

/** Writes a whole file or nothing: a crash never leaves half a plan where acg apply would read it. */
export function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'w' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`cannot write ${path}: ${why(error)}.`);
  }
}

export function exists(path: string): boolean {
  return existsSync(path);
}

export type StartEntry = Extract<JournalEntry, { type: 'start' }>;

/** The journal's first 'start' entry (which plan, which gateway), or why there is none. */
export function journalStart(text: string, journal: string): { readonly ok: true; readonly start: StartEntry } | { readonly ok: false; readonly message: string } {
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isStartEntry(entry)) continue;
    return { ok: true, start: entry };
  }
  return { ok: false, message: `${journal} is not an apply journal: it has no 'start' entry naming its plan.` };
}

function isStartEntry(value: unknown): value is StartEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return entry.type === 'start' && typeof entry.planPath === 'string' && entry.planPath !== '' && typeof entry.planSha256 === 'string' && typeof entry.gateway === 'string';
}
