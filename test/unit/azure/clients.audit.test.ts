// The safety of writes, against the real emulator through the real pipeline (issue 11, "Safety"): the role pre-flight
// refuses the reader principal before anything reaches the Provisioning API; the audit hook records every write once
// (reads and read-only POSTs not at all) and the file it writes never holds a token, a secret or an authorization
// header; a write whose answer was lost is resent with the same Repeatability-Request-ID and applied once; a
// multi-batch delete cancelled between batches stops there and says how far it got.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATOR_CLIENT_SECRET, READER_CLIENT_ID, READER_CLIENT_SECRET } from '../../../emulator/seed/ids';
import { ArmClient, collectPages, DEFAULT_PROVISIONING_SCOPE, GraphClient, MISSING_PROVISIONING_ROLE, ProvisioningClient, type BatchProgress } from '../../../src/azure/clients';
import type { WriteAuditRecord } from '../../../src/azure/http';
import { AuditLogFile } from '../../../src/host/auditLogFile';
import { presentError } from '../../../src/host/presentError';
import { exchangesOf, numberRange, ocAccount, ocNumber, PRODUCTION_DOMAIN, PRODUCTION_REF, rejects, startWorld, type ClientWorld } from './clients.support';

const ACCOUNT = 'Audit-Test-Account';

