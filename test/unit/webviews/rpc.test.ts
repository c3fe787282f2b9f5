// The typed webview RPC with both sides in Node: request and response, errors as { message, detail, actions },
// cancellation reaching the handler's AbortSignal, the ready handshake (the host sends nothing before it), host
// notifications, reloads and dispose, and the host refusing what its protocol does not allow.
import { strict as assert } from 'node:assert';
import * as v from 'valibot';
import { AcgError } from '../../../src/azure/errors';
import { ErrorActions } from '../../../src/webviews/shared/errorActions';
import { presentErrorForWebview } from '../../../src/webviews/shared/presentError';
import { defineProtocol, notification, params, request, runActionRequest } from '../../../src/webviews/shared/protocol';
import { RpcHost, type HandlerContext, type RequestHandlers } from '../../../src/webviews/shared/rpcHost';
import { RpcCancelled, RpcError } from '../../../src/webviews/shared/browser/rpcClient';
import { connect, RecordingLog, settle } from './rpcHarness';

const testProtocol = defineProtocol({
  name: 'Test Panel',
  requests: {
    add: request(params({ a: v.number(), b: v.number() })).returns<{ sum: number }>(),
    fail: request(params({ kind: v.picklist(['notSignedIn', 'forbidden', 'bug']) })).returns<never>(),
    wait: request(params({})).returns<string>(),
    runAction: runActionRequest,
  },
  notifications: {
    changed: notification<{ reason: string }>(),
  },
});
type TestProtocol = typeof testProtocol;

class Handlers {
  readonly calls: string[] = [];
  /** The contexts of `wait` calls, to watch their signals. */
  readonly waits: HandlerContext[] = [];
  readonly actions = new ErrorActions(presentErrorForWebview, async (id) => {
    this.calls.push(`command ${id}`);
  });
  readonly handlers: RequestHandlers<TestProtocol> = {
    add: ({ a, b }) => {
      this.calls.push('add');
      return { sum: a + b };
    },
    fail: ({ kind }) => {
      this.calls.push('fail');
      if (kind === 'bug') throw new TypeError('x is undefined');
      throw new AcgError({ kind, message: kind === 'notSignedIn' ? 'Not signed in.' : 'Forbidden.', requiredRole: kind === 'forbidden' ? 'ProvisioningAPI.Read' : undefined, requestId: 'req-42' });
    },
    wait: (_params, context) => {
      this.calls.push('wait');
      this.waits.push(context);
      return new Promise<string>((_resolve, reject) => {
        context.signal.addEventListener('abort', () => reject(new AcgError({ kind: 'cancelled', message: 'Cancelled.' })));
      });
    },
    runAction: ({ id }) => this.actions.run(id),
  };
}

function setup() {
  const h = new Handlers();
  const pair = connect(testProtocol, h.handlers, h.actions.present);
  return { h, ...pair };
}

