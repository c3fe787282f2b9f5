// Create Account from Request: the account a consent becomes. The Teams tenant comes from the request, the name is
// suggested from the company and must pass rule ACG-ACC-001 (and not be taken), and at least one service is enabled.
// The quick-pick command offers the services that need nothing more; the Requests for Information panel's form offers
// every service the API has, with Direct Routing's configuration (call screening, subdomain and the two DNS tokens
// the Teams admin provides, rules ACG-ACC-002/003).
import { SERVICES, type AccountResource, type AccountServiceDetails, type RequestForInformationResource, type ServiceKey, type TeamsDirectRoutingAccountConfig } from '../models';
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

/** Every service the API lets an account enable, as the panel's form offers them; Call Protection has no sync. */
export const ACCOUNT_FORM_SERVICES: readonly { key: ServiceKey; label: string; syncs: boolean; needsConfiguration: boolean }[] = SERVICES.map((s) => ({
  key: s.key,
  label: `${s.name} (${s.short})`,
  syncs: s.key !== 'azureOperatorCallProtection',
  needsConfiguration: s.key === 'teamsDirectRouting',
}));

export interface NewAccountInput {
  readonly name: string;
  readonly services: readonly ServiceKey[];
  readonly syncEnabled: boolean;
  readonly request: RequestForInformationResource;
  /** Required when the services include Direct Routing. */
  readonly directRouting?: TeamsDirectRoutingAccountConfig;
}

/** What is wrong with each field of the form; empty when the account can be created. */
export interface AccountFormProblems {
  name?: string;
  services?: string;
  subdomain?: string;
  region1Token?: string;
  region2Token?: string;
}

const NO_SERVICE = 'Choose at least one service for the account.';

/** Every problem of the form at once (the panel shows each next to its field), from the same rules as the PUT's check. */
export function accountFormProblems(input: NewAccountInput, existing: readonly string[] = []): AccountFormProblems {
  const problems: AccountFormProblems = {};
  const name = validateNewAccountName(input.name, existing);
  if (name) problems.name = name;
  if (input.services.length === 0) problems.services = NO_SERVICE;
  if (input.services.includes('teamsDirectRouting')) {
    const config = input.directRouting;
    if (!config) {
      problems.subdomain = 'Direct Routing needs the subdomain and the two DNS tokens from the enterprise’s Microsoft 365 admin center.';
    } else {
      const found = validateAccount({ name: 'x', serviceDetails: { teamsDirectRouting: { enabled: true, syncEnabled: true, configuration: config } } });
      for (const violation of found) {
        const field = violation.path[violation.path.length - 1];
        if ((field === 'subdomain' || field === 'region1Token' || field === 'region2Token') && problems[field] === undefined) problems[field] = violation.message;
      }
    }
  }
  return problems;
}

/** The AccountResource to PUT, or the message saying why it cannot be created (then nothing is sent). */
export function accountFromRequest(input: NewAccountInput, existing: readonly string[] = []): { account: AccountResource } | { error: string } {
  const nameProblem = validateNewAccountName(input.name, existing);
  if (nameProblem) return { error: nameProblem };
  if (input.services.length === 0) return { error: NO_SERVICE };
  const problem = Object.values(accountFormProblems(input, existing)).find((text): text is string => text !== undefined);
  if (problem) return { error: problem };
  const serviceDetails: AccountServiceDetails = { teamsTenantId: input.request.tenantId };
  for (const key of new Set(input.services)) {
    if (key === 'azureOperatorCallProtection') serviceDetails[key] = { enabled: true };
    else if (key === 'teamsDirectRouting') serviceDetails[key] = { enabled: true, syncEnabled: input.syncEnabled, ...(input.directRouting ? { configuration: input.directRouting } : {}) };
    else serviceDetails[key] = { enabled: true, syncEnabled: input.syncEnabled };
  }
  const account: AccountResource = { name: input.name, serviceDetails };
  const found = validateAccount(account);
  return found.length ? { error: found[0].message } : { account };
}
