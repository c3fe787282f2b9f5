// The Requests for Information panel's view model: rows, the five filters, the choices the filters offer, and the
// exact wording of a relationship change (which the confirmation and the page's preview both show).
import { strict as assert } from 'node:assert';
import { describeRelationshipChange, filterChoices, filterRequestRows, isFiltered, NO_FILTER, requestRow, requestRows, type RequestRow } from '../../../src/core/enterprises/requestGrid';
import type { RequestForInformationResource } from '../../../src/core/models';

const T1 = '11111111-1111-1111-1111-111111111111';
const T2 = '22222222-2222-2222-2222-222222222222';
const T3 = '33333333-3333-3333-3333-333333333333';

const requests: RequestForInformationResource[] = [
  {
    tenantId: T1,
    status: 'active',
    consentedOn: '2024-05-02T10:00:00Z',
    consentedCountries: ['us', 'CA'],
    accountName: 'Fabrikam-Finance',
    contacts: [{ fullName: 'Dana Whitfield', email: 'dana@fabrikam.example', telephoneNumber: '+14255550190', companyName: 'Fabrikam, Inc.' }],
    customerRelationship: { status: 'AgreementSigned', comment: 'MSA 2024-0815', lastModifiedOn: '2024-06-01T00:00:00Z' },
  },
  {
    tenantId: T2,
    status: 'suspended',
    consentedCountries: ['GB'],
    contacts: [{ fullName: 'Grace Kim', email: 'grace@litware.example', companyName: 'Litware, Inc.' }],
    customerRelationship: { status: 'ConsentAcknowledged' },
    serviceProvisioningStatus: 'failed',
    serviceProvisioningErrors: [{ code: 'TeamsError', message: 'Teams refused', details: [{ code: 'Inner', target: 'status', message: 'consent suspended' }] }],
  },
  { tenantId: T3, consentedCountries: ['GB'], contacts: [] },
];

describe('core/enterprises/requestGrid: the Requests for Information grid', () => {
  it('makes one row per request, in the tree’s order, with consent, relationship, dates, account and nested errors', () => {
    const rows = requestRows(requests);
    assert.deepEqual(rows.map((r) => r.company), [T3, 'Fabrikam, Inc.', 'Litware, Inc.']);
    const fabrikam = requestRow(requests[0]);
    assert.equal(fabrikam.consent, 'active');
    assert.equal(fabrikam.consentedOn, '2024-05-02');
    assert.equal(fabrikam.relationshipLabel, 'Agreement signed');
    assert.equal(fabrikam.relationshipModifiedOn, '2024-06-01');
    assert.equal(fabrikam.accountName, 'Fabrikam-Finance');
    assert.deepEqual(requestRow(requests[1]).errors, [
      { depth: 0, code: 'TeamsError', message: 'Teams refused' },
      { depth: 1, code: 'Inner', target: 'status', message: 'consent suspended' },
    ]);
    const none = requestRow(requests[2]);
    assert.equal(none.consent, 'unknown');
    assert.equal(none.relationship, 'none');
    assert.equal(none.relationshipLabel, 'No status yet');
  });

  it('keeps a status this version does not know, as the service wrote it (no request is ever hidden)', () => {
    const odd = requestRow({ tenantId: T1, customerRelationship: { status: 'Onboarded' as never } });
    assert.equal(odd.relationship, 'other');
    assert.equal(odd.relationshipRaw, 'Onboarded');
  });

  const rows: RequestRow[] = requestRows(requests);
  const companies = (filter: Partial<typeof NO_FILTER>): string[] => filterRequestRows(rows, { ...NO_FILTER, ...filter }).map((r) => r.company);

  it('filters by relationship status, consent status, consented country (any case), company and text (every word)', () => {
    assert.deepEqual(companies({}), [T3, 'Fabrikam, Inc.', 'Litware, Inc.']);
    assert.deepEqual(companies({ relationship: 'ConsentAcknowledged' }), ['Litware, Inc.']);
    assert.deepEqual(companies({ relationship: 'none' }), [T3]);
    assert.deepEqual(companies({ consent: 'suspended' }), ['Litware, Inc.']);
    assert.deepEqual(companies({ consent: 'unknown' }), [T3]);
    assert.deepEqual(companies({ country: 'US' }), ['Fabrikam, Inc.']);
    assert.deepEqual(companies({ country: 'gb' }), [T3, 'Litware, Inc.']);
    assert.deepEqual(companies({ company: 'Litware, Inc.' }), ['Litware, Inc.']);
    assert.deepEqual(companies({ text: 'dana 0815' }), ['Fabrikam, Inc.'], 'a contact and the comment');
    assert.deepEqual(companies({ text: '+1425' }), ['Fabrikam, Inc.'], 'a contact’s number');
    assert.deepEqual(companies({ text: 'fabrikam-finance' }), ['Fabrikam, Inc.'], 'the account, without case');
    assert.deepEqual(companies({ text: '2222' }), ['Litware, Inc.'], 'the tenant id');
    assert.deepEqual(companies({ text: 'dana grace' }), [], 'every word must match');
    assert.deepEqual(companies({ country: 'GB', consent: 'suspended', relationship: 'AgreementSigned' }), [], 'the filters combine');
    assert.equal(isFiltered(NO_FILTER), false);
    assert.equal(isFiltered({ ...NO_FILTER, text: '   ' }), false);
    assert.equal(isFiltered({ ...NO_FILTER, country: 'GB' }), true);
  });

  it('offers the countries and companies the rows have, sorted, each once', () => {
    assert.deepEqual(filterChoices(rows), { countries: ['CA', 'GB', 'US'], companies: [T3, 'Fabrikam, Inc.', 'Litware, Inc.'] });
  });

  it('says exactly what a change does, including that a merge patch without a comment keeps the old one', () => {
    const [, fabrikam, litware] = rows;
    assert.equal(describeRelationshipChange(fabrikam, { status: 'ContractTerminated', comment: 'Ended 2025-01' }), 'Fabrikam, Inc.: Agreement signed → Contract terminated; comment “Ended 2025-01” (was “MSA 2024-0815”)');
    assert.equal(describeRelationshipChange(fabrikam, { status: 'CustomerContacted' }), 'Fabrikam, Inc.: Agreement signed → Customer contacted; comment kept: “MSA 2024-0815”');
    assert.equal(describeRelationshipChange(fabrikam, { status: 'AgreementSigned', comment: 'MSA 2024-0815' }), 'Fabrikam, Inc.: Agreement signed (unchanged); comment “MSA 2024-0815” (unchanged)');
    assert.equal(describeRelationshipChange(litware, { status: 'CustomerContacted' }), 'Litware, Inc.: Consent acknowledged → Customer contacted; no comment');
    assert.equal(describeRelationshipChange(rows[0], { status: 'ConsentAcknowledged', comment: 'Seen' }), `${T3}: No status yet → Consent acknowledged; comment “Seen”`);
  });
});
