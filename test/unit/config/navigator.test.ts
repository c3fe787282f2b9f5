// The lazy navigator must report the same offsets as jsonc-parser's tree for every node: ranges come from whichever
// of the two parsed the document, and must not differ.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, type Node } from 'jsonc-parser';
import { parseJsonDocument } from '../../../src/core/config/json/document';
import { JsonNavigator } from '../../../src/core/config/json/navigator';
import type { ValuePath } from '../../../src/core/rules/types';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');

function* nodes(node: Node, path: ValuePath = []): Generator<[ValuePath, Node, Node | undefined]> {
  yield [path, node, undefined];
  if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value) continue;
      for (const [p, n, k] of nodes(value, [...path, String(key.value)])) yield [p, n, k ?? (p.length === path.length + 1 ? key : undefined)];
    }
  } else if (node.type === 'array') {
    for (const [i, child] of (node.children ?? []).entries()) yield* nodes(child, [...path, i]);
  }
}

function compare(text: string): number {
  const root = parseTree(text, [], { allowTrailingComma: true });
  assert.ok(root);
  const doc = parseJsonDocument(text);
  let count = 0;
  for (const [path, node, key] of nodes(root)) {
    const at = doc.locate(path);
    assert.ok(at.found, `${path.join('.')} found`);
    assert.deepEqual(at.value, { start: node.offset, end: node.offset + node.length }, path.join('.'));
    if (key) assert.deepEqual(at.key, { start: key.offset, end: key.offset + key.length }, `${path.join('.')} key`);
    count++;
  }
  return count;
}

describe('JsonNavigator', () => {
  for (const name of readdirSync(SAMPLES).filter((n) => n.endsWith('.json'))) {
    it(`agrees with jsonc-parser on every node of ${name}`, () => {
      assert.ok(compare(readFileSync(join(SAMPLES, name), 'utf8')) > 10);
    });
  }

  it('agrees on escapes, unicode, nesting and a byte order mark', () => {
    const text = '\ufeff{"a\\"b": ["x\\\\", "é😀\\u0041", {"c": [[], {}, [1, -2.5e3, true, null]]}], "d\\\\": "\\"\\\\\\""}';
    assert.ok(compare(text) > 8);
  });

  it('skips comments and trailing commas like jsonc-parser', () => {
    const navigator = new JsonNavigator('{ /* a, } */ "a": [1, // ]\n 2, ], "b": 3, }');
    const members = navigator.membersOf(0);
    assert.deepEqual(members.map((m) => m.key), ['a', 'b']);
    assert.deepEqual(navigator.elementsOf(members[0].valueStart).length, 2);
  });

  it('reports the deepest existing node for a missing path, and the last of duplicate keys', () => {
    const doc = parseJsonDocument('{"a": {"b": 1}, "a": {"c": 2}}');
    const missing = doc.locate(['a', 'b']);
    assert.equal(missing.found, false);
    assert.equal(doc.text.slice(missing.key!.start, missing.key!.end), '"a"');
    assert.equal(missing.key!.start, 16, 'the second "a", as JSON.parse keeps the last');
  });

  it('never loops or throws on broken text', () => {
    for (const text of ['{', '[', '{"a":', '{"a" 1}', '"unterminated', '[1,,2', '{]', '/*', '}}}']) {
      const navigator = new JsonNavigator(text);
      const root = navigator.rootStart();
      if (root >= 0) {
        navigator.valueEnd(root, 0);
        if (navigator.isObject(root)) navigator.membersOf(root);
        if (navigator.isArray(root)) navigator.elementsOf(root);
      }
    }
  });
});
