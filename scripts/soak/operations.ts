// One round of the soak's client operations, per surface, as the product's faces call them: ARM (subscriptions,
// gateways, test lines and their long-running create and delete), the Provisioning API (accounts, numbers one by one
// and in batches, the requests for information and a relationship update, capability plans, civic addresses), Graph
// (the onboarding reads, a $batch) and sign-in (a new credential asking the token endpoint for each audience). Every
// write is recorded in `Writes`, so the end of the soak can re-read the state and compare.
import { createCredential } from '../../src/azure/auth/credentialFactory';
import { audienceScopes } from '../../src/azure/auth/scopedCredential';
import type { AzureClients } from '../../src/azure/azureClients';
import { collectPages, PROVISIONING_APP_ID } from '../../src/azure/clients';
import type { CloudEndpoints } from '../../src/core/clouds';
import type { GatewayRef, NumberResource } from '../../src/core/models';
import type { Tally } from './tally';

export interface SoakTarget {
  readonly ref: GatewayRef;
  readonly domain: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly caPem: string;
}

/** What the soak asked for and what the clients said happened, per number, test line and relationship. */
export class Writes {
  /** Logical writes sent per number (a create or a delete; a batch counts once per number it holds). */
  readonly sentPerNumber = new Map<string, number>();
  /** Whether the number should exist, after the writes that reported success (undefined: the last write failed). */
  readonly expectedPerNumber = new Map<string, boolean | undefined>();
  readonly accounts = new Map<string, string[]>();
  readonly testLines = new Map<string, boolean | undefined>();
  relationship: { tenantId: string; status: string | undefined } | undefined;

  numberWrite(numbers: readonly string[], exists: boolean, succeeded: boolean): void {
    for (const n of numbers) {
      this.sentPerNumber.set(n, (this.sentPerNumber.get(n) ?? 0) + 1);
      this.expectedPerNumber.set(n, succeeded ? exists : undefined);
    }
  }
}

function ocNumber(accountName: string, telephoneNumber: string): NumberResource {
  return {
    telephoneNumber,
    accountName,
    serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'] } } },
  };
}

export interface RoundInput {
  readonly clients: AzureClients;
  readonly cloud: CloudEndpoints;
  readonly target: SoakTarget;
  readonly tally: Tally;
  readonly writes: Writes;
  readonly round: number;
  readonly seed: number;
  /** Numbers written in batches per round (the rest of a round's writes are one number each). */
  readonly batchNumbers: number;
}

/** The four surfaces side by side (each one's operations in order), as a person's views and panels load together. */
export async function runRound(input: RoundInput): Promise<void> {
  await Promise.all([signInOperations(input), armOperations(input), provisioningOperations(input), graphOperations(input)]);
}

async function signInOperations({ cloud, target, tally }: RoundInput): Promise<void> {
  const scopes = audienceScopes(cloud);
  for (const audience of ['arm', 'graph', 'provisioning'] as const) {
    await tally.op('token', `sign in and get a ${audience} token`, async () => {
      const credential = await createCredential({ kind: 'servicePrincipalSecret', tenantId: target.tenantId, clientId: target.clientId, clientSecret: target.clientSecret }, cloud, { ca: [target.caPem] });
      const token = await credential.getToken([...scopes[audience]]);
      if (!token?.token) throw new Error(`no ${audience} token`);
    });
  }
}

async function armOperations({ clients, target, tally, writes, round, seed }: RoundInput): Promise<void> {
  const { arm } = clients;
  const subscriptions = await tally.op('arm', 'list subscriptions', () => arm.listSubscriptions());
  await tally.op('arm', 'list gateways', () => arm.listGateways((subscriptions ?? []).map((s) => s.subscriptionId)));
  await tally.op('arm', 'list gateways in the resource group', () => arm.listGatewaysByResourceGroup(target.ref.subscriptionId, target.ref.resourceGroupName));
  await tally.op('arm', 'get gateway', () => arm.getGateway(target.ref));
  await tally.op('arm', 'check name availability', () => arm.checkNameAvailability(target.ref.subscriptionId, 'eastus', `soak-${seed}-${round}`));
  const lines = await tally.op('arm', 'list test lines', () => arm.listTestLines(target.ref));
  const first = lines?.[0];
  if (first?.name) await tally.op('arm', 'get test line', () => arm.getTestLine(target.ref, first.name as string));
  const name = `soak-${seed}-${round}`;
  const created = await tally.op('arm', 'create test line', () => arm.createTestLine(target.ref, name, { phoneNumber: `+1206555${String(round % 10)}${String(seed % 1000).padStart(3, '0')}`, purpose: 'Manual' }));
  writes.testLines.set(name, created ? true : undefined);
  if (created) {
    const deleted = await tally.op('arm', 'delete test line', async () => {
      await arm.deleteTestLine(target.ref, name);
      return true;
    });
    writes.testLines.set(name, deleted ? false : undefined);
  }
}

