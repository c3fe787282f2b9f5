// Run-time control for tests, benchmarks and the sandbox: faults, timings, the rate limit, and simulated DNS.
// The server listens on loopback only, so this needs no token.
import type { ServiceContext } from './context';
import { Router, isRecord, json, type EmulatorResponse } from './http';
import { FAULT_PRESETS, isFaultPresetName } from './faults';
import { numberWriteCounts } from './provisioning/writeCounter';
import { demoGatewayDomain, DEMO_GATEWAYS, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, READER_CLIENT_ID, READER_CLIENT_SECRET, DEMO_USER_UPN } from './seed/ids';

export function registerAdmin(ctx: ServiceContext): Router {
  const router = new Router();

  router.add('GET', '/info', 'admin.info', (req) =>
    json(200, {
      url: req.origin,
      tenantId: ctx.state.tenant.id,
      authorityHost: req.origin,
      graph: `${req.origin}/graph`,
      servicePrincipals: [
        { clientId: OPERATOR_CLIENT_ID, clientSecret: OPERATOR_CLIENT_SECRET, access: 'Owner on both subscriptions, ProvisioningAPI.Admin, Graph directory permissions' },
        { clientId: READER_CLIENT_ID, clientSecret: READER_CLIENT_SECRET, access: 'Reader, ProvisioningAPI.Read, no Graph permissions' },
      ],
      deviceCodeUser: DEMO_USER_UPN,
      gateways: DEMO_GATEWAYS.map((g) => ({ name: g.name, subscriptionId: g.subscriptionId, resourceGroup: g.resourceGroup, domain: demoGatewayDomain(g) })),
    }),
  );

  router.add('GET', '/faults', 'admin.getFaults', () => json(200, ctx.faults.get()));
  // How many faults were injected since the start, by service and kind (reset, error, throttle, lostAnswer).
  router.add('PATCH', '/faults', 'admin.updateFaults', (req) => {
    if (!isRecord(req.body)) return badRequest('Send a JSON object such as {"provisioning": {"errorRate": 0.2}, "seed": 7}.');
    const { seed, ...patch } = req.body;
    if (seed !== undefined && typeof seed !== 'number') return badRequest('seed must be a number.');
    try {
      ctx.faults.update(patch as Record<string, Record<string, number>>, seed);
    } catch (error) {
      return badRequest(error instanceof Error ? error.message : String(error));
    }
    return json(200, ctx.faults.get());
  });

  // A named mix on every service (FAULT_PRESETS: soak, none), with a seed; zeroes the counters below.
  router.add('POST', '/faults/preset', 'admin.applyFaultPreset', (req) => {
    const body = isRecord(req.body) ? req.body : {};
    const names = Object.keys(FAULT_PRESETS).join(', ');
    if (!isFaultPresetName(body.name)) return badRequest(`Send {"name": "<preset>", "seed": <number>}; the presets are ${names}.`);
    const seed = body.seed ?? 1;
    if (typeof seed !== 'number' || !Number.isInteger(seed)) return badRequest('seed must be a whole number.');
    ctx.faults.applyPreset(body.name, seed);
    return json(200, { preset: body.name, seed, settings: ctx.faults.get() });
  });
  // Faults injected per service and kind (error = 503, throttle = 429, reset, lostAnswer, delayed = latency added).
  router.add('GET', '/faults/counts', 'admin.faultCounts', () => json(200, { preset: ctx.faults.presetName() ?? null, counts: ctx.faults.injected() }));
  router.add('POST', '/faults/counts/reset', 'admin.resetFaultCounts', () => {
    ctx.faults.resetCounts();
    return { status: 204 };
  });

  // The access and id tokens the token endpoint issued, so that a soak can search everything it printed, logged or
  // posted for them. Loopback only like the rest of /_admin (which already hands out the sandbox secrets), and each
  // token is valid only against this emulator process's signing key.
  router.add('GET', '/tokens/issued', 'admin.issuedTokens', () => {
    const tokens = ctx.tokens.issued();
    return json(200, { count: tokens.length, tokens });
  });

  router.add('GET', '/config', 'admin.getConfig', () => json(200, { ...ctx.config, rateLimit: ctx.limiter.settings }));
  router.add('PATCH', '/config', 'admin.updateConfig', (req) => {
    if (!isRecord(req.body)) return badRequest('Send a JSON object.');
    const { rateLimit, ...timings } = req.body;
    for (const [key, value] of Object.entries(timings)) {
      if (!(key in ctx.config)) return badRequest(`Unknown setting '${key}'.`);
      if (value !== null && (typeof value !== 'number' || value < 0)) return badRequest(`${key} must be a non-negative number (or null).`);
    }
    if (rateLimit !== undefined) {
      if (!isRecord(rateLimit)) return badRequest('rateLimit must be an object {requestsPerWindow, windowMs}.');
      const next = { ...ctx.limiter.settings };
      for (const key of ['requestsPerWindow', 'windowMs'] as const) {
        const value = rateLimit[key];
        if (value === undefined) continue;
        if (typeof value !== 'number' || value < 0) return badRequest(`rateLimit.${key} must be a non-negative number.`);
        next[key] = value;
      }
      ctx.limiter.settings = next;
      ctx.limiter.reset();
    }
    Object.assign(ctx.config, Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, v ?? undefined])));
    return json(200, { ...ctx.config, rateLimit: ctx.limiter.settings });
  });

  router.add('POST', '/rate-limit/reset', 'admin.resetRateLimit', () => {
    ctx.limiter.reset();
    return { status: 204 };
  });

  // Writes per number since the start (saves and deletes that took effect; a replayed request adds none), for runs
  // that prove nothing was written twice. ?prefix= narrows it to numbers starting so (a number may change account).
  router.add('GET', '/provisioning/{domain}/number-writes', 'admin.numberWrites', (req) => {
    const domain = req.params.domain.toLowerCase();
    const data = Object.hasOwn(ctx.state.provisioning, domain) ? ctx.state.provisioning[domain] : undefined;
    if (!data) return json(404, { error: { code: 'NotFound', message: `No Provisioning API for gateway '${req.params.domain}'.` } });
    const prefix = req.query.get('prefix') ?? '';
    const writes = Object.fromEntries([...numberWriteCounts(data)].filter(([telephoneNumber]) => telephoneNumber.startsWith(prefix)));
    return json(200, { writes });
  });

  // Stands in for the operator publishing the TXT record in their DNS zone, so that Graph's verify can succeed.
  router.add('POST', '/domains/{domainId}/publish-txt', 'admin.publishTxt', (req) => {
    const domain = ctx.state.directory.domains.find((d) => d.id.toLowerCase() === req.params.domainId.toLowerCase());
    if (!domain) return json(404, { error: { code: 'NotFound', message: `No domain '${req.params.domainId}' in the directory.` } });
    domain.txtRecordPublished = true;
    ctx.persist();
    return json(200, { id: domain.id, txtRecordPublished: true });
  });

  return router;
}

function badRequest(message: string): EmulatorResponse {
  return json(400, { error: { code: 'BadRequest', message } });
}
