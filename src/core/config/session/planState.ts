// The incremental state of a plan: the parsed value, where each numbers list and each number sits in the text, and
// each number's diagnostics relative to its own start. After an edit inside one numbers list, only the numbers that
// the edit touched are parsed and checked again; everything else is shifted. A 100,000-number plan re-validates in
// milliseconds instead of the cost of a full parse (docs/BENCHMARKS.md, "Configuration validation").
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { jsonSyntaxError } from '../../rules/schemaRules';
import { isRecord } from '../../rules/violation';
import { diagnosticAt } from '../diagnostic';
import { NavigatedDocument, parseJsonDocument } from '../json/document';
import { sortDiagnostics, toDiagnostic, type Finding } from '../json/findings';
import { JsonNavigator, type Span } from '../json/navigator';
import { duplicateFindings, numberKey } from '../plan/duplicates';
import { checkPlanNumber, type AccountContext } from '../plan/numberCheck';
import { planGlobalFindings, type AccountSlot } from '../plan/planGlobal';
import type { ConfigDiagnostic, ValidateOptions } from '../types';
import { changedRegion } from './diff';

interface MutableSpan {
  start: number;
  end: number;
}

interface NumberList {
  readonly account: number;
  /** The list's `[` and the offset after its `]`. */
  readonly array: MutableSpan;
  readonly spans: MutableSpan[];
  /** The live array inside the parsed root: edits splice it, so the global checks see the new count. */
  readonly values: unknown[];
  /** Each number's diagnostics, with offsets relative to the number's start. */
  readonly diagnostics: (readonly ConfigDiagnostic[])[];
  /** Each number's comparison key (E.164), for duplicates. */
  readonly keys: (string | undefined)[];
}

export interface PlanState {
  text: string;
  readonly root: Record<string, unknown>;
  readonly options: ValidateOptions;
  /** Root, accounts list and account objects: containers whose ends shift when a list inside them changes. */
  readonly skeleton: MutableSpan[];
  readonly accountsArray: MutableSpan | undefined;
  readonly accountSpans: MutableSpan[];
  readonly lists: NumberList[];
  slots: readonly (AccountSlot | undefined)[];
  /** How often each number key occurs, and the keys that occur more than once: kept up to date edit by edit. */
  readonly counts: Map<string, number>;
  readonly repeated: Set<string>;
  output: ConfigDiagnostic[];
}

const NONE: readonly ConfigDiagnostic[] = [];

function shifted(d: ConfigDiagnostic, by: number): ConfigDiagnostic {
  const move = (r: { start: number; end: number }) => ({ start: r.start + by, end: r.end + by });
  return {
    ...d,
    range: move(d.range),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, range: move(r.range) })) } : {}),
    ...(d.fixes ? { fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: move(e.range) })) })) } : {}),
  };
}

/** One number's diagnostics relative to its own text (parsed again only when something was found). */
function numberDiagnostics(text: string, span: Span, value: unknown, ctx: AccountContext | undefined): readonly ConfigDiagnostic[] {
  if (!ctx) return NONE;
  const found = checkPlanNumber(value, ctx);
  if (found.length === 0) return NONE;
  const doc = parseJsonDocument(text.slice(span.start, span.end));
  return found.map((f) => toDiagnostic(doc, f));
}

function seededNavigator(state: PlanState): JsonNavigator {
  const nav = new JsonNavigator(state.text);
  for (const span of state.skeleton) nav.seed(span.start, span.end);
  if (state.accountsArray) nav.seed(state.accountsArray.start, state.accountsArray.end, state.accountSpans);
  for (const list of state.lists) nav.seed(list.array.start, list.array.end, list.spans);
  return nav;
}

