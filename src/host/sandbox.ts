// The sandbox's sign-in (npm start, and the integration tests): the emulator demo tenant's operator service principal.
// Its id, tenant and secret arrive as environment variables set by scripts/sandbox.ts or test/integration/setup.ts on
// the code-server process, which the extension host inherits. They are sandbox data (emulator/seed/ids.ts), never a
// real secret, and the option exists only while the cloud is the emulator.
import type { CloudEndpoints } from '../core/clouds';

export const SANDBOX_ENV = {
  tenantId: 'ACG_SANDBOX_TENANT_ID',
  clientId: 'ACG_SANDBOX_CLIENT_ID',
  clientSecret: 'ACG_SANDBOX_CLIENT_SECRET',
} as const;

export interface SandboxPrincipal {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** The sandbox principal, when the cloud is the emulator and all three variables are set; otherwise undefined. */
export function sandboxPrincipal(cloud: CloudEndpoints, env: NodeJS.ProcessEnv = process.env): SandboxPrincipal | undefined {
  if (cloud.name !== 'Emulator') return undefined;
  const tenantId = env[SANDBOX_ENV.tenantId];
  const clientId = env[SANDBOX_ENV.clientId];
  const clientSecret = env[SANDBOX_ENV.clientSecret];
  return tenantId && clientId && clientSecret ? { tenantId, clientId, clientSecret } : undefined;
}
