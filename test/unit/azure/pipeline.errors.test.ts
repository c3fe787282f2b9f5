// The error mapper, kind by kind: real emulator answers where the emulator can produce them (401, 403 from a reader,
// 404, 409, 412, 400, 429, 503), synthetic bodies for what it cannot (the IP allowlist, Graph's and ARM's shapes
// in isolation).
import { strict as assert } from 'node:assert';
import { SUBSCRIPTION_PRODUCTION } from '../../../emulator/seed/ids';
import { mapHttpError, mapTransportError, repeatabilityHeaders, ifMatchHeaders, type HttpErrorInput, type PipelineRequest } from '../../../src/azure/http';
import { EmulatorCredential, ForgedCredential, PROVISIONING_SCOPE, READER, patchAdmin, rejection, startHarness, type Harness } from './pipelineHarness';

const GATEWAY = `/subscriptions/${SUBSCRIPTION_PRODUCTION}/resourceGroups/rg-voice-prod/providers/Microsoft.VoiceServices/communicationsGateways/contoso-prod-gw`;

describe('pipeline: error mapping', function () {
  this.timeout(60_000);
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });
  after(async () => h.stop());
  beforeEach(() => h.resetFaults());

  describe('real emulator answers', () => {
    it('401 (a token no service issued) → notSignedIn, "Sign in again", without the token', async () => {
      const forged = new ForgedCredential();
      for (const [service, url, scope] of [
        ['arm', h.armUrl(GATEWAY), h.cloud.resourceManagerScope],
        ['provisioning', h.provUrl('/accounts'), PROVISIONING_SCOPE],
        ['graph', h.graphUrl('/servicePrincipals'), h.cloud.graphScope],
      ] as const) {
        const error = await rejection(h.pipeline({ credential: forged }).send({ method: 'GET', url, service, operation: 'read', scopes: [scope] }));
        assert.equal(error.kind, 'notSignedIn', `${service}: ${error.message}`);
        assert.equal(error.status, 401);
        assert.match(error.message, /^Sign in again: the token was rejected/);
        assert.ok(!error.message.includes(forged.token));
      }
    });

    it('403 from ARM for a Reader who writes → forbidden, naming the action and a role', async () => {
      const error = await rejection(
        h.pipeline({ credential: new EmulatorCredential(h.emulator, READER) }).send({ method: 'PATCH', url: h.armUrl(GATEWAY), service: 'arm', operation: 'tag the gateway', scopes: [h.cloud.resourceManagerScope], body: { tags: { env: 'prod' } } }),
      );
      assert.equal(error.kind, 'forbidden');
      assert.equal(error.code, 'AuthorizationFailed');
      assert.equal(error.requiredRole, 'Microsoft.VoiceServices/communicationsGateways/write');
      assert.match(error.message, /You don't have permission to tag the gateway: it needs a role that allows 'Microsoft\.VoiceServices\/communicationsGateways\/write'/);
      assert.match(error.message, /Contributor/);
    });

    it('403 from the Provisioning API for a reader token that writes → forbidden, naming ProvisioningAPI.Write', async () => {
      const error = await rejection(
        h.pipeline({ credential: new EmulatorCredential(h.emulator, READER) }).send({
          method: 'PUT',
          url: h.provUrl('/accounts/Reader-Write'),
          service: 'provisioning',
          operation: 'create an account',
          scopes: [PROVISIONING_SCOPE],
          headers: repeatabilityHeaders(),
          body: { name: 'Reader-Write' },
        }),
      );
      assert.equal(error.kind, 'forbidden');
      assert.equal(error.requiredRole, 'ProvisioningAPI.Write');
      assert.match(error.message, /needs the ProvisioningAPI\.Write role on the AzureCommunicationsGateway app/);
    });

    it('403 from Graph (Authorization_RequestDenied) → forbidden, naming the Graph permission', async () => {
      const error = await rejection(
        h.pipeline({ credential: new EmulatorCredential(h.emulator, READER) }).send({ method: 'GET', url: h.graphUrl("/servicePrincipals?$filter=appId eq 'x'"), service: 'graph', operation: 'find the Project Synergy app', scopes: [h.cloud.graphScope] }),
      );
      assert.equal(error.kind, 'forbidden');
      assert.equal(error.code, 'Authorization_RequestDenied');
      assert.equal(error.requiredRole, 'Application.Read.All');
      assert.match(error.message, /Microsoft Graph needs Application\.Read\.All/);
    });

    it('404 → notFound (ARM and the Provisioning API)', async () => {
      const pipeline = h.pipeline();
      const arm = await rejection(pipeline.send({ method: 'GET', url: h.armUrl(GATEWAY.replace('contoso-prod-gw', 'no-such-gw')), service: 'arm', operation: 'get gateway no-such-gw', scopes: [h.cloud.resourceManagerScope] }));
      assert.equal(arm.kind, 'notFound');
      assert.match(arm.message, /^Could not get gateway no-such-gw: not found \(.*'Microsoft\.VoiceServices\/communicationsGateways\/no-such-gw'/);
      const prov = await rejection(pipeline.send({ method: 'GET', url: h.provUrl('/accounts/No-Such'), service: 'provisioning', operation: 'get account No-Such', scopes: [PROVISIONING_SCOPE] }));
      assert.equal(prov.kind, 'notFound');
      assert.equal(prov.code, 'NotFound');
      assert.ok(prov.requestId, 'the service request id is kept for support');
      assert.ok(prov.clientRequestId);
    });

    it('412 for a stale If-Match → preconditionFailed, "changed by someone else since you read it; refresh and retry"', async () => {
      const pipeline = h.pipeline();
      const body = { name: 'Etag-Test', serviceDetails: { teamsTenantId: 'b2c3d4e5-0000-4000-8000-00000000e7a9', teamsOperatorConnect: { enabled: true, syncEnabled: true } } };
      const put = (etag?: string) =>
        pipeline.send({ method: 'PUT', url: h.provUrl('/accounts/Etag-Test'), service: 'provisioning', operation: 'update account Etag-Test', scopes: [PROVISIONING_SCOPE], headers: { ...repeatabilityHeaders(), ...ifMatchHeaders(etag) }, body });
      const created = await put();
      const staleEtag = created.headers.etag;
      await put(staleEtag); // someone else's edit moves the ETag on
      const error = await rejection(put(staleEtag));
      assert.equal(error.kind, 'preconditionFailed');
      assert.equal(error.status, 412);
      assert.match(error.message, /changed by someone else since you read it; refresh and retry/);
    });

    it('409 for a reused Repeatability-Request-ID with another body → conflict', async () => {
      const pipeline = h.pipeline();
      const headers = repeatabilityHeaders();
      const send = (name: string) =>
        pipeline.send({ method: 'PUT', url: h.provUrl(`/accounts/${name}`), service: 'provisioning', operation: `create account ${name}`, scopes: [PROVISIONING_SCOPE], headers, body: { name, serviceDetails: { teamsTenantId: 'b2c3d4e5-0000-4000-8000-00000000c0f1' } } });
      await send('Repeat-One');
      const error = await rejection(send('Repeat-Two'));
      assert.equal(error.kind, 'conflict');
      assert.match(error.message, /Repeatability-Request-ID/);
    });

    it('400 with details → badRequest listing each problem', async () => {
      const error = await rejection(
        h.pipeline().send({ method: 'PUT', url: h.provUrl('/accounts/Bad-Body'), service: 'provisioning', operation: 'create account Bad-Body', scopes: [PROVISIONING_SCOPE], headers: repeatabilityHeaders(), body: { name: 'Bad-Body', serviceDetails: { teamsTenantId: 'not-a-guid' } } }),
      );
      assert.equal(error.kind, 'badRequest');
      assert.ok(error.details.length >= 1, JSON.stringify(error));
      assert.match(error.message, /^The Provisioning API rejected the request to create account Bad-Body/);
      assert.match(error.message, /Details: /);
    });

    it('429 from the service (client limiter off, no retries) → throttled with retryAfterMs', async () => {
      await patchAdmin(h, '/config', { rateLimit: { requestsPerWindow: 1, windowMs: 30_000 } });
      try {
        const pipeline = h.pipeline({ provisioningRequestsPerMinute: 0, retry: { maxRetries: 0 } });
        const request: PipelineRequest = { method: 'GET', url: h.provUrl('/accounts'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE] };
        await pipeline.send(request);
        const error = await rejection(pipeline.send(request));
        assert.equal(error.kind, 'throttled');
        assert.ok(error.retryAfterMs !== undefined && error.retryAfterMs > 0 && error.retryAfterMs <= 30_000);
        assert.match(error.message, /throttling requests \(429\).*Retry in \d+ s/);
      } finally {
        await patchAdmin(h, '/config', { rateLimit: { requestsPerWindow: 0, windowMs: 60_000 } });
      }
    });

    it('503 → unavailable', async () => {
      await patchAdmin(h, '/faults', { graph: { errorRate: 1 } });
      const error = await rejection(h.pipeline({ retry: { maxRetries: 0 } }).send({ method: 'GET', url: h.graphUrl('/domains'), service: 'graph', operation: 'list domains', scopes: [h.cloud.graphScope] }));
      assert.equal(error.kind, 'unavailable');
      assert.match(error.message, /^Microsoft Graph is unavailable \(503/);
    });
  });

  describe('synthetic answers', () => {
    const provisioning403 = (body: unknown, headers: Record<string, string> = {}): HttpErrorInput => ({
      status: 403,
      headers,
      body,
      text: body === undefined ? '' : JSON.stringify(body),
      service: 'provisioning',
      operation: 'list accounts',
    });

    it('403 with an IP allowlist code → ipNotAllowed, pointing at apiBridge.allowedAddressPrefixes', () => {
      for (const code of ['IpNotAllowed', 'ForbiddenByFirewall']) {
        const error = mapHttpError(provisioning403({ error: { code, message: 'Forbidden.' } }, { 'x-ms-error-code': code }));
        assert.equal(error.kind, 'ipNotAllowed', code);
        assert.match(error.message, /^Your IP address is not in the gateway's Provisioning API allowlist \(apiBridge\.allowedAddressPrefixes\)\. Add it on the gateway/);
      }
    });

    it('403 whose message speaks of the IP and an allowlist → ipNotAllowed', () => {
      const error = mapHttpError(provisioning403({ error: { code: 'Forbidden', message: 'Client IP 203.0.113.7 is not in the allowed address list.' } }));
      assert.equal(error.kind, 'ipNotAllowed');
      assert.match(error.message, /203\.0\.113\.7/);
    });

    it('a bare 403 in front of the Provisioning API (no error body) → ipNotAllowed', () => {
      assert.equal(mapHttpError({ ...provisioning403(undefined), text: '<html>403 Forbidden</html>' }).kind, 'ipNotAllowed');
    });

    it('a role 403 stays forbidden', () => {
      const error = mapHttpError(provisioning403({ error: { code: 'Forbidden', message: 'The caller needs the ProvisioningAPI.Read (application) role.' } }));
      assert.equal(error.kind, 'forbidden');
      assert.equal(error.requiredRole, 'ProvisioningAPI.Read');
    });

    it('Graph 403 names the permission from the path when the caller did not', () => {
      const error = mapHttpError({
        status: 403,
        headers: {},
        body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } },
        text: '',
        service: 'graph',
        operation: 'assign an app role',
        method: 'POST',
        url: new URL('https://graph.microsoft.com/v1.0/servicePrincipals/abc/appRoleAssignments'),
      });
      assert.equal(error.requiredRole, 'AppRoleAssignment.ReadWrite.All and Application.Read.All');
    });

    it('a caller-named permission wins for a 403 that does not say', () => {
      const error = mapHttpError({ status: 403, headers: {}, body: { error: { code: 'Forbidden', message: 'Denied.' } }, text: '', service: 'arm', operation: 'do it', requiredPermission: 'Owner' });
      assert.equal(error.kind, 'forbidden');
      assert.equal(error.requiredRole, 'Owner');
    });

    it('401 reads WWW-Authenticate and never repeats a token the service echoed', () => {
      const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl';
      const error = mapHttpError({
        status: 401,
        headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="The access token has expired."' },
        body: { error: { code: 'ExpiredAuthenticationToken', message: `Token ${token} expired` } },
        text: '',
        service: 'arm',
        operation: 'list gateways',
      });
      assert.equal(error.kind, 'notSignedIn');
      assert.match(error.message, /^Sign in again: the token was rejected by Azure Resource Manager while trying to list gateways \(The access token has expired\)\./);
      const echoed = mapHttpError({ status: 400, headers: {}, body: { error: { code: 'Bad', message: `Bearer ${token} is malformed` } }, text: '', service: 'arm', operation: 'x' });
      assert.ok(!echoed.message.includes(token));
    });

    it('412 about Repeatability-First-Sent is not blamed on someone else', () => {
      const error = mapHttpError({ status: 412, headers: {}, body: { error: { code: 'PreconditionFailed', message: 'Repeatability-First-Sent is more than 5 minutes old.', target: 'Repeatability-First-Sent' } }, text: '', service: 'provisioning', operation: 'add numbers' });
      assert.equal(error.kind, 'preconditionFailed');
      assert.doesNotMatch(error.message, /someone else/);
    });

    it('500, 502 and 504 → unavailable; 501 → unexpected', () => {
      for (const status of [500, 502, 504]) assert.equal(mapHttpError({ status, headers: {}, body: undefined, text: '', service: 'arm', operation: 'x' }).kind, 'unavailable');
      assert.equal(mapHttpError({ status: 501, headers: {}, body: undefined, text: '', service: 'arm', operation: 'x' }).kind, 'unexpected');
    });

    it('transport failures: timeout, cancelled, a write that may have been applied, an untrusted certificate', () => {
      const base = { service: 'provisioning', operation: 'add numbers', timeoutMs: 30_000 } as const;
      assert.equal(mapTransportError({ ...base, reason: 'timeout', error: { code: 'ETIMEDOUT' }, sent: true }).kind, 'timeout');
      assert.equal(mapTransportError({ ...base, reason: 'cancelled', error: {}, sent: false }).kind, 'cancelled');
      assert.match(mapTransportError({ ...base, reason: 'network', error: { code: 'ECONNRESET', message: 'socket hang up' }, sent: true }).message, /may or may not have been applied/);
      const tls = mapTransportError({ ...base, reason: 'network', error: { code: 'SELF_SIGNED_CERT_IN_CHAIN' }, sent: false });
      assert.equal(tls.kind, 'network');
      assert.match(tls.message, /not trusted/);
    });
  });
});
