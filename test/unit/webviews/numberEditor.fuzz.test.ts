// Fuzz: random, malformed and near-valid messages sent to the Number editor's host (the real protocol, RpcHost and
// handlers; its deps record every call, over a Provisioning API that records every call too). Every confirmation
// would say yes, so a create that slipped through would be asked, written and seen. Every message must be refused: no
// exception, one warning, an error answer when it has a usable id, no handler run, no client, no prompt, no file
// dialog, no write, no follow-up. Then valid requests still work. Seeded; ACG_FUZZ_SEED=<n> replays a run.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CHOOSABLE_CAPABILITIES, NUMBER_USAGES, SERVICE_KEYS } from '../../../src/core/models/provisioning';
import type { NumberEditorDeps } from '../../../src/webviews/numberEditor/deps';
import { NumberEditorHandlers, type Notify } from '../../../src/webviews/numberEditor/handlers';
import { numberEditorProtocol } from '../../../src/webviews/numberEditor/protocol';
import { presentErrorForWebview } from '../../../src/webviews/shared/presentError';
import { ocAccount } from '../azure/clients.support';
import { categorized, countedHandlers, envelopeCategories, fuzzRuns, fuzzSeed, goodIdFrom, notActionId, notIn, notPlainObject, assertRefusesAll } from './fuzzMessages';
import { nearValidRequests, type ValidRequest } from './fuzzMutations';
import { recordingProvisioning } from './recordingProvisioning';
import { connect, RecordingLog, settle } from './rpcHarness';

const SEED = fuzzSeed(20_250_704);
const MESSAGES = fuzzRuns(2_000);
const METHODS = Object.keys(numberEditorProtocol.requests);
const goodId = goodIdFrom(1_000);
const ACCOUNT = 'Editor-Fuzz';
const GATEWAY_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/gw';

const PASTE = '+44 20 7946 0101, 0044 20 7946 0102';
const DRAFT = {
  service: 'teamsOperatorConnect',
  usage: 'CallingUserAssignment',
  capabilities: ['InboundCalling', 'OutboundCalling'],
  civicAddressId: 'address-1',
  locationId: 'location-1',
  allowTenantAddressUpdate: false,
  displayedCountryCode: 'GB',
  customSipHeader: 'abc',
};
/** One valid request of each method (with every optional field set, so each can be broken). */
const VALID: readonly ValidRequest[] = [
  { method: 'identity', params: {} },
  { method: 'setup', params: {} },
  { method: 'preview', params: { text: PASTE } },
  { method: 'check', params: { text: PASTE, draft: DRAFT } },
  { method: 'create', params: { text: PASTE, draft: DRAFT } },
  { method: 'edit', params: { draft: DRAFT, touched: ['usage', 'customSipHeader'] } },
  { method: 'cancelWrite', params: {} },
  { method: 'pickCsv', params: {} },
  { method: 'importCsv', params: {} },
  { method: 'runAction', params: { id: 'acg.signIn' } },
];
const TOUCHABLE = ['usage', 'choosableCapabilities', 'civicAddressId', 'locationId', 'allowTenantAddressUpdate', 'displayedCountryCode', 'customSipHeader'];

const VIOLATIONS = {
  service: notIn(SERVICE_KEYS),
  usage: notIn(NUMBER_USAGES),
  'capabilities[]': notIn(CHOOSABLE_CAPABILITIES),
  capabilities: fc.constant([...CHOOSABLE_CAPABILITIES, CHOOSABLE_CAPABILITIES[0]]),
  civicAddressId: fc.constant('a'.repeat(257)),
  locationId: fc.constant('l'.repeat(257)),
  displayedCountryCode: fc.constant('G'.repeat(9)),
  customSipHeader: fc.constant('h'.repeat(257)),
  text: fc.constant('+442079460101,'.repeat(Math.ceil(400_001 / 14))),
  'touched[]': notIn(TOUCHABLE),
  touched: fc.constant([...TOUCHABLE, 'usage']),
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
        nearMethods: ['Create', 'save', 'write', 'import', 'createNumbers'],
        deep: fc.constant(['create', (inner: unknown) => ({ text: PASTE, draft: inner }), DRAFT] as const),
      }),
    ),
  },
  { weight: 2, arbitrary: nearValidRequests(VALID, { optionalKeys: ['usage', 'civicAddressId', 'locationId', 'displayedCountryCode', 'customSipHeader'], violations: VIOLATIONS, goodId }) },
);