describe('webviews: typed RPC between the page and the host', () => {
  it('answers a request with its typed result, after the ready handshake', async () => {
    const { client, h, sent, posted } = setup();
    client.start();
    const result = await client.request('add', { a: 2, b: 40 });
    assert.deepEqual(result, { sum: 42 });
    assert.deepEqual(h.calls, ['add']);
    assert.deepEqual(sent.map((m) => m.kind), ['ready', 'request']);
    assert.deepEqual(posted, [{ kind: 'response', id: 1, ok: true, result: { sum: 42 } }]);
  });

  it('keeps answers apart by request id when several are in flight', async () => {
    const { client } = setup();
    client.start();
    const results = await Promise.all([1, 2, 3, 4].map((n) => client.request('add', { a: n, b: n })));
    assert.deepEqual(results.map((r) => r.sum), [2, 4, 6, 8]);
  });

  it('presents a failure as the host presents it everywhere: message naming the role, detail with the request id, its actions', async () => {
    const { client } = setup();
    client.start();
    const forbidden = await client.request('fail', { kind: 'forbidden' }).then(() => undefined, (e: unknown) => e);
    assert.ok(forbidden instanceof RpcError);
    assert.deepEqual(forbidden.presented, {
      message: 'Forbidden. Missing role: ProvisioningAPI.Read.',
      detail: 'Required role: ProvisioningAPI.Read\nRequest id: req-42',
      actions: [
        { id: 'acg.signIn', title: 'Sign In Differently…' },
        { id: 'acg.showLog', title: 'Show Log' },
      ],
    });
    const signedOut = await client.request('fail', { kind: 'notSignedIn' }).then(() => undefined, (e: unknown) => e);
    assert.ok(signedOut instanceof RpcError);
    assert.deepEqual(signedOut.presented.actions, [{ id: 'acg.signIn', title: 'Sign In…' }]);
    const bug = await client.request('fail', { kind: 'bug' }).then(() => undefined, (e: unknown) => e);
    assert.ok(bug instanceof RpcError);
    assert.equal(bug.presented.message, 'x is undefined', 'a message, never a stack');
  });

  it('runs only actions the page was offered', async () => {
    const { client, h } = setup();
    client.start();
    const notOffered = await client.request('runAction', { id: 'acg.signIn' }).then(() => undefined, (e: unknown) => e);
    assert.ok(notOffered instanceof RpcError);
    assert.match(notOffered.presented.message, /not an action this page offered/);
    assert.deepEqual(h.calls, [], 'no command ran');
    await client.request('fail', { kind: 'notSignedIn' }).catch(() => undefined);
    await client.request('runAction', { id: 'acg.signIn' });
    assert.deepEqual(h.calls, ['fail', 'command acg.signIn']);
  });

  it('cancels: the page’s AbortSignal aborts the handler’s, and no answer is posted for it', async () => {
    const { client, h, posted, sent, log } = setup();
    client.start();
    const controller = new AbortController();
    const pending = client.request('wait', {}, { signal: controller.signal });
    await settle();
    assert.equal(h.waits.length, 1);
    assert.equal(h.waits[0].signal.aborted, false);
    controller.abort();
    await assert.rejects(pending, RpcCancelled);
    await settle();
    assert.equal(h.waits[0].signal.aborted, true, 'the host aborted the handler');
    assert.deepEqual(sent.map((m) => m.kind), ['ready', 'request', 'cancel']);
    assert.deepEqual(posted, [], 'nothing answered a cancelled request');
    assert.ok(log.of('info').some((line) => /request 1 cancelled/.test(line)));
    assert.deepEqual(log.of('warn'), [], 'a cancel is not a refusal');
  });

  it('a request whose signal is already aborted never leaves the page', async () => {
    const { client, sent } = setup();
    client.start();
    await assert.rejects(client.request('add', { a: 1, b: 1 }, { signal: AbortSignal.abort() }), RpcCancelled);
    assert.deepEqual(sent.map((m) => m.kind), ['ready']);
  });

  it('ready handshake: the host posts nothing before ready, then the held notifications in order', async () => {
    const { host, client, posted } = setup();
    const received: string[] = [];
    client.onNotification('changed', ({ reason }) => received.push(reason));
    host.notify('changed', { reason: 'first' });
    host.notify('changed', { reason: 'second' });
    await settle();
    assert.deepEqual(posted, [], 'nothing before ready');
    assert.equal(host.isReady, false);
    client.start();
    await settle();
    assert.equal(host.isReady, true);
    assert.deepEqual(received, ['first', 'second']);
    host.notify('changed', { reason: 'third' });
    await settle();
    assert.deepEqual(received, ['first', 'second', 'third']);
  });

  it('the page cannot request before ready (its client refuses), and the host refuses one that does', async () => {
    const { client, host, log, posted } = setup();
    await assert.rejects(client.request('add', { a: 1, b: 2 }), /call start\(\) before the first request/);
    host.receive({ kind: 'request', id: 1, method: 'add', params: { a: 1, b: 2 } });
    assert.deepEqual(posted, [], 'not answered: nothing is posted before ready');
    assert.match(log.of('warn')[0], /refused a message from the webview: a request before the webview said ready/);
  });

  it('a second ready (the page reloaded) aborts the old page’s requests; their answers are not posted', async () => {
    const { client, h, host, posted } = setup();
    client.start();
    void client.request('wait', {}).catch(() => undefined);
    await settle();
    host.receive({ kind: 'ready' });
    assert.equal(h.waits[0].signal.aborted, true);
    await settle();
    assert.deepEqual(posted, []);
  });

  it('documentGone (a hidden panel) aborts requests and holds notifications until the next ready', async () => {
    const { client, h, host, posted } = setup();
    client.start();
    void client.request('wait', {}).catch(() => undefined);
    await settle();
    host.documentGone();
    assert.equal(h.waits[0].signal.aborted, true);
    host.notify('changed', { reason: 'while hidden' });
    await settle();
    assert.deepEqual(posted, []);
    host.receive({ kind: 'ready' });
    assert.deepEqual(posted, [{ kind: 'notification', method: 'changed', data: { reason: 'while hidden' } }]);
  });

  it('dispose aborts every handler and posts nothing more, whatever arrives', async () => {
    const { client, h, host, posted } = setup();
    client.start();
    void client.request('wait', {}).catch(() => undefined);
    void client.request('wait', {}).catch(() => undefined);
    await settle();
    host.dispose();
    assert.deepEqual(h.waits.map((w) => w.signal.aborted), [true, true]);
    host.notify('changed', { reason: 'late' });
    host.receive({ kind: 'request', id: 9, method: 'add', params: { a: 1, b: 1 } });
    await settle();
    assert.deepEqual(posted, []);
    assert.deepEqual(h.calls, ['wait', 'wait']);
  });

  it('a dropped answer (the page or panel went away mid-post) is logged, never thrown', async () => {
    const log = new RecordingLog();
    const h = new Handlers();
    const host = new RpcHost({ protocol: testProtocol, handlers: h.handlers, log, present: h.actions.present, post: () => { throw new Error('Webview is disposed'); } });
    host.receive({ kind: 'ready' });
    host.notify('changed', { reason: 'x' });
    host.receive({ kind: 'request', id: 1, method: 'add', params: { a: 1, b: 1 } });
    await settle();
    assert.equal(log.of('info').filter((l) => /not delivered: Webview is disposed/.test(l)).length, 2);
  });
});

