// The one place acg plan and acg apply tell the two kinds of desired file apart: a provisioning plan is planned against
// the Provisioning API of the gateway named by --gateway; a gateway file names its own gateway (subscriptionId,
// resourceGroup, name) and is planned against ARM, so --gateway is optional there and, when given, must agree.
import type { GatewayDocument } from '../core/config/model';
import { isPlanError } from '../core/apply';
import { parseGatewayId } from '../core/ids';
import { EXIT } from './exitCodes';
import type { PlanFormat, DesiredKind } from './planArgs';
import type { PlanDependencies } from './planCommand';
import type { AzureClients } from '../azure/azureClients';
import { resolveProvisioningGateway } from './provisioningGateway';
import type { SavedProvisioningPlan } from '../core/apply/types';
import type { PlanEngine, SavedPlan } from './planEngine';
import { pathFrom, readDesiredFile, readDesiredGatewayFile, type DesiredFile } from './planFiles';
import { resolve } from 'node:path';

type Valid<F> = Extract<F, { ok: true }>;
export type AnyDesired = { readonly kind: 'plan'; readonly file: Valid<DesiredFile> } | { readonly kind: 'gateway'; readonly file: Valid<DesiredFile<GatewayDocument>> };
export type RefusedDesired = Exclude<DesiredFile, { ok: true }>;

/** Reads and validates the desired file of either kind. */
export function readAnyDesired(cwd: string, file: string, kind: DesiredKind): { readonly ok: true; readonly desired: AnyDesired } | RefusedDesired {
  if (kind === 'gateway') {
    const read = readDesiredGatewayFile(cwd, file);
    return read.ok ? { ok: true, desired: { kind, file: read } } : read;
  }
  const read = readDesiredFile(cwd, file);
  return read.ok ? { ok: true, desired: { kind, file: read } } : read;
}

export type AnyPlanInput = Omit<MakePlanInput, 'desired' | 'gateway'> & { readonly desired: AnyDesired; readonly gateway?: string };
export type MadeAnyPlan = { readonly ok: true; readonly plan: SavedPlan } | { readonly ok: false; readonly code: number };

export async function makeAnyPlan(input: AnyPlanInput): Promise<MadeAnyPlan> {
  const { desired, gateway, err, command } = input;
  if (desired.kind === 'plan') {
    // The argument parser requires --gateway with a provisioning plan.
    if (gateway === undefined) {
      err(`acg ${command}: name the gateway with --gateway <name | resource id>.`);
      return { ok: false, code: EXIT.usage };
    }
    return makePlan({ ...input, desired: desired.file, gateway });
  }
  return makeGatewayPlan({ ...input, desired: desired.file.document, sha256: desired.file.sha256 });
}

/** Why --gateway/--subscription disagree with the gateway the file names, if they do. */
export function gatewayDisagreement(doc: Pick<GatewayDocument, 'subscriptionId' | 'resourceGroup' | 'name'>, gateway: string | undefined, subscription: string | undefined): string | undefined {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const named = `${doc.name} (subscription ${doc.subscriptionId}, resource group ${doc.resourceGroup})`;
  if (subscription !== undefined && !same(subscription, doc.subscriptionId)) return `--subscription ${subscription} is not the file's subscription: it names ${named}.`;
  if (gateway === undefined) return undefined;
  const ref = parseGatewayId(gateway);
  const agrees = ref ? same(ref.subscriptionId, doc.subscriptionId) && same(ref.resourceGroupName, doc.resourceGroup) && same(ref.name, doc.name) : same(gateway, doc.name);
  return agrees ? undefined : `--gateway ${gateway} is not the gateway the file names: it names ${named}. Leave --gateway out, or correct it.`;
}

/** Checked once the file is read and before anyone signs in: --gateway/--subscription against a gateway file. */
export function targetProblem(desired: AnyDesired, gateway: string | undefined, subscription: string | undefined): string | undefined {
  return desired.kind === 'gateway' ? gatewayDisagreement(desired.file.document, gateway, subscription) : undefined;
}

async function makeGatewayPlan(input: Omit<AnyPlanInput, 'desired'> & { readonly desired: GatewayDocument; readonly sha256: string }): Promise<MadeAnyPlan> {
  const { command, clients, engine, desired, err, deps } = input;
  const live = await engine.readLiveGatewayState(clients.arm, desired, {
    ...(deps.abortSignal ? { signal: deps.abortSignal } : {}),
    onProgress: (message) => err(`acg ${command}: ${message}`),
  });
  const desiredPath = input.savedAt !== undefined ? pathFrom(resolve(deps.cwd, input.savedAt), resolve(deps.cwd, input.file)) : input.file;
  try {
    return { ok: true, plan: engine.planGateway(desired, live, { desiredPath, desiredSha256: input.sha256, now: deps.now?.() ?? new Date() }) };
  } catch (error) {
    // A region change: the file asks for what cannot be done, like an error in it.
    if (!isPlanError(error, 'conflict')) throw error;
    err(`acg ${command}: ${error.message}`);
    return { ok: false, code: EXIT.problems };
  }
}

