// The fault soak (issue 13 §2): every client operation (ARM, Provisioning API, Graph, sign-in) and the plan/apply
// engine through the CLI, under the emulator's `soak` mix on every service (20% 503, 10% 429 with Retry-After, 2%
// connection resets, 500 ms of latency; seeded). Reports operations run, faults injected (the emulator's counters),
// retries (the pipeline's log, and the CLI's audit records), user-visible errors (each must be one AcgError with a
// message and an action; anything else is a crash), lost and duplicated writes (the emulator's per-number write count
// and the state re-read with the faults off), and a search of every output for tokens and secrets.
//   npm run soak                                  prints the figures
//   npm run soak -- --write                       also writes the "## Fault soak" section of docs/RELIABILITY.md
//   npm run soak -- --seed 13 --rounds 3 --batch-numbers 250 --cli-numbers 300
// Not part of npm test: it runs for a few minutes. The Provisioning API's documented failover pause (60 s after a 5xx
// or a timeout, provisioningFailoverDelayMs) stays the product's default; the soak's pipelines are built with
// SOAK_FAILOVER_DELAY_MS instead, through that same option, or 20% 5xx would make each round take an hour.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultCountsByService } from '../emulator/faults';
import { startEmulator } from '../emulator/server';
import { DEMO_TENANT_ID, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, READER_CLIENT_SECRET, demoGatewayDomain } from '../emulator/seed/ids';
import { createCredential } from '../src/azure/auth/credentialFactory';
import { audienceScopes, ScopedCredential } from '../src/azure/auth/scopedCredential';
import { createAzureClients } from '../src/azure/azureClients';
import type { WriteAuditRecord } from '../src/azure/http';
import { emulatorCloud } from '../src/core/clouds';
import { AuditLogFile } from '../src/host/auditLogFile';
import { request } from '../test/support/https';
import { SecretScanner } from '../test/support/secretScan';
import { planLeftOver, runCliSoak, type CliOutput } from './soak/cliRuns';
import { runRound, Writes, type SoakTarget } from './soak/operations';
import { readBack } from './soak/readBack';
import { writeSoakSection, type SoakFigures } from './soak/report';
import { Tally } from './soak/tally';

