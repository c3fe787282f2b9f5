// The editor's view of a plan and of its apply: the summary panel's model, the live side of the diff view, and the
// words of the Apply confirmation.
import { strict as assert } from 'node:assert';
import { planProvisioning } from '../../../../src/core/apply';
import { liveAsPlanDocument } from '../../../../src/core/apply/liveDocument';
import { applyConfirmation, applyOutcome, planSummaryView, SUMMARY_SAMPLES } from '../../../../src/core/apply/planSummary';
import type { PlanDocument } from '../../../../src/core/config/model';
import { entryOf, liveState, ocAccount, ocNumber, OPTIONS } from './support';

const FILE = { desiredUri: 'file:///w/contoso.acg-plan.json', fileName: 'contoso.acg-plan.json' };
const TENANT = '22222222-2222-2222-2222-222222222222';

function teamsUsage(usage: 'CallingUserAssignment' | 'ConferenceAssignment') {
  return (n: ReturnType<typeof ocNumber>) => {
    const copy = structuredClone(n);
    const config = copy.serviceDetails.teamsOperatorConnect?.configuration;
    if (config) config.usage = usage;
    return copy;
  };
}

describe('planSummaryView: counts, estimate and samples of each kind of change', () => {
  const live = liveState({ accounts: [ocAccount('contoso')], numbers: Array.from({ length: 8 }, (_, i) => ocNumber(`+4420794600${10 + i}`, 'contoso')) });
  const desired: PlanDocument = {
    accounts: [
      {
        ...ocAccount('contoso', { correlationId: 'crm-new' }),
        numbers: [...Array.from({ length: 8 }, (_, i) => entryOf(teamsUsage('ConferenceAssignment')(ocNumber(`+4420794600${10 + i}`, 'contoso')))), entryOf(ocNumber('+442079460099', 'contoso'))],
      },
    ],
  };
  const plan = planProvisioning(desired, live, OPTIONS);

  it('groups the changes by kind and action, with at most SUMMARY_SAMPLES samples, each field before → after', () => {
    const view = planSummaryView(plan, FILE);
    assert.deepEqual(view.counts, { create: 1, update: 9, delete: 0, noop: 0 });
    assert.deepEqual(
      view.groups.map((g) => [g.title, g.total, g.samples.length]),
      [
        ['Accounts to update', 1, 1],
        ['Numbers to create', 1, 1],
        ['Numbers to update', 8, SUMMARY_SAMPLES],
      ],
    );
    const sample = view.groups[2]?.samples[0];
    assert.equal(sample?.subject, '+442079460010 (account contoso)');
    assert.deepEqual(sample?.fields, [{ path: 'serviceDetails.teamsOperatorConnect.configuration.usage', before: '"CallingUserAssignment"', after: '"ConferenceAssignment"' }]);
    assert.deepEqual(view.groups[0]?.samples[0]?.fields, [{ path: 'correlationId', before: '"crm-contoso"', after: '"crm-new"' }]);
    assert.equal(view.hasChanges, true);
    assert.match(view.estimate, /^\d+ s$/);
    // The account, then one batch of 9 numbers.
    assert.equal(view.estimateDetail, '2 requests at 100 a minute; a batch of up to 100 numbers counts as one.');
    assert.match(view.summary, /1 to create, 9 to update, 0 to delete/);
    assert.equal(view.gateway, 'contoso-gw.example.com');
  });

  it('a plan with no changes says so and has no estimate', () => {
    const same = planProvisioning({ accounts: [{ ...ocAccount('contoso'), numbers: [] }] }, liveState({ accounts: [ocAccount('contoso')] }), OPTIONS);
    const view = planSummaryView(same, FILE);
    assert.equal(view.hasChanges, false);
    assert.equal(view.estimate, '');
    assert.deepEqual(view.groups, []);
    assert.match(view.summary, /^No changes: the live state matches contoso\.acg-plan\.json/);
  });

  it('cuts a long value so a whole object is never a sample', () => {
    const long = planProvisioning({ accounts: [{ ...ocAccount('contoso', { correlationId: 'x'.repeat(500) }) }] }, liveState({ accounts: [ocAccount('contoso')] }), OPTIONS);
    const after = planSummaryView(long, FILE).groups[0]?.samples[0]?.fields[0]?.after ?? '';
    assert.ok(after.length <= 160 && after.endsWith('…'), after);
  });

  it('the confirmation names the counts, the gateway and a sample of changes with their fields', () => {
    const { message, detail } = applyConfirmation(plan, plan.changes);
    assert.equal(message, 'Apply 10 changes (1 to create, 9 to update) on contoso-gw.example.com?');
    assert.match(detail, /^update account contoso\n {4}correlationId: "crm-contoso" → "crm-new"/);
    assert.match(detail, /… and 5 more/);
    assert.match(detail, /Every write is journalled/);
  });
});

