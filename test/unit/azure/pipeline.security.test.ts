// Token safety: a request to a host outside the selected cloud is refused before a token is minted and before a
// byte leaves the machine; redirects and foreign nextLinks are not followed; and no log line of a full run (successes,
// retries, errors, refusals) carries the access token or the client secret.
import { strict as assert } from 'node:assert';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ClientSecretCredential } from '@azure/identity';
import { ensureTlsMaterial } from '../../../emulator/tls';
import { DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, READER_CLIENT_ID, READER_CLIENT_SECRET, SUBSCRIPTION_PRODUCTION } from '../../../emulator/seed/ids';
import { allowedHostsForCloud, collectAll, createPipeline, pageByNextLink, repeatabilityHeaders, type HttpPipeline, type PipelineRequest, type PipelineResponse } from '../../../src/azure/http';
import { CapturingLogger, PROVISIONING_SCOPE, patchAdmin, rejection, startHarness, type Harness } from './pipelineHarness';

const GATEWAYS = `/subscriptions/${SUBSCRIPTION_PRODUCTION}/providers/Microsoft.VoiceServices/communicationsGateways`;

/** A plain TCP listener that only counts connections: proof that nothing was sent its way. */
async function connectionCounter(): Promise<{ server: TcpServer; port: number; connections: () => number }> {
  let count = 0;
  const server = createTcpServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => count };
}

