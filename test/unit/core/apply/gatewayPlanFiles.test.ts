// A saved gateway plan: text and Markdown for people, the JSON file apply executes (read back as untrusted input, so
// a tampered or old file is refused), and `prune` in *.acg-gateway.json as the only way to delete test lines.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isPlanError,
  parseAnySavedPlan,
  parseSavedGatewayPlan,
  parseSavedPlan,
  planGateway,
  planToJson,
  renderGatewayPlanMarkdown,
  renderGatewayPlanText,
  type LiveGatewayState,
  type SavedGatewayPlan,
} from '../../../../src/core/apply';
import { validateConfig } from '../../../../src/core/config';
import type { GatewayDocument } from '../../../../src/core/config/model';
import { NOW, SHA } from './support';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SAMPLE = join(ROOT, 'samples', 'contoso-lab.acg-gateway.json');
const OPTIONS = { desiredPath: 'contoso-lab.acg-gateway.json', desiredSha256: SHA, now: NOW };

function doc(): GatewayDocument {
  return JSON.parse(readFileSync(SAMPLE, 'utf8')) as GatewayDocument;
}

/** The sample as live, less OC3, plus an unlisted OLD9, with other codecs: one update, one create, one delete. */
function samplePlan(): SavedGatewayPlan {
  const desired = { ...doc(), prune: true };
  const gatewayId = `/subscriptions/${desired.subscriptionId}/resourceGroups/${desired.resourceGroup}/providers/Microsoft.VoiceServices/communicationsGateways/${desired.name}`;
  const lines = [...(desired.testLines ?? []).slice(0, 2), { name: 'OLD9', properties: { phoneNumber: '+442079469999', purpose: 'Manual' as const } }];
  const live: LiveGatewayState = {
    gatewayId,
    readAt: NOW.toISOString(),
    gateway: { resource: { name: desired.name, location: 'eastus', tags: desired.tags, properties: { ...desired.properties, codecs: ['PCMA'] } }, etag: '"gw-1"' },
    testLines: new Map(lines.map((l) => [l.name.toLowerCase(), { resource: { name: l.name, location: 'eastus', properties: l.properties } }])),
  };
  return planGateway(desired, live, OPTIONS);
}

describe('saved gateway plans', () => {
  it('render every change in text, with the prune line and the summary', () => {
    const text = renderGatewayPlanText(samplePlan());
    assert.match(text, /^Gateway plan for \/subscriptions\/.*\/contoso-lab-gw, from contoso-lab\.acg-gateway\.json/);
    assert.match(text, /prune is on: test lines the file does not list are deleted\./);
    assert.match(text, / {2}~ update gateway contoso-lab-gw\n {6}properties\.codecs: \["PCMA"\] → \["PCMA","PCMU","G722"\]/);
    assert.match(text, / {2}- delete test line OLD9\n {2}\+ create test line OC3\n {6}properties\.phoneNumber: \(absent\) → "\+442079460203"/);
    assert.match(text, /Plan: 1 to create, 1 to update, 1 to delete, 2 unchanged\.\n$/);
  });

  it('render a Markdown table per kind with every change folded in <details>', () => {
    const md = renderGatewayPlanMarkdown(samplePlan());
    assert.match(md, /\| Gateway \| 0 \| 1 \| 0 \|\n\| Test lines \| 1 \| 0 \| 1 \|\n\| \*\*Total\*\* \| 1 \| 1 \| 1 \|/);
    assert.match(md, /<summary>Changes \(3\)<\/summary>/);
    assert.match(md, /\| - `delete test line OLD9` \| — \|/);
    assert.match(md, /> prune is on: test lines the file does not list are \*\*deleted\*\*\./);
  });

  it('round-trip through the JSON file, and parseAnySavedPlan tells the two kinds apart', () => {
    const plan = samplePlan();
    const json = planToJson(plan);
    assert.deepEqual(parseSavedGatewayPlan(json, 'plan.json'), JSON.parse(JSON.stringify(plan)));
    assert.equal(parseAnySavedPlan(json, 'plan.json').kind, 'gateway');
    assert.throws(() => parseSavedPlan(json, 'plan.json'), /is a gateway plan, not a provisioning plan/);
  });

  const refused = (text: string, pattern: RegExp) =>
    assert.throws(
      () => parseSavedGatewayPlan(text, 'out/plan.json'),
      (error: unknown) => isPlanError(error, 'badSavedPlan') && error.source === 'out/plan.json' && pattern.test(error.message),
    );
  const edited = (edit: (plan: Record<string, unknown> & { changes: Record<string, unknown>[] }) => void) => {
    const plan = JSON.parse(planToJson(samplePlan())) as Record<string, unknown> & { changes: Record<string, unknown>[] };
    edit(plan);
    return JSON.stringify(plan);
  };

  it('refuses what is not a gateway plan, and an old format, with what to do', () => {
    refused('{"format": ', /^out\/plan\.json: is not a saved plan: it is not valid JSON/);
    refused('{"name": "x"}', /is not a saved plan \(it has no "format"/);
    refused(edited((p) => (p['format'] = 'acg-provisioning-plan/1')), /is a provisioning plan, not a gateway plan/);
    refused(edited((p) => (p['format'] = 'acg-gateway-plan/0')), /was written in format acg-gateway-plan\/0, which this version of ACG Tools does not read .*plan again/);
  });

  it('refuses a tampered plan, listing each inconsistency', () => {
    refused(edited((p) => (p['prune'] = false)), /changes\[1\] deletes testLine:OLD9 but prune is false/);
    refused(edited((p) => ((p['counts'] as Record<string, number>)['create'] = 5)), /counts\.create is 5 but the plan holds 1 such changes/);
    refused(edited((p) => p.changes.reverse()), /out of apply order/);
    refused(edited((p) => (p.changes[2]['id'] = 'testLine:OC9')), /changes\[2\]\.id is "testLine:OC9" but the change is testLine:OC3/);
    refused(edited((p) => ((p.changes[0]['body'] as Record<string, unknown>)['name'] = 'other-gw')), /changes\[0\]\.body must be the gateway "contoso-lab-gw"/);
    refused(edited((p) => (p.changes[0]['action'] = 'delete')), /a plan never deletes the gateway/);
    refused(edited((p) => ((p['gateway'] as Record<string, unknown>)['id'] = 'contoso-lab-gw')), /gateway\.id must be the ARM resource id/);
    refused(edited((p) => (p.changes[2]['kind'] = 'number')), /changes\[2\]\.kind must be gateway or testLine/);
  });
});

describe('gateway files: prune', () => {
  const withPrune = (prune: unknown) => validateConfig('gateway', JSON.stringify({ ...doc(), prune }));
  const baseline = validateConfig('gateway', readFileSync(SAMPLE, 'utf8')).length;

  it('accepts true and false without a finding, refuses anything else', () => {
    assert.equal(withPrune(true).length, baseline);
    assert.equal(withPrune(false).length, baseline);
    const added = withPrune('yes').filter((f) => f.ruleId === 'ACG-SCHEMA-002' && /prune must be true or false/.test(f.message));
    assert.equal(added.length, 1);
  });

  it('is in the gateway JSON Schema as a boolean', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'acg-gateway.schema.json'), 'utf8')) as { properties: Record<string, { type?: string }> };
    assert.equal(schema.properties['prune']?.type, 'boolean');
  });
});
