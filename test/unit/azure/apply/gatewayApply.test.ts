// Gateway plans end to end against the emulator's ARM: the sandbox's lab gateway planned from its sample file with a
// change (codecs, a new manual test line, an unlisted line pruned), applied through GET-edit-PUT and test-line PUT and
// DELETE with long-running polling, planned again to nothing; drift since the plan stops only its item; and a resume
// after a lost answer or a crash finds by reading what took effect, writing nothing twice.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyGatewayPlan, readLiveGatewayState, type GatewayApplyClient } from '../../../../src/azure/apply';
import { ArmClient } from '../../../../src/azure/clients';
import { AcgError } from '../../../../src/azure/errors';
import { planGateway, type SavedGatewayPlan } from '../../../../src/core/apply';
import type { GatewayDocument } from '../../../../src/core/config/model';
import type { GatewayRef } from '../../../../src/core/models';
import { startWorld, type ClientWorld } from '../clients.support';
import { MemoryJournal, replay } from './apply.support';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SHA = 'b'.repeat(64);

/** samples/contoso-lab.acg-gateway.json (which the sandbox holds as it is) with a change: codecs reordered, MAN1
 * added, prune on. */
function desired(): GatewayDocument {
  const doc = JSON.parse(readFileSync(join(ROOT, 'samples', 'contoso-lab.acg-gateway.json'), 'utf8')) as GatewayDocument;
  doc.properties.codecs = ['PCMU', 'PCMA', 'G722'];
  doc.testLines = [...(doc.testLines ?? []), { name: 'MAN1', properties: { phoneNumber: '+442079460299', purpose: 'Manual' } }];
  return { ...doc, prune: true };
}

function refOf(doc: GatewayDocument): GatewayRef {
  return { subscriptionId: doc.subscriptionId, resourceGroupName: doc.resourceGroup, name: doc.name };
}

