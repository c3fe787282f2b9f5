// Findings are what the validators produce: a rule broken at a *path*. Turning them into diagnostics (ranges) and
// fixes (text edits) is done once, here, against the parsed document, so that every validator reports alike.
import { RULES, type RuleId } from '../../rules/ruleTable';
import type { RuleViolation, ValuePath } from '../../rules/types';
import type { ConfigDiagnostic, ConfigFix, ConfigFixCommand, ConfigTextEdit, TextRange } from '../types';
import type { JsonDocument } from './document';

/** A fix, described by what it does to the value; {@link toDiagnostics} turns it into text edits. */
export type FixSpec =
  | { readonly kind: 'replace'; readonly title: string; readonly path: ValuePath; readonly value: unknown; readonly preferred?: boolean }
  | { readonly kind: 'renameKey'; readonly title: string; readonly path: ValuePath; readonly key: string; readonly preferred?: boolean }
  | { readonly kind: 'removeElement'; readonly title: string; readonly path: ValuePath; readonly preferred?: boolean }
  | {
      readonly kind: 'insertMember';
      readonly title: string;
      /** The object to insert into. */
      readonly path: ValuePath;
      readonly key: string;
      readonly value: unknown;
      readonly preferred?: boolean;
    }
  | { readonly kind: 'command'; readonly title: string; readonly command: ConfigFixCommand };

export interface RelatedSpec {
  readonly path: ValuePath;
  readonly message: string;
  readonly target?: 'key' | 'value';
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly message: string;
  readonly path: ValuePath;
  /** Point at the property name instead of its value (unknown properties, bad tag names). */
  readonly target?: 'key' | 'value';
  readonly related?: readonly RelatedSpec[];
  readonly fixes?: readonly FixSpec[];
}

/**
 * A finding from a rule: its path (and its related places) under `prefix`. A certain `replacement` becomes the
 * preferred quick fix; `fixes` are the file kind's own (removing a repeated element, inserting a placeholder, ...).
 */
export function fromViolation(v: RuleViolation, prefix: ValuePath = [], fixes: readonly FixSpec[] = []): Finding {
  const at = (path: ValuePath): ValuePath => (prefix.length === 0 ? path : [...prefix, ...path]);
  const path = at(v.path);
  const related = v.related?.map((r) => ({ path: at(r.path), message: r.message }));
  const all = v.replacement === undefined ? fixes : [replaceFix(path, v.replacement), ...fixes];
  return {
    ruleId: v.ruleId as RuleId,
    message: v.message,
    path,
    target: v.target ?? 'value',
    ...(related && related.length > 0 ? { related } : {}),
    ...(all.length > 0 ? { fixes: all } : {}),
  };
}

function replaceFix(path: ValuePath, value: unknown, title = `Change to ${JSON.stringify(value)}`): FixSpec {
  return { kind: 'replace', title, path, value, preferred: true };
}

/** Prefixes every path of a finding (validators work on sub-values; the document needs full paths). */
export function under(prefix: ValuePath, f: Finding): Finding {
  if (prefix.length === 0) return f;
  return {
    ...f,
    path: [...prefix, ...f.path],
    related: f.related?.map((r) => ({ ...r, path: [...prefix, ...r.path] })),
    fixes: f.fixes?.map((fix) => (fix.kind === 'command' ? fix : { ...fix, path: [...prefix, ...fix.path] })),
  };
}

function firstLine(text: string, start: number, end: number): TextRange {
  let stop = start;
  while (stop < end) {
    const c = text.charCodeAt(stop);
    if (c === 10 || c === 13) break;
    stop++;
  }
  // Trailing whitespace of that line is not part of the node.
  while (stop > start + 1 && (text.charCodeAt(stop - 1) === 32 || text.charCodeAt(stop - 1) === 9)) stop--;
  return { start, end: Math.max(stop, Math.min(start + 1, text.length)) };
}

