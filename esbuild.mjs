// One build for every entry point. Type checking is separate (npm run typecheck).
//
// The extension is split so that activation parses only what activation needs (DESIGN.md: the production activation
// bundle stays at or under 150 KiB). Heavy modules are reached only through `import()`, and each import() of a module
// listed in LAZY_BUNDLES becomes a `require('./lazy/<bundle>.js')` of a bundle of its own, loaded on first use:
//   services  the HTTP pipeline and the ARM / Provisioning API / Graph clients (first tree expansion after sign-in), and
//             the audit log's file writer (first write)
//   identity  @azure/identity with MSAL (first token request of a sign-in)
//   graph     the Microsoft Graph SDK (first Graph call)
//   rules     the rule table, the config engine and the phone number rules with libphonenumber-js (first config file,
//             test line look, account or relationship form, Find Number's input)
//   panels    the host side of webview panels, with valibot (first panel opened or restored)
//   onboarding  the onboarding checks, their reads and fix executor, the Markdown report (first run of the checks)
//   find      Find Number…: its prompt, the search across gateways and the answer (first search)
//   commandFlows  the larger flows of tree commands, behind a thin handler that resolves the row: Delete Number…,
//             and the sign-in prompts (method, tenant, client id, secret or certificate)
//   configCommands  the configuration-file commands: convert, split, PowerShell, validate workspace (first of them)
//   planApply  Plan / Apply / Resume of provisioning plans: the planner, the live read, the executor and its journal
// A CJS bundle cannot do this by itself: esbuild inlines the target of import() into the same file, where it is
// evaluated lazily but still loaded and parsed at activation. test/unit/activation.test.ts checks the built bytes.
//
// Webview pages are browser bundles of their own: src/webviews/<panel>/app.ts → dist/webviews/<panel>.js (and the CSS
// it imports → <panel>.css), DOM-only, loaded into the panel's iframe by the HTML shell (src/webviews/shared/html.ts).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));

/** bundle → { module (repository path or package name) → the name its namespace is exported under }. */
export const LAZY_BUNDLES = {
  services: { 'src/host/buildServices.ts': 'buildServices', 'src/host/auditLogFile.ts': 'auditLogFile' },
  identity: { '@azure/identity': 'identity' },
  graph: { '@microsoft/microsoft-graph-client': 'graphClient' },
  rules: {
    'src/core/config/index.ts': 'config',
    'src/core/config/live.ts': 'live',
    'src/core/gateways/testLineCoverage.ts': 'testLineCoverage',
    'src/core/gateways/testLineInput.ts': 'testLineInput',
    'src/core/enterprises/accountFromRequest.ts': 'accountFromRequest',
    'src/core/enterprises/relationshipUpdate.ts': 'relationshipUpdate',
    'src/core/numbers/numberLookup.ts': 'numberLookup',
  },
  panels: {
    'src/webviews/gatewayOverview/panel.ts': 'gatewayOverview',
    'src/webviews/onboardingChecks/panel.ts': 'onboardingChecks',
    'src/webviews/requests/panel.ts': 'requestsPanel',
    'src/webviews/account/panel.ts': 'account',
    'src/webviews/numbers/panel.ts': 'numbersGrid',
    'src/webviews/numberEditor/panel.ts': 'numberEditor',
    'src/webviews/planSummary/panel.ts': 'planSummary',
  },
  onboarding: { 'src/host/onboardingEngine.ts': 'onboardingEngine' },
  find: { 'src/commands/numbers/findNumberFlow.ts': 'findNumberFlow' },
  commandFlows: { 'src/commands/numbers/deleteNumbersFlow.ts': 'deleteNumbersFlow', 'src/commands/account/signInPrompts.ts': 'signInPrompts' },
  configCommands: { 'src/commands/config/index.ts': 'configCommands' },
  planApply: { 'src/commands/config/planApplyFlow.ts': 'planApplyFlow' },
};

/** Which lazy bundle holds `module`, and under which name. */
function lazyTarget(module) {
  for (const [bundle, modules] of Object.entries(LAZY_BUNDLES)) {
    if (module in modules) return { bundle, name: modules[module] };
  }
  return undefined;
}

/** The repository path a relative specifier resolves to (as LAZY_BUNDLES names it), or the package name. */
function moduleKey(specifier, resolveDir) {
  if (!specifier.startsWith('.')) return specifier;
  const base = resolve(resolveDir, specifier);
  const file = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate)) ?? base;
  return relative(root, file).split(sep).join('/');
}

/**
 * Turns `import()` of a lazily bundled module into a require of its bundle, for code that ends up in `currentBundle`
 * ('extension' for dist/extension.js, or the name of a lazy bundle). Imports within the same bundle stay inlined.
 */
