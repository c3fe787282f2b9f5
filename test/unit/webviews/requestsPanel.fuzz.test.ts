// Fuzz: random, malformed and near-valid messages sent to the Requests for Information panel's host (the real
// protocol, RpcHost and handlers over the recording fakes of ./requestsFakes.ts). The requests were listed and prepared
// for an update first and every confirmation would say yes, so an update or an account that slipped through would be
// asked, written and seen. Every message must be refused: no exception, one warning, an error answer when it has a
// usable id, no handler run, no scope or client call, no prompt, no write. Then valid requests still work.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { RELATIONSHIP_STATUSES, SERVICE_KEYS } from '../../../src/core/models';
import { RequestsHandlers } from '../../../src/webviews/requests/handlers';
import { requestsProtocol } from '../../../src/webviews/requests/protocol';
import { categorized, countedHandlers, envelopeCategories, fuzzRuns, fuzzSeed, goodIdFrom, notActionId, notIn, notPlainObject, assertRefusesAll } from './fuzzMessages';
import { nearValidRequests, type ValidRequest } from './fuzzMutations';
import { A, B, C, GATEWAY_ID, RequestsWorld } from './requestsFakes';
import { connect, settle } from './rpcHarness';

const SEED = fuzzSeed(20_250_702);
const MESSAGES = fuzzRuns(2_000);
const METHODS = Object.keys(requestsProtocol.requests);
const goodId = goodIdFrom(1_000);

const FORM = { tenantId: C, name: 'Gamma', services: ['teamsOperatorConnect', 'teamsDirectRouting'], syncEnabled: true, directRouting: { callScreening: false, subdomain: 'gamma', region1Token: 'token-1', region2Token: 'token-2' } };
/** One valid request of each method (with every optional field set, so each can be broken). */
const VALID: readonly ValidRequest[] = [
  { method: 'identity', params: {} },
  { method: 'load', params: { reload: true } },
  { method: 'checkRelationship', params: { status: 'ConsentDeclined', comment: 'No budget this year' } },
  { method: 'prepareUpdate', params: { tenantIds: [A, B] } },
  { method: 'applyUpdate', params: { tenantIds: [A, B], status: 'AgreementSigned', comment: 'MSA 9' } },
  { method: 'stopUpdate', params: {} },
  { method: 'accountForm', params: { tenantId: C } },
  { method: 'checkAccount', params: { form: FORM } },
  { method: 'createAccount', params: { form: FORM } },
  { method: 'reveal', params: { kind: 'request', name: A } },
  { method: 'runAction', params: { id: 'acg.signIn' } },
];

const isGuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const notGuid = fc.oneof(fc.string({ maxLength: 40 }).filter((s) => !isGuid(s)), fc.constantFrom(`{${A}}`, `${A}\n`, ` ${A}`, A.slice(1), `${A}0`, A.replace(/-/g, ''), 'gggggggg-1111-1111-1111-111111111111', ''));
const overlong = fc.constantFrom('x'.repeat(1001), 'é'.repeat(1001));
const VIOLATIONS = {
  tenantId: notGuid,
  'tenantIds[]': notGuid,
  tenantIds: fc.constant([]),
  status: notIn(RELATIONSHIP_STATUSES),
  comment: overlong,
  name: overlong,
  subdomain: overlong,
  region1Token: overlong,
  region2Token: overlong,
  'services[]': notIn(SERVICE_KEYS),
  services: fc.constant([...SERVICE_KEYS, 'teamsOperatorConnect']),
  kind: notIn(['account', 'request']),
  id: notActionId,
};

const messages = fc.oneof(
  {
    weight: 1,
    arbitrary: categorized(
      envelopeCategories({
        methods: METHODS,
        validRequest: fc.constantFrom(...VALID).map(({ method, params }) => [method, params] as const),
        // The near-valid messages break each field; here, params that are not even shaped like params.
        badParams: () => notPlainObject,
        goodId,
        nearMethods: ['apply', 'update', 'Load', 'createaccount', 'updateCustomerRelationship'],
        deep: fc.constant(['createAccount', (inner: unknown) => ({ form: inner }), FORM] as const),
      }),
    ),
  },
  { weight: 2, arbitrary: nearValidRequests(VALID, { optionalKeys: ['directRouting'], violations: VIOLATIONS, goodId }) },
);

describe('webviews: Requests for Information host fuzz (malformed and near-valid messages)', function () {
  this.timeout(120_000);

  it(`refuses ${MESSAGES.toLocaleString()} malformed and near-valid messages: no exception, each logged, no handler, read, prompt or write`, async () => {
    const world = new RequestsWorld();
    const handlers = new RequestsHandlers(world.deps, { gatewayId: GATEWAY_ID, gatewayName: 'gw1' });
    const counted = countedHandlers(handlers.handlers);
    const pair = connect(requestsProtocol, counted.handlers, handlers.actions.present);
    pair.client.start();
    await settle();
    await pair.client.request('load', { reload: false });
    await pair.client.request('prepareUpdate', { tenantIds: [A, B, C] });
    const effects = () => ({
      scopes: world.scopes,
      calls: world.calls.length,
      writes: world.writes.length,
      created: world.created.length,
      confirmations: world.confirmations.length,
      changed: world.changed.length,
      reveals: world.reveals.length,
      commands: world.commands.length,
    });
    const before = effects();

    await assertRefusesAll({
      name: 'Requests for Information',
      host: pair.host,
      log: pair.log,
      posted: pair.posted,
      handlerRuns: counted.total,
      messages,
      numRuns: MESSAGES,
      seed: SEED,
      nothingDone: (category) => assert.deepEqual(effects(), before, `${category}: nothing read, asked or written`),
    });
    assert.equal(world.confirmations.length, 0, 'no confirmation was shown');
    assert.equal(world.writes.length, 0, 'no relationship was written');
    assert.deepEqual(world.created, [], 'no account was created');
    assert.equal(pair.log.of('error').length, 0);

    // Valid requests still work afterwards: a reload, an update asked first and written, a reveal.
    assert.equal((await pair.client.request('identity', {})).gatewayName, 'gw1');
    assert.equal((await pair.client.request('load', { reload: true })).rows.length, 3);
    await pair.client.request('prepareUpdate', { tenantIds: [A] });
    const outcome = await pair.client.request('applyUpdate', { tenantIds: [A], status: 'AgreementSigned', comment: 'MSA 9' });
    assert.deepEqual(outcome.results.map((r) => r.outcome), ['updated']);
    assert.equal(world.confirmations.length, 1);
    assert.deepEqual(world.writes.map((w) => w.tenantId), [A]);
    await pair.client.request('reveal', { kind: 'account', name: 'Existing' });
    assert.deepEqual(world.reveals, [{ kind: 'account', name: 'Existing' }]);
  });
});
