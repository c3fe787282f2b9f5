// What every benchmark script needs: medians, timing, figures printed the same way, and the sandbox operator's
// credential against an in-process emulator (trusting its CA, never turning TLS verification off).
import { ClientSecretCredential } from '@azure/identity';
import { DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../emulator/seed/ids';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

export async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

/** The sandbox operator's service principal, signing in at the emulator's Entra endpoint. */
export function sandboxOperatorCredential(emulator: { url: string; caCertPem: string }): ClientSecretCredential {
  return new ClientSecretCredential(DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.caCertPem },
  });
}
