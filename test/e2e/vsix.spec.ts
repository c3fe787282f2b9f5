// End-to-end: the packaged .vsix, installed into a fresh code-server with --install-extension (as a person installs a
// downloaded .vsix), activates from its views and logs, without the extension development path.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installExtension, repoRoot } from '../runner';
import {
  commandPalette,
  containerTab,
  e2eResultsDir,
  openWorkbench,
  requireCodeServer,
  sideBarSettled,
  type Workbench,
} from './harness';

const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');

function runVsce(args: string[]): string {
  const result = spawnSync(vsce, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(result.status, 0, `vsce ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe('vsix: the packaged extension installed into a fresh code-server', function () {
  this.timeout(90_000);
  const vsix = path.join(e2eResultsDir, 'acg-tools.vsix');
  let extensionsDir: string | undefined;
  let workbench: Workbench | undefined;

  before(() => {
    requireCodeServer();
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'extension.js')), 'dist/extension.js is built (npm run build)');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      const dir = await workbench.saveFailure(`vsix ${this.currentTest.title}`);
      console.log(`      failure screenshot and logs: ${dir}`);
    }
  });

  after(async () => {
    await workbench?.close();
    if (extensionsDir) fs.rmSync(extensionsDir, { recursive: true, force: true });
  });

  it('holds only the runtime files', () => {
    const files = runVsce(['ls', '--no-dependencies']).split('\n').map((line) => line.trim()).filter(Boolean);
    const runtime = [
      'package.json',
      'dist/extension.js',
      // The bundles activation leaves for first use, and the webview pages with their icon font.
      ...['services', 'identity', 'graph', 'rules', 'panels'].map((bundle) => `dist/lazy/${bundle}.js`),
      'dist/webviews/gatewayOverview.js',
      'dist/webviews/gatewayOverview.css',
      'dist/webviews/codicons/codicon.ttf',
      'LICENSE',
      'media/gateway.svg',
    ];
    for (const needed of runtime) {
      assert.ok(files.includes(needed), `${needed} is packaged: ${files.join(', ')}`);
    }
    const unwanted = files.filter(
      (file) =>
        /^(src|test|emulator|scripts|node_modules|\.vscode-test|test-results|docs|dist\/test)\//.test(file) ||
        file.endsWith('.map') ||
        file.endsWith('.ts') ||
        file === 'dist/emulator.js',
    );
    assert.deepEqual(unwanted, [], 'not packaged');
  });

  it('packages and installs with code-server --install-extension', async () => {
    fs.mkdirSync(e2eResultsDir, { recursive: true });
    fs.rmSync(vsix, { force: true });
    runVsce(['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix]);
    extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-x-'));
    const output = await installExtension(vsix, extensionsDir);
    assert.match(output, /was successfully installed/);
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.ok(fs.existsSync(path.join(extensionsDir, `acg-tools.acg-tools-${version}`, 'dist', 'extension.js')));
  });

  it('activates from its views and logs "Activated"', async () => {
    assert.ok(extensionsDir, 'installed by the previous test');
    workbench = await openWorkbench({ extensionsDir });
    const { page } = workbench;
    await containerTab(page).click();
    await page
      .locator('.part.sidebar .welcome-view-content', { hasText: 'Browse your Azure Communications Gateway deployments' })
      .waitFor();
    const rows = await commandPalette(page, 'Communications Gateway: Show Log');
    await rows.filter({ hasText: 'Show Log' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.part.panel .view-lines', { hasText: 'Activated' }).waitFor();
    await sideBarSettled(page);
    await workbench.screenshot('vsix-installed');
  });
});
