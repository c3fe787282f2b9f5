// The number editor's pure parts: a paste in any common format → E.164 with what changed, what is invalid and what
// repeats; the form → NumberResources, offered only what the account and its capability plans allow, with the core
// rules' findings on the right fields; and the edit patch (changed fields only, re-appliable onto a fresh read).
import { strict as assert } from 'node:assert';
import type { AccountResource, NumberResource, TeamsCapabilityPlans, TeamsCivicAddressResource } from '../../../src/core/models';
import {
  addressChoices, blocksWrite, checkDraft, customSipHeaderFindings, emergencyAddressRule, numberFromDraft, serviceChoices, usageChoices, type NumberDraft,
} from '../../../src/core/numbers/numberDraft';
import { applyPatch, describePatch, editStart, isEmptyPatch, numberDiff, patchFromDraft, writableNumber } from '../../../src/core/numbers/numberPatch';
import { parsePastedNumbers, PASTED_NUMBERS_MAX, splitPastedNumbers } from '../../../src/core/numbers/pastedNumbers';
import { getRule } from '../../../src/core/rules';

const PLANS: TeamsCapabilityPlans = {
  capabilityPlans: [
    { name: 'oc-user', offerTypes: ['Calling'], usage: 'CallingUserAssignment', mandatoryCapabilities: ['UserAssignment'], choosableCapabilities: ['InboundCalling', 'OutboundCalling'], supportsTollFree: false },
    { name: 'oc-conf', offerTypes: ['Calling'], usage: 'ConferenceAssignment', mandatoryCapabilities: ['ConferenceAssignment'], choosableCapabilities: ['InboundCalling'], supportsTollFree: true },
    { name: 'tpm', offerTypes: ['Mobile'], usage: 'CallingUserAssignment', mandatoryCapabilities: ['UserAssignment', 'Mobile'], choosableCapabilities: ['InboundCalling', 'OutboundCalling'], supportsTollFree: false },
  ],
};

const OC_DRAFT: NumberDraft = { service: 'teamsOperatorConnect', usage: 'CallingUserAssignment', capabilities: ['InboundCalling', 'OutboundCalling'], civicAddressId: 'addr-1', allowTenantAddressUpdate: false };

describe('number editor: pasted numbers', () => {
  it('splits on newlines, commas, semicolons and tabs, keeping spaces inside a number', () => {
    assert.deepEqual(splitPastedNumbers('+44 20 7946 0101\r\n0044-20-7946-0102,  (020) 7946 0103;+1 425 555 0100\t+33 1 23 45 67 89\n\n'), [
      '+44 20 7946 0101',
      '0044-20-7946-0102',
      '(020) 7946 0103',
      '+1 425 555 0100',
      '+33 1 23 45 67 89',
    ]);
  });

  it('turns mixed formats into E.164 with the default country for national numbers, and says which changed', () => {
    const pasted = parsePastedNumbers('+44 20 7946 0101\n0044-20-7946-0102\n(020) 7946 0103\n+442079460104\n+1.425.555.0100\ntel:+44 20 7946 0105', 'GB');
    assert.deepEqual(pasted.numbers, ['+442079460101', '+442079460102', '+442079460103', '+442079460104', '+14255550100', '+442079460105']);
    assert.deepEqual(pasted.entries.map((e) => e.changed), [true, true, true, false, true, true]);
    assert.equal(pasted.changed, 5);
    assert.equal(pasted.invalid, 0);
  });

  it('refuses a national number without a default country, naming the setting; and letters', () => {
    const pasted = parsePastedNumbers('020 7946 0103\n+44 20 ABCD 0101');
    assert.equal(pasted.numbers.length, 0);
    assert.equal(pasted.invalid, 2);
    assert.match(pasted.entries[0].problem ?? '', /acg\.numbers\.defaultCountry/);
    assert.match(pasted.entries[1].problem ?? '', /digits only/);
  });

  it('flags a repeat (in another format) with the rule’s wording and keeps the first only', () => {
    const pasted = parsePastedNumbers('+44 20 7946 0101\n00442079460101\n+442079460102', 'GB');
    assert.deepEqual(pasted.numbers, ['+442079460101', '+442079460102']);
    assert.equal(pasted.duplicates, 1);
    assert.equal(pasted.entries[1].duplicateOf, 0);
    assert.match(pasted.entries[1].problem ?? '', /listed more than once/);
  });

  it('says when a paste holds more than one upload takes, in the CSV rule’s words', () => {
    const text = Array.from({ length: PASTED_NUMBERS_MAX + 2 }, (_, i) => `+4930${String(1_000_000 + i)}`).join('\n');
    const pasted = parsePastedNumbers(text);
    assert.equal(pasted.entries.length, PASTED_NUMBERS_MAX);
    assert.match(pasted.tooMany ?? '', /at most 10,000/);
  });
});

