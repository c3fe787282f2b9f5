// Entry point of the contract tests' checker: finds the spec files (never copied into this repository), loads the ARM
// 2023-09-01 and Provisioning 2024-02-29-preview swaggers, their examples, and the Graph field lists, and checks
// exchanges against them.
//
// Where the specs live: $ACG_SPECS_DIR when set (a relative value is taken from the repository root), otherwise
// `../shared/specs` relative to the repository root (not to the current directory). When neither holds the two
// swaggers, `loadContract()` says why and the tests skip with one line.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARM_EXTRA_DEFINITIONS, commonTypesStandIn } from './commonTypes';
import { GraphContract } from './graph';
import {
  SwaggerContract, createAjv, describeErrors, isObject, runValidator, type CheckOptions, type ContractIssue, type HttpExchange,
  type JsonObject,
} from './swagger';
import type { ValidateFunction } from 'ajv';

export { formatIssue, type ContractIssue, type HttpExchange, type CheckOptions } from './swagger';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SPEC_REPO = join('Azure', 'azure-rest-api-specs', 'specification', 'voiceservices');
export const ARM_SWAGGER = join(SPEC_REPO, 'resource-manager', 'Microsoft.VoiceServices', 'stable', '2023-09-01', 'voiceservices.json');
export const PROVISIONING_SWAGGER = join(SPEC_REPO, 'data-plane', 'Microsoft.VoiceServices', 'preview', '2024-02-29-preview', 'swagger.json');
/** Example folders, in order of preference when the same file name appears twice. */
export const ARM_EXAMPLE_DIRS = [join(dirname(ARM_SWAGGER), 'examples')];
export const PROVISIONING_EXAMPLE_DIRS = [
  join(dirname(PROVISIONING_SWAGGER), 'examples'),
  join(SPEC_REPO, 'data-plane', 'VoiceServices', 'examples', '2024-02-29-preview'),
  join(SPEC_REPO, 'VoiceServices.Provisioning', 'examples', '2024-02-29-preview'),
];

export type SwaggerService = 'arm' | 'provisioning';
export type ContractService = SwaggerService | 'graph';

export interface SpecLocation {
  specsDir: string;
  /** Where the directory came from, for messages. */
  source: 'ACG_SPECS_DIR' | 'default';
  found: boolean;
}

/** Where the specs are expected, and whether both swaggers are there. Synchronous, so `describe` can decide. */
export function locateSpecs(env: NodeJS.ProcessEnv = process.env): SpecLocation {
  const fromEnv = env.ACG_SPECS_DIR?.trim();
  const specsDir = fromEnv ? resolve(REPO_ROOT, fromEnv) : resolve(REPO_ROOT, '..', 'shared', 'specs');
  const found = existsSync(join(specsDir, ARM_SWAGGER)) && existsSync(join(specsDir, PROVISIONING_SWAGGER));
  return { specsDir, source: fromEnv ? 'ACG_SPECS_DIR' : 'default', found };
}

export function skipMessage(location: SpecLocation): string {
  return `contract tests skipped: specs not found at ${location.specsDir} (set ACG_SPECS_DIR)`;
}

let skipPrinted = false;
/** Prints the skip line once per process, however many contract test files ask. */
export function printSkipOnce(location: SpecLocation, print: (line: string) => void = (line) => console.log(line)): void {
  if (skipPrinted) return;
  skipPrinted = true;
  print(skipMessage(location));
}

/** One example file from the spec folders. */
export interface SpecExample {
  service: SwaggerService;
  file: string;
  /** Path relative to the specs directory, for messages. */
  relative: string;
  operationId: string;
  title: string;
  parameters: JsonObject;
  /** Status code → {body, headers}. */
  responses: Record<string, { body?: unknown; headers?: Record<string, unknown> }>;
}

export interface ContractLoadFailure {
  contract: undefined;
  reason: string;
  location: SpecLocation;
}

export interface ContractLoaded {
  contract: Contract;
  location: SpecLocation;
}

/** Operations the emulator serves that are not in a swagger, and the stand-in schema that checks their answers. */
export interface ExtraOperation {
  service: SwaggerService;
  operationId: string;
  why: string;
  /** 2xx statuses the operation answers with. */
  statuses: number[];
  /** Stand-in definition (ARM_EXTRA_DEFINITIONS) for 2xx bodies; undefined: any or no body. Errors use ErrorResponse. */
  schema: string | undefined;
}

