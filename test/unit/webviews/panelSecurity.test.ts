// Issue 13 §4: every panel, found by listing src/webviews/*/ (so a new panel is covered without touching this file),
// loads the one shell (strict CSP with a nonce, no inline script, handler or style), gets the one set of webview
// options (scripts on, localResourceRoots = dist/webviews only, no command URIs, no forms), and its browser code builds
// no markup from strings, no inline handler and no javascript: URL.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const webviewsDir = join(root, 'src', 'webviews');
const PANELS = readdirSync(webviewsDir).filter((name) => name !== 'shared' && statSync(join(webviewsDir, name)).isDirectory());

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The panel's page code: app.ts and browser/. */
const browserFiles = (panel: string): string[] => [join(webviewsDir, panel, 'app.ts'), ...filesUnder(join(webviewsDir, panel, 'browser'))].filter(existsSync);
/** The panel's host code: every other .ts file of its folder. */
const hostFiles = (panel: string): string[] => filesUnder(join(webviewsDir, panel)).filter((file) => !browserFiles(panel).includes(file));
const read = (file: string): string => readFileSync(file, 'utf8');
const where = (file: string): string => relative(root, file);

/** The smallest `vscode` that resources.ts needs: Uri.joinPath and a webview's asWebviewUri. */
class FakeUri {
  constructor(readonly path: string) {}
  static joinPath(base: FakeUri, ...parts: string[]): FakeUri {
    return new FakeUri([base.path, ...parts].join('/'));
  }
  toString(): string {
    return `https://file+.vscode-resource.vscode-cdn.net${this.path}`;
  }
}

interface Resources {
  webviewOptions(extensionUri: FakeUri): { enableScripts?: boolean; localResourceRoots?: FakeUri[]; enableCommandUris?: unknown; enableForms?: unknown };
  panelHtml(webview: { cspSource: string; asWebviewUri(uri: FakeUri): FakeUri }, extensionUri: FakeUri, bundle: string, title: string): string;
}

function loadResourcesWithFakeVscode(): Resources {
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function load(request: string, parent: unknown, isMain: boolean): unknown {
    return request === 'vscode' ? { Uri: FakeUri } : original.call(this, request, parent, isMain);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded under the fake `vscode` just installed
    return require('../../../src/webviews/shared/resources') as Resources;
  } finally {
    loader._load = original;
  }
}

/** What the shell of any panel must be: policy, one nonce'd external script, nothing inline. */
function assertStrictShell(html: string, bundle: string): void {
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(policy, `${bundle}: a CSP meta tag`);
  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.deepEqual(directives.get('default-src'), ["'none'"], `${bundle}: default-src 'none'`);
  const scripts = directives.get('script-src') ?? [];
  assert.equal(scripts.length, 1, `${bundle}: script-src has exactly one source`);
  assert.match(scripts[0], /^'nonce-[A-Za-z0-9+/=]{16,}'$/, `${bundle}: script-src is a nonce only`);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|unsafe-hashes|\*|https?:(?!\/\/file\+)/, `${bundle}: nothing unsafe or wild in ${policy}`);
  const nonce = scripts[0].slice("'nonce-".length, -1);
  const scriptTags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scriptTags.length, 1, `${bundle}: one script`);
  assert.ok(scriptTags[0][1].includes(`nonce="${nonce}"`), `${bundle}: the script carries the policy's nonce`);
  assert.match(scriptTags[0][1], new RegExp(`src="[^"]*/dist/webviews/${bundle}\\.js"`), `${bundle}: the script is the panel's own bundle`);
  assert.equal(scriptTags[0][2].trim(), '', `${bundle}: no inline script body`);
  // Inside tags only: the (escaped) title is text, whatever it says.
  assert.doesNotMatch(html, /<style|<[^>]*\s(style|on[a-z]+)\s*=|javascript:/i, `${bundle}: no inline style, handler or javascript: URL`);
}

