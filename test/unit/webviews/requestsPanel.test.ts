// The Requests for Information panel's host side, through the real RPC pair (structured clones, the protocol's
// schemas) with a fake scope and client that record every call: bad messages never reach a handler; the rules
// (reason required, 64 characters) refuse before anything is sent; an update of many is confirmed with every change,
// written with the ETag the host read, and answered per request (a 412 on one does not hide the others); Create Account
// takes the tenant from the request and Direct Routing's settings from the form.
import { strict as assert } from 'node:assert';
import { AcgError } from '../../../src/azure/errors';
import { RequestsHandlers } from '../../../src/webviews/requests/handlers';
import { requestsProtocol, type RequestsProtocol } from '../../../src/webviews/requests/protocol';
import { RpcError } from '../../../src/webviews/shared/browser/rpcClient';
import { A, B, C, GATEWAY_ID, RequestsWorld } from './requestsFakes';
import { connect, settle, type Pair } from './rpcHarness';

describe('Requests for Information panel: the host handlers', () => {
  let world: RequestsWorld;
  let pair: Pair<RequestsProtocol>;

  beforeEach(async () => {
    world = new RequestsWorld();
    const handlers = new RequestsHandlers(world.deps, { gatewayId: GATEWAY_ID, gatewayName: 'gw1' });
    pair = connect(requestsProtocol, handlers.handlers, handlers.actions.present);
    // As panel.ts wires it.
    handlers.onProgress = (done, total) => pair.host.notify('progress', { done, total });
    pair.client.start();
    await settle();
  });

  let nextId = 9_000;
  async function refused(method: string, params: unknown): Promise<string> {
    // Straight onto the wire, as a compromised page could: the typed client would not let these through.
    const id = nextId++;
    pair.host.receive({ kind: 'request', id, method, params });
    await settle();
    const answer = pair.posted.find((m) => m.kind === 'response' && m.id === id);
    assert.ok(answer && answer.kind === 'response' && !answer.ok, `${method} was refused`);
    return answer.error.message;
  }

  it('lists the requests in the tree’s order, with company, consent, relationship and contacts', async () => {
    const { rows, readAt } = await pair.client.request('load', { reload: false });
    assert.deepEqual(
      rows.map((r) => [r.company, r.relationshipLabel, r.comment ?? '']),
      [
        ['Alpha', 'Consent acknowledged', ''],
        ['Beta', 'Agreement signed', 'PO 1'],
        ['Gamma', 'No status yet', ''],
      ],
    );
    assert.equal(readAt, '2025-01-15T09:30:00.000Z');
    assert.deepEqual(world.changed, [], 'a plain load reads the shared list as it is');
    await pair.client.request('load', { reload: true });
    assert.deepEqual(world.changed, ['requests'], 'Refresh drops the shared list (and the tree re-reads it too)');
  });

  it('refuses malformed messages before any handler runs: a non-GUID tenant, an unknown status or service, an extra key, an overlong text', async () => {
    assert.match(await refused('prepareUpdate', { tenantIds: ['not-a-guid'] }), /not a tenant id/);
    assert.match(await refused('prepareUpdate', { tenantIds: [] }), /choose at least one request/);
    assert.match(await refused('applyUpdate', { tenantIds: [A], status: 'Married', comment: '' }), /refused/);
    assert.match(await refused('applyUpdate', { tenantIds: [A], status: 'AgreementSigned', comment: '', ifMatch: '*' }), /refused/);
    assert.match(await refused('applyUpdate', { tenantIds: [A], status: 'AgreementSigned', comment: 'x'.repeat(1001) }), /refused/);
    const form = { tenantId: A, name: 'X', services: ['teamsOperatorConnect'], syncEnabled: true };
    assert.match(await refused('createAccount', { form: { ...form, services: ['pstn'] } }), /refused/);
    assert.match(await refused('createAccount', { form: { ...form, teamsTenantId: B } }), /refused/);
    assert.match(await refused('checkRelationship', { status: 'ConsentDeclined', comment: 42 }), /refused/);
    assert.deepEqual(world.calls, [], 'no handler reached the client');
    assert.deepEqual(world.confirmations, []);
    assert.equal(pair.log.of('warn').length, 8, 'each refusal is logged with why');
  });

  it('checks the reason live with the core rule: required for Consent declined and Contract terminated, at most 64 characters', async () => {
    assert.deepEqual(await pair.client.request('checkRelationship', { status: 'ConsentDeclined', comment: '  ' }), { problem: 'Consent declined needs a reason.' });
    assert.deepEqual(await pair.client.request('checkRelationship', { status: 'ContractTerminated', comment: '' }), { problem: 'Contract terminated needs a reason.' });
    assert.deepEqual(await pair.client.request('checkRelationship', { status: 'CustomerContacted', comment: 'x'.repeat(65) }), { problem: 'This reference has 65 characters: at most 64.' });
    assert.deepEqual(await pair.client.request('checkRelationship', { status: 'CustomerContacted', comment: 'x'.repeat(64) }), {});
    assert.deepEqual(await pair.client.request('checkRelationship', { status: 'CustomerContacted', comment: '' }), {});
  });

  it('sends nothing, and asks nothing, when the reason is missing or too long (a page that skips the live check)', async () => {
    await pair.client.request('prepareUpdate', { tenantIds: [A, B] });
    for (const [status, comment, why] of [
      ['ConsentDeclined', '', /^Not sent: Consent declined needs a reason\.$/],
      ['AgreementSigned', 'y'.repeat(65), /^Not sent: This reference has 65 characters: at most 64\.$/],
    ] as const) {
      await assert.rejects(pair.client.request('applyUpdate', { tenantIds: [A, B], status, comment }), (error: unknown) => error instanceof RpcError && why.test(error.message));
    }
    assert.deepEqual(world.writes, []);
    assert.deepEqual(world.confirmations, []);
  });

  it('refuses to write a request the update form did not read (no ETag of the host’s own)', async () => {
    await pair.client.request('prepareUpdate', { tenantIds: [A] });
    await assert.rejects(pair.client.request('applyUpdate', { tenantIds: [A, B], status: 'AgreementSigned', comment: '' }), /was not read for this update/);
    await assert.rejects(pair.client.request('prepareUpdate', { tenantIds: ['44444444-4444-4444-4444-444444444444'] }), /has no request for information from tenant/);
    assert.deepEqual(world.writes, []);
  });

  it('updates two at once: one confirmation with the exact change of each, each written with the ETag read, one result each, and the tree refreshed', async () => {
    const prepared = await pair.client.request('prepareUpdate', { tenantIds: [A, B] });
    assert.deepEqual(prepared.rows.map((r) => r.company), ['Alpha', 'Beta']);
    const outcome = await pair.client.request('applyUpdate', { tenantIds: [A, B], status: 'CustomerContacted', comment: ' Call booked T-7 ' });
    assert.equal(world.confirmations.length, 1);
    assert.equal(world.confirmations[0].message, 'Update the relationship status of 2 requests on gw1?');
    assert.deepEqual(world.confirmations[0].detail.split('\n').slice(0, 2), [
      'Alpha: Consent acknowledged → Customer contacted; comment “Call booked T-7”',
      'Beta: Agreement signed → Customer contacted; comment “Call booked T-7” (was “PO 1”)',
    ]);
    assert.deepEqual(world.writes, [
      { tenantId: A, status: 'CustomerContacted', comment: 'Call booked T-7', ifMatch: '"etag-1"' },
      { tenantId: B, status: 'CustomerContacted', comment: 'Call booked T-7', ifMatch: '"etag-2"' },
    ]);
    assert.equal(outcome.confirmed, true);
    assert.deepEqual(outcome.results.map((r) => [r.company, r.outcome, r.row?.relationshipLabel]), [
      ['Alpha', 'updated', 'Customer contacted'],
      ['Beta', 'updated', 'Customer contacted'],
    ]);
    assert.deepEqual(world.changed, ['requests']);
    const progress = pair.posted.filter((m) => m.kind === 'notification' && m.method === 'progress').map((m) => (m.kind === 'notification' ? m.data : undefined));
    assert.deepEqual(progress, [{ done: 1, total: 2 }, { done: 2, total: 2 }]);
  });

  it('a 412 on one request says so and keeps it unchanged; the other is still written and reported; applying again needs a reload', async () => {
    await pair.client.request('prepareUpdate', { tenantIds: [A, B] });
    world.stale.add(A);
    const outcome = await pair.client.request('applyUpdate', { tenantIds: [A, B], status: 'AgreementSigned', comment: 'MSA 9' });
    assert.deepEqual(outcome.results.map((r) => r.outcome), ['conflict', 'updated']);
    assert.match(outcome.results[0].message, /^Changed by someone else since it was read at 09:30:00 UTC: not overwritten\. Reload it/);
    assert.equal(outcome.results[0].row, undefined);
    await assert.rejects(pair.client.request('applyUpdate', { tenantIds: [A], status: 'AgreementSigned', comment: 'MSA 9' }), /was not read for this update/);
    world.stale.clear();
    await pair.client.request('prepareUpdate', { tenantIds: [A] });
    const again = await pair.client.request('applyUpdate', { tenantIds: [A], status: 'AgreementSigned', comment: 'MSA 9' });
    assert.deepEqual(again.results.map((r) => r.outcome), ['updated']);
  });

  it('a failure on one does not hide the others’ success', async () => {
    await pair.client.request('prepareUpdate', { tenantIds: [A, B, C] });
    const original = world.client.updateCustomerRelationship;
    world.client.updateCustomerRelationship = async (tenantId, update, options) => {
      if (tenantId === B) throw new AcgError({ kind: 'forbidden', message: 'The caller lacks ProvisioningAPI.Write.' });
      return original(tenantId, update, options);
    };
    const outcome = await pair.client.request('applyUpdate', { tenantIds: [A, B, C], status: 'AgreementSigned', comment: '' });
    assert.deepEqual(outcome.results.map((r) => [r.company, r.outcome]), [['Alpha', 'updated'], ['Beta', 'failed'], ['Gamma', 'updated']]);
    assert.match(outcome.results[1].message, /ProvisioningAPI\.Write/);
  });

  it('writes nothing when the confirmation is declined', async () => {
    await pair.client.request('prepareUpdate', { tenantIds: [A] });
    world.answer = false;
    assert.deepEqual(await pair.client.request('applyUpdate', { tenantIds: [A], status: 'AgreementSigned', comment: '' }), { confirmed: false, results: [] });
    assert.deepEqual(world.writes, []);
    assert.deepEqual(world.changed, []);
  });

  it('Stop ends an update between two writes and reports what was written and what was not', async () => {
    await pair.client.request('prepareUpdate', { tenantIds: [A, B, C] });
    world.onWrite = () => {
      if (world.writes.length === 1) pair.host.receive({ kind: 'request', id: 8_000, method: 'stopUpdate', params: {} });
    };
    // The stop request is handled while the first write is in flight (the handlers run as messages arrive).
    const original = world.client.updateCustomerRelationship;
    world.client.updateCustomerRelationship = async (...args) => {
      const result = original(...args);
      await settle();
      return result;
    };
    const outcome = await pair.client.request('applyUpdate', { tenantIds: [A, B, C], status: 'AgreementSigned', comment: '' });
    assert.deepEqual(outcome.results.map((r) => r.outcome), ['updated', 'notSent', 'notSent']);
    assert.equal(world.writes.length, 1);
  });

  it('creates an account from a request: the tenant of the request, the chosen services with sync, Direct Routing’s settings; If-None-Match; the tree refreshed', async () => {
    const setup = await pair.client.request('accountForm', { tenantId: C });
    assert.equal(setup.suggestedName, 'Gamma');
    assert.deepEqual(setup.services.map((s) => s.key), ['teamsOperatorConnect', 'teamsPhoneMobile', 'teamsDirectRouting', 'zoomPhoneCloudPeering', 'azureOperatorCallProtection']);
    const form = {
      tenantId: C,
      name: 'Gamma-Corp',
      services: ['teamsOperatorConnect', 'teamsDirectRouting', 'azureOperatorCallProtection'] as const,
      syncEnabled: false,
      directRouting: { callScreening: false, subdomain: 'gamma', region1Token: 'tok1', region2Token: 'tok2' },
    };
    assert.deepEqual(await pair.client.request('checkAccount', { form: { ...form, services: [...form.services] } }), {});
    const created = await pair.client.request('createAccount', { form: { ...form, services: [...form.services] } });
    assert.deepEqual(created, { confirmed: true, accountName: 'Gamma-Corp', message: 'Created account Gamma-Corp for Gamma (pending).' });
    assert.deepEqual(world.created, [
      {
        account: {
          name: 'Gamma-Corp',
          serviceDetails: {
            teamsTenantId: C,
            teamsOperatorConnect: { enabled: true, syncEnabled: false },
            teamsDirectRouting: { enabled: true, syncEnabled: false, configuration: { callScreening: false, subdomain: 'gamma', subdomainTokens: { region1Token: 'tok1', region2Token: 'tok2' } } },
            azureOperatorCallProtection: { enabled: true },
          },
        },
        onlyIfNew: true,
      },
    ]);
    assert.match(world.confirmations[0].detail, /Teams tenant: 33333333-3333-3333-3333-333333333333\n/);
    assert.match(world.confirmations[0].detail, /Direct Routing: subdomain gamma, call screening off/);
    assert.deepEqual(world.changed, ['both']);
  });

  it('shows each problem of the account form by its field, and creates nothing while one remains', async () => {
    const base = { tenantId: C, name: 'existing', services: ['teamsDirectRouting' as const], syncEnabled: true, directRouting: { callScreening: true, subdomain: 'much-too-long', region1Token: 'ok', region2Token: 'bad token' } };
    const problems = await pair.client.request('checkAccount', { form: base });
    assert.deepEqual(problems, {
      name: 'Account Existing already exists on this gateway (names differing only in case are confusing).',
      subdomain: 'The subdomain has 13 characters: use 1 to 10.',
      region2Token: 'The region2Token bad token contains spaces: use only letters, digits, =, _ or -.',
    });
    assert.deepEqual(await pair.client.request('checkAccount', { form: { ...base, name: 'Fine', services: [] } }), { services: 'Choose at least one service for the account.' });
    await assert.rejects(pair.client.request('createAccount', { form: base }), /^RpcError: Not sent: Account Existing already exists/);
    assert.deepEqual(world.created, []);
    world.answer = false;
    assert.equal((await pair.client.request('createAccount', { form: { ...base, name: 'Fine', directRouting: { ...base.directRouting, subdomain: 'fine', region2Token: 'ok' } } })).confirmed, false);
    assert.deepEqual(world.created, []);
  });
});
