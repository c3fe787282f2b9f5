// The status follow-up with a fake clock: it waits with an exponential backoff, reads only the numbers still pending,
// fires 'write' at once and 'status' as numbers settle, gives up after its attempts, and stops on stopAll (sign-out).
import { strict as assert } from 'node:assert';
import type { NumberResource, ServiceProvisioningStatus } from '../../../src/core/models';
import type { NumbersChange } from '../../../src/host/numberChanges';
import { backoffDelays, NumberStatusFollower, type FollowTarget } from '../../../src/host/numberStatusFollower';

const TARGET: FollowTarget = { gatewayId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.VoiceServices/communicationsGateways/g', gatewayDomain: 'g.commsgw.azure.com', account: 'Contoso' };

function number(telephoneNumber: string, status: ServiceProvisioningStatus): NumberResource {
  return { telephoneNumber, accountName: 'Contoso', serviceDetails: { teamsDirectRouting: { enabled: true } }, serviceProvisioningStatus: status };
}

/** A clock that only moves when the test says: each sleep waits until advanced past it. */
class FakeClock {
  now = 0;
  readonly sleeps: number[] = [];
  private waiting: { until: number; resolve: () => void; reject: (e: unknown) => void }[] = [];

  sleep = (ms: number, signal: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise((resolve, reject) => {
      const entry = { until: this.now + ms, resolve, reject };
      this.waiting.push(entry);
      signal.addEventListener('abort', () => reject(new Error('stopped')), { once: true });
    });
  };

  /** Moves time to the next sleeper's end and wakes it; lets the follower run until it sleeps again. */
  async next(): Promise<void> {
    await settle();
    const entry = this.waiting.sort((a, b) => a.until - b.until).shift();
    assert.ok(entry, 'someone is sleeping');
    this.now = entry.until;
    entry.resolve();
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('host: NumberStatusFollower', () => {
  it('backs off exponentially up to a cap, a bounded number of times', () => {
    assert.deepEqual(backoffDelays({ firstDelayMs: 1000, factor: 2, maxDelayMs: 5000, maxAttempts: 5 }), [1000, 2000, 4000, 5000, 5000]);
  });

  it('fires write at once, then status as numbers settle, reading only those still pending', async () => {
    const clock = new FakeClock();
    const fired: NumbersChange[] = [];
    const reads: string[][] = [];
    const states = new Map<string, ServiceProvisioningStatus>([['+1', 'pending'], ['+2', 'pending'], ['+3', 'pending']]);
    const follower = new NumberStatusFollower(
      {
        read: async (_target, numbers) => {
          reads.push(numbers.map((n) => n.telephoneNumber));
          return numbers.filter((n) => states.has(n.telephoneNumber)).map((n) => number(n.telephoneNumber, states.get(n.telephoneNumber)!));
        },
        fire: (change) => fired.push(change),
        sleep: clock.sleep,
      },
      { firstDelayMs: 1000, factor: 2, maxDelayMs: 30_000, maxAttempts: 6 },
    );
    const done = follower.follow(TARGET, [number('+1', 'pending'), number('+2', 'pending'), number('+3', 'pending')]);
    assert.deepEqual(fired.map((f) => f.reason), ['write']);
    assert.equal(fired[0].upserted.length, 3);

    states.set('+1', 'synced');
    await clock.next();
    states.set('+2', 'failed');
    states.delete('+3');
    await clock.next();
    const result = await done;

    assert.deepEqual(clock.sleeps, [1000, 2000], 'backed off, and stopped once nothing was pending');
    assert.deepEqual(reads, [['+1', '+2', '+3'], ['+2', '+3']]);
    assert.deepEqual(fired.map((f) => [f.reason, f.upserted.map((n) => `${n.telephoneNumber}:${n.serviceProvisioningStatus}`), f.deleted]), [
      ['write', ['+1:pending', '+2:pending', '+3:pending'], []],
      ['status', ['+1:synced'], []],
      ['status', ['+2:failed'], ['+3']],
    ]);
    assert.deepEqual(result, { synced: ['+1'], failed: ['+2'], deleted: ['+3'], pending: [], stopped: false });
  });

  it('gives up after its attempts with the numbers still pending', async () => {
    const clock = new FakeClock();
    const follower = new NumberStatusFollower({ read: async (_t, numbers) => numbers, fire: () => undefined, sleep: clock.sleep }, { firstDelayMs: 10, maxAttempts: 3 });
    const done = follower.follow(TARGET, [number('+1', 'pending')]);
    for (let i = 0; i < 3; i++) await clock.next();
    const result = await done;
    assert.deepEqual(result.pending, ['+1']);
    assert.equal(clock.sleeps.length, 3);
    assert.equal(follower.active, 0);
  });

  it('stops at once on stopAll (sign-out), reading nothing more', async () => {
    const clock = new FakeClock();
    let reads = 0;
    const follower = new NumberStatusFollower({ read: async (_t, numbers) => (reads++, numbers), fire: () => undefined, sleep: clock.sleep });
    const done = follower.follow(TARGET, [number('+1', 'pending')]);
    await settle();
    assert.equal(follower.active, 1);
    follower.stopAll();
    const result = await done;
    assert.equal(result.stopped, true);
    assert.deepEqual(result.pending, ['+1']);
    assert.equal(reads, 0);
  });

  it('numbers already settled in the write’s answer are not followed', async () => {
    const clock = new FakeClock();
    const follower = new NumberStatusFollower({ read: () => assert.fail('nothing to read'), fire: () => undefined, sleep: clock.sleep });
    const result = await follower.follow(TARGET, [number('+1', 'synced')]);
    assert.deepEqual(result.synced, ['+1']);
    assert.deepEqual(clock.sleeps, []);
  });
});
