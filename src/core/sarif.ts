// SARIF wants a rule's `name` as one PascalCase word (SARIF 2.1.0 §3.49.7): "Test lines: E.164" → "TestLinesE164".
// Both SARIF writers (acg validate and acg check) name their rules this way.
export function sarifRuleName(title: string): string {
  return title.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : '')).replace(/^./, (first) => first.toUpperCase());
}
