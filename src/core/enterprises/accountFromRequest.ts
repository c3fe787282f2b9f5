// Create Account from Request: the account a consent becomes. The Teams tenant comes from the request, the name is
// suggested from the company and must pass rule ACG-ACC-001 (and not be taken), and at least one service is enabled.
// Direct Routing is not offered here: it needs a subdomain and DNS tokens that only the Teams admin can provide.
import type { AccountResource, AccountServiceDetails, RequestForInformationResource } from '../models';
import { ACCOUNT_NAME_MAX_LENGTH, validateAccount, validateAccountName } from '../rules/accountRules';
import { companyOf } from './requestDisplay';

export type CreatableService = 'teamsOperatorConnect' | 'teamsPhoneMobile' | 'zoomPhoneCloudPeering';

export const CREATABLE_SERVICES: readonly { key: CreatableService; label: string; detail: string; pickedByDefault: boolean }[] = [
  { key: 'teamsOperatorConnect', label: 'Operator Connect (OC)', detail: 'Teams Phone numbers through this operator', pickedByDefault: true },
  { key: 'teamsPhoneMobile', label: 'Teams Phone Mobile (TPM)', detail: 'Mobile numbers in Teams', pickedByDefault: false },
  { key: 'zoomPhoneCloudPeering', label: 'Zoom Phone Cloud Peering', detail: 'Zoom Phone numbers', pickedByDefault: false },
];

/** A valid account name from the company: "Fabrikam, Inc." becomes "Fabrikam-Inc". Falls back to the tenant id. */
export function suggestAccountName(request: RequestForInformationResource): string {
  const base = companyOf(request)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, ACCOUNT_NAME_MAX_LENGTH);
  return base !== '' ? base : request.tenantId;
}

/** The input box's message for `name`, or undefined when it can be used. `existing`: names already on the gateway. */
export function validateNewAccountName(name: string, existing: readonly string[] = []): string | undefined {
  const found = validateAccountName(name);
  if (found.length) return found[0].message;
  // Account names are case-sensitive in the service, but two names differing only in case confuse people.
  const clash = existing.find((other) => other.toLowerCase() === name.toLowerCase());
  if (clash === name) return `Account ${name} already exists on this gateway.`;
  if (clash) return `Account ${clash} already exists on this gateway (names differing only in case are confusing).`;
  return undefined;
}

export interface NewAccountInput {
  readonly name: string;
  readonly services: readonly CreatableService[];
  readonly syncEnabled: boolean;
  readonly request: RequestForInformationResource;
}

/** The AccountResource to PUT, or the message saying why it cannot be created (then nothing is sent). */
export function accountFromRequest(input: NewAccountInput, existing: readonly string[] = []): { account: AccountResource } | { error: string } {
  const nameProblem = validateNewAccountName(input.name, existing);
  if (nameProblem) return { error: nameProblem };
  if (input.services.length === 0) return { error: 'Choose at least one service for the account.' };
  const serviceDetails: AccountServiceDetails = { teamsTenantId: input.request.tenantId };
  for (const key of input.services) serviceDetails[key] = { enabled: true, syncEnabled: input.syncEnabled };
  const account: AccountResource = { name: input.name, serviceDetails };
  const found = validateAccount(account);
  return found.length ? { error: found[0].message } : { account };
}
