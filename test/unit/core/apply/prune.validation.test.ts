// `prune` in *.acg-plan.json: known to the validator (no unknown-property finding), a boolean (ACG-SCHEMA-002 with the
// right spelling offered for "true"), and described in the JSON Schema.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfig } from '../../../../src/core/config';

const ROOT = join(__dirname, '..', '..', '..', '..');

describe('plan files: prune', () => {
  it('accepts true and false without a finding', () => {
    for (const prune of [true, false]) assert.deepEqual(validateConfig('plan', JSON.stringify({ prune, accounts: [] })), []);
  });

  it('refuses anything but a boolean, offering the boolean a text spells', () => {
    const [finding, ...rest] = validateConfig('plan', JSON.stringify({ prune: 'TRUE', accounts: [] }));
    assert.deepEqual(rest, []);
    assert.equal(finding.ruleId, 'ACG-SCHEMA-002');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /prune must be true or false, not .*: write true\./);
    assert.equal(validateConfig('plan', JSON.stringify({ prune: 1 }))[0]?.ruleId, 'ACG-SCHEMA-002');
  });

  it('is in the plan JSON Schema as a boolean', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'acg-plan.schema.json'), 'utf8')) as { properties: Record<string, { type?: string }> };
    assert.equal(schema.properties['prune']?.type, 'boolean');
  });
});