/** Global findings and duplicates, located with the seeded navigator; numbers' own diagnostics shifted into place. */
function assemble(state: PlanState): ConfigDiagnostic[] {
  const global = planGlobalFindings(state.root, state.options.defaultCountry);
  state.slots = global.slots;
  const doc = new NavigatedDocument(state.text, state.root, seededNavigator(state));
  const located = (findings: readonly Finding[]) => findings.map((f) => toDiagnostic(doc, f));
  const keys = global.slots.map((_, account) => state.lists.find((l) => l.account === account)?.keys);
  const out = [...located(global.findings), ...located(duplicateFindings(global.slots, keys, state.repeated))];
  for (const list of state.lists) {
    list.diagnostics.forEach((found, i) => {
      if (found.length === 0) return;
      const at = list.spans[i].start;
      for (const d of found) out.push(shifted(d, at));
    });
  }
  return sortDiagnostics(out);
}

/** A full parse into incremental state; undefined for text that is not a plan-shaped valid JSON document. */
export function buildPlanState(text: string, options: ValidateOptions): PlanState | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  } catch {
    return undefined;
  }
  if (!isRecord(root)) return undefined;
  const nav = new JsonNavigator(text);
  const rootStart = nav.rootStart();
  const skeleton: MutableSpan[] = [{ start: rootStart, end: nav.valueEnd(rootStart, 0) }];
  const accountsMember = nav.member(rootStart, 'accounts', 0);
  let accountsArray: MutableSpan | undefined;
  const accountSpans: MutableSpan[] = [];
  const lists: NumberList[] = [];
  const global = planGlobalFindings(root, options.defaultCountry);
  const accounts = root['accounts'];
  if (accountsMember && nav.isArray(accountsMember.valueStart) && Array.isArray(accounts)) {
    accountsArray = { start: accountsMember.valueStart, end: accountsMember.valueEnd };
    skeleton.push(accountsArray);
    nav.elementsOf(accountsMember.valueStart, 1).forEach((span, account) => {
      const accountSpan = { start: span.start, end: span.end };
      accountSpans.push(accountSpan);
      skeleton.push(accountSpan);
      const value: unknown = accounts[account];
      const numbersMember = nav.isObject(span.start) ? nav.member(span.start, 'numbers', 2) : undefined;
      if (!numbersMember || !nav.isArray(numbersMember.valueStart) || !isRecord(value) || !Array.isArray(value['numbers'])) return;
      const values = value['numbers'] as unknown[];
      const spans = nav.elementsOf(numbersMember.valueStart, 3).map((s) => ({ start: s.start, end: s.end }));
      if (spans.length !== values.length) return;
      const ctx = global.slots[account]?.ctx;
      lists.push({
        account,
        array: { start: numbersMember.valueStart, end: numbersMember.valueEnd },
        spans,
        values,
        diagnostics: spans.map((s, i) => numberDiagnostics(text, s, values[i], ctx)),
        keys: values.map(numberKey),
      });
    });
  }
  const counts = new Map<string, number>();
  const repeated = new Set<string>();
  for (const list of lists) for (const key of list.keys) if (key !== undefined) count(counts, repeated, key, 1);
  const state: PlanState = { text, root, options, skeleton, accountsArray, accountSpans, lists, slots: global.slots, counts, repeated, output: [] };
  state.output = assemble(state);
  return state;
}

function count(counts: Map<string, number>, repeated: Set<string>, key: string, by: 1 | -1): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n <= 0) counts.delete(key);
  else counts.set(key, n);
  if (n > 1) repeated.add(key);
  else repeated.delete(key);
}

type WindowParse = { readonly ok: true; readonly values: unknown[]; readonly spans: MutableSpan[] } | { readonly ok: false; readonly errors: ParseError[] };

/** The numbers in an edited window of a list, parsed as a list of their own. */
function parseWindow(windowText: string, offset: number): WindowParse {
  const wrapped = `[${windowText}]`;
  let values: unknown;
  try {
    values = JSON.parse(wrapped);
  } catch {
    // Comments are fine; a trailing comma is not (the text after the window starts with its own comma or bracket).
    const errors: ParseError[] = [];
    values = parseJsonc(wrapped, errors, { allowTrailingComma: false, disallowComments: false });
    if (errors.length > 0) return { ok: false, errors };
  }
  if (!Array.isArray(values)) return { ok: false, errors: [] };
  const spans = new JsonNavigator(wrapped).elementsOf(0).map((s) => ({ start: s.start - 1 + offset, end: s.end - 1 + offset }));
  return spans.length === values.length ? { ok: true, values, spans } : { ok: false, errors: [] };
}

