// Restricted Mode reaches every write, not only the commands: the pipeline asks `writeRefusal` before each write (as the
// audit log counts writes) and a reason refuses it before a token is asked for or a byte is sent; reads, and POSTs
// that only read, still go. The extension passes "not trusted" here (src/host/host.ts), so a panel's Delete or an
// onboarding fix in an untrusted workspace is refused like a writing command.
import { strict as assert } from 'node:assert';
import { gatewayId } from '../../../emulator/seed/gateways';
import { GATEWAY_PRODUCTION, SUBSCRIPTION_PRODUCTION } from '../../../emulator/seed/ids';
import { WRITE_REFUSED } from '../../../src/azure/errors';
import type { WriteAuditRecord } from '../../../src/azure/http/audit';
import { GATEWAY_DOMAIN, PROVISIONING_SCOPE, rejection, startHarness, type Harness } from './pipelineHarness';

const REASON = 'Restricted Mode: nothing was changed.';
const GATEWAYS = `/subscriptions/${SUBSCRIPTION_PRODUCTION}/providers/Microsoft.VoiceServices/communicationsGateways`;
const PRODUCTION_GATEWAY = gatewayId(GATEWAY_PRODUCTION);

describe('pipeline: writes refused before they are sent (Restricted Mode)', function () {
  this.timeout(60_000);
  let h: Harness;
  let seen: string[];
  let stopWatching: () => void;

  before(async () => {
    h = await startHarness();
    stopWatching = h.emulator.onExchange((e) => seen.push(`${e.method} ${e.path}`));
  });
  after(async () => {
    stopWatching();
    await h.stop();
  });
  beforeEach(() => {
    seen = [];
    h.credential.calls.length = 0;
  });

  it('refuses PUT, POST, PATCH and DELETE with the reason, asking for no token and sending nothing, and audits them as not sent', async () => {
    const audited: WriteAuditRecord[] = [];
    const pipeline = h.pipeline({ writeRefusal: () => REASON, audit: { record: (r) => void audited.push(r) } });
    const writes = [
      { method: 'PUT', url: h.provUrl('/accounts/Restricted-1'), body: { serviceDetails: {} } },
      { method: 'POST', url: h.provUrl('/accounts/Restricted-1:createOrUpdateNumbers'), body: { numbers: [] } },
      { method: 'PATCH', url: h.armUrl(PRODUCTION_GATEWAY), body: { tags: {} } },
      { method: 'DELETE', url: h.provUrl('/accounts/Restricted-1/numbers/%2B442079460999') },
    ] as const;
    for (const write of writes) {
      const provisioning = write.method !== 'PATCH';
      const error = await rejection(
        pipeline.send({ ...write, service: provisioning ? 'provisioning' : 'arm', operation: `${write.method} in Restricted Mode`, scopes: [provisioning ? PROVISIONING_SCOPE : h.cloud.resourceManagerScope], ...(provisioning ? { gateway: GATEWAY_DOMAIN } : {}) }),
      );
      assert.equal(error.kind, 'forbidden', write.method);
      assert.equal(error.code, WRITE_REFUSED);
      assert.equal(error.message, REASON);
    }
    assert.deepEqual(seen, [], 'nothing reached the service');
    assert.equal(h.credential.calls.length, 0, 'no token was asked for');
    assert.deepEqual(audited.map((r) => [r.method, r.result, r.errorCode]), writes.map((w) => [w.method, 'notSent', WRITE_REFUSED]));
  });

  it('still reads: GET, and a POST that only reads, go through while writes are refused', async () => {
    const pipeline = h.pipeline({ writeRefusal: () => REASON });
    const list = await pipeline.send({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] });
    assert.equal(list.status, 200);
    // The service answers (a 404: the number is not in the account); what matters is that the pipeline let it through.
    const answered = await rejection(pipeline.send({
      method: 'POST',
      url: h.provUrl('/accounts/Contoso-Telecom-Verification:getTeamsAvailableCapabilities'),
      service: 'provisioning',
      gateway: GATEWAY_DOMAIN,
      operation: 'read available capabilities',
      scopes: [PROVISIONING_SCOPE],
      readOnly: true,
      body: { numbers: [{ telephoneNumber: '+442079460200' }] },
    }));
    assert.equal(answered.status, 404);
    assert.equal(seen.length, 2);
  });

  it('sends writes when the refusal gives no reason (a trusted workspace)', async () => {
    const pipeline = h.pipeline({ writeRefusal: () => undefined });
    const response = await pipeline.send({ method: 'PATCH', url: h.armUrl(PRODUCTION_GATEWAY), service: 'arm', operation: 'tag the gateway', scopes: [h.cloud.resourceManagerScope], body: { tags: { restricted: 'no' } } });
    assert.ok(response.status === 200 || response.status === 202, String(response.status));
  });
});