describe('number editor: the form', () => {
  const account: AccountResource = { name: 'Contoso', serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true }, teamsPhoneMobile: { enabled: true, syncEnabled: true }, teamsDirectRouting: { enabled: false, syncEnabled: false, subdomainStatus: 'notProvisioned' } } };

  it('offers only the services the account has, with the SIP header hidden for Teams Phone Mobile', () => {
    const choices = serviceChoices(account);
    assert.deepEqual(choices.map((c) => c.key), ['teamsOperatorConnect', 'teamsPhoneMobile']);
    assert.equal(choices.find((c) => c.key === 'teamsPhoneMobile')?.customSipHeader, false);
    assert.equal(choices.find((c) => c.key === 'teamsOperatorConnect')?.customSipHeader, true);
  });

  it('offers the usages and capabilities of the service’s plans only', () => {
    const oc = usageChoices('teamsOperatorConnect', PLANS);
    assert.deepEqual(oc.map((u) => [u.usage, u.capabilities]), [['CallingUserAssignment', ['InboundCalling', 'OutboundCalling']], ['ConferenceAssignment', ['InboundCalling']]]);
    assert.deepEqual(usageChoices('teamsPhoneMobile', PLANS).map((u) => u.usage), ['CallingUserAssignment']);
    assert.deepEqual(usageChoices('teamsDirectRouting', PLANS), []);
  });

  it('lists the account’s civic addresses with their locations, default first, and states the tenant-update rule', () => {
    const address: TeamsCivicAddressResource = {
      id: 'addr-1', description: 'HQ', houseNumber: '20', streetName: 'Bank', streetSuffix: 'Street', cityOrTown: 'London', postalOrZipCode: 'E14 5NR', country: 'GB', defaultLocationId: 'loc-2', validationStatus: 'validated',
      locations: [{ id: 'loc-1', civicAddressId: 'addr-1', description: 'Floor 3' }, { id: 'loc-2', civicAddressId: 'addr-1', description: 'NOC', isDefault: true, elin: 'NOC-1' }],
    };
    const [choice] = addressChoices([address]);
    assert.equal(choice.label, 'HQ — 20 Bank Street, London E14 5NR, GB');
    assert.deepEqual(choice.locations.map((l) => l.id), ['loc-2', 'loc-1']);
    assert.equal(choice.locations[0].elin, 'NOC-1');
    assert.equal(emergencyAddressRule(), getRule('ACG-NUM-010').message);
  });

  it('builds the number each telephone number stands for', () => {
    const number = numberFromDraft('Contoso', '+442079460101', { ...OC_DRAFT, customSipHeader: 'contoso-hq' });
    assert.deepEqual(number, {
      telephoneNumber: '+442079460101',
      accountName: 'Contoso',
      serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'], civicAddressId: 'addr-1', allowTenantAddressUpdate: false } } },
      configuration: { customSipHeader: 'contoso-hq' },
    });
    assert.deepEqual(numberFromDraft('Contoso', '+442079460101', { ...OC_DRAFT, service: 'teamsDirectRouting' }).serviceDetails, { teamsDirectRouting: { enabled: true } });
  });

  it('checks the SIP header live with the core rule, and refuses one for Teams Phone Mobile', () => {
    assert.deepEqual(customSipHeaderFindings('contoso-hq', 'teamsOperatorConnect'), []);
    const bad = customSipHeaderFindings('contoso hq!', 'teamsOperatorConnect');
    assert.equal(bad[0]?.ruleId, 'ACG-NUM-012');
    assert.equal(bad[0]?.field, 'customSipHeader');
    assert.equal(customSipHeaderFindings('x'.repeat(101), 'teamsOperatorConnect')[0]?.ruleId, 'ACG-NUM-012');
    assert.equal(customSipHeaderFindings('contoso', 'teamsPhoneMobile')[0]?.ruleId, 'ACG-NUM-013');
  });

  it('places the emergency-address rule on the address, and a toll-free number’s on the displayed country', () => {
    const noAddress = checkDraft('Contoso', ['+442079460101', '+442079460102'], { ...OC_DRAFT, civicAddressId: undefined });
    assert.deepEqual(noAddress.map((f) => [f.field, f.ruleId]), [['civicAddress', 'ACG-NUM-010']], 'said once for both numbers');
    assert.equal(blocksWrite(noAddress), false, 'a warning is the person’s call');
    assert.deepEqual(checkDraft('Contoso', ['+442079460101'], { ...OC_DRAFT, civicAddressId: undefined, allowTenantAddressUpdate: true }), []);
    const tollFree = checkDraft('Contoso', ['+18005550199'], { ...OC_DRAFT, usage: 'ConferenceAssignment', capabilities: ['InboundCalling'] });
    assert.deepEqual(tollFree.map((f) => [f.field, f.ruleId]), [['displayedCountryCode', 'ACG-NUM-011']]);
    const badCountry = checkDraft('Contoso', ['+442079460101'], { ...OC_DRAFT, displayedCountryCode: 'gbr' });
    assert.equal(badCountry[0]?.field, 'displayedCountryCode');
    assert.equal(blocksWrite(badCountry), true);
  });
});

