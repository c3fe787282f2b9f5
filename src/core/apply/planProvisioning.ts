// The provisioning planner: the desired *.acg-plan.json against the live accounts, numbers and requests for
// information, field by field. Linear in desired + live: every lookup is a Map, so 10,000 desired numbers against an
// account of 100,000 plan in well under a second. Pure: the caller reads the live state and hashes the file.
import { writableAccount } from '../enterprises/accountPanel';
import type { PlanAccount, PlanDocument, PlanNumber } from '../config/model';
import type { AccountResource, NumberResource } from '../models';
import { writableNumber } from '../numbers/numberPatch';
import { isServiceFormat, normalizeToE164 } from '../rules/phoneNumber';
import { estimateApply } from './estimate';
import { createdFields, fieldChanges } from './fieldDiff';
import { PlanError } from './planError';
import type { AccountChange, ChangeAction, LiveProvisioningState, NumberChange, PlanChange, PlanCounts, RelationshipChange, SavedProvisioningPlan } from './types';

export interface PlanProvisioningOptions {
  /** Where the desired file is, as the plan should record it. */
  readonly desiredPath: string;
  /** SHA-256 (hex) of the desired file's bytes: apply refuses the plan once the file changes. */
  readonly desiredSha256: string;
  readonly gatewayId?: string;
  readonly now: Date;
  /** For the estimate; the Provisioning API's 100 a minute by default. */
  readonly requestsPerMinute?: number;
}

/** Key paths the change names already (and a number's account, where a move is refused): never listed as fields. */
const NUMBER_KEYS: ReadonlySet<string> = new Set(['telephoneNumber', 'accountName']);
const ACCOUNT_KEYS: ReadonlySet<string> = new Set(['name']);
const SETS = { unorderedArrays: true } as const;

/** E.164 as the service keys numbers; a national number takes its account's (or the plan's) default country. */
export function desiredNumberKey(telephoneNumber: string, defaultCountry: string | undefined): string {
  if (isServiceFormat(telephoneNumber)) return telephoneNumber;
  return normalizeToE164(telephoneNumber, defaultCountry) ?? telephoneNumber;
}

interface Stages {
  readonly accountWrites: AccountChange[];
  readonly numberDeletes: NumberChange[];
  readonly numberWrites: NumberChange[];
  readonly accountDeletes: AccountChange[];
  readonly relationships: RelationshipChange[];
}

interface Tally {
  noop: number;
  readonly problems: string[];
}

function planAccount(account: PlanAccount, live: LiveProvisioningState, stages: Stages, tally: Tally): AccountResource {
  const current = live.accounts.get(account.name.toLowerCase());
  // The service compares names case-insensitively: the live spelling is the one every URL and body must carry.
  const name = current?.resource.name ?? account.name;
  const body = writableAccount({
    name,
    ...(account.correlationId === undefined ? {} : { correlationId: account.correlationId }),
    ...(account.serviceDetails === undefined ? {} : { serviceDetails: account.serviceDetails }),
  });
  const id = `account:${name}`;
  if (!current) {
    stages.accountWrites.push({ id, kind: 'account', action: 'create', account: name, body, fields: createdFields(body, { ...SETS, ignore: ACCOUNT_KEYS }) });
    return body;
  }
  const fields = fieldChanges(writableAccount(current.resource), body, { ...SETS, ignore: ACCOUNT_KEYS });
  if (fields.length === 0) {
    tally.noop++;
    return body;
  }
  stages.accountWrites.push({ id, kind: 'account', action: 'update', account: name, body, fields, ...etagOf(current.etag) });
  return body;
}

function etagOf(etag: string | undefined): { etag?: string } {
  return etag === undefined ? {} : { etag };
}

