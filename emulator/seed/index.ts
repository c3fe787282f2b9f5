// The deterministic demo tenant: built by code on every start (nothing large is stored as a fixture).
import type { EmulatorState } from '../state';
import { seedDirectory } from './directory';
import { seedArm } from './gateways';
import { seedProvisioning } from './provisioning';

export function createDemoState(): EmulatorState {
  return { version: 1, ...seedDirectory(), ...seedArm(), provisioning: seedProvisioning() };
}
