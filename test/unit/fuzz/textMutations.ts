// Mutations of a config file's text for the parser fuzz tests, written from what a person or a tool does to a file,
// not from the parsers: character and byte edits, truncation, lines deleted, duplicated or swapped, values of the
// wrong JSON type, huge strings, odd Unicode (BOM, lone surrogates, NUL, bidi controls, U+2028, combining marks),
// CRLF or bare CR line ends, and CSV quoting (a stray quote, an unclosed quoted cell, a quoted line break, extra cells).
import fc from 'fast-check';

export type Mutation = (text: string) => string;

/** Characters that mean something to a JSON or CSV reader, and Unicode that trips naive code. */
const ODD = ['{', '}', '[', ']', '"', "'", ',', ':', ';', '\\', '\t', '\n', '\r', '\r\n', '\u0000', '\uFEFF', '\uD800', '\uDFFF', '\u202E', '\u2028', '\u2029', '\u00A0', '\u0301', 'é', 'Ω', '😀', '０', '+', '-', 'e', '.', '/*', '//', 'null', 'true', '1e999', '-0', '""', '"",'];
const oddText = fc.oneof(fc.constantFrom(...ODD), fc.string({ maxLength: 8, unit: 'binary' }), fc.string({ maxLength: 8, unit: 'grapheme' }));

/** A position in the text as a fraction, so one arbitrary serves texts of any length. */
const at = fc.double({ min: 0, max: 1, noNaN: true });
const index = (text: string, f: number): number => Math.min(text.length, Math.floor(f * (text.length + 1)));

const lines = (text: string): string[] => text.split('\n');

/** Far past any bound a field has (the longest, a description, is a few hundred characters). */
const HUGE = 50_000;

/** Text-level mutations that apply to every kind. */
export const textMutation: fc.Arbitrary<readonly [string, Mutation]> = fc.oneof(
  fc.tuple(at, oddText).map(([f, s]) => ['insert odd characters', (t: string) => t.slice(0, index(t, f)) + s + t.slice(index(t, f))] as const),
  fc.tuple(at, fc.integer({ min: 1, max: 40 })).map(([f, n]) => ['delete characters', (t: string) => t.slice(0, index(t, f)) + t.slice(index(t, f) + n)] as const),
  fc.tuple(at, oddText).map(([f, s]) => ['replace a character', (t: string) => t.slice(0, index(t, f)) + s + t.slice(index(t, f) + 1)] as const),
  fc.tuple(at, fc.integer({ min: 1, max: 0xffff })).map(([f, code]) => ['flip a character', (t: string) => t.slice(0, index(t, f)) + String.fromCharCode(code) + t.slice(index(t, f) + 1)] as const),
  at.map((f) => ['truncate', (t: string) => t.slice(0, index(t, f))] as const),
  at.map((f) => ['delete a line', (t: string) => { const ls = lines(t); ls.splice(Math.floor(f * ls.length), 1); return ls.join('\n'); }] as const),
  fc.tuple(at, fc.integer({ min: 1, max: 3 })).map(([f, n]) => ['duplicate a line', (t: string) => { const ls = lines(t); const i = Math.min(ls.length - 1, Math.floor(f * ls.length)); ls.splice(i, 0, ...Array.from({ length: n }, () => ls[i])); return ls.join('\n'); }] as const),
  fc.tuple(at, at).map(([f, g]) => ['swap two lines', (t: string) => { const ls = lines(t); const i = Math.floor(f * ls.length) % ls.length; const j = Math.floor(g * ls.length) % ls.length; [ls[i], ls[j]] = [ls[j], ls[i]]; return ls.join('\n'); }] as const),
  fc.tuple(at, fc.constantFrom('x', '9', '"', ',', 'é', '😀', '\uD800')).map(([f, c]) => ['a huge run of one character', (t: string) => t.slice(0, index(t, f)) + c.repeat(HUGE / c.length) + t.slice(index(t, f))] as const),
  fc.constant(['a BOM first', (t: string) => `\uFEFF${t}`] as const),
  fc.constant(['two BOMs first', (t: string) => `\uFEFF\uFEFF${t}`] as const),
  fc.constant(['CRLF line ends', (t: string) => t.replace(/\r?\n/g, '\r\n')] as const),
  fc.constant(['bare CR line ends', (t: string) => t.replace(/\r?\n/g, '\r')] as const),
  fc.constant(['no line ends', (t: string) => t.replace(/\r?\n/g, '')] as const),
  fc.constant(['empty', () => ''] as const),
  fc.constant(['whitespace only', () => ' \n\t\r\n'] as const),
);

// ---- JSON: values of the wrong type ------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -1e308, '', ' ', 'x'.repeat(HUGE), '\uD800', '\u0000', '😀'.repeat(1000), [], {}, [null], { '': null }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.integer({ min: 20, max: 400 }).map((depth) => { let v: Json = 1; for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }; return v; }),
  fc.constantFrom<Json>('__proto__', 'constructor', '+14255550100', 'eastus', 'OperatorConnect', 'lab', '00000000-0000-0000-0000-000000000000'),
);

