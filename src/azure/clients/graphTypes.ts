// The Microsoft Graph v1.0 shapes the onboarding checks read (API.md §4), with Graph's own property names. Only the
// properties this extension uses are typed; Graph returns more.

export interface GraphAppRole {
  id: string;
  value: string | null;
  displayName?: string | null;
  description?: string | null;
  allowedMemberTypes: ('User' | 'Application')[];
  isEnabled?: boolean;
}

export interface GraphServicePrincipal {
  id: string;
  appId: string;
  displayName?: string | null;
  appRoles?: GraphAppRole[];
  servicePrincipalType?: string | null;
}

export interface GraphAppRoleAssignment {
  id: string;
  principalId: string;
  principalType?: 'User' | 'ServicePrincipal' | 'Group' | null;
  principalDisplayName?: string | null;
  resourceId: string;
  resourceDisplayName?: string | null;
  appRoleId: string;
  createdDateTime?: string | null;
}

export interface NewAppRoleAssignment {
  principalId: string;
  resourceId: string;
  appRoleId: string;
}

export interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
}

export interface GraphDomain {
  id: string;
  isVerified: boolean;
  isDefault?: boolean;
  isInitial?: boolean;
  isRoot?: boolean;
  authenticationType?: string;
  supportedServices?: string[];
}

/** A DNS record to publish for domain verification; the TXT one carries `text` (`MS=ms…`). */
export interface GraphDomainDnsRecord {
  '@odata.type'?: string;
  id: string;
  label: string;
  recordType: string;
  ttl: number;
  isOptional?: boolean;
  supportedService?: string;
  text?: string;
  mailExchange?: string;
  preference?: number | null;
}

export interface GraphPasswordCredential {
  keyId?: string | null;
  displayName?: string | null;
  hint?: string | null;
  startDateTime?: string | null;
  endDateTime?: string | null;
}

export interface GraphApplicationCredentials {
  id: string;
  appId?: string;
  displayName?: string | null;
  passwordCredentials: GraphPasswordCredential[];
}

/** An application, named by its object id or by its application (client) id. */
export type ApplicationRef = { objectId: string } | { appId: string };

/** One request of a `$batch`: a path relative to the version (`/servicePrincipals?...`). */
export interface GraphBatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export interface GraphBatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
