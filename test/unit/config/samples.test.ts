// The samples are documentation that runs: the valid ones are clean, the broken ones together break most rules.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { configKindOf, CONFIG_KINDS, validateConfig } from '../../../src/core/config';

const DIR = join(__dirname, '..', '..', '..', 'samples');
const names = readdirSync(DIR).filter((n) => configKindOf(n));

describe('samples', () => {
  it('has a valid and a broken file of every kind', () => {
    for (const kind of CONFIG_KINDS) {
      assert.ok(names.some((n) => configKindOf(n) === kind && !n.startsWith('broken')), `valid ${kind}`);
      assert.ok(names.some((n) => configKindOf(n) === kind && n.startsWith('broken')), `broken ${kind}`);
    }
  });

  for (const name of names.filter((n) => !n.startsWith('broken'))) {
    it(`${name} is clean`, () => {
      assert.deepEqual(validateConfig(configKindOf(name)!, readFileSync(join(DIR, name), 'utf8')), []);
    });
  }

  it('the broken samples break at least 60 different rules, with errors in each', () => {
    const seen = new Set<string>();
    for (const name of names.filter((n) => n.startsWith('broken'))) {
      const found = validateConfig(configKindOf(name)!, readFileSync(join(DIR, name), 'utf8'));
      assert.ok(found.some((d) => d.severity === 'error'), name);
      for (const d of found) seen.add(d.ruleId);
    }
    assert.ok(seen.size >= 60, `${seen.size} rules: ${[...seen].sort().join(' ')}`);
  });
});
