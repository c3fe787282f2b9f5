// Create Account from a request, host side: the form's setup, the page's form turned into the core's input, and the
// confirmation that shows the exact account to be created. The decisions stay in core/enterprises/accountFromRequest.
// Types only from accountFromRequest: it brings the rule table, which the handlers load with import().
import type { ACCOUNT_FORM_SERVICES, NewAccountInput } from '../../core/enterprises/accountFromRequest';
import { requestRow } from '../../core/enterprises/requestGrid';
import type { AccountResource, RequestForInformationResource } from '../../core/models';
import type { AccountForm, AccountFormSetup } from './protocol';

type FormServices = typeof ACCOUNT_FORM_SERVICES;

export function accountFormSetup(request: RequestForInformationResource, suggestedName: string, services: FormServices): AccountFormSetup {
  return {
    tenantId: request.tenantId,
    company: requestRow(request).company,
    suggestedName,
    ...(request.accountName ? { existingAccount: request.accountName } : {}),
    services,
  };
}

/** The core's input: the Teams tenant always from the request the host read, never from the page. */
export function accountInput(form: AccountForm, request: RequestForInformationResource): NewAccountInput {
  const dr = form.directRouting;
  return {
    name: form.name.trim(),
    services: form.services,
    syncEnabled: form.syncEnabled,
    request,
    ...(dr && form.services.includes('teamsDirectRouting')
      ? { directRouting: { callScreening: dr.callScreening, subdomain: dr.subdomain.trim(), subdomainTokens: { region1Token: dr.region1Token.trim(), region2Token: dr.region2Token.trim() } } }
      : {}),
  };
}

/** The modal's message and detail: every field the PUT will carry. */
export function accountConfirmation(account: AccountResource, request: RequestForInformationResource, gatewayName: string, formServices: FormServices): { message: string; detail: string } {
  const details = account.serviceDetails ?? {};
  const services = formServices.filter((s) => details[s.key]?.enabled).map((s) => {
    const entry = details[s.key];
    const sync = entry && 'syncEnabled' in entry ? `, sync ${entry.syncEnabled ? 'on' : 'off'}` : '';
    return `  • ${s.label}${sync}`;
  });
  const dr = details.teamsDirectRouting?.configuration;
  return {
    message: `Create account ${account.name} on ${gatewayName}?`,
    detail: [
      `Company: ${requestRow(request).company}`,
      `Teams tenant: ${details.teamsTenantId ?? request.tenantId}`,
      'Services:',
      ...services,
      ...(dr
        ? [`Direct Routing: subdomain ${dr.subdomain}, call screening ${dr.callScreening ? 'on' : 'off'}`, `  region 1 token ${dr.subdomainTokens.region1Token}`, `  region 2 token ${dr.subdomainTokens.region2Token}`]
        : []),
      '',
      'The account name cannot be changed later.',
    ].join('\n'),
  };
}
