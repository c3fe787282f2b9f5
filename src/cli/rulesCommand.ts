import type { RuleDefinition } from '../core/rules/types';

/** One rule per line, aligned, so that `acg rules | grep NUM` reads well. */
export function formatRulesTable(rules: readonly RuleDefinition[]): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const severityWidth = Math.max(...rules.map((r) => r.severity.length));
  return rules
    .map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(severityWidth)}  ${r.title}  (${r.source})`)
    .join('\n');
}
