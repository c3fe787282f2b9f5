// The CSV tokenizer keeps offsets that CSV libraries do not give; its values must still be csv-parse's.
import { strict as assert } from 'node:assert';
import { parse } from 'csv-parse/sync';
import { tokenizeCsv } from '../../../src/core/config/csv/tokenizer';

const CASES: readonly string[] = [
  'a,b,c\n1,2,3\n',
  'a,b\r\n"x, y","z"\r\n',
  'a,b\n"he said ""hi""",2\n',
  'a,b\n"multi\nline",2\n',
  'a\n\n\nb\n',
  '\ufeffh1,h2\nv1,v2',
  'a,b\n,\n',
  'a,b,c\n1,,3\n',
  'x\r1\r2\r',
];

describe('CSV tokenizer', () => {
  for (const text of CASES) {
    it(`matches csv-parse on ${JSON.stringify(text)}`, () => {
      const expected = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
      const { rows, problems } = tokenizeCsv(text);
      assert.deepEqual(problems, []);
      assert.deepEqual(rows.map((r) => r.cells.map((c) => c.value)), expected);
    });
  }

  it('gives each cell its span, quotes included, and each row where the next one starts', () => {
    const text = 'a,"b,c"\r\n1,"2"\n';
    const { rows } = tokenizeCsv(text);
    assert.deepEqual(rows[0].cells.map((c) => text.slice(c.start, c.end)), ['a', '"b,c"']);
    assert.deepEqual([rows[0].start, rows[0].end, rows[0].next], [0, 7, 9]);
    assert.equal(text.slice(rows[1].start, rows[1].next), '1,"2"\n');
  });

  it('reports malformed quoting at the cell', () => {
    const text = 'a,b\n"open,1\n';
    assert.equal(tokenizeCsv(text).problems[0].problem, 'unclosedQuote');
    const stray = tokenizeCsv('a,b\nx"y,1\n');
    assert.deepEqual(stray.problems.map((p) => p.problem), ['quoteInUnquotedCell']);
    assert.equal('a,b\nx"y,1\n'.slice(stray.problems[0].start, stray.problems[0].end), 'x"y');
    assert.equal(tokenizeCsv('a\n"x"y\n').problems[0].problem, 'textAfterQuote');
  });
});
