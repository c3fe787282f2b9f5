// Activation must not load an SDK (DESIGN.md, "Auth"; issue "Sign-in, clouds, and production clients"). Proven on the
// real bundle: esbuild builds src/extension.ts as the product build does, and the metafile's import graph is walked
// from the entry following only static edges (import statements and require calls). Heavy packages may be reachable
// only through `dynamic-import` edges, which esbuild turns into lazy initialisers that run on first use.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(__dirname, '..', '..');
const HEAVY = ['@azure/identity', '@azure/msal-node', '@microsoft/microsoft-graph-client'];
/** Not heavy, but only webview panels need it: it loads with the first panel. */
const PANEL_ONLY = ['valibot'];
/** Our own modules that must load only on first use: the config engine's entry and validator, and the test line checks. */
const LAZY_SOURCES = [
  'src/core/config/index.ts',
  'src/core/config/validate.ts',
  'src/core/rules/phoneNumber.ts',
  'src/core/gateways/testLineCoverage.ts',
  // The Gateway Overview: its panel, handlers, protocol (valibot) and view model load on the first Open Overview or
  // when VS Code restores an open panel; activation registers only its command and serializer.
  'src/webviews/gatewayOverview/panel.ts',
  'src/webviews/gatewayOverview/handlers.ts',
  'src/webviews/gatewayOverview/protocol.ts',
  'src/core/gateways/overview.ts',
];

interface Graph {
  entry: string;
  inputs: esbuild.Metafile['inputs'];
}

async function buildGraph(entry: string): Promise<Graph> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    metafile: true,
    write: false,
    outdir: join(root, 'dist', 'activation-probe'),
    logLevel: 'silent',
  });
  return { entry, inputs: result.metafile.inputs };
}

/** Every input reachable from the entry without crossing a dynamic import. */
export function staticClosure(graph: Graph): Set<string> {
  const seen = new Set<string>();
  const stack = [graph.entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of graph.inputs[file]?.imports ?? []) {
      if (edge.kind === 'dynamic-import' || edge.external) continue;
      stack.push(edge.path);
    }
  }
  return seen;
}

export function packageOf(file: string): string | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match?.[1];
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

describe('activation path', function () {
  this.timeout(60_000);
  let graph: Graph;
  let activation: Set<string>;

  before(async () => {
    graph = await buildGraph('src/extension.ts');
    activation = staticClosure(graph);
  });

  it('walks only static edges (the walk itself can tell a dynamic import from a static one)', async () => {
    const probe = await buildGraph('src/azure/auth/credentialFactory.ts');
    const all = Object.keys(probe.inputs);
    const lazy = staticClosure(probe);
    assert.ok(all.some((f) => packageOf(f) === '@azure/identity'), 'the factory reaches @azure/identity at all');
    assert.ok(![...lazy].some((f) => packageOf(f) === '@azure/identity'), 'but only through import()');
  });

  for (const name of [...HEAVY, ...PANEL_ONLY]) {
    it(`does not load ${name} at activation`, () => {
      const offending = [...activation].filter((f) => packageOf(f) === name);
      assert.deepEqual(offending, [], `${name} is on the activation path`);
    });
  }

  // The configuration engine (src/core/config, ~170 KB) and libphonenumber-js (~460 KB, through src/core/rules) load on
  // first use: the first config document, config command or test line look. At activation, the faces import only
  // src/core/config/kinds and lineMap, src/core/gateways/coverage and src/core/rules/limits.
  it('does not load libphonenumber-js at activation', () => {
    const offending = [...activation].filter((f) => packageOf(f) === 'libphonenumber-js');
    assert.deepEqual(offending, [], 'libphonenumber-js is on the activation path');
  });

  for (const file of LAZY_SOURCES) {
    it(`does not load ${file} at activation, but bundles it for later`, () => {
      assert.ok(!activation.has(file), `${file} is on the activation path`);
      assert.ok(file in graph.inputs, `${file} is bundled (reached through a dynamic import)`);
    });
  }

  it('still bundles @azure/identity for later (reached through a dynamic import)', () => {
    const all = Object.keys(graph.inputs);
    assert.ok(all.some((f) => packageOf(f) === '@azure/identity'), 'the extension can sign in with @azure/identity');
  });

  it('prints the activation-time size against the whole bundle', () => {
    const size = (files: Iterable<string>): number => [...files].reduce((sum, f) => sum + (graph.inputs[f]?.bytes ?? 0), 0);
    const all = Object.keys(graph.inputs);
    const lazy = all.filter((f) => !activation.has(f));
    const packages = new Set(lazy.map(packageOf).filter((p): p is string => p !== undefined));
    console.log(
      `      activation path: ${activation.size} files, ${kb(size(activation))}; lazy: ${lazy.length} files, ${kb(size(lazy))} ` +
        `(${[...packages].sort().join(', ')}); total ${all.length} files, ${kb(size(all))}`,
    );
    assert.ok(activation.size < all.length);
  });

  // Views, commands and our own CSV language activate implicitly. The explicit events are JSON editors, because
  // configuration files (*.acg-plan.json, …) need diagnostics as soon as one opens, and VS Code has no file-name
  // activation event; and the Gateway Overview's serializer, because VS Code infers activation for contributed views
  // and commands but not for a WebviewPanelSerializer, and a panel left open must restore after a reload. Never '*'
  // or onStartupFinished.
  it('activates only from views, commands, JSON editors and open overview panels (no "*" or onStartupFinished)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { activationEvents?: string[] };
    assert.deepEqual([...(manifest.activationEvents ?? [])].sort(), ['onLanguage:json', 'onLanguage:jsonc', 'onWebviewPanel:acg.gatewayOverview']);
  });
});
