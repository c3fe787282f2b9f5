// Signed JWT access tokens. The emulator's APIs verify them exactly as Azure would verify its own: signature, expiry,
// audience, then roles or scopes.
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, exportJWK, jwtVerify, errors as joseErrors, type JWK } from 'jose';

export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  sub: string;
  /** Client (application) id that asked for the token. */
  appid: string;
  azp?: string;
  /** App roles (application permissions, or a user's app-role assignments). */
  roles?: string[];
  /** Delegated scopes, space-separated (only in tokens issued to a user). */
  scp?: string;
  name?: string;
  preferred_username?: string;
  idtyp: 'app' | 'user';
  exp: number;
  iat: number;
  nbf: number;
  ver: '2.0';
}

export type NewTokenClaims = Omit<TokenClaims, 'exp' | 'iat' | 'nbf' | 'ver' | 'sub' | 'iss'> & { sub?: string };

export type VerifyResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'signature' | 'audience'; message: string };

const MAX_REMEMBERED_TOKENS = 10_000;

export class TokenService {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly keyId = randomUUID();
  /** Every access and id token issued (the newest MAX_REMEMBERED_TOKENS), so a soak can search its outputs for them. */
  private readonly issuedTokens: string[] = [];

  constructor(private readonly lifetimeSeconds = 3600) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  /** The signing key as a JWK, for the discovery document's `jwks_uri`. */
  async publicJwk(): Promise<JWK> {
    return { ...(await exportJWK(this.publicKey)), kid: this.keyId, use: 'sig', alg: 'RS256' };
  }

  get expiresIn(): number {
    return this.lifetimeSeconds;
  }

  /** The tokens issued so far, oldest first (at most the newest MAX_REMEMBERED_TOKENS). */
  issued(): readonly string[] {
    return [...this.issuedTokens];
  }

  async issue(claims: NewTokenClaims, issuer: string): Promise<string> {
    const token = await this.sign(claims, issuer);
    this.issuedTokens.push(token);
    if (this.issuedTokens.length > MAX_REMEMBERED_TOKENS) this.issuedTokens.shift();
    return token;
  }

  private sign(claims: NewTokenClaims, issuer: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keyId })
      .setIssuer(issuer)
      .setSubject(claims.sub ?? claims.oid)
      .setIssuedAt(now)
      .setNotBefore(now - 300)
      .setExpirationTime(now + this.lifetimeSeconds)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  /** Verifies the bearer token of an `Authorization` header against the accepted audiences. */
  async verify(authorization: string | undefined, audiences: readonly string[]): Promise<VerifyResult> {
    if (!authorization) return { ok: false, reason: 'missing', message: 'The request has no Authorization header.' };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return { ok: false, reason: 'malformed', message: "The Authorization header is not of the form 'Bearer <token>'." };
    try {
      const { payload } = await jwtVerify(match[1], this.publicKey, { algorithms: ['RS256'] });
      const claims = payload as unknown as TokenClaims;
      const aud = String(claims.aud);
      if (!audiences.some((a) => sameAudience(a, aud))) {
        return { ok: false, reason: 'audience', message: `The access token has audience '${aud}', which is not valid for this API (expected ${audiences.join(' or ')}).` };
      }
      return { ok: true, claims };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        return { ok: false, reason: 'expired', message: 'The access token has expired.' };
      }
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
        return { ok: false, reason: 'signature', message: 'The access token signature is invalid.' };
      }
      return { ok: false, reason: 'malformed', message: 'The access token is malformed.' };
    }
  }
}

/** Azure treats `https://management.azure.com` and `https://management.azure.com/` as the same audience. */
function sameAudience(a: string, b: string): boolean {
  return a.replace(/\/$/, '').toLowerCase() === b.replace(/\/$/, '').toLowerCase();
}

export function hasScope(claims: TokenClaims, scope: string): boolean {
  return (claims.scp ?? '').split(' ').includes(scope);
}
