// The live side of a gateway plan: the ARM resource the *.acg-gateway.json names (with its ETag, when ARM gives one)
// and its test lines. A gateway that does not exist yet is a live state too (the plan creates it); anything else that
// stops the read (sign-in, role, network) is thrown as the AcgError it is.
import type { LiveGatewayState, Versioned } from '../../core/apply/types';
import type { GatewayDocument } from '../../core/config/model';
import type { GatewayRef, TestLine } from '../../core/models';
import type { ArmClient } from '../clients/arm';
import { gatewayResourceId } from '../clients/armIds';
import { isAcgError } from '../errors';

export type GatewayReader = Pick<ArmClient, 'getGatewayVersioned' | 'listTestLines'>;

export function gatewayRefOfDocument(desired: Pick<GatewayDocument, 'subscriptionId' | 'resourceGroup' | 'name'>): GatewayRef {
  return { subscriptionId: desired.subscriptionId, resourceGroupName: desired.resourceGroup, name: desired.name };
}

export async function readLiveGatewayState(
  arm: GatewayReader,
  desired: Pick<GatewayDocument, 'subscriptionId' | 'resourceGroup' | 'name'>,
  options: { signal?: AbortSignal; onProgress?: (message: string) => void } = {},
): Promise<LiveGatewayState> {
  const ref = gatewayRefOfDocument(desired);
  const readAt = new Date().toISOString();
  const call = options.signal ? { abortSignal: options.signal } : {};
  options.onProgress?.(`reading gateway ${ref.name}`);
  let read: Awaited<ReturnType<GatewayReader['getGatewayVersioned']>>;
  try {
    read = await arm.getGatewayVersioned(ref, call);
  } catch (error) {
    if (isAcgError(error, 'notFound')) return { gatewayId: gatewayResourceId(ref), readAt, testLines: new Map() };
    throw error;
  }
  options.onProgress?.(`reading the test lines of ${ref.name}`);
  const lines = await arm.listTestLines(ref, call);
  const testLines = new Map<string, Versioned<TestLine>>();
  for (const line of lines) {
    if (line.name === undefined) continue;
    const etag = (line as TestLine & { etag?: unknown }).etag;
    testLines.set(line.name.toLowerCase(), { resource: line, ...(typeof etag === 'string' ? { etag } : {}) });
  }
  return {
    gatewayId: read.gateway.id ?? gatewayResourceId(ref),
    readAt,
    gateway: { resource: read.gateway, ...(read.etag === undefined ? {} : { etag: read.etag }) },
    testLines,
  };
}