describe('pipeline: token safety', function () {
  this.timeout(60_000);
  let h: Harness;
  let trap: Awaited<ReturnType<typeof connectionCounter>>;

  before(async () => {
    h = await startHarness();
    trap = await connectionCounter();
  });
  after(async () => {
    await new Promise<void>((resolve) => trap.server.close(() => resolve()));
    await h.stop();
  });
  beforeEach(() => {
    h.resetFaults();
    h.credential.calls.length = 0;
    h.logger.lines.length = 0;
  });

  describe('refused hosts', () => {
    const foreign = (port: () => number, emulatorPort: () => number): [string, () => string][] => [
      ['a host on the internet', () => 'https://evil.example.com/subscriptions?api-version=2023-09-01'],
      ['another loopback port', () => `https://127.0.0.1:${port()}/subscriptions?api-version=2023-09-01`],
      ['the emulator host spelled differently (localhost)', () => `https://localhost:${emulatorPort()}/subscriptions`],
      ['plain http to the emulator port', () => `http://127.0.0.1:${emulatorPort()}/subscriptions`],
      ['user info in the URL', () => `https://user:pass@127.0.0.1:${emulatorPort()}/subscriptions`],
      ['a look-alike Provisioning API host', () => 'https://provapi.cprod7a1b2c3.commsgw.azure.com.evil.example.com/accounts'],
    ];
    for (const [name, url] of foreign(() => trap.port, () => h.emulator.port)) {
      it(`refuses ${name} before asking for a token or sending anything`, async () => {
        const pipeline = h.pipeline();
        const error = await rejection(pipeline.send({ method: 'GET', url: url(), service: 'arm', operation: 'list subscriptions', scopes: [h.cloud.resourceManagerScope] }));
        assert.equal(error.kind, 'refusedHost');
        assert.match(error.message, /no token was requested or sent/);
        assert.equal(h.credential.calls.length, 0, 'getToken was never called');
        assert.equal(trap.connections(), 0, 'no connection was opened');
        assert.ok(!h.logger.lines.some((l) => l.includes('→')), 'no attempt was logged');
      });
    }

    it('refuses a nextLink that points at another host, after the first page', async () => {
      const real = h.pipeline();
      // The service is honest; a tampered first page (e.g. a compromised proxy) names another host in nextLink.
      const tampering: HttpPipeline = {
        async send<T>(request: PipelineRequest): Promise<PipelineResponse<T>> {
          const response = await real.send<{ value: unknown[]; nextLink?: string }>(request);
          return { ...response, body: { ...response.body, nextLink: `https://127.0.0.1:${trap.port}/steal?page=2` } as T };
        },
      };
      const error = await rejection(
        collectAll(pageByNextLink(tampering, { method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] })),
      );
      assert.equal(error.kind, 'refusedHost');
      assert.equal(h.credential.calls.length, 1, 'a token only for the first page');
      assert.equal(trap.connections(), 0);
    });

    it('refuses a caller-set Authorization or Host header', async () => {
      const pipeline = h.pipeline();
      const forbidden: Record<string, string>[] = [{ Authorization: 'Bearer x' }, { Host: 'evil.example.com' }];
      for (const headers of forbidden) {
        const error = await rejection(pipeline.send({ method: 'GET', url: h.armUrl(GATEWAYS), service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope], headers }));
        assert.equal(error.kind, 'unexpected');
      }
      assert.equal(h.credential.calls.length, 0);
    });

    describe('redirects', () => {
      let redirector: HttpsServer;
      let redirectorPort = 0;
      let hits = 0;
      before(async () => {
        const tls = ensureTlsMaterial(h.dataDir);
        redirector = createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
          hits++;
          const target = req.url?.startsWith('/same') ? `https://127.0.0.1:${redirectorPort}/elsewhere` : `https://127.0.0.1:${trap.port}/steal`;
          res.writeHead(302, { location: target });
          res.end();
        });
        await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
        redirectorPort = (redirector.address() as AddressInfo).port;
      });
      after(async () => {
        await new Promise<void>((resolve) => redirector.close(() => resolve()));
      });

      it('does not follow a redirect to another host, and says why', async () => {
        hits = 0;
        const pipeline = createPipeline({
          credential: h.credential,
          isAllowedHost: (url) => url.origin === `https://127.0.0.1:${redirectorPort}`,
          ca: [h.emulator.caCertPem],
          logger: h.logger,
        });
        try {
          const error = await rejection(pipeline.send({ method: 'GET', url: `https://127.0.0.1:${redirectorPort}/start`, service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] }));
          assert.equal(error.kind, 'refusedHost');
          assert.equal(error.status, 302);
          assert.match(error.message, /never forwarded to another host/);
          assert.equal(hits, 1);
          assert.equal(trap.connections(), 0);
          // Not even a same-host redirect is followed with the Authorization header.
          const same = await rejection(pipeline.send({ method: 'GET', url: `https://127.0.0.1:${redirectorPort}/same`, service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] }));
          assert.equal(same.kind, 'unexpected');
          assert.equal(hits, 2);
        } finally {
          pipeline.dispose();
        }
      });
    });
  });

  describe('logs', () => {
    it('no log line or error message of a full run carries an access token or the client secret', async () => {
      // The real @azure/identity credential against the emulator's Entra, trusting its CA through tlsOptions.
      const credentialOptions = { authorityHost: h.emulator.url, disableInstanceDiscovery: true, tlsOptions: { ca: h.emulator.caCertPem } };
      const operator = new ClientSecretCredential(DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, credentialOptions);
      const reader = new ClientSecretCredential(DEMO_TENANT_ID, READER_CLIENT_ID, READER_CLIENT_SECRET, credentialOptions);
      const logger = new CapturingLogger();
      const messages: string[] = [];
      const options = { isAllowedHost: allowedHostsForCloud(h.cloud), ca: [h.emulator.caCertPem], logger, retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 }, provisioningFailoverDelayMs: 0 };
      const pipeline = createPipeline({ ...options, credential: operator });
      const readOnly = createPipeline({ ...options, credential: reader });
      const attempt = async (p: HttpPipeline, request: PipelineRequest): Promise<void> => {
        try {
          await p.send(request);
        } catch (error) {
          messages.push(error instanceof Error ? `${error.message} ${String(error.stack)}` : String(error));
        }
      };
      const arm = (path: string): PipelineRequest => ({ method: 'GET', url: h.armUrl(path), service: 'arm', operation: 'read ARM', scopes: [h.cloud.resourceManagerScope] });
      const prov = (path: string, extra: Partial<PipelineRequest> = {}): PipelineRequest => ({ method: 'GET', url: h.provUrl(path), service: 'provisioning', operation: 'use the Provisioning API', scopes: [PROVISIONING_SCOPE], ...extra });
      try {
        // Success, paging, retries through 5xx / 429 / resets, then errors of every kind, then a refused host.
        await attempt(pipeline, arm(GATEWAYS));
        await collectAll(pageByNextLink(pipeline, prov('/accounts?maxpagesize=2')));
        await patchAdmin(h, '/faults', { arm: { errorRate: 0.4, throttleRate: 0.2, resetRate: 0.2, retryAfterSeconds: 0 }, provisioning: { errorRate: 0.5 }, seed: 13 });
        for (let i = 0; i < 4; i++) await attempt(pipeline, arm(GATEWAYS));
        for (let i = 0; i < 4; i++) await attempt(pipeline, prov('/accounts'));
        h.resetFaults();
        await patchAdmin(h, '/faults', { arm: { errorRate: 1 } });
        await attempt(pipeline, arm(GATEWAYS));
        h.resetFaults();
        await attempt(pipeline, arm(`/subscriptions/${SUBSCRIPTION_PRODUCTION}/resourceGroups/rg-voice-prod/providers/Microsoft.VoiceServices/communicationsGateways/nope`));
        await attempt(readOnly, prov('/accounts/Token-Test', { method: 'PUT', headers: repeatabilityHeaders(), body: { name: 'Token-Test' } }));
        await attempt(readOnly, { method: 'PATCH', url: h.armUrl(`/subscriptions/${SUBSCRIPTION_PRODUCTION}/resourceGroups/rg-voice-prod/providers/Microsoft.VoiceServices/communicationsGateways/contoso-prod-gw`), service: 'arm', operation: 'tag gateway', scopes: [h.cloud.resourceManagerScope], body: { tags: { a: 'b' } } });
        await attempt(readOnly, { method: 'GET', url: h.graphUrl('/servicePrincipals'), service: 'graph', operation: 'list service principals', scopes: [h.cloud.graphScope] });
        await attempt(pipeline, { ...arm(GATEWAYS), url: 'https://evil.example.com/?access_token=abc.def' });
      } finally {
        h.resetFaults();
        pipeline.dispose();
        readOnly.dispose();
      }

      const tokens = await Promise.all([
        operator.getToken(h.cloud.resourceManagerScope),
        operator.getToken(PROVISIONING_SCOPE),
        reader.getToken(h.cloud.resourceManagerScope),
        reader.getToken(PROVISIONING_SCOPE),
        reader.getToken(h.cloud.graphScope),
      ]);
      const secrets = [...tokens.map((t) => t!.token), ...tokens.map((t) => t!.token.split('.')[2]), OPERATOR_CLIENT_SECRET, READER_CLIENT_SECRET];
      const everything = [...logger.lines, ...messages];
      // The run must have exercised what it claims to, or the assertion below proves nothing.
      assert.ok(logger.lines.some((l) => /"authorization":"\[REDACTED\]"/.test(l)), 'Authorization headers were logged, redacted');
      for (const status of ['200', '503', '404', '403']) assert.ok(logger.lines.some((l) => l.includes(`← ${status} `)), `a ${status} was logged`);
      assert.ok(logger.lines.some((l) => /^warn retrying/.test(l)), 'retries were logged');
      assert.ok(messages.some((m) => /refused/i.test(m)));
      for (const line of everything) {
        for (const secret of secrets) assert.ok(!line.includes(secret), `a secret leaked into: ${line.slice(0, 200)}`);
        assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/.test(line), `a JWT-looking string leaked into: ${line.slice(0, 200)}`);
      }
    });
  });
});
