// Retry rules without a server: what is retried, how long to wait, and Retry-After in all its forms.
import { strict as assert } from 'node:assert';
import { backoffDelayMs, isRetryableStatus, isSafeToRepeat, isTransientNetworkError, parseHttpDate, parseRetryAfterMs } from '../../../src/azure/http';

describe('http: retry policy', () => {
  it('retries 408, 429 and 5xx except 501 and 505', () => {
    for (const status of [408, 429, 500, 502, 503, 504, 599]) assert.ok(isRetryableStatus(status), String(status));
    for (const status of [200, 400, 401, 403, 404, 409, 412, 501, 505]) assert.ok(!isRetryableStatus(status), String(status));
  });

  it('treats resets, refusals, DNS hiccups and "socket hang up" as transient; certificate errors are not', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']) assert.ok(isTransientNetworkError({ code }), code);
    assert.ok(isTransientNetworkError({ message: 'socket hang up' }));
    assert.ok(!isTransientNetworkError({ code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain' }));
  });

  it('repeats POST only with a Repeatability-Request-ID (any header case)', () => {
    assert.ok(isSafeToRepeat('GET', {}));
    assert.ok(isSafeToRepeat('PUT', {}));
    assert.ok(isSafeToRepeat('DELETE', {}));
    assert.ok(isSafeToRepeat('PATCH', {}));
    assert.ok(!isSafeToRepeat('POST', {}));
    assert.ok(isSafeToRepeat('POST', { 'Repeatability-Request-ID': 'x' }));
    assert.ok(isSafeToRepeat('POST', { 'repeatability-request-id': 'x' }));
  });

  it('backs off exponentially with full jitter, capped', () => {
    const retry = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(backoffDelayMs(0, retry, () => 0.999999), 99);
    assert.equal(backoffDelayMs(2, retry, () => 0.999999), 399);
    assert.equal(backoffDelayMs(10, retry, () => 0.999999), 999);
    assert.equal(backoffDelayMs(3, retry, () => 0), 0);
    const samples = Array.from({ length: 200 }, () => backoffDelayMs(3, retry));
    assert.ok(samples.every((s) => s >= 0 && s < 800));
    assert.ok(new Set(samples).size > 50, 'jittered, not fixed');
  });

  it('reads Retry-After as seconds', () => {
    assert.equal(parseRetryAfterMs({ 'retry-after': '7' }), 7000);
    assert.equal(parseRetryAfterMs({ 'retry-after': '0' }), 0);
    assert.equal(parseRetryAfterMs({ 'retry-after': '1.5' }), 1500);
  });

  it('reads Retry-After as an HTTP date, relative to now', () => {
    const now = Date.UTC(2024, 1, 29, 12, 0, 0);
    assert.equal(parseRetryAfterMs({ 'retry-after': 'Thu, 29 Feb 2024 12:00:30 GMT' }, now), 30_000);
    assert.equal(parseRetryAfterMs({ 'retry-after': 'Thu, 29 Feb 2024 11:59:00 GMT' }, now), 0, 'a date in the past means now');
  });

  it('prefers retry-after-ms and x-ms-retry-after-ms', () => {
    assert.equal(parseRetryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' }), 250);
    assert.equal(parseRetryAfterMs({ 'x-ms-retry-after-ms': '1200' }), 1200);
  });

  it('ignores Retry-After it cannot read', () => {
    assert.equal(parseRetryAfterMs({ 'retry-after': 'soon' }), undefined);
    assert.equal(parseRetryAfterMs({ 'retry-after': '-5' }), undefined);
    assert.equal(parseRetryAfterMs({}), undefined);
  });

  it('parses the three HTTP date forms of RFC 9110 and rejects impossible dates', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    assert.equal(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT'), expected);
    assert.equal(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT'), expected);
    assert.equal(parseHttpDate('Sun Nov  6 08:49:37 1994'), expected);
    assert.equal(parseHttpDate(new Date(expected).toUTCString()), expected);
    assert.equal(parseHttpDate('Sat, 31 Feb 2024 08:49:37 GMT'), undefined);
    assert.equal(parseHttpDate('2024-02-29T12:00:00Z'), undefined);
  });
});
