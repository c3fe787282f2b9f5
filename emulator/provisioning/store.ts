// The Provisioning API's data for one gateway, as plain JSON (the whole emulator state is saved with JSON.stringify).
// Stored objects keep only what a client can write, plus an ETag and a sync record; read-only fields
// (serviceProvisioningStatus, numberCount, subdomainStatus, …) are computed on every read, so they can never go stale.
import type {
  AccountResource,
  CoreError,
  NumberResource,
  RequestForInformationResource,
  ServiceProvisioningStatus,
  TeamsCivicAddressResource,
} from '../../src/core/models';

/** When an object was last written and what the (simulated) backend sync will make of it. */
export interface SyncRecord {
  /** Epoch milliseconds of the last write. The object reads as `pending` until `syncDelayMs` has passed. */
  writtenAt: number;
  /** What the object settles to after the delay. `pending` means it never settles (seeded "stuck" objects). */
  settlesTo: ServiceProvisioningStatus;
  /** Reported once the object has settled to `failed`. */
  errors?: CoreError[];
}

export interface StoredAccount {
  /** Writable fields only (no numberCount, no subdomainStatus, no serviceProvisioning*). */
  resource: AccountResource;
  etag: string;
  sync: SyncRecord;
}

export interface StoredNumber {
  /** Writable fields only. */
  resource: NumberResource;
  etag: string;
  sync: SyncRecord;
}

/**
 * A block of numbers made by code: index `i` (0 ≤ i < count) is `prefix` + `start + i` zero-padded to `width`
 * digits. All keys share the prefix and the width, so string order equals index order, which makes "the n-th
 * number" and "how many numbers sort before X" arithmetic rather than a scan.
 */
export interface NumberGenerator {
  prefix: string;
  start: number;
  count: number;
  width: number;
  /** The number every index starts from; `telephoneNumber` and `accountName` are filled in per index. */
  template: Omit<NumberResource, 'telephoneNumber' | 'accountName'>;
  /**
   * Every n-th number (index % n === n - 1) reads as `assignmentStatus: unassigned` on its Teams services, so that
   * the bulk data looks lived-in. 0 turns this off.
   */
  unassignedEvery: number;
  /**
   * Indexes that no longer come from the generator, ascending: deleted, or replaced by an explicit number (a PUT on a
   * generated number stores it explicitly and removes its index here).
   */
  removed: number[];
  /** Generated numbers are never written (a write makes them explicit), so their ETag is this base plus the index. */
  etagBase: string;
  /** One sync record for the whole block. */
  sync: SyncRecord;
}

/** The numbers of one account: an optional generated block plus explicitly stored numbers. */
export interface NumberCollection {
  generator?: NumberGenerator;
  /** Keyed by telephone number. Never holds a key that the generator still produces. */
  explicit: Record<string, StoredNumber>;
}

/** The request-for-information fields Teams owns; `accountName` is derived from the accounts on every read. */
export type RfiResource = Omit<RequestForInformationResource, 'accountName' | 'serviceProvisioningStatus' | 'serviceProvisioningErrors'>;

export interface StoredRfi {
  resource: RfiResource;
  /** The account Teams associated when the consent arrived; used when no account carries this tenant id. */
  accountName?: string;
  etag: string;
  sync: SyncRecord;
}

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** A repeatable request that succeeded, kept for the tracking window so that a replay answers without re-applying. */
export interface RepeatabilityRecord {
  /** Epoch milliseconds from the Repeatability-First-Sent header. */
  firstSent: number;
  /** Method, path and canonical body: a replay with the same id must match it. */
  fingerprint: string;
  response: StoredResponse;
}

export interface ProvisioningData {
  /** Keyed by account name (case-sensitive, as the API says). */
  accounts: Record<string, StoredAccount>;
  /** Keyed by account name. */
  numbers: Record<string, NumberCollection>;
  /**
   * Civic addresses live in the enterprise's Teams admin center, so they are keyed by Teams tenant id (lower case);
   * an account sees the addresses of its `teamsTenantId`.
   */
  civicAddresses: Record<string, TeamsCivicAddressResource[]>;
  /** Keyed by tenant id (lower case). */
  requestsForInformation: Record<string, StoredRfi>;
  /** Keyed by Repeatability-Request-ID. */
  repeatability: Record<string, RepeatabilityRecord>;
  /** Source of ETags: incremented on every write, so an ETag never repeats within a gateway. */
  etagSeq: number;
}

export function createEmptyProvisioningData(): ProvisioningData {
  return { accounts: {}, numbers: {}, civicAddresses: {}, requestsForInformation: {}, repeatability: {}, etagSeq: 0 };
}

export function nextEtag(data: ProvisioningData): string {
  data.etagSeq += 1;
  return `"${data.etagSeq.toString(16).padStart(8, '0')}"`;
}

// Account names may legitimately be `__proto__` or `constructor` (letters, digits, _ and -), so records are read and
// written through own-property helpers rather than `record[key]`.

export function getOwn<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

export function deleteOwn<T>(record: Record<string, T>, key: string): void {
  if (Object.prototype.hasOwnProperty.call(record, key)) Reflect.deleteProperty(record, key);
}

/** The collection of an account, created on first use. */
export function collectionOf(data: ProvisioningData, accountName: string): NumberCollection {
  let collection = getOwn(data.numbers, accountName);
  if (!collection) {
    collection = { explicit: {} };
    setOwn(data.numbers, accountName, collection);
  }
  return collection;
}