describe('gateway plans against the emulator', function () {
  let world: ClientWorld;
  let arm: ArmClient;

  beforeEach(async () => {
    world = await startWorld();
    arm = new ArmClient(world.pipeline('operator'), world.cloud, { polling: { defaultDelayMs: 5, maxDelayMs: 20 } });
    // A line the file does not list: prune deletes it.
    await arm.createTestLine(refOf(desired()), 'OLD9', { phoneNumber: '+442079460298', purpose: 'Manual' });
  });
  afterEach(async () => world.stop());

  async function plan(doc = desired()): Promise<SavedGatewayPlan> {
    return planGateway(doc, await readLiveGatewayState(arm, doc), { desiredPath: 'contoso-lab.acg-gateway.json', desiredSha256: SHA, now: new Date() });
  }

  /** PUTs and DELETEs since `from` on the resource whose path ends so. */
  const writes = (from: number, pathEnd: string) =>
    world.exchanges.slice(from).filter((e) => e.service === 'arm' && (e.method === 'PUT' || e.method === 'DELETE') && e.path.split('?')[0].endsWith(pathEnd)).length;

  it('plans the sample as it is against the sandbox to no changes (sample and seed agree)', async () => {
    const sample = JSON.parse(readFileSync(join(ROOT, 'samples', 'contoso-lab.acg-gateway.json'), 'utf8')) as GatewayDocument;
    await arm.deleteTestLine(refOf(sample), 'OLD9');
    const clean = await plan(sample);
    assert.deepEqual(clean.changes, []);
    assert.deepEqual(clean.counts, { create: 0, update: 0, delete: 0, noop: 4 });
  });

  it('plans the change, applies it through ARM with polling, and plans nothing the second time', async () => {
    const first = await plan();
    assert.deepEqual(first.changes.map((c) => `${c.action} ${c.id}`), ['update gateway:contoso-lab-gw', 'delete testLine:OLD9', 'create testLine:MAN1']);
    assert.deepEqual(first.changes[0].fields, [{ path: 'properties.codecs', before: ['PCMA', 'PCMU', 'G722'], after: ['PCMU', 'PCMA', 'G722'] }]);
    const journal = new MemoryJournal();
    const result = await applyGatewayPlan(arm, first, { journal, planFile: { path: 'plan.json', sha256: SHA } });
    assert.deepEqual(result, { done: first.changes.map((c) => c.id), drift: [], failed: [], notStarted: [], cancelled: false });
    assert.deepEqual(journal.entries.map((e) => e.type), ['start', 'sending', 'answered', 'sending', 'answered', 'sending', 'answered', 'end']);
    assert.deepEqual(replay(journal.entries).done, new Set(first.changes.map((c) => c.id)));

    const ref = refOf(desired());
    assert.deepEqual((await arm.getGateway(ref)).properties?.codecs, ['PCMU', 'PCMA', 'G722']);
    assert.deepEqual((await arm.listTestLines(ref)).map((l) => l.name).sort(), ['MAN1', 'OC1', 'OC2', 'OC3']);
    const again = await plan();
    assert.deepEqual(again.changes, []);
    assert.deepEqual(again.counts, { create: 0, update: 0, delete: 0, noop: 5 });
  });

  it('leaves what drifted since the plan alone and applies the rest', async () => {
    const planned = await plan();
    const ref = refOf(desired());
    // Someone edits the gateway in the portal, and replaces OLD9's number, after the plan was made.
    await arm.updateGateway(ref, (g) => ({ ...g, properties: g.properties && { ...g.properties, codecs: ['PCMA'] } }));
    const from = world.exchanges.length;
    const result = await applyGatewayPlan(arm, planned, { journal: new MemoryJournal() });
    assert.deepEqual(result.drift.map((d) => d.changeId), ['gateway:contoso-lab-gw']);
    assert.match(result.drift[0].message, /properties\.codecs is \["PCMA"\] now, the plan saw \["PCMA","PCMU","G722"\]/);
    assert.deepEqual(result.done, ['testLine:OLD9', 'testLine:MAN1']);
    assert.equal(writes(from, '/communicationsGateways/contoso-lab-gw'), 0, 'no PUT over the drifted gateway');
    assert.deepEqual((await arm.getGateway(ref)).properties?.codecs, ['PCMA']);
  });

  it('sends the plan ETag as If-Match when ARM gave one, and a 412 is drift', async () => {
    const planned = await plan();
    const withEtag = { ...planned, changes: planned.changes.map((c) => (c.kind === 'gateway' ? { ...c, etag: '"planned"' } : c)) };
    const sent: (string | undefined)[] = [];
    const client: GatewayApplyClient = {
      getGatewayVersioned: async (ref, options) => ({ ...(await arm.getGatewayVersioned(ref, options)), etag: '"planned"' }),
      updateGateway: (_ref, _edit, options) => {
        sent.push(options?.ifMatch);
        return Promise.reject(new AcgError({ kind: 'preconditionFailed', message: 'The resource was changed by someone else.', service: 'arm', status: 412 }));
      },
      createGateway: (...a) => arm.createGateway(...a),
      getTestLine: (...a) => arm.getTestLine(...a),
      createTestLine: (...a) => arm.createTestLine(...a),
      deleteTestLine: (...a) => arm.deleteTestLine(...a),
    };
    const result = await applyGatewayPlan(client, withEtag, { journal: new MemoryJournal() });
    assert.deepEqual(sent, ['"planned"']);
    assert.deepEqual(result.drift.map((d) => d.changeId), ['gateway:contoso-lab-gw']);
    assert.equal(result.done.length, 2);
  });

  it('resumes after a lost answer: the create that took effect is found by reading, not sent again', async () => {
    const planned = await plan();
    const from = world.exchanges.length;
    const lossy: GatewayApplyClient = {
      getGatewayVersioned: (...a) => arm.getGatewayVersioned(...a),
      updateGateway: (...a) => arm.updateGateway(...a),
      createGateway: (...a) => arm.createGateway(...a),
      getTestLine: (...a) => arm.getTestLine(...a),
      deleteTestLine: (...a) => arm.deleteTestLine(...a),
      // The PUT lands, and its answer never comes back.
      createTestLine: async (...a) => {
        await arm.createTestLine(...a);
        throw new AcgError({ kind: 'network', message: 'The connection was reset.', service: 'arm' });
      },
    };
    const journal = new MemoryJournal();
    const stopped = await applyGatewayPlan(lossy, planned, { journal, planFile: { path: 'plan.json', sha256: SHA } });
    assert.deepEqual(stopped.inFlight, ['testLine:MAN1']);
    assert.equal(stopped.stoppedBy, 'The connection was reset.');
    const state = replay(journal.entries);
    assert.deepEqual(state.inFlight.map((s) => s.changeIds), [['testLine:MAN1']]);

    const resumed = await applyGatewayPlan(arm, planned, { journal: journal.reopen(), resume: state });
    assert.deepEqual(resumed.done, ['gateway:contoso-lab-gw', 'testLine:OLD9', 'testLine:MAN1']);
    assert.equal(writes(from, '/testLines/MAN1'), 1, 'one PUT of MAN1 in all');
    assert.equal(writes(from, '/communicationsGateways/contoso-lab-gw'), 1, 'the gateway is not PUT again');
    assert.deepEqual((await plan()).changes, []);
  });

  it('resumes after a crash between a DELETE and its answer entry, deleting nothing twice', async () => {
    const planned = await plan();
    const from = world.exchanges.length;
    const crashing = new MemoryJournal({ at: (e) => e.type === 'answered' && e.results[0]?.changeId === 'testLine:OLD9', when: 'before' });
    await assert.rejects(applyGatewayPlan(arm, planned, { journal: crashing }), /crashed before the entry was written/);
    const resumed = await applyGatewayPlan(arm, planned, { journal: crashing.reopen(), resume: replay(crashing.entries) });
    assert.deepEqual(resumed.done, ['gateway:contoso-lab-gw', 'testLine:OLD9', 'testLine:MAN1']);
    assert.equal(writes(from, '/testLines/OLD9'), 1);
    assert.deepEqual((await plan()).changes, []);
  });
});

