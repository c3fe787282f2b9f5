// revealWhenReady with a fake tree view: VS Code's extension host sometimes resolves a reveal it could not do (it logs
// "Cannot resolve tree item" instead of throwing), so a reveal that should select is tried again until the node is
// selected; a thrown "Cannot resolve tree item" is retried too, and any other error is not.
import { strict as assert } from 'node:assert';
import { revealWhenReady } from '../../../src/views/tree/reveal';
import type { TreeNode } from '../../../src/views/tree/treeNode';

const NUMBER = { id: 'numbers:gw/account:Northwind-Bulk/number:+442030000007' } as TreeNode;

/** A tree view whose reveals do what `outcomes` says, in turn: select the node, do nothing (resolve), or throw. */
function fakeView(outcomes: readonly ('select' | 'nothing' | Error)[]) {
  let selection: readonly TreeNode[] = [];
  const listeners = new Set<() => void>();
  const calls: TreeNode[] = [];
  const view = {
    get selection() {
      return selection;
    },
    onDidChangeSelection: (listener: () => void) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    reveal: (node: TreeNode) => {
      const outcome = outcomes[calls.length] ?? 'nothing';
      calls.push(node);
      if (outcome instanceof Error) return Promise.reject(outcome);
      if (outcome === 'select') {
        selection = [node];
        for (const listener of listeners) listener();
      }
      return Promise.resolve();
    },
  };
  return { view: view as unknown as Parameters<typeof revealWhenReady>[0], calls, listeners };
}

describe('revealWhenReady', () => {
  const pauses: number[] = [];
  const pause = (ms: number) => {
    pauses.push(ms);
    return Promise.resolve();
  };
  beforeEach(() => (pauses.length = 0));

  it('reveals again when a reveal asked to select resolved without selecting (the extension host only logged its failure)', async () => {
    const { view, calls, listeners } = fakeView(['nothing', 'nothing', 'select']);
    await revealWhenReady(view, NUMBER, { select: true, focus: true, expand: true }, pause);
    assert.equal(calls.length, 3);
    assert.deepEqual(view.selection.map((n) => n.id), [NUMBER.id]);
    assert.equal(listeners.size, 0, 'no selection listener left behind');
  });

  it('is done at once when the reveal selects; a reveal that need not select is not checked', async () => {
    const selecting = fakeView(['select']);
    await revealWhenReady(selecting.view, NUMBER, { select: true }, pause);
    const plain = fakeView(['nothing']);
    await revealWhenReady(plain.view, NUMBER, { expand: true }, pause);
    assert.deepEqual([selecting.calls.length, plain.calls.length, pauses], [1, 1, []]);
  });

  it('retries a thrown "Cannot resolve tree item", and gives up after 8 attempts without throwing for a silent one', async () => {
    const thrown = fakeView([new Error('Cannot resolve tree item for element 1/numbers:gw'), 'select']);
    await revealWhenReady(thrown.view, NUMBER, { select: true }, pause);
    assert.equal(thrown.calls.length, 2);
    const silent = fakeView([]);
    await revealWhenReady(silent.view, NUMBER, { select: true }, pause);
    assert.equal(silent.calls.length, 8);
  });

  it('does not retry another error', async () => {
    const failing = fakeView([new Error('Data tree node not found')]);
    await assert.rejects(revealWhenReady(failing.view, NUMBER, { select: true }, pause), /Data tree node not found/);
    assert.equal(failing.calls.length, 1);
  });
});
