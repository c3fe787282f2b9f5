import { strict as assert } from 'node:assert';
import { RULES, getRule, isRuleId, type RuleId } from '../../../src/core/rules';

const ids = Object.keys(RULES) as RuleId[];

describe('rule table', () => {
  it('keys every rule by its own id', () => {
    for (const [key, rule] of Object.entries(RULES)) assert.equal(rule.id, key);
  });

  it('uses unique ids of the form ACG-AREA-NNN', () => {
    const seen = ids.map((id) => RULES[id].id);
    assert.equal(new Set(seen).size, seen.length);
    for (const id of seen) assert.match(id, /^ACG-[A-Z]+-\d{3}$/);
  });

  it('gives every rule a title, a message, a severity and a https source link', () => {
    for (const id of ids) {
      const rule = RULES[id];
      assert.ok(rule.title.trim().length > 0, `${id} title`);
      assert.ok(rule.message.trim().length > 0, `${id} message`);
      assert.ok(rule.source.trim().length > 0, `${id} source`);
      assert.ok(['error', 'warning', 'info'].includes(rule.severity), `${id} severity`);
      assert.doesNotThrow(() => new URL(rule.sourceUrl), `${id} sourceUrl parses`);
      assert.equal(new URL(rule.sourceUrl).protocol, 'https:', `${id} sourceUrl is https`);
    }
  });

  it('links spec rules to azure-rest-api-specs and docs rules to Microsoft Learn', () => {
    for (const id of ids) {
      const { source, sourceUrl } = RULES[id];
      if (source.startsWith('tsp') || source.startsWith('arm')) {
        // A folder (the schema-wide rules) is a tree link; a file is a blob link.
        assert.match(sourceUrl, /^https:\/\/github\.com\/Azure\/azure-rest-api-specs\/(blob|tree)\/main\/specification\/voiceservices(\/|$)/, id);
      }
      if (source.startsWith('docs') && !source.includes('azure-resource-manager')) {
        assert.ok(sourceUrl.startsWith('https://learn.microsoft.com/azure/communications-gateway/'), `${id}: ${sourceUrl}`);
        assert.ok(!sourceUrl.endsWith('.md'), `${id}: Learn URLs have no .md`);
      }
    }
  });

  it('looks rules up by id, and answers undefined for an unknown string', () => {
    assert.equal(getRule('ACG-NUM-001').title, 'Telephone number format');
    assert.equal(getRule('ACG-NOPE-999'), undefined);
    assert.equal(isRuleId('ACG-TAG-001'), true);
    assert.equal(isRuleId('toString'), false);
  });

  it('marks the 2023 number format as its own, legacy, rule', () => {
    assert.match(getRule('ACG-NUM-004').title, /legacy/i);
  });
});