describe('applyOutcome: done, failed, drift, cancelled, and whether Resume is offered', () => {
  const base = { done: ['a', 'b'], drift: [], failed: [], notStarted: [], cancelled: false };
  it('all done: no Resume', () => {
    const view = applyOutcome(base, 2, '/j.jsonl');
    assert.equal(view.state, 'done');
    assert.equal(view.headline, 'Done: 2 changes of 2 applied.');
    assert.equal(view.canResume, false);
  });
  it('drift is reported with its reason, and is not resumable (plan again instead)', () => {
    const view = applyOutcome({ ...base, drift: [{ changeId: 'number:+1', message: 'changed since the plan' }] }, 3, '/j.jsonl');
    assert.equal(view.state, 'drift');
    assert.deepEqual(view.problems, [{ changeId: 'number:+1', outcome: 'drift', message: 'changed since the plan' }]);
    assert.equal(view.canResume, false);
  });
  it('cancelled with changes left: Resume', () => {
    const view = applyOutcome({ ...base, notStarted: ['c'], cancelled: true }, 3, '/j.jsonl');
    assert.equal(view.state, 'cancelled');
    assert.equal(view.canResume, true);
    assert.equal(view.notStarted, 1);
  });
  it('stopped by a failure with a request in flight: failed, with Resume and the reason', () => {
    const view = applyOutcome({ ...base, failed: [{ changeId: 'account:x', message: '403' }], stoppedBy: 'sign-in expired', inFlight: ['c'] }, 4, '/j.jsonl');
    assert.equal(view.state, 'failed');
    assert.equal(view.stoppedBy, 'sign-in expired');
    assert.equal(view.canResume, true);
    assert.equal(view.inFlight, 1);
  });
  it('lists at most 20 problems and counts the rest', () => {
    const failed = Array.from({ length: 25 }, (_, i) => ({ changeId: `number:${i}`, message: 'no' }));
    const view = applyOutcome({ ...base, failed }, 27, '/j.jsonl');
    assert.equal(view.problems.length, 20);
    assert.equal(view.moreProblems, 5);
  });
});