function lazyImports(currentBundle) {
  const prefix = currentBundle === 'extension' ? './lazy/' : './';
  return {
    name: 'acg-lazy-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const target = lazyTarget(moduleKey(args.path, args.resolveDir));
        if (!target || target.bundle === currentBundle) return undefined;
        return { path: `${target.bundle}#${target.name}`, namespace: 'acg-lazy' };
      });
      build.onLoad({ filter: /.*/, namespace: 'acg-lazy' }, (args) => {
        const [bundle, name] = args.path.split('#');
        return { contents: `module.exports = require(${JSON.stringify(`${prefix}${bundle}.js`)})[${JSON.stringify(name)}];`, loader: 'js' };
      });
      build.onResolve({ filter: /\.js$/, namespace: 'acg-lazy' }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/**
 * Every module of the extension imports `* as vscode`, and in a CJS bundle esbuild gives each importing module its own
 * copy of the API object's properties (`__toESM(require('vscode'))`): some sixty modules times a few hundred names,
 * the largest cost of loading the bundle. Routing `vscode` through one ESM module that re-exports it makes that copy
 * once, shared by all.
 */
function sharedVscodeNamespace() {
  return {
    name: 'acg-vscode-namespace',
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'acg-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'acg-vscode' }));
      build.onLoad({ filter: /.*/, namespace: 'acg-vscode' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
    },
  };
}

/** A lazy bundle's entry: every module it holds, each exported as one namespace. */
function lazyEntries() {
  return {
    name: 'acg-lazy-entries',
    setup(build) {
      build.onResolve({ filter: /^acg-lazy-entry:/ }, (args) => ({ path: args.path.slice('acg-lazy-entry:'.length), namespace: 'acg-lazy-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'acg-lazy-entry' }, (args) => {
        const modules = LAZY_BUNDLES[args.path];
        const lines = Object.entries(modules).map(([module, name]) => `export * as ${name} from ${JSON.stringify(module.startsWith('src/') ? `./${module}` : module)};`);
        return { contents: lines.join('\n'), loader: 'ts', resolveDir: root };
      });
    },
  };
}

/**
 * Every build, as esbuild options. `outdir` defaults to dist/; tests build elsewhere. `lazy: false` and
 * `sharedVscode: false` build the extension without those two measures (bench:activation compares).
 */
export function buildOptions({ production = false, outdir = join(root, 'dist'), metafile = false, lazy = true, sharedVscode = true } = {}) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const node = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    metafile,
    logLevel: 'warning',
    // `vscode` is provided by the host.
    external: ['vscode'],
    // jsonc-parser's "main" is a UMD build whose require('./impl/…') calls esbuild cannot follow (the bundle then fails
    // at load with "Cannot find module './impl/format'"); its ES module build bundles cleanly.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  };
  return [
    {
      ...node,
      entryPoints: { extension: 'src/extension.ts' },
      outdir,
      plugins: [...(sharedVscode ? [sharedVscodeNamespace()] : []), ...(lazy ? [lazyImports('extension')] : [])],
    },
    ...Object.keys(LAZY_BUNDLES).map((bundle) => ({
      ...node,
      entryPoints: { [bundle]: `acg-lazy-entry:${bundle}` },
      outdir: join(outdir, 'lazy'),
      plugins: [lazyEntries(), ...(sharedVscode ? [sharedVscodeNamespace()] : []), lazyImports(bundle)],
    })),
    {
      ...node,
      entryPoints: { cli: 'src/cli/main.ts' },
      outdir,
      banner: { js: '#!/usr/bin/env node' },
      define: { ACG_VERSION: JSON.stringify(version) },
    },
    { ...node, entryPoints: { emulator: 'emulator/main.ts' }, outdir },
    // Integration tests (run inside VS Code): the entry and every test file, mocha required from node_modules.
    {
      ...node,
      entryPoints: ['test/integration/index.ts', 'test/integration/**/*.test.ts'],
      outbase: 'test/integration',
      outdir: join(outdir, 'test', 'integration'),
      external: ['vscode', 'mocha'],
    },
    {
      absWorkingDir: root,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      sourcemap: !production,
      minify: production,
      metafile,
      logLevel: 'warning',
      entryPoints: Object.fromEntries(webviewPanels().map((panel) => [panel, `src/webviews/${panel}/app.ts`])),
      outdir: join(outdir, 'webviews'),
    },
  ];
}

/** The panels: every folder of src/webviews with an app.ts. */
function webviewPanels() {
  const dir = join(root, 'src', 'webviews');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'app.ts')))
    .map((entry) => entry.name);
}

/** Codicons for the pages: the .vsix carries no node_modules, and a webview may read only dist/webviews. */
function copyCodicons(outdir) {
  const target = join(outdir, 'webviews', 'codicons');
  mkdirSync(target, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join(root, 'node_modules', '@vscode', 'codicons', 'dist', file), join(target, file));
}

export async function buildAll(options = {}) {
  copyCodicons(options.outdir ?? join(root, 'dist'));
  return Promise.all(buildOptions(options).map((b) => esbuild.build(b)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const production = process.argv.includes('--production');
  if (process.argv.includes('--watch')) {
    copyCodicons(join(root, 'dist'));
    const contexts = await Promise.all(buildOptions({ production }).map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await buildAll({ production });
  }
}
