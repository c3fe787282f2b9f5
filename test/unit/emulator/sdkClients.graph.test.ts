// The Microsoft Graph JS client on its own (not through our GraphClient): its TokenCredentialAuthenticationProvider
// with a real ClientSecretCredential, its AuthenticationHandler and RetryHandler, PageIterator following
// @odata.nextLink, and $batch through BatchRequestContent / BatchResponseContent, against the emulator's /graph.
//
// Transport: the Graph client's own last middleware calls the global fetch, which cannot be given a CA per request
// without a dependency this project does not have. So the chain ends in a small middleware that sends the request the
// SDK built over node:https, trusting the emulator's CA explicitly (TLS checks stay on). Everything the client does
// above the socket (URLs, headers, tokens, retries, batch bodies, paging) is the SDK's own.
import { strict as assert } from 'node:assert';
import { request as httpsRequest } from 'node:https';
import {
  AuthenticationHandler, BatchRequestContent, BatchResponseContent, Client, PageIterator, RetryHandler, RetryHandlerOptions, type Context, type Middleware,
  type PageCollection,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { ACG_PROVISIONING_SP_ID, PROJECT_SYNERGY_SP_ID } from '../../../emulator/seed/ids';
import { assertRequestsConform, startWorld, type ClientWorld } from '../azure/clients.support';
import { unrouted } from './sdkClients.support';

/** The last middleware: the request exactly as the SDK built it, over HTTPS that trusts the emulator's CA. */
class HttpsTransport implements Middleware {
  constructor(private readonly ca: string) {}

  execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const options = context.options ?? {};
    const headers: Record<string, string> = {};
    new Headers(options.headers as ConstructorParameters<typeof Headers>[0]).forEach((value, key) => {
      headers[key] = value;
    });
    const body = typeof options.body === 'string' ? options.body : undefined;
    return new Promise((resolve, reject) => {
      const req = httpsRequest(url, { method: options.method ?? 'GET', headers, ca: this.ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v);
          context.response = new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers: responseHeaders });
          resolve();
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
}

describe('SDK clients: the Microsoft Graph JS client ($batch, PageIterator) against the emulator', function () {
  this.timeout(60_000);
  let world: ClientWorld;
  let client: Client;

  before(async () => {
    world = await startWorld();
    const auth = new AuthenticationHandler(new TokenCredentialAuthenticationProvider(world.credential('operator'), { scopes: ['https://graph.microsoft.com/.default'] }));
    const retry = new RetryHandler(new RetryHandlerOptions(0, 3));
    auth.setNext(retry);
    retry.setNext(new HttpsTransport(world.emulator.caCertPem));
    client = Client.initWithMiddleware({
      middleware: auth,
      baseUrl: `${world.emulator.url}/graph`,
      defaultVersion: 'v1.0',
      // The SDK attaches tokens only for Graph hosts and these: the emulator's.
      customHosts: new Set([new URL(world.emulator.url).hostname]),
    });
  });

  after(async () => {
    await world?.stop();
  });

  it('PageIterator follows @odata.nextLink through every page', async () => {
    const from = world.exchanges.length;
    const first = (await client.api('/servicePrincipals').top(1).select('id,appId,displayName').get()) as PageCollection;
    assert.ok(first['@odata.nextLink'], 'the first page links to the next');
    const ids: string[] = [];
    const iterator = new PageIterator(client, first, (item: { id: string }) => {
      ids.push(item.id);
      return true;
    });
    await iterator.iterate();
    assert.ok(iterator.isComplete());
    assert.ok(ids.includes(PROJECT_SYNERGY_SP_ID) && ids.includes(ACG_PROVISIONING_SP_ID), ids.join(', '));
    assert.equal(new Set(ids).size, ids.length, 'no item twice');
    const pages = world.exchanges.slice(from).filter((e) => e.service === 'graph');
    assert.equal(pages.length, ids.length, 'one request per page of one');
    assert.ok(pages.every((e) => e.status === 200 && (e.requestHeaders.authorization ?? '').startsWith('Bearer ')));
  });

  it('$batch: BatchRequestContent out, BatchResponseContent back, one answer per request', async () => {
    const base = `${world.emulator.url}/graph/v1.0`;
    const batch = new BatchRequestContent([
      { id: '1', request: new Request(`${base}/servicePrincipals/${PROJECT_SYNERGY_SP_ID}?$select=id,appId`) },
      { id: '2', request: new Request(`${base}/servicePrincipals/${ACG_PROVISIONING_SP_ID}?$select=id,displayName`) },
      { id: '3', request: new Request(`${base}/servicePrincipals/00000000-0000-4000-8000-00000000dead`) },
    ]);
    const answer: unknown = await client.api('/$batch').post(await batch.getContent());
    const responses = new BatchResponseContent(answer as ConstructorParameters<typeof BatchResponseContent>[0]);
    const one = responses.getResponseById('1');
    assert.equal(one.status, 200);
    assert.equal(((await one.json()) as { id: string }).id, PROJECT_SYNERGY_SP_ID);
    assert.equal(responses.getResponseById('2').status, 200);
    assert.equal(responses.getResponseById('3').status, 404);
  });

  it('every request the Graph client sent was routed, and satisfies the Graph contract', async () => {
    assert.deepEqual(unrouted(world, 0), []);
    await assertRequestsConform(world.exchanges);
  });
});
