// The integration run's setup, on the runner's side (Node, outside VS Code): start the emulator with the demo tenant
// and hand its URL and CA file to the extension host. NODE_EXTRA_CA_CERTS is how every process trusts the emulator;
// TLS verification stays on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../../emulator/server';
import { DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../emulator/seed/ids';
import type { BeforeRun } from '../runner';

export const EMULATOR_URL_ENV = 'ACG_TEST_EMULATOR_URL';

export const integrationSetup: BeforeRun = async ({ resultsDir }) => {
  const log = path.join(resultsDir, 'emulator.log');
  const emulator = await startEmulator({
    port: 0,
    dataDir: path.join(resultsDir, 'emulator'),
    config: { syncDelayMs: 200, armOperationDelayMs: 200, deviceCodeAutoApproveMs: 0 },
    log: (line) => fs.appendFileSync(log, `${line}\n`),
  });
  return {
    env: {
      NODE_EXTRA_CA_CERTS: emulator.caPath,
      [EMULATOR_URL_ENV]: emulator.url,
      // The sandbox principal, as npm start passes it: offered by Sign In in the Emulator cloud. No automatic sign-in
      // here (acg.sandbox.autoSignIn stays off), so the tests start signed out and sign in themselves.
      ACG_SANDBOX_TENANT_ID: DEMO_TENANT_ID,
      ACG_SANDBOX_CLIENT_ID: OPERATOR_CLIENT_ID,
      ACG_SANDBOX_CLIENT_SECRET: OPERATOR_CLIENT_SECRET,
    },
    dispose: () => emulator.stop(),
  };
};
