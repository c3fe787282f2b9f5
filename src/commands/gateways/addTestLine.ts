// "Add Test Line": name (suggested from the verification gap, e.g. OC5), number (E.164) and purpose, each checked as
// it is typed; then a long-running create with a cancellable progress notification. Bad input never reaches ARM:
// the answers are checked again after the prompts, whatever returned them.
import type { TestLineCoverage } from '../../core/gateways/coverage';
import type { TestLine, TestLinePurpose } from '../../core/models';
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';
import { refreshGateway, resolveGateway } from './targets';

function gapText(coverage: TestLineCoverage): string {
  const short = coverage.services.filter((s) => s.missing > 0).map((s) => `${s.prefix} has ${s.automated} of ${s.required}`);
  return short.length > 0 ? `Automated lines: ${short.join(', ')}.` : `Automated lines complete (${coverage.required} per service for ${coverage.deployment}).`;
}

export async function addTestLine(ctx: CommandContext, argument: unknown): Promise<TestLine | undefined> {
  const target = await resolveGateway(argument, ctx, 'Add Test Line');
  if (!target) return undefined;
  const gatewayName = target.ref.name;
  // The name and E.164 checks (libphonenumber-js) load on first use, not at activation.
  const [{ suggestTestLineNames }, { newTestLineNumberProblem, testLineNameProblem }] = await Promise.all([
    import('../../core/gateways/testLineCoverage'),
    import('../../core/gateways/testLineInput'),
  ]);
  const { lines, coverage } = await runWithProgress(ctx.host.ui, `Reading test lines of ${gatewayName}…`, ({ signal }) => ctx.host.testLines.get(target.gateway, target.ref, signal));
  const suggestions = suggestTestLineNames(coverage, lines.map((l) => l.name ?? ''));

  const name = await ctx.host.ui.showInputBox({
    title: `Add Test Line to ${gatewayName} (1/3): name`,
    value: suggestions[0] ?? '',
    prompt: `3–24 letters, digits or -. ${gapText(coverage)}${suggestions.length > 0 ? ` Suggested: ${suggestions.join(', ')}.` : ''}`,
    placeHolder: 'OC1…OC6 / TPM1…TPM6 for service verification lines',
    validateInput: (value) => testLineNameProblem(value, lines),
    ignoreFocusOut: true,
  });
  if (name === undefined) return undefined;
  const phoneNumber = await ctx.host.ui.showInputBox({
    title: `Add Test Line ${name.trim()} to ${gatewayName} (2/3): number`,
    prompt: 'E.164: + then the country code and number, digits only, at most 16 characters (e.g. +442079460305).',
    placeHolder: '+442079460305',
    validateInput: (value) => newTestLineNumberProblem(value, lines),
    ignoreFocusOut: true,
  });
  if (phoneNumber === undefined) return undefined;
  const automatedName = /^(oc|tpm)\d*$/i.test(name.trim());
  const purposes: { label: TestLinePurpose; description: string }[] = [
    { label: 'Automated', description: 'service verification: counts towards the 6 (production) or 3 (lab) per service' },
    { label: 'Manual', description: 'for people to call by hand; not counted by verification' },
  ];
  const purpose = await ctx.host.ui.showQuickPick(automatedName ? purposes : [...purposes].reverse(), {
    title: `Add Test Line ${name.trim()} to ${gatewayName} (3/3): purpose`,
    ignoreFocusOut: true,
  });
  if (!purpose) return undefined;

  // Whatever answered the prompts, nothing invalid is sent.
  const problem = testLineNameProblem(name, lines) ?? newTestLineNumberProblem(phoneNumber, lines);
  if (problem) throw new Error(`Add Test Line: ${problem} Nothing was changed.`);
  const lineName = name.trim();
  let created: TestLine;
  try {
    created = await runWithProgress(ctx.host.ui, `Adding test line ${lineName} to ${gatewayName}`, async ({ report, signal }) => {
      const arm = (await ctx.host.services.get()).arm;
      return arm.createTestLine(target.ref, lineName, { phoneNumber: phoneNumber.trim(), purpose: purpose.label }, {
        abortSignal: signal,
        location: target.gateway.location,
        onProgress: (p) => report(p.status ? `${p.message} (${p.status})` : p.message),
      });
    });
  } finally {
    // Also after a cancel or a failure: a PUT that reached ARM may still finish, and the view must show what is there.
    refreshGateway(ctx, target);
  }
  void ctx.host.ui.showInformationMessage(`Added test line ${lineName} (${created.properties?.phoneNumber ?? phoneNumber.trim()}, ${purpose.label}) to ${gatewayName}.`);
  return created;
}
