// A rule's finding at a range the caller already knows (CSV cells, live-check values, syntax errors): the CSV and
// the live checks have no JSON paths to locate, so they place the rules' findings themselves.
import { RULES, type RuleId } from '../rules/ruleTable';
import type { RuleViolation } from '../rules/types';
import type { ConfigDiagnostic, ConfigFix, ConfigRelatedInformation, TextRange } from './types';

export interface DiagnosticExtras {
  readonly related?: readonly ConfigRelatedInformation[];
  readonly fixes?: readonly ConfigFix[];
}

export function diagnosticAt(v: RuleViolation, range: TextRange, extras: DiagnosticExtras = {}): ConfigDiagnostic {
  const rule = RULES[v.ruleId as RuleId];
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: v.message,
    range,
    sourceUrl: rule.sourceUrl,
    ...(extras.related && extras.related.length > 0 ? { related: extras.related } : {}),
    ...(extras.fixes && extras.fixes.length > 0 ? { fixes: extras.fixes } : {}),
  };
}