/**
 * The documented list of emulator operations that no swagger here describes. Everything else the emulator serves for
 * ARM or the Provisioning API must be an operation of the 2023-09-01 or 2024-02-29-preview swagger.
 */
export const EXTRA_OPERATIONS: readonly ExtraOperation[] = [
  { service: 'arm', operationId: 'Tenants_List', why: 'Microsoft.Resources (tenants), not Microsoft.VoiceServices', statuses: [200], schema: 'TenantListResult' },
  { service: 'arm', operationId: 'Subscriptions_List', why: 'Microsoft.Resources (subscriptions), not Microsoft.VoiceServices', statuses: [200], schema: 'SubscriptionListResult' },
  { service: 'arm', operationId: 'Subscriptions_Get', why: 'Microsoft.Resources (subscriptions), not Microsoft.VoiceServices', statuses: [200], schema: 'Subscription' },
  { service: 'arm', operationId: 'OperationStatuses_Get', why: "the Azure-AsyncOperation URL of a long-running PUT (ARM's asynchronous operation contract)", statuses: [200], schema: 'OperationStatusResult' },
  { service: 'arm', operationId: 'ResourceGroups_Get', why: 'Microsoft.Resources (resources.json), called by the SDKs and az around any resource', statuses: [200], schema: 'ResourceGroup' },
  { service: 'arm', operationId: 'ResourceGroups_List', why: 'Microsoft.Resources (resources.json), called by the SDKs and az around any resource', statuses: [200], schema: 'ResourceGroupListResult' },
  { service: 'arm', operationId: 'ResourceGroups_CheckExistence', why: 'Microsoft.Resources (resources.json): HEAD, 204 or 404 without a body', statuses: [204], schema: undefined },
  { service: 'arm', operationId: 'Resources_CheckExistenceById', why: 'Microsoft.Resources (resources.json): HEAD on any resource id, 204 or 404 without a body', statuses: [204], schema: undefined },
  { service: 'arm', operationId: 'Resources_List', why: 'Microsoft.Resources (resources.json), the generic resource list with $filter', statuses: [200], schema: 'ResourceListResult' },
  { service: 'arm', operationId: 'Resources_ListByResourceGroup', why: 'Microsoft.Resources (resources.json), the generic resource list of a group', statuses: [200], schema: 'ResourceListResult' },
  { service: 'arm', operationId: 'Providers_Get', why: 'Microsoft.Resources (resources.json): the provider, its resource types and api-versions', statuses: [200], schema: 'Provider' },
  { service: 'arm', operationId: 'Subscriptions_ListLocations', why: 'Microsoft.Resources (subscriptions.json 2022-12-01)', statuses: [200], schema: 'LocationListResult' },
  { service: 'arm', operationId: 'OperationResults_Get', why: "the Location URL of a long-running DELETE (ARM's asynchronous operation contract)", statuses: [200, 202, 204], schema: undefined },
];

export class Contract {
  readonly examples: SpecExample[];
  /** `x-ms-examples` entries of the swaggers whose file is in none of the example folders. */
  readonly missingExampleFiles: string[];
  private readonly extraValidators = new Map<string, ValidateFunction>();
  private readonly ajv = createAjv();

  constructor(
    readonly location: SpecLocation,
    readonly arm: SwaggerContract,
    readonly provisioning: SwaggerContract,
    readonly graph: GraphContract,
    examples: SpecExample[],
    missingExampleFiles: string[],
    readonly commonTypes: 'stand-in' | 'files',
  ) {
    this.examples = examples;
    this.missingExampleFiles = missingExampleFiles;
    this.ajv.addSchema({ $id: 'urn:acg-contract:arm-extras', definitions: ARM_EXTRA_DEFINITIONS });
  }

  swagger(service: SwaggerService): SwaggerContract {
    return service === 'arm' ? this.arm : this.provisioning;
  }

  /** Checks one exchange against the operation the emulator says it served. */
  check(service: ContractService, operationId: string, exchange: HttpExchange, options: CheckOptions = {}): ContractIssue[] {
    if (service === 'graph') return this.graph.check(operationId, exchange, options);
    return this.swagger(service).check(operationId, exchange, options);
  }

