// Requests for information (Teams consents) and the operator's relationship with the enterprise.
import { CONSENT_STATUSES, RELATIONSHIP_STATUSES, RELATIONSHIP_STATUSES_NEEDING_REASON } from '../models/provisioning';
import { validateTenantId, validateTicketReference } from './accountRules';
import { checkEnum, wrongType } from './schemaRules';
import type { RuleViolation, ValuePath } from './types';
import { isRecord, show, violation } from './violation';

/** What the "add a reason" quick fix writes; ACG-RFI-004 keeps it visible until someone replaces it. */
export const REASON_PLACEHOLDER = 'TODO: reason';

/** Checks a customerRelationship object, as sent in a PATCH. Paths are relative to `value`, under `path`. */
export function validateCustomerRelationship(value: unknown, path: ValuePath = []): RuleViolation[] {
  if (!isRecord(value)) return [wrongType(path, 'an object', value)];
  const status = value['status'];
  const comment = value['comment'];
  const found = [
    ...(status === undefined ? [] : checkEnum('ACG-RFI-001', status, RELATIONSHIP_STATUSES, [...path, 'status'], 'relationship status')),
    ...validateTicketReference(comment, [...path, 'comment']),
  ];
  const needsReason = RELATIONSHIP_STATUSES_NEEDING_REASON.some((candidate) => candidate === status);
  const hasReason = typeof comment === 'string' && comment.trim() !== '';
  if (needsReason && !hasReason) {
    found.push(violation('ACG-RFI-002', [...path, 'comment'], `${String(status)} needs a reason: say why in comment (at most 64 characters).`));
  }
  return found;
}

/** ACG-RFI-004: a reason that is still a TODO placeholder (a plan is applied by people who read the reason later). */
export function validateReasonWritten(comment: unknown, path: ValuePath = []): RuleViolation[] {
  if (typeof comment !== 'string' || !/^\s*TODO\b/i.test(comment)) return [];
  return [violation('ACG-RFI-004', path, `The reason is still the placeholder ${show(comment)}: write why (at most 64 characters).`)];
}

/** Checks a RequestForInformationResource (a consent), for example one returned by the service or seeded in a test. */
export function validateRequestForInformation(resource: unknown, path: ValuePath = []): RuleViolation[] {
  if (!isRecord(resource)) return [wrongType(path, 'a request for information object', resource)];
  const status = resource['status'];
  const relationship = resource['customerRelationship'];
  return [
    ...validateTenantId(resource['tenantId'], [...path, 'tenantId']),
    ...(status === undefined ? [] : checkEnum('ACG-RFI-003', status, CONSENT_STATUSES, [...path, 'status'], 'consent status')),
    ...(relationship === undefined ? [] : validateCustomerRelationship(relationship, [...path, 'customerRelationship'])),
  ];
}
