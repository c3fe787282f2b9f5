// The host's onboarding state and runs: the last run per gateway survives a reload (a new state over the same stores),
// a partial run replaces only its checks, marks are kept per gateway (lower-cased id) with when and by whom, the
// walkthrough's context keys follow the stages that pass, and listeners hear of runs and marks.
import { strict as assert } from 'node:assert';
import { CONTEXT_KEYS } from '../../../src/host/ids';
import { failureCount, MARKS_KEY, OnboardingState, passedStages, RUNS_KEY, type OnboardingChange } from '../../../src/host/onboardingState';
import type { OnboardingProgress } from '../../../src/host/onboarding';
import { AcgError } from '../../../src/azure/errors';
import { GATEWAY, MemoryStore, onboardingWorld, result } from '../webviews/onboardingFakes';

describe('host: onboarding state', () => {
  it('keeps the last run per gateway and reads it back after a reload', async () => {
    const world = onboardingWorld();
    const results = await world.onboarding.run(GATEWAY);
    assert.equal(results.length, 6);
    const reloaded = new OnboardingState(world.runStore, world.markStore, () => undefined);
    const run = reloaded.lastRun(GATEWAY.id.toUpperCase());
    assert.ok(run, 'found by id, whatever its case');
    assert.equal(run.gatewayName, 'fabrikam-new-gw');
    assert.deepEqual(run.results.map((r) => [r.id, r.status]), results.map((r) => [r.id, r.status]));
    assert.equal(failureCount(run.results), 4, 'three fails and one error');
  });

  it("hands the workspace's gateway file for this gateway to the reads: intended platforms and integration numbers", async () => {
    const file = (name: string, numbers: string[]) => ({
      path: `gateways/${name}.acg-gateway.json`,
      text: JSON.stringify({ subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'RG', name, properties: { platforms: ['OperatorConnect', 'TeamsPhoneMobile'] }, integrationTestNumbers: { OperatorConnect: numbers } }),
    });
    const world = onboardingWorld({ gatewayFiles: [file('contoso-prod-gw', ['+442079460500']), file('fabrikam-new-gw', ['+442079460301']), { path: 'broken.acg-gateway.json', text: '{' }] });
    await world.onboarding.run(GATEWAY);
    const { context } = world.engine.runs[0];
    assert.deepEqual(context.intendedPlatforms, { platforms: ['OperatorConnect', 'TeamsPhoneMobile'], source: 'gateways/fabrikam-new-gw.acg-gateway.json' });
    assert.deepEqual(context.integrationNumbers, [{ file: 'gateways/fabrikam-new-gw.acg-gateway.json', numbers: ['+442079460301'] }]);
  });

  it('without a gateway file for it, the reads fall back to the gateway itself', async () => {
    const world = onboardingWorld({ gatewayFiles: [] });
    await world.onboarding.run(GATEWAY);
    assert.equal(world.engine.runs[0].context.intendedPlatforms, undefined);
    assert.equal(world.engine.runs[0].context.integrationNumbers, undefined);
  });

  it('a partial run replaces only its checks, in place', async () => {
    const world = onboardingWorld();
    await world.onboarding.run(GATEWAY);
    world.engine.results = world.engine.results.map((r) => (r.id === 'test-lines.count' ? { ...r, status: 'pass' as const } : { ...r, status: 'error' as const }));
    await world.onboarding.run(GATEWAY, { checkIds: ['test-lines.count'] });
    const run = world.state.lastRun(GATEWAY.id)!;
    assert.deepEqual(run.results.map((r) => `${r.id}:${r.status}`), [
      'gateway.status:pass',
      'test-lines.count:pass',
      'identity.synergy-roles:fail',
      'acg-app.user-roles:fail',
      'domain.verified:error',
      'oc.onboarding-form:manual',
    ]);
  });

  it('streams each result, then says the run finished; a second Run All joins the first', async () => {
    const world = onboardingWorld();
    const seen: string[] = [];
    world.onboarding.onDidProgress((p: OnboardingProgress) => seen.push(p.kind === 'result' ? `result ${p.result.id}` : p.kind));
    const changes: OnboardingChange[] = [];
    world.onboarding.onDidChange((c) => changes.push(c));
    const first = world.onboarding.run(GATEWAY);
    const second = world.onboarding.run(GATEWAY);
    assert.equal(first, second);
    await first;
    assert.deepEqual(seen, ['started', ...world.engine.results.map((r) => `result ${r.id}`), 'finished']);
    assert.deepEqual(changes, [{ kind: 'run', gatewayId: GATEWAY.id }]);
    assert.equal(world.engine.runs.length, 1, 'one run, not two');
  });

  it('a run that fails as a whole says so in `finished` and keeps the previous results', async () => {
    const world = onboardingWorld();
    await world.onboarding.run(GATEWAY);
    world.servicesError = new AcgError({ kind: 'notSignedIn', message: 'Not signed in to Azure.' });
    const finished: unknown[] = [];
    world.onboarding.onDidProgress((p) => p.kind === 'finished' && finished.push(p.error));
    await assert.rejects(world.onboarding.run(GATEWAY), /Not signed in/);
    assert.equal(finished.length, 1);
    assert.ok(finished[0] instanceof Error);
    assert.equal(world.state.lastRun(GATEWAY.id)?.results.length, 6);
  });

  it('marks a manual step per gateway (lower-cased id) with when and by whom, and the run reads the marks', async () => {
    const world = onboardingWorld();
    const changes: OnboardingChange[] = [];
    world.onboarding.onDidChange((c) => changes.push(c));
    const { mark } = await world.onboarding.mark(GATEWAY, 'oc.onboarding-form', true);
    assert.equal(mark?.by, 'operator@fabrikam.example');
    const stored = world.markStore.get<Record<string, Record<string, { done: boolean; by: string }>>>(MARKS_KEY)!;
    assert.deepEqual(Object.keys(stored), [GATEWAY.id.toLowerCase()]);
    assert.equal(stored[GATEWAY.id.toLowerCase()]['oc.onboarding-form'].done, true);
    assert.deepEqual(world.engine.runs.at(-1)?.marks, { 'oc.onboarding-form': mark }, 'the re-check reads the mark');
    assert.deepEqual(changes[0], { kind: 'mark', gatewayId: GATEWAY.id, checkId: 'oc.onboarding-form' });
    await world.onboarding.mark(GATEWAY, 'oc.onboarding-form', false);
    assert.deepEqual(world.state.marks(GATEWAY.id), {});
  });

  it('sets the walkthrough context keys for stages whose checks all pass (skipped counts as done)', async () => {
    const world = onboardingWorld();
    assert.equal(world.contextKeys.get(CONTEXT_KEYS.onboardingRan), false);
    world.engine.results = [result('a', 'deployment', 'pass'), result('b', 'deployment', 'skipped'), result('c', 'entra', 'pass'), result('d', 'entra', 'fail'), result('e', 'goLive', 'skipped')];
    await world.onboarding.run(GATEWAY);
    assert.equal(world.contextKeys.get(CONTEXT_KEYS.onboardingRan), true);
    assert.equal(world.contextKeys.get(CONTEXT_KEYS.onboardingDeploymentPassed), true);
    assert.equal(world.contextKeys.get(CONTEXT_KEYS.onboardingEntraPassed), false);
    assert.equal(world.contextKeys.get(CONTEXT_KEYS.onboardingGoLivePassed), false, 'nothing passed: nothing was done');
    assert.deepEqual([...passedStages(world.engine.results)], ['deployment']);
    // After a reload, from the stored run alone.
    const keys = new Map<string, boolean>();
    new OnboardingState(world.runStore, world.markStore, (key, value) => keys.set(key, value));
    assert.equal(keys.get(CONTEXT_KEYS.onboardingDeploymentPassed), true);
  });

  it('ignores stored data it cannot read, saying so, instead of failing activation', () => {
    const runs = new MemoryStore();
    runs.values.set(RUNS_KEY, [{ gatewayId: GATEWAY.id, gatewayName: 'x', finishedAt: 'now', results: [{ id: 'a', status: 'exploded' }] }, 'junk']);
    const marks = new MemoryStore();
    marks.values.set(MARKS_KEY, { [GATEWAY.id.toLowerCase()]: { 'oc.form': { done: 'yes' }, 'oc.ok': { done: true, at: '2025-01-01T00:00:00.000Z' } } });
    const warnings: string[] = [];
    const state = new OnboardingState(runs, marks, () => undefined, (w) => warnings.push(w));
    assert.deepEqual(state.allRuns(), []);
    assert.equal(warnings.length, 2);
    assert.deepEqual(state.marks(GATEWAY.id), { 'oc.ok': { done: true, at: '2025-01-01T00:00:00.000Z' } });
  });

  it('renders the last run as Markdown through the engine, and refuses before any run', async () => {
    const world = onboardingWorld();
    await assert.rejects(world.onboarding.report(GATEWAY), /no onboarding check results yet/);
    await world.onboarding.run(GATEWAY);
    assert.match(await world.onboarding.report(GATEWAY), /^# fabrikam-new-gw\n\n- gateway\.status: pass/);
  });
});
