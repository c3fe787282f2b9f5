// The fault soak's token search (test/support/secretScan.ts) must find what it claims to: a token whole or cut in
// two, a client secret, an unredacted Bearer or Authorization value, a JWT-looking string; and must not count the
// pipeline's redaction marker or ordinary prose about headers as a leak (or every soak would report hits).
import { strict as assert } from 'node:assert';
import { SecretScanner } from '../../support/secretScan';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi0xMjM0NTY3ODkw';
const [, PAYLOAD, SIGNATURE] = TOKEN.split('.');

describe('soak: the token and secret search', () => {
  const scanner = () => new SecretScanner({ tokens: [TOKEN], secrets: ['sandbox-operator-secret'] });

  it('finds an issued token whole, its payload alone and its signature alone', () => {
    assert.ok(scanner().scan('log', `sent ${TOKEN} to the service`).some((h) => h.what === 'issued token #1'));
    assert.ok(scanner().scan('log', `…${SIGNATURE.slice(0, 40)}`).length === 0, 'a fragment shorter than a segment is not claimed');
    assert.ok(scanner().scan('log', `tail: ${SIGNATURE}`).some((h) => h.what === 'signature of issued token #1'));
    assert.ok(scanner().scan('log', `payload ${PAYLOAD}`).some((h) => h.what === 'payload of issued token #1'));
  });

  it('finds a client secret, an unredacted Bearer value, an Authorization value and anything JWT-like', () => {
    assert.ok(scanner().scan('err', 'client_secret=sandbox-operator-secret').some((h) => h.what === 'client secret #1'));
    assert.ok(scanner().scan('err', 'headers: Bearer abc.def').some((h) => h.what === 'a Bearer credential'));
    assert.ok(scanner().scan('err', '{"authorization":"Basic dXNlcjpwYXNz"}').some((h) => h.what === 'an Authorization value'));
    assert.ok(scanner().scan('err', 'Authorization: xyz').some((h) => h.what === 'an Authorization value'));
    assert.ok(scanner().scan('err', 'token eyJzdWIiOiJ4In0').some((h) => h.what === 'a JWT-looking string (eyJ…)'));
  });

  it('counts the outputs it searched, and does not take redaction markers or prose for a leak', () => {
    const s = scanner();
    assert.deepEqual(s.scan('log', 'headers={"authorization":"[REDACTED]"} Bearer [REDACTED] authorization: [REDACTED]'), []);
    assert.deepEqual(s.scan('message', 'The request has no Authorization header. Sign in again.'), []);
    const result = s.result();
    assert.equal(result.outputs, 2);
    assert.equal(result.hits.length, 0);
  });
});
