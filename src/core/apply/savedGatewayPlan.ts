// The saved gateway plan (`acg plan <file>.acg-gateway.json --out plan.json`), read as untrusted input exactly like a
// saved provisioning plan (./savedPlan): not JSON, not a plan, another format version, or a plan that disagrees with
// itself (ids that do not match their change, changes out of apply order, deletes without prune, counts that do not
// add up) is refused with every problem listed, before anything is sent.
import { parseGatewayId } from '../ids';
import { isRecord } from '../rules/violation';
import { countChanges } from './planProvisioning';
import { checkCommonHead, FORMAT_FAMILY, isString, parseSavedPlan, PROVISIONING_PLAN_FORMAT, refuse } from './savedPlan';
import type { GatewayPlanChange, SavedGatewayPlan, SavedProvisioningPlan } from './types';

export const GATEWAY_PLAN_FORMAT = 'acg-gateway-plan/1';
const ACTIONS: ReadonlySet<unknown> = new Set(['create', 'update', 'delete']);

function checkChange(value: unknown, at: string, gatewayName: string | undefined, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push(`${at} is not a change object.`);
    return;
  }
  const { kind, action, id, fields, etag, body } = value;
  if (!ACTIONS.has(action)) problems.push(`${at}.action must be create, update or delete.`);
  if (!isString(id)) problems.push(`${at}.id is missing.`);
  if (!Array.isArray(fields) || !fields.every((f) => isRecord(f) && typeof f['path'] === 'string')) problems.push(`${at}.fields must be a list of {path, before, after}.`);
  if (etag !== undefined && typeof etag !== 'string') problems.push(`${at}.etag must be a string.`);
  if (kind === 'gateway') {
    if (action === 'delete') problems.push(`${at}.action must be create or update (a plan never deletes the gateway).`);
    const named = isRecord(body) && typeof body['name'] === 'string' && body['name'].toLowerCase() === gatewayName?.toLowerCase();
    if (!(named && isString(body['location']))) problems.push(`${at}.body must be the gateway ${JSON.stringify(gatewayName)} with its location.`);
  } else if (kind === 'testLine') {
    if (!isString(value['name'])) problems.push(`${at}.name is missing.`);
    const named = isRecord(body) && body['name'] === value['name'] && isRecord(body['properties']);
    if (action !== 'delete' && !named) problems.push(`${at}.body must be test line ${JSON.stringify(value['name'])} with its properties.`);
  } else {
    problems.push(`${at}.kind must be gateway or testLine.`);
  }
}

/** Apply order (planGateway): the gateway, then test line deletes, then test line creates and updates. */
function stageOf(change: GatewayPlanChange): number {
  if (change.kind === 'gateway') return 0;
  return change.action === 'delete' ? 1 : 2;
}

function idOf(change: GatewayPlanChange): string {
  return change.kind === 'gateway' ? `gateway:${change.body.name ?? ''}` : `testLine:${change.name}`;
}

function checkConsistency(plan: SavedGatewayPlan, problems: string[]): void {
  const seen = new Set<string>();
  let stage = 0;
  plan.changes.forEach((change, index) => {
    const expected = idOf(change);
    if (change.id !== expected) problems.push(`changes[${index}].id is ${JSON.stringify(change.id)} but the change is ${expected}.`);
    // ARM names are case-insensitive: OC1 and oc1 are one test line.
    const key = change.id.toLowerCase();
    if (seen.has(key)) problems.push(`changes[${index}] repeats ${change.id}.`);
    seen.add(key);
    const at = stageOf(change);
    if (at < stage) problems.push(`changes[${index}] (${change.action} ${change.id}) is out of apply order.`);
    stage = Math.max(stage, at);
    if (change.action === 'delete' && !plan.prune) problems.push(`changes[${index}] deletes ${change.id} but prune is false.`);
  });
  const counted = countChanges(plan.changes, plan.counts.noop);
  for (const key of ['create', 'update', 'delete'] as const) {
    if (counted[key] !== plan.counts[key]) problems.push(`counts.${key} is ${plan.counts[key]} but the plan holds ${counted[key]} such changes.`);
  }
}

/** Reads a saved gateway plan; throws PlanError('badSavedPlan') naming the file and every problem found. */
export function parseSavedGatewayPlan(text: string, source: string): SavedGatewayPlan {
  const root = parseFamily(text, source);
  if (root.family === 'provisioning') throw refuse(source, 'is a provisioning plan, not a gateway plan.');
  return checkGatewayPlan(root.value, source);
}

/** Either kind of saved plan, by its format. */
export function parseAnySavedPlan(text: string, source: string): SavedProvisioningPlan | SavedGatewayPlan {
  const root = parseFamily(text, source);
  return root.family === 'gateway' ? checkGatewayPlan(root.value, source) : parseSavedPlan(text, source);
}

function parseFamily(text: string, source: string): { family: string; value: Record<string, unknown> } {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw refuse(source, `is not a saved plan: it is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const format = isRecord(root) ? root['format'] : undefined;
  const family = typeof format === 'string' ? FORMAT_FAMILY.exec(format) : null;
  if (!isRecord(root) || family === null) {
    throw refuse(source, `is not a saved plan (it has no "format": "${PROVISIONING_PLAN_FORMAT}" or "${GATEWAY_PLAN_FORMAT}"). Make one with acg plan <file> --out <plan.json>.`);
  }
  return { family: family[1], value: root };
}

function checkGatewayPlan(root: Record<string, unknown>, source: string): SavedGatewayPlan {
  if (root['format'] !== GATEWAY_PLAN_FORMAT) {
    throw refuse(source, `was written in format ${String(root['format'])}, which this version of ACG Tools does not read (it reads ${GATEWAY_PLAN_FORMAT}): plan again with acg plan.`);
  }
  const problems: string[] = [];
  if (root['kind'] !== 'gateway') problems.push('kind must be "gateway".');
  checkCommonHead(root, problems);
  const gateway = root['gateway'];
  const ref = isRecord(gateway) && typeof gateway['id'] === 'string' ? parseGatewayId(gateway['id']) : undefined;
  if (!ref) problems.push('gateway.id must be the ARM resource id of a communications gateway.');
  const changes = root['changes'];
  if (!Array.isArray(changes)) problems.push('changes must be a list.');
  else changes.forEach((change, index) => checkChange(change, `changes[${index}]`, ref?.name, problems));
  if (problems.length === 0) checkConsistency(root as unknown as SavedGatewayPlan, problems);
  if (problems.length > 0) throw refuse(source, 'is not a plan apply can trust (edited or damaged); plan again with acg plan. Problems:', problems);
  return root as unknown as SavedGatewayPlan;
}
