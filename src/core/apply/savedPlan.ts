// The saved-plan file (`acg plan --out plan.json`): what apply executes, so it is read as untrusted input. A file that
// is not JSON, not a plan, of another format version, or no longer consistent with itself (hand-edited counts, ids that
// do not match their change, changes out of apply order) is refused with every problem listed, before anything is
// sent. The file is not signed (core does no hashing): integrity against the desired file is its recorded SHA-256,
// which the caller checks.
import { RELATIONSHIP_STATUSES } from '../models/provisioning';
import { isRecord } from '../rules/violation';
import { DEFAULT_REQUESTS_PER_MINUTE, estimateApply } from './estimate';
import { PlanError } from './planError';
import { countChanges } from './planProvisioning';
import type { PlanChange, SavedGatewayPlan, SavedProvisioningPlan } from './types';

export const PROVISIONING_PLAN_FORMAT = 'acg-provisioning-plan/1';
export const FORMAT_FAMILY = /^acg-(provisioning|gateway)-plan\/(\d+)$/;
const SHA256_HEX = /^[0-9a-f]{64}$/i;
const ACTIONS: ReadonlySet<unknown> = new Set(['create', 'update', 'delete']);
const STATUSES: ReadonlySet<unknown> = new Set(RELATIONSHIP_STATUSES);

/** One change per line, so that a 10,000-number plan diffs and reviews line by line. */
export function planToJson(plan: SavedProvisioningPlan | SavedGatewayPlan): string {
  const { changes, ...head } = plan;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const list = changes.length === 0 ? '[]' : `[\n${changes.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]`;
  return `${top},\n  "changes": ${list}\n}\n`;
}

/** Where a change sits in apply order (see planProvisioning): a saved plan must keep it. */
function stageOf(change: PlanChange): number {
  if (change.kind === 'relationship') return 4;
  if (change.kind === 'account') return change.action === 'delete' ? 3 : 0;
  return change.action === 'delete' ? 1 : 2;
}

function idOf(change: PlanChange): string {
  if (change.kind === 'account') return `account:${change.account}`;
  if (change.kind === 'number') return `number:${change.telephoneNumber}`;
  return `relationship:${change.tenantId}`;
}

export const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function checkChange(value: unknown, at: string, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push(`${at} is not a change object.`);
    return;
  }
  const { kind, action, id, fields, etag, body } = value;
  if (kind !== 'account' && kind !== 'number' && kind !== 'relationship') problems.push(`${at}.kind must be account, number or relationship.`);
  if (!ACTIONS.has(action)) problems.push(`${at}.action must be create, update or delete.`);
  if (!isString(id)) problems.push(`${at}.id is missing.`);
  if (!Array.isArray(fields) || !fields.every((f) => isRecord(f) && typeof f['path'] === 'string')) problems.push(`${at}.fields must be a list of {path, before, after}.`);
  if (etag !== undefined && typeof etag !== 'string') problems.push(`${at}.etag must be a string.`);
  if (kind === 'account') {
    if (!isString(value['account'])) problems.push(`${at}.account is missing.`);
    if (action !== 'delete' && !(isRecord(body) && body['name'] === value['account'])) problems.push(`${at}.body must be the account, named ${JSON.stringify(value['account'])}.`);
  } else if (kind === 'number') {
    if (!isString(value['account']) || !isString(value['telephoneNumber'])) problems.push(`${at} needs account and telephoneNumber.`);
    const sameKeys = isRecord(body) && body['telephoneNumber'] === value['telephoneNumber'] && body['accountName'] === value['account'];
    if (action !== 'delete' && !sameKeys) problems.push(`${at}.body must be number ${String(value['telephoneNumber'])} of account ${String(value['account'])}.`);
  } else if (kind === 'relationship') {
    if (!isString(value['tenantId'])) problems.push(`${at}.tenantId is missing.`);
    if (action !== 'update') problems.push(`${at}.action must be update (a relationship is never created or deleted).`);
    if (!STATUSES.has(value['status'])) problems.push(`${at}.status is not a relationship status.`);
  }
  if (action !== 'delete' && kind !== 'relationship' && body === undefined) problems.push(`${at}.body is missing.`);
}

