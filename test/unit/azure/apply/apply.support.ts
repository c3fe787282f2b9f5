// Shared by the apply tests: saved plans built by hand from the contract's types (the planner is another module's),
// and an in-memory journal that can "crash" at any entry.
import type {
  AccountChange,
  JournalEntry,
  JournalState,
  NumberChange,
  PlanChange,
  RelationshipChange,
  SavedProvisioningPlan,
} from '../../../../src/core/apply/types';
import type { AccountResource, NumberResource, RelationshipStatus } from '../../../../src/core/models';
import type { JournalSink } from '../../../../src/azure/apply';
import { journalLine, readJournal } from '../../../../src/core/apply/journal';
import { ocAccount, ocNumber, PRODUCTION_DOMAIN, type ClientWorld } from '../clients.support';

export function plan(changes: readonly PlanChange[]): SavedProvisioningPlan {
  const count = (action: PlanChange['action']) => changes.filter((c) => c.action === action).length;
  return {
    format: 'acg-provisioning-plan/1',
    kind: 'provisioning',
    desired: { path: 'test.acg-plan.json', sha256: '0'.repeat(64) },
    gateway: { domain: PRODUCTION_DOMAIN },
    createdAt: new Date().toISOString(),
    liveReadAt: new Date().toISOString(),
    prune: false,
    changes,
    counts: { create: count('create'), update: count('update'), delete: count('delete'), noop: 0 },
    estimate: { requests: changes.length, requestsPerMinute: 100, seconds: 0 },
  };
}

export function createAccount(name: string): AccountChange {
  const body: AccountResource = ocAccount(name);
  return { id: `account:${name}`, kind: 'account', action: 'create', account: name, body, fields: [{ path: 'correlationId', after: body.correlationId }] };
}

export function updateAccount(current: AccountResource, etag: string | undefined, correlationId: string): AccountChange {
  const body: AccountResource = { name: current.name, correlationId, ...(current.serviceDetails ? { serviceDetails: current.serviceDetails } : {}) };
  return {
    id: `account:${current.name}`,
    kind: 'account',
    action: 'update',
    account: current.name,
    body,
    fields: [{ path: 'correlationId', before: current.correlationId, after: correlationId }],
    ...(etag ? { etag } : {}),
  };
}

export function deleteAccount(name: string, etag: string | undefined): AccountChange {
  return { id: `account:${name}`, kind: 'account', action: 'delete', account: name, fields: [], deleteNumbers: true, ...(etag ? { etag } : {}) };
}

export function createNumber(account: string, telephoneNumber: string): NumberChange {
  return {
    id: `number:${telephoneNumber}`,
    kind: 'number',
    action: 'create',
    account,
    telephoneNumber,
    body: ocNumber(account, telephoneNumber),
    fields: [{ path: 'serviceDetails.teamsOperatorConnect.enabled', after: true }],
  };
}

/** An update of `customSipHeader` on a number as read (no ETag: a listing gives none). */
export function updateNumber(current: NumberResource, customSipHeader: string): NumberChange {
  return {
    id: `number:${current.telephoneNumber}`,
    kind: 'number',
    action: 'update',
    account: current.accountName,
    telephoneNumber: current.telephoneNumber,
    body: { telephoneNumber: current.telephoneNumber, accountName: current.accountName, serviceDetails: current.serviceDetails, configuration: { customSipHeader } },
    fields: [{ path: 'configuration.customSipHeader', before: current.configuration?.customSipHeader, after: customSipHeader }],
  };
}

export function deleteNumber(account: string, telephoneNumber: string): NumberChange {
  return { id: `number:${telephoneNumber}`, kind: 'number', action: 'delete', account, telephoneNumber, fields: [] };
}

export function updateRelationship(tenantId: string, before: RelationshipStatus | undefined, status: RelationshipStatus, etag: string | undefined): RelationshipChange {
  return {
    id: `relationship:${tenantId}`,
    kind: 'relationship',
    action: 'update',
    tenantId,
    status,
    fields: [{ path: 'customerRelationship.status', before, after: status }],
    ...(etag ? { etag } : {}),
  };
}

/** Where the crash happens: before the entry is written, or just after it is. */
export type CrashPoint = { readonly at: (entry: JournalEntry, index: number) => boolean; readonly when: 'before' | 'after' };

export class CrashError extends Error {}

/** A journal in memory; with `crash`, the append that matches throws (before or after recording), like a kill. */
export class MemoryJournal implements JournalSink {
  readonly entries: JournalEntry[] = [];
  private crashed = false;

  constructor(
    private crash?: CrashPoint,
    private readonly onAppend?: (entry: JournalEntry) => void,
  ) {}

  append(entry: JournalEntry): Promise<void> {
    if (this.crashed) return Promise.reject(new CrashError('the process is gone'));
    const crash = this.crash && this.crash.at(entry, this.entries.length);
    if (crash && this.crash?.when === 'before') {
      this.crashed = true;
      return Promise.reject(new CrashError('crashed before the entry was written'));
    }
    this.entries.push(entry);
    this.onAppend?.(entry);
    if (crash) {
      this.crashed = true;
      return Promise.reject(new CrashError('crashed after the entry was written'));
    }
    return Promise.resolve();
  }

  /** The same journal, reopened after the crash: appends go on after the entries written so far. */
  reopen(): MemoryJournal {
    const again = new MemoryJournal();
    again.entries.push(...this.entries);
    return again;
  }
}

/** Where a journal stands: the core's reader over the entries as the journal file would hold them. */
export function replay(entries: readonly JournalEntry[]): JournalState {
  return readJournal(entries.map(journalLine).join(''));
}

/** How many writes the emulator has applied on the gateway: its ETag counter moves once per stored write. */
export function appliedWrites(world: ClientWorld): number {
  return world.emulator.context.state.provisioning[PRODUCTION_DOMAIN].etagSeq;
}
