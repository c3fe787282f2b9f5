// Near-valid messages for the webview host fuzz tests: a VALID request of each method with exactly one thing broken —
// one field of the wrong type, out of range, longer than any bound, an array past any bound, an array where an object
// belongs, an object with an unknown or prototype-pollution key, a required key left out, or a value a field's own
// rule refuses. What counts as broken is the test's own reading of the protocol (every string and array of these
// panels is bounded far below the sizes used here; every number is a whole number from 0 to 1,000,000; every object
// is strict), not something asked of the schemas under test.
import fc from 'fast-check';
import { extraKeysBut } from './fuzzMessages';

export interface ValidRequest {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface MutationOptions {
  /** Keys that may be left out wherever they appear (optional in the schema): never dropped as "a key left out". */
  readonly optionalKeys: readonly string[];
  /**
   * Values a field must refuse by its own rule, by the field's key ("telephoneNumber"; "telephoneNumbers[]" for an
   * element of that array): not an E.164 number, a status that does not exist, a tenant id that is not a GUID, …
   */
  readonly violations?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  readonly goodId: fc.Arbitrary<number>;
}

type Path = readonly (string | number)[];

/** Longer than any string bound of any panel (the longest, a pasted list of numbers, is 400,000 characters). */
export const OVERLONG = 500_001;
/** Longer than any array bound of any panel (the longest is 1,000). */
export const OVERSIZED = 10_001;

/** Keys that must never reach a handler as data: they would reach prototypes or shadow methods. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'] as const;

/** Numbers no field takes: negative, fractional, not finite, past 2^53 or past the largest bound. */
const badNumber = fc.oneof(
  fc.constantFrom(-1, -0.5, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, 1_000_001, 1e300, -1e300),
  fc.integer({ min: 1_000_001 }),
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true }),
);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every node of a JSON value, with its path (the root's is []). */
function nodes(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = [{ path, value }];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => nodes(item, [...path, i]))];
  if (isObject(value)) return [...here, ...Object.entries(value).flatMap(([key, item]) => nodes(item, [...path, key]))];
  return here;
}

/** A copy of `root` with the node at `path` replaced. */
function replaceAt(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path[path.length - 1]] = replacement;
  return copy;
}

/** "telephoneNumber", or "telephoneNumbers[]" for an element of that array. */
function fieldName(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') return `${String(path[path.length - 2] ?? '')}[]`;
  return last ?? '';
}

function withOwnKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object };
  // An own, enumerable key (as JSON.parse or a structured clone makes it), not a prototype assignment.
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The ways to break one node, each named. */
function mutationsOf(value: unknown, path: Path, options: MutationOptions): fc.Arbitrary<readonly [string, unknown]>[] {
  const named = (name: string, arb: fc.Arbitrary<unknown>) => arb.map((v) => [name, v] as const);
  const out: fc.Arbitrary<readonly [string, unknown]>[] = [];
  const violation = options.violations?.[fieldName(path)];
  if (violation) out.push(named(`${fieldName(path)} broken by its rule`, violation));
  if (typeof value === 'string') {
    out.push(named('a string over every bound', fc.constantFrom('x', '+1', ' ').map((c) => c.repeat(Math.ceil(OVERLONG / c.length)))));
    out.push(named('a number where a string belongs', badNumber));
    out.push(named('another type where a string belongs', fc.constantFrom<unknown>(null, true, false, {}, [], [value], { value })));
  } else if (typeof value === 'number') {
    out.push(named('a number out of range', badNumber));
    // 'last' is the one string a number field (the grid's page index) also takes.
    out.push(named('a string where a number belongs', fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(String(value), '0', '1e3', 'Infinity')).filter((s) => s !== 'last')));
    out.push(named('another type where a number belongs', fc.constantFrom<unknown>(null, true, {}, [value], BigInt(7))));
  } else if (typeof value === 'boolean') {
    out.push(named('not a boolean', fc.oneof(fc.constantFrom<unknown>('true', 'false', 1, 0, null, [value], { value }), fc.anything().filter((x) => typeof x !== 'boolean' && x !== undefined))));
  } else if (Array.isArray(value)) {
    const first: unknown = value[0] ?? 'x';
    out.push(named('an array past every bound', fc.constant(Array.from({ length: OVERSIZED }, () => structuredClone(first)))));
    out.push(named('an object where an array belongs', fc.constantFrom<unknown>({}, { ...value }, { length: value.length, 0: first })));
    const other = typeof first === 'string' ? fc.constantFrom<unknown>(42, null, {}, ['x'], true) : isObject(first) ? fc.constantFrom<unknown>('x', 42, null, [first], true) : fc.constantFrom<unknown>(null, {}, [], 'x');
    out.push(named('an element of another type', other.map((bad) => [...value, bad])));
    out.push(named('not an array', fc.constantFrom<unknown>(null, 'x', 0, true, new Set(value))));
  } else if (isObject(value)) {
    const keys = Object.keys(value);
    out.push(named('an unknown key', extraKeysBut(keys).map((extra) => ({ ...value, ...extra }))));
    out.push(named('a prototype-pollution key', fc.tuple(fc.constantFrom(...POLLUTING_KEYS), fc.oneof(fc.anything(), fc.constant({ ...value }), fc.constant({ isAdmin: true }))).map(([key, v]) => withOwnKey(value, key, v))));
    out.push(named('an array where an object belongs', fc.constantFrom<unknown>(Object.assign([], value), [], [value], Object.values(value))));
    out.push(named('an object that is not plain', fc.constantFrom<unknown>(new Map(Object.entries(value)), new Date(0), Object.assign(new Date(0), value), Object.create(value) as unknown, Object.assign(Object.create({ polluted: true }) as object, value), new Uint8Array(2))));
    out.push(named('null where an object belongs', fc.constant(null)));
    const required = keys.filter((k) => !options.optionalKeys.includes(k));
    if (required.length > 0) {
      out.push(
        named(
          'a key left out',
          fc.constantFrom(...required).map((drop) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== drop))),
        ),
      );
    }
  }
  // An optional field may be undefined: that is leaving it out, not breaking it.
  return options.optionalKeys.includes(fieldName(path)) ? out.map((arb) => arb.filter(([, replacement]) => replacement !== undefined)) : out;
}

/** Messages that are one mutation away from a valid request of one of `valid`'s methods. */
export function nearValidRequests(valid: readonly ValidRequest[], options: MutationOptions): fc.Arbitrary<{ category: string; message: unknown }> {
  return fc.tuple(options.goodId, fc.constantFrom(...valid)).chain(([id, { method, params }]) =>
    fc.constantFrom(...nodes(params)).chain(({ path, value }) =>
      fc.oneof(...mutationsOf(value, path, options)).map(([kind, replacement]) => ({
        category: `near-valid: ${kind}`,
        message: { kind: 'request', id, method, params: replaceAt(params, path, replacement) },
        method,
      })),
    ),
  );
}
