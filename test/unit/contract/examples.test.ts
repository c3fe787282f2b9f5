// The examples in the spec folders (ARM 2023-09-01 and Provisioning 2024-02-29-preview), sent to the emulator as
// requests, get one of the status codes the example documents, and the exchange satisfies the contract.
//
// Substitutions, because the examples name resources of an imaginary tenant:
// - ARM: subscription 00000000-0000-0000-0000-000000000000 and resource group `testrg` become the demo production
//   subscription and resource group (the emulator, like ARM, refuses a PUT into a group that does not exist). The
//   examples' own gateway and test line names (`myname`, `myline`) are kept: the CreateOrUpdate examples run first
//   and create them, and each long-running PUT is polled until it finishes before the next example.
// - Provisioning: the examples run against the demo production gateway's Provisioning API. Account `contoso` is
//   created by PutAccount (run first) and its numbers by PutAccountNumber / PostAccountNumbersBatch; deletes run last.
//   A `civicAddressId` the account does not have becomes the first civic address of a seeded account that has one
//   (and `accountName` that account); a Teams `tenantId` with no request for information becomes the first seeded one.
// Every substitution made is printed.
import { strict as assert } from 'node:assert';
import { GATEWAY_PRODUCTION } from '../../../emulator/seed/ids';
import { buildExampleRequest, rankExample, substituteProvisioning, type ExampleRequest } from '../../support/contract/examples';
import { ContractHarness, checkExchanges, startContractEmulator, type ContractEmulator } from '../../support/contract/harness';
import { formatIssue, loadContract, locateSpecs, printSkipOnce, type Contract, type SpecExample } from '../../support/contract/specs';

const location = locateSpecs();
const PLACEHOLDER_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

interface Outcome {
  example: SpecExample;
  request: ExampleRequest;
  status: number;
  body: unknown;
  substitutions: string[];
}

describe('contract: the spec examples, sent to the emulator', function () {
  if (!location.found) {
    printSkipOnce(location);
    return;
  }
  this.timeout(180_000);
  let running: ContractEmulator | undefined;
  let contract: Contract;
  let harness: ContractHarness;
  const outcomes: Outcome[] = [];

  before(async () => {
    const loaded = await loadContract();
    assert.ok(loaded.contract);
    contract = loaded.contract;
    running = await startContractEmulator('acg-contract-examples-');
    ({ harness } = running);

    const planned = contract.examples.map((example) => {
      const swagger = contract.swagger(example.service);
      const op = swagger.operations.get(example.operationId);
      return { example, order: (example.service === 'arm' ? 0 : 1000) + rankExample(example, op?.method ?? 'GET', op?.pathTemplate ?? '') };
    });
    planned.sort((a, b) => a.order - b.order || a.example.relative.localeCompare(b.example.relative));
    for (const { example } of planned) outcomes.push(await runExample(contract, harness, example));
  });

  after(async () => {
    await running?.stop();
  });

  it('sends every example in the spec folders', () => {
    const lines = outcomes.map((o) => {
      const subs = o.substitutions.length ? `  (${o.substitutions.join('; ')})` : '';
      return `        ${o.example.service.padEnd(12)} ${o.example.relative.split(/[\\/]/).pop()!.padEnd(52)} ${o.request.method.padEnd(6)} → ${o.status} (documented ${o.request.expectedStatuses.join('/')})${subs}`;
    });
    console.log(`      examples sent:\n${lines.join('\n')}`);
    assert.equal(outcomes.length, contract.examples.length);
  });

  it('each example gets one of the status codes it documents', () => {
    const wrong = outcomes
      .filter((o) => !o.request.expectedStatuses.includes(o.status))
      .map((o) => `${o.example.relative}: ${o.request.method} ${o.request.path} → ${o.status}, documented ${o.request.expectedStatuses.join('/')}: ${JSON.stringify(o.body).slice(0, 400)}`);
    assert.deepEqual(wrong, []);
  });

  it('every exchange of the examples run satisfies the contract', () => {
    const report = checkExchanges(contract, harness.exchanges);
    const errors = report.issues.filter((i) => i.severity === 'error').map(formatIssue);
    assert.deepEqual(errors, [], errors.join('\n'));
  });
});

async function runExample(contract: Contract, h: ContractHarness, example: SpecExample): Promise<Outcome> {
  const swagger = contract.swagger(example.service);
  const substitutions: string[] = [];
  const replaced = new Map<string, unknown>();
  if (example.service === 'arm') {
    if (example.parameters.subscriptionId === PLACEHOLDER_SUBSCRIPTION) replaced.set('subscriptionId', GATEWAY_PRODUCTION.subscriptionId);
    if (example.parameters.resourceGroupName !== undefined) replaced.set('resourceGroupName', GATEWAY_PRODUCTION.resourceGroup);
  } else {
    await substituteProvisioning(h, example, replaced);
  }
  for (const [name, value] of replaced) substitutions.push(`${name} ${JSON.stringify(example.parameters[name])} → ${JSON.stringify(value)}`);
  const request = buildExampleRequest(swagger, example, (name, value) => (replaced.has(name) ? replaced.get(name) : value));
  const query = request.query.toString();
  const body = request.body === undefined ? undefined : request.headers['content-type'] === 'application/json' ? request.body : JSON.stringify(request.body);
  const res = await h.call(example.service, request.method, `${request.path}${query ? `?${query}` : ''}`, { headers: request.headers, body });
  if (example.service === 'arm' && (res.headers['azure-asyncoperation'] || res.headers.location)) await h.waitForArmOperation(res);
  return { example, request, status: res.status, body: res.body, substitutions };
}
