// A plan for people (text, Markdown for pull requests) and for apply (the saved JSON, which is read back as untrusted).
import { strict as assert } from 'node:assert';
import {
  isPlanError, MARKDOWN_SAMPLES, parseSavedPlan, planProvisioning, planToJson, renderPlanMarkdown, renderPlanText, type SavedProvisioningPlan,
} from '../../../../src/core/apply';
import type { PlanDocument } from '../../../../src/core/config/model';
import { entryOf, liveState, ocAccount, ocNumber, OPTIONS } from './support';

const TENANT = '44444444-4444-4444-4444-444444444444';

function samplePlan(creates = 3): SavedProvisioningPlan {
  const changed = ocNumber('+442079460001', 'contoso');
  const config = changed.serviceDetails.teamsOperatorConnect?.configuration;
  if (config) config.usage = 'ConferenceAssignment';
  const desired: PlanDocument = {
    prune: true,
    relationships: [{ tenantId: TENANT, customerRelationship: { status: 'AgreementSigned' } }],
    accounts: [
      {
        ...ocAccount('contoso'),
        numbers: [entryOf(changed), ...Array.from({ length: creates }, (_, i) => entryOf(ocNumber(`+4420795${String(i).padStart(5, '0')}`, 'x', { configuration: { customSipHeader: 'a|b' } })))],
      },
    ],
  };
  const live = liveState({
    accounts: [ocAccount('contoso')],
    numbers: [ocNumber('+442079460001', 'contoso'), ocNumber('+442079469999', 'contoso')],
    requests: [{ tenantId: TENANT, customerRelationship: { status: 'CustomerContacted' } }],
  });
  return planProvisioning(desired, live, OPTIONS);
}

describe('renderPlanText', () => {
  it('lists every change with its mark and fields, then the counts and the estimate', () => {
    const text = renderPlanText(samplePlan());
    assert.match(text, /^Provisioning plan for contoso-gw\.example\.com, from plans\/contoso\.acg-plan\.json/);
    assert.match(text, /prune is on/);
    assert.match(text, /\n {2}~ update number \+442079460001 \(account contoso\)\n {6}serviceDetails\.teamsOperatorConnect\.configuration\.usage: "CallingUserAssignment" → "ConferenceAssignment"\n/);
    assert.match(text, /\n {2}- delete number \+442079469999 \(account contoso\)\n/);
    assert.match(text, /\n {2}\+ create number \+442079500000 \(account contoso\)\n/);
    assert.match(text, /\n {6}configuration\.customSipHeader: \(absent\) → "a\|b"\n/);
    assert.match(text, /\n {2}~ update relationship of tenant 4444.*\n {6}customerRelationship\.status: "CustomerContacted" → "AgreementSigned"\n/);
    assert.match(text, /Plan: 3 to create, 2 to update, 1 to delete, 1 unchanged\.\n/);
    assert.match(text, /Estimated apply time: 2 s \(3 requests at 100 a minute; a batch of up to 100 numbers counts as one\)\.\n$/);
  });

  it('says plainly when there is nothing to do', () => {
    const plan = planProvisioning({ accounts: [{ ...ocAccount('contoso') }] }, liveState({ accounts: [ocAccount('contoso')] }), OPTIONS);
    assert.match(renderPlanText(plan), /prune is off: nothing is deleted\.\n\nNo changes: the live state matches plans\/contoso\.acg-plan\.json \(1 unchanged\)\.\n$/);
  });
});

