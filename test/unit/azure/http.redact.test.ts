// Redaction: every form in which a credential could reach a log line.
import { strict as assert } from 'node:assert';
import { redact, redactHeaders, redactUrl } from '../../../src/azure/http';

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('http: redact', () => {
  const cases: [string, string, string][] = [
    ['an Authorization header line', `Authorization: Bearer ${JWT}`, JWT],
    ['a Bearer value in free text', `sent Bearer opaque-token-1234567890 to ARM`, 'opaque-token-1234567890'],
    ['a JWT anywhere', `token=${JWT}`, JWT],
    ['half a JWT', `${JWT.split('.')[0]}`, JWT.split('.')[0]],
    ['client_secret in a form body', 'grant_type=client_credentials&client_secret=s3cr3t-Value&scope=x', 's3cr3t-Value'],
    ['access_token in JSON', '{"token_type":"Bearer","access_token":"abc123opaque","expires_in":3599}', 'abc123opaque'],
    ['refresh_token in JSON with spaces', '{ "refresh_token" : "rt-0.AAAA-secret" }', 'rt-0.AAAA-secret'],
    ['a Graph secretText', '{"secretText":"Qx8Q~generated~secret"}', 'Qx8Q~generated~secret'],
    ['an authorization member in JSON', '{"authorization":"Basic dXNlcjpwYXNz"}', 'dXNlcjpwYXNz'],
  ];
  for (const [name, text, secret] of cases) {
    it(`removes ${name}`, () => {
      const out = redact(text);
      assert.ok(!out.includes(secret), out);
      assert.match(out, /\[REDACTED\]/);
    });
  }

  it('removes known opaque secrets verbatim', () => {
    assert.equal(redact('the value x9-opaque-token-77 appeared', ['x9-opaque-token-77']), 'the value [REDACTED] appeared');
  });

  it('keeps ordinary text intact', () => {
    const text = "The client 'c0ffee00' does not have authorization to perform action 'Microsoft.VoiceServices/communicationsGateways/write'.";
    assert.equal(redact(text), text);
  });

  it('redacts secret query parameters and user info in URLs, keeping api-version and filters', () => {
    const out = redactUrl('https://user:pw@example.com/x?api-version=2024-02-29-preview&sig=abc&code=xyz&$filter=a%20eq%201&access_token=tok');
    assert.ok(!/=abc|=xyz|=tok|:pw@/.test(out), out);
    assert.match(out, /sig=\[REDACTED\]&code=\[REDACTED\]/);
    assert.match(out, /api-version=2024-02-29-preview/);
    assert.match(out, /%24filter=a|\$filter=a/);
  });

  it('redacts credential headers by name', () => {
    assert.deepEqual(redactHeaders({ authorization: `Bearer ${JWT}`, 'x-ms-client-request-id': 'id-1', cookie: 'a=b' }), {
      authorization: '[REDACTED]',
      'x-ms-client-request-id': 'id-1',
      cookie: '[REDACTED]',
    });
  });
});
