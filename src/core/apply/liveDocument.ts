// The live state in the desired file's own shape: the left side of the editor's diff view (live ↔ file). Only what the
// file names is shown (and, with prune, the live numbers of its complete accounts that it does not list), each in the
// file's order and with the fields a plan writes, so the diff shows what apply would change and nothing else:
// read-only fields (provisioning status, capabilities, counts) never appear. Absent on the live side = to create.
import { writableAccount } from '../enterprises/accountPanel';
import type { PlanAccount, PlanDocument, PlanNumber, PlanRelationship } from '../config/model';
import type { NumberResource } from '../models';
import { writableNumber } from '../numbers/numberPatch';
import { desiredNumberKey } from './planProvisioning';
import type { LiveProvisioningState } from './types';

/**
 * `live` with its keys in `desired`'s order (then any others), and an array holding the same items as `desired`'s in
 * `desired`'s order: the planner compares fields and sets, not layout, so the diff must not show layout either.
 */
export function alignedTo<T>(live: T, desired: unknown): T {
  if (Array.isArray(live) && Array.isArray(desired)) {
    const key = (v: unknown) => JSON.stringify(v);
    const liveKeys = live.map(key);
    const sameSet = live.length === desired.length && desired.every((d) => liveKeys.includes(key(d)));
    return (sameSet ? [...desired] : live) as T;
  }
  if (!isRecord(live) || !isRecord(desired)) return live;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(desired)) if (k in live) out[k] = alignedTo(live[k], desired[k]);
  for (const [k, v] of Object.entries(live)) if (!(k in out)) out[k] = v;
  return out as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The number as the file would list it: no accountName unless the file's entry names one (the account encloses it). */
function asPlanNumber(number: NumberResource, spelledAs: string, keepAccountName: boolean): PlanNumber {
  const { telephoneNumber: _key, accountName, serviceDetails, configuration } = writableNumber(number);
  return {
    telephoneNumber: spelledAs,
    ...(keepAccountName ? { accountName } : {}),
    serviceDetails,
    ...(configuration === undefined ? {} : { configuration }),
  };
}

function liveAccount(desired: PlanDocument, account: PlanAccount, live: LiveProvisioningState, numbersOf: ReadonlyMap<string, NumberResource[]>): PlanAccount | undefined {
  const current = live.accounts.get(account.name.toLowerCase());
  if (!current) return undefined;
  const { name, correlationId, serviceDetails } = writableAccount(current.resource);
  const out: PlanAccount = alignedTo(
    { name, ...(correlationId === undefined ? {} : { correlationId }), ...(account.defaultCountry === undefined ? {} : { defaultCountry: account.defaultCountry }), ...(serviceDetails === undefined ? {} : { serviceDetails }) },
    { ...account, numbers: undefined },
  );
  if (!account.numbers) return out;
  const country = account.defaultCountry ?? desired.defaultCountry;
  const listed = new Set<string>();
  const numbers: PlanNumber[] = [];
  for (const entry of account.numbers) {
    const key = desiredNumberKey(entry.telephoneNumber, country);
    listed.add(key);
    const number = live.numbers.get(key)?.resource;
    // A number under another account is the planner's conflict, not this account's number.
    if (number && number.accountName.toLowerCase() === name.toLowerCase()) numbers.push(alignedTo(asPlanNumber(number, entry.telephoneNumber, entry.accountName !== undefined), entry));
  }
  if (desired.prune === true && live.completeAccounts.has(name.toLowerCase())) {
    for (const number of numbersOf.get(name.toLowerCase()) ?? []) {
      if (!listed.has(number.telephoneNumber)) numbers.push(asPlanNumber(number, number.telephoneNumber, false));
    }
  }
  return { ...out, numbers };
}

function liveRelationship(entry: PlanRelationship, live: LiveProvisioningState): PlanRelationship | undefined {
  const current = live.requests.get(entry.tenantId.trim().toLowerCase())?.resource.customerRelationship;
  if (!current?.status) return undefined;
  return { tenantId: entry.tenantId, customerRelationship: { status: current.status, ...(current.comment === undefined ? {} : { comment: current.comment }) } };
}

export function liveAsPlanDocument(desired: PlanDocument, live: LiveProvisioningState): PlanDocument {
  const numbersOf = new Map<string, NumberResource[]>();
  for (const { resource } of live.numbers.values()) {
    const key = resource.accountName.toLowerCase();
    numbersOf.set(key, [...(numbersOf.get(key) ?? []), resource]);
  }
  const accounts = (desired.accounts ?? []).flatMap((a) => liveAccount(desired, a, live, numbersOf) ?? []);
  // prune deletes whole accounts the file does not name (complete ones only): they are live, so they are shown.
  if (desired.prune === true) {
    const named = new Set((desired.accounts ?? []).map((a) => a.name.toLowerCase()));
    for (const [key, { resource }] of live.accounts) {
      if (named.has(key) || !live.completeAccounts.has(key)) continue;
      const unnamed = liveAccount(desired, { name: resource.name, numbers: [] }, live, numbersOf);
      if (unnamed) accounts.push(unnamed);
    }
  }
  const relationships = (desired.relationships ?? []).flatMap((r) => liveRelationship(r, live) ?? []);
  return {
    ...(desired.$schema === undefined ? {} : { $schema: desired.$schema }),
    ...(desired.gateway === undefined ? {} : { gateway: desired.gateway }),
    ...(desired.defaultCountry === undefined ? {} : { defaultCountry: desired.defaultCountry }),
    ...(desired.accounts === undefined ? {} : { accounts }),
    ...(desired.relationships === undefined ? {} : { relationships }),
    ...(desired.prune === undefined ? {} : { prune: desired.prune }),
  };
}
