// The host's check of the envelope of every message a webview sends (WebviewToHost in ./protocol.ts). The params
// inside a request are checked afterwards against the method's own schema.
import * as v from 'valibot';
import { isPlainObject } from './protocol';

/** Longest method name accepted: far above any real one, low enough that a log line stays readable. */
const MAX_METHOD_LENGTH = 64;

const RequestIdSchema = v.pipe(v.number(), v.safeInteger('the id must be a whole number'), v.minValue(0, 'the id must not be negative'));

const plain = <S extends v.GenericSchema>(schema: S) => v.pipe(v.custom<v.InferInput<S>>(isPlainObject, 'Invalid type: Expected a plain object'), schema);

export const WebviewMessageSchema = plain(
  v.variant('kind', [
    v.strictObject({ kind: v.literal('ready') }),
    v.strictObject({ kind: v.literal('request'), id: RequestIdSchema, method: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_METHOD_LENGTH)), params: v.unknown() }),
    v.strictObject({ kind: v.literal('cancel'), id: RequestIdSchema }),
  ]),
);

export type WebviewMessage = v.InferOutput<typeof WebviewMessageSchema>;

/** The id of something that looks like a request, so that even a malformed one can be answered with an error. */
export function replyIdOf(message: unknown): number | undefined {
  if (!isPlainObject(message) || message.kind !== 'request') return undefined;
  return v.is(RequestIdSchema, message.id) ? message.id : undefined;
}

/** A short, safe description of any message for a log line: never throws, never prints more than a few fields. */
export function describeMessage(message: unknown): string {
  if (!isPlainObject(message)) {
    if (Array.isArray(message)) return `an array of ${message.length}`;
    if (message === null) return 'null';
    return typeof message === 'string' ? `a string (${message.length} characters)` : `${typeof message} ${clip(String(message))}`;
  }
  const fields = ['kind', 'method', 'id']
    .filter((key) => Object.prototype.hasOwnProperty.call(message, key))
    .map((key) => `${key}=${scalar(message[key])}`);
  const others = Object.keys(message).length - fields.length;
  return `{${fields.join(', ')}${others > 0 ? `${fields.length > 0 ? ', ' : ''}+${others} more` : ''}}`;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(clip(value));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'array' : typeof value;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** valibot's issues as one sentence: "params.target: Invalid type: Expected …". */
export function issuesText(issues: readonly v.BaseIssue<unknown>[], prefix: string): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
      return `${prefix}${path ? `.${path}` : ''}: ${issue.message}`;
    })
    .join('; ');
}
