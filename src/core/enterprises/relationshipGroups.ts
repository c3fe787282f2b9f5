// Requests for information grouped the way an operator works through them: the five relationship statuses of the
// docs (API.md §3), plus the consents nobody has answered yet. "No status yet" comes first because those are the ones
// waiting for the operator; the others follow the order of the onboarding conversation.
import { RELATIONSHIP_STATUSES, type RelationshipStatus, type RequestForInformationResource } from '../models';
import { companyOf } from './requestDisplay';

export type RelationshipGroupKey = RelationshipStatus | 'none' | 'other';

export const RELATIONSHIP_LABELS: Readonly<Record<RelationshipStatus, string>> = {
  ConsentAcknowledged: 'Consent acknowledged',
  CustomerContacted: 'Customer contacted',
  AgreementSigned: 'Agreement signed',
  ConsentDeclined: 'Consent declined',
  ContractTerminated: 'Contract terminated',
};

export const NO_STATUS_LABEL = 'No status yet';
/** Only shown when the service returns a status this version does not know, so that no request is ever hidden. */
export const OTHER_STATUS_LABEL = 'Other status';

export const RELATIONSHIP_GROUP_ORDER: readonly RelationshipGroupKey[] = ['none', ...RELATIONSHIP_STATUSES];

export interface RelationshipGroup {
  readonly key: RelationshipGroupKey;
  readonly label: string;
  readonly requests: readonly RequestForInformationResource[];
}

export function isRelationshipStatus(value: unknown): value is RelationshipStatus {
  return RELATIONSHIP_STATUSES.some((status) => status === value);
}

export function relationshipGroupOf(request: RequestForInformationResource): RelationshipGroupKey {
  const status: unknown = request.customerRelationship?.status;
  if (status === undefined || status === null) return 'none';
  return isRelationshipStatus(status) ? status : 'other';
}

export function groupLabel(key: RelationshipGroupKey): string {
  if (key === 'none') return NO_STATUS_LABEL;
  if (key === 'other') return OTHER_STATUS_LABEL;
  return RELATIONSHIP_LABELS[key];
}

/**
 * All six groups in a fixed order, each sorted by company then tenant id, so the tree does not jump about between
 * refreshes. Empty groups stay (with a count of 0) so that the layout is the same for every gateway; "other" appears
 * only when something landed in it.
 */
export function groupByRelationship(requests: readonly RequestForInformationResource[]): RelationshipGroup[] {
  const buckets = new Map<RelationshipGroupKey, RequestForInformationResource[]>();
  for (const request of requests) {
    const key = relationshipGroupOf(request);
    const bucket = buckets.get(key) ?? [];
    bucket.push(request);
    buckets.set(key, bucket);
  }
  const keys: RelationshipGroupKey[] = [...RELATIONSHIP_GROUP_ORDER, ...(buckets.has('other') ? (['other'] as const) : [])];
  return keys.map((key) => ({ key, label: groupLabel(key), requests: sortRequests(buckets.get(key) ?? []) }));
}

export function sortRequests(requests: readonly RequestForInformationResource[]): RequestForInformationResource[] {
  return [...requests].sort((a, b) => companyOf(a).localeCompare(companyOf(b)) || a.tenantId.localeCompare(b.tenantId));
}
