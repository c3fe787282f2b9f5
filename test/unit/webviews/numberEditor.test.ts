// The Number editor's host handlers against the emulator, through the real protocol, RpcHost and RpcClient (what
// crosses is structured-cloned, as in a webview): the setup offers the account's services, plans and civic addresses;
// the live check places the core rules' findings; create confirms first and sends nothing when declined; a CSV with
// errors is previewed and refused; malformed messages never reach a handler.
import { strict as assert } from 'node:assert';
import { ProvisioningClient } from '../../../src/azure/clients';
import type { NumbersChange } from '../../../src/host/numberChanges';
import { NumberEditorHandlers, type Notify, type NumberEditorTarget } from '../../../src/webviews/numberEditor/handlers';
import { numberEditorProtocol, type NumberDraft } from '../../../src/webviews/numberEditor/protocol';
import { ocAccount, PRODUCTION_DOMAIN, startWorld, type ClientWorld } from '../azure/clients.support';
import { connect, settle } from './rpcHarness';

const ACCOUNT = 'Editor-Panel-Test';
const TARGET: NumberEditorTarget = {
  mode: 'create',
  gatewayId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/gw',
  gatewayName: 'gw',
  gatewayDomain: PRODUCTION_DOMAIN,
  account: ACCOUNT,
  telephoneNumbers: [],
};
const DRAFT: NumberDraft = { service: 'teamsOperatorConnect', usage: 'CallingUserAssignment', capabilities: ['InboundCalling', 'OutboundCalling'], allowTenantAddressUpdate: false };

