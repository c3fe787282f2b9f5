// A small HTTPS client for tests that trusts the emulator's CA explicitly (TLS checks stay on).
import { request as httpsRequest } from 'node:https';

export interface TestResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the answer is JSON, otherwise the text (empty string for no body). */
  body: unknown;
  text: string;
}

export interface TestRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Objects are sent as JSON (content-type set unless given); strings as they are. */
  body?: unknown;
  ca: string;
}

export function request(url: string, options: TestRequestOptions): Promise<TestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let payload: string | undefined;
  if (typeof options.body === 'string') {
    payload = options.body;
  } else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: options.method ?? 'GET', headers, ca: options.ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
        let body: unknown = text;
        if ((flat['content-type'] ?? '').includes('json') && text) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        resolve({ status: res.statusCode ?? 0, headers: flat, body, text });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