async function provisioningOperations({ clients, target, tally, writes, round, seed, batchNumbers }: RoundInput): Promise<void> {
  const client = clients.provisioning(target.domain);
  const account = `Soak-${seed}-${round}`;
  const prefix = `+49309${round % 10}${String(seed % 100).padStart(2, '0')}`;
  const numbers = Array.from({ length: batchNumbers + 2 }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
  writes.accounts.set(account, numbers);

  const accounts = await tally.op('provisioning', 'list accounts', () => collectPages(client.listAccounts()));
  await tally.op('provisioning', 'count numbers', () => client.countNumbers());
  const existing = accounts?.find((a) => a.name !== account)?.name;
  if (existing) {
    await tally.op('provisioning', 'get account', () => client.getAccount(existing));
    await tally.op('provisioning', 'list numbers (first page)', async () => (await client.listNumbers(existing, { top: 50 }).next()).value);
    await tally.op('provisioning', 'get capability plans', () => client.getTeamsCapabilityPlans(existing));
    await tally.op('provisioning', 'list civic addresses', () => collectPages(client.listCivicAddresses(existing)));
  }

  // A person whose save failed presses Retry once: the same account, as the panel would send it again.
  const save = () => client.createOrReplaceAccount({ name: account, correlationId: `SOAK-${seed}`, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } } });
  const saved = (await tally.op('provisioning', 'create account', save)) ?? (await tally.op('provisioning', 'create account (Retry)', save));
  if (saved) {
    const batch = numbers.slice(0, batchNumbers);
    const batched = await tally.op('provisioning', `create ${batch.length} numbers in batches`, () => client.createOrUpdateNumbersInBatches(account, batch.map((n) => ocNumber(account, n))));
    writes.numberWrite(batch, true, batched !== undefined);
    const [single, other] = numbers.slice(batchNumbers);
    for (const n of [single, other]) {
      const one = await tally.op('provisioning', 'create one number', () => client.createOrReplaceNumber(ocNumber(account, n), { onlyIfNew: true }));
      writes.numberWrite([n], true, one !== undefined);
    }
    const got = await tally.op('provisioning', 'get number', () => client.getNumber(account, single));
    const deletedOne = await tally.op('provisioning', 'delete one number', async () => {
      await client.deleteNumber(account, single, got?.etag ? { ifMatch: got.etag } : {});
      return true;
    });
    writes.numberWrite([single], false, deletedOne === true);
    const toDelete = batch.slice(0, Math.ceil(batch.length / 4));
    const deletedBatch = await tally.op('provisioning', `delete ${toDelete.length} numbers in batches`, async () => {
      await client.deleteNumbersInBatches(account, toDelete);
      return true;
    });
    writes.numberWrite(toDelete, false, deletedBatch === true);
  }

  const requests = await tally.op('provisioning', 'list requests for information', () => collectPages(client.listRequestsForInformation()));
  const request = requests?.[0];
  if (request) {
    const read = await tally.op('provisioning', 'get request for information', () => client.getRequestForInformation(request.tenantId));
    const status = round % 2 === 0 ? 'AgreementSigned' : 'CustomerContacted';
    const updated = await tally.op('provisioning', 'update relationship status', () => client.updateCustomerRelationship(request.tenantId, { status, comment: `SOAK-${seed}-${round}` }, read?.etag ? { ifMatch: read.etag } : {}));
    writes.relationship = { tenantId: request.tenantId, status: updated ? status : undefined };
  }
}

async function graphOperations({ clients, tally, round }: RoundInput): Promise<void> {
  const { graph } = clients;
  const provisioningApp = await tally.op('graph', 'find the Provisioning API service principal', () => graph.servicePrincipalByAppId(PROVISIONING_APP_ID));
  if (provisioningApp?.id) {
    const id = provisioningApp.id;
    await tally.op('graph', 'list who holds its roles', () => graph.appRoleAssignedTo(id));
  }
  await tally.op('graph', 'read the onboarding directory state', () => graph.getOnboardingDirectoryState());
  await tally.op('graph', '$batch of reads', () =>
    graph.batch([
      { id: '1', method: 'GET', url: '/domains' },
      { id: '2', method: 'GET', url: `/servicePrincipals(appId='${PROVISIONING_APP_ID}')?$select=id,appRoles&round=${round}` },
    ]),
  );
}
