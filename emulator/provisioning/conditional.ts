// If-Match / If-None-Match (Azure.Core SupportsConditionalRequests). Following RFC 9110 §13.2.1, a read of a missing
// resource is a 404 before any condition is looked at; a write evaluates the conditions against whatever exists now
// (nothing, for a create), so `If-Match` on a missing resource fails with 412.
// If-Modified-Since / If-Unmodified-Since are accepted and ignored: the emulator keeps no modification times.
import { coreError } from '../errors';
import { header, type EmulatorResponse, type RequestContext } from '../http';

function etagList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => v.replace(/^W\//, ''));
}

function matchesAny(list: string[], current: string | undefined): boolean {
  if (current === undefined) return false;
  return list.includes('*') || list.includes(current);
}

/** Conditions for a GET: 412 on an If-Match mismatch, 304 when If-None-Match matches. */
export function checkReadConditions(ctx: RequestContext, currentEtag: string): EmulatorResponse | undefined {
  const ifMatch = header(ctx, 'if-match');
  if (ifMatch !== undefined && !matchesAny(etagList(ifMatch), currentEtag)) {
    return coreError(412, 'PreconditionFailed', `The resource's ETag is ${currentEtag}, which does not match If-Match ${ifMatch}.`);
  }
  const ifNoneMatch = header(ctx, 'if-none-match');
  if (ifNoneMatch !== undefined && matchesAny(etagList(ifNoneMatch), currentEtag)) {
    return { status: 304, headers: { ETag: currentEtag } };
  }
  return undefined;
}

/** Conditions for a write; `currentEtag` is undefined when the resource does not exist yet. */
export function checkWriteConditions(ctx: RequestContext, currentEtag: string | undefined): EmulatorResponse | undefined {
  const ifMatch = header(ctx, 'if-match');
  if (ifMatch !== undefined && !matchesAny(etagList(ifMatch), currentEtag)) {
    return coreError(
      412,
      'PreconditionFailed',
      currentEtag === undefined
        ? `The resource does not exist, so If-Match ${ifMatch} cannot match.`
        : `The resource has changed: its ETag is ${currentEtag}, which does not match If-Match ${ifMatch}. Read it again and retry.`,
    );
  }
  const ifNoneMatch = header(ctx, 'if-none-match');
  if (ifNoneMatch !== undefined && matchesAny(etagList(ifNoneMatch), currentEtag)) {
    return coreError(
      412,
      'PreconditionFailed',
      ifNoneMatch.trim() === '*'
        ? 'The resource already exists and If-None-Match is *.'
        : `The resource's ETag ${currentEtag} matches If-None-Match ${ifNoneMatch}.`,
    );
  }
  return undefined;
}