  /**
   * Checks an exchange of an operation that no swagger describes, against a stand-in schema (2xx) or ARM's
   * ErrorResponse (4xx/5xx).
   */
  checkExtra(extra: ExtraOperation, exchange: HttpExchange): ContractIssue[] {
    const issue = (pointer: string, message: string): ContractIssue => ({ severity: 'error', service: extra.service, operationId: extra.operationId, where: 'response', pointer, message });
    if (exchange.status < 400 && !extra.statuses.includes(exchange.status)) {
      return [issue('/status', `status ${exchange.status} is not one ARM answers this with (${extra.statuses.join(', ')})`)];
    }
    // A HEAD answer is its status alone: ARM sends 204 or 404 without a body.
    if (exchange.method === 'HEAD') return exchange.responseBody === undefined ? [] : [issue('/body', 'a HEAD answer must have no body')];
    const name = exchange.status >= 400 ? 'ErrorResponse' : extra.schema;
    if (!name) return [];
    let validate = this.extraValidators.get(name);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `urn:acg-contract:arm-extras#/definitions/${name}` });
      this.extraValidators.set(name, validate);
    }
    const { errors } = runValidator(validate, exchange.responseBody);
    return describeErrors(errors, exchange.responseBody).map((e) => issue(`/body${e.pointer}`, `${e.message} (stand-in schema ${name})`));
  }
}

/** Loads everything, or says why it cannot (specs missing). Errors in the spec files themselves throw. */
export async function loadContract(options: { env?: NodeJS.ProcessEnv; strictEnums?: boolean } = {}): Promise<ContractLoaded | ContractLoadFailure> {
  const location = locateSpecs(options.env);
  if (!location.found) {
    return { contract: undefined, reason: skipMessage(location), location };
  }
  const armFile = join(location.specsDir, ARM_SWAGGER);
  const provisioningFile = join(location.specsDir, PROVISIONING_SWAGGER);
  let usedStandIn = false;
  const standIn = (url: string): JsonObject | undefined => {
    const path = url.startsWith('file:') ? fileURLToPath(url) : decodeURIComponent(url);
    if (existsSync(path)) return undefined; // the real common-types file is there: use it
    const doc = commonTypesStandIn(path);
    if (doc) usedStandIn = true;
    return doc;
  };
  const arm = await SwaggerContract.load({ service: 'arm', file: armFile, document: readJson(armFile), standIn, strictEnums: options.strictEnums });
  const provisioning = await SwaggerContract.load({ service: 'provisioning', file: provisioningFile, document: readJson(provisioningFile), strictEnums: options.strictEnums });
  const armExamples = loadExamples(location.specsDir, 'arm', ARM_EXAMPLE_DIRS);
  const provisioningExamples = loadExamples(location.specsDir, 'provisioning', PROVISIONING_EXAMPLE_DIRS);
  const missing = [
    ...missingExamples(readJson(armFile), armExamples, 'arm'),
    ...missingExamples(readJson(provisioningFile), provisioningExamples, 'provisioning'),
  ];
  return {
    contract: new Contract(location, arm, provisioning, new GraphContract(), [...armExamples, ...provisioningExamples], missing, usedStandIn ? 'stand-in' : 'files'),
    location,
  };
}

function readJson(file: string): JsonObject {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isObject(value)) throw new Error(`${file} is not a JSON object`);
  return value;
}

/** Every example JSON in the folders (first folder wins on a duplicate file name). */
export function loadExamples(specsDir: string, service: SwaggerService, dirs: readonly string[]): SpecExample[] {
  const byName = new Map<string, SpecExample>();
  for (const dir of dirs) {
    const abs = join(specsDir, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).filter((n) => n.endsWith('.json')).sort()) {
      if (byName.has(name)) continue;
      const file = join(abs, name);
      const raw = readJson(file);
      if (typeof raw.operationId !== 'string' || !isObject(raw.parameters) || !isObject(raw.responses)) continue;
      byName.set(name, {
        service,
        file,
        relative: join(dir, name),
        operationId: raw.operationId,
        title: typeof raw.title === 'string' ? raw.title : name,
        parameters: raw.parameters,
        responses: raw.responses as SpecExample['responses'],
      });
    }
  }
  return [...byName.values()];
}

function missingExamples(document: JsonObject, found: SpecExample[], service: SwaggerService): string[] {
  const names = new Set(found.map((e) => basename(e.file)));
  const out: string[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op) || !isObject(op['x-ms-examples'])) continue;
      for (const ex of Object.values(op['x-ms-examples'])) {
        if (isObject(ex) && typeof ex.$ref === 'string' && !names.has(basename(ex.$ref))) out.push(`${service}: ${String(op.operationId)} → ${basename(ex.$ref)}`);
      }
    }
  }
  return out;
}
