import { strict as assert } from 'node:assert';
import {
  countryCallingCodeOf,
  getRule,
  isNorthAmericanTollFree,
  normalizeToE164,
  validateTelephoneNumber,
  type RuleViolation,
} from '../../../src/core/rules';

interface NumberCase {
  readonly name: string;
  readonly value: unknown;
  /** Rule ids expected, in order; empty for a valid number. */
  readonly ruleIds: readonly string[];
  readonly replacement?: string;
}

const cases: readonly NumberCase[] = [
  { name: 'a valid UK number', value: '+442079460000', ruleIds: [] },
  { name: 'a valid US number', value: '+14255550100', ruleIds: [] },
  { name: 'a non-geographic (+800) number', value: '+80012345678', ruleIds: [] },
  { name: '16 characters, the maximum', value: '+123456789012345', ruleIds: [] },
  { name: '17 characters, one too many', value: '+1234567890123456', ruleIds: ['ACG-NUM-002'] },
  { name: '3 characters, the minimum', value: '+12', ruleIds: [] },
  { name: '2 characters', value: '+1', ruleIds: ['ACG-NUM-003'] },
  { name: 'a missing + (2023 format)', value: '442079460000', ruleIds: ['ACG-NUM-004'], replacement: '+442079460000' },
  { name: 'a 19-digit 2023-style number', value: '1234567890123456789', ruleIds: ['ACG-NUM-004'] },
  { name: '20 digits without + (beyond even the 2023 limit)', value: '12345678901234567890', ruleIds: ['ACG-NUM-001'] },
  { name: '+0 at the start', value: '+0442079460000', ruleIds: ['ACG-NUM-001'] },
  { name: '+00 at the start', value: '+00442079460000', ruleIds: ['ACG-NUM-001'], replacement: '+442079460000' },
  { name: 'spaces', value: '+4420 7946 0000', ruleIds: ['ACG-NUM-001'], replacement: '+442079460000' },
  { name: 'dashes', value: '+1-425-555-0100', ruleIds: ['ACG-NUM-001'], replacement: '+14255550100' },
  { name: 'parentheses, spaces and dashes', value: '+1 (800) 555-0100', ruleIds: ['ACG-NUM-001'], replacement: '+18005550100' },
  { name: 'a national number with separators', value: '(425) 555-0100', ruleIds: ['ACG-NUM-001'] },
  { name: 'a national number with a trunk 0', value: '02079460000', ruleIds: ['ACG-NUM-001'] },
  { name: 'the 00 international prefix', value: '00442079460000', ruleIds: ['ACG-NUM-001'], replacement: '+442079460000' },
  { name: 'letters', value: '+1800FLOWERS', ruleIds: ['ACG-NUM-001'] },
  { name: 'a + in the middle', value: '+44+2079460000', ruleIds: ['ACG-NUM-001'] },
  { name: 'a lone +', value: '+', ruleIds: ['ACG-NUM-001'] },
  { name: 'an empty string', value: '', ruleIds: ['ACG-NUM-001'] },
  { name: 'an unknown country code (+999)', value: '+999123456789', ruleIds: ['ACG-NUM-005'] },
  { name: 'an unknown country code that is also too long', value: '+9991234567890123', ruleIds: ['ACG-NUM-002', 'ACG-NUM-005'] },
  { name: 'an incomplete code (+99) that could still become +992', value: '+99', ruleIds: [] },
  { name: 'a number, not a string', value: 442079460000, ruleIds: ['ACG-SCHEMA-002'] },
  { name: 'nothing', value: undefined, ruleIds: ['ACG-SCHEMA-001'] },
];

