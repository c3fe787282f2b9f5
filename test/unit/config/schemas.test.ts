// The JSON Schemas in schemas/ (for the editor's completion and hover) and the engine describe the same files: the
// valid samples pass both, the broken ones fail both, enums match the models, and every property cites its rule.
// Value constraints (patterns, lengths, counts, minimums, required members, closed objects) are the engine's alone:
// VS Code's JSON service would report a schema's version of a rule beside ours (ACG-SCHEMA-001 missing, -005 unknown
// property, …), so the same value would get two messages. Types and enums stay, for completion.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { configKindOf, SCHEMA_FILES } from '../../../src/core/config';
import { COMMUNICATIONS_PLATFORMS, TEAMS_CODECS } from '../../../src/core/models/arm';
import { CHOOSABLE_CAPABILITIES, NUMBER_USAGES, RELATIONSHIP_STATUSES } from '../../../src/core/models/provisioning';
import { MIGRATION_SOURCES } from '../../../src/core/config/model';
import { isRuleId } from '../../../src/core/rules/ruleTable';

const ROOT = join(__dirname, '..', '..', '..');
type Schema = Record<string, unknown>;
const load = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Schema;

function ajv(): Ajv {
  // VS Code's own keywords, which plain JSON Schema does not know.
  const instance = new Ajv({ allErrors: true, strict: true });
  instance.addKeyword({ keyword: 'markdownDescription' });
  instance.addKeyword({ keyword: 'enumDescriptions' });
  return instance;
}

function* propertySchemas(schema: unknown, path = '#'): Generator<[string, Schema]> {
  if (typeof schema !== 'object' || schema === null) return;
  const s = schema as Schema;
  const properties = s['properties'];
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, child] of Object.entries(properties)) {
      yield [`${path}/${name}`, child as Schema];
      yield* propertySchemas(child, `${path}/${name}`);
    }
  }
  for (const key of ['items', 'additionalProperties']) yield* propertySchemas(s[key], `${path}/${key}`);
  const definitions = s['definitions'];
  if (typeof definitions === 'object' && definitions !== null) {
    for (const [name, child] of Object.entries(definitions)) yield* propertySchemas(child, `#/definitions/${name}`);
  }
}

// Keywords that constrain a value beyond its type and enum: each duplicates a rule of src/core/rules.
const VALUE_RULE_KEYWORDS: ReadonlySet<string> = new Set([
  'pattern',
  'patternProperties',
  'format',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'propertyNames',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'contains',
  'required',
]);
// Members whose values are data, not schemas, and members whose values map names to schemas.
const DATA_KEYWORDS: ReadonlySet<string> = new Set(['enum', 'const', 'default', 'examples', 'enumDescriptions', 'description', 'markdownDescription', 'required']);
const SCHEMA_MAPS: ReadonlySet<string> = new Set(['properties', 'definitions', 'patternProperties']);

/** Every keyword of every subschema, with where it is: `#/definitions/number/properties/telephoneNumber pattern`. */
function* schemaKeywords(schema: unknown, path = '#'): Generator<[string, string]> {
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) yield* schemaKeywords(item, `${path}/${i}`);
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    yield [path, key];
    if (DATA_KEYWORDS.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null) {
      for (const [name, child] of Object.entries(value)) yield* schemaKeywords(child, `${path}/${key}/${name}`);
    } else {
      yield* schemaKeywords(value, `${path}/${key}`);
    }
  }
}

function enumAt(schema: Schema, path: string[]): unknown {
  let at: unknown = schema;
  for (const key of path) at = (at as Schema)[key];
  return at;
}