/** What every saved plan has: its desired file and hash, when it was made, prune and counts. */
export function checkCommonHead(root: Record<string, unknown>, problems: string[]): void {
  const desired = root['desired'];
  if (!isRecord(desired) || !isString(desired['path']) || typeof desired['sha256'] !== 'string' || !SHA256_HEX.test(desired['sha256'])) {
    problems.push('desired must name the desired file (path) and its SHA-256 (64 hex digits).');
  }
  for (const key of ['createdAt', 'liveReadAt']) {
    const value = root[key];
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) problems.push(`${key} must be an ISO 8601 date.`);
  }
  if (typeof root['prune'] !== 'boolean') problems.push('prune must be true or false.');
  const counts = root['counts'];
  if (!isRecord(counts) || !['create', 'update', 'delete', 'noop'].every((k) => isCount(counts[k]))) problems.push('counts must hold create, update, delete and noop.');
}

function checkHead(root: Record<string, unknown>, problems: string[]): void {
  checkCommonHead(root, problems);
  const gateway = root['gateway'];
  if (!isRecord(gateway) || !isString(gateway['domain']) || (gateway['id'] !== undefined && typeof gateway['id'] !== 'string')) problems.push('gateway must give the Provisioning API domain.');
  const estimate = root['estimate'];
  if (!isRecord(estimate) || !isCount(estimate['requests']) || !isCount(estimate['seconds']) || !(typeof estimate['requestsPerMinute'] === 'number' && estimate['requestsPerMinute'] > 0)) {
    problems.push('estimate must hold requests, requestsPerMinute and seconds.');
  }
}

/** A plan that reads well but disagrees with itself was edited by hand (or cut short): refuse it. */
function checkConsistency(plan: SavedProvisioningPlan, problems: string[]): void {
  const seen = new Set<string>();
  let stage = 0;
  plan.changes.forEach((change, index) => {
    const expected = idOf(change);
    if (change.id !== expected) problems.push(`changes[${index}].id is ${JSON.stringify(change.id)} but the change is ${expected}.`);
    if (seen.has(change.id)) problems.push(`changes[${index}] repeats ${change.id}.`);
    seen.add(change.id);
    const at = stageOf(change);
    if (at < stage) problems.push(`changes[${index}] (${change.action} ${change.id}) is out of apply order.`);
    stage = Math.max(stage, at);
  });
  const counted = countChanges(plan.changes, plan.counts.noop);
  for (const key of ['create', 'update', 'delete'] as const) {
    if (counted[key] !== plan.counts[key]) problems.push(`counts.${key} is ${plan.counts[key]} but the plan holds ${counted[key]} such changes.`);
  }
  const estimate = estimateApply(plan.changes, plan.estimate.requestsPerMinute || DEFAULT_REQUESTS_PER_MINUTE);
  if (estimate.requests !== plan.estimate.requests) problems.push(`estimate.requests is ${plan.estimate.requests} but the changes need ${estimate.requests}.`);
}

export function refuse(source: string, headline: string, problems: readonly string[] = []): PlanError {
  return new PlanError('badSavedPlan', source, problems, `${source}: ${headline}`);
}

/** Reads a saved provisioning plan; throws PlanError('badSavedPlan') naming the file and every problem found. */
export function parseSavedPlan(text: string, source: string): SavedProvisioningPlan {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw refuse(source, `is not a saved plan: it is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const format = isRecord(root) ? root['format'] : undefined;
  const family = typeof format === 'string' ? FORMAT_FAMILY.exec(format) : null;
  if (!isRecord(root) || family === null) {
    throw refuse(source, `is not a saved plan (it has no "format": "${PROVISIONING_PLAN_FORMAT}"). Make one with acg plan <file> --gateway <name> --out <plan.json>.`);
  }
  if (family[1] === 'gateway') throw refuse(source, 'is a gateway plan, not a provisioning plan.');
  if (format !== PROVISIONING_PLAN_FORMAT) {
    throw refuse(source, `was written in format ${String(format)}, which this version of ACG Tools does not read (it reads ${PROVISIONING_PLAN_FORMAT}): plan again with acg plan.`);
  }
  const problems: string[] = [];
  if (root['kind'] !== 'provisioning') problems.push('kind must be "provisioning".');
  checkHead(root, problems);
  const changes = root['changes'];
  if (!Array.isArray(changes)) problems.push('changes must be a list.');
  else changes.forEach((change, index) => checkChange(change, `changes[${index}]`, problems));
  if (problems.length === 0) checkConsistency(root as unknown as SavedProvisioningPlan, problems);
  if (problems.length > 0) throw refuse(source, 'is not a plan apply can trust (edited or damaged); plan again with acg plan. Problems:', problems);
  return root as unknown as SavedProvisioningPlan;
}