/** Every path into a JSON value (objects' keys and arrays' indexes). */
function paths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...path, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...path, k]))];
  return here;
}

function withChange(root: Json, path: readonly (string | number)[], change: (parent: Json[] | Record<string, Json>, key: string | number) => void): Json {
  if (path.length === 0) return root;
  const copy = structuredClone(root);
  let parent = copy as unknown as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as unknown as Record<string | number, Json>;
  change(parent as unknown as Json[] | Record<string, Json>, path[path.length - 1]);
  return copy;
}

/** Structural JSON mutations: parse the text (if it parses), change one node, write it back (pretty or compact). */
export const jsonMutation: fc.Arbitrary<readonly [string, Mutation]> = fc.tuple(
  at,
  fc.oneof(
    wrongValue.map((v) => ['a value of the wrong type', (parent: Json[] | Record<string, Json>, key: string | number) => { (parent as Record<string | number, Json>)[key] = v; }] as const),
    fc.constant(['a key removed', (parent: Json[] | Record<string, Json>, key: string | number) => { if (Array.isArray(parent)) parent.splice(Number(key), 1); else Reflect.deleteProperty(parent, key); }] as const),
    fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', '$schema', 'properties', 'telephoneNumber', '')), wrongValue).map(([name, v]) => ['an unknown key', (parent: Json[] | Record<string, Json>, key: string | number) => { const target = (parent as Record<string | number, Json>)[key]; if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, name, { value: v, enumerable: true, writable: true, configurable: true }); }] as const),
    fc.integer({ min: 2, max: 300 }).map((n) => ['an array element repeated', (parent: Json[] | Record<string, Json>, key: string | number) => { const target = (parent as Record<string | number, Json>)[key]; if (Array.isArray(target) && target.length > 0) target.push(...Array.from({ length: n }, () => structuredClone(target[0]))); }] as const),
  ),
  fc.constantFrom(0, 2, '\t'),
).map(([f, [name, change], indent]) => [
  name,
  (text: string) => {
    let value: Json;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
    } catch {
      return text;
    }
    const all = paths(value);
    const path = all[Math.min(all.length - 1, Math.floor(f * all.length))];
    return JSON.stringify(withChange(value, path, change), null, indent);
  },
] as const);

// ---- CSV: quoting and cells ----------------------------------------------------------------------------------------

const csvCell = fc.oneof(
  fc.constantFrom('"', '""', '"x', 'x"', '"a,b"', '"line\nbreak"', '"unclosed', '=cmd|', '+', '+1', '+14255550100', '', ' ', '\t', ';', 'TRUE', 'null', '0', '-1', '1e3', 'é', '\uFEFF', '\uD800'),
  fc.string({ maxLength: 12 }),
);

/** CSV mutations at the level of rows and cells. */
export const csvMutation: fc.Arbitrary<readonly [string, Mutation]> = fc.oneof(
  fc.tuple(at, at, csvCell).map(([f, g, cell]) => ['a cell replaced', (t: string) => { const ls = lines(t); const i = Math.floor(f * ls.length) % ls.length; const cells = ls[i].split(','); cells[Math.floor(g * cells.length) % cells.length] = cell; ls[i] = cells.join(','); return ls.join('\n'); }] as const),
  fc.tuple(at, fc.integer({ min: 1, max: 50 })).map(([f, n]) => ['extra cells', (t: string) => { const ls = lines(t); const i = Math.floor(f * ls.length) % ls.length; ls[i] += ','.repeat(n); return ls.join('\n'); }] as const),
  at.map((f) => ['a cell dropped', (t: string) => { const ls = lines(t); const i = Math.floor(f * ls.length) % ls.length; ls[i] = ls[i].split(',').slice(0, -1).join(','); return ls.join('\n'); }] as const),
  fc.tuple(at, fc.constantFrom(';', '\t', '|')).map(([f, sep]) => ['another separator on a line', (t: string) => { const ls = lines(t); const i = Math.floor(f * ls.length) % ls.length; ls[i] = ls[i].replaceAll(',', sep); return ls.join('\n'); }] as const),
  fc.integer({ min: 20, max: 300 }).map((n) => ['many rows', (t: string) => { const ls = lines(t); const row = ls[Math.min(1, ls.length - 1)]; return [...ls, ...Array.from({ length: n }, () => row)].join('\n'); }] as const),
  fc.constant(['header only', (t: string) => lines(t)[0]] as const),
);

/** One to four mutations in a row, each named (the names say what the failing case did). */
export function mutations(kinds: readonly fc.Arbitrary<readonly [string, Mutation]>[]): fc.Arbitrary<readonly (readonly [string, Mutation])[]> {
  return fc.array(fc.oneof(...kinds), { minLength: 1, maxLength: 4 });
}
