// TestLines_*: children of a gateway, with the same long-running PUT and DELETE as the gateway itself.
import { parseGatewayId } from '../../src/core/ids';
import type { TestLine } from '../../src/core/models';
import { TEST_LINE_PURPOSES, TEST_LINE_RESOURCE_TYPE } from '../../src/core/models';
import { validateTags, validateTestLine } from '../../src/core/rules';
import type { ServiceContext } from '../context';
import { armError } from '../errors';
import { isRecord, json, noContent, type EmulatorResponse, type RequestContext } from '../http';
import type { GatewayRecord } from '../state';
import { PROVIDER, armValidationError, normalizeLocation, pageOf, resourceNotFound, sameId, unknownMember } from './common';
import { errorsOnly, readTags } from './gatewayBody';
import { anotherOperationInProgress, invalidResourceName, lookupGateway, nextSystemData, render } from './gateways';
import { asyncOperationHeaders, locationHeaders, operationsOf } from './operations';

function findTestLine(record: GatewayRecord, name: string): TestLine | undefined {
  return record.testLines.find((t) => sameId(t.name, name));
}

function testLineNotFound(req: RequestContext): EmulatorResponse {
  const { communicationsGatewayName, testLineName, resourceGroupName } = req.params;
  return resourceNotFound(`${PROVIDER}/communicationsGateways/${communicationsGatewayName}/testLines`, testLineName, resourceGroupName);
}

export function listTestLines(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const found = lookupGateway(ctx, req);
  return 'error' in found ? found.error : pageOf(ctx, req, found.record.testLines.map(render));
}

export function getTestLine(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const found = lookupGateway(ctx, req);
  if ('error' in found) return found.error;
  const line = findTestLine(found.record, req.params.testLineName);
  return line ? json(200, render(line)) : testLineNotFound(req);
}

export function putTestLine(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const found = lookupGateway(ctx, req);
  if ('error' in found) return found.error;
  const gateway = found.record;
  const name = req.params.testLineName;
  const badName = invalidResourceName(req, name, 'test line');
  if (badName) return badName;
  const body = req.body;
  if (!isRecord(body)) return armError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized: the body must be a JSON object.');
  const location = body['location'];
  if (typeof location !== 'string' || location.trim() === '') return armError(400, 'LocationRequired', 'The location property is required for this definition.');
  const findings = errorsOnly(validateTestLine(body));
  if (findings.length > 0) return armValidationError('InvalidRequestContent', findings);
  const props = isRecord(body['properties']) ? body['properties'] : {};

  const gatewayId = gateway.resource.id ?? '';
  const operations = operationsOf(ctx);
  if (operations.isBeingDeleted(gatewayId)) return anotherOperationInProgress(gatewayId);
  const existing = findTestLine(gateway, name);
  const resourceId = existing?.id ?? `${gatewayId}/testLines/${name}`;
  if (operations.inProgressOn(resourceId)) return anotherOperationInProgress(resourceId);
  if (existing && normalizeLocation(existing.location) !== normalizeLocation(location)) {
    return armError(
      400,
      'InvalidResourceLocation',
      `The resource '${existing.name ?? name}' already exists in location '${existing.location}' in resource group '${req.params.resourceGroupName}'. A resource with the same name cannot be created in location '${location}'. Please select a new resource name.`,
    );
  }

  const line: TestLine = {
    id: resourceId,
    name: existing?.name ?? name,
    type: TEST_LINE_RESOURCE_TYPE,
    location: existing?.location ?? location,
    tags: readTags(body['tags']),
    systemData: nextSystemData(req, existing?.systemData, ctx.now()),
    properties: {
      // As for gateways: no state while the first operation runs, the previous one while an update runs.
      ...(existing?.properties?.provisioningState ? { provisioningState: existing.properties.provisioningState } : {}),
      phoneNumber: String(props['phoneNumber']),
      purpose: TEST_LINE_PURPOSES.find((p) => p === props['purpose']) ?? 'Manual',
    },
  };
  if (existing) gateway.testLines[gateway.testLines.indexOf(existing)] = line;
  else gateway.testLines.push(line);

  const operation = operations.start({
    subscriptionId: parseGatewayId(gatewayId)?.subscriptionId ?? req.params.subscriptionId,
    location: line.location,
    resourceId,
    kind: 'write',
    finish: () => {
      const current = ctx.state.gateways.flatMap((g) => g.testLines).find((t) => t.id === resourceId);
      if (current?.properties) current.properties = { ...current.properties, provisioningState: 'Succeeded' };
    },
  });
  ctx.persist();
  return json(existing ? 200 : 201, render(line), asyncOperationHeaders(req, operation));
}

export function patchTestLine(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const body = req.body ?? {};
  if (!isRecord(body)) return armError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized: the body must be a JSON object.');
  // TestLineUpdate has tags only.
  const unknown = Object.keys(body).find((key) => key !== 'tags');
  if (unknown) return unknownMember(unknown, 'TestLineUpdate');
  const found = lookupGateway(ctx, req);
  if ('error' in found) return found.error;
  const line = findTestLine(found.record, req.params.testLineName);
  if (!line) return testLineNotFound(req);
  const findings = errorsOnly(validateTags(body['tags'], ['tags']));
  if (findings.length > 0) return armValidationError('InvalidRequestContent', findings);
  if (body['tags'] !== undefined) line.tags = readTags(body['tags']);
  line.systemData = nextSystemData(req, line.systemData, ctx.now());
  ctx.persist();
  return json(200, render(line));
}

export function deleteTestLine(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const found = lookupGateway(ctx, req);
  if ('error' in found) return found.error;
  const line = findTestLine(found.record, req.params.testLineName);
  if (!line) return noContent(204);
  const resourceId = line.id ?? '';
  const operations = operationsOf(ctx);
  if (operations.inProgressOn(resourceId)) return anotherOperationInProgress(resourceId);
  const operation = operations.start({
    subscriptionId: parseGatewayId(found.record.resource.id ?? '')?.subscriptionId ?? req.params.subscriptionId,
    location: line.location,
    resourceId,
    kind: 'delete',
    finish: () => {
      for (const gateway of ctx.state.gateways) {
        const index = gateway.testLines.findIndex((t) => t.id === resourceId);
        if (index >= 0) gateway.testLines.splice(index, 1);
      }
    },
  });
  return noContent(202, locationHeaders(req, operation));
}
