// How many times each number was written (saved or deleted) since the emulator started: what a replayed request
// (Repeatability-Request-ID) must not add to. The reliability run (scripts/reliability-apply.ts) reads it through
// GET /_admin/number-writes to prove that a kill and a resume wrote no number twice. Kept beside the state, not in it:
// it is a measurement, not data a client could see, and it starts at 0 on every start.
import type { ProvisioningData } from './store';

const counts = new WeakMap<ProvisioningData, Map<string, number>>();

export function countNumberWrite(data: ProvisioningData, telephoneNumber: string): void {
  let perNumber = counts.get(data);
  if (!perNumber) counts.set(data, (perNumber = new Map()));
  perNumber.set(telephoneNumber, (perNumber.get(telephoneNumber) ?? 0) + 1);
}

/** Writes per number of one gateway's data; numbers never written are absent. */
export function numberWriteCounts(data: ProvisioningData): ReadonlyMap<string, number> {
  return counts.get(data) ?? new Map();
}