describe('webviews: Number editor handlers against the emulator', function () {
  this.timeout(60_000);
  let world: ClientWorld;
  let client: ProvisioningClient;
  const confirms: string[] = [];
  let answer = false;
  let csv = '';
  const fired: NumbersChange[] = [];
  const changeListeners = new Set<(change: NumbersChange) => void>();

  function editor(target: NumberEditorTarget = TARGET) {
    const handlers = new NumberEditorHandlers(
      {
        provisioning: () => Promise.resolve(client),
        prompts: {
          confirm: (message) => (confirms.push(message), Promise.resolve(answer)),
          pickCsv: () => Promise.resolve({ name: 'numbers.csv', text: csv }),
        },
        defaultCountry: () => 'GB',
        follow: (_target, written) => (fired.push({ ..._target, upserted: written, deleted: [], reason: 'write' }), Promise.resolve({ synced: [], failed: [], deleted: [], pending: [], stopped: false })),
        onDidChangeNumbers: (listener) => (changeListeners.add(listener), { dispose: () => changeListeners.delete(listener) }),
        onDidChangeSignIn: () => ({ dispose: () => undefined }),
        log: { info: () => undefined, warn: () => undefined, error: () => undefined },
        present: (error) => ({ message: error instanceof Error ? error.message : String(error), actions: [] }),
        executeCommand: () => Promise.resolve(undefined),
      },
      target,
      (method, data) => link.notify?.(method, data),
    );
    const link: { notify?: Notify } = {};
    const pair = connect(numberEditorProtocol, handlers.handlers);
    link.notify = (method, data) => pair.host.notify(method, data);
    pair.client.start();
    return pair;
  }

  before(async () => {
    world = await startWorld();
    client = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN);
    await client.createOrReplaceAccount({ ...ocAccount(ACCOUNT), serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true }, teamsDirectRouting: { enabled: true, syncEnabled: false, subdomainStatus: 'notProvisioned' } } });
  });

  after(async () => world?.stop());

  it('offers the account’s services and the plans’ usages; checks the paste and the form with the core rules', async () => {
    const { client: rpc } = editor();
    const setup = await rpc.request('setup', {});
    assert.deepEqual(setup.services.map((s) => s.key), ['teamsOperatorConnect', 'teamsDirectRouting']);
    assert.deepEqual(setup.usages.teamsOperatorConnect?.map((u) => u.usage), ['CallingUserAssignment', 'FirstPartyAppAssignment', 'ConferenceAssignment']);
    assert.deepEqual(setup.usages.teamsDirectRouting, []);
    const findings = await rpc.request('check', { text: '+44 20 7946 0101', draft: { ...DRAFT, capabilities: [...DRAFT.capabilities], customSipHeader: 'bad header!' } });
    assert.deepEqual(findings.map((f) => [f.field, f.ruleId]), [['customSipHeader', 'ACG-NUM-012'], ['civicAddress', 'ACG-NUM-010']]);
  });

  it('create asks first; declined, nothing is sent; confirmed, the numbers are written and followed', async () => {
    const { client: rpc } = editor();
    const from = world.exchanges.filter((e) => e.path.includes(':createOrUpdateNumbers')).length;
    answer = false;
    const declined = await rpc.request('create', { text: '+44 20 7946 0501, 0044 20 7946 0502', draft: { ...DRAFT, capabilities: [...DRAFT.capabilities], allowTenantAddressUpdate: true } });
    assert.equal(declined.sent, false);
    assert.equal(world.exchanges.filter((e) => e.path.includes(':createOrUpdateNumbers')).length, from, 'nothing sent');
    answer = true;
    const report = await rpc.request('create', { text: '+44 20 7946 0501, 0044 20 7946 0502', draft: { ...DRAFT, capabilities: [...DRAFT.capabilities], allowTenantAddressUpdate: true } });
    assert.equal(report.sent, true);
    assert.deepEqual(report.rows.map((r) => r.telephoneNumber), ['+442079460501', '+442079460502']);
    assert.match(confirms[confirms.length - 1], /Create 2 numbers in Editor-Panel-Test/);
    assert.equal(fired.at(-1)?.upserted.length, 2, 'handed to the status follow-up');
  });

  it('edit: after the save, the write and each status change carry the numbers’ current values (the header as saved)', async () => {
    const telephoneNumber = '+442079460521';
    await client.createOrUpdateNumbersInBatches(ACCOUNT, [{ telephoneNumber, accountName: ACCOUNT, serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling'], allowTenantAddressUpdate: true } } }, configuration: { customSipHeader: 'before' } }]);
    const { client: rpc } = editor({ ...TARGET, mode: 'edit', telephoneNumbers: [telephoneNumber] });
    const statuses: { numbers?: readonly { telephoneNumber: string; customSipHeader?: string; status?: string }[] }[] = [];
    rpc.onNotification('status', (data) => statuses.push(data));
    const setup = await rpc.request('setup', {});
    assert.equal(setup.edit?.numbers[0].customSipHeader, 'before');
    answer = true;
    const start = setup.edit?.start ?? DRAFT;
    const report = await rpc.request('edit', { draft: { ...start, capabilities: [...start.capabilities], customSipHeader: 'after' }, touched: ['customSipHeader'] });
    assert.equal(report.sent, true);
    assert.deepEqual(report.numbers?.map((n) => [n.telephoneNumber, n.customSipHeader]), [[telephoneNumber, 'after']]);
    // The follow-up settles it: 'status' carries the number as read now, for the Current values table.
    const settled = (await client.getNumber(ACCOUNT, telephoneNumber)).resource;
    for (const listener of changeListeners) listener({ gatewayId: TARGET.gatewayId, gatewayDomain: PRODUCTION_DOMAIN, account: ACCOUNT, upserted: [{ ...settled, serviceProvisioningStatus: 'synced' }], deleted: [], reason: 'status' });
    await settle();
    assert.deepEqual(statuses.at(-1)?.numbers?.map((n) => [n.telephoneNumber, n.customSipHeader, n.status]), [[telephoneNumber, 'after', 'synced']]);
  });

  it('a form with an error sends nothing and says why, in the rule’s words', async () => {
    const { client: rpc } = editor();
    await assert.rejects(rpc.request('create', { text: '+442079460503', draft: { ...DRAFT, capabilities: [...DRAFT.capabilities], customSipHeader: 'bad header!' } }), /Nothing was sent: Custom SIP header value/);
  });

  it('a CSV with errors lists every finding and is refused; nothing is sent', async () => {
    const { client: rpc } = editor({ ...TARGET, mode: 'importCsv' });
    csv = 'telephoneNumber,accountName,usage,choosableCapabilities,allowTenantAddressUpdate\n+442079460601,Editor-Panel-Test,CallingUserAssignment,InboundCalling,true\nnot-a-number,Editor-Panel-Test,CallingUserAssignment,InboundCalling,true\n';
    const preview = await rpc.request('pickCsv', {});
    assert.ok(preview);
    assert.ok(preview.errors >= 1, JSON.stringify(preview.findings));
    assert.ok(preview.findings.some((f) => f.line === 3 && f.ruleId === 'ACG-NUM-001'));
    await assert.rejects(rpc.request('importCsv', {}), /Nothing was sent: numbers.csv has/);
  });

  it('refuses malformed messages before any handler runs', async () => {
    const { client: rpc, log } = editor();
    const bad = { service: 'teamsOperatorConnect', capabilities: ['Teleport'], allowTenantAddressUpdate: false } as unknown as NumberDraft;
    await assert.rejects(rpc.request('check', { text: '+1', draft: { ...bad, capabilities: [...bad.capabilities] } }));
    await assert.rejects(rpc.request('preview', { text: 'x'.repeat(400_001) }));
    await settle();
    assert.ok(log.of('warn').length >= 2);
  });
});
