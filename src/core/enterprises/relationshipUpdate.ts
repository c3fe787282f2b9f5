// Update Relationship Status, as plain decisions: which statuses to offer, when a reason is required (ConsentDeclined
// and ContractTerminated, rule ACG-RFI-002), the 64-character limit (ACG-REF-001) as an input-box validation message,
// and the update to send. The command asks; this decides.
import { RELATIONSHIP_STATUSES, RELATIONSHIP_STATUSES_NEEDING_REASON, type RelationshipStatus, type RequestForInformationResource } from '../models';
import { TICKET_MAX_LENGTH, validateTicketReference } from '../rules/accountRules';
import { validateCustomerRelationship } from '../rules/relationshipRules';
import { RELATIONSHIP_LABELS } from './relationshipGroups';

export interface RelationshipChoice {
  readonly status: RelationshipStatus;
  readonly label: string;
  readonly description: string;
  readonly needsReason: boolean;
  /** The request's current status. */
  readonly current: boolean;
}

const HINTS: Readonly<Record<RelationshipStatus, string>> = {
  ConsentAcknowledged: 'You have seen the consent',
  CustomerContacted: 'You are talking to the enterprise',
  AgreementSigned: 'A contract is in place',
  ConsentDeclined: 'You will not serve this enterprise (reason required)',
  ContractTerminated: 'The contract has ended (reason required)',
};

export function needsReason(status: RelationshipStatus): boolean {
  return RELATIONSHIP_STATUSES_NEEDING_REASON.includes(status);
}

export function relationshipChoices(request: Pick<RequestForInformationResource, 'customerRelationship'>): RelationshipChoice[] {
  const current = request.customerRelationship?.status;
  return RELATIONSHIP_STATUSES.map((status) => ({
    status,
    label: RELATIONSHIP_LABELS[status],
    description: status === current ? `${HINTS[status]} · current` : HINTS[status],
    needsReason: needsReason(status),
    current: status === current,
  }));
}

/** The prompt of the reason / reference input box for `status`. */
export function reasonPrompt(status: RelationshipStatus): string {
  return needsReason(status)
    ? `Why is the relationship ${RELATIONSHIP_LABELS[status].toLowerCase()}? Required, at most ${TICKET_MAX_LENGTH} characters (shared with Microsoft Teams).`
    : `A ticket or reference for this change (optional, at most ${TICKET_MAX_LENGTH} characters).`;
}

/** The input box's validation message for `text`, or undefined when it is acceptable. */
export function validateReason(status: RelationshipStatus, text: string): string | undefined {
  const trimmed = text.trim();
  if (needsReason(status) && trimmed === '') return `${RELATIONSHIP_LABELS[status]} needs a reason.`;
  const tooLong = validateTicketReference(trimmed);
  return tooLong.length ? tooLong[0].message : undefined;
}

export interface RelationshipChange {
  readonly status: RelationshipStatus;
  /** Undefined when the person left the optional reference empty. */
  readonly comment?: string;
}

/** The change to send, or the rule's message when it would be refused (the command then sends nothing). */
export function relationshipChange(status: RelationshipStatus, text: string): { change: RelationshipChange } | { error: string } {
  const problem = validateReason(status, text);
  if (problem) return { error: problem };
  const comment = text.trim();
  const change: RelationshipChange = comment === '' ? { status } : { status, comment };
  const found = validateCustomerRelationship(change);
  return found.length ? { error: found[0].message } : { change };
}
