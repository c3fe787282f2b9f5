// Reads who a token belongs to, for display only. The signature is NOT checked: the service that receives the token
// does that. We only want "ops.admin@contoso…" and the tenant id for the status bar.

export interface TokenIdentity {
  tenantId?: string;
  /** User principal name, or the app's display name, or undefined when the token says neither. */
  account?: string;
  objectId?: string;
  kind?: 'user' | 'app';
}

export function identityFromToken(accessToken: string): TokenIdentity {
  const claims = decodeClaims(accessToken);
  if (!claims) return {};
  const text = (key: string): string | undefined => (typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string) : undefined);
  const idtyp = text('idtyp');
  // v1 tokens (ARM) say `upn`/`unique_name`; v2 tokens say `preferred_username`. Apps have neither.
  const user = text('preferred_username') ?? text('upn') ?? text('unique_name');
  return {
    tenantId: text('tid'),
    account: user ?? text('app_displayname') ?? text('name'),
    objectId: text('oid'),
    kind: idtyp === 'app' || (!user && idtyp !== 'user') ? 'app' : 'user',
  };
}

/** What a token says about the caller's access: its app roles and who it is. For the role pre-flight and the audit
 * log; the token itself is neither kept nor logged. */
export interface TokenAccess {
  /** The `roles` claim; undefined when the token has none, is not a JWT, or the claim is not a list of strings. */
  roles?: readonly string[];
  /** From `idtyp`, else `scp` (only delegated, i.e. user, tokens carry scopes); undefined when the token does not say. */
  kind?: 'user' | 'app';
  /** A name for messages and the audit log: the user name, the app's display name, or "service principal <app id>". */
  who?: string;
  objectId?: string;
  tenantId?: string;
}

export function accessFromToken(accessToken: string): TokenAccess {
  const claims = decodeClaims(accessToken);
  if (!claims) return {};
  const text = (key: string): string | undefined => (typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string) : undefined);
  const roles = claims.roles;
  const idtyp = text('idtyp');
  const appId = text('appid') ?? text('azp');
  const kind = idtyp === 'app' || idtyp === 'user' ? idtyp : text('scp') !== undefined ? 'user' : undefined;
  const who = text('preferred_username') ?? text('upn') ?? text('unique_name') ?? text('app_displayname') ?? text('name') ?? (appId ? `service principal ${appId}` : undefined);
  return {
    ...(Array.isArray(roles) && roles.every((r) => typeof r === 'string') ? { roles: roles as string[] } : {}),
    ...(kind ? { kind } : {}),
    ...(who ? { who } : {}),
    ...(text('oid') ? { objectId: text('oid') } : {}),
    ...(text('tid') ? { tenantId: text('tid') } : {}),
  };
}

function decodeClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Seconds-since-epoch `exp` of a JWT, as milliseconds, or undefined when the token is not a JWT. */
export function tokenExpiry(accessToken: string): number | undefined {
  const exp = decodeClaims(accessToken)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}
