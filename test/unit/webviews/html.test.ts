// The HTML shell of every webview panel: a strict CSP with a fresh nonce on the one script, every resource through
// the caller's asWebviewUri, and nothing inline that the CSP would have to allow.
import { strict as assert } from 'node:assert';
import { contentSecurityPolicy, webviewHtml } from '../../../src/webviews/shared/html';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const shell = (title = 'contoso-prod-gw overview') =>
  webviewHtml({ cspSource: CSP_SOURCE, asset: (file) => `${CSP_SOURCE}/ext/dist/webviews/${file}`, title, bundle: 'gatewayOverview' });

describe('webviews: the HTML shell', () => {
  it('carries the strict policy: nothing by default, scripts by nonce, styles (and the nonce’d probe), fonts and images from the webview only', () => {
    const html = shell();
    const nonce = /<script nonce="([^"]+)"/.exec(html)?.[1];
    assert.ok(nonce);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    assert.equal(policy, contentSecurityPolicy(CSP_SOURCE, nonce));
    assert.equal(policy, `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${CSP_SOURCE} 'nonce-${nonce}'; font-src ${CSP_SOURCE}; img-src ${CSP_SOURCE} data:`);
    assert.ok(html.includes(`<meta property="csp-nonce" content="${nonce}">`), 'the component library finds the nonce for its one probe style');
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
  });

  it('a fresh nonce every time', () => {
    const nonces = new Set([shell(), shell(), shell()].map((html) => /nonce="([^"]+)"/.exec(html)?.[1]));
    assert.equal(nonces.size, 3);
  });

  it('loads the bundle, its CSS and the codicons through asWebviewUri, and has no inline script, handler or style', () => {
    const html = shell();
    assert.ok(html.includes(`src="${CSP_SOURCE}/ext/dist/webviews/gatewayOverview.js"></script>`));
    assert.ok(html.includes(`href="${CSP_SOURCE}/ext/dist/webviews/gatewayOverview.css"`));
    assert.ok(html.includes(`href="${CSP_SOURCE}/ext/dist/webviews/codicons/codicon.css"`));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, loaded from a file');
    assert.doesNotMatch(html, /<style|style="|\son[a-z]+=/i);
  });

  it('escapes the title (a gateway name is data)', () => {
    const html = shell('<img src=x onerror=alert(1)> & "x"');
    assert.ok(html.includes('<title>&lt;img src=x onerror=alert(1)&gt; &amp; "x"</title>'));
  });
});