function planNumber(entry: PlanNumber, e164: string, accountName: string, live: LiveProvisioningState, stages: Stages, tally: Tally): void {
  const body = writableNumber({
    telephoneNumber: e164,
    accountName,
    serviceDetails: entry.serviceDetails,
    ...(entry.configuration === undefined ? {} : { configuration: entry.configuration }),
  });
  const id = `number:${e164}`;
  const current = live.numbers.get(e164);
  if (!current) {
    stages.numberWrites.push({ id, kind: 'number', action: 'create', account: accountName, telephoneNumber: e164, body, fields: createdFields(body, { ...SETS, ignore: NUMBER_KEYS }) });
    return;
  }
  if (current.resource.accountName.toLowerCase() !== accountName.toLowerCase()) {
    tally.problems.push(
      `${e164} belongs to account "${current.resource.accountName}" but the plan lists it under "${accountName}": a number belongs to one ` +
        `account only. List it under "${current.resource.accountName}", or delete it there first and plan again.`,
    );
    return;
  }
  const fields = fieldChanges(writableNumber(current.resource), body, { ...SETS, ignore: NUMBER_KEYS });
  if (fields.length === 0) {
    tally.noop++;
    return;
  }
  stages.numberWrites.push({ id, kind: 'number', action: 'update', account: accountName, telephoneNumber: e164, body, fields, ...etagOf(current.etag) });
}

/** The live numbers of each account, by lower-cased account name (one pass over everything read). */
function liveNumbersByAccount(live: LiveProvisioningState): Map<string, NumberResource[]> {
  const byAccount = new Map<string, NumberResource[]>();
  for (const { resource } of live.numbers.values()) {
    const key = resource.accountName.toLowerCase();
    let list = byAccount.get(key);
    if (!list) byAccount.set(key, (list = []));
    list.push(resource);
  }
  return byAccount;
}

function numberDelete(number: NumberResource, accountName: string, live: LiveProvisioningState): NumberChange {
  const etag = live.numbers.get(number.telephoneNumber)?.etag;
  return { id: `number:${number.telephoneNumber}`, kind: 'number', action: 'delete', account: accountName, telephoneNumber: number.telephoneNumber, fields: [], ...etagOf(etag) };
}

/**
 * prune: numbers of a listed account that the plan does not list, and accounts the live state holds that the plan does
 * not name. Only within `completeAccounts` (a partial read cannot say what is missing), and only for an account whose
 * `numbers` list is present: leaving the list out means "do not manage this account's numbers". An account is deleted
 * after its numbers, each with its own ETag, and without `deleteNumbers`: a number added since the plan makes the
 * service refuse the account delete instead of taking that number with it.
 */
function planPrune(desired: PlanDocument, managed: ReadonlyMap<string, ReadonlySet<string>>, live: LiveProvisioningState, stages: Stages): void {
  const numbersOf = liveNumbersByAccount(live);
  const named = new Set((desired.accounts ?? []).map((a) => a.name.toLowerCase()));
  for (const [key, wanted] of managed) {
    if (!live.completeAccounts.has(key)) continue;
    const name = live.accounts.get(key)?.resource.name ?? key;
    for (const number of numbersOf.get(key) ?? []) {
      if (!wanted.has(number.telephoneNumber)) stages.numberDeletes.push(numberDelete(number, name, live));
    }
  }
  for (const [key, account] of live.accounts) {
    if (named.has(key) || !live.completeAccounts.has(key)) continue;
    const name = account.resource.name;
    for (const number of numbersOf.get(key) ?? []) stages.numberDeletes.push(numberDelete(number, name, live));
    stages.accountDeletes.push({ id: `account:${name}`, kind: 'account', action: 'delete', account: name, fields: [], deleteNumbers: false, ...etagOf(account.etag) });
  }
}

