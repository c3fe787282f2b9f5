// The `filter` query parameter. The real grammar is not public (API.md §2), so the emulator accepts a small,
// documented OData-like subset and rejects everything else with 400 InvalidFilter, rather than guessing:
//
//   filter  := term ( 'and' term )*
//   term    := '(' filter ')' | field 'eq' literal | 'startswith(' field ',' string ')'
//   literal := 'text' (a quote inside is doubled: 'O''Brien') | true | false | integer
//   field   := a name, or a path with '/' (customerRelationship/status)
//
// Keywords are case-insensitive. `or`, `not`, `ne`, `gt`, … are refused with a message that says so. Each list
// operation names the fields it accepts (see FILTER_FIELDS in lists.ts).

export type FilterValue = string | boolean | number;

export type FilterClause =
  | { op: 'eq'; field: string; value: FilterValue }
  | { op: 'startswith'; field: string; value: string };

/** A conjunction of clauses. */
export type Filter = FilterClause[];

export interface FieldSpec {
  /** Compare strings case-insensitively (GUIDs). */
  caseInsensitive?: boolean;
}

export type FilterResult = { ok: true; filter: Filter } | { ok: false; message: string };

type Token =
  | { kind: 'name'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'punct'; text: '(' | ')' | ',' };

const UNSUPPORTED_OPERATORS = new Set(['or', 'not', 'ne', 'gt', 'ge', 'lt', 'le', 'has', 'in', 'endswith', 'contains', 'substringof']);

export function parseFilter(text: string, fields: Readonly<Record<string, FieldSpec>>): FilterResult {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return { ok: false, message: tokens.error };
  if (tokens.length === 0) return { ok: true, filter: [] };
  const parser = new Parser(tokens, fields);
  try {
    const filter = parser.expression();
    parser.expectEnd();
    return { ok: true, filter };
  } catch (error) {
    if (error instanceof FilterError) return { ok: false, message: error.message };
    throw error;
  }
}

class FilterError extends Error {}

class Parser {
  private at = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly fields: Readonly<Record<string, FieldSpec>>,
  ) {}

  expression(): Filter {
    const clauses = this.term();
    while (this.peekKeyword('and')) {
      this.at += 1;
      clauses.push(...this.term());
    }
    const next = this.tokens[this.at];
    if (next?.kind === 'name' && UNSUPPORTED_OPERATORS.has(next.text.toLowerCase())) {
      throw new FilterError(`'${next.text}' is not supported: combine conditions with 'and' only.`);
    }
    return clauses;
  }

  expectEnd(): void {
    const next = this.tokens[this.at];
    if (next) throw new FilterError(`Unexpected ${describe(next)} at the end of the filter.`);
  }

  private term(): Filter {
    const token = this.next('a condition');
    if (token.kind === 'punct' && token.text === '(') {
      const inner = this.expression();
      this.expectPunct(')');
      return inner;
    }
    if (token.kind !== 'name') throw new FilterError(`Expected a field name or startswith(…), found ${describe(token)}.`);
    if (token.text.toLowerCase() === 'startswith' && this.peekPunct('(')) {
      this.at += 1;
      const field = this.field();
      this.expectPunct(',');
      const value = this.next('a quoted prefix');
      if (value.kind !== 'string') throw new FilterError(`startswith needs a quoted prefix, found ${describe(value)}.`);
      this.expectPunct(')');
      return [{ op: 'startswith', field, value: value.text }];
    }
    if (token.text.toLowerCase() === 'not' || (UNSUPPORTED_OPERATORS.has(token.text.toLowerCase()) && this.peekPunct('('))) {
      throw new FilterError(`'${token.text}' is not supported: use 'field eq value' or startswith(field,'prefix').`);
    }
    const field = this.checkField(token.text);
    const operator = this.next("'eq'");
    if (operator.kind !== 'name' || operator.text.toLowerCase() !== 'eq') {
      const text = operator.kind === 'name' ? operator.text : describe(operator);
      throw new FilterError(`Operator '${text}' is not supported: use 'eq' (or startswith(field,'prefix')).`);
    }
    return [{ op: 'eq', field, value: this.literal() }];
  }

  private literal(): FilterValue {
    const token = this.next('a value');
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return token.value;
    if (token.kind === 'name' && /^(true|false)$/i.test(token.text)) return token.text.toLowerCase() === 'true';
    throw new FilterError(`Expected a quoted string, true, false or a number, found ${describe(token)}.`);
  }

  private field(): string {
    const token = this.next('a field name');
    if (token.kind !== 'name') throw new FilterError(`Expected a field name, found ${describe(token)}.`);
    return this.checkField(token.text);
  }

  private checkField(name: string): string {
    if (!Object.prototype.hasOwnProperty.call(this.fields, name)) {
      throw new FilterError(`Filtering on '${name}' is not supported here. Supported fields: ${Object.keys(this.fields).join(', ')}.`);
    }
    return name;
  }

  private next(expected: string): Token {
    const token = this.tokens[this.at];
    if (!token) throw new FilterError(`The filter ends where ${expected} was expected.`);
    this.at += 1;
    return token;
  }

  private expectPunct(text: '(' | ')' | ','): void {
    const token = this.next(`'${text}'`);
    if (token.kind !== 'punct' || token.text !== text) throw new FilterError(`Expected '${text}', found ${describe(token)}.`);
  }

  private peekPunct(text: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'punct' && token.text === text;
  }

  private peekKeyword(word: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'name' && token.text.toLowerCase() === word;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'name':
      return `'${token.text}'`;
    case 'string':
      return `the string '${token.text}'`;
    case 'number':
      return `the number ${token.value}`;
    default:
      return `'${token.text}'`;
  }
}

function tokenize(text: string): Token[] | { error: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    } else if (c === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) return { error: 'A quoted string in the filter is not closed.' };
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
      tokens.push({ kind: 'string', text: value });
    } else {
      const word = /^[A-Za-z_][A-Za-z0-9_/.]*|^-?\d+/.exec(text.slice(i));
      if (!word) return { error: `Unexpected character '${c}' at position ${i + 1} of the filter.` };
      tokens.push(/^-?\d/.test(word[0]) ? { kind: 'number', value: Number(word[0]) } : { kind: 'name', text: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}

/** The value at a '/'-separated path of an object. */
export function valueAt(item: unknown, path: string): unknown {
  let current: unknown = item;
  for (const part of path.split('/')) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function matchesClause(item: unknown, clause: FilterClause, spec: FieldSpec = {}): boolean {
  const actual = valueAt(item, clause.field);
  const fold = (v: string): string => (spec.caseInsensitive ? v.toLowerCase() : v);
  if (clause.op === 'startswith') return typeof actual === 'string' && fold(actual).startsWith(fold(clause.value));
  if (typeof actual === 'string' && typeof clause.value === 'string') return fold(actual) === fold(clause.value);
  return actual === clause.value;
}

export function matchesFilter(item: unknown, filter: Filter, fields: Readonly<Record<string, FieldSpec>>): boolean {
  return filter.every((clause) => matchesClause(item, clause, fields[clause.field]));
}
