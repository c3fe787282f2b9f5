// The audit log file: one JSON line per record, in order; at the size cap the file becomes audit.1.jsonl (replacing
// the older one) and a new file starts, so the log never takes more than two caps of disk; a failure to write is
// reported, never thrown into the write it describes; and a secret that slipped into a record is redacted.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WriteAuditRecord } from '../../../src/azure/http';
import { AuditLogFile } from '../../../src/host/auditLogFile';

function record(i: number, extra: Partial<WriteAuditRecord> = {}): WriteAuditRecord {
  return {
    time: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
    durationMs: 5,
    service: 'provisioning',
    operation: `save number ${i}`,
    method: 'PUT',
    path: `/accounts/A/numbers/+1555000${i}`,
    clientRequestId: `id-${i}`,
    attempts: 1,
    result: 'succeeded',
    status: 200,
    ...extra,
  };
}

const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as WriteAuditRecord);

describe('host: the audit log file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'acg-audit-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one JSON line per record, in order, creating the folder', async () => {
    const file = new AuditLogFile(join(dir, 'nested', 'audit.jsonl'));
    for (let i = 0; i < 20; i++) file.record(record(i));
    await file.flush();
    assert.deepEqual(lines(file.path).map((r) => r.clientRequestId), Array.from({ length: 20 }, (_, i) => `id-${i}`));
  });

  it('rotates at the cap into one old file, replacing the older one', async () => {
    const lineBytes = Buffer.byteLength(`${JSON.stringify(record(0))}\n`);
    const file = new AuditLogFile(join(dir, 'audit.jsonl'), { maxBytes: lineBytes * 3 });
    assert.equal(file.previousPath, join(dir, 'audit.1.jsonl'));
    for (let i = 0; i < 8; i++) file.record(record(i));
    await file.flush();
    assert.deepEqual(lines(file.path).map((r) => r.clientRequestId), ['id-6', 'id-7']);
    assert.deepEqual(lines(file.previousPath).map((r) => r.clientRequestId), ['id-3', 'id-4', 'id-5'], 'the older lines (id-0…2) are gone');
    assert.ok(statSync(file.path).size <= lineBytes * 3);
  });

  it('reports a failure to write instead of throwing, and keeps going', async () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const errors: string[] = [];
    const file = new AuditLogFile(join(blocker, 'audit.jsonl'), { onError: (m) => errors.push(m) });
    assert.doesNotThrow(() => file.record(record(1)));
    file.record(record(2));
    await file.flush();
    assert.equal(errors.length, 2);
    assert.match(errors[0], /Could not write the audit log/);
    assert.ok(!existsSync(file.path));
  });

  it('redacts a token or secret that slipped into a record', async () => {
    const file = new AuditLogFile(join(dir, 'audit.jsonl'));
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2lnbmF0dXJl`;
    file.record(record(1, { operation: `save with Bearer ${jwt}`, target: { note: `client_secret=sandbox-operator-secret` } }));
    await file.flush();
    const text = readFileSync(file.path, 'utf8');
    assert.ok(!text.includes(jwt.split('.')[1]));
    assert.ok(!text.includes('sandbox-operator-secret'));
  });
});
