// Domains: list, get, add (unverified, with a fresh verification code), verify (only once the TXT record is
// "published", which the admin endpoint simulates) and the DNS records to publish.
import { randomInt } from 'node:crypto';
import { isDomainName } from '../../src/core/ids';
import type { ServiceContext } from '../context';
import { isRecord, type EmulatorResponse, type RequestContext } from '../http';
import type { DirectoryDomain } from '../state';
import { applyFilter, badRequest, collection, entity, parseSelect, type Filterable } from './odata';
import { notFound } from './servicePrincipals';
import { DOMAIN_PROPERTIES, toDomain, verificationDnsRecords, verificationToken } from './shapes';

const VERIFIED_SERVICES = ['Email', 'OfficeCommunicationsOnline'];

const FILTERABLE: Filterable<DirectoryDomain> = {
  id: (d) => d.id,
  isVerified: (d) => d.isVerified,
  isDefault: (d) => d.isDefault,
};

function findDomain(ctx: ServiceContext, req: RequestContext): { domain: DirectoryDomain } | { error: EmulatorResponse } {
  const id = req.params.domainId;
  const domain = ctx.state.directory.domains.find((d) => d.id.toLowerCase() === id.toLowerCase());
  return domain ? { domain } : { error: notFound(req, id) };
}

export function listDomains(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const selected = parseSelect(req, DOMAIN_PROPERTIES, 'domain');
  if ('error' in selected) return selected.error;
  const filtered = applyFilter(req, ctx.state.directory.domains, FILTERABLE, 'Domain');
  if ('error' in filtered) return filtered.error;
  return collection(req, 'domains', filtered.items.map(toDomain), selected.select);
}

export function getDomain(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const selected = parseSelect(req, DOMAIN_PROPERTIES, 'domain');
  if ('error' in selected) return selected.error;
  const found = findDomain(ctx, req);
  return 'error' in found ? found.error : entity(req, 'domains', toDomain(found.domain), selected.select);
}

export function createDomain(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const body = req.body;
  const id = isRecord(body) ? body['id'] : undefined;
  if (typeof id !== 'string' || !isDomainName(id)) {
    return badRequest(req, `Invalid value specified for property 'id' of resource 'Domain': send a domain name such as gw.example.com.`, 'Request_BadRequest');
  }
  if (/\.onmicrosoft\.(com|us|de)$/i.test(id)) {
    return badRequest(req, `Domain '${id}' cannot be added: onmicrosoft domains are managed by Microsoft.`, 'Request_BadRequest');
  }
  const domains = ctx.state.directory.domains;
  if (domains.some((d) => d.id.toLowerCase() === id.toLowerCase())) {
    return badRequest(req, 'Another object with the same value for property id already exists.', 'Request_BadRequest');
  }
  // A subdomain of a verified domain is not a root domain (it inherits verification in Entra's model).
  const parentVerified = domains.some((d) => d.isVerified && id.toLowerCase().endsWith(`.${d.id.toLowerCase()}`));
  const domain: DirectoryDomain = {
    id: id.toLowerCase(),
    authenticationType: 'Managed',
    isAdminManaged: true,
    isDefault: false,
    isInitial: false,
    isRoot: !parentVerified,
    isVerified: false,
    supportedServices: [],
    verificationCode: `ms${randomInt(10_000_000, 100_000_000)}`,
    txtRecordPublished: false,
  };
  domains.push(domain);
  ctx.persist();
  return entity(req, 'domains', toDomain(domain), undefined, 201);
}

export function verifyDomain(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const found = findDomain(ctx, req);
  if ('error' in found) return found.error;
  const domain = found.domain;
  if (!domain.isVerified) {
    if (!domain.txtRecordPublished) {
      return badRequest(
        req,
        `Domain verification failed with the following error: We couldn't find the DNS record for '${domain.id}'. Add the TXT record MS=${verificationToken(domain)} at the domain's registrar, wait for DNS to propagate (up to 72 hours), then try again.`,
        'Request_BadRequest',
      );
    }
    domain.isVerified = true;
    domain.supportedServices = [...VERIFIED_SERVICES];
    ctx.persist();
  }
  return entity(req, 'domains', toDomain(domain));
}

export function listVerificationDnsRecords(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const found = findDomain(ctx, req);
  if ('error' in found) return found.error;
  return collection(req, `domains('${found.domain.id}')/verificationDnsRecords`, verificationDnsRecords(found.domain));
}
