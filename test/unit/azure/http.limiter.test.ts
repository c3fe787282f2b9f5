// The client-side limiter in isolation: order, the window measured from answers, release, and cancellation.
import { strict as assert } from 'node:assert';
import { isAcgError } from '../../../src/azure/errors';
import { SlidingWindowLimiter, ifMatchHeaders, ifNoneMatchHeaders, repeatabilityHeaders, parseHttpDate } from '../../../src/azure/http';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('http: limiter', () => {
  it('grants up to the limit at once, then holds the next until a slot leaves the window', async () => {
    const limiter = new SlidingWindowLimiter(3, 200);
    const started = Date.now();
    const slots = await Promise.all([1, 2, 3].map(() => limiter.acquire('gw', undefined, 'op')));
    slots.forEach((s) => s.release());
    const fourth = await limiter.acquire('gw', undefined, 'op');
    assert.ok(Date.now() - started >= 190, `held for ${Date.now() - started} ms`);
    assert.ok(fourth.waitedMs >= 190);
    fourth.release();
  });

  it('counts a request in flight until its answer arrives, and the window from the answer', async () => {
    const limiter = new SlidingWindowLimiter(1, 100);
    const first = await limiter.acquire('gw', undefined, 'op');
    let granted = false;
    const second = limiter.acquire('gw', undefined, 'op').then((s) => {
      granted = true;
      return s;
    });
    await tick(250);
    assert.equal(granted, false, 'held while the first request is still in flight');
    const releasedAt = Date.now();
    first.release();
    (await second).release();
    assert.ok(Date.now() - releasedAt >= 95, 'a full window after the answer');
  });

  it('serves waiters first come, first served, and keeps gateways apart', async () => {
    const limiter = new SlidingWindowLimiter(1, 50);
    const order: number[] = [];
    (await limiter.acquire('a', undefined, 'op')).release();
    const waits = [1, 2, 3].map((n) => limiter.acquire('a', undefined, 'op').then((s) => (order.push(n), s.release())));
    const other = await limiter.acquire('b', undefined, 'op');
    assert.equal(other.waitedMs < 20, true, 'gateway b is not held by gateway a');
    other.release();
    await Promise.all(waits);
    assert.deepEqual(order, [1, 2, 3]);
  });

  it('a cancelled waiter leaves the queue and rejects with AcgError cancelled', async () => {
    const limiter = new SlidingWindowLimiter(1, 10_000);
    const held = await limiter.acquire('gw', undefined, 'op');
    const controller = new AbortController();
    const waiting = limiter.acquire('gw', controller.signal, 'list numbers');
    controller.abort();
    await assert.rejects(waiting, (e: unknown) => isAcgError(e, 'cancelled'));
    held.release();
    assert.equal(limiter.inUse('gw'), 1);
  });

  it('a limit of 0 means no limit', async () => {
    const limiter = new SlidingWindowLimiter(0, 60_000);
    const slots = await Promise.all(Array.from({ length: 500 }, () => limiter.acquire('gw', undefined, 'op')));
    assert.ok(slots.every((s) => s.waitedMs === 0));
  });
});

describe('http: write headers', () => {
  it('repeatabilityHeaders gives a fresh id and an IMF-fixdate First-Sent', () => {
    const a = repeatabilityHeaders();
    const b = repeatabilityHeaders();
    assert.match(a['Repeatability-Request-ID'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(a['Repeatability-Request-ID'], b['Repeatability-Request-ID']);
    const sent = parseHttpDate(a['Repeatability-First-Sent']);
    assert.ok(sent !== undefined && Math.abs(sent - Date.now()) < 2000);
  });

  it('If-Match / If-None-Match only when given, with the ETag exactly as received', () => {
    assert.deepEqual(ifMatchHeaders(undefined), {});
    assert.deepEqual(ifMatchHeaders('"0x8DC"'), { 'If-Match': '"0x8DC"' });
    assert.deepEqual(ifMatchHeaders('W/"1"'), { 'If-Match': 'W/"1"' });
    assert.deepEqual(ifNoneMatchHeaders('*'), { 'If-None-Match': '*' });
  });
});
