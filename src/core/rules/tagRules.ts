// Azure Resource Manager tag limits, for gateways and test lines.
import { wrongType } from './schemaRules';
import type { RuleViolation, ValuePath } from './types';
import { isRecord, show, violation } from './violation';

export const MAX_TAGS = 50;
export const TAG_NAME_MAX_LENGTH = 512;
export const TAG_VALUE_MAX_LENGTH = 256;
const FORBIDDEN_IN_TAG_NAME = /[<>%&\\?/]/g;
/** Rules about a tag's name point at the name, not its value. */
const KEY = { target: 'key' } as const;

function validateTag(name: string, value: unknown, path: ValuePath): RuleViolation[] {
  const found: RuleViolation[] = [];
  if (name.length === 0 || name.length > TAG_NAME_MAX_LENGTH) {
    const text = name.length === 0 ? 'A tag name is empty' : `Tag name ${show(name)} has ${name.length} characters`;
    found.push(violation('ACG-TAG-002', path, `${text}: use 1 to ${TAG_NAME_MAX_LENGTH}.`, undefined, KEY));
  }
  const forbidden = [...new Set(name.match(FORBIDDEN_IN_TAG_NAME) ?? [])];
  if (forbidden.length > 0) {
    found.push(violation('ACG-TAG-004', path, `Tag name ${show(name)} contains ${forbidden.join(' ')}: tag names cannot use < > % & \\ ? or /.`, undefined, KEY));
  }
  if (typeof value !== 'string') {
    found.push(wrongType(path, 'a string', value));
  } else if (value.length > TAG_VALUE_MAX_LENGTH) {
    found.push(violation('ACG-TAG-003', path, `The value of tag ${show(name)} has ${value.length} characters: at most ${TAG_VALUE_MAX_LENGTH}.`));
  }
  return found;
}

/** Checks a `tags` object. Absent tags are fine; each finding points at its tag, or at `path` for the count. */
export function validateTags(tags: unknown, path: ValuePath = []): RuleViolation[] {
  if (tags === undefined) return [];
  if (!isRecord(tags)) return [wrongType(path, 'an object of name/value pairs', tags)];
  const entries = Object.entries(tags);
  const found =
    entries.length > MAX_TAGS ? [violation('ACG-TAG-001', path, `${entries.length} tags: a resource has at most ${MAX_TAGS}.`)] : [];
  return [...found, ...entries.flatMap(([name, value]) => validateTag(name, value, [...path, name]))];
}