describe('number editor: the edit patch', () => {
  const number = (telephoneNumber: string, header?: string, location?: string): NumberResource => ({
    telephoneNumber,
    accountName: 'Contoso',
    serviceProvisioningStatus: 'synced',
    serviceDetails: {
      teamsOperatorConnect: {
        enabled: true,
        assignmentStatus: 'assigned',
        configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'], acquiredCapabilities: ['UserAssignment'], civicAddressId: 'addr-1', ...(location ? { locationId: location } : {}) },
      },
    },
    ...(header ? { configuration: { customSipHeader: header } } : {}),
  });

  it('starts from the current values, marking the fields on which several numbers differ', () => {
    const start = editStart([number('+442079460101', 'a', 'loc-1'), number('+442079460102', 'b', 'loc-1')]);
    assert.equal(start.draft.customSipHeader, 'a');
    assert.equal(start.draft.locationId, 'loc-1');
    assert.deepEqual(start.mixed, ['customSipHeader']);
  });

  it('holds only the fields the person changed; a mixed field only once set', () => {
    const start = editStart([number('+442079460101', 'a'), number('+442079460102', 'b')]);
    assert.ok(isEmptyPatch(patchFromDraft(start, start.draft)));
    assert.deepEqual(patchFromDraft(start, { ...start.draft, customSipHeader: 'a' }, ['customSipHeader']), { customSipHeader: 'a' });
    assert.deepEqual(patchFromDraft(start, { ...start.draft, civicAddressId: undefined, allowTenantAddressUpdate: true }), { civicAddressId: null, allowTenantAddressUpdate: true });
    assert.deepEqual(describePatch({ civicAddressId: null, customSipHeader: 'x' }), ['Civic address → (none)', 'Custom SIP header → x']);
  });

  it('re-applies onto a fresh read: the patched field changes, someone else’s change to another field stays', () => {
    const start = editStart([number('+442079460101', 'old')]);
    const patch = patchFromDraft(start, { ...start.draft, customSipHeader: 'new-header' });
    assert.deepEqual(patch, { customSipHeader: 'new-header' });
    const fresh = number('+442079460101', 'old', 'loc-9'); // someone set a location meanwhile
    const applied = applyPatch(fresh, patch);
    assert.equal(applied.configuration?.customSipHeader, 'new-header');
    assert.equal(applied.serviceDetails.teamsOperatorConnect?.configuration?.locationId, 'loc-9', 'the other change is kept');
    assert.deepEqual(numberDiff(fresh, applied).map((c) => [c.label, c.before, c.after]), [['Custom SIP header', 'old', 'new-header']]);
    assert.equal(applyPatch(fresh, { customSipHeader: null }).configuration, undefined, 'a cleared header leaves no empty configuration');
  });

  it('sends nothing the service computes', () => {
    const writable = writableNumber(number('+442079460101'));
    assert.equal(writable.serviceProvisioningStatus, undefined);
    assert.equal(writable.serviceDetails.teamsOperatorConnect?.configuration?.acquiredCapabilities, undefined);
    assert.equal(writable.serviceDetails.teamsOperatorConnect?.assignmentStatus, 'assigned');
  });
});
