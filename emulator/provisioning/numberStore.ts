// Numbers: lookup, materialisation, counts and paging sources over generated blocks plus explicit numbers.
// Derived indexes (sorted keys, the owner of each explicit number, per-service counts) are cached in WeakMaps keyed
// by the stored objects; replacing the state wholesale simply misses the cache. A write that goes through this module
// drops the account's sorted keys and counts, and UPDATES the gateway's owner map in place (only its sorted key list
// is dropped): a batch looks up the owner of each of its numbers before storing any, and rebuilding the map from every
// explicit number of the gateway on each write made a batch's cost grow with the gateway (profiled: most of a
// batch's time once an account held 10,000 numbers).
import { SERVICE_KEYS, type NumberResource, type ServiceKey, type ServiceProvisioningStatus } from '../../src/core/models';
import {
  generatedKey,
  liveCount,
  liveGeneratedIndex,
  liveIndexAt,
  liveRank,
  removeIndex,
} from './generator';
import { arraySource, keyRange, type SortedSource } from './sortedSources';
import {
  collectionOf,
  deleteOwn,
  getOwn,
  setOwn,
  type NumberCollection,
  type NumberGenerator,
  type ProvisioningData,
  type StoredNumber,
} from './store';
import { statusFields, statusOf, type Clock } from './sync';

export type ServiceCounts = Record<ServiceKey, number>;

/** Restrictions a number list can apply without looking at every generated number (see lists.ts). */
export interface NumberQuery {
  /** Keys ≥ from. */
  from?: string;
  /** Keys < to. */
  to?: string;
  /** Which accounts' numbers to include. */
  account?: (name: string) => boolean;
  /** Which serviceProvisioningStatus values to include (a generated block has one status for all its numbers). */
  status?: (status: ServiceProvisioningStatus) => boolean;
}

const sortedExplicitCache = new WeakMap<NumberCollection, string[]>();
const countsCache = new WeakMap<NumberCollection, ServiceCounts>();
/** Which account holds each explicit number; `keys` (sorted) is built on demand and dropped when a number comes or goes. */
interface OwnerIndex {
  owner: Map<string, string>;
  keys: string[] | undefined;
}
const ownerCache = new WeakMap<ProvisioningData, OwnerIndex>();

/** Call after any change to a collection's numbers. */
function touch(collection: NumberCollection | undefined): void {
  if (!collection) return;
  sortedExplicitCache.delete(collection);
  countsCache.delete(collection);
}

function sortedExplicit(collection: NumberCollection): string[] {
  let keys = sortedExplicitCache.get(collection);
  if (!keys) {
    keys = Object.keys(collection.explicit).sort(compareKeys);
    sortedExplicitCache.set(collection, keys);
  }
  return keys;
}

function ownerIndex(data: ProvisioningData): OwnerIndex {
  let index = ownerCache.get(data);
  if (!index) {
    const owner = new Map<string, string>();
    for (const [account, collection] of Object.entries(data.numbers)) {
      for (const key of Object.keys(collection.explicit)) owner.set(key, account);
    }
    index = { owner, keys: undefined };
    ownerCache.set(data, index);
  }
  return index;
}

/** Every explicit number of the gateway in key order, and which account holds it. */
function explicitOwners(data: ProvisioningData): { keys: string[]; owner: Map<string, string> } {
  const index = ownerIndex(data);
  index.keys ??= [...index.owner.keys()].sort(compareKeys);
  return { keys: index.keys, owner: index.owner };
}

