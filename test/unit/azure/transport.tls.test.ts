// The transport's trust: the emulator's CA is added to Node's roots (one secure context built up front), and
// certificate checks stay on for everything else. Built once rather than given per request as a `ca` option, the
// bundle must still trust exactly what it trusted before: the extra CA, and nothing signed by anyone else.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTlsMaterial } from '../../../emulator/tls';
import { HttpsTransport, type AttemptRequest } from '../../../src/azure/http/transport';
import { startWorld, type ClientWorld } from './clients.support';

describe('azure/http transport: TLS trust with extra CAs', function () {
  this.timeout(120_000);
  let world: ClientWorld;
  let otherCa: string;
  let otherDir: string;

  before(async () => {
    world = await startWorld();
    otherDir = mkdtempSync(join(tmpdir(), 'acg-other-ca-'));
    otherCa = ensureTlsMaterial(otherDir).caCertPem;
  });

  after(async () => {
    await world?.stop();
    rmSync(otherDir, { recursive: true, force: true });
  });

  const get = (transport: HttpsTransport, freshConnection = false): Promise<Awaited<ReturnType<HttpsTransport['send']>>> => {
    const request: AttemptRequest = {
      method: 'GET',
      url: new URL('/_admin/faults', world.emulator.url),
      headers: {},
      body: undefined,
      timeoutMs: 30_000,
      signal: undefined,
      freshConnection,
    };
    return transport.send(request).finally(() => transport.dispose());
  };

  it('trusts the extra CA, on pooled and on fresh connections', async () => {
    const pooled = await get(new HttpsTransport([world.emulator.caCertPem]));
    assert.equal(pooled.kind, 'response', JSON.stringify(pooled));
    const fresh = await get(new HttpsTransport([world.emulator.caCertPem]), true);
    assert.equal(fresh.kind, 'response', JSON.stringify(fresh));
  });

  it('refuses the emulator without its CA, and with another CA', async () => {
    for (const transport of [new HttpsTransport(undefined), new HttpsTransport([otherCa])]) {
      const result = await get(transport);
      assert.equal(result.kind, 'failure');
      assert.ok(result.kind === 'failure' && /CERT|certificate/i.test(`${result.error.code} ${result.error.message}`), result.kind === 'failure' ? result.error.message : '');
    }
  });
});
