// The production Provisioning API budget: 100 requests a minute per gateway (API.md §2; a batch is one request). Every
// other limiter test injects its own limit, so here the pipeline is built with NO limit option, as the host and the
// CLI build it, and a fake clock proves the 101st request waits for the window. A second test keeps every production
// construction site on that default.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allowedHostsForCloud, createPipeline, DEFAULT_PROVISIONING_REQUESTS_PER_MINUTE, DEFAULT_PROVISIONING_WINDOW_MS, type PipelineRequest } from '../../../src/azure/http';
import { createAzureClients } from '../../../src/azure/azureClients';
import { audienceScopes, ScopedCredential } from '../../../src/azure/auth/scopedCredential';
import { FakeClock } from '../../support/fakeClock';
import { PROVISIONING_SCOPE, startHarness, type Harness } from './pipelineHarness';

const root = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

describe('pipeline: the production Provisioning API rate limit', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.stop());

  it('is 100 requests per 60 s window', () => {
    assert.equal(DEFAULT_PROVISIONING_REQUESTS_PER_MINUTE, 100);
    assert.equal(DEFAULT_PROVISIONING_WINDOW_MS, 60_000);
  });

  it('a pipeline built without a limit sends 100 requests, then holds the 101st until a minute after the answers', async () => {
    const clock = new FakeClock();
    // No provisioningRequestsPerMinute, no provisioningWindowMs: the defaults, as the host and the CLI build it.
    const pipeline = createPipeline({ credential: h.credential, isAllowedHost: allowedHostsForCloud(h.cloud), ca: [h.emulator.caCertPem], logger: h.logger, clock });
    try {
      assert.deepEqual(pipeline.provisioningRateLimit, { requestsPerWindow: 100, windowMs: 60_000 });
      const list: PipelineRequest = { method: 'GET', url: h.provUrl('/accounts'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE], retry: { maxRetries: 0 } };
      let answered = 0;
      const off = h.emulator.onExchange((e) => {
        if (e.service === 'provisioning') answered++;
      });
      try {
        // One at a time, so a held request shows at once: the limiter sets a timer for the window the moment it
        // queues one whose predecessors have all been answered.
        for (let i = 1; i <= 100; i++) {
          const sent = pipeline.send(list);
          assert.deepEqual(clock.pending(), [], `request ${i} of 100 was held`);
          assert.equal((await sent).status, 200);
        }
        assert.equal(answered, 100);
        const hundredAndFirst = pipeline.send(list);
        assert.deepEqual(clock.pending(), [60_000], 'the 101st waits one window from the answers');
        clock.advance(59_999);
        assert.deepEqual(clock.pending(), [1], 'still held a millisecond before the window ends');
        assert.equal(answered, 100);
        clock.advance(1);
        assert.deepEqual(clock.pending(), []);
        assert.equal((await hundredAndFirst).status, 200);
        assert.equal(answered, 101);
        assert.ok(h.logger.lines.some((l) => /held GET .*list accounts.* for 60000 ms to stay within the gateway's Provisioning API rate limit/.test(l)), h.logger.lines.filter((l) => l.includes('held')).join('\n'));
      } finally {
        off();
      }
    } finally {
      pipeline.dispose();
    }
  });

  it('the host and the CLI build their pipelines with the default limit (no option overrides it)', () => {
    // Behaviour: the one builder both faces use, called as src/host/buildServices.ts calls it.
    const clients = createAzureClients({ cloud: h.cloud, scoped: new ScopedCredential(h.credential, audienceScopes(h.cloud)) });
    try {
      assert.deepEqual(clients.pipeline.provisioningRateLimit, { requestsPerWindow: DEFAULT_PROVISIONING_REQUESTS_PER_MINUTE, windowMs: DEFAULT_PROVISIONING_WINDOW_MS });
    } finally {
      clients.pipeline.dispose();
    }
    // Source: nothing in production code builds a pipeline elsewhere or sets the limiter's options. A documented
    // option that changes the limit would be listed here, with the file that reads it.
    const documentedOverrides: readonly string[] = [];
    const problems: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const path = relative(root, file).replace(/\\/g, '/');
      if (path.startsWith('src/azure/http/')) continue;
      const text = readFileSync(file, 'utf8');
      if (/\bcreatePipeline\(/.test(text) && path !== 'src/azure/azureClients.ts') problems.push(`${path} builds its own pipeline`);
      if (/\b(provisioningRequestsPerMinute|provisioningWindowMs|clock)\s*:/.test(text) && /createAzureClients|createPipeline|pipelineOptions/.test(text) && !documentedOverrides.includes(path)) {
        problems.push(`${path} sets a limiter option`);
      }
      // The CLI's session takes pipeline options from its dependencies (tests); runCli never passes any.
      if (/\bpipelineOptions\s*:/.test(text) && path !== 'src/cli/cliSession.ts' && !documentedOverrides.includes(path)) problems.push(`${path} passes pipeline options`);
    }
    assert.deepEqual(problems, []);
    assert.doesNotMatch(readFileSync(join(root, 'src/cli/main.ts'), 'utf8'), /pipelineOptions/, 'runCli passes no pipeline options');
    assert.doesNotMatch(readFileSync(join(root, 'src/host/buildServices.ts'), 'utf8'), /pipelineOptions/, 'the host passes no pipeline options');
  });
});
