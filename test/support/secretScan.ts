// Searches what a run showed, logged or sent (log text, audit lines, error messages, CLI output, webview messages) for
// credentials: every token the emulator issued (whole, or its payload or signature on their own, so a token cut in
// two is still found), the client secrets, an Authorization header or Bearer value that was not redacted, and
// anything that starts like a JWT (`eyJ`). Used by the fault soak (scripts/soak.ts) and its in-host test.

export interface SecretNeedles {
  /** Access and id tokens the emulator issued (GET /_admin/tokens/issued). */
  readonly tokens: readonly string[];
  /** Client secrets (and any other literal secret). */
  readonly secrets: readonly string[];
}

export interface SecretHit {
  /** Which output (e.g. "cli stderr: acg plan"). */
  readonly output: string;
  /** What was found (never the secret itself: a name and where). */
  readonly what: string;
  readonly index: number;
}

/** A credential after an auth scheme, unless it is the pipeline's redaction marker. */
const BEARER = /\bBearer\s+(?!\[REDACTED\])[A-Za-z0-9\-._~+/]/gi;
/** An Authorization header or JSON member whose value is not the redaction marker. */
const AUTHORIZATION = /\bauthorization"?\s*[:=]\s*"?(?!\[REDACTED\])(?=\S)(?!")/gi;
/** Base64url JSON, as every JWT header and payload begins. */
const JWT_PREFIX = /eyJ[A-Za-z0-9_-]{8,}/g;

export class SecretScanner {
  private readonly literals: { name: string; text: string }[] = [];
  private outputs = 0;
  private readonly hits: SecretHit[] = [];

  constructor(needles: SecretNeedles) {
    needles.tokens.forEach((token, i) => {
      const [, payload, signature] = token.split('.');
      this.literals.push({ name: `issued token #${i + 1}`, text: token });
      if (payload && payload.length >= 16) this.literals.push({ name: `payload of issued token #${i + 1}`, text: payload });
      if (signature && signature.length >= 16) this.literals.push({ name: `signature of issued token #${i + 1}`, text: signature });
    });
    needles.secrets.filter((s) => s.length >= 8).forEach((secret, i) => this.literals.push({ name: `client secret #${i + 1}`, text: secret }));
  }

  /** Searches one output; returns its hits (also kept for `result`). */
  scan(output: string, text: string): SecretHit[] {
    this.outputs += 1;
    const found: SecretHit[] = [];
    for (const { name, text: needle } of this.literals) {
      const index = text.indexOf(needle);
      if (index >= 0) found.push({ output, what: name, index });
    }
    for (const [pattern, what] of [
      [BEARER, 'a Bearer credential'],
      [AUTHORIZATION, 'an Authorization value'],
      [JWT_PREFIX, 'a JWT-looking string (eyJ…)'],
    ] as const) {
      for (const match of text.matchAll(pattern)) found.push({ output, what, index: match.index });
    }
    this.hits.push(...found);
    return found;
  }

  /** How many outputs were searched, how many needles each was searched for, and every hit. */
  result(): { outputs: number; needles: number; hits: readonly SecretHit[] } {
    return { outputs: this.outputs, needles: this.literals.length + 3, hits: [...this.hits] };
  }
}