/** Keeps a built owner index in step with one explicit number stored (`account`) or removed (undefined). */
function updateOwner(data: ProvisioningData, telephoneNumber: string, account: string | undefined): void {
  const index = ownerCache.get(data);
  if (!index) return;
  const before = index.owner.get(telephoneNumber);
  if (account === undefined) {
    if (before === undefined) return;
    index.owner.delete(telephoneNumber);
    index.keys = undefined;
    return;
  }
  if (before === undefined) index.keys = undefined;
  index.owner.set(telephoneNumber, account);
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type NumberLocation =
  | { account: string; kind: 'explicit'; stored: StoredNumber }
  | { account: string; kind: 'generated'; generator: NumberGenerator; index: number };

/** Where a telephone number lives in this gateway, whichever account holds it. */
export function locateNumber(data: ProvisioningData, telephoneNumber: string): NumberLocation | undefined {
  const account = ownerIndex(data).owner.get(telephoneNumber);
  if (account !== undefined) {
    const stored = getOwn(collectionOf(data, account).explicit, telephoneNumber);
    if (stored) return { account, kind: 'explicit', stored };
  }
  for (const [name, collection] of Object.entries(data.numbers)) {
    const index = liveGeneratedIndex(collection.generator, telephoneNumber);
    if (index !== undefined && collection.generator) return { account: name, kind: 'generated', generator: collection.generator, index };
  }
  return undefined;
}

/** The number in a given account, or undefined. */
export function locateInAccount(data: ProvisioningData, accountName: string, telephoneNumber: string): NumberLocation | undefined {
  const collection = getOwn(data.numbers, accountName);
  if (!collection) return undefined;
  const stored = getOwn(collection.explicit, telephoneNumber);
  if (stored) return { account: accountName, kind: 'explicit', stored };
  const index = liveGeneratedIndex(collection.generator, telephoneNumber);
  if (index !== undefined && collection.generator) return { account: accountName, kind: 'generated', generator: collection.generator, index };
  return undefined;
}

export function etagOf(location: NumberLocation): string {
  return location.kind === 'explicit' ? location.stored.etag : `"${location.generator.etagBase}-${location.index.toString(16)}"`;
}

export function materialise(location: NumberLocation, clock: Clock): NumberResource {
  return location.kind === 'explicit'
    ? explicitNumber(location.stored, clock)
    : generatedNumber(location.generator, location.account, location.index, clock);
}

function explicitNumber(stored: StoredNumber, clock: Clock): NumberResource {
  return { ...structuredClone(stored.resource), ...statusFields(stored.sync, clock) };
}

function generatedNumber(gen: NumberGenerator, account: string, index: number, clock: Clock): NumberResource {
  const template = structuredClone(gen.template);
  if (gen.unassignedEvery > 0 && index % gen.unassignedEvery === gen.unassignedEvery - 1) {
    if (template.serviceDetails.teamsOperatorConnect) template.serviceDetails.teamsOperatorConnect.assignmentStatus = 'unassigned';
    if (template.serviceDetails.teamsPhoneMobile) template.serviceDetails.teamsPhoneMobile.assignmentStatus = 'unassigned';
  }
  return {
    telephoneNumber: generatedKey(gen, index),
    accountName: account,
    ...template,
    ...statusFields(gen.sync, clock),
  };
}

export function isServiceEnabled(resource: Pick<NumberResource, 'serviceDetails'>, service: ServiceKey): boolean {
  return resource.serviceDetails[service]?.enabled === true;
}

/** How many numbers of the account have each service enabled (the accounts' read-only numberCount). */
export function serviceCounts(data: ProvisioningData, accountName: string): ServiceCounts {
  const collection = getOwn(data.numbers, accountName);
  const counts = Object.fromEntries(SERVICE_KEYS.map((service) => [service, 0])) as ServiceCounts;
  if (!collection) return counts;
  const cached = countsCache.get(collection);
  if (cached) return { ...cached };
  for (const stored of Object.values(collection.explicit)) {
    for (const service of SERVICE_KEYS) if (isServiceEnabled(stored.resource, service)) counts[service] += 1;
  }
  const gen = collection.generator;
  if (gen) {
    for (const service of SERVICE_KEYS) if (isServiceEnabled(gen.template, service)) counts[service] += liveCount(gen);
  }
  countsCache.set(collection, counts);
  return { ...counts };
}

export function totalNumbers(data: ProvisioningData, accountName: string): number {
  const collection = getOwn(data.numbers, accountName);
  if (!collection) return 0;
  return Object.keys(collection.explicit).length + (collection.generator ? liveCount(collection.generator) : 0);
}

/** Stores (creates or replaces) a number in an account. Returns whether it was new. */
export function storeNumber(data: ProvisioningData, accountName: string, stored: StoredNumber): boolean {
  const key = stored.resource.telephoneNumber;
  const collection = collectionOf(data, accountName);
  let created = getOwn(collection.explicit, key) === undefined;
  const index = liveGeneratedIndex(collection.generator, key);
  if (index !== undefined && collection.generator) {
    removeIndex(collection.generator, index);
    created = false;
  }
  setOwn(collection.explicit, key, stored);
  updateOwner(data, key, accountName);
  touch(collection);
  return created;
}

/** Removes a number from an account. Returns whether it existed. */
export function removeNumber(data: ProvisioningData, accountName: string, telephoneNumber: string): boolean {
  const collection = getOwn(data.numbers, accountName);
  if (!collection) return false;
  let removed = false;
  if (getOwn(collection.explicit, telephoneNumber)) {
    deleteOwn(collection.explicit, telephoneNumber);
    updateOwner(data, telephoneNumber, undefined);
    removed = true;
  }
  const index = liveGeneratedIndex(collection.generator, telephoneNumber);
  if (index !== undefined && collection.generator) {
    removeIndex(collection.generator, index);
    removed = true;
  }
  if (removed) touch(collection);
  return removed;
}

export function removeAllNumbers(data: ProvisioningData, accountName: string): void {
  const collection = getOwn(data.numbers, accountName);
  deleteOwn(data.numbers, accountName);
  touch(collection);
  ownerCache.delete(data);
}

/** Sorted sources for one account's numbers. */
export function accountSources(data: ProvisioningData, accountName: string, query: NumberQuery, clock: Clock): SortedSource<NumberResource>[] {
  if (query.account && !query.account(accountName)) return [];
  const collection = getOwn(data.numbers, accountName);
  if (!collection) return [];
  const wanted = query.status;
  let keys = sortedExplicit(collection);
  if (wanted) keys = keys.filter((k) => wanted(statusOf(collection.explicit[k].sync, clock)));
  const sources: SortedSource<NumberResource>[] = [arraySource(keys, (key) => explicitNumber(collection.explicit[key], clock))];
  const gen = collection.generator;
  if (gen && (!wanted || wanted(statusOf(gen.sync, clock)))) sources.push(generatedSource(gen, accountName, clock));
  return sources.map((s) => keyRange(s, query.from, query.to));
}

/** Sorted sources for every number of the gateway (GET /numbers): all explicit numbers as one, plus each block. */
export function gatewaySources(data: ProvisioningData, query: NumberQuery, clock: Clock): SortedSource<NumberResource>[] {
  const { keys: allKeys, owner } = explicitOwners(data);
  const explicitOf = (key: string): StoredNumber => getOwn(data.numbers, owner.get(key)!)!.explicit[key];
  const { account: accountWanted, status: statusWanted } = query;
  const keys =
    accountWanted || statusWanted
      ? allKeys.filter(
          (k) => (!accountWanted || accountWanted(owner.get(k)!)) && (!statusWanted || statusWanted(statusOf(explicitOf(k).sync, clock))),
        )
      : allKeys;
  const sources: SortedSource<NumberResource>[] = [arraySource(keys, (key) => explicitNumber(explicitOf(key), clock))];
  for (const [account, collection] of Object.entries(data.numbers)) {
    const gen = collection.generator;
    if (!gen || (accountWanted && !accountWanted(account)) || (statusWanted && !statusWanted(statusOf(gen.sync, clock)))) continue;
    sources.push(generatedSource(gen, account, clock));
  }
  return sources.map((s) => keyRange(s, query.from, query.to));
}

function generatedSource(gen: NumberGenerator, account: string, clock: Clock): SortedSource<NumberResource> {
  return {
    length: liveCount(gen),
    keyAt: (j) => generatedKey(gen, liveIndexAt(gen, j)),
    rank: (key) => liveRank(gen, key),
    itemAt: (j) => generatedNumber(gen, account, liveIndexAt(gen, j), clock),
  };
}
