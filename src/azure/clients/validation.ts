// Client-side checks before a request leaves: the same rule table the editor and the emulator use, so a value the
// service would refuse is refused here first, with the rule id, and nothing is sent (DESIGN.md: "Bad input of any
// kind gets a clear message and changes nothing").
import type { RuleViolation } from '../../core/rules';
import { AcgError, type AcgErrorInit } from '../errors';

export interface CheckContext {
  service: NonNullable<AcgErrorInit['service']>;
  /** Human name of the operation, as in PipelineRequest.operation. */
  operation: string;
  /** What was checked, for the message: "number +1425…", "account 'Contoso'". */
  subject: string;
}

function where(path: RuleViolation['path']): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '');
}

/**
 * Throws AcgError `badRequest` when any finding is an error. Warnings pass: they describe values the service
 * accepts (the rule table's severity convention), so refusing them here would block valid work.
 */
export function rejectInvalid(found: readonly RuleViolation[], context: CheckContext): void {
  const errors = found.filter((item) => item.severity === 'error');
  if (errors.length === 0) return;
  const shown = errors.slice(0, 3).map((item) => `${item.ruleId}${item.path.length > 0 ? ` at ${where(item.path)}` : ''}: ${item.message}`);
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : '';
  throw new AcgError({
    kind: 'badRequest',
    message: `Not sent: ${context.subject} breaks ${shown.join(' ')}${more}`,
    code: errors[0].ruleId,
    service: context.service,
    operation: context.operation,
    details: errors.map((item) => ({ code: item.ruleId, message: item.message, target: where(item.path) })),
  });
}