describe('validateTelephoneNumber', () => {
  for (const c of cases) {
    it(`${c.name}: ${JSON.stringify(c.value) ?? 'undefined'} → ${c.ruleIds.join(', ') || 'valid'}`, () => {
      const found = validateTelephoneNumber(c.value, ['numbers', 2, 'telephoneNumber']);
      assert.deepEqual(
        found.map((v) => v.ruleId),
        c.ruleIds,
      );
      for (const v of found) assert.deepEqual(v.path, ['numbers', 2, 'telephoneNumber']);
      assert.equal(found[0]?.replacement, c.replacement);
    });
  }

  it('says what is wrong with a spaced number, and how to write it', () => {
    const [finding] = validateTelephoneNumber('+4420 7946 0000');
    assert.equal(finding?.message, '+4420 7946 0000 contains spaces: use digits only after + (+442079460000).');
  });

  it('counts the characters of a number that is too long', () => {
    const [finding] = validateTelephoneNumber('+1234567890123456');
    assert.match(finding?.message ?? '', /has 17 characters: a telephone number has at most 16/);
  });

  it('flags a 2023-style number as legacy, and explains why it cannot be fixed automatically', () => {
    const [finding] = validateTelephoneNumber('1234567890123456789');
    assert.ok(finding);
    assert.match(getRule(finding.ruleId)?.title ?? '', /Legacy 2023/);
    assert.match(finding.message, /2023 portal format/);
    assert.equal(finding.replacement, undefined);
  });

  it('reports an unknown country code as a warning, since the service pattern accepts it', () => {
    const [finding] = validateTelephoneNumber('+999123456789');
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /none of 9, 99, 999/);
  });

  it('reports at the root when no path is given', () => {
    assert.deepEqual(validateTelephoneNumber('+1').map((v: RuleViolation) => v.path), [[]]);
  });
});

describe('normalizeToE164', () => {
  const normalizations: readonly (readonly [string, string | undefined, string | undefined])[] = [
    ['+44 20 7946 0000', undefined, '+442079460000'],
    ['+44 (0)20 7946 0000', undefined, '+442079460000'],
    ['+1-425-555-0100', undefined, '+14255550100'],
    ['tel:+1.425.555.0100', undefined, '+14255550100'],
    ['0044 20 7946 0000', undefined, '+442079460000'],
    ['020 7946 0000', 'GB', '+442079460000'],
    ['020-7946-0000', 'gb', '+442079460000'],
    ['(425) 555-0100', 'US', '+14255550100'],
    ['011 44 20 7946 0000', 'US', '+442079460000'],
    ['+442079460000', 'US', '+442079460000'],
    ['442079460000', undefined, undefined],
    ['020 7946 0000', undefined, undefined],
    ['020 7946 0000', 'XX', undefined],
    ['+999 123 456', undefined, undefined],
    ['+1 800 FLOWERS', undefined, undefined],
    ['', undefined, undefined],
  ];
  for (const [raw, country, expected] of normalizations) {
    it(`${JSON.stringify(raw)}${country === undefined ? '' : ` in ${country}`} → ${expected ?? 'undefined'}`, () => {
      assert.equal(normalizeToE164(raw, country), expected);
    });
  }
});

describe('isNorthAmericanTollFree', () => {
  for (const prefix of ['800', '833', '844', '855', '866', '877', '888']) {
    it(`+1 ${prefix} is toll-free`, () => assert.equal(isNorthAmericanTollFree(`+1${prefix}5550100`), true));
  }
  for (const number of ['+14255550100', '+18015550100', '+448005550100', '+8005550100']) {
    it(`${number} is not North American toll-free`, () => assert.equal(isNorthAmericanTollFree(number), false));
  }
});

describe('countryCallingCodeOf', () => {
  const codes: readonly (readonly [string, string | undefined])[] = [
    ['+442079460000', '44'],
    ['+14255550100', '1'],
    ['+35312345678', '353'],
    ['+80012345678', '800'],
    ['+999123456', undefined],
    ['+0441234', undefined],
    ['+8', undefined],
  ];
  for (const [number, code] of codes) {
    it(`${number} → ${code ?? 'undefined'}`, () => assert.equal(countryCallingCodeOf(number), code));
  }
});