describe('JSON Schemas', () => {
  const samples = readdirSync(join(ROOT, 'samples')).filter((n) => n.endsWith('.json'));

  for (const [kind, file] of Object.entries(SCHEMA_FILES)) {
    describe(file, () => {
      const schema = load(file);

      it('is a draft-07 schema that ajv compiles in strict mode', () => {
        assert.equal(schema['$schema'], 'http://json-schema.org/draft-07/schema#');
        assert.doesNotThrow(() => ajv().compile(schema));
      });

      it('leaves value rules to the engine: no pattern, length, count, range, required member or closed object', () => {
        const duplicates = [...schemaKeywords(schema)].filter(([, key]) => VALUE_RULE_KEYWORDS.has(key)).map(([at, key]) => `${at} ${key}`);
        assert.deepEqual(duplicates, []);
        const closed = JSON.stringify(schema).match(/"additionalProperties":false/g) ?? [];
        assert.equal(closed.length, 0, 'no closed objects (ACG-SCHEMA-005 reports unknown properties)');
      });

      it('describes every property, citing existing rule ids', () => {
        let count = 0;
        for (const [path, property] of propertySchemas(schema)) {
          const ref = property['$ref'];
          // A reference's description is its definition's (draft-07 ignores siblings of $ref).
          const described = typeof ref === 'string' ? (enumAt(schema, ref.replace(/^#\//, '').split('/')) as Schema) : property;
          const description = described['description'];
          assert.equal(typeof description, 'string', `${path} has a description`);
          const ids = String(description).match(/ACG-[A-Z]+-\d{3}/g) ?? [];
          assert.ok(ids.length > 0, `${path} cites a rule`);
          for (const id of ids) assert.ok(isRuleId(id), `${path} cites unknown ${id}`);
          count++;
        }
        assert.ok(count > 10);
      });

      for (const name of samples.filter((n) => configKindOf(n) === kind)) {
        const valid = !name.startsWith('broken');
        it(`${valid ? 'accepts' : 'rejects'} samples/${name}`, () => {
          const validate = ajv().compile(schema);
          const ok = validate(JSON.parse(readFileSync(join(ROOT, 'samples', name), 'utf8')));
          assert.equal(ok, valid, JSON.stringify(validate.errors?.slice(0, 3)));
        });
      }
    });
  }

  it('finds value keywords wherever they are (so the check above can fail)', () => {
    const sample = { definitions: { n: { type: 'string', pattern: 'x', properties: { pattern: { type: 'string', maxLength: 3 } } } }, items: [{ minimum: 1 }], default: { pattern: 'data' } };
    const found = [...schemaKeywords(sample)].filter(([, key]) => VALUE_RULE_KEYWORDS.has(key)).map(([at, key]) => `${at} ${key}`);
    assert.deepEqual(found, ['#/definitions/n pattern', '#/definitions/n/properties/pattern maxLength', '#/items/0 minimum']);
  });

  it('lists the same values as the models', () => {
    const gateway = load(SCHEMA_FILES.gateway);
    const plan = load(SCHEMA_FILES.plan);
    const migration = load(SCHEMA_FILES.migration);
    const props = ['definitions', 'gatewayProperties', 'properties'];
    assert.deepEqual(enumAt(gateway, [...props, 'codecs', 'items', 'enum']), TEAMS_CODECS);
    assert.deepEqual(enumAt(gateway, [...props, 'platforms', 'items', 'enum']), COMMUNICATIONS_PLATFORMS);
    const tpm = ['definitions', 'number', 'properties', 'serviceDetails', 'properties', 'teamsPhoneMobile', 'properties', 'configuration', 'properties'];
    assert.deepEqual(enumAt(plan, [...tpm, 'usage', 'enum']), NUMBER_USAGES);
    assert.deepEqual(enumAt(plan, [...tpm, 'choosableCapabilities', 'items', 'enum']), CHOOSABLE_CAPABILITIES);
    const status = ['definitions', 'relationship', 'properties', 'customerRelationship', 'properties', 'status', 'enum'];
    assert.deepEqual(enumAt(plan, status), RELATIONSHIP_STATUSES);
    assert.deepEqual(enumAt(migration, ['properties', 'users', 'items', 'properties', 'source', 'enum']), MIGRATION_SOURCES);
  });
});
