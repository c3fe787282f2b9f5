// What counts as a tenant when a person types one: a directory GUID or a verified domain name. Checked before any
// request, so a typo gets a clear message instead of an AADSTS error.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Undefined when `value` is acceptable; otherwise the message to show next to the input. */
export function validateTenant(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'Enter a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.';
  if (GUID.test(v) || DOMAIN.test(v)) return undefined;
  return `'${v}' is neither a tenant ID (GUID) nor a domain name such as contoso.onmicrosoft.com.`;
}

export function validateClientId(value: string): string | undefined {
  return GUID.test(value.trim()) ? undefined : 'Enter the application (client) ID: a GUID such as 00000000-0000-0000-0000-000000000000.';
}

export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

/** For the status bar: a domain's first label, or a GUID's first block. */
export function tenantShortName(tenant: string): string {
  if (GUID.test(tenant)) return `${tenant.slice(0, 8)}…`;
  return tenant.split('.')[0] ?? tenant;
}
