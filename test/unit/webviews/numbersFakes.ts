// The Numbers panel's host with fakes, for its unit and fuzz tests: an in-memory Provisioning API (one page per list
// call; its batches run through the real runBatches), VS Code's prompts answered by script, and every call recorded.
import { runBatches, type BatchRunOptions } from '../../../src/azure/clients/provisioningBatches';
import type { ListPage } from '../../../src/azure/clients/paging';
import type { ProvisioningClient } from '../../../src/azure/clients';
import type { ProvisioningListOptions } from '../../../src/azure/clients/provisioningTypes';
import type { NumberResource, TeamsCivicAddressResource } from '../../../src/core/models';
import type { NumbersChange } from '../../../src/host/numberChanges';
import type { AcgServices } from '../../../src/host/services';
import type { NumbersGridDeps } from '../../../src/webviews/numbers/deps';
import { NumbersGridHandlers, type Notify } from '../../../src/webviews/numbers/handlers';
import { numbersGridProtocol, type GridPageResult } from '../../../src/webviews/numbers/protocol';
import { presentErrorForWebview } from '../../../src/webviews/shared/presentError';
import { countedHandlers } from './fuzzMessages';
import { connect, RecordingLog } from './rpcHarness';

export const GATEWAY_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/contoso-prod-gw';
export const ACCOUNT = 'Northwind-Bulk';
export const OTHER_ACCOUNT = 'Northwind-Trial';
export const ADDRESS_ID = '0b7e3c1a-0000-4000-8000-000000000001';
export const LOCATION_ID = '0b7e3c1a-0000-4000-8000-0000000000f3';
export const ADDRESSES: TeamsCivicAddressResource[] = [
  { id: ADDRESS_ID, description: 'Canary Wharf office', country: 'GB', defaultLocationId: LOCATION_ID, locations: [{ id: LOCATION_ID, civicAddressId: ADDRESS_ID, description: 'Floor 3' }] },
];

