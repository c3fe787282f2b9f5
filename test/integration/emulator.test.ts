// The extension host reaches the emulator started by the test setup, trusting its CA only through
// NODE_EXTRA_CA_CERTS, exactly as the sandbox does.
import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import * as vscode from 'vscode';

const EMULATOR_URL_ENV = 'ACG_TEST_EMULATOR_URL';

function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
      })
      .on('error', reject);
  });
}

describe('the emulator from inside the extension host', () => {
  const url = process.env[EMULATOR_URL_ENV];

  it('is started by the test setup and passed in', () => {
    assert.ok(url, `${EMULATOR_URL_ENV} is set`);
    assert.ok(process.env.NODE_EXTRA_CA_CERTS, 'NODE_EXTRA_CA_CERTS is set');
  });

  it('answers over HTTPS with its own CA trusted (TLS verification on)', async () => {
    const { status, body } = await getJson(`${url}/_admin/info`);
    assert.equal(status, 200);
    assert.equal((body as { tenantId: string }).tenantId, '3f2a9c8e-6b1d-4e7a-9c55-0acd0e5a7b01');
  });

  it('can be selected as the cloud (application-scoped setting)', async () => {
    const config = vscode.workspace.getConfiguration('acg');
    await config.update('emulator.url', url, vscode.ConfigurationTarget.Global);
    await config.update('cloud', 'Emulator', vscode.ConfigurationTarget.Global);
    assert.equal(vscode.workspace.getConfiguration('acg').get('cloud'), 'Emulator');
    assert.equal(vscode.workspace.getConfiguration('acg').get('emulator.url'), url);
    await config.update('cloud', undefined, vscode.ConfigurationTarget.Global);
  });
});
