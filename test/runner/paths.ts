// Where things live, for the test runners (Node side). Everything here is absolute.
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
export const repoRoot = path.resolve(__dirname, '..', '..');
/** Installed by `npm run host:install` (scripts/install-code-server.mjs). */
export const codeServerDir = path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** An empty config, so that code-server never writes ~/.config/code-server/config.yaml. */
export const codeServerConfig = path.join(codeServerDir, 'config.yaml');
/** Git-ignored: reports, window logs, screenshots. */
export const testResultsDir = path.join(repoRoot, 'test-results');
export const chromiumPath = process.env.ACG_CHROMIUM ?? '/usr/bin/chromium';
