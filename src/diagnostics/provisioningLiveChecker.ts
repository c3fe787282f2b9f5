// The real LiveConfigChecker (issue 6 §3): for a provisioning plan, when signed in with a gateway selected, looks up
// the plan's accounts, civic addresses / locations and numbers on that gateway. Only reads. Results are cached per
// gateway and key for LIVE_CACHE_TTL_MS, so re-validating while typing mostly never reaches the network; a newer edit
// cancels a running pass (the token aborts the calls).
import * as vscode from 'vscode';
import type { ProvisioningClient } from '../azure/clients';
import { isAcgError } from '../azure/errors';
import type { LiveResults, PlanReferences } from '../core/config/live';
import type { Host } from '../host/host';
import { messageOf } from '../host/presentError';
import { toDiagnostic } from './convert';
import type { LiveConfigChecker } from './liveChecks';

export const LIVE_CACHE_TTL_MS = 60_000;
/** Lookups in flight at once per pass. */
const CONCURRENCY = 8;

interface CivicIds {
  readonly addresses: ReadonlySet<string>;
  readonly locations: ReadonlySet<string>;
}

class TtlCache {
  private readonly entries = new Map<string, { expires: number; value: unknown }>();

  get<T>(key: string): { value: T } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return { value: entry.value as T };
  }

  set(key: string, value: unknown): void {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(key, { expires: Date.now() + LIVE_CACHE_TTL_MS, value });
  }
}

function isNotFound(error: unknown): boolean {
  return isAcgError(error, 'notFound');
}

async function runLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export class ProvisioningLiveChecker implements LiveConfigChecker {
  private readonly cache = new TtlCache();

  constructor(private readonly host: Pick<Host, 'signIn' | 'selection' | 'log'>) {}

  async check(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.Diagnostic[]> {
    if (!vscode.workspace.isTrusted) return [];
    if (!document.fileName.toLowerCase().endsWith('.acg-plan.json')) return [];
    if (!this.host.signIn.signedIn) return [];
    const gateway = this.host.selection.forCurrentSignIn();
    if (!gateway?.domain) return [];
    const text = document.getText();
    // Loaded like the engine: on first use, not at activation.
    const live = await import('../core/config/live');
    const references = live.extractPlanReferences(text);
    if (references.accounts.length === 0) return [];

    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const client = await this.host.selection.provisioningClient(gateway);
      if (token.isCancellationRequested) return [];
      const results = await this.lookUp(client, gateway.id.toLowerCase(), references, live.numbersToCheck(references).numbers, controller.signal);
      if (token.isCancellationRequested) return [];
      return live.liveFindings(references, results, gateway.name).map((finding) => toDiagnostic(document, finding));
    } finally {
      subscription.dispose();
    }
  }

  private async lookUp(client: ProvisioningClient, gatewayKey: string, references: PlanReferences, numbers: readonly string[], signal: AbortSignal): Promise<LiveResults> {
    const accounts = new Map<string, boolean>();
    const civic = new Map<string, CivicIds>();
    const owners = new Map<string, string | null>();
    const names = [...new Set(references.accounts.map((a) => a.name.value))];
    const withCivic = new Set(references.accounts.filter((a) => a.civicAddressIds.length > 0 || a.locationIds.length > 0).map((a) => a.name.value));
    const warn = (what: string, error: unknown): void => {
      if (!signal.aborted) this.host.log.warn(`Live check: ${what} failed: ${messageOf(error)}`);
    };

    await runLimited(names, CONCURRENCY, async (name) => {
      const key = `${gatewayKey}|account|${name}`;
      const cached = this.cache.get<boolean>(key);
      if (cached) {
        accounts.set(name, cached.value);
      } else {
        try {
          await client.getAccount(name, { abortSignal: signal });
          accounts.set(name, true);
        } catch (error) {
          if (!isNotFound(error)) return warn(`looking up account ${name}`, error);
          accounts.set(name, false);
        }
        this.cache.set(key, accounts.get(name));
      }
      if (accounts.get(name) !== true || !withCivic.has(name)) return;
      const civicKey = `${gatewayKey}|civic|${name}`;
      const cachedCivic = this.cache.get<CivicIds>(civicKey);
      if (cachedCivic) {
        civic.set(name, cachedCivic.value);
        return;
      }
      try {
        const addresses = new Set<string>();
        const locations = new Set<string>();
        for await (const page of client.listCivicAddresses(name, { abortSignal: signal })) {
          for (const address of page.items) {
            if (address.id) addresses.add(address.id.toLowerCase());
            for (const location of address.locations ?? []) if (location.id) locations.add(location.id.toLowerCase());
          }
        }
        const ids = { addresses, locations };
        civic.set(name, ids);
        this.cache.set(civicKey, ids);
      } catch (error) {
        warn(`listing the civic addresses of ${name}`, error);
      }
    });

    await runLimited(numbers, CONCURRENCY, async (telephoneNumber) => {
      const key = `${gatewayKey}|number|${telephoneNumber}`;
      const cached = this.cache.get<string | null>(key);
      if (cached) {
        owners.set(telephoneNumber, cached.value);
        return;
      }
      try {
        const filter = `telephoneNumber eq '${telephoneNumber.replace(/'/g, "''")}'`;
        let owner: string | null = null;
        for await (const page of client.listAllNumbers({ filter, top: 1, maxpagesize: 1, abortSignal: signal })) {
          owner = page.items[0]?.accountName ?? null;
          break;
        }
        owners.set(telephoneNumber, owner);
        this.cache.set(key, owner);
      } catch (error) {
        warn(`looking up number ${telephoneNumber}`, error);
      }
    });
    return { accounts, civic, owners };
  }
}
