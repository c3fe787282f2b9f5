// The tenants the signed-in account can reach: ARM `GET /tenants?api-version=2022-12-01`. Not every endpoint serves
// it (the emulator does not; a service principal sees only its own tenant), so "not available" is an answer here,
// and the face then asks for a tenant id or domain instead.
import type { CloudEndpoints } from '../../core/clouds';
import { isAcgError } from '../errors';
import { collectAll, pageByNextLink, type HttpPipeline } from '../http';

export const TENANTS_API_VERSION = '2022-12-01';

export interface TenantInfo {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
  domains?: string[];
}

interface ArmTenant {
  tenantId?: string;
  displayName?: string;
  defaultDomain?: string;
  domains?: string[];
}

/** The tenants, or undefined when the endpoint does not offer the list (404/405/501). Other failures throw. */
export async function listTenants(pipeline: HttpPipeline, cloud: CloudEndpoints, abortSignal?: AbortSignal): Promise<TenantInfo[] | undefined> {
  try {
    const items = await collectAll(
      pageByNextLink<ArmTenant>(pipeline, {
        method: 'GET',
        url: `${cloud.resourceManager}/tenants?api-version=${TENANTS_API_VERSION}`,
        service: 'arm',
        operation: 'list tenants',
        scopes: [cloud.resourceManagerScope],
        abortSignal,
      }),
    );
    return items
      .filter((t): t is ArmTenant & { tenantId: string } => typeof t.tenantId === 'string')
      .map((t) => ({ tenantId: t.tenantId, displayName: t.displayName, defaultDomain: t.defaultDomain, domains: t.domains }));
  } catch (error) {
    if (isAcgError(error) && (error.kind === 'notFound' || error.status === 404 || error.status === 405 || error.status === 501)) return undefined;
    throw error;
  }
}
