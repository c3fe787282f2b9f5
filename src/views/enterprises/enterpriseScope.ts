// What every node of one gateway's Enterprises tree shares: the gateway, its cached lists and its client.
import type { ProvisioningClient } from '../../azure/clients';
import type { SelectedGateway } from '../tree';
import type { EnterpriseData } from './enterpriseData';

export interface EnterpriseScope {
  readonly gateway: SelectedGateway;
  readonly data: EnterpriseData;
  client(): Promise<ProvisioningClient>;
}
