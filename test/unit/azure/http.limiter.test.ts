// The client-side limiter in isolation, on a fake clock: order, the window measured from answers, release, and
// cancellation.
import { strict as assert } from 'node:assert';
import { isAcgError } from '../../../src/azure/errors';
import { SlidingWindowLimiter, ifMatchHeaders, ifNoneMatchHeaders, repeatabilityHeaders, parseHttpDate, type LimiterSlot } from '../../../src/azure/http';
import { FakeClock } from '../../support/fakeClock';

/** Lets every promise callback already queued run (the limiter grants synchronously; `then` runs a tick later). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('http: limiter', () => {
  it('grants up to the limit at once, then holds the next until a slot leaves the window', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(3, 200, clock);
    const slots = await Promise.all([1, 2, 3].map(() => limiter.acquire('gw', undefined, 'op')));
    assert.deepEqual(slots.map((s) => s.waitedMs), [0, 0, 0]);
    slots.forEach((s) => s.release());
    const fourth: LimiterSlot[] = [];
    const waiting = limiter.acquire('gw', undefined, 'op').then((s) => fourth.push(s));
    clock.advance(199);
    await settled();
    assert.equal(fourth.length, 0, 'held until the window has passed');
    clock.advance(1);
    await waiting;
    assert.equal(fourth[0].waitedMs, 200);
    fourth[0].release();
  });

  it('counts a request in flight until its answer arrives, and the window from the answer', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(1, 100, clock);
    const first = await limiter.acquire('gw', undefined, 'op');
    const second: LimiterSlot[] = [];
    const waiting = limiter.acquire('gw', undefined, 'op').then((s) => second.push(s));
    assert.deepEqual(clock.pending(), [], 'no timer while the only slot is in flight: only its answer frees it');
    clock.advance(250);
    await settled();
    assert.equal(second.length, 0, 'held while the first request is still in flight');
    first.release();
    assert.deepEqual(clock.pending(), [100], 'a full window after the answer');
    clock.advance(99);
    await settled();
    assert.equal(second.length, 0);
    clock.advance(1);
    await waiting;
    assert.equal(second[0].waitedMs, 350);
  });

  it('serves waiters first come, first served, and keeps gateways apart', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(1, 50, clock);
    const order: number[] = [];
    (await limiter.acquire('a', undefined, 'op')).release();
    const waits = [1, 2, 3].map((n) => limiter.acquire('a', undefined, 'op').then((s) => (order.push(n), s.release())));
    const other = await limiter.acquire('b', undefined, 'op');
    assert.equal(other.waitedMs, 0, 'gateway b is not held by gateway a');
    other.release();
    for (let i = 0; i < 3; i++) {
      clock.advance(50);
      await settled();
    }
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
    assert.match(a['Repeatability-First-Sent'], /^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/);
    const at = new Date(Date.UTC(2026, 11, 4, 3, 30, 5, 678));
    const stamped = repeatabilityHeaders(at)['Repeatability-First-Sent'];
    assert.equal(stamped, 'Fri, 04 Dec 2026 03:30:05 GMT');
    assert.equal(parseHttpDate(stamped), Date.UTC(2026, 11, 4, 3, 30, 5));
  });

  it('If-Match / If-None-Match only when given, with the ETag exactly as received', () => {
    assert.deepEqual(ifMatchHeaders(undefined), {});
    assert.deepEqual(ifMatchHeaders('"0x8DC"'), { 'If-Match': '"0x8DC"' });
    assert.deepEqual(ifMatchHeaders('W/"1"'), { 'If-Match': 'W/"1"' });
    assert.deepEqual(ifNoneMatchHeaders('*'), { 'If-None-Match': '*' });
  });
});
