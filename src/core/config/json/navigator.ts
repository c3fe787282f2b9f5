// A lazy navigator over JSON text: finds the offsets of the nodes on a path without building a tree. Building
// jsonc-parser's full tree for a 100,000-number plan costs about seven times JSON.parse; most validations need the
// offsets of a handful of nodes, so this skips over everything else (strings with indexOf, containers by depth).
//
// It is used on text that parsed (JSON.parse, or jsonc-parser without errors: comments and trailing commas are
// understood) and reports the same offsets as jsonc-parser's tree (a string node includes its quotes). On other text
// it never loops or throws, but gives no guarantee; the engine uses jsonc-parser's tree there.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface MemberSpan {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/**
 * Containers this deep or shallower are scanned member by member (and their children cached); deeper ones are
 * skipped by depth counting, which allocates nothing. A plan is root (0) → accounts (1) → account (2) → numbers (3)
 * → number (4): so its numbers list is scanned once, element by element, and each number is skipped in one go.
 */
const STRUCTURED_DEPTH = 3;

export class JsonNavigator {
  private readonly members = new Map<number, readonly MemberSpan[]>();
  private readonly elements = new Map<number, readonly Span[]>();
  private readonly ends = new Map<number, number>();

  constructor(readonly text: string) {}

  /** The offset of the first character at or after `pos` that is not whitespace or part of a comment. */
  skipTrivia(pos: number): number {
    const text = this.text;
    const length = text.length;
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (isWhitespace(c)) {
        pos++;
      } else if (c === SLASH && text.charCodeAt(pos + 1) === SLASH) {
        const newline = text.indexOf('\n', pos + 2);
        pos = newline < 0 ? length : newline + 1;
      } else if (c === SLASH && text.charCodeAt(pos + 1) === STAR) {
        const close = text.indexOf('*/', pos + 2);
        pos = close < 0 ? length : close + 2;
      } else {
        break;
      }
    }
    return pos;
  }

  /** The root value's start, or -1 for an empty document. */
  rootStart(): number {
    const start = this.skipTrivia(0);
    return start < this.text.length ? start : -1;
  }

  /**
   * End (exclusive) of the string starting at `pos` (a quote). The navigator only walks text that parsed, where a
   * string never holds a raw line break, so the next unescaped quote ends it (an unterminated one runs to the end).
   */
  private stringEnd(pos: number): number {
    const text = this.text;
    let at = pos + 1;
    for (;;) {
      const quote = text.indexOf('"', at);
      if (quote < 0) return text.length;
      if (text.charCodeAt(quote - 1) !== BACKSLASH) return quote + 1;
      let slashes = 1;
      for (let i = quote - 2; i > pos && text.charCodeAt(i) === BACKSLASH; i--) slashes++;
      if (slashes % 2 === 0) return quote + 1;
      at = quote + 1;
    }
  }

  /** End (exclusive) of the value starting at `pos`; `depth` is the value's depth below the root. */
  valueEnd(pos: number, depth = STRUCTURED_DEPTH + 1): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (c === QUOTE) return this.stringEnd(pos);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const known = this.ends.get(pos);
      if (known !== undefined) return known;
      if (depth > STRUCTURED_DEPTH) return this.containerEnd(pos);
      if (c === OPEN_BRACE) this.membersOf(pos, depth);
      else this.elementsOf(pos, depth);
      return this.ends.get(pos) ?? text.length;
    }
    // number, true, false, null (or garbage): up to the next delimiter
    let at = pos;
    while (at < text.length) {
      const d = text.charCodeAt(at);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d === COLON || isWhitespace(d) || d === SLASH || d === QUOTE) break;
      at++;
    }
    return at === pos ? pos + 1 : at;
  }

  /** End of an object or array by depth counting: no allocation, so skipping a 10 MB array is a plain scan. */
  private containerEnd(pos: number): number {
    const text = this.text;
    const length = text.length;
    let depth = 0;
    let at = pos;
    while (at < length) {
      const c = text.charCodeAt(at);
      if (c === QUOTE) {
        at = this.stringEnd(at);
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return at + 1;
      } else if (c === SLASH) {
        const next = text.charCodeAt(at + 1);
        if (next === SLASH || next === STAR) {
          at = this.skipTrivia(at);
          continue;
        }
      }
      at++;
    }
    return length;
  }

  /** The members of the object starting at `pos` (a `{`), in text order; cached. `depth` is the object's own depth. */
  membersOf(pos: number, depth = STRUCTURED_DEPTH + 1): readonly MemberSpan[] {
    const cached = this.members.get(pos);
    if (cached) return cached;
    const text = this.text;
    const found: MemberSpan[] = [];
    let at = this.skipTrivia(pos + 1);
    let end = text.length;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === CLOSE_BRACE) {
        end = at + 1;
        break;
      }
      if (c !== QUOTE) break;
      const keyStart = at;
      const keyEnd = this.stringEnd(at);
      at = this.skipTrivia(keyEnd);
      if (text.charCodeAt(at) !== COLON) break;
      const valueStart = this.skipTrivia(at + 1);
      if (valueStart >= text.length) break;
      const v = text.charCodeAt(valueStart);
      if (v === COMMA || v === CLOSE_BRACE) break;
      const valueEnd = this.valueEnd(valueStart, depth + 1);
      found.push({ key: decodeKey(text.slice(keyStart, keyEnd)), keyStart, keyEnd, valueStart, valueEnd });
      at = this.skipTrivia(valueEnd);
      const next = text.charCodeAt(at);
      if (next === COMMA) {
        at = this.skipTrivia(at + 1);
      } else {
        if (next === CLOSE_BRACE) end = at + 1;
        break;
      }
    }
    this.members.set(pos, found);
    if (!this.ends.has(pos)) this.ends.set(pos, end);
    return found;
  }

  /** The elements of the array starting at `pos` (a `[`); cached. `depth` is the array's own depth. */
  elementsOf(pos: number, depth = STRUCTURED_DEPTH + 1): readonly Span[] {
    const cached = this.elements.get(pos);
    if (cached) return cached;
    const text = this.text;
    const found: Span[] = [];
    let at = this.skipTrivia(pos + 1);
    let end = text.length;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === CLOSE_BRACKET) {
        end = at + 1;
        break;
      }
      if (c === COMMA || c === CLOSE_BRACE || c === COLON) break;
      const valueEnd = this.valueEnd(at, depth + 1);
      found.push({ start: at, end: valueEnd });
      at = this.skipTrivia(valueEnd);
      const next = text.charCodeAt(at);
      if (next === COMMA) {
        at = this.skipTrivia(at + 1);
      } else {
        if (next === CLOSE_BRACKET) end = at + 1;
        break;
      }
    }
    this.elements.set(pos, found);
    if (!this.ends.has(pos)) this.ends.set(pos, end);
    return found;
  }

  /**
   * Tells the navigator what is already known about a container (its end, and for an array its elements), so that
   * skipping it costs nothing. The incremental session seeds the plan's skeleton after an edit instead of rescanning.
   */
  seed(start: number, end: number, elements?: readonly Span[]): void {
    this.ends.set(start, end);
    if (elements) this.elements.set(start, elements);
  }

  /** The member of the object at `pos` named `key`; the last one wins, as in JSON.parse. */
  member(pos: number, key: string, depth?: number): MemberSpan | undefined {
    const all = this.membersOf(pos, depth);
    for (let i = all.length - 1; i >= 0; i--) if (all[i].key === key) return all[i];
    return undefined;
  }

  isObject(pos: number): boolean {
    return this.text.charCodeAt(pos) === OPEN_BRACE;
  }

  isArray(pos: number): boolean {
    return this.text.charCodeAt(pos) === OPEN_BRACKET;
  }
}

function decodeKey(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw.slice(1);
  }
}
