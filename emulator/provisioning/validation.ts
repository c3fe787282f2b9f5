// The emulator enforces the same rule table the editor and the CLI use, so a 400 from the emulator names the rule id
// a user already sees as a diagnostic. Only `error` findings reject a request: `warning` rules describe things the
// service accepts (for example a CallingUserAssignment number without an emergency address, which the spec's own
// example does).
import type { RuleViolation, ValuePath } from '../../src/core/rules';
import { coreError, type CoreErrorDetail } from '../errors';
import type { EmulatorResponse } from '../http';

/** `numbers[3].telephoneNumber`, the Azure.Core way of pointing into a body. */
export function jsonPath(path: ValuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

export function errorsOnly(violations: readonly RuleViolation[]): RuleViolation[] {
  return violations.filter((v) => v.severity === 'error');
}

/** 400 ValidationError with one detail per broken rule, or undefined when nothing is an error. */
export function validationResponse(violations: readonly RuleViolation[]): EmulatorResponse | undefined {
  const errors = errorsOnly(violations);
  if (errors.length === 0) return undefined;
  const details: CoreErrorDetail[] = errors.map((v) => ({ code: v.ruleId, message: v.message, ...(v.path.length ? { target: jsonPath(v.path) } : {}) }));
  const first = details[0];
  const summary =
    errors.length === 1
      ? `The request is not valid: ${first.target ? `${first.target}: ` : ''}${first.message}`
      : `The request is not valid: ${errors.length} problems, first ${first.target ? `${first.target}: ` : ''}${first.message}`;
  return coreError(400, 'ValidationError', summary, { details });
}

/** 400 for a body that is not even the right shape to validate. */
export function badRequest(message: string, target?: string): EmulatorResponse {
  return coreError(400, 'InvalidRequestContent', message, target ? { target } : {});
}
