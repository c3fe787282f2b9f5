// What every Provisioning API handler works with: the service context, this gateway's data and a clock read once
// per request (so that every object in one answer agrees on pending/synced).
import type { ServiceContext } from '../context';
import type { ProvisioningData } from './store';
import type { Clock } from './sync';

export interface ProvisioningEnv {
  readonly ctx: ServiceContext;
  readonly data: ProvisioningData;
  readonly clock: Clock;
  /** The gateway domain, lower case. */
  readonly domain: string;
}
