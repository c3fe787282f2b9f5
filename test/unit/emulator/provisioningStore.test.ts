// The Provisioning API's building blocks without a server: generated-number arithmetic, paging over a union of
// sorted sources (checked against brute force), the filter grammar, role checks and the seed itself.
import { strict as assert } from 'node:assert';
import type { NumberResource } from '../../../src/core/models';
import { validateAccount, validateCustomerRelationship, validateNumber, validateTenantId } from '../../../src/core/rules';
import { accessFor, checkProvisioningRoles } from '../../../emulator/provisioning/auth';
import { parseFilter } from '../../../emulator/provisioning/filter';
import { generatedKey, liveIndexAt, liveRank, removeIndex } from '../../../emulator/provisioning/generator';
import { NUMBER_FILTER_FIELDS, numberQuery } from '../../../emulator/provisioning/lists';
import { accountSources, gatewaySources, locateNumber, serviceCounts, storeNumber, totalNumbers } from '../../../emulator/provisioning/numberStore';
import { arraySource, keyRange, unionLength, unionPage } from '../../../emulator/provisioning/sortedSources';
import type { NumberGenerator, ProvisioningData } from '../../../emulator/provisioning/store';
import { BULK_ACCOUNT_NAME, BULK_ACCOUNT_NUMBER_COUNT, GATEWAY_PRODUCTION, demoGatewayDomain } from '../../../emulator/seed/ids';
import { seedProvisioning } from '../../../emulator/seed/provisioning';

function generator(count: number, removed: number[] = []): NumberGenerator {
  return {
    prefix: '+4420',
    start: 1000,
    count,
    width: 6,
    template: { serviceDetails: { teamsOperatorConnect: { enabled: true } } },
    unassignedEvery: 0,
    removed: [...removed].sort((a, b) => a - b),
    etagBase: 'g1',
    sync: { writtenAt: 0, settlesTo: 'synced' },
  };
}

