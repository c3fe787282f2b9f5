// The fast path of a plan number may only say "clean" when the full check finds nothing. Mutating valid numbers in
// many small ways probes the boundary between the two.
import { strict as assert } from 'node:assert';
import { fastNumberOk, slowNumber, type AccountContext } from '../../../src/core/config/plan/numberCheck';

const ctx: AccountContext = { name: 'Northwind', services: new Set(['teamsOperatorConnect', 'teamsPhoneMobile']) };

const BASES: readonly unknown[] = [
  { telephoneNumber: '+442030000001', serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } } } },
  {
    telephoneNumber: '+442030000002',
    accountName: 'Northwind',
    serviceDetails: { teamsOperatorConnect: { enabled: true, assignmentStatus: 'assigned', configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'], locationId: 'x', additionalUsages: ['ConferenceAssignment'] } } },
    configuration: { customSipHeader: 'north_wind-1' },
  },
  { telephoneNumber: '+447700900001', serviceDetails: { teamsPhoneMobile: { enabled: true, configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['Mobile'], allowTenantAddressUpdate: true } } } },
  { telephoneNumber: '+18005550100', serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'], displayedCountryCode: 'US' } } } },
  { telephoneNumber: '+442030000003', serviceDetails: { teamsOperatorConnect: { enabled: false } } },
];

const VALUES: readonly unknown[] = [
  undefined, null, true, false, 0, '', ' ', 'x', '+', '+4', '+44', '+999123456', '+4420300000011234', '442030000001', '+44 20', 'assigned', 'Assigned',
  'CallingUserAssignment', 'callingUserAssignment', 'InboundCalling', 'Mobile', 'US', 'bad header', 'Northwind', 'Other', [], ['Mobile'], ['InboundCalling', 'Mobile'],
  ['CallingUserAssignment'], ['x'], {}, { enabled: true }, { enabled: 'yes' }, { enabled: true, extra: 1 },
];

function* paths(value: unknown, prefix: string[] = []): Generator<string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    yield [...prefix, key];
    yield* paths(child, [...prefix, key]);
  }
}

function mutate(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value !== undefined) {
    at[last] = value;
    return copy;
  }
  // Removing the member (rather than setting undefined) is what a missing property looks like after JSON.parse.
  const { [last]: _removed, ...rest } = at;
  if (at === copy) return rest;
  let parent = copy;
  for (const key of path.slice(0, -2)) parent = parent[key] as Record<string, unknown>;
  parent[path[path.length - 2]] = rest;
  return copy;
}

describe('plan number fast path', () => {
  it('accepts the clean bases', () => {
    for (const base of BASES) {
      assert.deepEqual(slowNumber(base, ctx), []);
      assert.equal(fastNumberOk(base, ctx), true, JSON.stringify(base));
    }
  });

  it('never accepts what the full check rejects', () => {
    let probes = 0;
    for (const base of BASES) {
      const all = [...paths(base), ['unknownKey'], ['serviceDetails', 'teamsDirectRouting'], ['serviceDetails', 'azureOperatorCallProtection'], ['configuration'], ['configuration', 'customSipHeader']];
      for (const path of all) {
        for (const value of VALUES) {
          let mutated: unknown;
          try {
            mutated = mutate(base, path, value);
          } catch {
            continue;
          }
          probes++;
          if (fastNumberOk(mutated, ctx)) assert.deepEqual(slowNumber(mutated, ctx), [], `fast path accepted ${JSON.stringify(mutated)}`);
        }
      }
    }
    assert.ok(probes > 1000, `${probes} probes`);
  });

  it('rejects a service the account does not enable', () => {
    const base = BASES[0] as { serviceDetails: unknown };
    assert.equal(fastNumberOk(base, { ...ctx, services: new Set() }), false);
    assert.equal(slowNumber(base, { ...ctx, services: new Set() })[0]?.ruleId, 'ACG-PLAN-002');
  });
});
