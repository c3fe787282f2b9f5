// A fix's writes made concrete: the `{{input:<id>}}` placeholders filled with what the user chose, checked first, and
// an identity per write so that a confirmed list can be matched against the writes a fresh re-check proposes.
import type { CheckFix, EvidenceValue, FixInput, FixWrite } from './types';

const PLACEHOLDER = /\{\{input:([^}]*)\}\}/g;

function checkedValue(input: FixInput, raw: string | undefined): string {
  const value = raw?.trim() ?? '';
  if (value === '') throw new Error(`Choose ${input.label} first: the fix needs it.`);
  if (input.kind === 'choice') {
    if (!input.options.some((o) => o.value === value)) {
      throw new Error(`${input.label}: '${value}' is not one of ${input.options.map((o) => o.label).join(', ')}.`);
    }
  } else if (/\s/.test(value)) {
    throw new Error(`${input.label}: '${value}' has spaces in it; give an object id or a user principal name.`);
  }
  return value;
}

function fill(text: string, values: ReadonlyMap<string, string>, encode: (value: string) => string): string {
  return text.replace(PLACEHOLDER, (_match, id: string) => {
    const value = values.get(id);
    if (value === undefined) throw new Error(`The fix refers to an input '${id}' it does not declare.`);
    return encode(value);
  });
}

function fillBody(value: EvidenceValue, values: ReadonlyMap<string, string>): EvidenceValue {
  if (typeof value === 'string') return fill(value, values, (v) => v);
  if (Array.isArray(value)) return value.map((item: EvidenceValue) => fillBody(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillBody(item, values)]));
  }
  return value;
}

/** The writes of `fix` with every input filled in. Throws an Error naming the input when one is missing or invalid. */
export function resolveFixWrites(fix: CheckFix, inputs: Readonly<Record<string, string>> = {}): FixWrite[] {
  const values = new Map<string, string>();
  for (const input of fix.inputs ?? []) values.set(input.id, checkedValue(input, Object.hasOwn(inputs, input.id) ? inputs[input.id] : undefined));
  return fix.writes.map((write) => ({
    ...write,
    // A value in a path is one segment: a user principal name's '@' or a stray '/' must not change the URL's shape.
    path: fill(write.path, values, encodeURIComponent),
    ...(write.body === undefined ? {} : { body: fillBody(write.body, values) }),
  }));
}

function canonical(value: EvidenceValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map((v: EvidenceValue) => canonical(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a write does, independent of its description and of key order in its body: two equal keys are one write. */
export function writeKey(write: FixWrite): string {
  return `${write.method} ${write.service} ${write.path} ${canonical(write.body)}`;
}