function lastStartAtMost(spans: readonly MutableSpan[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

function firstEndAtLeast(spans: readonly MutableSpan[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = spans.length;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end >= offset) {
      found = mid;
      high = mid - 1;
    } else {
      low = mid + 1;
    }
  }
  return found;
}

function syntaxDiagnostics(errors: readonly ParseError[], offset: number, length: number): ConfigDiagnostic[] {
  return errors.map((e) =>
    diagnosticAt(jsonSyntaxError(printParseErrorCode(e.error)), {
      start: e.offset - 1 + offset,
      end: Math.min(Math.max(e.offset + e.length, e.offset + 1) - 1 + offset, length),
    }),
  );
}

export type IncrementalResult =
  | { readonly kind: 'committed'; readonly diagnostics: ConfigDiagnostic[] }
  | { readonly kind: 'broken'; readonly diagnostics: ConfigDiagnostic[] }
  | { readonly kind: 'notApplicable' };

/**
 * Re-validates after an edit inside one numbers list. `broken` means the edited numbers do not parse: the state is
 * kept (the next edit is compared with the last good text) and the old diagnostics outside the edit stay shown.
 */
export function updatePlanState(state: PlanState, text: string): IncrementalResult {
  const { start, oldEnd, newEnd } = changedRegion(state.text, text);
  const delta = newEnd - oldEnd;
  const list = state.lists.find((l) => start > l.array.start && oldEnd < l.array.end);
  if (!list) return { kind: 'notApplicable' };
  const spans = list.spans;
  const i0 = lastStartAtMost(spans, start);
  const i1 = firstEndAtLeast(spans, oldEnd);
  const first = Math.max(i0, 0);
  const last = Math.min(i1, spans.length - 1);
  const windowStart = i0 < 0 ? list.array.start + 1 : spans[i0].start;
  const windowEnd = i1 >= spans.length ? list.array.end - 1 : spans[i1].end;
  if (start < windowStart || oldEnd > windowEnd) return { kind: 'notApplicable' };
  const parsed = parseWindow(text.slice(windowStart, windowEnd + delta), windowStart);
  if (!parsed.ok) {
    if (parsed.errors.length === 0) return { kind: 'notApplicable' };
    const kept = state.output
      .filter((d) => d.range.end <= windowStart || d.range.start >= windowEnd)
      .map((d) => (d.range.start >= windowEnd ? shifted(d, delta) : d));
    return { kind: 'broken', diagnostics: sortDiagnostics([...kept, ...syntaxDiagnostics(parsed.errors, windowStart, text.length)]) };
  }
  // Commit: replace the window's numbers, shift everything after it, recheck only the new numbers.
  const removed = last >= first ? last - first + 1 : 0;
  const ctx = state.slots[list.account]?.ctx;
  const newKeys = parsed.values.map(numberKey);
  for (const key of list.keys.slice(first, first + removed)) if (key !== undefined) count(state.counts, state.repeated, key, -1);
  for (const key of newKeys) if (key !== undefined) count(state.counts, state.repeated, key, 1);
  list.keys.splice(first, removed, ...newKeys);
  list.values.splice(first, removed, ...parsed.values);
  list.diagnostics.splice(first, removed, ...parsed.spans.map((s, i) => numberDiagnostics(text, s, parsed.values[i], ctx)));
  for (let i = last + 1; i < spans.length; i++) {
    spans[i].start += delta;
    spans[i].end += delta;
  }
  spans.splice(first, removed, ...parsed.spans);
  const move = (s: MutableSpan) => {
    if (s.start >= oldEnd) s.start += delta;
    if (s.end >= oldEnd) s.end += delta;
  };
  state.skeleton.forEach(move);
  for (const other of state.lists) {
    move(other.array);
    if (other !== list && other.array.start > list.array.start) {
      for (const s of other.spans) {
        s.start += delta;
        s.end += delta;
      }
    }
  }
  state.text = text;
  state.output = assemble(state);
  return { kind: 'committed', diagnostics: state.output };
}
