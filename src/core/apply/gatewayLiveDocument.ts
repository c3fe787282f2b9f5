// The live gateway in the *.acg-gateway.json's own shape: the left side of the editor's diff view for a gateway file
// (live ↔ file), as ./liveDocument does it for provisioning plans. Only what a gateway plan compares is shown, so the
// diff shows what apply would change and nothing else: ARM's read-only fields (provisioning state, status, allocated
// prefixes, the generated label, FQDNs, name servers) never appear, and a default ARM fills in appears only when the
// file spells it out or the live value differs from it. Fields ARM does not hold (deployment, integration-test
// numbers, prune) are the file's own on both sides. A gateway that does not exist yet is just its name: every other
// line of the file is to create.
import type { GatewayDocument, GatewayTestLineEntry } from '../config/model';
import type { CommunicationsGatewayProperties, TestLine } from '../models';
import { canonicalNumber } from '../rules/phoneNumber';
import { alignedTo } from './liveDocument';
import { ARM_DEFAULTS, writableProperties } from './planGateway';
import type { LiveGatewayState } from './types';

/** The file's own fields, the same on both sides of the diff: ARM has no say in them. */
function fileOnly(desired: GatewayDocument): Partial<GatewayDocument> {
  return {
    ...(desired.$schema === undefined ? {} : { $schema: desired.$schema }),
    subscriptionId: desired.subscriptionId,
    resourceGroup: desired.resourceGroup,
    name: desired.name,
  };
}

function liveProperties(live: CommunicationsGatewayProperties | undefined, desired: GatewayDocument['properties']): Record<string, unknown> {
  const defaults: Record<string, unknown> = { ...ARM_DEFAULTS };
  const spelled = desired as unknown as Record<string, unknown>;
  // Left out of the file and at ARM's default live: the same to the planner, so not a line of the diff.
  const atDefault = ([key, value]: [string, unknown]) => key in defaults && !(key in spelled) && JSON.stringify(value) === JSON.stringify(defaults[key]);
  const writable = Object.fromEntries(Object.entries(writableProperties(live)).filter((entry) => !atDefault(entry)));
  return alignedTo(writable, desired);
}

/** A live test line as the file would list it: the number spelled as the file spells it when it is the same number. */
function asEntry(line: TestLine, entry: GatewayTestLineEntry | undefined): GatewayTestLineEntry {
  const properties = line.properties;
  const phoneNumber = properties?.phoneNumber ?? '';
  const spelled = entry && canonicalNumber(entry.properties.phoneNumber) === canonicalNumber(phoneNumber) ? entry.properties.phoneNumber : phoneNumber;
  const shaped: GatewayTestLineEntry = {
    name: line.name ?? entry?.name ?? '',
    // Which service a line verifies is the file's note for the onboarding checks, not ARM's.
    ...(entry?.service === undefined ? {} : { service: entry.service }),
    ...(line.tags && Object.keys(line.tags).length > 0 ? { tags: line.tags } : entry?.tags ? { tags: {} } : {}),
    properties: { phoneNumber: spelled, purpose: properties?.purpose ?? 'Automated' },
  };
  return entry ? alignedTo(shaped, entry) : shaped;
}

export function liveAsGatewayDocument(desired: GatewayDocument, live: LiveGatewayState): Partial<GatewayDocument> {
  const current = live.gateway?.resource;
  if (!current) return fileOnly(desired);
  const listed = new Set<string>();
  const testLines: GatewayTestLineEntry[] = [];
  for (const entry of desired.testLines ?? []) {
    const key = entry.name.toLowerCase();
    listed.add(key);
    const line = live.testLines.get(key)?.resource;
    if (line) testLines.push(asEntry(line, entry));
  }
  // Only prune deletes the live lines the file leaves out; without it they are not the plan's business.
  if (desired.prune === true) for (const [key, { resource }] of live.testLines) if (!listed.has(key)) testLines.push(asEntry(resource, undefined));
  const document: Partial<GatewayDocument> = {
    ...fileOnly(desired),
    location: current.location,
    deployment: desired.deployment,
    ...(current.tags && Object.keys(current.tags).length > 0 ? { tags: current.tags } : desired.tags ? { tags: {} } : {}),
    properties: liveProperties(current.properties, desired.properties) as unknown as GatewayDocument['properties'],
    ...(desired.testLines === undefined && testLines.length === 0 ? {} : { testLines }),
    ...(desired.integrationTestNumbers === undefined ? {} : { integrationTestNumbers: desired.integrationTestNumbers }),
    ...(desired.prune === undefined ? {} : { prune: desired.prune }),
  };
  return alignedTo(document, desired);
}
