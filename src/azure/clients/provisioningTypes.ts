// The shapes ProvisioningClient takes and returns, apart from the resources themselves (src/core/models).
import type { CustomerRelationship, ListOptions } from '../../core/models';
import type { RepeatabilityHeaders } from '../http/headers';
import type { CallOptions } from './options';
import type { ResendPolicy } from './resend';

/** The AzureCommunicationsGateway app's ID URI + `/.default` (API.md §2: the real scope is unpublished, so a setting). */
export const DEFAULT_PROVISIONING_SCOPE = '8502a0ec-c76d-412f-836c-398018e2312b/.default';

export interface ProvisioningClientOptions {
  /** Token scope for the API (the `acg.provisioning.scope` setting). Default DEFAULT_PROVISIONING_SCOPE. */
  scope?: string;
  /** Resending a batch of the *InBatches operations once the pipeline's own retries are spent. */
  resend?: Partial<ResendPolicy>;
  /** Check the caller's ProvisioningAPI role before each write (default true). Off only to test the service's own 403. */
  rolePreflight?: boolean;
}

export interface WriteOptions extends CallOptions {
  /**
   * The Repeatability-Request-ID / First-Sent this write carries. Default: new ones per call. The apply journal chooses
   * them itself and writes them down BEFORE sending, so that a resume after a crash resends the very same ones and the
   * service replays its first answer instead of applying the write twice.
   */
  repeatability?: RepeatabilityHeaders;
}

export interface ConditionalOptions extends WriteOptions {
  /** The ETag the caller last read: the write fails with AcgError `preconditionFailed` if it has changed since. */
  ifMatch?: string;
}

export interface CreateOptions extends ConditionalOptions {
  /** Create only: fail with `preconditionFailed` when the resource already exists (If-None-Match: *). */
  onlyIfNew?: boolean;
}

export interface DeleteAccountOptions extends ConditionalOptions {
  /** Delete the account's numbers with it; without this the service refuses while numbers exist (`conflict`). */
  deleteNumbers?: boolean;
}

/**
 * The API's list parameters (`filter` grammar is unpublished; the emulator takes `field eq 'x'` and `startswith`).
 * `countRecords` returns `x-ms-record-count` as each page's `totalCount`.
 */
export interface ProvisioningListOptions extends ListOptions, CallOptions {
  /** A page's `nextLink`, to resume where an earlier listing stopped ("Load more…"); the other options are then in the link. */
  continuation?: string;
}

/** A resource as read or written, with the ETag to send back as `ifMatch`. */
export interface WithEtag<T> {
  resource: T;
  etag?: string;
}

export interface RelationshipUpdate {
  status: NonNullable<CustomerRelationship['status']>;
  /** The reason (needed for ConsentDeclined and ContractTerminated) or a ticket id; at most 64 characters. */
  comment?: string;
}
