// The layering rule of DESIGN.md, checked on the source text: src/core is pure, src/core and src/azure never import
// vscode. ESLint enforces the same; this test fails even when lint is skipped.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function violations(layer: string, forbidden: (specifier: string) => boolean): string[] {
  return sourceFiles(join(root, layer)).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter(forbidden)
      .map((spec) => `${relative(root, file)} imports '${spec}'`),
  );
}

describe('architecture', () => {
  it('finds imports of every form (so the checks below can fail)', () => {
    assert.deepEqual(importsOf(`import * as vscode from 'vscode';\nconst x = require("vscode");\nconst y = await import('vscode');\nexport { a } from './b';`), ['vscode', 'vscode', 'vscode', './b']);
  });

  for (const layer of ['src/core', 'src/azure']) {
    it(`${layer} does not import vscode`, () => {
      assert.deepEqual(violations(layer, (spec) => spec === 'vscode'), []);
    });
  }

  it('src/core does no I/O and does not reach up into azure or the faces', () => {
    const io = /^(node:)?(fs|fs\/promises|http|https|net|tls|dgram|child_process|dns|worker_threads)$/;
    const upward = /(^|\/)(azure|auth|views|webviews|commands|diagnostics|cli)(\/|$)|extension$/;
    assert.deepEqual(violations('src/core', (spec) => io.test(spec) || (spec.startsWith('.') && upward.test(spec))), []);
  });

  it('src/azure does not reach into the faces', () => {
    const faces = /(^|\/)(auth|views|webviews|commands|diagnostics|cli)(\/|$)|extension$/;
    assert.deepEqual(violations('src/azure', (spec) => spec.startsWith('.') && faces.test(spec)), []);
  });
});
