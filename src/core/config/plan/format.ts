// Plans as text: pretty at the top, one number per line, so that a 100,000-number plan stays diffable (one changed
// number = one changed line) and the editor's incremental validation sees one-line edits.
import type { PlanDocument } from '../model';

function isNumberList(path: readonly (string | number)[]): boolean {
  return path.length === 3 && path[0] === 'accounts' && path[2] === 'numbers';
}

function write(value: unknown, indent: string, path: readonly (string | number)[]): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    const items = value.map((item, i) => `${inner}${isNumberList(path) ? JSON.stringify(item) : write(item, inner, [...path, i])}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const members = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, [...path, k])}`);
    return `{\n${members.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A plan as the engine writes it: two-space indentation, each number on its own line, a final newline. */
export function planToText(plan: PlanDocument | Record<string, unknown>): string {
  return `${write(plan, '', [])}\n`;
}