describe('renderPlanMarkdown', () => {
  it('has a heading, the summary, a counts table per kind, and folded samples per kind of change', () => {
    const md = renderPlanMarkdown(samplePlan());
    const lines = md.split('\n');
    assert.equal(lines[0], '### Provisioning plan for `contoso-gw.example.com`');
    assert.ok(lines.includes('**Plan: 3 to create, 2 to update, 1 to delete, 1 unchanged.**'));
    const table = lines.indexOf('| | Create | Update | Delete |');
    assert.deepEqual(lines.slice(table, table + 6), [
      '| | Create | Update | Delete |',
      '|---|---:|---:|---:|',
      '| Accounts | 0 | 0 | 0 |',
      '| Numbers | 3 | 1 | 1 |',
      '| Relationships | 0 | 1 | 0 |',
      '| **Total** | 3 | 2 | 1 |',
    ]);
    const summaries = lines.filter((l) => l.startsWith('<summary>'));
    assert.deepEqual(summaries, ['<summary>Numbers to create (3)</summary>', '<summary>Numbers to update (1)</summary>', '<summary>Numbers to delete (1)</summary>', '<summary>Relationships to update (1)</summary>']);
    assert.equal(lines.filter((l) => l === '<details>').length, 4);
    assert.equal(lines.filter((l) => l === '</details>').length, 4);
    // A pipe inside a value must not split the table cell.
    assert.ok(md.includes('`configuration.customSipHeader: (absent) → "a\\|b"`'));
  });

  it(`shows at most ${MARKDOWN_SAMPLES} samples of a kind and says how many more there are`, () => {
    const md = renderPlanMarkdown(samplePlan(25));
    const creates = md.slice(md.indexOf('<summary>Numbers to create (25)</summary>'), md.indexOf('<summary>Numbers to update'));
    assert.equal(creates.split('\n').filter((l) => l.startsWith('| `number +44')).length, MARKDOWN_SAMPLES);
    assert.match(creates, /…and 15 more/);
  });
});

describe('saved plan: planToJson and parseSavedPlan', () => {
  it('round-trips, one change per line', () => {
    const plan = samplePlan();
    const json = planToJson(plan);
    assert.deepEqual(parseSavedPlan(json, 'plan.json'), JSON.parse(JSON.stringify(plan)));
    const changeLines = json.split('\n').filter((l) => l.startsWith('    {"id":'));
    assert.equal(changeLines.length, plan.changes.length);
    assert.ok(json.endsWith('}\n'));
    const empty = planProvisioning({}, liveState({}), OPTIONS);
    assert.deepEqual(parseSavedPlan(planToJson(empty), 'empty.json').changes, []);
  });

  const refused = (text: string, pattern: RegExp) =>
    assert.throws(
      () => parseSavedPlan(text, 'out/plan.json'),
      (error: unknown) => isPlanError(error, 'badSavedPlan') && error.source === 'out/plan.json' && pattern.test(error.message),
    );
  const edited = (edit: (plan: Record<string, unknown> & { changes: Record<string, unknown>[] }) => void) => {
    const plan = JSON.parse(planToJson(samplePlan())) as Record<string, unknown> & { changes: Record<string, unknown>[] };
    edit(plan);
    return JSON.stringify(plan);
  };

  it('refuses what is not a saved plan, naming the file and why', () => {
    refused('{"format": ', /^out\/plan\.json: is not a saved plan: it is not valid JSON/);
    refused('{"accounts": []}', /^out\/plan\.json: is not a saved plan \(it has no "format": "acg-provisioning-plan\/1"\)\. Make one with acg plan/);
    refused('[]', /is not a saved plan/);
    refused(edited((p) => (p['format'] = 'acg-gateway-plan/1')), /is a gateway plan/);
  });

  it('refuses an old (or newer) format version with what to do', () => {
    refused(edited((p) => (p['format'] = 'acg-provisioning-plan/0')), /was written in format acg-provisioning-plan\/0, which this version of ACG Tools does not read .*plan again with acg plan/);
  });

  it('refuses a tampered plan, listing each inconsistency', () => {
    refused(edited((p) => ((p['counts'] as Record<string, number>)['delete'] = 0)), /counts\.delete is 0 but the plan holds 1 such changes/);
    refused(edited((p) => (p.changes[1]['id'] = 'number:+15555550100')), /changes\[1\]\.id is "number:\+15555550100" but the change is number:\+442079460001/);
    refused(edited((p) => p.changes.reverse()), /out of apply order/);
    refused(edited((p) => p.changes.push(p.changes[2])), /repeats number:/);
    refused(edited((p) => ((p.changes[1]['body'] as Record<string, unknown>)['accountName'] = 'fabrikam')), /changes\[1\]\.body must be number \+442079460001 of account contoso/);
    refused(edited((p) => ((p['desired'] as Record<string, unknown>)['sha256'] = 'abc')), /desired must name the desired file \(path\) and its SHA-256/);
    refused(edited((p) => (p.changes[0]['action'] = 'replace')), /changes\[0\]\.action must be create, update or delete/);
    refused(edited((p) => ((p['estimate'] as Record<string, number>)['requests'] = 1)), /estimate\.requests is 1 but the changes need 3/);
    refused(edited((p) => (p.changes[5]['status'] = 'Friends')), /changes\[5\]\.status is not a relationship status/);
  });
});