export function number(i: number, status: NumberResource['serviceProvisioningStatus'] = 'synced', accountName = ACCOUNT): NumberResource {
  return {
    telephoneNumber: `+1425${String(i).padStart(7, '0')}`,
    accountName,
    serviceDetails: { teamsOperatorConnect: { enabled: true, assignmentStatus: 'unassigned', configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'], civicAddressId: ADDRESS_ID, locationId: LOCATION_ID } } },
    serviceProvisioningStatus: status,
  };
}

/** What the fake's civic-address list answers: these addresses, a failure, or (undefined) no such method at all. */
export type AddressAnswer = readonly TeamsCivicAddressResource[] | 'fail' | undefined;

/** An in-memory Provisioning API: one page per list call (skip/top), every call recorded. */
function fakeService(total: number, addresses: AddressAnswer, accounts: readonly string[]) {
  let numbers = Array.from({ length: total }, (_, i) => number(i, 'synced', accounts[i % accounts.length]));
  const calls: string[] = [];
  const addressReads: string[] = [];
  const batches: string[][] = [];
  async function* pages(options: ProvisioningListOptions): AsyncIterableIterator<ListPage<NumberResource>> {
    const skip = options.skip ?? 0;
    calls.push(options.countRecords && options.top === 1 ? 'count' : `page skip=${skip}`);
    yield { items: numbers.slice(skip, skip + (options.top ?? 100)), nextLink: undefined, totalCount: numbers.length };
  }
  const client = {
    gatewayDomain: 'cprod7a1b2c3.commsgw.azure.com',
    listNumbers: (_account: string, options: ProvisioningListOptions) => pages(options),
    listAllNumbers: (options: ProvisioningListOptions) => pages(options),
    countNumbers: async () => {
      calls.push('count');
      return numbers.length;
    },
    ...(addresses === undefined
      ? {}
      : {
          listCivicAddresses: async function* (account: string): AsyncIterableIterator<ListPage<TeamsCivicAddressResource>> {
            addressReads.push(account);
            if (addresses === 'fail') throw new Error('403 Forbidden');
            yield { items: [...addresses], nextLink: undefined };
          },
        }),
    deleteNumbersInBatches: async (account: string, telephoneNumbers: readonly string[], options: BatchRunOptions) => {
      await runBatches(telephoneNumbers, `delete from ${account}`, options, async (batch) => {
        batches.push(batch);
        numbers = numbers.filter((n) => !batch.includes(n.telephoneNumber));
        return batch;
      }, 'deleted');
    },
  };
  const services = { provisioning: () => client as unknown as ProvisioningClient } as unknown as AcgServices;
  return { calls, batches, services, addressReads };
}

export interface NumbersGridOptions {
  confirm?: boolean;
  /** Cancel the progress once this many numbers are reported deleted. */
  cancelAfter?: number;
  commandNotFound?: boolean;
  addresses?: AddressAnswer;
  /** Show every account of the gateway (the fake's numbers alternate between these accounts). */
  wholeGateway?: readonly string[];
}

export function openNumbersGrid(total: number, options: NumbersGridOptions = {}) {
  const service = fakeService(total, options.addresses, options.wholeGateway ?? [ACCOUNT]);
  const log = new RecordingLog();
  const confirmations: { message: string; detail: string }[] = [];
  const servicesCalls = { count: 0 };
  const exportPicks: string[] = [];
  const progress: string[] = [];
  const fired: NumbersChange[] = [];
  const commands: { id: string; args: unknown[] }[] = [];
  const listeners = new Set<(change: NumbersChange) => void>();
  const deps: NumbersGridDeps = {
    services: async () => {
      servicesCalls.count++;
      return service.services;
    },
    log,
    present: presentErrorForWebview,
    pageSize: () => 100,
    confirm: async (message, detail) => {
      confirmations.push({ message, detail });
      return options.confirm ?? true;
    },
    withProgress: async (title, work) => {
      progress.push(title);
      const cancel = new AbortController();
      return work({
        signal: cancel.signal,
        report: (message) => {
          const done = Number(/^([\d,]+) of/.exec(message)?.[1]?.replace(/,/g, '') ?? '0');
          if (options.cancelAfter !== undefined && done >= options.cancelAfter) cancel.abort();
        },
      });
    },
    pickExportPath: async (name) => {
      exportPicks.push(name);
      return undefined;
    },
    openExportFile: async () => {
      throw new Error('not used');
    },
    onDidChangeNumbers: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    fireNumbersChange: (change) => {
      fired.push(change);
      for (const listener of listeners) listener(change);
    },
    onDidChangeSignIn: () => ({ dispose: () => undefined }),
    executeCommand: async (id, ...args) => {
      if (options.commandNotFound) throw new Error(`command '${id}' not found`);
      commands.push({ id, args });
      return undefined;
    },
  };
  const link: { notify?: Notify } = {};
  const handlers = new NumbersGridHandlers(deps, { gatewayId: GATEWAY_ID, gatewayName: 'contoso-prod-gw', gatewayDomain: 'cprod7a1b2c3.commsgw.azure.com', ...(options.wholeGateway ? {} : { account: ACCOUNT }) }, (method, data) => link.notify?.(method, data));
  // Each handler run counted: the fuzz test checks that no malformed message reaches one.
  const counted = countedHandlers(handlers.handlers);
  const pair = connect(numbersGridProtocol, counted.handlers, handlers.actions.present);
  link.notify = (method, data) => pair.host.notify(method, data);
  const changed: GridPageResult[] = [];
  pair.client.onNotification('rowsChanged', ({ page }) => changed.push(page));
  pair.client.start();
  return { ...service, ...pair, hostLog: log, handlers, confirmations, fired, commands, changed, servicesCalls, exportPicks, handlerRuns: counted.total, progress, fire: deps.fireNumbersChange };
}
