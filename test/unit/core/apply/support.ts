// Builders for the planner tests: a live state from plain resources, and numbers and accounts with sensible defaults.
import type { LiveProvisioningState, Versioned } from '../../../../src/core/apply';
import type { PlanProvisioningOptions } from '../../../../src/core/apply/planProvisioning';
import type { AccountResource, NumberResource, RequestForInformationResource } from '../../../../src/core/models';

export const NOW = new Date('2026-12-01T10:00:00.000Z');
export const SHA = 'a'.repeat(64);
export const OPTIONS: PlanProvisioningOptions = { desiredPath: 'plans/contoso.acg-plan.json', desiredSha256: SHA, now: NOW, gatewayId: '/subscriptions/x/gw' };

export function ocNumber(telephoneNumber: string, accountName: string, extra: Partial<NumberResource> = {}): NumberResource {
  return {
    telephoneNumber,
    accountName,
    serviceDetails: {
      teamsOperatorConnect: {
        enabled: true,
        assignmentStatus: 'assigned',
        configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'], civicAddressId: 'addr-1' },
      },
    },
    ...extra,
  };
}

export function ocAccount(name: string, extra: Partial<AccountResource> = {}): AccountResource {
  return { name, correlationId: `crm-${name}`, serviceDetails: { teamsTenantId: '11111111-1111-1111-1111-111111111111', teamsOperatorConnect: { enabled: true, syncEnabled: true } }, ...extra };
}

export interface LiveInput {
  readonly accounts?: readonly AccountResource[];
  readonly numbers?: readonly NumberResource[];
  readonly requests?: readonly RequestForInformationResource[];
  /** Default: every account given. */
  readonly complete?: readonly string[];
}

let etagCounter = 0;
function versioned<T>(resource: T): Versioned<T> {
  etagCounter++;
  return { resource, etag: `"etag-${etagCounter}"` };
}

export function liveState(input: LiveInput): LiveProvisioningState {
  const accounts = new Map((input.accounts ?? []).map((a) => [a.name.toLowerCase(), versioned(a)] as const));
  return {
    gateway: 'contoso-gw.example.com',
    readAt: '2026-12-01T09:59:00.000Z',
    accounts,
    numbers: new Map((input.numbers ?? []).map((n) => [n.telephoneNumber, versioned(n)] as const)),
    completeAccounts: new Set((input.complete ?? [...accounts.keys()]).map((n) => n.toLowerCase())),
    requests: new Map((input.requests ?? []).map((r) => [r.tenantId.toLowerCase(), versioned(r)] as const)),
  };
}

/** A plan entry is a number without its accountName (the enclosing account supplies it). */
export function entryOf(n: NumberResource): { telephoneNumber: string; serviceDetails: NumberResource['serviceDetails']; configuration?: { customSipHeader?: string } } {
  return { telephoneNumber: n.telephoneNumber, serviceDetails: structuredClone(n.serviceDetails), ...(n.configuration ? { configuration: { ...n.configuration } } : {}) };
}
