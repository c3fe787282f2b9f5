// The two lists every part of the Enterprises view needs (requests for information and accounts), read once per
// gateway and shared: the group nodes, the account nodes and the two-way links all use the same copy, so expanding
// the view costs one request per list. A failed read is not kept, so Retry reads again.
import type { ProvisioningClient } from '../../azure/clients';
import { collectPages } from '../../azure/clients/paging';
import type { AccountResource, RequestForInformationResource } from '../../core/models';

export class EnterpriseData {
  private requestsPromise: Promise<RequestForInformationResource[]> | undefined;
  private accountsPromise: Promise<AccountResource[]> | undefined;

  constructor(private readonly client: () => Promise<ProvisioningClient>) {}

  requests(): Promise<RequestForInformationResource[]> {
    this.requestsPromise ??= this.keep(this.client().then((c) => collectPages(c.listRequestsForInformation())), () => (this.requestsPromise = undefined));
    return this.requestsPromise;
  }

  accounts(): Promise<AccountResource[]> {
    this.accountsPromise ??= this.keep(this.client().then((c) => collectPages(c.listAccounts())), () => (this.accountsPromise = undefined));
    return this.accountsPromise;
  }

  invalidateRequests(): void {
    this.requestsPromise = undefined;
  }

  invalidateAccounts(): void {
    this.accountsPromise = undefined;
  }

  private keep<T>(promise: Promise<T>, forget: () => void): Promise<T> {
    promise.catch(forget);
    return promise;
  }
}
