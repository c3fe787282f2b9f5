// Applications: list, get (by object id or appId, with $select=passwordCredentials for the legacy-secret check) and
// addPassword, which returns the secret once and makes it usable at the token endpoint straight away.
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context';
import { isRecord, json, type EmulatorResponse, type RequestContext } from '../http';
import type { DirectoryApplication, PasswordCredential } from '../state';
import { applyFilter, badRequest, collection, entity, metadataUrl, parseSelect, type Filterable } from './odata';
import { invalidObjectId, notFound } from './servicePrincipals';
import { APPLICATION_PROPERTIES, toApplication } from './shapes';

const DEFAULT_SECRET_LIFETIME_MS = 2 * 365 * 24 * 60 * 60 * 1000;
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~_.-';

const FILTERABLE: Filterable<DirectoryApplication> = {
  id: (a) => a.id,
  appId: (a) => a.appId,
  displayName: (a) => a.displayName,
  createdDateTime: (a) => a.createdDateTime,
};

export function listApplications(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const selected = parseSelect(req, APPLICATION_PROPERTIES, 'application');
  if ('error' in selected) return selected.error;
  const filtered = applyFilter(req, ctx.state.directory.applications, FILTERABLE, 'Application', ['createdDateTime']);
  if ('error' in filtered) return filtered.error;
  return collection(req, 'applications', filtered.items.map(toApplication), selected.select);
}

function findApplication(ctx: ServiceContext, req: RequestContext): { app: DirectoryApplication } | { error: EmulatorResponse } {
  const id = req.params.id;
  const invalid = invalidObjectId(req, id);
  if (invalid) return { error: invalid };
  const app = ctx.state.directory.applications.find((a) => a.id.toLowerCase() === id.toLowerCase());
  return app ? { app } : { error: notFound(req, id) };
}

export function getApplication(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const selected = parseSelect(req, APPLICATION_PROPERTIES, 'application');
  if ('error' in selected) return selected.error;
  const found = findApplication(ctx, req);
  return 'error' in found ? found.error : entity(req, 'applications', toApplication(found.app), selected.select);
}

export function getApplicationByAppId(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const selected = parseSelect(req, APPLICATION_PROPERTIES, 'application');
  if ('error' in selected) return selected.error;
  const appId = req.params.appId;
  const app = ctx.state.directory.applications.find((a) => a.appId.toLowerCase() === appId.toLowerCase());
  return app ? entity(req, 'applications', toApplication(app), selected.select) : notFound(req, appId);
}

/** Entra's client secrets: three characters, a `Q~` marker and 34 more, 40 in all. */
function newSecret(): string {
  const pick = (n: number) => Array.from(randomBytes(n), (b) => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('');
  return `${pick(3)}8Q~${pick(34)}`;
}

function parseDate(value: unknown): number | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return 'invalid';
  const time = Date.parse(value);
  return Number.isNaN(time) ? 'invalid' : time;
}

export function addPassword(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const found = findApplication(ctx, req);
  if ('error' in found) return found.error;
  const body = req.body ?? {};
  if (!isRecord(body)) return badRequest(req, 'Send {"passwordCredential": {"displayName", "endDateTime"}}.', 'Request_BadRequest');
  const requested = isRecord(body['passwordCredential']) ? body['passwordCredential'] : {};
  const start = parseDate(requested['startDateTime']);
  const end = parseDate(requested['endDateTime']);
  if (start === 'invalid' || end === 'invalid') {
    return badRequest(req, "Invalid value specified for property 'startDateTime' or 'endDateTime' of resource 'PasswordCredential'.", 'Request_BadRequest');
  }
  const startTime = start ?? ctx.now();
  const endTime = end ?? startTime + DEFAULT_SECRET_LIFETIME_MS;
  if (endTime <= startTime) return badRequest(req, 'The endDateTime of a password credential must be after its startDateTime.', 'Request_BadRequest');
  const secret = newSecret();
  const displayName = typeof requested['displayName'] === 'string' ? requested['displayName'] : null;
  const credential: PasswordCredential = {
    keyId: randomUUID(),
    displayName,
    hint: secret.slice(0, 3),
    startDateTime: new Date(startTime).toISOString(),
    endDateTime: new Date(endTime).toISOString(),
    secretText: null,
    customKeyIdentifier: null,
  };
  found.app.passwordCredentials.push(credential);
  // The secret works at the token endpoint at once (Entra can lag; the emulator does not).
  ctx.state.directory.clientSecrets.push({ clientId: found.app.appId, secret });
  ctx.persist();
  return json(200, { '@odata.context': metadataUrl(req, 'microsoft.graph.passwordCredential'), ...credential, secretText: secret });
}