/**
 * The range of a path: the value's node; its key for key rules; for a missing property, the key of the object that
 * should hold it (or, for an array element or the root, the first line of that object).
 */
function rangeOf(doc: JsonDocument, path: ValuePath, target: 'key' | 'value' = 'value'): TextRange {
  const at = doc.locate(path);
  if (at.found) return target === 'key' && at.key ? at.key : at.value;
  if (at.key) return at.key;
  return firstLine(doc.text, at.value.start, at.value.end);
}

function indentationBefore(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  const line = text.slice(start, offset);
  return /^[ \t]*$/.test(line) ? line : '';
}

function editsFor(doc: JsonDocument, fix: FixSpec): ConfigTextEdit[] | undefined {
  const text = doc.text;
  switch (fix.kind) {
    case 'command':
      return [];
    case 'replace': {
      const at = doc.locate(fix.path);
      return at.found ? [{ range: at.value, newText: JSON.stringify(fix.value) }] : undefined;
    }
    case 'renameKey': {
      const at = doc.locate(fix.path);
      return at.found && at.key ? [{ range: at.key, newText: JSON.stringify(fix.key) }] : undefined;
    }
    case 'removeElement': {
      const index = fix.path[fix.path.length - 1];
      const spans = doc.elementSpans(fix.path.slice(0, -1));
      if (typeof index !== 'number' || !spans || !spans[index]) return undefined;
      // Take the element with the separator that follows it (so the next element moves up into its place), or, for
      // the last element, with the separator before it (so no trailing comma is left behind).
      if (index + 1 < spans.length) return [{ range: { start: spans[index].start, end: spans[index + 1].start }, newText: '' }];
      if (index > 0) return [{ range: { start: spans[index - 1].end, end: spans[index].end }, newText: '' }];
      return [{ range: spans[index], newText: '' }];
    }
    case 'insertMember': {
      const at = doc.locate(fix.path);
      const members = doc.memberSpans(fix.path);
      if (!at.found || !members) return undefined;
      const entry = `${JSON.stringify(fix.key)}: ${JSON.stringify(fix.value)}`;
      const last = members[members.length - 1];
      if (!last) return [{ range: { start: at.value.start + 1, end: at.value.start + 1 }, newText: entry }];
      const multiline = /[\r\n]/.test(text.slice(at.value.start, last.keyStart));
      const newline = text.includes('\r\n') ? '\r\n' : '\n';
      const separator = multiline ? `,${newline}${indentationBefore(text, last.keyStart)}` : ', ';
      return [{ range: { start: last.valueEnd, end: last.valueEnd }, newText: `${separator}${entry}` }];
    }
  }
}

function toFix(doc: JsonDocument, spec: FixSpec): ConfigFix | undefined {
  const edits = editsFor(doc, spec);
  if (edits === undefined) return undefined;
  const base = { title: spec.title, kind: 'quickfix' as const, edits };
  const withCommand = spec.kind === 'command' ? { ...base, command: spec.command } : base;
  return spec.kind !== 'command' && spec.preferred ? { ...withCommand, isPreferred: true } : withCommand;
}

export function toDiagnostic(doc: JsonDocument, f: Finding): ConfigDiagnostic {
  const rule = RULES[f.ruleId];
  const fixes = (f.fixes ?? []).map((spec) => toFix(doc, spec)).filter((fix): fix is ConfigFix => fix !== undefined);
  const related = f.related?.map((r) => ({ message: r.message, range: rangeOf(doc, r.path, r.target) }));
  return {
    ruleId: f.ruleId,
    severity: rule.severity,
    message: f.message,
    range: rangeOf(doc, f.path, f.target),
    sourceUrl: rule.sourceUrl,
    ...(related && related.length > 0 ? { related } : {}),
    ...(fixes.length > 0 ? { fixes } : {}),
  };
}

/** Diagnostics in text order (then by rule id), as editors and compilers list them. */
export function sortDiagnostics(diagnostics: ConfigDiagnostic[]): ConfigDiagnostic[] {
  return diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
}