/** A tiny deterministic PRNG so that the brute-force comparisons are repeatable. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const clock = { now: Date.UTC(2030, 0, 1), syncDelayMs: 0 };

describe('emulator provisioning: number store', () => {
  it('generated keys sort in index order and round-trip through rank/select with removals', () => {
    const gen = generator(500, [0, 3, 4, 250, 499]);
    const live = Array.from({ length: 500 }, (_, i) => i).filter((i) => !gen.removed.includes(i));
    live.forEach((index, j) => assert.equal(liveIndexAt(gen, j), index, `select ${j}`));
    for (const probe of [0, 1, 3, 5, 249, 250, 251, 498, 499, 500]) {
      const key = generatedKey(gen, probe);
      assert.equal(liveRank(gen, key), live.filter((i) => i < probe).length, `rank ${key}`);
    }
    assert.equal(liveRank(gen, '+4419'), 0);
    assert.equal(liveRank(gen, '+4421'), live.length);
    removeIndex(gen, 100);
    removeIndex(gen, 100);
    assert.equal(gen.removed.filter((i) => i === 100).length, 1, 'removing twice keeps one entry');
  });

  it('pages over a union of sorted sources exactly like a sorted array, at every offset', () => {
    const rnd = random(7);
    const gen = generator(300, [5, 6, 7, 120, 299]);
    const genKeys = Array.from({ length: 300 }, (_, i) => i).filter((i) => !gen.removed.includes(i)).map((i) => generatedKey(gen, i));
    // Explicit keys interleave with the generated ones, including replacements of removed indexes.
    const explicit = [...new Set([generatedKey(gen, 5), generatedKey(gen, 120), '+4410', '+4499', ...Array.from({ length: 40 }, () => `+44${Math.floor(rnd() * 1e8)}`)])]
      .filter((k) => !genKeys.includes(k))
      .sort();
    const other = ['+1555', '+4420001500x', '+49'];
    const all = [...genKeys, ...explicit, ...other].sort();
    const genSource = {
      length: genKeys.length,
      keyAt: (j: number) => generatedKey(gen, liveIndexAt(gen, j)),
      rank: (key: string) => liveRank(gen, key),
      itemAt: (j: number) => generatedKey(gen, liveIndexAt(gen, j)),
    };
    const sources = [arraySource(explicit, (k) => k), genSource, arraySource(other, (k) => k)];
    assert.equal(unionLength(sources), all.length);
    for (let offset = 0; offset <= all.length; offset += 7) {
      assert.deepEqual(unionPage(sources, offset, 13), all.slice(offset, offset + 13), `offset ${offset}`);
    }
    const ranged = sources.map((s) => keyRange(s, '+44200011', '+44200012'));
    assert.deepEqual(unionPage(ranged, 0, 1000), all.filter((k) => k >= '+44200011' && k < '+44200012'));
  });

  it('seeds the bulk account with exactly BULK_ACCOUNT_NUMBER_COUNT numbers and a small state', () => {
    const data = seedProvisioning()[demoGatewayDomain(GATEWAY_PRODUCTION)];
    assert.equal(totalNumbers(data, BULK_ACCOUNT_NAME), BULK_ACCOUNT_NUMBER_COUNT);
    assert.equal(serviceCounts(data, BULK_ACCOUNT_NAME).teamsOperatorConnect, BULK_ACCOUNT_NUMBER_COUNT);
    const size = JSON.stringify(seedProvisioning()).length;
    assert.ok(size < 200_000, `the whole seeded provisioning state is ${size} bytes`);
  });

  // Speed is measured by the benchmarks (npm run bench:tree, bench:grid), not bounded by the wall clock here.
  it('answers the first and last page of the 100,000-number account from the generated range', () => {
    const data = seedProvisioning()[demoGatewayDomain(GATEWAY_PRODUCTION)];
    const sources = accountSources(data, BULK_ACCOUNT_NAME, {}, clock);
    const first = unionPage(sources, 0, 100);
    const last = unionPage(sources, BULK_ACCOUNT_NUMBER_COUNT - 100, 100);
    assert.equal(first[0].telephoneNumber, '+442030000000');
    assert.equal(first[99].telephoneNumber, '+442030000099');
    assert.equal(last[99].telephoneNumber, '+442030099999');
  });

  it('plans number filters as key ranges, accounts and statuses', () => {
    const data = seedProvisioning()[demoGatewayDomain(GATEWAY_PRODUCTION)];
    const count = (filter: string): number => {
      const parsed = parseFilter(filter, NUMBER_FILTER_FIELDS);
      assert.ok(parsed.ok, filter);
      const query = numberQuery(parsed.filter);
      return query ? unionLength(gatewaySources(data, query, clock)) : 0;
    };
    assert.equal(count("startswith(telephoneNumber,'+4420300001')"), 100);
    assert.equal(count("telephoneNumber eq '+442030000050'"), 1);
    assert.equal(count(`accountName eq '${BULK_ACCOUNT_NAME}' and serviceProvisioningStatus eq 'pending'`), 1);
    assert.equal(count(`accountName eq '${BULK_ACCOUNT_NAME}' and serviceProvisioningStatus eq 'failed'`), 1);
    assert.equal(count("startswith(telephoneNumber,'+44') and startswith(telephoneNumber,'+1')"), 0);
    assert.equal(count("accountName eq 'Woodgrove-Bank'"), 5);
  });

  it('keeps a number in one account and replaces a generated twin on write', () => {
    const data: ProvisioningData = seedProvisioning()[demoGatewayDomain(GATEWAY_PRODUCTION)];
    const before = totalNumbers(data, BULK_ACCOUNT_NAME);
    const resource: NumberResource = { telephoneNumber: '+442030012345', accountName: BULK_ACCOUNT_NAME, serviceDetails: { teamsOperatorConnect: { enabled: false } } };
    const created = storeNumber(data, BULK_ACCOUNT_NAME, { resource, etag: '"x"', sync: { writtenAt: 0, settlesTo: 'synced' } });
    assert.equal(created, false, 'replacing a generated number is an update');
    assert.equal(totalNumbers(data, BULK_ACCOUNT_NAME), before);
    assert.equal(serviceCounts(data, BULK_ACCOUNT_NAME).teamsOperatorConnect, before - 1);
    assert.equal(locateNumber(data, '+442030012345')?.kind, 'explicit');
    assert.equal(locateNumber(data, '+14255550101')?.account, 'Fabrikam-Finance');
  });
});

describe('emulator provisioning: filter grammar', () => {
  const fields = { name: {}, tenantId: { caseInsensitive: true }, 'customerRelationship/status': {} };

  it('accepts eq, startswith, and, parentheses and doubled quotes', () => {
    const parsed = parseFilter("(name eq 'O''Brien' and startswith(tenantId,'ABC')) and customerRelationship/status eq 'AgreementSigned'", fields);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.filter, [
      { op: 'eq', field: 'name', value: "O'Brien" },
      { op: 'startswith', field: 'tenantId', value: 'ABC' },
      { op: 'eq', field: 'customerRelationship/status', value: 'AgreementSigned' },
    ]);
  });

  for (const [filter, expected] of [
    ["name eq 'a' or name eq 'b'", /'or' is not supported/],
    ["name ne 'a'", /Operator 'ne' is not supported/],
    ["colour eq 'red'", /Filtering on 'colour' is not supported here\. Supported fields: name, tenantId/],
    ["name eq 'a", /not closed/],
    ["contains(name,'a')", /not supported/],
    ['name eq', /ends where a value was expected/],
  ] as const) {
    it(`refuses ${filter}`, () => {
      const parsed = parseFilter(filter, fields);
      assert.ok(!parsed.ok);
      assert.match(parsed.message, expected);
    });
  }
});

describe('emulator provisioning: roles', () => {
  it('classifies operations by method and action', () => {
    assert.equal(accessFor('GET', '/accounts'), 'read');
    assert.equal(accessFor('POST', '/accounts/a:getTeamsCapabilityPlans'), 'read');
    assert.equal(accessFor('POST', '/accounts/a:createOrUpdateNumbers'), 'write');
    assert.equal(accessFor('POST', '/accounts/a:deleteNumbers'), 'delete');
    assert.equal(accessFor('DELETE', '/accounts/a'), 'delete');
    assert.equal(accessFor('PATCH', '/teamsRequestsForInformation/t'), 'write');
  });

  it('needs the application role in app tokens and the user role in user tokens', () => {
    assert.ok(checkProvisioningRoles({ idtyp: 'app', roles: ['ProvisioningAPI.Read'] }, 'read').ok);
    assert.ok(checkProvisioningRoles({ idtyp: 'app', roles: ['ProvisioningAPI.Admin'] }, 'delete').ok);
    assert.ok(checkProvisioningRoles({ idtyp: 'user', roles: ['ProvisioningAPI.WriteUser'] }, 'write').ok);
    assert.ok(!checkProvisioningRoles({ idtyp: 'user', roles: ['ProvisioningAPI.Write'] }, 'write').ok);
    assert.ok(!checkProvisioningRoles({ idtyp: 'app', roles: ['ProvisioningAPI.Write'] }, 'delete').ok);
    const denied = checkProvisioningRoles({ idtyp: 'app', roles: ['ProvisioningAPI.Read'] }, 'write');
    assert.ok(!denied.ok);
    assert.match(denied.message, /ProvisioningAPI\.Write \(application\) or ProvisioningAPI\.WriteUser \(user\)/);
  });
});

describe('emulator provisioning: seed', () => {
  it('passes the rule table with no errors, and covers every status', () => {
    const seeded = seedProvisioning();
    const relationship = new Set<string>();
    const consent = new Set<string>();
    for (const data of Object.values(seeded)) {
      for (const stored of Object.values(data.accounts)) {
        assert.deepEqual(validateAccount(stored.resource).filter((v) => v.severity === 'error'), [], stored.resource.name);
      }
      for (const collection of Object.values(data.numbers)) {
        for (const stored of Object.values(collection.explicit)) {
          assert.deepEqual(validateNumber(stored.resource).filter((v) => v.severity === 'error'), [], stored.resource.telephoneNumber);
          const config = stored.resource.serviceDetails.teamsOperatorConnect?.configuration ?? stored.resource.serviceDetails.teamsPhoneMobile?.configuration;
          if (config?.civicAddressId) {
            const tenant = data.accounts[stored.resource.accountName].resource.serviceDetails?.teamsTenantId?.toLowerCase() ?? '';
            const address = data.civicAddresses[tenant]?.find((a) => a.id === config.civicAddressId);
            assert.ok(address, `${stored.resource.telephoneNumber} points at a seeded civic address`);
            if (config.locationId) assert.ok(address.locations?.some((l) => l.id === config.locationId), `${stored.resource.telephoneNumber} location`);
          }
        }
      }
      for (const stored of Object.values(data.requestsForInformation)) {
        assert.deepEqual(validateTenantId(stored.resource.tenantId), []);
        if (stored.resource.customerRelationship) {
          assert.deepEqual(validateCustomerRelationship(stored.resource.customerRelationship).filter((v) => v.severity === 'error'), []);
        }
        relationship.add(stored.resource.customerRelationship?.status ?? 'none');
        consent.add(stored.resource.status ?? '');
      }
    }
    assert.deepEqual([...relationship].sort(), ['AgreementSigned', 'ConsentAcknowledged', 'ConsentDeclined', 'ContractTerminated', 'CustomerContacted', 'none']);
    assert.deepEqual([...consent].sort(), ['active', 'removed', 'suspended']);
    const production = seeded[demoGatewayDomain(GATEWAY_PRODUCTION)];
    assert.ok(Object.keys(production.accounts).length >= 20);
  });

  it('gives every number of a gateway to exactly one account', () => {
    for (const data of Object.values(seedProvisioning())) {
      for (const [account, collection] of Object.entries(data.numbers)) {
        for (const telephoneNumber of Object.keys(collection.explicit)) {
          assert.equal(locateNumber(data, telephoneNumber)?.account, account, telephoneNumber);
          for (const [other, otherCollection] of Object.entries(data.numbers)) {
            if (other !== account) assert.equal(otherCollection.explicit[telephoneNumber], undefined, `${telephoneNumber} in ${account} and ${other}`);
          }
        }
      }
    }
  });

  it('is deterministic', () => {
    assert.equal(JSON.stringify(seedProvisioning()), JSON.stringify(seedProvisioning()));
  });
});
