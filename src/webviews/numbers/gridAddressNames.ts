// The civic address and location names the grid shows instead of GUIDs: each account's civic addresses, read once per
// panel (an account's grid reads its own beside the first page; the whole gateway's, each account's when a page first
// shows one of its numbers with an address). A failed read is logged and leaves that account's ids as they are: the
// names are a help, never a reason for the grid to fail.
import { collectPages } from '../../azure/clients/paging';
import type { ProvisioningClient } from '../../azure/clients';
import { civicAddressNames, NO_ADDRESS_NAMES, type CivicAddressNames } from '../../core/numbers/civicAddressNames';
import type { RpcLog } from '../shared/rpcHost';

export class GridAddressNames {
  private reads = new Map<string, Promise<CivicAddressNames>>();
  private known = new Map<string, CivicAddressNames>();

  constructor(
    private readonly client: () => Promise<ProvisioningClient>,
    private readonly log: RpcLog,
  ) {}

  /** The account's names, read on first use; never rejects (a failed read gives no names). */
  load(account: string): Promise<CivicAddressNames> {
    let read = this.reads.get(account);
    if (!read) {
      const reads = this.reads;
      read = this.read(account).then((names) => {
        // A read started before forget() must not fill the new cache.
        if (this.reads === reads) this.known.set(account, names);
        return names;
      });
      this.reads.set(account, read);
    }
    return read;
  }

  /** The names read so far for the account (none while its read is on its way). */
  of(account: string): CivicAddressNames {
    return this.known.get(account) ?? NO_ADDRESS_NAMES;
  }

  /** After a sign-in change: read again under the new one. */
  forget(): void {
    this.reads = new Map();
    this.known = new Map();
  }

  private async read(account: string): Promise<CivicAddressNames> {
    try {
      const client = await this.client();
      return civicAddressNames(await collectPages(client.listCivicAddresses(account)));
    } catch (error) {
      this.log.info(`Numbers panel: the civic addresses of ${account} could not be read, so the grid shows their ids: ${error instanceof Error ? error.message : String(error)}`);
      return NO_ADDRESS_NAMES;
    }
  }
}
