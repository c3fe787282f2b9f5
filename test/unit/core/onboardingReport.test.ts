// The onboarding report in its four forms: what a person reads in a terminal or a ticket, what a script parses, and
// SARIF that the official schema accepts. Values come from services and people, so the Markdown must keep them inert.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import {
  checkExitCode, escapeMarkdown, formatEvidenceValue, renderMarkdown, renderSarif, renderText, reportJson, summaryLine,
  type OnboardingReport,
} from '../../../src/core/onboarding/report';
import type { CheckResult } from '../../../src/core/onboarding/types';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE = { title: 'Connect to Operator Connect', url: 'https://learn.microsoft.com/azure/communications-gateway/connect-operator-connect' };

function check(partial: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status'>): CheckResult {
  return { title: partial.id, stage: 'entra', summary: `${partial.id} summary`, evidence: [], why: 'Because.', source: SOURCE, manual: false, ...partial };
}

const MISSING = [{ name: 'Data.Read', id: 'eb63d611-525e-4a31-abd7-0cb33f679599' }, { name: 'Data.Write', id: '98d32f93-eaa7-4657-b443-090c23e69f27' }];

const REPORT: OnboardingReport = {
  gateway: { name: 'fabrikam-new-gw', id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/fabrikam-new-gw' },
  generatedAt: '2026-12-03T18:00:00.000Z',
  checks: [
    check({ id: 'gateway.status', stage: 'deployment', status: 'pass', title: 'Provisioning status is Complete', evidence: [{ label: 'status', value: 'Complete' }] }),
    check({
      id: 'identity.synergy-roles',
      status: 'fail',
      title: "The gateway's managed identity holds the Project Synergy roles",
      summary: '2 of 7 Project Synergy roles are missing: Data.Read, Data.Write.',
      evidence: [{ label: 'Missing roles', value: MISSING }, { label: 'Held', value: 5 }],
      fix: {
        title: 'Assign the 2 missing roles',
        description: 'Adds exactly the missing assignments.',
        writes: MISSING.map((role) => ({ service: 'graph' as const, method: 'POST' as const, path: '/servicePrincipals/e1/appRoleAssignments', body: { appRoleId: role.id }, description: `Assign ${role.name} (${role.id})` })),
        recheckWithBackoff: true,
      },
    }),
    check({ id: 'domain.verified', status: 'error', summary: 'Could not read domain. Missing permission: Domain.Read.All' }),
    check({ id: 'oc.portal-app-ids', stage: 'operatorConnect', status: 'manual', manual: true, evidence: [{ label: 'App ID', value: '8502a0ec-c76d-412f-836c-398018e2312b', copy: true }] }),
    check({ id: 'tpm.voicemail-mcp', stage: 'teamsPhoneMobile', status: 'skipped' }),
    check({ id: 'gateway.platforms', stage: 'deployment', status: 'warn' }),
  ],
};

describe('onboarding report', () => {
  it('fails a pipeline only on failed checks and checks that could not run', () => {
    assert.equal(checkExitCode(REPORT.checks), 1);
    assert.equal(checkExitCode(REPORT.checks.filter((c) => c.status !== 'fail' && c.status !== 'error')), 0);
    assert.equal(checkExitCode(REPORT.checks.filter((c) => c.status !== 'fail')), 1, 'an error alone still fails');
    assert.equal(checkExitCode([]), 0);
  });

  it('counts statuses most urgent first', () => {
    assert.equal(summaryLine(REPORT.checks), '1 failed, 1 could not check, 1 warning, 1 manual step, 1 passed, 1 skipped');
  });

  it('writes evidence values on one line, roles as "name (id)"', () => {
    assert.equal(formatEvidenceValue(MISSING), 'Data.Read (eb63d611-525e-4a31-abd7-0cb33f679599), Data.Write (98d32f93-eaa7-4657-b443-090c23e69f27)');
    assert.equal(formatEvidenceValue(null), 'none');
    assert.equal(formatEvidenceValue([]), 'none');
    assert.equal(formatEvidenceValue(true), 'yes');
    assert.equal(formatEvidenceValue({ label: 'asuid', ttl: 3600 }), 'label: asuid; ttl: 3600');
  });

  it('renders text grouped by stage in the guides\' order, with evidence and the writes a fix would make', () => {
    const text = renderText(REPORT);
    const deployment = text.indexOf('\nDeployment\n');
    const entra = text.indexOf('\nMicrosoft Entra ID\n');
    const tpm = text.indexOf('\nTeams Phone Mobile\n');
    assert.ok(deployment > 0 && entra > deployment && tpm > entra, text);
    assert.match(text, /\[FAIL\]\s+The gateway's managed identity holds the Project Synergy roles \(identity\.synergy-roles\)/);
    assert.match(text, /Missing roles: Data\.Read \(eb63d611-525e-4a31-abd7-0cb33f679599\), Data\.Write/);
    assert.match(text, /Fix: Assign the 2 missing roles\. Run: acg check --fix identity\.synergy-roles --yes/);
    assert.equal(text.match(/- POST Microsoft Graph \/servicePrincipals\/e1\/appRoleAssignments: Assign Data\.(Read|Write)/g)?.length, 2);
    assert.match(text, /\[ERROR\]\s+domain\.verified/);
    assert.ok(text.trimEnd().endsWith('1 failed, 1 could not check, 1 warning, 1 manual step, 1 passed, 1 skipped.'));
  });

  it('renders Markdown with a summary table, status words beside icons, and sources', () => {
    const md = renderMarkdown(REPORT);
    assert.match(md, /^# Onboarding checks: fabrikam\\-new\\-gw\n/);
    assert.match(md, /\| ❌ Failed \| 1 \|/);
    assert.match(md, /### ❌ The gateway's managed identity holds the Project Synergy roles: Failed/);
    assert.match(md, /- Missing roles: `Data\.Read \(eb63d611-525e-4a31-abd7-0cb33f679599\), Data\.Write \(98d32f93-eaa7-4657-b443-090c23e69f27\)`/);
    assert.match(md, /\[Connect to Operator Connect\]\(https:\/\/learn\.microsoft\.com\/azure\/communications-gateway\/connect-operator-connect\)/);
    assert.ok(!md.includes('Fix: **') || md.indexOf('Fix: **') > md.indexOf('identity'), 'a passing check offers no fix');
  });

  it('keeps values from services inert in Markdown', () => {
    const hostile = check({ id: 'x', status: 'fail', title: 'A | B <img src=x onerror=alert(1)>', summary: 'line1\n# heading', evidence: [{ label: '[link](javascript:alert(1))', value: 'a`b``c' }] });
    const md = renderMarkdown({ ...REPORT, checks: [hostile] });
    assert.ok(!md.includes('<img'), md);
    assert.ok(!md.includes('\n# heading'), md);
    assert.ok(!md.includes('[link](javascript'), md);
    assert.ok(md.includes('```a`b``c```'), 'a code span longer than any backtick run inside');
    assert.equal(escapeMarkdown('a|b'), 'a\\|b');
  });

  it('gives scripts every check with id, title, stage, status, evidence and the fix', () => {
    const json = JSON.parse(JSON.stringify(reportJson(REPORT))) as { gateway: { name: string }; summary: Record<string, number>; checks: { id: string; status: string; evidence: { label: string; value: unknown }[]; fix?: { writes: unknown[] } }[] };
    assert.equal(json.gateway.name, 'fabrikam-new-gw');
    assert.equal(json.summary['fail'], 1);
    const identity = json.checks.find((c) => c.id === 'identity.synergy-roles')!;
    assert.deepEqual(identity.evidence[0], { label: 'Missing roles', value: MISSING });
    assert.equal(identity.fix?.writes.length, 2);
    assert.equal(json.checks.find((c) => c.id === 'gateway.status')!.fix, undefined);
  });

  it('writes SARIF 2.1.0 that validates against the official schema, one result per check with its kind', () => {
    const log = JSON.parse(JSON.stringify(renderSarif(REPORT))) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; kind: string; level: string }[] }[] };
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const [run] = log.runs;
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), REPORT.checks.map((c) => c.id));
    const kinds = Object.fromEntries(run.results.map((r) => [r.ruleId, `${r.kind}/${r.level}`]));
    assert.deepEqual(kinds, {
      'gateway.status': 'pass/none',
      'identity.synergy-roles': 'fail/error',
      'domain.verified': 'fail/error',
      'oc.portal-app-ids': 'review/none',
      'tpm.voicemail-mcp': 'notApplicable/none',
      'gateway.platforms': 'fail/warning',
    });
  });
});
