// The gateway the Enterprises and Numbers views, live checks and panels work on. Chosen in the Gateways view (or with
// "Select Gateway…"), remembered in globalState across reloads, and announced through onDidChange so the dependent
// faces refresh. It records the cloud and tenant it was chosen in: a gateway picked under another sign-in must never
// receive this sign-in's tokens, so only `forCurrentSignIn()` hands out clients.
import * as vscode from 'vscode';
import type { ProvisioningClient } from '../azure/clients';
import { gatewayDomainOf, gatewayRefOf } from '../azure/clients/armIds';
import { AcgError, notSignedInError } from '../azure/errors';
import { isCloudName, type CloudName } from '../core/clouds';
import type { CommunicationsGateway } from '../core/models';
import { CONTEXT_KEYS } from './ids';
import type { Services } from './services';
import type { SignIn } from './signIn';

export interface SelectedGateway {
  /** ARM resource id of the gateway. */
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  /** `<label>.commsgw.azure.com`, what `services.provisioning(domain)` takes; undefined while ARM has not assigned it. */
  readonly domain?: string;
  readonly cloud: CloudName;
  readonly tenantId?: string;
}

const KEY = 'acg.selectedGateway';

/** What the Enterprises and Numbers views need to work on `gateway`, under the current sign-in; undefined without an id. */
export function selectionOf(gateway: CommunicationsGateway, signIn: Pick<SignIn, 'cloud' | 'state'>): SelectedGateway | undefined {
  const ref = gatewayRefOf(gateway);
  if (!ref || !gateway.id) return undefined;
  return {
    id: gateway.id,
    name: ref.name,
    subscriptionId: ref.subscriptionId,
    resourceGroupName: ref.resourceGroupName,
    domain: gatewayDomainOf(gateway),
    cloud: signIn.cloud.name,
    tenantId: signIn.state?.tenantId,
  };
}

export interface GatewaySelection {
  /** The stored selection, whichever sign-in made it. */
  readonly current: SelectedGateway | undefined;
  /** The selection if it was made under the current cloud and tenant; otherwise undefined. */
  forCurrentSignIn(): SelectedGateway | undefined;
  select(gateway: SelectedGateway | undefined): Promise<void>;
  readonly onDidChange: vscode.Event<SelectedGateway | undefined>;
  /** The Provisioning API client of `gateway` (default: the selection), for the current sign-in. */
  provisioningClient(gateway?: SelectedGateway): Promise<ProvisioningClient>;
}

export class StoredGatewaySelection implements GatewaySelection, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SelectedGateway | undefined>();
  readonly onDidChange = this.changed.event;
  private value: SelectedGateway | undefined;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly signIn: Pick<SignIn, 'signedIn' | 'state' | 'cloud'>,
    private readonly services: Services,
  ) {
    this.value = parseSelected(memento.get<unknown>(KEY));
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.gatewaySelected, this.value !== undefined);
  }

  get current(): SelectedGateway | undefined {
    return this.value;
  }

  forCurrentSignIn(): SelectedGateway | undefined {
    const value = this.value;
    if (!value || !this.signIn.signedIn) return undefined;
    const tenantId = this.signIn.state?.tenantId;
    return value.cloud === this.signIn.cloud.name && (value.tenantId === undefined || tenantId === undefined || value.tenantId === tenantId) ? value : undefined;
  }

  async select(gateway: SelectedGateway | undefined): Promise<void> {
    if (sameGateway(this.value, gateway)) return;
    this.value = gateway;
    await this.memento.update(KEY, gateway);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.gatewaySelected, gateway !== undefined);
    this.changed.fire(gateway);
  }

  async provisioningClient(gateway = this.forCurrentSignIn()): Promise<ProvisioningClient> {
    if (!this.signIn.signedIn) throw notSignedInError();
    if (!gateway) throw new AcgError({ kind: 'badRequest', message: 'Select a gateway first (Communications Gateway: Select Gateway…).' });
    if (!gateway.domain) {
      throw new AcgError({
        kind: 'unavailable',
        message: `Gateway ${gateway.name} has no domain yet, so its Provisioning API cannot be reached. Deployment may still be running: refresh later.`,
      });
    }
    return (await this.services.get()).provisioning(gateway.domain);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function sameGateway(a: SelectedGateway | undefined, b: SelectedGateway | undefined): boolean {
  return a?.id.toLowerCase() === b?.id.toLowerCase() && a?.cloud === b?.cloud && a?.tenantId === b?.tenantId && a?.domain === b?.domain;
}

function parseSelected(value: unknown): SelectedGateway | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  const id = text('id');
  const name = text('name');
  const subscriptionId = text('subscriptionId');
  const resourceGroupName = text('resourceGroupName');
  const cloud = record['cloud'];
  if (!id || !name || !subscriptionId || !resourceGroupName || !isCloudName(cloud)) return undefined;
  return { id, name, subscriptionId, resourceGroupName, domain: text('domain'), cloud, tenantId: text('tenantId') };
}
