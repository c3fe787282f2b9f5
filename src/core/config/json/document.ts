// A parsed JSON config file: its value, its syntax errors, and where each path's node sits in the text.
// Valid JSON (the common case, and the large one) goes through JSON.parse and the lazy navigator; anything else
// (comments, trailing commas, syntax errors) goes through jsonc-parser's error-tolerant tree, whose node offsets are
// then the ranges. Both report the same offsets for the same node.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ValuePath } from '../../rules/types';
import { JsonNavigator, type MemberSpan, type Span } from './navigator';

export interface SyntaxProblem {
  /** jsonc-parser's name for the error (printParseErrorCode), which ACG-SCHEMA-006 words. */
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/** Where a path's node is. When the full path does not exist, `found` is false and the spans are of its deepest existing ancestor. */
export interface NodeLocation {
  readonly found: boolean;
  readonly value: Span;
  /** The property name's span (with quotes) when the node is an object member. */
  readonly key?: Span;
  /** How many path segments resolved. */
  readonly depth: number;
}

export interface JsonDocument {
  readonly text: string;
  readonly value: unknown;
  readonly syntaxErrors: readonly SyntaxProblem[];
  locate(path: ValuePath): NodeLocation;
  /** Spans of the elements of the array at `path`, or undefined when there is no array there. */
  elementSpans(path: ValuePath): readonly Span[] | undefined;
  /** Members of the object at `path`, or undefined when there is no object there. */
  memberSpans(path: ValuePath): readonly MemberSpan[] | undefined;
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

/** Parses config text. Never throws. */
export function parseJsonDocument(text: string): JsonDocument {
  // JSON.parse rejects a byte order mark; the navigator treats it as whitespace, so offsets stay the same.
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  try {
    return new NavigatedDocument(text, JSON.parse(body) as unknown);
  } catch {
    // Comments, trailing commas, or a real syntax error: let the tolerant parser decide.
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, PARSE_OPTIONS);
  return new TreeDocument(text, root, errors);
}

/** Valid JSON: offsets from the lazy navigator (which a caller that knows the structure may pass in, seeded). */
export class NavigatedDocument implements JsonDocument {
  readonly syntaxErrors: readonly SyntaxProblem[] = [];

  constructor(
    readonly text: string,
    readonly value: unknown,
    private readonly nav: JsonNavigator = new JsonNavigator(text),
  ) {}

  locate(path: ValuePath): NodeLocation {
    const nav = this.nav;
    const root = nav.rootStart();
    if (root < 0) return { found: false, value: { start: 0, end: 0 }, depth: 0 };
    // Only starts are needed on the way down; the end of the node reached is computed once, at the end.
    let start = root;
    let key: Span | undefined;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      let next: number | undefined;
      let nextKey: Span | undefined;
      if (typeof segment === 'string' && nav.isObject(start)) {
        const member = nav.member(start, segment, i);
        if (member) {
          next = member.valueStart;
          nextKey = { start: member.keyStart, end: member.keyEnd };
        }
      } else if (typeof segment === 'number' && nav.isArray(start)) {
        next = nav.elementsOf(start, i)[segment]?.start;
      }
      if (next === undefined) return { found: false, value: { start, end: nav.valueEnd(start, i) }, key, depth: i };
      start = next;
      key = nextKey;
    }
    return { found: true, value: { start, end: nav.valueEnd(start, path.length) }, key, depth: path.length };
  }

  elementSpans(path: ValuePath): readonly Span[] | undefined {
    const at = this.locate(path);
    return at.found && this.nav.isArray(at.value.start) ? this.nav.elementsOf(at.value.start, path.length) : undefined;
  }

  memberSpans(path: ValuePath): readonly MemberSpan[] | undefined {
    const at = this.locate(path);
    return at.found && this.nav.isObject(at.value.start) ? this.nav.membersOf(at.value.start, path.length) : undefined;
  }
}

/** Text with syntax errors: jsonc-parser's tolerant tree gives both the best-effort value and the offsets. */
class TreeDocument implements JsonDocument {
  readonly value: unknown;
  readonly syntaxErrors: readonly SyntaxProblem[];

  constructor(
    readonly text: string,
    private readonly root: Node | undefined,
    errors: readonly ParseError[],
  ) {
    this.value = root ? nodeValue(root) : undefined;
    // jsonc-parser's error for an unclosed block comment at the end ("/*") reaches one past the text: clamp, so every
    // range stays inside the document (found by the config fuzz).
    this.syntaxErrors = errors.map((e) => {
      const start = Math.min(e.offset, text.length);
      return { code: printParseErrorCode(e.error), start, end: Math.min(text.length, Math.max(e.offset + e.length, start + 1)) };
    });
  }

  private walk(path: ValuePath): { node: Node | undefined; key?: Node; depth: number; found: boolean } {
    let node = this.root;
    let key: Node | undefined;
    if (!node) return { node, depth: 0, found: false };
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      let next: Node | undefined;
      let nextKey: Node | undefined;
      if (typeof segment === 'string' && node.type === 'object') {
        // The last property of that name wins, as in the navigator and JSON.parse.
        for (const property of node.children ?? []) {
          const [name, value] = property.children ?? [];
          if (name?.value === segment && value) {
            next = value;
            nextKey = name;
          }
        }
      } else if (typeof segment === 'number' && node.type === 'array') {
        next = node.children?.[segment];
      }
      if (!next) return { node, key, depth: i, found: false };
      node = next;
      key = nextKey;
    }
    return { node, key, depth: path.length, found: true };
  }

  locate(path: ValuePath): NodeLocation {
    const { node, key, depth, found } = this.walk(path);
    if (!node) return { found: false, value: { start: 0, end: 0 }, depth: 0 };
    return {
      found,
      value: { start: node.offset, end: node.offset + node.length },
      key: key ? { start: key.offset, end: key.offset + key.length } : undefined,
      depth,
    };
  }

  elementSpans(path: ValuePath): readonly Span[] | undefined {
    const { node, found } = this.walk(path);
    if (!found || node?.type !== 'array') return undefined;
    return (node.children ?? []).map((child) => ({ start: child.offset, end: child.offset + child.length }));
  }

  memberSpans(path: ValuePath): readonly MemberSpan[] | undefined {
    const { node, found } = this.walk(path);
    if (!found || node?.type !== 'object') return undefined;
    const members: MemberSpan[] = [];
    for (const property of node.children ?? []) {
      const [name, value] = property.children ?? [];
      if (!name || !value) continue;
      members.push({
        key: String(name.value),
        keyStart: name.offset,
        keyEnd: name.offset + name.length,
        valueStart: value.offset,
        valueEnd: value.offset + value.length,
      });
    }
    return members;
  }
}

/** The value of a tolerant tree; like jsonc-parser's getNodeValue, but the last duplicate key wins, as in JSON.parse. */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map(nodeValue);
    case 'object': {
      const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const property of node.children ?? []) {
        const [name, value] = property.children ?? [];
        if (name && value) result[String(name.value)] = nodeValue(value);
      }
      return { ...result };
    }
    default:
      return node.value as unknown;
  }
}
