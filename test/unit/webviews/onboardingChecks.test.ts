// The Onboarding Checks panel's host side with the real protocol, RpcHost and RpcClient (the page's side), over the
// host's real onboarding runs and state with a fake engine: what the page receives as a run streams, a fix asked,
// confirmed with every write listed and applied with exactly those writes, and every request the host must refuse —
// malformed messages, a fix naming writes it never offered, a copy of evidence it did not mark copyable.
import { strict as assert } from 'node:assert';
import { AcgError } from '../../../src/azure/errors';
import type { HostToWebview } from '../../../src/webviews/shared/protocol';
import { RpcError } from '../../../src/webviews/shared/browser/rpcClient';
import { copyText, OnboardingPanelHandlers } from '../../../src/webviews/onboardingChecks/handlers';
import { onboardingChecksProtocol, type OnboardingChecksProtocol } from '../../../src/webviews/onboardingChecks/protocol';
import { presentErrorForWebview } from '../../../src/webviews/shared/presentError';
import { GATEWAY, onboardingWorld, scriptedPrompts, type OnboardingWorld, type PromptScript } from './onboardingFakes';
import { connect, RecordingLog, settle, type Pair } from './rpcHarness';

interface Panel {
  readonly world: OnboardingWorld;
  readonly page: Pair<OnboardingChecksProtocol>;
  readonly handlers: OnboardingPanelHandlers;
  readonly record: ReturnType<typeof scriptedPrompts>['record'];
  readonly log: RecordingLog;
  readonly commands: string[];
  readonly resolved: string[];
  notifications(method?: string): { method: string; data: unknown }[];
}

function open(script: PromptScript = {}, world: OnboardingWorld = onboardingWorld()): Panel {
  const { prompts, record } = scriptedPrompts(script);
  const log = new RecordingLog();
  const commands: string[] = [];
  const resolved: string[] = [];
  const late: { pair?: Pair<OnboardingChecksProtocol> } = {};
  const handlers = new OnboardingPanelHandlers(
    {
      onboarding: world.onboarding,
      prompts,
      resolvePrincipal: async (upn) => {
        resolved.push(upn);
        return '11111111-2222-3333-4444-555555555555';
      },
      log,
      present: presentErrorForWebview,
      executeCommand: async (id) => void commands.push(id),
    },
    GATEWAY,
    (method, data) => late.pair?.host.notify(method, data),
  );
  const page = connect(onboardingChecksProtocol, handlers.handlers, handlers.actions.present);
  late.pair = page;
  page.client.start();
  return {
    world,
    page,
    handlers,
    record,
    log,
    commands,
    resolved,
    notifications: (method) =>
      page.posted
        .filter((m): m is Extract<HostToWebview, { kind: 'notification' }> => m.kind === 'notification')
        .filter((m) => !method || m.method === method)
        .map((m) => ({ method: m.method, data: m.data })),
  };
}

async function failure(promise: Promise<unknown>): Promise<RpcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof RpcError, `expected a refusal, got ${String(error)}`);
  return error;
}

