// Before signing in against the emulator, one TLS handshake with it: an untrusted CA would otherwise surface from
// MSAL as an opaque `endpoints_resolution_error` (API.md §6). TLS verification stays on; the CA is trusted through
// NODE_EXTRA_CA_CERTS, which Node reads once at start, so the message says to set it and run again.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import type { EnvironmentVariables } from '../azure/auth/environmentCredential';

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export interface EmulatorTrustOptions {
  readonly env: EnvironmentVariables;
  /** Where to look for the CA the emulator writes (`.emulator/ca.pem` under the folder it was started from). */
  readonly cwd: string;
  /** Extra CA certificates (PEM), as tests pass the in-process emulator's; the CLI relies on NODE_EXTRA_CA_CERTS. */
  readonly ca?: readonly string[];
  readonly timeoutMs?: number;
}

/** Undefined when the emulator answers over TLS that this process trusts; otherwise what to do about it. */
export function emulatorTrustProblem(emulatorUrl: string, options: EmulatorTrustOptions): Promise<string | undefined> {
  const url = new URL(emulatorUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  return new Promise((resolve) => {
    const socket = connect({
      host,
      port,
      ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }),
      ...(options.ca && options.ca.length > 0 ? { ca: [...options.ca] } : {}),
    });
    const done = (problem: string | undefined) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(options.timeoutMs ?? 10_000, () => done(`the emulator at ${url.origin} did not complete a TLS handshake. Is it running there?`));
    socket.once('secureConnect', () => done(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (UNTRUSTED.has(code)) done(untrustedMessage(url.origin, options));
      else if (code === 'ECONNREFUSED') done(`nothing answers at ${url.origin}. Start the emulator (npm run emulator) or correct --emulator-url.`);
      else done(`cannot reach the emulator at ${url.origin}: ${error.message}.`);
    });
  });
}

function untrustedMessage(origin: string, { env, cwd }: EmulatorTrustOptions): string {
  const local = join(cwd, '.emulator', 'ca.pem');
  const path = existsSync(local) ? local : '<the folder the emulator was started from>/.emulator/ca.pem';
  const current = env.NODE_EXTRA_CA_CERTS?.trim();
  const why = current
    ? `NODE_EXTRA_CA_CERTS is ${current}, which does not hold the CA of the emulator at ${origin}`
    : `the emulator at ${origin} presents a certificate from its own CA, which this process does not trust`;
  return `${why}. Set NODE_EXTRA_CA_CERTS to the emulator's CA certificate and run again (npm run emulator prints its path): export NODE_EXTRA_CA_CERTS=${path}`;
}