describe('webviews: security of every panel (issue 13 §4)', () => {
  const extensionUri = new FakeUri('/ext');
  let resources: Resources;
  before(() => {
    resources = loadResourcesWithFakeVscode();
  });

  it(`finds the panels by listing src/webviews (${PANELS.join(', ')})`, () => {
    assert.ok(PANELS.length >= 7, `expected at least the seven panels, found ${PANELS.join(', ')}`);
    for (const panel of PANELS) assert.ok(existsSync(join(webviewsDir, panel, 'panel.ts')), `${panel}: has a panel.ts`);
  });

  it('the shared options: scripts on, dist/webviews the only local resource root, no command URIs, no forms', () => {
    const options = resources.webviewOptions(extensionUri);
    assert.equal(options.enableScripts, true);
    assert.deepEqual(options.localResourceRoots?.map((uri) => uri.path), ['/ext/dist/webviews']);
    assert.equal(options.enableCommandUris, undefined);
    assert.equal(options.enableForms, undefined);
  });

  for (const panel of PANELS) {
    describe(panel, () => {
      it('its shell has a nonce-only script policy, default-src none and nothing inline', () => {
        const webview = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', asWebviewUri: (uri: FakeUri) => uri };
        const html = resources.panelHtml(webview, extensionUri, panel, `<b onmouseover="x()">${panel}</b>`);
        assertStrictShell(html, panel);
      });

      it('its host code takes the options and the HTML only from the shared shell, with its own bundle', () => {
        const sources = hostFiles(panel).map((file) => ({ file, text: read(file) }));
        const created = sources.filter(({ text }) => text.includes('createWebviewPanel('));
        assert.equal(created.length, 1, `${panel}: one place creates the panel`);
        for (const { file, text } of sources) {
          for (const call of text.matchAll(/createWebviewPanel\(([\s\S]*?)\}\)/g)) {
            assert.match(call[1], /\.\.\.webviewOptions\(/, `${where(file)}: the panel's options start from webviewOptions`);
          }
          assert.doesNotMatch(text, /localResourceRoots|enableCommandUris|enableForms|portMapping/, `${where(file)}: no option of its own widens what the page may reach`);
          for (const assignment of text.matchAll(/\.webview\.options\s*=\s*([^;]+);/g)) assert.match(assignment[1], /^webviewOptions\(/, `${where(file)}: options only from webviewOptions`);
          const htmlAssignments = [...text.matchAll(/\.html\s*=\s*([^;]+);/g)];
          for (const assignment of htmlAssignments) {
            assert.match(assignment[1], new RegExp(`^panelHtml\\([^,]+,[^,]+,\\s*'${panel}'`), `${where(file)}: HTML only from panelHtml with the panel's own bundle`);
          }
        }
        assert.ok(sources.some(({ text }) => /\.html\s*=\s*panelHtml\(/.test(text)), `${panel}: sets its HTML from panelHtml`);
      });

      it('its page code builds no markup from strings: no innerHTML, inline handler, javascript: URL or eval', () => {
        const files = browserFiles(panel);
        assert.ok(files.length > 0, `${panel}: has page code`);
        for (const file of files) {
          const text = read(file);
          assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/, `${where(file)}: markup from a string`);
          assert.doesNotMatch(text, /<[a-z][^>]*\son[a-z]+\s*=|\bon[a-z]+=\\?["']/i, `${where(file)}: an inline handler in a template`);
          assert.doesNotMatch(text, /setAttribute\(\s*['"`]on|attrs:\s*\{[^}]*['"]?\bon[a-z]+['"]?\s*:/i, `${where(file)}: a handler set as an attribute`);
          assert.doesNotMatch(text, /javascript:/i, `${where(file)}: a javascript: URL`);
          assert.doesNotMatch(text, /\beval\(|new Function\(|setTimeout\(\s*['"`]/, `${where(file)}: code from a string`);
        }
      });
    });
  }

  it('the shared page code (src/webviews/shared/browser) builds no markup from strings either', () => {
    for (const file of filesUnder(join(webviewsDir, 'shared', 'browser'))) {
      const text = read(file);
      assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|javascript:/i, where(file));
    }
  });
});