describe('webviews: Number editor host fuzz (malformed and near-valid messages)', function () {
  this.timeout(120_000);

  it(`refuses ${MESSAGES.toLocaleString()} malformed and near-valid messages: no exception, each logged, no handler, client, prompt or write`, async () => {
    const provisioning = recordingProvisioning({
      getAccount: async () => ({ resource: ocAccount(ACCOUNT), etag: '"1"' }),
      getTeamsCapabilityPlans: async () => ({ capabilityPlans: [] }),
      listCivicAddresses: () => (async function* () {
        yield { items: [], nextLink: undefined };
      })(),
    });
    const recorded = { clients: 0, confirmations: [] as string[], csvPicks: 0, follows: 0, commands: [] as string[] };
    let answer = true;
    const deps: NumberEditorDeps = {
      provisioning: async () => {
        recorded.clients++;
        return provisioning.client;
      },
      prompts: {
        confirm: async (message) => {
          recorded.confirmations.push(message);
          return answer;
        },
        pickCsv: async () => {
          recorded.csvPicks++;
          return undefined;
        },
      },
      defaultCountry: () => 'GB',
      follow: async () => {
        recorded.follows++;
        return { synced: [], failed: [], deleted: [], pending: [], stopped: false };
      },
      onDidChangeNumbers: () => ({ dispose: () => undefined }),
      onDidChangeSignIn: () => ({ dispose: () => undefined }),
      log: new RecordingLog(),
      present: presentErrorForWebview,
      executeCommand: async (id) => void recorded.commands.push(id),
    };
    const relay: { notify?: Notify } = {};
    const target = { mode: 'create' as const, gatewayId: GATEWAY_ID, gatewayName: 'gw', gatewayDomain: 'cprod.commsgw.azure.com', account: ACCOUNT, telephoneNumbers: [] };
    const handlers = new NumberEditorHandlers(deps, target, (method, data) => relay.notify?.(method, data));
    const counted = countedHandlers(handlers.handlers);
    const pair = connect(numberEditorProtocol, counted.handlers, handlers.actions.present);
    relay.notify = (method, data) => pair.host.notify(method, data);
    pair.client.start();
    await settle();
    const effects = () => ({
      clients: recorded.clients,
      calls: provisioning.calls.length,
      confirmations: recorded.confirmations.length,
      csvPicks: recorded.csvPicks,
      follows: recorded.follows,
      commands: recorded.commands.length,
    });
    const before = effects();

    await assertRefusesAll({
      name: 'Number editor',
      host: pair.host,
      log: pair.log,
      posted: pair.posted,
      handlerRuns: counted.total,
      messages,
      numRuns: MESSAGES,
      seed: SEED,
      nothingDone: (category) => assert.deepEqual(effects(), before, `${category}: nothing read, asked or written`),
    });
    assert.equal(recorded.confirmations.length, 0, 'no confirmation was shown');
    assert.equal(provisioning.calls.length, 0, 'the Provisioning API was not reached');
    assert.equal(pair.log.of('error').length, 0);

    // Valid requests still work afterwards: the setup, the preview, and a create that asks first (and is declined).
    answer = false;
    assert.deepEqual((await pair.client.request('setup', {})).services.map((s) => s.key), ['teamsOperatorConnect']);
    assert.deepEqual((await pair.client.request('preview', { text: PASTE })).numbers, ['+442079460101', '+442079460102']);
    const report = await pair.client.request('create', { text: PASTE, draft: { service: 'teamsOperatorConnect', usage: 'CallingUserAssignment', capabilities: ['InboundCalling', 'OutboundCalling'], allowTenantAddressUpdate: true } });
    assert.equal(report.sent, false);
    assert.equal(recorded.confirmations.length, 1);
    assert.deepEqual(provisioning.calls, ['getAccount', 'getTeamsCapabilityPlans', 'listCivicAddresses'], 'nothing written');
  });
});
