// The emulator's certificates must load in Node's TLS every time. A fresh CA and server certificate are made for every
// data folder (each test suite has its own), so a rare bad encoding failed whole suites now and then: a serial number
// whose DER integer starts with a redundant zero byte is "illegal padding" to OpenSSL.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { ensureTlsMaterial, serialNumberHex } from '../../../emulator/tls';

describe('emulator: TLS material', () => {
  it('makes minimal, positive DER serial numbers from any random bytes (the first byte 0x01–0x7f)', () => {
    const worst = [Buffer.from([0x00, 0x7f, ...Array<number>(14).fill(0x7f)]), Buffer.alloc(16, 0x00), Buffer.alloc(16, 0xff), Buffer.from([0x80, ...Array<number>(15).fill(0)])];
    for (const bytes of worst) {
      const hex = serialNumberHex(bytes);
      assert.equal(hex.length, 32, hex);
      const first = parseInt(hex.slice(0, 2), 16);
      assert.ok(first >= 0x01 && first <= 0x7f, `${hex} starts with a byte DER keeps as it is`);
    }
  });

  it('loads in Node TLS even when the random serial starts with 0x00 0x7f', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acg-tls-'));
    try {
      const material = ensureTlsMaterial(dir, () => Buffer.from([0x00, 0x7f, ...Array<number>(14).fill(0x11)]));
      assert.doesNotThrow(() => createSecureContext({ cert: material.certPem, key: material.keyPem, ca: material.caCertPem }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