describe('clients: write safety (role pre-flight, audit log, repeatability, cancel)', function () {
  this.timeout(120_000);
  let world: ClientWorld;
  let operator: ProvisioningClient;

  before(async () => {
    world = await startWorld();
    operator = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN, { resend: { pauseMs: 10 } });
    await operator.createOrReplaceAccount(ocAccount(ACCOUNT));
  });

  after(async () => {
    await operator?.deleteAccount(ACCOUNT, { deleteNumbers: true }).catch(() => undefined);
    await world?.stop();
  });

  afterEach(() => world.noFaults());

  describe('role pre-flight', () => {
    it('refuses the reader principal a delete before any request reaches the Provisioning API, naming the role', async () => {
      const [tel] = numberRange(493077700001, 1);
      await operator.createOrReplaceNumber(ocNumber(ACCOUNT, tel));
      const reader = new ProvisioningClient(world.pipeline('reader'), world.cloud, PRODUCTION_DOMAIN);
      assert.equal((await reader.getNumber(ACCOUNT, tel)).resource.telephoneNumber, tel, 'the reader reads');

      const from = world.exchanges.length;
      const batch = await rejects(() => reader.deleteNumbers(ACCOUNT, [tel]));
      const single = await rejects(() => reader.deleteNumber(ACCOUNT, tel));
      assert.deepEqual(exchangesOf(world, 'provisioning', '', from), [], 'nothing reached the Provisioning API');
      for (const error of [batch, single]) {
        assert.equal(error.kind, 'forbidden');
        assert.equal(error.code, MISSING_PROVISIONING_ROLE);
        assert.equal(error.status, undefined, 'no answer: nothing was sent');
        assert.equal(error.requiredRole, 'ProvisioningAPI.Delete');
        assert.equal(error.gateway, PRODUCTION_DOMAIN);
        assert.equal(
          error.message.split(' Nothing was sent.')[0],
          `Deleting numbers needs ProvisioningAPI.Delete (or ProvisioningAPI.Admin); service principal ${READER_CLIENT_ID} holds ProvisioningAPI.Read.`,
        );
      }
      // The error offers the onboarding checks of that gateway first.
      const presented = presentError(batch);
      assert.equal(presented.actions[0].id, 'onboardingChecks');
      assert.equal(presented.actions[0].command, 'acg.gateways.runOnboardingChecks');
      assert.deepEqual(presented.actions[0].args, [{ gatewayDomain: PRODUCTION_DOMAIN }]);
      assert.equal((await operator.getNumber(ACCOUNT, tel)).resource.telephoneNumber, tel, 'the number is still there');
    });

    it('refuses the reader every other kind of write too, each naming its role', async () => {
      const reader = new ProvisioningClient(world.pipeline('reader'), world.cloud, PRODUCTION_DOMAIN);
      const from = world.exchanges.length;
      const consents = await collectPages(reader.listRequestsForInformation());
      const reads = world.exchanges.length - from;
      const cases: [() => Promise<unknown>, string][] = [
        [() => reader.createOrReplaceAccount(ocAccount('Audit-Never'), { onlyIfNew: true }), 'ProvisioningAPI.Write'],
        [() => reader.createOrUpdateNumbers(ACCOUNT, [ocNumber(ACCOUNT, '+493077700099')]), 'ProvisioningAPI.Write'],
        [() => reader.updateCustomerRelationship(consents[0].tenantId, { status: 'CustomerContacted' }), 'ProvisioningAPI.Write'],
        [() => reader.deleteAccount(ACCOUNT, { deleteNumbers: true }), 'ProvisioningAPI.Delete'],
      ];
      for (const [write, role] of cases) assert.equal((await rejects(write)).requiredRole, role);
      assert.equal(world.exchanges.length - from, reads, 'only the read was sent');
    });

    it("leaves the decision to the service when the pre-flight is off (the service's own 403 still names the role)", async () => {
      const reader = new ProvisioningClient(world.pipeline('reader'), world.cloud, PRODUCTION_DOMAIN, { rolePreflight: false });
      const error = await rejects(() => reader.deleteNumbers(ACCOUNT, ['+493077700001']));
      assert.equal(error.status, 403);
      assert.match(error.requiredRole ?? '', /ProvisioningAPI\.Delete/);
    });
  });

  describe('audit hook', () => {
    it('records each write once, with who, target, request ids and result, and no read', async () => {
      const records: WriteAuditRecord[] = [];
      const pipeline = world.pipeline('operator', { audit: { record: (r) => records.push(r) } });
      const client = new ProvisioningClient(pipeline, world.cloud, PRODUCTION_DOMAIN);
      const numbers = numberRange(493077710000, 3);

      // Reads, including POSTs that only read: none of them is recorded.
      await client.getAccount(ACCOUNT);
      await client.countNumbers(ACCOUNT);
      await client.getTeamsCapabilityPlans(ACCOUNT);
      await new ArmClient(pipeline, world.cloud).checkNameAvailability(PRODUCTION_REF.subscriptionId, 'westeurope', 'audit-name-check');
      await new GraphClient(pipeline, world.cloud).getOnboardingDirectoryState();
      assert.equal(records.length, 0, 'reads are not recorded');

      // Writes: a batch, a delete, a relationship update refused with 412, and an ARM write.
      await client.createOrUpdateNumbers(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)));
      await client.deleteNumbers(ACCOUNT, numbers);
      const consent = (await collectPages(client.listRequestsForInformation()))[0];
      const stale = await rejects(() => client.updateCustomerRelationship(consent.tenantId, { status: 'CustomerContacted' }, { ifMatch: '"stale"' }));
      assert.equal(stale.kind, 'preconditionFailed');
      await new ArmClient(pipeline, world.cloud).updateTags(PRODUCTION_REF, { audit: 'test' });

      assert.deepEqual(
        records.map((r) => [r.service, r.method, r.result, r.status]),
        [
          ['provisioning', 'POST', 'succeeded', 200],
          ['provisioning', 'POST', 'succeeded', 204],
          ['provisioning', 'PATCH', 'failed', 412],
          ['arm', 'PATCH', 'succeeded', 200],
        ],
      );
      const [save, remove, patch, arm] = records;
      assert.deepEqual(save.target, { account: ACCOUNT, numbers });
      assert.deepEqual(remove.target, { account: ACCOUNT, numbers });
      assert.deepEqual(patch.target, { tenantId: consent.tenantId });
      assert.equal(patch.errorKind, 'preconditionFailed');
      assert.ok(patch.errorCode, 'the service error code');
      assert.match(arm.path, new RegExp(`/communicationsGateways/${PRODUCTION_REF.name}$`, 'i'));
      for (const r of records.slice(0, 3)) {
        assert.equal(r.gateway, PRODUCTION_DOMAIN);
        assert.match(r.repeatabilityRequestId ?? '', /^[0-9a-f-]{36}$/, 'Repeatability-Request-ID');
      }
      // The ids in the record are the ones the service saw.
      const sent = exchangesOf(world, 'provisioning', ':deleteNumbers').at(-1)!;
      assert.equal(remove.clientRequestId, sent.requestHeaders['x-ms-client-request-id']);
      assert.equal(remove.repeatabilityRequestId, sent.requestHeaders['repeatability-request-id']);
      assert.equal(remove.serviceRequestId, sent.responseHeaders['x-ms-request-id']);
      for (const r of records) {
        assert.equal(r.who, `service principal ${'c0ffee00-0000-4000-8000-000000000001'}`);
        assert.equal(r.attempts, 1);
        assert.ok(!Number.isNaN(Date.parse(r.time)));
      }
    });

    it('records a write the pre-flight refused as not sent', async () => {
      const records: WriteAuditRecord[] = [];
      const reader = new ProvisioningClient(world.pipeline('reader', { audit: { record: (r) => records.push(r) } }), world.cloud, PRODUCTION_DOMAIN);
      await rejects(() => reader.deleteNumbers(ACCOUNT, ['+493077700001']));
      assert.deepEqual(records.map((r) => [r.result, r.attempts, r.errorKind, r.errorCode]), [['notSent', 0, 'forbidden', MISSING_PROVISIONING_ROLE]]);
    });

    it('writes a file in which no token, secret or authorization header appears', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'acg-audit-'));
      try {
        const file = new AuditLogFile(join(dir, 'audit.jsonl'));
        const operatorCredential = world.credential('operator');
        const readerCredential = world.credential('reader');
        const client = new ProvisioningClient(world.pipeline('operator', { credential: operatorCredential, audit: file }), world.cloud, PRODUCTION_DOMAIN);
        const reader = new ProvisioningClient(world.pipeline('reader', { credential: readerCredential, audit: file }), world.cloud, PRODUCTION_DOMAIN, { rolePreflight: false });
        const numbers = numberRange(493077720000, 2);
        await client.createOrUpdateNumbers(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)));
        await client.deleteNumbers(ACCOUNT, numbers);
        await rejects(() => reader.deleteNumbers(ACCOUNT, numbers)); // the service's 403, with its answer
        await new ArmClient(world.pipeline('operator', { credential: operatorCredential, audit: file }), world.cloud).updateTags(PRODUCTION_REF, { audit: 'file' });
        await file.flush();

        const text = readFileSync(join(dir, 'audit.jsonl'), 'utf8');
        const lines = text.trimEnd().split('\n');
        assert.equal(lines.length, 4);
        for (const line of lines) assert.doesNotThrow(() => JSON.parse(line) as unknown, line);
        // The very tokens the pipeline sent (the credentials' caches hand out the same ones).
        const tokens = await Promise.all([
          operatorCredential.getToken(DEFAULT_PROVISIONING_SCOPE),
          operatorCredential.getToken(world.cloud.resourceManagerScope),
          readerCredential.getToken(DEFAULT_PROVISIONING_SCOPE),
        ]);
        for (const token of tokens) {
          assert.ok(token && token.token.length > 100);
          assert.ok(!text.includes(token.token), 'no token');
          assert.ok(!text.includes(token.token.split('.')[2]), 'not even a token signature');
        }
        for (const secret of [OPERATOR_CLIENT_SECRET, READER_CLIENT_SECRET]) assert.ok(!text.includes(secret), 'no client secret');
        assert.doesNotMatch(text, /"authorization"\s*:|\bbearer\s|eyJ[A-Za-z0-9_-]{10,}|sandbox-(operator|reader)-secret/i);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('repeatability', () => {
    it('resends a batch whose answer was lost with the same Repeatability-Request-ID, and the service applies it once', async () => {
      const records: WriteAuditRecord[] = [];
      const client = new ProvisioningClient(world.pipeline('operator', { audit: { record: (r) => records.push(r) } }), world.cloud, PRODUCTION_DOMAIN);
      const [sentinel, ...numbers] = numberRange(493077730000, 3);
      // The emulator gives every applied number write the next ETag of one sequence: the sentinel's ETag, then the
      // batch's, tell how many times the batch was applied.
      const before = (await client.createOrReplaceNumber(ocNumber(ACCOUNT, sentinel))).etag!;
      records.length = 0;
      const from = world.exchanges.length;
      // The first request is handled and its answer lost; from then on the service answers again.
      world.faults({ provisioning: { lostAnswerRate: 1 } });
      const stop = world.emulator.onExchange((e) => {
        if (e.service === 'provisioning') world.noFaults();
      });
      let saved;
      try {
        saved = await client.createOrUpdateNumbers(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)));
      } finally {
        stop();
      }
      const posts = exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from);
      assert.equal(posts.length, 2, 'sent twice: the lost one and the resend');
      assert.ok(world.log.some((l) => l.startsWith('fault: lost answer POST')), 'the first answer was lost');
      assert.equal(posts[0].requestHeaders['repeatability-request-id'], posts[1].requestHeaders['repeatability-request-id']);
      assert.equal(posts[0].requestHeaders['repeatability-first-sent'], posts[1].requestHeaders['repeatability-first-sent']);
      assert.equal(posts[1].responseHeaders['repeatability-result'], 'accepted');
      assert.deepEqual(posts[1].responseBody, posts[0].responseBody, 'the resend got the first answer back');
      const seq = (etag: string | undefined) => parseInt((etag ?? '').replace(/"/g, ''), 16);
      const after = await Promise.all(numbers.map(async (tel) => seq((await client.getNumber(ACCOUNT, tel)).etag)));
      assert.deepEqual(after.sort((a, b) => a - b), [seq(before) + 1, seq(before) + 2], 'applied once (twice would have taken the next two ETags)');
      assert.equal(saved.length, 2);
      assert.deepEqual(records.map((r) => [r.result, r.attempts]), [['succeeded', 2]], 'one audit line for the one write, with both attempts');
      await client.deleteNumbers(ACCOUNT, [sentinel, ...numbers]);
    });
  });

  describe('cancel', () => {
    it('stops a multi-batch delete between batches and says how many were deleted', async () => {
      const numbers = numberRange(493077740000, 250);
      await operator.createOrUpdateNumbersInBatches(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)));
      const before = await operator.countNumbers(ACCOUNT);
      const controller = new AbortController();
      const progress: BatchProgress[] = [];
      const from = world.exchanges.length;
      const error = await rejects(() =>
        operator.deleteNumbersInBatches(ACCOUNT, numbers, {
          abortSignal: controller.signal,
          onProgress: (p) => {
            progress.push(p);
            if (p.batch === 1) controller.abort();
          },
        }),
      );
      assert.equal(error.kind, 'cancelled');
      assert.match(error.message, /batch 2 of 3 \(numbers 101–200\).*100 of 250 were already deleted/);
      assert.equal(exchangesOf(world, 'provisioning', ':deleteNumbers', from).length, 1, 'no batch after the cancel');
      assert.deepEqual(progress.map((p) => p.done), [100]);
      assert.equal(await operator.countNumbers(ACCOUNT), before - 100);
      await operator.deleteNumbersInBatches(ACCOUNT, numbers.slice(100));
    });
  });
});