describe('liveAsPlanDocument: the live side of the diff view, in the file’s shape', () => {
  it('lists what the file names as the service has it, in the file’s order and spelling, without read-only fields', () => {
    const liveNumber = ocNumber('+442079460001', 'Contoso', { serviceProvisioningStatus: 'synced' } as Partial<ReturnType<typeof ocNumber>>);
    const config = liveNumber.serviceDetails.teamsOperatorConnect?.configuration;
    if (config) Object.assign(config, { acquiredCapabilities: ['InboundCalling'] });
    const live = liveState({
      accounts: [{ ...ocAccount('Contoso'), serviceProvisioningStatus: 'synced' } as ReturnType<typeof ocAccount>],
      numbers: [liveNumber, ocNumber('+442079460002', 'Contoso'), ocNumber('+442079460009', 'Other')],
      requests: [{ tenantId: TENANT, customerRelationship: { status: 'ConsentAcknowledged' } }],
    });
    const desired: PlanDocument = {
      gateway: { subscriptionId: 's', resourceGroup: 'r', name: 'g' },
      accounts: [
        { name: 'contoso', numbers: [entryOf(ocNumber('+442079460002', 'x')), entryOf(ocNumber('+442079460001', 'x')), entryOf(ocNumber('+442079460003', 'x'))] },
        { name: 'Missing', numbers: [] },
      ],
      relationships: [{ tenantId: TENANT, customerRelationship: { status: 'AgreementSigned' } }],
    };
    const doc = liveAsPlanDocument(desired, live);
    assert.deepEqual(doc.gateway, desired.gateway, 'the same gateway line, so it is no difference');
    assert.deepEqual(doc.accounts?.map((a) => a.name), ['Contoso'], 'an account to create is absent on the live side');
    assert.deepEqual(doc.accounts?.[0]?.numbers?.map((n) => n.telephoneNumber), ['+442079460002', '+442079460001'], "the file's order; a number to create is absent");
    const first = doc.accounts?.[0]?.numbers?.[1];
    assert.equal(first?.accountName, undefined, 'the enclosing account names it, as in the file');
    assert.equal(JSON.stringify(doc).includes('acquiredCapabilities'), false);
    assert.equal(JSON.stringify(doc).includes('serviceProvisioningStatus'), false);
    assert.deepEqual(doc.relationships, [{ tenantId: TENANT, customerRelationship: { status: 'ConsentAcknowledged' } }]);
  });

  it('with prune, shows the live numbers of a complete account that the file does not list (they would be deleted)', () => {
    const live = liveState({ accounts: [ocAccount('contoso')], numbers: [ocNumber('+442079460001', 'contoso'), ocNumber('+442079460005', 'contoso')] });
    const doc = liveAsPlanDocument({ prune: true, accounts: [{ name: 'contoso', numbers: [entryOf(ocNumber('+442079460001', 'contoso'))] }] }, live);
    assert.deepEqual(doc.accounts?.[0]?.numbers?.map((n) => n.telephoneNumber), ['+442079460001', '+442079460005']);
    const partial = liveAsPlanDocument({ prune: true, accounts: [{ name: 'contoso', numbers: [] }] }, liveState({ accounts: [ocAccount('contoso')], numbers: [ocNumber('+442079460005', 'contoso')], complete: [] }));
    assert.deepEqual(partial.accounts?.[0]?.numbers, [], 'an incomplete read says nothing about what is missing');
  });

  it('planning the live document against the same live state finds no changes', () => {
    const live = liveState({ accounts: [ocAccount('contoso')], numbers: [ocNumber('+442079460001', 'contoso')] });
    const desired: PlanDocument = { accounts: [{ ...ocAccount('contoso', { correlationId: 'other' }), numbers: [entryOf(teamsUsage('ConferenceAssignment')(ocNumber('+442079460001', 'contoso')))] }] };
    const plan = planProvisioning(liveAsPlanDocument(desired, live), live, OPTIONS);
    assert.deepEqual(plan.counts, { create: 0, update: 0, delete: 0, noop: 2 });
  });
});

describe('alignedTo: the live side in the file’s key and set order', () => {
  it('orders keys as the file does, keeps extra keys after, and takes the file’s order for an equal set', async () => {
    const { alignedTo } = await import('../../../../src/core/apply/liveDocument');
    const live = { b: 1, a: { y: ['InboundCalling', 'OutboundCalling'], x: 2 }, extra: true };
    const desired = { a: { x: 2, y: ['OutboundCalling', 'InboundCalling'] }, b: 1 };
    assert.equal(JSON.stringify(alignedTo(live, desired)), '{"a":{"x":2,"y":["OutboundCalling","InboundCalling"]},"b":1,"extra":true}');
    assert.deepEqual(alignedTo({ y: ['InboundCalling'] }, { y: ['OutboundCalling'] }), { y: ['InboundCalling'] }, 'a different set stays as it is');
  });
});
