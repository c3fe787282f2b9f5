// The only writes the onboarding fixes may send to Microsoft Graph (API.md §4): create a first-party service
// principal, grant an app role (from either end, or to a user), add a domain, verify a domain. A fix write is data
// (it can travel through a webview or a CLI flag), so anything outside this list is refused before it is sent.
import { isDomainName, isGuid } from '../../core/ids';
import { AcgError } from '../errors';

export interface GraphWriteRequest {
  readonly method: string;
  /** Relative to the version root (`servicePrincipals/{id}/appRoleAssignments`), with or without a leading slash. */
  readonly path: string;
}

interface AllowedWrite {
  /** Path segments; `{guid}` and `{domain}` match one checked segment. */
  readonly segments: readonly string[];
  readonly permission: string;
}

const ASSIGN = 'AppRoleAssignment.ReadWrite.All and Application.Read.All';

const ALLOWED: readonly AllowedWrite[] = [
  { segments: ['servicePrincipals'], permission: 'Application.ReadWrite.All' },
  { segments: ['servicePrincipals', '{guid}', 'appRoleAssignments'], permission: ASSIGN },
  { segments: ['servicePrincipals', '{guid}', 'appRoleAssignedTo'], permission: ASSIGN },
  { segments: ['users', '{guid}', 'appRoleAssignments'], permission: ASSIGN },
  { segments: ['domains'], permission: 'Domain.ReadWrite.All' },
  { segments: ['domains', '{domain}', 'verify'], permission: 'Domain.ReadWrite.All' },
];

function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === '{guid}') return isGuid(segment);
  if (pattern === '{domain}') return isDomainName(segment);
  return pattern.toLowerCase() === segment.toLowerCase();
}

/**
 * The normalised path (no leading slash) and the permission the write needs, or AcgError `badRequest` ("Not sent")
 * when the write is not one of the onboarding fixes.
 */
export function checkOnboardingWrite(write: GraphWriteRequest, operation: string): { path: string; permission: string } {
  const path = write.path.replace(/^\/+/, '');
  const segments = path.split('/');
  const allowed =
    write.method === 'POST' && !/[?#%\\]/.test(path)
      ? ALLOWED.find((a) => a.segments.length === segments.length && a.segments.every((p, i) => segmentMatches(p, segments[i])))
      : undefined;
  if (!allowed) {
    throw new AcgError({
      kind: 'badRequest',
      message:
        `Not sent: ${write.method} ${write.path} is not one of the onboarding fixes' Graph writes (POST servicePrincipals, ` +
        'servicePrincipals/{id}/appRoleAssignments or /appRoleAssignedTo, users/{id}/appRoleAssignments, domains, domains/{name}/verify).',
      service: 'graph',
      operation,
    });
  }
  return { path, permission: allowed.permission };
}