describe('a gateway plan that creates the gateway, against the emulator', function () {
  let world: ClientWorld;
  let arm: ArmClient;

  /** The lab sample renamed to a gateway ARM does not have, with two test lines of its own. */
  function newGateway(): GatewayDocument {
    const doc = JSON.parse(readFileSync(join(ROOT, 'samples', 'contoso-lab.acg-gateway.json'), 'utf8')) as GatewayDocument;
    return {
      ...doc,
      name: 'contoso-lab2-gw',
      testLines: [
        { name: 'OC1', properties: { phoneNumber: '+442079460401', purpose: 'Automated' } },
        { name: 'OC2', properties: { phoneNumber: '+442079460402', purpose: 'Automated' } },
      ],
    };
  }

  beforeEach(async () => {
    world = await startWorld();
    arm = new ArmClient(world.pipeline('operator'), world.cloud, { polling: { defaultDelayMs: 5, maxDelayMs: 20 } });
  });
  afterEach(async () => world.stop());

  async function plan(doc = newGateway()): Promise<SavedGatewayPlan> {
    return planGateway(doc, await readLiveGatewayState(arm, doc), { desiredPath: 'contoso-lab2.acg-gateway.json', desiredSha256: SHA, now: new Date() });
  }
  const gatewayPuts = (from: number) => world.exchanges.slice(from).filter((e) => e.service === 'arm' && e.method === 'PUT' && e.path.split('?')[0].endsWith('/communicationsGateways/contoso-lab2-gw'));

  it('creates the gateway by PUT polled to the end, then its test lines, and plans nothing the second time', async () => {
    const planned = await plan();
    assert.deepEqual(planned.changes.map((c) => `${c.action} ${c.id}`), ['create gateway:contoso-lab2-gw', 'create testLine:OC1', 'create testLine:OC2']);
    const from = world.exchanges.length;
    const journal = new MemoryJournal();
    const result = await applyGatewayPlan(arm, planned, { journal, planFile: { path: 'plan.json', sha256: SHA } });
    assert.deepEqual(result.done, planned.changes.map((c) => c.id));
    assert.deepEqual(result.failed, []);
    assert.equal(gatewayPuts(from).length, 1);
    // Polled to the end: the resource is there and Succeeded before its test lines are written.
    const ref = refOf(newGateway());
    const created = await arm.getGateway(ref);
    assert.equal(created.properties?.provisioningState, 'Succeeded');
    assert.equal(created.identity?.type, 'SystemAssigned');
    assert.deepEqual(created.properties?.apiBridge?.allowedAddressPrefixes, newGateway().properties.apiBridge?.allowedAddressPrefixes);
    assert.deepEqual((await arm.listTestLines(ref)).map((l) => l.name).sort(), ['OC1', 'OC2']);
    assert.deepEqual((await plan()).changes, []);
  });

  it('resumes after the PUT landed and its answer was lost: the gateway is found by reading, not PUT again', async () => {
    const planned = await plan();
    const from = world.exchanges.length;
    const lossy: GatewayApplyClient = {
      getGatewayVersioned: (...a) => arm.getGatewayVersioned(...a),
      updateGateway: (...a) => arm.updateGateway(...a),
      createGateway: async (...a) => {
        await arm.createGateway(...a);
        throw new AcgError({ kind: 'network', message: 'The connection was reset.', service: 'arm' });
      },
      getTestLine: (...a) => arm.getTestLine(...a),
      createTestLine: (...a) => arm.createTestLine(...a),
      deleteTestLine: (...a) => arm.deleteTestLine(...a),
    };
    const journal = new MemoryJournal();
    const stopped = await applyGatewayPlan(lossy, planned, { journal, planFile: { path: 'plan.json', sha256: SHA } });
    assert.deepEqual(stopped.inFlight, ['gateway:contoso-lab2-gw']);
    const resumed = await applyGatewayPlan(arm, planned, { journal: journal.reopen(), resume: replay(journal.entries) });
    assert.deepEqual(resumed.done, planned.changes.map((c) => c.id));
    assert.equal(gatewayPuts(from).length, 1, 'one PUT of the gateway in all');
    assert.deepEqual((await plan()).changes, []);
  });

  it('never replaces a gateway someone else created since the plan: that is drift, and its lines still go', async () => {
    const planned = await plan();
    const other = newGateway();
    await arm.createGateway(refOf(other), { name: other.name, location: other.location, tags: { owner: 'someone-else' }, properties: { ...other.properties } as never });
    const from = world.exchanges.length;
    const result = await applyGatewayPlan(arm, planned, { journal: new MemoryJournal() });
    assert.deepEqual(result.drift.map((d) => [d.changeId, d.message]), [['gateway:contoso-lab2-gw', 'gateway contoso-lab2-gw was created by someone else since the plan']]);
    assert.deepEqual(result.done, ['testLine:OC1', 'testLine:OC2']);
    assert.equal(gatewayPuts(from).length, 0);
    assert.deepEqual((await arm.getGateway(refOf(other))).tags, { owner: 'someone-else' });
  });
});
