// The HTML shell every panel loads: a strict Content Security Policy with a fresh nonce for the one script, and
// resources only from dist/webviews (the bundle, its CSS and the codicons), each through asWebviewUri (the caller's
// `asset`). No inline script, handler or style attribute: the page's script builds the DOM, and styles come from the
// bundled CSS, themed with --vscode-* variables. Pure (no vscode), so a unit test reads the exact policy.
import { randomBytes } from 'node:crypto';

export interface ShellOptions {
  /** The webview's cspSource: where its own resources come from. */
  readonly cspSource: string;
  /** The webview URI of a file in dist/webviews (asWebviewUri). */
  asset(file: string): string;
  /** The document title (screen readers announce it). */
  readonly title: string;
  /** The panel's bundle name in dist/webviews: `<bundle>.js` and `<bundle>.css`. */
  readonly bundle: string;
}

/**
 * The component library (FAST, under @vscode/webview-ui-toolkit) probes for :focus-visible support by adding one
 * <style> element, and gives it the nonce it finds in <meta property="csp-nonce">. Allowing that nonce for styles,
 * rather than 'unsafe-inline', keeps every other inline style and style attribute blocked.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function webviewHtml(options: ShellOptions): string {
  const nonce = randomBytes(18).toString('base64');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(options.cspSource, nonce))}">
  <meta property="csp-nonce" content="${attribute(nonce)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${attribute(options.asset('codicons/codicon.css'))}">
  <link rel="stylesheet" href="${attribute(options.asset(`${options.bundle}.css`))}">
  <title>${text(options.title)}</title>
</head>
<body>
  <main id="app"></main>
  <script nonce="${attribute(nonce)}" src="${attribute(options.asset(`${options.bundle}.js`))}"></script>
</body>
</html>`;
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
