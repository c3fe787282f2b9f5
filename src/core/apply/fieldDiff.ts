// Field-by-field comparison of two resource bodies, as plan shows it: each leaf that differs, at its JSON path.
// Both sides are the WRITABLE projection (read-only and computed fields stripped by the caller), so a service-side
// status or count never shows as a change. A PUT replaces the resource, so a field the desired side leaves out but
// the live side has IS a change (the PUT would clear it); an empty object and an absent one are the same.
import type { FieldChange } from './types';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Arrays of strings in these bodies are sets (capabilities, usages, platforms): order never matters to the service. */
function comparable(value: unknown, unorderedArrays: boolean): unknown {
  if (!Array.isArray(value) || !unorderedArrays) return value;
  return value.every((item) => typeof item === 'string') ? [...(value as string[])].sort() : value;
}

function leaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (child === undefined) continue;
      leaves(child, prefix === '' ? key : `${prefix}.${key}`, out);
    }
    return;
  }
  if (value !== undefined) out.set(prefix, value);
}

function sameLeaf(a: unknown, b: unknown, unorderedArrays: boolean): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(comparable(a, unorderedArrays)) === JSON.stringify(comparable(b, unorderedArrays));
}

export interface DiffOptions {
  /** Compare string arrays as sets (provisioning bodies); ARM's codecs list is ordered by preference, so not there. */
  readonly unorderedArrays?: boolean;
  /** Leaf paths that never count (compared elsewhere, or keys the caller already matched). */
  readonly ignore?: ReadonlySet<string>;
}

/** The fields that differ from `before` (live) to `after` (desired), in a stable order: after's paths, then before's. */
export function fieldChanges(before: unknown, after: unknown, options: DiffOptions = {}): FieldChange[] {
  const unordered = options.unorderedArrays === true;
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const changes: FieldChange[] = [];
  for (const [path, value] of b) {
    if (options.ignore?.has(path)) continue;
    const old = a.get(path);
    if (!sameLeaf(old, value, unordered)) changes.push(old === undefined ? { path, after: value } : { path, before: old, after: value });
  }
  for (const [path, value] of a) {
    if (options.ignore?.has(path) || b.has(path)) continue;
    changes.push({ path, before: value });
  }
  return changes;
}

/** A create shows every field it sets. */
export function createdFields(body: unknown, options: DiffOptions = {}): FieldChange[] {
  return fieldChanges(undefined, body, options);
}
