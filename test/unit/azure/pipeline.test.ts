// The pipeline against the real emulator over HTTPS: what a request carries, retries through injected faults, the
// bound on retries, the Provisioning API's limiter and failover pause, cancellation and per-attempt timeouts.
import { strict as assert } from 'node:assert';
import type { Exchange } from '../../../emulator/server';
import { SUBSCRIPTION_PRODUCTION } from '../../../emulator/seed/ids';
import { repeatabilityHeaders, USER_AGENT, type PipelineRequest } from '../../../src/azure/http';
import { version } from '../../../package.json';
import { FakeClock } from '../../support/fakeClock';
import { PROVISIONING_SCOPE, patchAdmin, rejection, startHarness, type Harness } from './pipelineHarness';

const GATEWAYS = `/subscriptions/${SUBSCRIPTION_PRODUCTION}/providers/Microsoft.VoiceServices/communicationsGateways`;

describe('pipeline: requests over HTTPS', function () {
  this.timeout(60_000);
  let h: Harness;
  let exchanges: Exchange[];
  /** When each exchange in `exchanges` was answered (the emulator's Date header has only one-second resolution). */
  let arrivals: number[];
  let unsubscribe: () => void;

  before(async () => {
    h = await startHarness();
  });
  after(async () => h.stop());
  beforeEach(() => {
    h.resetFaults();
    exchanges = [];
    arrivals = [];
    h.logger.lines.length = 0;
    // Admin calls (fault set-up) are exchanges too; only the services' own traffic counts here.
    unsubscribe = h.emulator.onExchange((e) => {
      if (e.service === 'admin') return;
      exchanges.push(e);
      arrivals.push(Date.now());
    });
  });
  afterEach(() => unsubscribe());

  describe('success', () => {
    it('sends a token, the User-Agent and a new client request id, which the service echoes, and parses JSON', async () => {
      const pipeline = h.pipeline();
      const res = await pipeline.send<{ value: { name: string }[] }>({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] });
      assert.equal(res.status, 200);
      assert.ok(res.body.value.some((g) => g.name === 'contoso-prod-gw'));
      assert.equal(exchanges.length, 1);
      const sent = exchanges[0].requestHeaders;
      assert.equal(sent['user-agent'], `acg-tools/${version}`);
      assert.equal(USER_AGENT, `acg-tools/${version}`);
      assert.match(sent.authorization, /^Bearer eyJ/);
      assert.match(sent['x-ms-client-request-id'], /^[0-9a-f-]{36}$/);
      assert.equal(res.headers['x-ms-client-request-id'], sent['x-ms-client-request-id']);
    });

    it('uses a new client request id for each logical request, and keeps one the caller gives', async () => {
      const pipeline = h.pipeline();
      const request: PipelineRequest = { method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] };
      await pipeline.send(request);
      await pipeline.send(request);
      await pipeline.send({ ...request, headers: { 'x-ms-client-request-id': 'caller-chosen-id' } });
      const ids = exchanges.map((e) => e.requestHeaders['x-ms-client-request-id']);
      assert.notEqual(ids[0], ids[1]);
      assert.equal(ids[2], 'caller-chosen-id');
    });

    it('sends objects as JSON and returns the answer with its headers (PUT an account, If-None-Match: *)', async () => {
      const pipeline = h.pipeline();
      const body = { name: 'Pipeline-Json', serviceDetails: { teamsTenantId: 'b2c3d4e5-0000-4000-8000-00000000f00d', teamsOperatorConnect: { enabled: true, syncEnabled: true } } };
      const res = await pipeline.send<{ name: string }>({
        method: 'PUT',
        url: h.provUrl('/accounts/Pipeline-Json'),
        service: 'provisioning',
        operation: 'create account',
        scopes: [PROVISIONING_SCOPE],
        headers: { ...repeatabilityHeaders(), 'If-None-Match': '*' },
        body,
      });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.name, 'Pipeline-Json');
      assert.ok(res.headers.etag);
      assert.equal(exchanges[0].requestHeaders['content-type'], 'application/json');
      assert.deepEqual(exchanges[0].requestBody, body);
    });

    it('returns a listed non-2xx status as an answer instead of an error (acceptStatuses)', async () => {
      const pipeline = h.pipeline();
      const res = await pipeline.send({ method: 'GET', url: h.provUrl('/accounts/No-Such-Account'), service: 'provisioning', operation: 'check account', scopes: [PROVISIONING_SCOPE], acceptStatuses: [404] });
      assert.equal(res.status, 404);
    });
  });

  describe('retries', () => {
    it('retries through a burst of 503s (same client request id on every attempt)', async () => {
      await patchAdmin(h, '/faults', { arm: { errorRate: 0.5 }, seed: 7 });
      const pipeline = h.pipeline({ retry: { maxRetries: 8, baseDelayMs: 5, maxDelayMs: 20 } });
      for (let i = 0; i < 6; i++) {
        const res = await pipeline.send({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] });
        assert.equal(res.status, 200);
      }
      const failed = exchanges.filter((e) => e.status === 503);
      assert.ok(failed.length >= 2, `expected injected 503s, saw ${failed.length}`);
      const byId = new Map<string, number[]>();
      for (const e of exchanges) byId.set(e.requestHeaders['x-ms-client-request-id'], [...(byId.get(e.requestHeaders['x-ms-client-request-id']) ?? []), e.status]);
      assert.equal(byId.size, 6, 'six logical requests, each with one id across its retries');
      for (const statuses of byId.values()) assert.equal(statuses[statuses.length - 1], 200);
    });

    it('waits out a 429 storm, honouring Retry-After', async () => {
      await patchAdmin(h, '/faults', { provisioning: { throttleRate: 0.4, retryAfterSeconds: 1 }, seed: 3 });
      const pipeline = h.pipeline({ retry: { maxRetries: 8, baseDelayMs: 5, maxDelayMs: 5_000 } });
      for (let i = 0; i < 3; i++) {
        const res = await pipeline.send({ method: 'GET', url: h.provUrl('/accounts'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE] });
        assert.equal(res.status, 200);
      }
      const throttled = exchanges.filter((e) => e.status === 429);
      assert.ok(throttled.length >= 1, 'expected injected 429s');
      // After each 429 the next attempt came at least Retry-After (1 s) later.
      exchanges.forEach((e, i) => {
        if (e.status === 429 && i + 1 < exchanges.length) assert.ok(arrivals[i + 1] - arrivals[i] >= 990, `attempt after a 429 came ${arrivals[i + 1] - arrivals[i]} ms later`);
      });
      assert.ok(h.logger.lines.some((l) => /the service asked for 1000 ms/.test(l)));
    });

    it('retries connection resets', async () => {
      await patchAdmin(h, '/faults', { arm: { resetRate: 0.5 }, seed: 13 });
      const pipeline = h.pipeline({ retry: { maxRetries: 8, baseDelayMs: 5, maxDelayMs: 20 } });
      for (let i = 0; i < 5; i++) {
        const res = await pipeline.send({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] });
        assert.equal(res.status, 200);
      }
      assert.ok(h.logger.lines.some((l) => /network .*ECONNRESET/.test(l)), `expected at least one reset:\n${h.logger.lines.join('\n')}`);
    });

    it('gives up at the bound with a clear reason', async () => {
      await patchAdmin(h, '/faults', { arm: { errorRate: 1 } });
      const pipeline = h.pipeline({ retry: { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 20 } });
      const error = await rejection(pipeline.send({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] }));
      assert.equal(error.kind, 'unavailable');
      assert.equal(error.status, 503);
      assert.match(error.message, /gave up after 4 retries: the service kept answering 503/i);
      assert.match(error.message, /list gateways/);
      assert.equal(exchanges.length, 5);
    });

    it('does not repeat a POST without Repeatability-Request-ID once it reached the service', async () => {
      await patchAdmin(h, '/faults', { arm: { errorRate: 1 } });
      const pipeline = h.pipeline();
      const error = await rejection(
        pipeline.send({
          method: 'POST',
          url: h.armUrl(`/subscriptions/${SUBSCRIPTION_PRODUCTION}/providers/Microsoft.VoiceServices/locations/eastus/checkNameAvailability`),
          service: 'arm',
          operation: 'check a gateway name',
          scopes: [h.cloud.resourceManagerScope],
          body: { name: 'new-gateway', type: 'Microsoft.VoiceServices/communicationsGateways' },
        }),
      );
      assert.equal(error.kind, 'unavailable');
      assert.match(error.message, /not retried automatically/i);
      assert.equal(exchanges.length, 1);
    });

    it('repeats a POST the caller marks idempotent, and any POST answered 429 (the service did not process it)', async () => {
      const check = (extra: Partial<PipelineRequest>): PipelineRequest => ({
        method: 'POST',
        url: h.armUrl(`/subscriptions/${SUBSCRIPTION_PRODUCTION}/providers/Microsoft.VoiceServices/locations/eastus/checkNameAvailability`),
        service: 'arm',
        operation: 'check a gateway name',
        scopes: [h.cloud.resourceManagerScope],
        body: { name: 'new-gateway', type: 'Microsoft.VoiceServices/communicationsGateways' },
        ...extra,
      });
      const pipeline = h.pipeline();
      const flaky = (rate: Record<string, number>) => {
        h.emulator.context.faults.update({ arm: rate });
        return h.emulator.onExchange((e) => e.service === 'arm' && e.status >= 429 && h.emulator.context.faults.update({ arm: { errorRate: 0, throttleRate: 0 } }));
      };
      let off = flaky({ errorRate: 1 });
      assert.equal((await pipeline.send(check({ idempotent: true }))).status, 200);
      off();
      off = flaky({ throttleRate: 1, retryAfterSeconds: 0 });
      assert.equal((await pipeline.send(check({}))).status, 200);
      off();
      assert.deepEqual(exchanges.map((e) => e.status), [503, 200, 429, 200]);
    });

    it('repeats a POST that carries Repeatability-Request-ID, with the same repeatability headers every time', async () => {
      await patchAdmin(h, '/faults', { provisioning: { errorRate: 0.6, resetRate: 0.2 }, seed: 5 });
      const pipeline = h.pipeline({ retry: { maxRetries: 10, baseDelayMs: 5, maxDelayMs: 20 } });
      const res = await pipeline.send({
        method: 'POST',
        url: h.provUrl('/accounts/Contoso-Telecom-Verification:getTeamsCapabilityPlans'),
        service: 'provisioning',
        operation: 'get capability plans',
        scopes: [PROVISIONING_SCOPE],
        headers: repeatabilityHeaders(),
        body: {},
      });
      assert.ok(res.status < 500, res.text);
      const ids = new Set(exchanges.map((e) => e.requestHeaders['repeatability-request-id']));
      const firstSent = new Set(exchanges.map((e) => e.requestHeaders['repeatability-first-sent']));
      assert.ok(exchanges.length >= 2, `expected retries, saw ${exchanges.length} attempt(s)`);
      assert.equal(ids.size, 1);
      assert.equal(firstSent.size, 1);
    });

    it('does not retry a 404', async () => {
      const pipeline = h.pipeline();
      const error = await rejection(pipeline.send({ method: 'GET', url: h.armUrl(`${GATEWAYS.replace('/providers', '/resourceGroups/rg-voice-prod/providers')}/no-such-gw`), service: 'arm', operation: 'get gateway', scopes: [h.cloud.resourceManagerScope] }));
      assert.equal(error.kind, 'notFound');
      assert.equal(exchanges.length, 1);
    });
  });

  describe('Provisioning API scheduling', () => {
    it('holds the 7th request when the limiter allows 6 per window, until the window has passed (fake clock)', async () => {
      const clock = new FakeClock();
      const pipeline = h.pipeline({ provisioningRequestsPerMinute: 6, provisioningWindowMs: 2000, clock });
      const list: PipelineRequest = { method: 'GET', url: h.provUrl('/accounts'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE], retry: { maxRetries: 0 } };
      const six = Array.from({ length: 6 }, () => pipeline.send(list));
      assert.deepEqual((await Promise.all(six)).map((r) => r.status), [200, 200, 200, 200, 200, 200], 'the first six went at once, at one instant of the clock');
      const seventh = pipeline.send(list);
      assert.deepEqual(clock.pending(), [2000], 'the seventh waits for the window');
      clock.advance(1999);
      assert.deepEqual(clock.pending(), [1], 'still held a millisecond before the window ends');
      assert.equal(exchanges.length, 6);
      clock.advance(1);
      assert.equal((await seventh).status, 200);
      assert.equal(exchanges.length, 7);
      assert.ok(!exchanges.some((e) => e.status === 429));
      assert.ok(h.logger.lines.some((l) => /held GET .* for 2000 ms to stay within the gateway's Provisioning API rate limit/.test(l)));
    });

    it('counts per gateway: another gateway is not held', async () => {
      const pipeline = h.pipeline({ provisioningRequestsPerMinute: 1, provisioningWindowMs: 10_000 });
      await pipeline.send({ method: 'GET', url: h.provUrl('/accounts'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE] });
      await pipeline.send({ method: 'GET', url: h.provUrl('/accounts', 'clab4d5e6f7.commsgw.azure.com'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE] });
      // Held, the second request would wait the 10 s window and say so in the log.
      assert.ok(!h.logger.lines.some((l) => /held GET/.test(l)), h.logger.lines.join('\n'));
    });

    it('pauses for the failover delay after a 5xx from the Provisioning API, on a new connection', async () => {
      await patchAdmin(h, '/faults', { provisioning: { errorRate: 1 } });
      const off = h.emulator.onExchange((e) => {
        if (e.status === 503) h.emulator.context.faults.update({ provisioning: { errorRate: 0 } });
      });
      try {
        const pipeline = h.pipeline({ provisioningFailoverDelayMs: 400 });
        const res = await pipeline.send({ method: 'GET', url: h.provUrl('/accounts'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE] });
        assert.equal(res.status, 200);
      } finally {
        off();
      }
      assert.deepEqual(exchanges.map((e) => e.status), [503, 200]);
      assert.ok(arrivals[1] - arrivals[0] >= 390, `the retry came ${arrivals[1] - arrivals[0]} ms after the 503`);
      const retryLine = h.logger.lines.find((l) => /retrying GET .*list accounts/.test(l));
      assert.match(retryLine ?? '', /in (4\d\d|[5-9]\d\d) ms .*failover pause/);
      assert.ok(h.logger.lines.some((l) => /attempt 2\/5 .*\(new connection\)/.test(l)));
    });

    it('applies no failover pause to ARM', async () => {
      await patchAdmin(h, '/faults', { arm: { errorRate: 1 } });
      const off = h.emulator.onExchange((e) => {
        if (e.status === 503) h.emulator.context.faults.update({ arm: { errorRate: 0 } });
      });
      try {
        await h.pipeline({ provisioningFailoverDelayMs: 5_000 }).send({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] });
      } finally {
        off();
      }
      const retryLine = h.logger.lines.find((l) => /retrying GET .*list gateways/.test(l));
      assert.ok(retryLine, h.logger.lines.join('\n'));
      assert.doesNotMatch(retryLine, /failover pause/);
      assert.ok(Number(/ in (\d+) ms/.exec(retryLine)?.[1]) < 5_000, retryLine);
    });
  });

  describe('cancellation and timeouts', () => {
    it('aborts during backoff', async () => {
      await patchAdmin(h, '/faults', { arm: { errorRate: 1 } });
      // A backoff of a minute: if the abort did not end the wait, the test would outlast mocha's timeout and fail.
      const pipeline = h.pipeline({ retry: { maxRetries: 4, baseDelayMs: 60_000, maxDelayMs: 60_000 } });
      const controller = new AbortController();
      // Abort 50 ms after the first 503, i.e. while the pipeline waits (up to 60 s, full jitter) before retrying.
      const off = h.emulator.onExchange(() => setTimeout(() => controller.abort(), 50));
      const error = await rejection(pipeline.send({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope], abortSignal: controller.signal }));
      off();
      assert.equal(error.kind, 'cancelled');
      assert.ok(exchanges.length <= 2);
      assert.ok(h.logger.lines.some((l) => /retrying GET .*answered 503/.test(l)), 'the abort came during a backoff wait');
    });

    it('aborts a request in flight', async () => {
      await patchAdmin(h, '/faults', { arm: { latencyMs: 3_000 } });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      // Not aborted, the request would succeed after the latency: 'cancelled' is the proof.
      const error = await rejection(h.pipeline().send({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope], abortSignal: controller.signal }));
      assert.equal(error.kind, 'cancelled');
    });

    it('aborts while the limiter holds a request', async () => {
      const clock = new FakeClock();
      const pipeline = h.pipeline({ provisioningRequestsPerMinute: 1, provisioningWindowMs: 60_000, clock });
      await pipeline.send({ method: 'GET', url: h.provUrl('/accounts'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE] });
      const controller = new AbortController();
      const held = rejection(pipeline.send({ method: 'GET', url: h.provUrl('/accounts'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE], abortSignal: controller.signal }));
      assert.deepEqual(clock.pending(), [60_000], 'held by the limiter for the window');
      controller.abort();
      const error = await held;
      assert.equal(error.kind, 'cancelled');
      assert.deepEqual(clock.pending(), [], 'the cancelled request left the queue (nothing waits for the window)');
      assert.equal(exchanges.length, 1);
    });

    it('times out each attempt, retries, then reports a timeout', async () => {
      await patchAdmin(h, '/faults', { arm: { latencyMs: 1_000 } });
      const pipeline = h.pipeline({ timeoutMs: 200, retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 } });
      const error = await rejection(pipeline.send({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] }));
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /did not answer within/);
      assert.match(error.message, /gave up after 2 retries: every attempt timed out/i);
      // Three attempts, each ended by its own 200 ms timeout rather than the emulator's one-second answer.
      assert.equal(h.logger.lines.filter((l) => / timeout after /.test(l)).length, 3);
    });
  });
});
