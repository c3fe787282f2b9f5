// Test lines per gateway, read once and shared by the Gateways view (the gateway row's warning, the "Test lines"
// group), the commands that suggest names or describe a delete, and the Gateway Overview panel. Invalidated by refresh
// and after every change we make.
import type { Services } from './services';
import type { CommunicationsGateway, GatewayRef, TestLine } from '../core/models';
import type { TestLineCoverage } from '../core/gateways/coverage';

export interface GatewayTestLines {
  lines: TestLine[];
  coverage: TestLineCoverage;
}

export class TestLineStore {
  private readonly cache = new Map<string, Promise<GatewayTestLines>>();

  constructor(private readonly services: Services) {}

  get(gateway: CommunicationsGateway, ref: GatewayRef, abortSignal?: AbortSignal): Promise<GatewayTestLines> {
    const key = keyOf(gateway, ref);
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.read(gateway, ref, abortSignal);
      this.cache.set(key, entry);
      // A failure is not remembered: the next look (a Retry, a re-render) asks again.
      entry.catch(() => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      });
    }
    return entry;
  }

  invalidate(gateway?: { id?: string }): void {
    if (gateway?.id === undefined) this.cache.clear();
    else this.cache.delete(gateway.id.toLowerCase());
  }

  private async read(gateway: CommunicationsGateway, ref: GatewayRef, abortSignal?: AbortSignal): Promise<GatewayTestLines> {
    // The coverage checks need the E.164 rules (libphonenumber-js): loaded with the first gateway's test lines, not at
    // activation.
    const { testLineCoverage } = await import('../core/gateways/testLineCoverage');
    const lines = await (await this.services.get()).arm.listTestLines(ref, abortSignal ? { abortSignal } : {});
    // Service verification lines first (OC1…, TPM1…), then manual ones; numeric order so that OC10 follows OC9.
    lines.sort((a, b) => purposeRank(a) - purposeRank(b) || (a.name ?? '').localeCompare(b.name ?? '', undefined, { numeric: true }));
    return { lines, coverage: testLineCoverage(gateway, lines) };
  }
}

function purposeRank(line: TestLine): number {
  return line.properties?.purpose === 'Automated' ? 0 : 1;
}

function keyOf(gateway: CommunicationsGateway, ref: GatewayRef): string {
  return (gateway.id ?? `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroupName}/providers/Microsoft.VoiceServices/communicationsGateways/${ref.name}`).toLowerCase();
}
