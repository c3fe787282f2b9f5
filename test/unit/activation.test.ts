// Activation loads only what activation needs (DESIGN.md; issue "a lean activation"). Proven on the production build
// itself, built here exactly as `npm run package` builds it:
//   - the bytes: dist/extension.js is at most 150 KiB, carries no byte of MSAL, @azure/identity, the Graph client,
//     libphonenumber-js or the config engine (esbuild's account of what went into the file, and marker strings of each
//     in the file), while the lazy bundles do carry them;
//   - the behaviour: requiring the bundle and running activate() in Node (with a stand-in for `vscode`) loads no lazy
//     bundle at all.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { RULES } from '../../src/core/rules/ruleTable';
import { fakeExtensionContext, installFakeVscode } from '../support/fakeVscode';

const root = join(__dirname, '..', '..');
const LIMIT_BYTES = 150 * 1024;

interface BuildModule {
  buildAll(options: { production?: boolean; outdir?: string; metafile?: boolean }): Promise<{ metafile?: Metafile }[]>;
  LAZY_BUNDLES: Record<string, Record<string, string>>;
}

/** What must stay out of activation, how to recognise it in built bytes, and which lazy bundle must hold it instead. */
const HEAVY: { name: string; packageOrFile: RegExp; marker?: string; bundle: string }[] = [
  { name: '@azure/msal-node', packageOrFile: /node_modules\/@azure\/msal-(node|common)\//, marker: 'x-client-SKU', bundle: 'identity' },
  { name: '@azure/identity', packageOrFile: /node_modules\/@azure\/identity\//, marker: 'ChainedTokenCredential', bundle: 'identity' },
  { name: '@microsoft/microsoft-graph-client', packageOrFile: /node_modules\/@microsoft\/microsoft-graph-client\//, marker: 'GraphClientError', bundle: 'graph' },
  { name: 'libphonenumber-js', packageOrFile: /node_modules\/libphonenumber-js\//, marker: 'country_calling_codes', bundle: 'rules' },
  { name: 'the config engine and rule table', packageOrFile: /^src\/core\/(config\/(index|validate)|rules\/ruleTable)\.ts$/, marker: RULES['ACG-NUM-002'].message, bundle: 'rules' },
  // A panel's host side (its handlers, protocol schemas with valibot, view model) loads with the first panel opened
  // or restored; activation registers only its command and serializer.
  { name: 'the Gateway Overview panel and valibot', packageOrFile: /node_modules\/valibot\/|^src\/webviews\/gatewayOverview\/(panel|handlers|protocol)\.ts$|^src\/core\/gateways\/overview\.ts$/, bundle: 'panels' },
  { name: 'the Onboarding Checks panel', packageOrFile: /^src\/webviews\/onboardingChecks\/(panel|handlers|protocol|prompts)\.ts$/, bundle: 'panels' },
  { name: 'the Requests for Information panel', packageOrFile: /^src\/webviews\/requests\/(panel|handlers|protocol|hostDeps|accountForm)\.ts$|^src\/core\/enterprises\/requestGrid\.ts$/, bundle: 'panels' },
  { name: 'the Account panel', packageOrFile: /^src\/webviews\/account\/(panel|handlers|protocol)\.ts$|^src\/core\/enterprises\/(accountPanel|civicUsage)\.ts$/, bundle: 'panels' },
  { name: 'the Numbers panel and its page window', packageOrFile: /^src\/webviews\/numbers\/(panel|handlers|protocol|gridDelete|gridExport|exportFile)\.ts$|^src\/core\/numbers\/(numberGridWindow|numberGridRow)\.ts$/, bundle: 'panels' },
  { name: 'the Number editor panel, its write engine and status follow-up', packageOrFile: /^src\/webviews\/numberEditor\/(panel|handlers|protocol|csvImport)\.ts$|^src\/azure\/numbers\/number(Writes|Reads)\.ts$|^src\/host\/numberStatusFollower\.ts$|^src\/core\/numbers\/(numberDraft|numberPatch|pastedNumbers|numberWriteSummary)\.ts$/, bundle: 'panels' },
  // The checks, their reads and the fix executor load with the first run; activation keeps only their last results.
  { name: 'the onboarding checks, reads and fix executor', packageOrFile: /^src\/(core|azure)\/onboarding\/(registry|run|fixes|index|report|reads|applyFix)\.ts$/, bundle: 'onboarding' },
  // Find Number…: its prompt, the search across gateways and the answer load with the first search.
  { name: "Find Number's flow and search", packageOrFile: /^src\/(commands\/numbers\/findNumberFlow|azure\/numbers\/findNumber|core\/numbers\/numberSearch)\.ts$/, bundle: 'find' },
  { name: "Find Number's input reading", packageOrFile: /^src\/core\/numbers\/numberLookup\.ts$/, bundle: 'rules' },
  { name: 'the plan summary panel', packageOrFile: /^src\/webviews\/planSummary\/(panel|handlers|protocol)\.ts$/, bundle: 'panels' },
  // Plan / Apply / Resume: the planner, the live read, the executor and the journal load with the first of them.
  { name: 'the plan and apply flows, planner and executor', packageOrFile: /^src\/(commands\/config\/(planFlow|applyFlow|applyJournals)|core\/apply\/(planProvisioning|liveDocument|planSummary)|azure\/apply\/applyPlan)\.ts$/, bundle: 'planApply' },
];

function outputInputs(metafile: Metafile, file: string): string[] {
  const key = Object.keys(metafile.outputs).find((output) => output.endsWith(file));
  assert.ok(key, `${file} was built`);
  return Object.keys(metafile.outputs[key].inputs);
}

describe('activation: the production bundle', function () {
  // A production build of every bundle: seconds idle, more on a loaded machine.
  this.timeout(120_000);
  let outdir = '';
  let extension = '';
  let extensionInputs: string[] = [];
  const lazy = new Map<string, { text: string; inputs: string[] }>();

  before(async () => {
    // The build script itself, so the test builds exactly what `npm run package` does.
    const build = (await import(pathToFileURL(join(root, 'esbuild.mjs')).href)) as BuildModule;
    outdir = mkdtempSync(join(tmpdir(), 'acg-activation-'));
    const results = await build.buildAll({ production: true, outdir, metafile: true });
    const metafile = results[0].metafile!;
    extension = readFileSync(join(outdir, 'extension.js'), 'utf8');
    extensionInputs = outputInputs(metafile, 'extension.js');
    for (const [index, bundle] of Object.keys(build.LAZY_BUNDLES).entries()) {
      lazy.set(bundle, { text: readFileSync(join(outdir, 'lazy', `${bundle}.js`), 'utf8'), inputs: outputInputs(results[index + 1].metafile!, `${bundle}.js`) });
    }
  });

  after(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it(`is at most ${LIMIT_BYTES / 1024} KiB`, () => {
    const bytes = statSync(join(outdir, 'extension.js')).size;
    const lazyBytes = [...lazy.entries()].map(([name, b]) => `${name} ${Math.round(Buffer.byteLength(b.text) / 1024)} KiB`).join(', ');
    console.log(`      dist/extension.js: ${(bytes / 1024).toFixed(1)} KiB (limit ${LIMIT_BYTES / 1024}); lazy: ${lazyBytes}`);
    assert.ok(bytes <= LIMIT_BYTES, `${bytes} bytes`);
  });

  for (const heavy of HEAVY) {
    it(`holds no byte of ${heavy.name}; the ${heavy.bundle} bundle holds it`, () => {
      assert.deepEqual(extensionInputs.filter((input) => heavy.packageOrFile.test(input)), [], 'inputs esbuild put into extension.js');
      const bundle = lazy.get(heavy.bundle)!;
      assert.ok(bundle.inputs.some((input) => heavy.packageOrFile.test(input)), `${heavy.bundle}.js is built from it`);
      if (heavy.marker) {
        assert.ok(!extension.includes(heavy.marker), `extension.js contains ${JSON.stringify(heavy.marker)}`);
        assert.ok(bundle.text.includes(heavy.marker), `the marker is a real one: ${heavy.bundle}.js contains it`);
      }
    });
  }

  it('loads no lazy bundle when required and activated', () => {
    const fake = installFakeVscode();
    try {
      const loaded = createRequire(__filename)(join(outdir, 'extension.js')) as { activate(context: unknown): unknown };
      const context = fakeExtensionContext();
      const api = loaded.activate(context);
      assert.ok(api && context.subscriptions.length > 20, 'activation registered the views and commands');
      assert.deepEqual(fake.loaded.filter((file) => file.includes(`${join(outdir, 'lazy')}`)), []);
      for (const subscription of context.subscriptions) subscription.dispose();
    } finally {
      fake.restore();
    }
  });

  it('builds a lazy bundle that the extension can load (the require path and export names match)', () => {
    const fake = installFakeVscode();
    try {
      // What `import('../core/gateways/testLineCoverage')` becomes in extension.js, run by hand.
      const rules = createRequire(__filename)(join(outdir, 'lazy', 'rules.js')) as Record<string, Record<string, unknown>>;
      assert.equal(typeof rules.testLineCoverage?.testLineCoverage, 'function');
      assert.equal(typeof rules.config?.validateConfig, 'function');
      assert.match(extension, /require\("\.\/lazy\/rules\.js"\)\.testLineCoverage/);
      assert.match(extension, /require\("\.\/lazy\/services\.js"\)\.buildServices/);
      assert.match(extension, /require\("\.\/lazy\/identity\.js"\)\.identity/);
    } finally {
      fake.restore();
    }
  });

  // Views, commands and our own CSV language activate implicitly. The only explicit events are JSON editors, because
  // configuration files (*.acg-plan.json, …) need diagnostics as soon as one opens, and VS Code has no file-name
  // activation event; and the panels' serializers (Gateway Overview, Onboarding Checks, Requests for Information, Account, Numbers, Number editor), because VS Code infers activation for contributed views
  // and commands but not for a WebviewPanelSerializer, and a panel left open must restore after a reload. Never '*'
  // or onStartupFinished.
  it('activates only from views, commands, JSON editors and open panels (no "*" or onStartupFinished)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { activationEvents?: string[] };
    assert.deepEqual([...(manifest.activationEvents ?? [])].sort(), ['onLanguage:json', 'onLanguage:jsonc', 'onWebviewPanel:acg.account', 'onWebviewPanel:acg.gatewayOverview', 'onWebviewPanel:acg.numberEditor', 'onWebviewPanel:acg.numbersGrid', 'onWebviewPanel:acg.onboardingChecks', 'onWebviewPanel:acg.requestsForInformation']);
  });
});