function planRelationships(desired: PlanDocument, live: LiveProvisioningState, stages: Stages, tally: Tally): void {
  for (const entry of desired.relationships ?? []) {
    const tenantId = entry.tenantId.trim().toLowerCase();
    const current = live.requests.get(tenantId);
    if (!current) {
      tally.problems.push(`Tenant ${entry.tenantId} has no request for information on gateway ${live.gateway}: its relationship status cannot be set until the enterprise asks for the service.`);
      continue;
    }
    const want = entry.customerRelationship;
    const have = current.resource.customerRelationship ?? {};
    // The relationship is a merge patch: a comment the plan leaves out stays as it is.
    const after = { status: want.status, ...(want.comment === undefined ? {} : { comment: want.comment }) };
    const before = { status: have.status, ...(want.comment === undefined ? {} : { comment: have.comment }) };
    const fields = fieldChanges({ customerRelationship: before }, { customerRelationship: after });
    if (fields.length === 0) {
      tally.noop++;
      continue;
    }
    stages.relationships.push({
      id: `relationship:${tenantId}`,
      kind: 'relationship',
      action: 'update',
      tenantId,
      status: want.status,
      ...(want.comment === undefined ? {} : { comment: want.comment }),
      fields,
      ...etagOf(current.etag),
    });
  }
}

export function countChanges(changes: readonly { readonly action: ChangeAction }[], noop: number): PlanCounts {
  const counts = { create: 0, update: 0, delete: 0, noop };
  for (const change of changes) counts[change.action]++;
  return counts;
}

/**
 * The exact change from `live` to `desired`, in apply order: account creates and updates, number deletes (so a
 * number freed by prune can be re-created elsewhere in the same run), number creates and updates grouped by account
 * (batches of ≤100), account deletes, relationships. Throws a PlanError ('conflict') when the desired state asks for
 * something no single write can do safely; every such problem is listed at once.
 */
export function planProvisioning(desired: PlanDocument, live: LiveProvisioningState, options: PlanProvisioningOptions): SavedProvisioningPlan {
  const stages: Stages = { accountWrites: [], numberDeletes: [], numberWrites: [], accountDeletes: [], relationships: [] };
  const tally: Tally = { noop: 0, problems: [] };
  const managed = new Map<string, Set<string>>();
  const listedIn = new Map<string, string>();
  for (const account of desired.accounts ?? []) {
    const body = planAccount(account, live, stages, tally);
    if (!account.numbers) continue;
    const wanted = new Set<string>();
    managed.set(account.name.toLowerCase(), wanted);
    const country = account.defaultCountry ?? desired.defaultCountry;
    for (const entry of account.numbers) {
      const e164 = desiredNumberKey(entry.telephoneNumber, country);
      const first = listedIn.get(e164);
      if (first !== undefined) {
        tally.problems.push(`${e164} is listed twice (under "${first}" and "${account.name}"): list each number once.`);
        continue;
      }
      listedIn.set(e164, account.name);
      wanted.add(e164);
      planNumber(entry, e164, body.name, live, stages, tally);
    }
  }
  const prune = desired.prune === true;
  if (prune) planPrune(desired, managed, live, stages);
  planRelationships(desired, live, stages, tally);
  if (tally.problems.length > 0) {
    const n = tally.problems.length;
    throw new PlanError('conflict', options.desiredPath, tally.problems, `${options.desiredPath}: cannot plan ${n === 1 ? 'this change' : `these ${n} changes`} safely:`);
  }
  const changes: PlanChange[] = [...stages.accountWrites, ...stages.numberDeletes, ...groupByAccount(stages.numberWrites), ...stages.accountDeletes, ...stages.relationships];
  return {
    format: 'acg-provisioning-plan/1',
    kind: 'provisioning',
    desired: { path: options.desiredPath, sha256: options.desiredSha256 },
    gateway: { ...(options.gatewayId === undefined ? {} : { id: options.gatewayId }), domain: live.gateway },
    createdAt: options.now.toISOString(),
    liveReadAt: live.readAt,
    prune,
    changes,
    counts: countChanges(changes, tally.noop),
    estimate: estimateApply(changes, options.requestsPerMinute),
  };
}

/** Numbers of one account together, accounts in the plan's order, so the executor's batches are full. */
function groupByAccount(changes: readonly NumberChange[]): NumberChange[] {
  const groups = new Map<string, NumberChange[]>();
  for (const change of changes) {
    const key = change.account.toLowerCase();
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(change);
  }
  return [...groups.values()].flat();
}
