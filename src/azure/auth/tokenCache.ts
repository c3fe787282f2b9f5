// Keeps tokens until shortly before they expire. The pipeline asks for a token per request; MSAL-backed credentials
// cache on their own, but the Azure CLI credential runs `az account get-access-token` every time, which would add a
// process start (about a second) to every call of a run.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

/** Ask again this long before a token expires, so a request never leaves with a token about to lapse. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;

export function cachingCredential(inner: TokenCredential, now: () => number = Date.now): TokenCredential {
  const tokens = new Map<string, AccessToken>();
  const pending = new Map<string, Promise<AccessToken | null>>();
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const key = `${options?.tenantId ?? ''}|${(Array.isArray(scopes) ? scopes : [scopes]).join(' ')}`;
      const cached = tokens.get(key);
      if (cached && cached.expiresOnTimestamp - TOKEN_REFRESH_MARGIN_MS > now()) return cached;
      // Parallel requests (checks run in parallel) share one token request instead of starting one `az` each.
      let request = pending.get(key);
      if (!request) {
        request = inner.getToken(scopes, options).finally(() => pending.delete(key));
        pending.set(key, request);
      }
      const token = await request;
      if (token) tokens.set(key, token);
      return token;
    },
  };
}
