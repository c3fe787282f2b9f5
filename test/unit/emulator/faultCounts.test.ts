// The emulator counts the faults it injects, so that a reliability run with faults on can show it met them.
import { strict as assert } from 'node:assert';
import { FaultInjector } from '../../../emulator/faults';

describe('emulator faults: injected counts', () => {
  it('counts each injected kind per service, and nothing for clean draws or admin', () => {
    const faults = new FaultInjector({ provisioning: { errorRate: 0.1, throttleRate: 0.1, resetRate: 0.02 } }, 3);
    const drawn = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const kind = faults.draw('provisioning').kind;
      drawn.set(kind, (drawn.get(kind) ?? 0) + 1);
      assert.equal(faults.draw('admin').kind, 'none');
      assert.equal(faults.draw('arm').kind, 'none');
    }
    const injected = faults.injected();
    assert.deepEqual(injected, { provisioning: { error: drawn.get('error'), throttle: drawn.get('throttle'), reset: drawn.get('reset') } });
    assert.ok((drawn.get('error') ?? 0) > 150 && (drawn.get('reset') ?? 0) > 20, JSON.stringify(injected));
    injected.provisioning!.error = 0;
    assert.equal(faults.injected().provisioning?.error, drawn.get('error'), 'a copy, not the live counts');
  });
});
