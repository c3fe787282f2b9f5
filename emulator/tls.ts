// A local certificate authority and a loopback server certificate, made on first start and kept on disk, so that
// clients trust the emulator through NODE_EXTRA_CA_CERTS and never need TLS checks turned off.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface TlsMaterial {
  caCertPem: string;
  caPath: string;
  certPem: string;
  keyPem: string;
}

const CA_CERT = 'ca.pem';
const CA_KEY = 'ca-key.pem';
const SERVER_CERT = 'server.pem';
const SERVER_KEY = 'server-key.pem';
const LOOPBACK_NAMES = ['localhost'];
const LOOPBACK_IPS = ['127.0.0.1', '::1'];

/** Random bytes for serial numbers (tests pass fixed ones). */
export type RandomBytes = (size: number) => Buffer;

/** Loads the CA and server certificate from `dir`, creating them when missing or expired. */
export function ensureTlsMaterial(dir: string, random: RandomBytes = randomBytes): TlsMaterial {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caPath = join(dir, CA_CERT);
  let ca = readPair(join(dir, CA_CERT), join(dir, CA_KEY));
  if (!ca || isExpiring(ca.cert)) {
    ca = createCa(random);
    writePair(ca, join(dir, CA_CERT), join(dir, CA_KEY));
  }
  let server = readPair(join(dir, SERVER_CERT), join(dir, SERVER_KEY));
  if (!server || isExpiring(server.cert) || server.cert.issuer.hash !== ca.cert.subject.hash || !verifies(ca.cert, server.cert)) {
    server = createServerCert(ca, random);
    writePair(server, join(dir, SERVER_CERT), join(dir, SERVER_KEY));
  }
  return {
    caCertPem: forge.pki.certificateToPem(ca.cert),
    caPath,
    certPem: forge.pki.certificateToPem(server.cert),
    keyPem: forge.pki.privateKeyToPem(server.key),
  };
}

interface CertPair {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

function readPair(certPath: string, keyPath: string): CertPair | undefined {
  if (!existsSync(certPath) || !existsSync(keyPath)) return undefined;
  try {
    return {
      cert: forge.pki.certificateFromPem(readFileSync(certPath, 'utf8')),
      key: forge.pki.privateKeyFromPem(readFileSync(keyPath, 'utf8')),
    };
  } catch {
    return undefined;
  }
}

function writePair(pair: CertPair, certPath: string, keyPath: string): void {
  writeFileSync(certPath, forge.pki.certificateToPem(pair.cert));
  writeFileSync(keyPath, forge.pki.privateKeyToPem(pair.key), { mode: 0o600 });
}

function isExpiring(cert: forge.pki.Certificate): boolean {
  return cert.validity.notAfter.getTime() - Date.now() < 7 * 24 * 3600 * 1000;
}

function verifies(ca: forge.pki.Certificate, cert: forge.pki.Certificate): boolean {
  try {
    return ca.verify(cert);
  } catch {
    return false;
  }
}

/** RSA keys come from Node's native generator: forge's pure-JS one takes seconds. */
function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/**
 * A 16-byte serial as forge takes it (hex). DER wants an INTEGER in its shortest form, and OpenSSL refuses anything else
 * ("illegal padding"): so the first byte is 0x01–0x7f, which is positive (no leading zero needed) and not itself a
 * redundant zero.
 */
export function serialNumberHex(bytes: Buffer): string {
  const serial = Buffer.from(bytes.subarray(0, 16));
  serial[0] = serial[0] & 0x7f || 0x01;
  return serial.toString('hex');
}

function baseCert(publicKey: forge.pki.rsa.PublicKey, years: number, random: RandomBytes): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumberHex(random(16));
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + years * 365 * 24 * 3600 * 1000);
  return cert;
}

function createCa(random: RandomBytes): CertPair {
  const keys = newKeyPair();
  const cert = baseCert(keys.publicKey, 10, random);
  const subject = [
    { name: 'commonName', value: 'ACG Tools Emulator Local CA' },
    { name: 'organizationName', value: 'Azure Communications Gateway Tools (sandbox)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

function createServerCert(ca: CertPair, random: RandomBytes): CertPair {
  const keys = newKeyPair();
  const cert = baseCert(keys.publicKey, 1, random);
  cert.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [...LOOPBACK_NAMES.map((value) => ({ type: 2, value })), ...LOOPBACK_IPS.map((ip) => ({ type: 7, ip }))],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}