describe('webviews: the host refuses what the protocol does not allow', () => {
  function readyHost(options: { maxPending?: number; present?: () => never } = {}) {
    const log = new RecordingLog();
    const posted: unknown[] = [];
    const h = new Handlers();
    const host = new RpcHost({ protocol: testProtocol, handlers: h.handlers, log, present: options.present ?? h.actions.present, post: (m) => posted.push(m), maxPending: options.maxPending });
    host.receive({ kind: 'ready' });
    return { host, log, posted, h };
  }

  const refusals: [string, unknown, RegExp, boolean][] = [
    ['an unknown method', { kind: 'request', id: 1, method: 'deleteEverything', params: {} }, /unknown method "deleteEverything"/, true],
    ['a method inherited from Object', { kind: 'request', id: 2, method: 'toString', params: {} }, /unknown method "toString"/, true],
    ['params of the wrong type', { kind: 'request', id: 3, method: 'add', params: { a: '1', b: 2 } }, /params\.a: Invalid type: Expected number/, true],
    ['an extra param', { kind: 'request', id: 4, method: 'add', params: { a: 1, b: 2, c: 3 } }, /params\.c: Invalid key/, true],
    ['params as an empty array', { kind: 'request', id: 5, method: 'wait', params: [] }, /params: Invalid type: Expected a plain object/, true],
    ['missing params', { kind: 'request', id: 6, method: 'wait' }, /message/, true],
    ['a negative id', { kind: 'request', id: -1, method: 'add', params: { a: 1, b: 2 } }, /message\.id: the id must not be negative/, false],
    ['a fractional id', { kind: 'request', id: 1.5, method: 'add', params: { a: 1, b: 2 } }, /whole number/, false],
    ['an unknown kind', { kind: 'eval', code: '1' }, /message\.kind/, false],
    ['no kind', { id: 1 }, /message/, false],
    ['a string', 'ready', /Expected a plain object/, false],
    ['null', null, /Expected a plain object/, false],
    ['an extra envelope key', { kind: 'ready', extra: true }, /message\.extra: Invalid key/, false],
    ['a command that is not ours', { kind: 'request', id: 7, method: 'runAction', params: { id: 'workbench.action.terminal.new' } }, /must be a command of this extension/, true],
  ];

  for (const [what, message, why, answered] of refusals) {
    it(`refuses ${what}: logged with why, ${answered ? 'answered with an error' : 'not answered (no usable id)'}, no handler run`, async () => {
      const { host, log, posted, h } = readyHost();
      assert.doesNotThrow(() => host.receive(message));
      await settle();
      const warnings = log.of('warn');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /^Test Panel: refused a message from the webview: /);
      assert.match(warnings[0], why);
      assert.deepEqual(h.calls, []);
      if (answered) {
        assert.equal(posted.length, 1);
        const [response] = posted as { kind: string; ok: boolean; error: { message: string } }[];
        assert.equal(response.kind, 'response');
        assert.equal(response.ok, false);
        assert.match(response.error.message, /^The extension refused this request: /);
      } else {
        assert.deepEqual(posted, []);
      }
    });
  }

  it('refuses a second request under an id still in flight, without answering (that would settle the first)', async () => {
    const { host, log, posted, h } = readyHost();
    host.receive({ kind: 'request', id: 1, method: 'wait', params: {} });
    host.receive({ kind: 'request', id: 1, method: 'add', params: { a: 1, b: 1 } });
    await settle();
    assert.deepEqual(h.calls, ['wait']);
    assert.match(log.of('warn')[0], /request id 1 is already in use/);
    assert.deepEqual(posted, []);
  });

  it('refuses more than maxPending requests in flight', async () => {
    const { host, log, posted } = readyHost({ maxPending: 2 });
    for (const id of [1, 2, 3]) host.receive({ kind: 'request', id, method: 'wait', params: {} });
    await settle();
    assert.match(log.of('warn')[0], /more than 2 requests in flight/);
    assert.equal(posted.length, 1);
  });

  it('a presenter that throws still yields an answer', async () => {
    const { host, log, posted } = readyHost({
      present: () => {
        throw new Error('presenter bug');
      },
    });
    host.receive({ kind: 'request', id: 1, method: 'fail', params: { kind: 'bug' } });
    await settle();
    assert.match((posted[0] as { error: { message: string } }).error.message, /Something went wrong/);
    assert.ok(log.of('error').some((l) => /presenter bug/.test(l)));
  });

  it('a cancel for an id nobody waits on is not an error (it crossed the answer)', async () => {
    const { host, log } = readyHost();
    host.receive({ kind: 'cancel', id: 99 });
    await settle();
    assert.deepEqual(log.lines, []);
  });
});
