// One credential, three audiences. ARM and Graph scopes come from the cloud table; the Provisioning API's scope is not
// published (API.md §2), so it comes from the `acg.provisioningApi.scope` setting, defaulting to the
// AzureCommunicationsGateway app's ID + "/.default".
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { CloudEndpoints } from '../../core/clouds';
import type { ServiceKind } from '../http/types';

/** The AzureCommunicationsGateway enterprise app (API.md §2). */
export const DEFAULT_PROVISIONING_SCOPE = '8502a0ec-c76d-412f-836c-398018e2312b/.default';

export type Audience = ServiceKind;

export type AudienceScopes = Readonly<Record<Audience, readonly string[]>>;

export function audienceScopes(cloud: CloudEndpoints, provisioningScope?: string): AudienceScopes {
  const provisioning = provisioningScope?.trim() || DEFAULT_PROVISIONING_SCOPE;
  return {
    arm: [cloud.resourceManagerScope],
    graph: [cloud.graphScope],
    provisioning: [provisioning],
  };
}

/** A credential plus the scopes of each audience: clients ask for "a token for ARM", never spell a scope. */
export class ScopedCredential {
  constructor(
    readonly credential: TokenCredential,
    readonly scopes: AudienceScopes,
  ) {}

  scopesFor(audience: Audience): string[] {
    return [...this.scopes[audience]];
  }

  getToken(audience: Audience, options?: GetTokenOptions): Promise<AccessToken | null> {
    return this.credential.getToken(this.scopesFor(audience), options);
  }

  /** A TokenCredential bound to one audience, for code that takes a plain credential and ignores scopes. */
  forAudience(audience: Audience): TokenCredential {
    return { getToken: (_scopes, options) => this.getToken(audience, options) };
  }
}
