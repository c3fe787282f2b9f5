// Every webview panel has a host fuzz test: a panel added under src/webviews without one fails here. A panel counts as
// covered when a *.fuzz.test.ts imports its protocol (the fuzz tests drive the real protocol through the real RpcHost)
// and runs it through assertRefusesAll (the shared refusal run of fuzzMessages.ts).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const PANELS_DIR = join(ROOT, 'src', 'webviews');
const TESTS_DIR = __dirname;

describe('webviews: every panel has a host fuzz test', () => {
  it('each panel folder under src/webviews is imported by a *.fuzz.test.ts that runs assertRefusesAll', () => {
    const panels = readdirSync(PANELS_DIR).filter((name) => name !== 'shared' && statSync(join(PANELS_DIR, name)).isDirectory());
    assert.ok(panels.length >= 7, `found the panels (${panels.join(', ')})`);
    const fuzzTests = readdirSync(TESTS_DIR)
      .filter((name) => name.endsWith('.fuzz.test.ts'))
      .map((name) => readFileSync(join(TESTS_DIR, name), 'utf8'))
      .filter((text) => /await assertRefusesAll\(/.test(text));
    const uncovered = panels.filter((panel) => !fuzzTests.some((text) => text.includes(`src/webviews/${panel}/protocol'`)));
    assert.deepEqual(uncovered, [], 'panels without a host fuzz test');
  });
});