export function renderAnyPlan(engine: PlanEngine, plan: SavedPlan, format: PlanFormat): string {
  if (format === 'json') return engine.planToJson(plan);
  if (plan.kind === 'gateway') return format === 'markdown' ? engine.renderGatewayPlanMarkdown(plan) : engine.renderGatewayPlanText(plan);
  return format === 'markdown' ? engine.renderPlanMarkdown(plan) : engine.renderPlanText(plan);
}

/** How a plan names its gateway to a person: the ARM id of a gateway plan, the Provisioning API domain otherwise. */
export function planTarget(plan: SavedPlan): string {
  return plan.kind === 'gateway' ? plan.gateway.id : plan.gateway.domain;
}

/** The acg plan command line that plans the same file again. */
export function planAgainArgs(plan: SavedPlan, desiredShown: string): string[] {
  return plan.kind === 'gateway' ? ['acg', 'plan', desiredShown] : ['acg', 'plan', desiredShown, '--gateway', plan.gateway.id ?? plan.gateway.domain];
}

type Line = (line: string) => void;

// The provisioning planner's half, as acg plan had it before gateway files.
export interface MakePlanInput {
  readonly command: 'plan' | 'apply';
  readonly clients: AzureClients;
  readonly engine: PlanEngine;
  readonly desired: Extract<DesiredFile, { ok: true }>;
  /** The desired file as given on the command line. */
  readonly file: string;
  /** Where the plan will be saved, if it will: the plan names its desired file relative to it. */
  readonly savedAt?: string;
  readonly gateway: string;
  readonly subscription?: string;
  readonly err: Line;
  readonly deps: PlanDependencies;
}

/** `ok: false` once the reason is on stderr, with the exit code it deserves. */
export type MadePlan = { readonly ok: true; readonly plan: SavedProvisioningPlan; readonly domain: string } | { readonly ok: false; readonly code: number };

/** Finds the gateway, reads the live state the file names and plans. */
export async function makePlan(input: MakePlanInput): Promise<MadePlan> {
  const { command, clients, engine, desired, err, deps } = input;
  const gateway = await resolveProvisioningGateway(clients, input.gateway, input.subscription, deps.abortSignal);
  if (!gateway.ok) {
    gateway.lines.forEach((line, i) => err(i === 0 ? `acg ${command}: ${line}` : line));
    return { ok: false, code: EXIT.failed };
  }
  const live = await engine.readLiveProvisioningState(clients.provisioning(gateway.domain), desired.document, {
    prune: desired.document.prune === true,
    ...(deps.abortSignal ? { signal: deps.abortSignal } : {}),
    onProgress: (message) => err(`acg ${command}: ${message}`),
  });
  const desiredPath = input.savedAt !== undefined ? pathFrom(resolve(deps.cwd, input.savedAt), resolve(deps.cwd, input.file)) : input.file;
  try {
    const plan = engine.planProvisioning(desired.document, live, {
      desiredPath,
      desiredSha256: desired.sha256,
      gatewayId: gateway.id,
      now: deps.now?.() ?? new Date(),
      // The estimate is at the rate this pipeline's limiter paces to (the planner's default otherwise).
      ...(deps.pipelineOptions?.provisioningRequestsPerMinute !== undefined ? { requestsPerMinute: deps.pipelineOptions.provisioningRequestsPerMinute } : {}),
    });
    return { ok: true, plan, domain: gateway.domain };
  } catch (error) {
    // The file asks for something the planner will not do safely (a number that lives in another account…): a
    // problem with the desired state, like an error in the file, not a failure to run.
    if (!isPlanError(error, 'conflict')) throw error;
    err(`acg ${command}: ${error.message}`);
    return { ok: false, code: EXIT.problems };
  }
}

/** A desired file that cannot be planned: unreadable (exit 3), or with errors listed as acg validate lists them (1). */
export function refuseDesired(command: 'plan' | 'apply', desired: RefusedDesired, err: Line): number {
  if (desired.kind === 'unreadable') {
    err(`acg ${command}: ${desired.message}`);
    return EXIT.failed;
  }
  for (const line of desired.report.split('\n')) err(line);
  err(`acg ${command}: refused: the file has ${desired.errors === 1 ? 'an error' : `${desired.errors} errors`}; fix ${desired.errors === 1 ? 'it' : 'them'} first (the editor and acg validate show the same).`);
  return EXIT.problems;
}

