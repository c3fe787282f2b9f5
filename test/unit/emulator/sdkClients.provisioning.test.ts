// Every Provisioning API example in the spec folders, sent through @azure-rest/core-client (the REST-level client
// that generated data-plane SDKs are built on), unmodified, beside our own Provisioning client: the example's path
// template and path arguments, its query, headers and body, and a bearer token from a real ClientSecretCredential.
// The examples run in the order and with the substitutions of test/unit/contract/examples.test.ts; each must get a
// status it documents, and every exchange must satisfy the contract.
import { strict as assert } from 'node:assert';
import { getClient, type Client, type ResourceMethods, type StreamableMethod } from '@azure-rest/core-client';
import { ContractHarness, PROVISIONING_SCOPE, checkExchanges } from '../../support/contract/harness';
import { buildExampleRequest, rankExample, substituteProvisioning } from '../../support/contract/examples';
import { formatIssue, loadContract, locateSpecs, printSkipOnce, type Contract, type SpecExample } from '../../support/contract/specs';
import { PRODUCTION_DOMAIN, startWorld, type ClientWorld } from '../azure/clients.support';
import { sdkOptions, unrouted } from './sdkClients.support';

const location = locateSpecs();

interface Outcome {
  example: SpecExample;
  line: string;
  status: number;
  expected: number[];
}

describe('SDK clients: @azure-rest/core-client sends every Provisioning API example to the emulator', function () {
  if (!location.found) {
    printSkipOnce(location);
    return;
  }
  this.timeout(180_000);
  let world: ClientWorld;
  let contract: Contract;
  let harness: ContractHarness;
  const outcomes: Outcome[] = [];

  before(async () => {
    const loaded = await loadContract();
    assert.ok(loaded.contract);
    contract = loaded.contract;
    world = await startWorld();
    harness = new ContractHarness(world.emulator, PRODUCTION_DOMAIN);
    const { endpoint, ...options } = sdkOptions(world);
    const client = getClient(`${endpoint}/provapi/${PRODUCTION_DOMAIN}`, world.credential('operator'), { ...options, credentials: { scopes: [PROVISIONING_SCOPE] } });
    const examples = contract.examples
      .filter((e) => e.service === 'provisioning')
      .map((example) => {
        const op = contract.provisioning.operations.get(example.operationId);
        return { example, order: rankExample(example, op?.method ?? 'GET', op?.pathTemplate ?? '') };
      })
      .sort((a, b) => a.order - b.order || a.example.relative.localeCompare(b.example.relative));
    for (const { example } of examples) outcomes.push(await send(client, contract, harness, example));
  });

  after(async () => {
    harness?.dispose();
    await world?.stop();
  });

  it('sends every Provisioning example in the spec folders', () => {
    console.log(`      examples sent through @azure-rest/core-client:\n${outcomes.map((o) => `        ${o.line}`).join('\n')}`);
    assert.equal(outcomes.length, contract.examples.filter((e) => e.service === 'provisioning').length);
    assert.ok(outcomes.length >= 10);
  });

  it('each example gets one of the status codes it documents', () => {
    const wrong = outcomes.filter((o) => !o.expected.includes(o.status)).map((o) => o.line);
    assert.deepEqual(wrong, []);
  });

  it('the requests really came from the SDK (its User-Agent) and were all routed', () => {
    const fromSdk = world.exchanges.filter((e) => e.service === 'provisioning' && (e.requestHeaders['user-agent'] ?? '').includes('core-rest-pipeline'));
    assert.ok(fromSdk.length >= outcomes.length, `${fromSdk.length} SDK requests for ${outcomes.length} examples`);
    assert.deepEqual(unrouted(world, 0), []);
  });

  it('every exchange satisfies the contract', () => {
    const report = checkExchanges(contract, world.exchanges);
    const errors = report.issues.filter((i) => i.severity === 'error').map(formatIssue);
    assert.deepEqual(errors, [], errors.join('\n'));
  });
});

/** The example as a developer would write it with the REST client: path template, path arguments, options. */
async function send(client: Client, contract: Contract, harness: ContractHarness, example: SpecExample): Promise<Outcome> {
  const replaced = new Map<string, unknown>();
  await substituteProvisioning(harness, example, replaced);
  const request = buildExampleRequest(contract.provisioning, example, (name, value) => (replaced.has(name) ? replaced.get(name) : value));
  const template = contract.provisioning.operations.get(example.operationId)?.pathTemplate ?? '';
  const args = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => String(request.parameters[m[1]]));
  const { 'content-type': contentType, ...headers } = request.headers;
  const options = {
    queryParameters: Object.fromEntries(request.query),
    headers,
    ...(request.body === undefined ? {} : { body: request.body, contentType }),
  };
  // The template is only known at run time, so its arguments are a plain list (the SDK's type wants a literal path).
  const pathOf = client.pathUnchecked as (path: string, ...pathArgs: string[]) => ResourceMethods<StreamableMethod>;
  const path = pathOf(template, ...args);
  const method = request.method.toLowerCase() as 'get' | 'put' | 'post' | 'patch' | 'delete';
  const response = await path[method](options);
  const status = Number(response.status);
  const name = example.relative.split(/[\\/]/).pop() ?? example.relative;
  const subs = replaced.size > 0 ? `  (${[...replaced].map(([k, v]) => `${k} → ${JSON.stringify(v)}`).join('; ')})` : '';
  return { example, status, expected: request.expectedStatuses, line: `${name.padEnd(52)} ${request.method.padEnd(6)} → ${status} (documented ${request.expectedStatuses.join('/')})${subs}` };
}
