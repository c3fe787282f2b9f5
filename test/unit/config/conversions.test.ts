// Conversions the commands use: CSV to plan, splitting plans and CSVs, runbooks to PowerShell, and helpers.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  configKindOf,
  csvToPlan,
  migrationToPowerShell,
  offsetToLineColumn,
  partFileName,
  planToText,
  splitCsv,
  splitPlan,
  validateConfig,
  type PlanDocument,
} from '../../../src/core/config';
import { MIGRATION } from './fixtures';

const sample = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'samples', name), 'utf8');

function plan(accounts: [string, number][]): string {
  let next = 0;
  return planToText({
    accounts: accounts.map(([name, count]) => ({
      name,
      serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } },
      numbers: Array.from({ length: count }, () => ({
        telephoneNumber: `+4420${30000000 + next++}`,
        serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } } },
      })),
    })),
    relationships: [{ tenantId: 'd03b82dc-4553-48a6-9dc6-6947743824e4', customerRelationship: { status: 'CustomerContacted' } }],
  });
}

describe('config conversions', () => {
  describe('csvToPlan', () => {
    it('turns the Operator Connect sample into a valid plan, one account per accountName', () => {
      const { plan: result, diagnostics, skippedRows } = csvToPlan(sample('numbers-oc.acg-numbers.csv'));
      assert.deepEqual(diagnostics, []);
      assert.equal(skippedRows, 0);
      assert.deepEqual(result.accounts?.map((a) => [a.name, a.numbers?.length]), [['Northwind-Traders', 4], ['Fabrikam-Finance', 1]]);
      const first = result.accounts?.[0]?.numbers?.[0];
      assert.deepEqual(first?.serviceDetails.teamsOperatorConnect?.configuration?.choosableCapabilities, ['InboundCalling', 'OutboundCalling']);
      assert.equal(first?.configuration?.customSipHeader, 'northwind-traders');
      assert.deepEqual(validateConfig('plan', planToText(result)), []);
    });

    it('converts Teams Phone Mobile rows under teamsPhoneMobile', () => {
      const { plan: result } = csvToPlan(sample('numbers-tpm.acg-numbers.csv'));
      assert.deepEqual(Object.keys(result.accounts?.[0]?.serviceDetails ?? {}), ['teamsPhoneMobile']);
      assert.deepEqual(validateConfig('plan', planToText(result)), []);
    });

    it('repairs what quick fixes repair, and leaves out rows nothing repairs and repeats', () => {
      const { plan: result, diagnostics, skippedRows } = csvToPlan(sample('broken.acg-numbers.csv'), { defaultCountry: 'GB' });
      assert.ok(diagnostics.length > 0);
      const numbers = result.accounts?.flatMap((a) => a.numbers ?? []).map((n) => n.telephoneNumber);
      // Kept: the clean row, the national number (GB) and the 2023-format number. Left out: a bad account name, a
      // toll-free number without its display country, a "yes" boolean, the repeated number and the short row.
      assert.deepEqual(numbers, ['+442030000100', '+442030000101', '+442030000102']);
      assert.equal(skippedRows, 5);
      const usage = result.accounts?.[0]?.numbers?.[2]?.serviceDetails.teamsOperatorConnect?.configuration?.usage;
      assert.equal(usage, 'CallingUserAssignment');
    });

    it('converts a 2023 one-column file with the settings it lacks', () => {
      const { plan: result } = csvToPlan(sample('broken-legacy.acg-numbers.csv'), { accountName: 'Contoso', legacy: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } });
      assert.deepEqual(result.accounts?.[0]?.numbers?.map((n) => n.telephoneNumber), ['+441632960000', '+441632960001', '+441632960002']);
      assert.deepEqual(validateConfig('plan', planToText(result)), []);
      const without = csvToPlan(sample('broken-legacy.acg-numbers.csv'));
      assert.deepEqual(without.plan.accounts, []);
      assert.ok(without.diagnostics.some((d) => /choose the account/.test(d.message)));
    });
  });

  describe('splitPlan', () => {
    it('leaves a plan that fits as it is', () => {
      const text = plan([['A', 10]]);
      assert.deepEqual(splitPlan(text, 10), [{ fileSuffix: '', text }]);
    });

    it('splits into parts of at most maxNumbers, keeping order, accounts and relationships', () => {
      const text = plan([['A', 12], ['Empty', 0], ['B', 13]]);
      const parts = splitPlan(text, 10);
      assert.deepEqual(parts.map((p) => p.fileSuffix), ['', '.part2', '.part3']);
      const docs = parts.map((p) => JSON.parse(p.text) as PlanDocument);
      assert.deepEqual(docs.map((d) => d.accounts?.map((a) => `${a.name}:${a.numbers?.length ?? 0}`)), [['A:10', 'Empty:0'], ['A:2', 'B:8'], ['B:5']]);
      assert.equal(docs[0].relationships?.length, 1);
      assert.equal(docs[1].relationships, undefined);
      const original = (JSON.parse(text) as PlanDocument).accounts?.flatMap((a) => a.numbers ?? []);
      assert.deepEqual(docs.flatMap((d) => d.accounts?.flatMap((a) => a.numbers ?? []) ?? []), original);
      for (const part of parts) assert.deepEqual(validateConfig('plan', part.text), []);
    });

    it('leaves prune out of every part: one part alone would delete the numbers the others list', () => {
      const text = planToText({ ...(JSON.parse(plan([['A', 12]])) as PlanDocument), prune: true });
      const docs = splitPlan(text, 10).map((p) => JSON.parse(p.text) as PlanDocument);
      assert.equal(docs.length, 2);
      assert.deepEqual(docs.map((d) => d.prune), [undefined, undefined]);
    });

    it('refuses a nonsensical maximum', () => {
      assert.throws(() => splitPlan(plan([['A', 1]]), 0), RangeError);
    });
  });

  it('splitCsv repeats the heading row in every part', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `+4420${30000000 + i},A,true,FirstPartyAppAssignment,InboundCalling`);
    const header = 'telephoneNumber,accountName,serviceDetails_teamsOperatorConnect_enabled,serviceDetails_teamsOperatorConnect_configuration_usage,serviceDetails_teamsOperatorConnect_configuration_choosableCapabilities';
    const parts = splitCsv([header, ...rows].join('\r\n'), 10);
    assert.deepEqual(parts.map((p) => p.text.split(/\r?\n/).filter(Boolean).length), [11, 11, 6]);
    for (const part of parts) assert.ok(part.text.startsWith(`${header}\r\n`));
  });

  describe('migrationToPowerShell', () => {
    it('writes the admin steps in order for a valid runbook', () => {
      const { script, diagnostics } = migrationToPowerShell(sample('move-to-oc.acg-migration.json'));
      assert.deepEqual(diagnostics, []);
      const steps = [
        "Connect-MicrosoftTeams -TenantId 'd03b82dc-4553-48a6-9dc6-6947743824e4'",
        "Remove-CsPhoneNumberAssignment -Identity 'megan.bowen@northwindtraders.example' -PhoneNumber '+442030000051' -PhoneNumberType CallingPlan",
        "Set-MgUserLicense -UserId 'megan.bowen@northwindtraders.example'",
        "Grant-CsOnlineVoiceRoutingPolicy -Identity 'alex.wilber@northwindtraders.example' -PolicyName $null",
        "Set-CsUser -Identity 'lee.gu@northwindtraders.example' -OnPremLineURI $null",
        'Start-Sleep -Seconds 1800',
        "New-CsTeamsMobilityPolicy -Identity 'Northwind-Mobile' -MobileDialerPreference Teams",
        "Grant-CsTeamsUpgradePolicy -Identity 'adele.vance@northwindtraders.example' -PolicyName UpgradeToTeams",
        "Set-CsPhoneNumberAssignment -Identity 'megan.bowen@northwindtraders.example' -PhoneNumber '+442030000051' -PhoneNumberType OperatorConnect -LocationId 'a93408d4-1063-41ce-8a27-e5d7ee07f17d'",
        "Set-CsPhoneNumberAssignment -Identity 'adele.vance@northwindtraders.example' -PhoneNumber '+447700900601' -PhoneNumberType OCMobile",
      ];
      let at = 0;
      for (const step of steps) {
        const found = script.indexOf(step, at);
        assert.ok(found >= 0, `missing or out of order: ${step}`);
        at = found;
      }
    });

    it('waits the longest wait asked for, and quotes what it is given', () => {
      const text = MIGRATION.replace('"waitMinutes": 45', '"waitMinutes": 45').replace('megan@northwind.example', "o'brien@northwind.example");
      const { script } = migrationToPowerShell(text);
      assert.ok(script.includes('Start-Sleep -Seconds 2700'));
      assert.ok(script.includes("'o''brien@northwind.example'"));
    });

    it('writes no script for a runbook with errors', () => {
      const { script, diagnostics } = migrationToPowerShell(sample('broken.acg-migration.json'));
      assert.equal(script, '');
      assert.ok(diagnostics.some((d) => d.severity === 'error'));
    });
  });

  it('names files and positions', () => {
    assert.equal(configKindOf('C:\\work\\Contoso.ACG-PLAN.JSON'), 'plan');
    assert.equal(configKindOf('x/numbers.acg-numbers.csv'), 'numbersCsv');
    assert.equal(configKindOf('.acg-plan.json'), undefined);
    assert.equal(configKindOf('plan.json'), undefined);
    assert.equal(partFileName('dir/northwind.acg-plan.json', '.part2'), 'dir/northwind.part2.acg-plan.json');
    assert.equal(partFileName('n.acg-numbers.csv', ''), 'n.acg-numbers.csv');
    assert.deepEqual(offsetToLineColumn('a\r\nbc\rd\ne', 5), { line: 2, column: 3 });
    assert.deepEqual(offsetToLineColumn('a\r\nbc\rd\ne', 6), { line: 3, column: 1 });
    assert.deepEqual(offsetToLineColumn('abc', 99), { line: 1, column: 4 });
  });
});
