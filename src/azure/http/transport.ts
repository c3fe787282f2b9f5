// One attempt of one request over node:https. No retries, no tokens, no policy: the pipeline decides all that.
//
// TLS: certificate checks stay on, always. Extra CAs (the emulator's) are added to Node's bundled roots rather than
// replacing them, because a `ca` option on its own would stop every real Azure host from verifying. They are built
// into ONE secure context up front: given as a `ca` option instead, Node's https.Agent would join the whole bundle
// (~140 root certificates, ~200 KB) into the connection-pool key of every request, several times per request
// (about 2 ms each time on the benchmark machine), and build a fresh context for every new connection.
// Connections: one keep-alive agent for ordinary traffic; an attempt may ask for a fresh connection instead (a
// one-off agent without keep-alive), which makes Node resolve DNS again. The Provisioning API asks for exactly that
// after a timeout or 5xx, when a region may have failed over (API.md §2).
import { Agent, request as httpsRequest, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { HttpMethod } from './types';

/** Answers larger than this are cut off with an error: nothing this extension reads comes close. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface AttemptRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body: Buffer | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  freshConnection: boolean;
}

export type AttemptResult =
  | { kind: 'response'; status: number; headers: Record<string, string>; text: string; durationMs: number }
  | {
      kind: 'failure';
      reason: 'network' | 'timeout' | 'cancelled';
      error: NodeJS.ErrnoException;
      /** Whether any byte may have reached the server (false: the connection never opened). */
      sent: boolean;
      /** The failure happened on a pooled keep-alive socket (often just a socket the server had already closed). */
      reusedSocket: boolean;
      durationMs: number;
    };

export class HttpsTransport {
  private readonly agent: Agent;
  private readonly tlsOptions: Pick<RequestOptions, 'rejectUnauthorized' | 'minVersion'> & { secureContext?: SecureContext };

  constructor(extraCa: readonly string[] | undefined) {
    this.tlsOptions = {
      ...(extraCa && extraCa.length > 0 ? { secureContext: createSecureContext({ ca: [...rootCertificates, ...extraCa], minVersion: 'TLSv1.2' }) } : {}),
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    };
    this.agent = new Agent({ keepAlive: true, maxSockets: 32, ...this.tlsOptions });
  }

  dispose(): void {
    this.agent.destroy();
  }

  send(request: AttemptRequest): Promise<AttemptResult> {
    const started = Date.now();
    const agent = request.freshConnection ? new Agent({ keepAlive: false, ...this.tlsOptions }) : this.agent;
    return new Promise<AttemptResult>((resolve) => {
      let settled = false;
      let connected = false;
      let reusedSocket = false;
      let failure: 'timeout' | 'cancelled' | undefined;

      const finish = (result: AttemptResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        if (agent !== this.agent) agent.destroy();
        resolve(result);
      };
      const fail = (error: NodeJS.ErrnoException): void =>
        finish({ kind: 'failure', reason: failure ?? 'network', error, sent: connected, reusedSocket, durationMs: Date.now() - started });

      const req = httpsRequest(request.url, { method: request.method, headers: request.headers, agent, ...this.tlsOptions }, (res) => {
        readBody(res).then(
          (text) => finish({ kind: 'response', status: res.statusCode ?? 0, headers: flatten(res), text, durationMs: Date.now() - started }),
          (error: NodeJS.ErrnoException) => fail(error),
        );
      });
      req.on('socket', (socket) => {
        reusedSocket = req.reusedSocket;
        // A pooled socket is already open, so bytes leave as soon as they are written.
        if (reusedSocket || !socket.connecting) connected = true;
        else socket.once('secureConnect', () => (connected = true));
      });
      req.on('error', fail);

      const timer = setTimeout(() => {
        failure = 'timeout';
        req.destroy(Object.assign(new Error(`No answer within ${request.timeoutMs} ms`), { code: 'ETIMEDOUT' }));
      }, request.timeoutMs);
      const onAbort = (): void => {
        failure = 'cancelled';
        req.destroy(Object.assign(new Error('The request was cancelled'), { code: 'ABORT_ERR' }));
      };
      if (request.signal?.aborted) onAbort();
      else request.signal?.addEventListener('abort', onAbort, { once: true });

      if (request.body !== undefined) req.end(request.body);
      else req.end();
    });
  }
}

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        res.destroy(Object.assign(new Error(`The answer is larger than ${MAX_RESPONSE_BYTES} bytes`), { code: 'ERR_RESPONSE_TOO_LARGE' }));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    // A connection that dies mid-body emits 'aborted'/'close' without 'end' on some Node versions.
    res.on('close', () => {
      if (!res.complete) reject(Object.assign(new Error('The connection closed before the answer was complete'), { code: 'ECONNRESET' }));
    });
  });
}

/** Lower-case names; repeated headers joined with ", " (set-cookie is never needed here). */
function flatten(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
