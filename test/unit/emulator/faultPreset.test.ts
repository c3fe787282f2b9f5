// The fault soak's mix (issue 13 §2) as a named preset: POST /_admin/faults/preset {"name": "soak", "seed"} puts the
// same mix on every service, and GET /_admin/faults/counts counts each fault the emulator injected, so the soak can
// report "faults injected" from the service's side rather than guess it from the client's retries. Also the list of
// issued tokens the soak searches its outputs for (GET /_admin/tokens/issued).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAULT_PRESETS, FaultInjector, type FaultCountsByService } from '../../../emulator/faults';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../../emulator/seed/ids';
import { request, type TestResponse } from '../../support/https';

describe('emulator: the soak fault preset and its counters', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  const admin = (method: string, path: string, body?: unknown): Promise<TestResponse> =>
    request(`${emulator.url}/_admin${path}`, { method, ca: emulator.caCertPem, ...(body === undefined ? {} : { body }) });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-fault-preset-'));
    emulator = await startEmulator({ port: 0, dataDir, rateLimit: { requestsPerWindow: 0 } });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await admin('POST', '/faults/preset', { name: 'none' });
  });

  it('puts 20% 503, 10% 429 with Retry-After, 2% resets and 500 ms latency on every service', async () => {
    const applied = await admin('POST', '/faults/preset', { name: 'soak', seed: 13 });
    assert.equal(applied.status, 200, applied.text);
    const settings = (await admin('GET', '/faults')).body as Record<string, Record<string, number>>;
    for (const service of ['entra', 'arm', 'provisioning', 'graph']) {
      assert.deepEqual(
        { latencyMs: settings[service].latencyMs, errorRate: settings[service].errorRate, throttleRate: settings[service].throttleRate, resetRate: settings[service].resetRate },
        { latencyMs: 500, errorRate: 0.2, throttleRate: 0.1, resetRate: 0.02 },
        service,
      );
      assert.ok(settings[service].retryAfterSeconds > 0, `${service} sends a Retry-After`);
    }
  });

  it('counts every injected fault by kind: the counters match what the clients saw', async () => {
    await admin('POST', '/faults/preset', { name: 'soak', seed: 13 });
    const seen = { error: 0, throttle: 0, reset: 0, answered: 0, retryAfter: 0 };
    // Without a token: an answer the fault did not replace is ARM's 401, so each status says which it was.
    await Promise.all(
      Array.from({ length: 120 }, async () => {
        try {
          const res = await request(`${emulator.url}/subscriptions?api-version=2022-12-01`, { method: 'GET', ca: emulator.caCertPem, headers: { connection: 'close' } });
          if (res.status === 503) seen.error += 1;
          else if (res.status === 429) {
            seen.throttle += 1;
            if (Number(res.headers['retry-after']) > 0) seen.retryAfter += 1;
          } else seen.answered += 1;
        } catch {
          seen.reset += 1;
        }
      }),
    );
    const { preset, counts } = (await admin('GET', '/faults/counts')).body as { preset: string; counts: FaultCountsByService };
    assert.equal(preset, 'soak');
    assert.deepEqual(counts.arm, { error: seen.error, throttle: seen.throttle, reset: seen.reset, lostAnswer: 0, delayed: 120 });
    assert.equal(seen.retryAfter, seen.throttle, 'every injected 429 carries Retry-After');
    assert.ok(seen.error > 0 && seen.throttle > 0 && seen.answered > 0, JSON.stringify(seen));
    assert.deepEqual(counts.provisioning, { error: 0, throttle: 0, reset: 0, lostAnswer: 0, delayed: 0 }, 'only ARM was called');

    assert.equal((await admin('POST', '/faults/counts/reset')).status, 204);
    const after = (await admin('GET', '/faults/counts')).body as { counts: FaultCountsByService };
    assert.equal(after.counts.arm.error + after.counts.arm.delayed, 0);
  });

  it('draws the same faults for the same seed (a soak can be replayed)', () => {
    const draws = (seed: number) => {
      const injector = new FaultInjector();
      injector.applyPreset('soak', seed);
      return Array.from({ length: 200 }, () => injector.draw('provisioning').kind).join(',');
    };
    assert.equal(draws(13), draws(13));
    assert.notEqual(draws(13), draws(14));
    const injector = new FaultInjector();
    injector.applyPreset('soak', 13);
    for (let i = 0; i < 1000; i++) injector.draw('graph');
    const { graph } = injector.injected();
    // 1,000 draws of a 20/10/2% mix: each share within a few points of its rate.
    assert.ok(Math.abs(graph.error / 1000 - FAULT_PRESETS.soak.errorRate) < 0.04, `5xx share ${graph.error / 1000}`);
    assert.ok(Math.abs(graph.throttle / 1000 - FAULT_PRESETS.soak.throttleRate) < 0.03, `429 share ${graph.throttle / 1000}`);
    assert.ok(Math.abs(graph.reset / 1000 - FAULT_PRESETS.soak.resetRate) < 0.015, `reset share ${graph.reset / 1000}`);
  });

  it('refuses an unknown preset or a bad seed with a 400 that names the presets', async () => {
    const unknown = await admin('POST', '/faults/preset', { name: 'chaos' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.text, /soak/);
    assert.equal((await admin('POST', '/faults/preset', { name: 'soak', seed: 'x' })).status, 400);
    assert.equal((await admin('GET', '/faults/counts')).status, 200);
  });

  it('lists the tokens the token endpoint issued, so a soak can search its outputs for them', async () => {
    const res = await request(`${emulator.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      ca: emulator.caCertPem,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: OPERATOR_CLIENT_ID, client_secret: OPERATOR_CLIENT_SECRET, scope: 'https://management.azure.com/.default' }).toString(),
    });
    assert.equal(res.status, 200, res.text);
    const issued = (await admin('GET', '/tokens/issued')).body as { count: number; tokens: string[] };
    assert.ok(issued.tokens.includes((res.body as { access_token: string }).access_token));
    assert.equal(issued.count, issued.tokens.length);
  });
});
