// Table-driven: every rule a config file can break has a fixture that breaks it at an exact range, and a near miss
// that does not. The fixtures are in fixtures.ts.
import { strict as assert } from 'node:assert';
import { validateConfig } from '../../../src/core/config';
import { RULES } from '../../../src/core/rules/ruleTable';
import { NOT_FILE_RULES, RULE_FIXTURES } from './fixtures';

describe('config rules (table-driven)', () => {
  it('has a fixture for every rule a file can break', () => {
    const covered = new Set(RULE_FIXTURES.map((f) => f.ruleId));
    const missing = Object.keys(RULES).filter((id) => !covered.has(id) && !NOT_FILE_RULES.includes(id));
    assert.deepEqual(missing, []);
  });

  for (const fixture of RULE_FIXTURES) {
    describe(`${fixture.ruleId}${fixture.note ? ` (${fixture.note})` : ''}`, () => {
      it(`is reported at ${JSON.stringify(fixture.bad.expected.length > 60 ? `${fixture.bad.expected.slice(0, 57)}...` : fixture.bad.expected)}`, () => {
        const { text, expected } = fixture.bad;
        const found = validateConfig(fixture.kind, text).filter((d) => d.ruleId === fixture.ruleId);
        assert.ok(found.length > 0, `${fixture.ruleId} not reported`);
        const ranges = found.map((d) => text.slice(d.range.start, d.range.end));
        assert.ok(ranges.includes(expected), `${fixture.ruleId} reported at ${JSON.stringify(ranges)}, expected ${JSON.stringify(expected)}`);
        const rule = RULES[fixture.ruleId as keyof typeof RULES];
        for (const d of found) {
          assert.equal(d.severity, rule.severity);
          assert.equal(d.sourceUrl, rule.sourceUrl);
          assert.ok(d.message.length > 0);
        }
      });

      it('is not reported for the near miss', () => {
        const found = validateConfig(fixture.kind, fixture.good).filter((d) => d.ruleId === fixture.ruleId);
        assert.deepEqual(found.map((d) => d.message), []);
      });
    });
  }

  it('finds nothing in the fixture bases', () => {
    for (const fixture of RULE_FIXTURES) {
      const noise = validateConfig(fixture.kind, fixture.good).filter((d) => d.severity === 'error');
      assert.deepEqual(noise.map((d) => `${d.ruleId} ${d.message}`), [], `${fixture.ruleId} near miss has errors`);
    }
  });
});
