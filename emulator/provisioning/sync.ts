// serviceProvisioningStatus without timers: a write stores when it happened and what it will settle to, and every
// read works out the status from the clock. Deterministic, survives restarts, and costs nothing while idle.
import type { CoreError, ServiceProvisioningStatus } from '../../src/core/models';
import type { SyncRecord } from './store';

export interface Clock {
  now: number;
  syncDelayMs: number;
}

export interface ProvisioningStatusFields {
  serviceProvisioningStatus: ServiceProvisioningStatus;
  serviceProvisioningErrors: CoreError[];
}

export function statusOf(sync: SyncRecord, clock: Clock): ServiceProvisioningStatus {
  return clock.now - sync.writtenAt < clock.syncDelayMs ? 'pending' : sync.settlesTo;
}

export function statusFields(sync: SyncRecord, clock: Clock): ProvisioningStatusFields {
  const status = statusOf(sync, clock);
  return {
    serviceProvisioningStatus: status,
    // The spec's examples always carry the array, empty when there is nothing to report.
    serviceProvisioningErrors: status === 'failed' ? structuredClone(sync.errors ?? []) : [],
  };
}

export function freshSync(now: number, settlesTo: ServiceProvisioningStatus = 'synced', errors?: CoreError[]): SyncRecord {
  return settlesTo === 'failed' && errors ? { writtenAt: now, settlesTo, errors } : { writtenAt: now, settlesTo };
}
