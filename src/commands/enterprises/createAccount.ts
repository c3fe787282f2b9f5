// "Create Account from Request…": the account that serves an enterprise which consented. The Teams tenant comes from
// the request; the person chooses the name (rule ACG-ACC-001, checked as typed and again before sending), the
// services and whether to sync them to Teams. One PUT with If-None-Match: *, so an account of the same name that
// appeared meanwhile is never overwritten.
import { AcgError } from '../../azure/errors';
import { companyOf } from '../../core/enterprises';
import type { CreatableService } from '../../core/enterprises/accountFromRequest';
import type { AccountResource } from '../../core/models';
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';
import { requestTarget } from './targets';

export async function createAccount(ctx: CommandContext, argument: unknown): Promise<AccountResource | undefined> {
  const target = await requestTarget(ctx, argument, 'Which enterprise do you want to create an account for?');
  if (!target) return undefined;
  const { scope, request } = target;
  const company = companyOf(request);
  // The account rules come with the rule table, which is not loaded at activation.
  const { accountFromRequest, CREATABLE_SERVICES, suggestAccountName, validateNewAccountName } = await import('../../core/enterprises/accountFromRequest');
  const existing = (await scope.data.accounts()).map((a) => a.name);

  const name = await ctx.host.ui.showInputBox({
    title: `New account for ${company}`,
    prompt: 'Account name: 1 to 100 letters, digits, _ or - (case-sensitive; cannot be changed later).',
    value: suggestAccountName(request),
    validateInput: (value) => validateNewAccountName(value, existing),
  });
  if (name === undefined) return undefined;

  const services = await ctx.host.ui.showQuickPickMany(
    CREATABLE_SERVICES.map((s) => ({ label: s.label, detail: s.detail, picked: s.pickedByDefault, key: s.key })),
    { title: `Services for ${name}`, placeHolder: 'Choose the services this account uses' },
  );
  if (!services) return undefined;

  const sync = await ctx.host.ui.showQuickPick(
    [
      { label: 'Sync with Microsoft Teams', description: 'recommended', detail: 'The gateway provisions numbers into the enterprise’s Teams tenant.', value: true },
      { label: 'Do not sync', detail: 'Numbers stay on the gateway only (for example while testing).', value: false },
    ],
    { title: `Teams sync for ${name}` },
  );
  if (!sync) return undefined;

  const keys: CreatableService[] = services.map((s) => s.key);
  const built = accountFromRequest({ name: name.trim(), services: keys, syncEnabled: sync.value, request }, existing);
  if ('error' in built) throw new AcgError({ kind: 'badRequest', message: `Not sent: ${built.error}` });

  const created = await runWithProgress(ctx.host.ui, `Creating account ${built.account.name} on ${scope.gateway.name}…`, async ({ signal }) => {
    const client = await scope.client();
    return client.createOrReplaceAccount(built.account, { onlyIfNew: true, abortSignal: signal });
  });
  ctx.enterprises.refreshPart('both');
  const node = await ctx.enterprises.findAccount(created.resource.name);
  if (node) await ctx.enterprises.reveal(node);
  void ctx.host.ui.showInformationMessage(`Created account ${created.resource.name} for ${company} (Teams tenant ${request.tenantId}).`);
  return created.resource;
}
