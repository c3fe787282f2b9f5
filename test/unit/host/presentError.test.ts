// presentError is the one wording of failures for commands, tree rows, panels and the CLI: these cases are what a
// person sees, so each asserts the text and the actions.
import { strict as assert } from 'node:assert';
import { AcgError, isAcgError, notSignedInError, WRITE_REFUSED } from '../../../src/azure/errors';
import { RESTRICTED_MODE_WRITES } from '../../../src/host/restrictedMode';
import { messageOf, presentError } from '../../../src/host/presentError';

describe('host: presentError', () => {
  it('offers Sign In… for notSignedIn, running acg.signIn', () => {
    const presented = presentError(notSignedInError());
    assert.equal(presented.message, 'Not signed in to Azure. Sign in to continue.');
    assert.deepEqual(presented.actions.map((a) => [a.id, a.title, a.command]), [['signIn', 'Sign In…', 'acg.signIn']]);
    assert.equal(presented.cancelled, false);
  });

  it('names the missing role of a 403 in the message and the detail, with the request ids', () => {
    const error = new AcgError({
      kind: 'forbidden',
      message: 'The Provisioning API refused to list accounts',
      service: 'provisioning',
      status: 403,
      code: 'Forbidden',
      requiredRole: 'ProvisioningAPI.Read',
      requestId: 'req-123',
      clientRequestId: 'client-456',
    });
    const presented = presentError(error);
    assert.equal(presented.message, 'The Provisioning API refused to list accounts. Missing role: ProvisioningAPI.Read.');
    assert.equal(presented.detail, 'Provisioning API · HTTP 403 · Forbidden\nRequired role: ProvisioningAPI.Read\nRequest id: req-123\nClient request id: client-456');
    assert.match(presented.logLine, /req-123/);
    // A Provisioning API role is an onboarding step the checks can fix, so they come first.
    assert.deepEqual(presented.actions.map((a) => a.id), ['onboardingChecks', 'signIn', 'showLog']);
    assert.equal(presented.actions[1].title, 'Sign In Differently…');
  });

  it('does not repeat a role the message already names', () => {
    const presented = presentError(new AcgError({ kind: 'forbidden', message: 'You need ProvisioningAPI.Write to do this.', requiredRole: 'ProvisioningAPI.Write' }));
    assert.equal(presented.message, 'You need ProvisioningAPI.Write to do this.');
  });

  it('says when to retry a throttled request, and offers Retry', () => {
    assert.match(presentError(new AcgError({ kind: 'throttled', message: 'Too many requests', retryAfterMs: 12_000 })).message, /Too many requests\. Try again in 12 seconds\.$/);
    assert.match(presentError(new AcgError({ kind: 'throttled', message: 'Too many requests.', retryAfterMs: 1 })).message, /Try again in 1 second\.$/);
    assert.match(presentError(new AcgError({ kind: 'throttled', message: 'Too many requests.', retryAfterMs: 300_000 })).message, /Try again in 5 minutes\.$/);
    const presented = presentError(new AcgError({ kind: 'throttled', message: 'Too many requests.' }));
    assert.match(presented.message, /Try again in a minute\.$/);
    assert.deepEqual(presented.actions.map((a) => a.id), ['retry', 'showLog']);
  });

  it('offers Retry for timeouts, network failures and unavailable services, not for bad requests', () => {
    for (const kind of ['timeout', 'network', 'unavailable'] as const) {
      assert.equal(presentError(new AcgError({ kind, message: 'x' })).actions[0].id, 'retry', kind);
    }
    assert.deepEqual(presentError(new AcgError({ kind: 'badRequest', message: 'x' })).actions.map((a) => a.id), ['showLog']);
  });

  it('marks a cancel as cancelled, whatever shape it has', () => {
    const canceled = Object.assign(new Error('Canceled'), { name: 'Canceled' });
    const aborted = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
    for (const error of [new AcgError({ kind: 'cancelled', message: 'stop' }), canceled, aborted]) {
      assert.equal(presentError(error).cancelled, true);
      assert.deepEqual(presentError(error).actions, []);
    }
  });

  it('shows any other error by its message, and never throws for odd values', () => {
    assert.equal(presentError(new Error('disk full')).message, 'disk full');
    assert.equal(presentError('plain text').message, 'plain text');
    assert.equal(presentError(undefined).message, 'undefined');
    const hostile = { toString: () => { throw new Error('no'); } };
    assert.equal(messageOf(hostile), 'An unknown error occurred.');
    assert.equal(presentError(new Error('   ')).message, 'Something went wrong, with no message.');
  });

  it('recognises an AcgError made by another bundle (the brand, not instanceof)', () => {
    const foreign = Object.assign(Object.create(Error.prototype) as Error, { message: 'from a lazy bundle', kind: 'notSignedIn', details: [], [Symbol.for('acg-tools.AcgError')]: true });
    assert.equal(foreign instanceof AcgError, false);
    assert.equal(isAcgError(foreign, 'notSignedIn'), true);
    assert.equal(presentError(foreign).actions[0].id, 'signIn');
  });

  it('offers Manage Workspace Trust, and nothing else, for a write refused in Restricted Mode', () => {
    const error = new AcgError({ kind: 'forbidden', code: WRITE_REFUSED, message: RESTRICTED_MODE_WRITES, service: 'provisioning', operation: 'delete numbers' });
    const presented = presentError(error);
    assert.equal(presented.message, RESTRICTED_MODE_WRITES);
    assert.deepEqual(presented.actions.map((a) => [a.id, a.title, a.command]), [['manageTrust', 'Manage Workspace Trust', 'workbench.trust.manage']]);
  });
});
