// Whatever a page sends, the host allocates a bounded amount for it: every string in every request's params of every
// panel has a maximum length (at most a 10,000-number paste), every array a maximum size (at most 10,000 items), and
// every number a maximum value. Read from the schemas' own structure, so a new field without a bound fails here.
import { strict as assert } from 'node:assert';
import type * as v from 'valibot';
import { accountProtocol, AccountStateSchema } from '../../../src/webviews/account/protocol';
import { gatewayOverviewProtocol } from '../../../src/webviews/gatewayOverview/protocol';
import { numberEditorProtocol, NumberEditorStateSchema } from '../../../src/webviews/numberEditor/protocol';
import { numbersGridProtocol, NumbersGridStateSchema } from '../../../src/webviews/numbers/protocol';
import { onboardingChecksProtocol } from '../../../src/webviews/onboardingChecks/protocol';
import type { ProtocolSpec } from '../../../src/webviews/shared/protocol';
import { requestsProtocol, RequestsStateSchema } from '../../../src/webviews/requests/protocol';

const MAX_STRING = 400_000;
const MAX_ARRAY = 10_000;
const MAX_NUMBER = Number.MAX_SAFE_INTEGER;

interface Node {
  readonly type: string;
  readonly kind?: string;
  readonly pipe?: readonly Node[];
  readonly entries?: Readonly<Record<string, Node>>;
  readonly options?: readonly Node[] | readonly string[];
  readonly wrapped?: Node;
  readonly item?: Node;
  readonly requirement?: unknown;
}

/** The largest `max_length` / `max_value` of a schema's pipe, if any. */
function bound(node: Node, action: 'max_length' | 'max_value'): number | undefined {
  const found = (node.pipe ?? []).filter((a) => a.type === action).map((a) => a.requirement as number);
  return found.length > 0 ? Math.min(...found) : undefined;
}

/** Every unbounded string, array or number under `node`, by path. */
function unbounded(node: Node, path: string): string[] {
  const inner = (node.pipe ?? []).filter((n) => n.kind === 'schema' && n !== node && n.type !== node.type);
  switch (node.type) {
    case 'string': {
      const max = bound(node, 'max_length');
      return max !== undefined && max <= MAX_STRING ? [] : [`${path}: a string of unbounded length`];
    }
    case 'array': {
      const max = bound(node, 'max_length');
      const here = max !== undefined && max <= MAX_ARRAY ? [] : [`${path}: an array of unbounded size`];
      return [...here, ...unbounded(node.item!, `${path}[]`)];
    }
    case 'number': {
      const max = bound(node, 'max_value');
      return max !== undefined && max <= MAX_NUMBER ? [] : [`${path}: a number without a maximum`];
    }
    case 'object':
    case 'strict_object':
      return Object.entries(node.entries ?? {}).flatMap(([key, entry]) => unbounded(entry, `${path}.${key}`));
    case 'optional':
      return unbounded(node.wrapped!, path);
    case 'union':
      return (node.options as Node[]).flatMap((option) => unbounded(option, path));
    case 'custom':
      // params() and plainObject(): a plain-object check piped into the strict object it guards.
      return inner.flatMap((n) => unbounded(n, path));
    case 'picklist':
    case 'literal':
    case 'boolean':
      return [];
    default:
      return [`${path}: a ${node.type} this test does not know how to bound`];
  }
}

const PROTOCOLS: ProtocolSpec[] = [numbersGridProtocol, numberEditorProtocol, requestsProtocol, accountProtocol, gatewayOverviewProtocol, onboardingChecksProtocol];

describe('webviews: every request’s params are bounded (a page cannot make the host allocate without bound)', () => {
  for (const protocol of PROTOCOLS) {
    it(`${protocol.name}: every string, array and number has a maximum`, () => {
      const problems = Object.entries(protocol.requests).flatMap(([method, spec]) => unbounded(spec.params as v.GenericSchema as unknown as Node, method));
      assert.deepEqual(problems, []);
    });
  }

  // The state a page keeps with setState comes back from the webview when a panel is restored: bounded too.
  const STATES: [string, v.GenericSchema][] = [['Numbers panel', NumbersGridStateSchema], ['Number editor', NumberEditorStateSchema], ['Requests for Information', RequestsStateSchema], ['Account', AccountStateSchema]];
  for (const [name, schema] of STATES) {
    it(`${name}: the restored state is bounded`, () => {
      assert.deepEqual(unbounded(schema as unknown as Node, 'state'), []);
    });
  }

  it('the walk sees a missing bound (it is not vacuous)', () => {
    const node = (type: string, extra: Partial<Node> = {}): Node => ({ type, kind: 'schema', ...extra });
    assert.deepEqual(unbounded(node('strict_object', { entries: { name: node('string'), ids: node('array', { item: node('string', { pipe: [node('string'), { type: 'max_length', kind: 'validation', requirement: 10 }] }) }) } }), 'm'), [
      'm.name: a string of unbounded length',
      'm.ids: an array of unbounded size',
    ]);
  });
});
