// Bad input of any kind gets diagnostics, never an exception: random edits of every sample (deterministic seed) must
// validate without throwing, with every range inside the text, and the session must keep matching full validation.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigValidationSession, configKindOf, validateConfig, type ConfigDiagnostic } from '../../../src/core/config';

const DIR = join(__dirname, '..', '..', '..', 'samples');
const EDITS_PER_SAMPLE = 60;
const ALPHABET = '{}[]",:\\ \n\r0123456789+-.eEtrufalsnTODO/*é';

/** Mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.35) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 8));
  if (kind < 0.7) return text.slice(0, at) + ALPHABET[Math.floor(next() * ALPHABET.length)] + text.slice(at);
  if (kind < 0.85) {
    const from = Math.floor(next() * text.length);
    return text.slice(0, at) + text.slice(from, from + Math.floor(next() * 40)) + text.slice(at);
  }
  return text.slice(0, at);
}

function inBounds(text: string, diagnostics: readonly ConfigDiagnostic[]): void {
  const ok = (r: { start: number; end: number }) => r.start >= 0 && r.start <= r.end && r.end <= text.length;
  for (const d of diagnostics) {
    assert.ok(ok(d.range), `${d.ruleId} range ${JSON.stringify(d.range)} of ${text.length}`);
    for (const r of d.related ?? []) assert.ok(ok(r.range), `${d.ruleId} related`);
    for (const f of d.fixes ?? []) for (const e of f.edits) assert.ok(ok(e.range), `${d.ruleId} fix ${f.title}`);
  }
}

describe('config engine robustness', () => {
  readdirSync(DIR)
    .filter((name) => configKindOf(name))
    .forEach((name, index) => {
      it(`survives ${EDITS_PER_SAMPLE} random edits of ${name}`, () => {
        const kind = configKindOf(name)!;
        const next = random(1000 + index);
        const session = new ConfigValidationSession(kind);
        let text = readFileSync(join(DIR, name), 'utf8');
        for (let i = 0; i < EDITS_PER_SAMPLE; i++) {
          // Mostly small edits of a drifting text, sometimes back to the original, as in an editor.
          text = i % 15 === 14 ? readFileSync(join(DIR, name), 'utf8') : mutate(text, next);
          const full = validateConfig(kind, text);
          inBounds(text, full);
          const incremental = session.update(text);
          if (session.lastMode !== 'broken') assert.deepEqual(incremental, full, `step ${i}`);
          else inBounds(text, incremental);
        }
      });
    });
});
