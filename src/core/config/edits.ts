// Applying fixes to text: used by tests, the CLI and any face that works on strings rather than documents.
import type { ConfigTextEdit } from './types';

/** Applies non-overlapping edits (in any order) and returns the new text. Throws on overlapping edits: a bug. */
export function applyEdits(text: string, edits: readonly ConfigTextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.range.start < at) throw new Error(`Overlapping edits at offset ${edit.range.start}.`);
    result += text.slice(at, edit.range.start) + edit.newText;
    at = edit.range.end;
  }
  return result + text.slice(at);
}
