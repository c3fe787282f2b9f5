// NameAvailability_CheckLocal: a gateway name is unavailable when it breaks the naming rule or is already used by a
// gateway anywhere in the subscription (the name feeds the gateway's auto-generated domain label).
import type { CheckNameAvailabilityResponse } from '../../src/core/models';
import { GATEWAY_RESOURCE_TYPE } from '../../src/core/models';
import { validateResourceName } from '../../src/core/rules';
import type { ServiceContext } from '../context';
import { armError } from '../errors';
import { isRecord, json, type EmulatorResponse, type RequestContext } from '../http';
import { gatewaysInSubscription, sameId } from './common';

export function checkNameAvailability(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const body = req.body;
  if (!isRecord(body)) return armError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized: send {"name": "...", "type": "Microsoft.VoiceServices/communicationsGateways"}.');
  const { name, type } = body;
  if (type !== undefined && (typeof type !== 'string' || type.toLowerCase() !== GATEWAY_RESOURCE_TYPE.toLowerCase())) {
    return armError(400, 'InvalidResourceType', `The resource type '${String(type)}' is not supported: check names of type '${GATEWAY_RESOURCE_TYPE}'.`, 'type');
  }
  const findings = validateResourceName(name);
  let result: CheckNameAvailabilityResponse;
  if (findings.length > 0 || typeof name !== 'string') {
    result = { nameAvailable: false, reason: 'Invalid', message: findings.map((f) => f.message).join(' ') || 'The name is invalid.' };
  } else if (gatewaysInSubscription(ctx.state, req.params.subscriptionId).some((g) => sameId(g.resource.name, name))) {
    result = { nameAvailable: false, reason: 'AlreadyExists', message: `A communications gateway named '${name}' already exists in this subscription.` };
  } else {
    result = { nameAvailable: true };
  }
  return json(200, result);
}