describe('webviews: Onboarding Checks host side', () => {
  it('says which gateway, the stages in order and every check, before any run', async () => {
    const { page } = open();
    const identity = await page.client.request('identity', {});
    assert.equal(identity.gatewayName, 'fabrikam-new-gw');
    assert.deepEqual(identity.stages.map((s) => s.id), ['deployment', 'entra', 'operatorConnect', 'teamsPhoneMobile', 'goLive']);
    assert.equal(identity.checks.length, 6);
    assert.deepEqual(await page.client.request('lastRun', {}), { rows: [], running: false });
  });

  it('Run All streams started, one result per check and finished; rows carry the fix with write keys', async () => {
    const panel = open();
    assert.deepEqual(await panel.page.client.request('runAll', {}), { ok: true });
    await settle();
    assert.deepEqual(
      panel.notifications().map((n) => n.method),
      ['started', 'result', 'result', 'result', 'result', 'result', 'result', 'finished'],
    );
    const roles = panel.notifications('result').map((n) => (n.data as { row: { id: string; fix?: { writes: { key: string; description: string }[] } } }).row).find((r) => r.id === 'identity.synergy-roles');
    assert.deepEqual(roles?.fix?.writes.map((w) => w.description), ['Assign Data.Read to the managed identity', 'Assign Data.Write to the managed identity']);
    const last = await panel.page.client.request('lastRun', {});
    assert.equal(last.rows.length, 6);
    assert.ok(last.finishedAt);
  });

  it('a fix: the modal confirmation lists every write, and the executor gets exactly those as confirmed; the re-check streams in', async () => {
    const panel = open({ confirm: [true] });
    await panel.page.client.request('runAll', {});
    const row = (await panel.page.client.request('lastRun', {})).rows.find((r) => r.id === 'identity.synergy-roles')!;
    const report = await panel.page.client.request('fix', { checkId: row.id, writes: row.fix!.writes.map((w) => w.key) });
    assert.deepEqual(report, { applied: true, written: ['Assign Data.Read to the managed identity', 'Assign Data.Write to the managed identity'], alreadyDone: [], notConfirmed: [], failed: [], status: 'pass' });
    assert.equal(panel.record.confirmations.length, 1);
    assert.deepEqual(panel.record.confirmations[0].writes.map((w) => `${w.method} ${w.path}`), ['POST /servicePrincipals/mi-1/appRoleAssignments', 'POST /servicePrincipals/mi-1/appRoleAssignments']);
    assert.deepEqual(panel.world.engine.fixes.map((f) => f.confirmed), [panel.record.confirmations[0].writes]);
    assert.deepEqual(panel.record.progress[0].reports, ['Assign Data.Read to the managed identity', 'Assign Data.Write to the managed identity']);
    await settle();
    const last = panel.notifications('result').at(-1)?.data as { row: { id: string; status: string } };
    assert.deepEqual([last.row.id, last.row.status], ['identity.synergy-roles', 'pass']);
    assert.equal(panel.world.state.lastRun(GATEWAY.id)?.results.find((r) => r.id === 'identity.synergy-roles')?.status, 'pass');
  });

  it('a fix with inputs asks for them (a choice, a principal resolved from its name) and confirms the resolved writes', async () => {
    const panel = open({ choices: ['r-admin'], principals: ['ada@fabrikam.example'], confirm: [true] });
    await panel.page.client.request('runAll', {});
    const row = (await panel.page.client.request('lastRun', {})).rows.find((r) => r.id === 'acg-app.user-roles')!;
    await panel.page.client.request('fix', { checkId: row.id, writes: row.fix!.writes.map((w) => w.key) });
    assert.deepEqual(panel.record.asked, ['choice:role', 'principal:principal']);
    assert.deepEqual(panel.resolved, ['ada@fabrikam.example']);
    assert.deepEqual(panel.record.confirmations[0].writes.map((w) => w.description), ['Assign r-admin to 11111111-2222-3333-4444-555555555555']);
    assert.deepEqual(panel.world.engine.fixes[0].inputs, { role: 'r-admin', principal: '11111111-2222-3333-4444-555555555555' });
  });

  it('writes nothing when the person dismisses an input or does not confirm', async () => {
    const panel = open({ choices: [undefined], confirm: [false] });
    await panel.page.client.request('runAll', {});
    const rows = (await panel.page.client.request('lastRun', {})).rows;
    const users = rows.find((r) => r.id === 'acg-app.user-roles')!;
    assert.equal((await panel.page.client.request('fix', { checkId: users.id, writes: users.fix!.writes.map((w) => w.key) })).applied, false);
    assert.equal(panel.record.confirmations.length, 0, 'no confirmation without the inputs');
    const roles = rows.find((r) => r.id === 'identity.synergy-roles')!;
    assert.equal((await panel.page.client.request('fix', { checkId: roles.id, writes: roles.fix!.writes.map((w) => w.key) })).applied, false);
    assert.deepEqual(panel.world.engine.fixes, []);
  });

  it('refuses a fix request naming writes it never offered (one more, one fewer, a changed one), before asking anything', async () => {
    const panel = open({ confirm: [true, true, true, true] });
    await panel.page.client.request('runAll', {});
    const row = (await panel.page.client.request('lastRun', {})).rows.find((r) => r.id === 'identity.synergy-roles')!;
    const keys = row.fix!.writes.map((w) => w.key);
    const forged = 'POST graph /servicePrincipals/mi-1/appRoleAssignments {"appRoleId":"00000000-admin"}';
    for (const writes of [[...keys, forged], [keys[0]], [keys[0], forged], [keys[0], keys[0]]]) {
      const error = await failure(panel.page.client.request('fix', { checkId: row.id, writes }));
      assert.match(error.presented.message, /did not offer/);
    }
    const none = await failure(panel.page.client.request('fix', { checkId: 'gateway.status', writes: keys }));
    assert.match(none.presented.message, /offered no fix for "gateway\.status"/);
    assert.deepEqual(panel.record.confirmations, []);
    assert.deepEqual(panel.world.engine.fixes, []);
    assert.equal(panel.log.of('warn').filter((l) => /refused a request/.test(l)).length, 5);
  });

  it('refuses malformed messages without running a handler', async () => {
    const panel = open();
    const bad: [string, unknown][] = [
      ['fix', { checkId: 'identity.synergy-roles', writes: 'all' }],
      ['fix', { checkId: 'identity.synergy-roles', writes: [] }],
      ['fix', { checkId: 'identity.synergy-roles', writes: [42] }],
      ['fix', { checkId: '../../etc', writes: ['x'] }],
      ['fix', { checkId: 'identity.synergy-roles', writes: ['x'], confirmed: true }],
      ['rerun', { checkId: '' }],
      ['setMark', { checkId: 'oc.onboarding-form', done: 'yes' }],
      ['copy', { checkId: 'domain.verified', index: -1 }],
      ['copy', { checkId: 'domain.verified', index: 1.5 }],
      ['runAll', { now: true }],
      ['runAction', { id: 'workbench.action.terminal.new' }],
    ];
    await settle();
    let id = 1000;
    for (const [method, params] of bad) panel.page.host.receive({ kind: 'request', id: id++, method, params });
    await settle();
    const answers = panel.page.posted.filter((m) => m.kind === 'response');
    assert.equal(answers.length, bad.length);
    assert.ok(answers.every((m) => m.kind === 'response' && !m.ok && /refused this request/.test(m.error.message)));
    assert.deepEqual(panel.world.engine.runs, [], 'no run started');
    assert.deepEqual(panel.commands, []);
  });

  it('copies only evidence marked copyable, from the host’s own copy of the value', async () => {
    const panel = open();
    await panel.page.client.request('runAll', {});
    assert.deepEqual(await panel.page.client.request('copy', { checkId: 'domain.verified', index: 0 }), { label: 'TXT record' });
    assert.deepEqual(panel.record.copies, ['MS=ms12345678']);
    assert.equal(copyText({ label: 'fab.commsgw.azure.com', text: 'MS=ms1', ttl: 3600 }), 'label: fab.commsgw.azure.com\ntext: MS=ms1\nttl: 3600');
    const error = await failure(panel.page.client.request('copy', { checkId: 'domain.verified', index: 1 }));
    assert.match(error.presented.message, /not one the page can copy/);
    assert.deepEqual(panel.record.copies, ['MS=ms12345678']);
  });

  it('marks only manual checks, and re-evaluates the check with the mark', async () => {
    const panel = open();
    await panel.page.client.request('runAll', {});
    await failure(panel.page.client.request('setMark', { checkId: 'gateway.status', done: true }));
    assert.deepEqual(panel.world.state.marks(GATEWAY.id), {});
    assert.deepEqual(await panel.page.client.request('setMark', { checkId: 'oc.onboarding-form', done: true }), { ok: true });
    assert.equal(panel.world.state.marks(GATEWAY.id)['oc.onboarding-form']?.by, 'operator@fabrikam.example');
    assert.ok(panel.world.engine.runs.at(-1)?.marks, 'the re-check ran with the marks');
  });

  it('signed out: the run’s failure reaches the page once, worded by presentError, with Sign In… it may then run', async () => {
    const world = onboardingWorld();
    world.servicesError = new AcgError({ kind: 'notSignedIn', message: 'Not signed in to Azure.' });
    const panel = open({}, world);
    assert.deepEqual(await panel.page.client.request('runAll', {}), { ok: false });
    await settle();
    const finished = panel.notifications('finished')[0].data as { error?: { message: string; actions: { id: string; title: string }[] } };
    assert.match(finished.error?.message ?? '', /Not signed in to Azure/);
    assert.deepEqual(finished.error?.actions, [{ id: 'acg.signIn', title: 'Sign In…' }]);
    await panel.page.client.request('runAction', { id: 'acg.signIn' });
    assert.deepEqual(panel.commands, ['acg.signIn']);
  });

  it('exports the last run as Markdown through the save prompt, and opens the check’s own source', async () => {
    const panel = open({ saveTo: '/tmp/fabrikam-new-gw-onboarding.md' });
    await panel.page.client.request('runAll', {});
    assert.deepEqual(await panel.page.client.request('exportReport', {}), { savedTo: '/tmp/fabrikam-new-gw-onboarding.md' });
    assert.equal(panel.record.saved[0].name, 'fabrikam-new-gw-onboarding.md');
    assert.match(panel.record.saved[0].markdown, /identity\.synergy-roles: fail/);
    await panel.page.client.request('openSource', { checkId: 'domain.verified' });
    assert.deepEqual(panel.record.opened, ['https://learn.microsoft.com/azure/communications-gateway/onboarding']);
  });

  it('another gateway’s results never reach the page, and a closed panel hears nothing', async () => {
    const panel = open();
    await panel.world.onboarding.run({ id: GATEWAY.id.replace('fabrikam-new-gw', 'contoso-prod-gw'), name: 'contoso-prod-gw' });
    await settle();
    assert.deepEqual(panel.notifications(), []);
    panel.handlers.dispose();
    await panel.world.onboarding.run(GATEWAY);
    await settle();
    assert.deepEqual(panel.notifications(), [], 'a disposed panel hears nothing');
  });
});
