#!/usr/bin/env node
// Provision the test host: code-server (a real VS Code, served to a browser) installed offline from npm into the
// git-ignored .vscode-test/code-server, plus the Debian packages it and the browser tests need. Safe to run twice: it
// does nothing when everything is already there at the right version. Downloads only from npm and Debian.
//
//   npm run host:install
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_SERVER_VERSION = '4.100.3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const hostDir = join(root, '.vscode-test', 'code-server');
const bin = join(hostDir, 'node_modules', '.bin', 'code-server');
// Always pass --config: without it the first run writes ~/.config/code-server/config.yaml (with a password).
const config = join(hostDir, 'config.yaml');
const debianPackages = ['libkrb5-dev', 'pkg-config', 'ripgrep', 'chromium'];
// @vscode/ripgrep 1.15.11 (pinned by code-server 4.100.x) looks here before it tries to download rg.
const ripgrepCache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

function log(message) {
  console.log(`host:install: ${message}`);
}

function fail(message) {
  console.error(`host:install: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function isInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureDebianPackages() {
  const missing = debianPackages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) {
    log(`Debian packages present: ${debianPackages.join(' ')}`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(
      `missing Debian packages: ${missing.join(' ')}\n` +
        `Install them, then run this again:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function installedVersion() {
  if (!existsSync(bin)) return undefined;
  const result = spawnSync(bin, ['--config', config, '--version'], { encoding: 'utf8', timeout: 180_000 });
  // Slow is not missing: on a busy machine (or while another run installs) a reinstall here would delete the
  // code-server that tests in progress are using. Say so and stop instead.
  if (result.error) fail(`code-server --version did not finish (${result.error.message}); nothing was changed. Run this again when the machine is less busy.`);
  if (result.status !== 0) return undefined;
  // "4.100.3 <commit> with Code 1.100.3"
  return /^(\d+\.\d+\.\d+) \S+ with Code /m.exec(result.stdout)?.[1];
}

function seedRipgrepCache() {
  if (existsSync(ripgrepCache)) return;
  mkdirSync(dirname(ripgrepCache), { recursive: true });
  // The archive holds Debian's rg under the name the postinstall extracts: `rg`.
  run('tar', ['-czf', ripgrepCache, '-C', '/usr/bin', 'rg']);
}

function installCodeServer() {
  log(`installing code-server ${CODE_SERVER_VERSION} into ${hostDir}`);
  rmSync(hostDir, { recursive: true, force: true });
  mkdirSync(hostDir, { recursive: true });
  // Its own package.json, so npm installs here and not into the extension's package.json above.
  writeFileSync(
    join(hostDir, 'package.json'),
    `${JSON.stringify({ name: 'acg-test-host', private: true, description: 'code-server for the tests; not part of the extension' }, null, 2)}\n`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const quiet = ['--no-audit', '--no-fund'];
  run(npm, ['install', '--ignore-scripts', '--save-exact', ...quiet, `code-server@${CODE_SERVER_VERSION}`], { cwd: hostDir });
  // The postinstall refuses to run as root without unsafe_perm, and the npx inside it needs yes=true.
  run(npm, ['rebuild', 'code-server', '--foreground-scripts'], {
    cwd: hostDir,
    env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
  });
  // --ignore-scripts skipped argon2's native build.
  run(npm, ['rebuild', 'argon2'], { cwd: hostDir });
  writeFileSync(config, 'auth: none\ncert: false\n');
}

const started = Date.now();
ensureDebianPackages();
const before = installedVersion();
if (before === CODE_SERVER_VERSION) {
  log(`code-server ${CODE_SERVER_VERSION} already installed in ${hostDir}`);
} else {
  if (before) log(`found code-server ${before}, want ${CODE_SERVER_VERSION}: reinstalling`);
  seedRipgrepCache();
  installCodeServer();
  const after = installedVersion();
  if (after !== CODE_SERVER_VERSION) fail(`code-server --version gave ${after ?? 'nothing'}, expected ${CODE_SERVER_VERSION}`);
}
if (!existsSync(config)) writeFileSync(config, 'auth: none\ncert: false\n');
run(bin, ['--config', config, '--version']);
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
