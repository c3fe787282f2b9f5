// Fuzz: random, malformed and near-valid messages sent to the Account panel's host (the real protocol, RpcHost and
// handlers, with the deps of ./accountFakes.ts over a Provisioning API that records every call). The account was read
// first (the host holds it with its ETag) and every confirmation would say yes, so a save or a delete that slipped
// through would be asked, sent and seen. Every message must be refused: no exception, one warning, an error answer
// when it has a usable id, no handler run, no service call, no prompt, no write. Then valid requests still work.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { AccountHandlers, type Notify } from '../../../src/webviews/account/handlers';
import { accountProtocol } from '../../../src/webviews/account/protocol';
import { ocAccount } from '../azure/clients.support';
import { accountFakes } from './accountFakes';
import { categorized, countedHandlers, envelopeCategories, fuzzRuns, fuzzSeed, goodIdFrom, notActionId, notPlainObject, assertRefusesAll } from './fuzzMessages';
import { nearValidRequests, type ValidRequest } from './fuzzMutations';
import { recordingProvisioning } from './recordingProvisioning';
import { connect, settle } from './rpcHarness';

const SEED = fuzzSeed(20_250_703);
const MESSAGES = fuzzRuns(2_000);
const METHODS = Object.keys(accountProtocol.requests);
const goodId = goodIdFrom(1_000);
const GATEWAY_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/contoso-prod-gw';
const ACCOUNT = 'Fabrikam-Finance';

const on = { enabled: true, syncEnabled: true };
const off = { enabled: false, syncEnabled: false };
const SERVICES = { teamsOperatorConnect: on, teamsPhoneMobile: off, teamsDirectRouting: on, zoomPhoneCloudPeering: off, azureOperatorCallProtection: off };
/** One valid request of each method (with every optional field set, so each can be broken). */
const VALID: readonly ValidRequest[] = [
  { method: 'identity', params: {} },
  { method: 'account', params: { reload: true } },
  { method: 'numberTotal', params: {} },
  { method: 'civicAddresses', params: {} },
  { method: 'numberUsage', params: {} },
  { method: 'stopNumberUsage', params: {} },
  { method: 'saveServices', params: { edit: { services: SERVICES, directRouting: { subdomain: 'fabrikam', callScreening: true, region1Token: 'token-1', region2Token: 'token-2' } } } },
  { method: 'deleteAccount', params: { deleteNumbers: true } },
  { method: 'manageNumbers', params: {} },
  { method: 'runAction', params: { id: 'acg.signIn' } },
];

const VIOLATIONS = {
  subdomain: fc.constantFrom('x'.repeat(65), 'é'.repeat(65)),
  region1Token: fc.constant('t'.repeat(257)),
  region2Token: fc.constant('t'.repeat(257)),
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
        nearMethods: ['delete', 'save', 'Account', 'deleteaccount', 'putAccount'],
        deep: fc.constant(['saveServices', (inner: unknown) => ({ edit: inner }), { services: SERVICES }] as const),
      }),
    ),
  },
  { weight: 2, arbitrary: nearValidRequests(VALID, { optionalKeys: ['directRouting'], violations: VIOLATIONS, goodId }) },
);

describe('webviews: Account panel host fuzz (malformed and near-valid messages)', function () {
  this.timeout(120_000);

  it(`refuses ${MESSAGES.toLocaleString()} malformed and near-valid messages: no exception, each logged, no handler, service call, prompt or write`, async () => {
    const provisioning = recordingProvisioning({
      getAccount: async () => ({ resource: ocAccount(ACCOUNT), etag: '"1"' }),
      countNumbers: async () => 0,
    });
    const fakes = accountFakes(async () => provisioning.services);
    const relay: { notify?: Notify } = {};
    const handlers = new AccountHandlers(fakes.deps, { gatewayId: GATEWAY_ID, gatewayName: 'contoso-prod-gw', account: ACCOUNT, domain: 'cprod.commsgw.azure.com' }, (method, data) => relay.notify?.(method, data));
    const counted = countedHandlers(handlers.handlers);
    const pair = connect(accountProtocol, counted.handlers, handlers.actions.present);
    relay.notify = (method, data) => pair.host.notify(method, data);
    pair.client.start();
    await settle();
    await pair.client.request('account', { reload: false });
    // Every prompt would say yes: a save or delete that got through would be confirmed and sent.
    fakes.confirmAnswers.push(...Array.from({ length: MESSAGES }, () => true));
    fakes.conflictAnswers.push(...Array.from({ length: MESSAGES }, () => 'reapply' as const));
    const effects = () => ({
      services: fakes.servicesCalls,
      calls: provisioning.calls.length,
      prompts: fakes.prompts.length,
      commands: fakes.commands.length,
      accountsChanged: fakes.accountsChanged,
    });
    const before = effects();

    await assertRefusesAll({
      name: 'Account',
      host: pair.host,
      log: pair.log,
      posted: pair.posted,
      handlerRuns: counted.total,
      messages,
      numRuns: MESSAGES,
      seed: SEED,
      nothingDone: (category) => assert.deepEqual(effects(), before, `${category}: nothing read, asked or written`),
    });
    assert.equal(fakes.prompts.length, 0, 'no confirmation was shown');
    assert.deepEqual(provisioning.calls, ['getAccount'], 'only the read before the run reached the service');
    assert.equal(pair.log.of('error').length, 0);

    // Valid requests still work afterwards: a read, a delete that asks first (and is declined), Manage Numbers….
    fakes.confirmAnswers.length = 0;
    assert.equal((await pair.client.request('identity', {})).account, ACCOUNT);
    assert.equal((await pair.client.request('account', { reload: true })).overview.name, ACCOUNT);
    assert.equal((await pair.client.request('deleteAccount', { deleteNumbers: false })).kind, 'cancelled');
    assert.deepEqual(fakes.prompts.map((p) => p.kind), ['confirm']);
    assert.deepEqual(provisioning.calls, ['getAccount', 'getAccount', 'countNumbers'], 'nothing deleted');
    await pair.client.request('manageNumbers', {});
    assert.deepEqual(fakes.commands.map((c) => c.id), ['acg.numbers.manage']);
  });
});
