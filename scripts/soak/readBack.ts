// After the soak, with the faults off: the state re-read through a clean pipeline and the emulator's count of writes
// per number, against what the clients reported. Lost: a write the client reported done whose effect is not in the
// state (a number missing, a deleted number back, a test line or relationship status not as written), or a change the
// CLI's final `acg plan` still finds. Duplicated: a number written more often than the soak sent logical writes for
// it (a resend the service should have replayed, not applied). A write that ended in an error the person saw is
// "unconfirmed": either outcome is right, since the person was told it may not have happened.
import { createCredential } from '../../src/azure/auth/credentialFactory';
import { audienceScopes, ScopedCredential } from '../../src/azure/auth/scopedCredential';
import { createAzureClients } from '../../src/azure/azureClients';
import { collectPages } from '../../src/azure/clients';
import type { CloudEndpoints } from '../../src/core/clouds';
import type { CliSoakResult } from './cliRuns';
import type { SoakTarget, Writes } from './operations';

export interface ReadBackInput {
  readonly emulatorUrl: string;
  readonly admin: (method: string, path: string) => Promise<unknown>;
  readonly cloud: CloudEndpoints;
  readonly target: SoakTarget;
  readonly writes: Writes;
  readonly cli: CliSoakResult;
  /** The CLI's `acg plan` again: the creates and updates it still finds. */
  readonly leftOver: () => Promise<number>;
}

export interface ReadBackFigures {
  /** Logical writes checked against the state (numbers, test lines, the relationship, the CLI's numbers). */
  readonly writesChecked: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Writes that ended in an error shown to the person: the state may or may not hold them. */
  readonly unconfirmed: number;
  readonly lostDetails: readonly string[];
}

export async function readBack(input: ReadBackInput): Promise<ReadBackFigures> {
  const { target, writes } = input;
  const credential = await createCredential({ kind: 'servicePrincipalSecret', tenantId: target.tenantId, clientId: target.clientId, clientSecret: target.clientSecret }, input.cloud, { ca: [target.caPem] });
  const clients = createAzureClients({ cloud: input.cloud, scoped: new ScopedCredential(credential, audienceScopes(input.cloud)), pipelineOptions: { ca: [target.caPem], provisioningRequestsPerMinute: 100_000 } });
  const details: string[] = [];
  let checked = 0;
  let unconfirmed = 0;
  let lost = 0;
  const lose = (what: string, count = 1): void => {
    lost += count;
    details.push(what);
  };
  try {
    const provisioning = clients.provisioning(target.domain);
    const writeCounts = new Map<string, number>();
    for (const [account, numbers] of writes.accounts) {
      let present = new Set<string>();
      try {
        present = new Set((await collectPages(provisioning.listNumbers(account))).map((n) => n.telephoneNumber));
      } catch {
        // No account (its create failed and the person was told): no number can be there either.
      }
      const prefix = numbers[0].slice(0, -4);
      const { writes: counts } = (await input.admin('GET', `/provisioning/${target.domain}/number-writes?prefix=${encodeURIComponent(prefix)}`)) as { writes: Record<string, number> };
      for (const [n, c] of Object.entries(counts)) writeCounts.set(n, c);
      for (const n of numbers) {
        if (!writes.expectedPerNumber.has(n)) continue;
        const expected = writes.expectedPerNumber.get(n);
        checked += writes.sentPerNumber.get(n) ?? 0;
        if (expected === undefined) unconfirmed += 1;
        else if (expected !== present.has(n)) lose(`${n} (${account}): expected ${expected ? 'present' : 'deleted'}, found ${present.has(n) ? 'present' : 'absent'}`);
      }
    }
    let duplicated = 0;
    for (const [n, sent] of writes.sentPerNumber) {
      const count = writeCounts.get(n) ?? 0;
      if (count > sent) {
        duplicated += 1;
        details.push(`${n}: written ${count} times for ${sent} logical writes`);
      }
    }

    const lines = new Set((await clients.arm.listTestLines(target.ref)).map((l) => l.name));
    for (const [name, expected] of writes.testLines) {
      checked += expected === false ? 2 : 1;
      if (expected === undefined) unconfirmed += 1;
      else if (expected !== lines.has(name)) lose(`test line ${name}: expected ${expected ? 'present' : 'deleted'}`);
    }
    if (writes.relationship) {
      checked += 1;
      const { tenantId, status } = writes.relationship;
      const now = (await provisioning.getRequestForInformation(tenantId)).resource.customerRelationship?.status;
      if (status === undefined) unconfirmed += 1;
      else if (now !== status) lose(`relationship of ${tenantId}: expected ${status}, found ${now ?? 'none'}`);
    }

    // The CLI: each planned number written exactly once, and nothing left for `acg plan` to do.
    const { writes: cliCounts } = (await input.admin('GET', `/provisioning/${target.domain}/number-writes?prefix=${encodeURIComponent(input.cli.prefix)}`)) as { writes: Record<string, number> };
    const cliDuplicated = Object.entries(cliCounts).filter(([, c]) => c > 1);
    duplicated += cliDuplicated.length;
    for (const [n, c] of cliDuplicated) details.push(`${n} (acg apply): written ${c} times`);
    checked += input.cli.numbers + 1;
    if (input.cli.applied) {
      const left = await input.leftOver();
      if (left > 0) lose(`acg plan after acg apply still finds ${left} change(s)`, left);
    } else {
      unconfirmed += input.cli.numbers;
    }
    return { writesChecked: checked, lost, duplicated, unconfirmed, lostDetails: details };
  } finally {
    clients.pipeline.dispose();
  }
}
