// The gateway the Enterprises and Numbers views work on. Chosen in the Gateways view (or with "Select Gateway…"),
// remembered in globalState across reloads, and announced through onDidChange so the dependent views refresh.
// It records the cloud and tenant it was chosen in, so a view can ignore a selection made under another sign-in.
import * as vscode from 'vscode';
import { isCloudName, type CloudName } from '../core/clouds';

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
/** Context key for `when` clauses: true while a gateway is selected. */
export const GATEWAY_SELECTED_CONTEXT = 'acg.gatewaySelected';

export class GatewaySelection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SelectedGateway | undefined>();
  readonly onDidChange = this.changed.event;
  private value: SelectedGateway | undefined;

  constructor(private readonly memento: vscode.Memento) {
    this.value = parseSelected(memento.get<unknown>(KEY));
    void vscode.commands.executeCommand('setContext', GATEWAY_SELECTED_CONTEXT, this.value !== undefined);
  }

  get current(): SelectedGateway | undefined {
    return this.value;
  }

  /** The selection, only if it was made in this cloud and tenant (a selection from another sign-in is not valid). */
  currentFor(cloud: CloudName, tenantId: string | undefined): SelectedGateway | undefined {
    const value = this.value;
    return value && value.cloud === cloud && (value.tenantId === undefined || tenantId === undefined || value.tenantId === tenantId) ? value : undefined;
  }

  async select(gateway: SelectedGateway | undefined): Promise<void> {
    if (sameGateway(this.value, gateway)) return;
    this.value = gateway;
    await this.memento.update(KEY, gateway);
    await vscode.commands.executeCommand('setContext', GATEWAY_SELECTED_CONTEXT, gateway !== undefined);
    this.changed.fire(gateway);
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
