// The runner: reads requested once and only when a selected check needs them, checks in parallel (proved with
// deferred reads, no timers), a failed read isolated to the checks that need it, results as they finish and in
// registry order, and cancellation that stops the run instead of becoming a check's error.
import * as assert from 'node:assert/strict';
import { ONBOARDING_CHECKS } from '../../../src/core/onboarding/registry';
import { runOnboardingChecks } from '../../../src/core/onboarding/run';
import type { CheckResult, OnboardingData, OnboardingReads, ReadKey } from '../../../src/core/onboarding/types';
import { countingReads, deferred, forbidden, healthyData, type Deferred } from './onboarding.support';

/** Reads that stay pending until the test settles them, one deferred per key. */
function heldReads(): OnboardingReads & { held: Map<ReadKey, Deferred<unknown>>; signals: (AbortSignal | undefined)[] } {
  const held = new Map<ReadKey, Deferred<unknown>>();
  const signals: (AbortSignal | undefined)[] = [];
  return {
    held,
    signals,
    read<K extends ReadKey>(key: K, signal?: AbortSignal): Promise<OnboardingData[K]> {
      signals.push(signal);
      const d = deferred<unknown>();
      held.set(key, d);
      return d.promise as Promise<OnboardingData[K]>;
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('core/onboarding: runOnboardingChecks', () => {
  it('runs every check, in registry order, and asks for each read exactly once', async () => {
    const reads = countingReads(healthyData());
    const results = await runOnboardingChecks(reads);
    assert.deepEqual(results.map((r) => r.id), ONBOARDING_CHECKS.map((c) => c.id));
    assert.deepEqual(results.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.summary}`), []);
    const needed = new Set(ONBOARDING_CHECKS.flatMap((c) => c.reads));
    assert.deepEqual([...reads.calls].sort(), [...needed].sort());
  });

  it('asks only for the reads the selected checks need, and returns them in registry order', async () => {
    const reads = countingReads(healthyData());
    const results = await runOnboardingChecks(reads, { checkIds: ['domain.verified', 'gateway.status'] });
    assert.deepEqual(results.map((r) => r.id), ['gateway.status', 'domain.verified']);
    assert.deepEqual([...reads.calls].sort(), ['domain', 'gateway', 'now']);
  });

  it('refuses an unknown check id with its name', async () => {
    await assert.rejects(runOnboardingChecks(countingReads(healthyData()), { checkIds: ['gateway.status', 'nope.nothing'] }), /Unknown onboarding check 'nope\.nothing'/);
  });

  it('starts every read before any answers, and a check finishes as soon as its own reads do', async () => {
    const reads = heldReads();
    const finished: string[] = [];
    const run = runOnboardingChecks(reads, { checkIds: ['domain.verified', 'synergy.service-principal', 'identity.synergy-roles'], onResult: (r) => finished.push(r.id) });
    await settle();
    // All three keys' reads are in flight at once: nothing waited for another read to finish first.
    assert.deepEqual([...reads.held.keys()].sort(), ['domain', 'gateway', 'identity', 'synergy']);
    const data = healthyData();
    reads.held.get('synergy')!.resolve(data.synergy);
    await settle();
    assert.deepEqual(finished, ['synergy.service-principal'], 'the check whose reads are in is reported while others wait');
    reads.held.get('domain')!.resolve(data.domain);
    await settle();
    assert.deepEqual(finished, ['synergy.service-principal', 'domain.verified']);
    reads.held.get('identity')!.resolve(data.identity);
    reads.held.get('gateway')!.resolve(data.gateway);
    const results = await run;
    assert.deepEqual(finished, ['synergy.service-principal', 'domain.verified', 'identity.synergy-roles']);
    assert.deepEqual(results.map((r) => r.id), ['synergy.service-principal', 'identity.synergy-roles', 'domain.verified']);
  });

  it('passes the signal to every read', async () => {
    const reads = heldReads();
    const controller = new AbortController();
    const run = runOnboardingChecks(reads, { checkIds: ['gateway.status'], signal: controller.signal });
    await settle();
    assert.deepEqual(reads.signals, [controller.signal, controller.signal]);
    reads.held.get('gateway')!.resolve(healthyData().gateway);
    reads.held.get('now')!.resolve(healthyData().now);
    assert.equal((await run)[0]?.status, 'pass');
  });

  it('a failed read errors exactly the checks that read it; the others run on', async () => {
    const reads = countingReads(healthyData(), { synergy: forbidden('Application.Read.All') });
    const results = await runOnboardingChecks(reads);
    const errored = results.filter((r) => r.status === 'error').map((r) => r.id);
    assert.deepEqual(errored, ONBOARDING_CHECKS.filter((c) => (c.reads as readonly ReadKey[]).includes('synergy')).map((c) => c.id));
    assert.deepEqual(errored, ['synergy.service-principal', 'synergy.admin-role', 'identity.synergy-roles']);
    const sp = results.find((r) => r.id === 'synergy.service-principal')!;
    assert.equal(sp.summary, 'Forbidden: the signed-in identity lacks Application.Read.All. Missing permission: Application.Read.All.');
    assert.deepEqual(sp.evidence, [
      { label: 'Failed read', value: 'synergy' },
      { label: 'Missing permission', value: 'Application.Read.All' },
    ]);
    assert.equal(reads.calls.filter((k) => k === 'synergy').length, 1);
    assert.ok(results.filter((r) => r.status !== 'error').every((r) => r.status === 'pass'));
  });

  it('an error without requiredRole is reported by its message alone; a non-string requiredRole is ignored', async () => {
    const plain = await runOnboardingChecks(countingReads(healthyData(), { domain: new Error('Graph timed out after 30 s.') }), { checkIds: ['domain.verified'] });
    assert.equal(plain[0]?.summary, 'Graph timed out after 30 s.');
    assert.deepEqual(plain[0]?.evidence, [{ label: 'Failed read', value: 'domain' }]);
    const odd = await runOnboardingChecks(countingReads(healthyData(), { domain: Object.assign(new Error('Refused.'), { requiredRole: 42 }) }), { checkIds: ['domain.verified'] });
    assert.equal(odd[0]?.summary, 'Refused.');
    const thrownString = await runOnboardingChecks(countingReads(healthyData(), { domain: 'boom' }), { checkIds: ['domain.verified'] });
    assert.equal(thrownString[0]?.summary, 'boom');
  });

  it('an exception in one check is an error of that check only', async () => {
    const data = healthyData();
    // A gateway whose properties are a getter that throws: the checks that look at them must not take the run down.
    const gateway = Object.defineProperty({ ...data.gateway }, 'properties', {
      get() {
        throw new Error('bad shape');
      },
    });
    const results = await runOnboardingChecks(countingReads({ ...data, gateway }), { checkIds: ['gateway.status', 'domain.verified'] });
    assert.deepEqual(results.map((r) => [r.id, r.status]), [['gateway.status', 'error'], ['domain.verified', 'pass']]);
    assert.match(results[0]!.summary, /bad shape/);
  });

  it('fires onResult once per check, with the full result', async () => {
    const seen: CheckResult[] = [];
    const results = await runOnboardingChecks(countingReads(healthyData()), { onResult: (r) => seen.push(r) });
    assert.equal(seen.length, results.length);
    assert.deepEqual([...seen].sort((a, b) => a.id.localeCompare(b.id)), [...results].sort((a, b) => a.id.localeCompare(b.id)));
    const manual = results.find((r) => r.id === 'oc.onboarding-form')!;
    assert.equal(manual.manual, true);
    assert.equal(manual.stage, 'operatorConnect');
    assert.match(manual.source.url, /^https:\/\/learn\.microsoft\.com\//);
  });

  it('a cancelled read rejects the run instead of becoming an error', async () => {
    const cancelled = Object.assign(new Error('Cancelled.'), { kind: 'cancelled' });
    await assert.rejects(runOnboardingChecks(countingReads(healthyData(), { domain: cancelled }), { checkIds: ['domain.verified', 'gateway.status'] }), /Cancelled\./);
    const abortError = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
    await assert.rejects(runOnboardingChecks(countingReads(healthyData(), { domain: abortError })), { name: 'AbortError' });
  });

  it('aborting the signal rejects the run while reads are still pending, and reports nothing more', async () => {
    const reads = heldReads();
    const controller = new AbortController();
    const seen: string[] = [];
    const run = runOnboardingChecks(reads, { checkIds: ['domain.verified'], signal: controller.signal, onResult: (r) => seen.push(r.id) });
    await settle();
    controller.abort();
    await assert.rejects(run, { name: 'AbortError' });
    reads.held.get('domain')!.resolve(healthyData().domain);
    await settle();
    assert.deepEqual(seen, []);
  });

  it('an already aborted signal reads nothing', async () => {
    const reads = countingReads(healthyData());
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(runOnboardingChecks(reads, { signal: controller.signal }));
    assert.deepEqual(reads.calls, []);
  });
});