/** The soak's Provisioning API failover pause (the product's is 60 s; see the header). */
export const SOAK_FAILOVER_DELAY_MS = 1_000;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive whole number.`);
  return value;
}

async function main(): Promise<void> {
  const seed = option('--seed', 13);
  const rounds = option('--rounds', 3);
  const batchNumbers = option('--batch-numbers', 250);
  const cliNumbers = option('--cli-numbers', 300);
  const dir = mkdtempSync(join(tmpdir(), 'acg-soak-'));
  const started = performance.now();
  const emulator = await startEmulator({ port: 0, dataDir: join(dir, 'emulator'), config: { syncDelayMs: 200, armOperationDelayMs: 500, deviceCodeAutoApproveMs: 0 }, rateLimit: { requestsPerWindow: 0 } });
  try {
    const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
      const res = await request(`${emulator.url}/_admin${path}`, { method, ca: emulator.caCertPem, ...(body === undefined ? {} : { body }) });
      if (res.status >= 300) throw new Error(`admin ${method} ${path}: ${res.status} ${res.text}`);
      return res.body;
    };
    const cloud = emulatorCloud(emulator.url);
    const target: SoakTarget = {
      ref: { subscriptionId: GATEWAY_PRODUCTION.subscriptionId, resourceGroupName: GATEWAY_PRODUCTION.resourceGroup, name: GATEWAY_PRODUCTION.name },
      domain: demoGatewayDomain(GATEWAY_PRODUCTION),
      tenantId: DEMO_TENANT_ID,
      clientId: OPERATOR_CLIENT_ID,
      clientSecret: OPERATOR_CLIENT_SECRET,
      caPem: emulator.caCertPem,
    };
    const log: string[] = [];
    const logger = { debug: (m: string) => log.push(`debug ${m}`), info: (m: string) => log.push(`info ${m}`), warn: (m: string) => log.push(`warn ${m}`), error: (m: string) => log.push(`error ${m}`) };
    const audit = new AuditLogFile(join(dir, 'audit.jsonl'));
    const cliAudit = new AuditLogFile(join(dir, 'cli-audit.jsonl'));

    // Attempts the service answered, per x-ms-client-request-id (the pipeline keeps it across retries): a second one
    // is a retry, whoever sent it (the clients, or the CLI, whose pipeline has no log).
    const attemptsPerRequest = new Map<string, number>();
    const stopCounting = emulator.onExchange((e) => {
      const id = e.requestHeaders['x-ms-client-request-id'];
      if (id && e.service !== 'entra' && e.service !== 'admin') attemptsPerRequest.set(id, (attemptsPerRequest.get(id) ?? 0) + 1);
    });
    await admin('POST', '/faults/preset', { name: 'soak', seed });
    const tally = new Tally();
    const credential = await createCredential({ kind: 'servicePrincipalSecret', tenantId: target.tenantId, clientId: target.clientId, clientSecret: target.clientSecret }, cloud, { ca: [target.caPem], onRetry: (m) => log.push(`warn ${m}`) });
    const clients = createAzureClients({ cloud, scoped: new ScopedCredential(credential, audienceScopes(cloud)), logger, audit, pipelineOptions: { ca: [target.caPem], provisioningFailoverDelayMs: SOAK_FAILOVER_DELAY_MS } });
    const writes = new Writes();
    for (let round = 1; round <= rounds; round++) {
      const before = tally.total();
      await runRound({ clients, cloud, target, tally, writes, round, seed, batchNumbers });
      console.log(`round ${round}: ${tally.total() - before} operations, ${tally.shown.length} errors shown so far, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const cliOutputs: CliOutput[] = [];
    const cli = await runCliSoak({ dir, emulatorUrl: emulator.url, target, gatewayName: GATEWAY_PRODUCTION.name, tally, seed, numbers: cliNumbers, failoverDelayMs: SOAK_FAILOVER_DELAY_MS, audit: cliAudit, outputs: cliOutputs });
    console.log(`cli: ${cli.resumes} resume(s), applied: ${cli.applied}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const wallMs = performance.now() - started;

    // The counters first: a preset zeroes them.
    const { counts } = (await admin('GET', '/faults/counts')) as { counts: FaultCountsByService };
    stopCounting();
    await admin('POST', '/faults/preset', { name: 'none', seed });
    await Promise.all([audit.flush(), cliAudit.flush()]);
    clients.pipeline.dispose();

    const checked = await readBack({ emulatorUrl: emulator.url, admin, cloud, target, writes, cli, leftOver: () => planLeftOver({ dir, emulatorUrl: emulator.url, target, gatewayName: GATEWAY_PRODUCTION.name }) });

    // Every output of the soak, searched for every token the emulator issued and the secrets.
    const { tokens } = (await admin('GET', '/tokens/issued')) as { tokens: string[] };
    const scanner = new SecretScanner({ tokens, secrets: [OPERATOR_CLIENT_SECRET, READER_CLIENT_SECRET] });
    scanner.scan('the client pipelines\' log', log.join('\n'));
    scanner.scan('the audit log (clients)', readFileSync(audit.path, 'utf8'));
    scanner.scan('the audit log (CLI)', readFileSync(cliAudit.path, 'utf8'));
    for (const shown of tally.shown) scanner.scan(`error shown: ${shown.operation}`, shown.text);
    for (const output of cliOutputs) scanner.scan(output.name, output.text);
    const search = scanner.result();

    const cliAuditRecords = readFileSync(cliAudit.path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as WriteAuditRecord);
    const figures: SoakFigures = {
      seed,
      rounds,
      batchNumbers,
      cliNumbers,
      failoverDelayMs: SOAK_FAILOVER_DELAY_MS,
      wallMs,
      operations: tally.operations,
      faults: counts,
      retries: {
        pipeline: log.filter((l) => l.startsWith('warn retrying ')).length,
        cliWrites: cliAuditRecords.reduce((n, r) => n + Math.max(0, r.attempts - 1), 0),
        answeredResends: [...attemptsPerRequest.values()].reduce((n, attempts) => n + attempts - 1, 0),
      },
      shown: tally.shown,
      unclear: tally.unclear,
      crashes: tally.crashes,
      cliResumes: cli.resumes,
      ...checked,
      search: { outputs: search.outputs, tokens: tokens.length, hits: search.hits },
    };
    const text = writeSoakSection(figures, process.argv.includes('--write'));
    console.log(text);
    const failed = figures.crashes.length + figures.unclear.length + figures.lost + figures.duplicated + figures.search.hits.length;
    if (failed > 0) {
      console.error(`soak: FAILED (${figures.crashes.length} crashes, ${figures.unclear.length} unclear errors, ${figures.lost} lost, ${figures.duplicated} duplicated, ${figures.search.hits.length} secret hits)`);
      for (const c of figures.crashes) console.error(`  crash: ${c.surface} ${c.operation}: ${c.why}`);
      for (const u of figures.unclear) console.error(`  unclear: ${u.operation}: ${u.text}`);
      for (const h of figures.search.hits) console.error(`  secret: ${h.what} in ${h.output}`);
      for (const l of figures.lostDetails) console.error(`  lost/duplicated: ${l}`);
      process.exitCode = 1;
    }
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
