// Everything the pipeline logs or puts into an error message goes through `redact` first, so that an access token, a
// refresh token or a client secret can never reach the Output channel, a log file or a bug report. The rules are
// deliberately broad (any JWT-looking string, any Bearer value): a false positive costs a little log detail, a miss
// leaks a credential.

const REDACTED = '[REDACTED]';

/** Names whose values are secrets wherever they appear: form bodies, query strings, JSON. */
const SECRET_NAMES = [
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'client_assertion',
  'assertion',
  'password',
  'secretText',
  'device_code',
];

/** Query parameters that carry secrets in URLs (SAS signatures, OAuth codes, keys). */
const SECRET_QUERY_PARAMS = new Set([...SECRET_NAMES.map((n) => n.toLowerCase()), 'code', 'sig', 'signature', 'token', 'key', 'secret', 'api-key', 'apikey']);

const NAME_ALTERNATION = SECRET_NAMES.join('|');

const RULES: readonly (readonly [RegExp, string])[] = [
  // Header lines, e.g. "Authorization: Bearer …" or "Cookie: …", whatever scheme follows.
  [/\b(authorization|proxy-authorization|x-ms-authorization-auxiliary|cookie|set-cookie)(\s*:\s*)[^\r\n]*/gi, `$1$2${REDACTED}`],
  // JSON members, e.g. "access_token":"…" or "authorization": "Bearer …".
  [new RegExp(`("(?:${NAME_ALTERNATION}|authorization|cookie)"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REDACTED}"`],
  // Form and query pairs, e.g. client_secret=…&
  [new RegExp(`\\b(${NAME_ALTERNATION})=[^&\\s"',;]*`, 'gi'), `$1=${REDACTED}`],
  // Any credential after an auth scheme, wherever it appears in free text.
  [/\b(Bearer|Basic|PoP)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  // JWTs (header.payload.signature, all base64url; the header always starts with eyJ = '{"').
  [/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?/g, REDACTED],
  // A lone base64url JSON object long enough to be half a token.
  [/eyJ[A-Za-z0-9_-]{16,}/g, REDACTED],
];

/** Removes tokens, secrets and credentials from text meant for a log line or an error message. */
export function redact(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    // Opaque (non-JWT) tokens are only caught this way; very short strings would redact ordinary words.
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A URL fit for a log line: no user info, secret-looking query values replaced. Ordinary parameters (api-version,
 * $filter, skip) stay, because they are what one needs to reproduce a request.
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return redact(String(url));
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (SECRET_QUERY_PARAMS.has(name.toLowerCase().replace(/^\$/, ''))) parsed.searchParams.set(name, REDACTED);
  }
  // URLSearchParams percent-encodes the brackets; keep the marker readable in logs.
  return redact(parsed.toString().split(encodeURIComponent(REDACTED)).join(REDACTED));
}

/** Headers fit for a log line: credentials replaced, everything else kept. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = /^(authorization|proxy-authorization|cookie|set-cookie|x-ms-authorization-auxiliary)$/i.test(name) ? REDACTED : redact(value);
  }
  return out;
}
