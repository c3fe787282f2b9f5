// Which hosts may receive a token, per cloud.
import { strict as assert } from 'node:assert';
import { allowedHostsForCloud } from '../../../src/azure/http';
import { emulatorCloud, getCloud, provisioningApiBaseUrl } from '../../../src/core/clouds';

describe('http: allowed hosts', () => {
  it('public cloud: ARM, Graph, Entra and any gateway Provisioning API host, https on 443 only', () => {
    const cloud = getCloud('AzureCloud');
    const allowed = allowedHostsForCloud(cloud);
    for (const url of [
      'https://management.azure.com/subscriptions',
      'https://graph.microsoft.com/v1.0/me',
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      'https://MANAGEMENT.azure.com:443/x',
      `${provisioningApiBaseUrl('cprod7a1b2c3.commsgw.azure.com', cloud)}/accounts`,
      'https://provapi.another-label.commsgw.azure.com/numbers',
    ]) {
      assert.ok(allowed(new URL(url)), url);
    }
    for (const url of [
      'http://management.azure.com/',
      'https://management.azure.com:8443/',
      'https://management.azure.com.evil.example.com/',
      'https://evilmanagement.azure.com/',
      'https://graph.microsoft.us/v1.0/me',
      'https://provapi.commsgw.azure.com/',
      'https://provapi.a.b.commsgw.azure.com/',
      'https://provapi.label.commsgw.azure.com.evil.example.com/',
      'https://x.provapi.label.commsgw.azure.com/',
      'https://user:pw@management.azure.com/',
      'https://127.0.0.1:10443/',
    ]) {
      assert.ok(!allowed(new URL(url)), url);
    }
  });

  it("sovereign clouds allow their own hosts, not the public cloud's", () => {
    const gov = allowedHostsForCloud(getCloud('AzureUSGovernment'));
    assert.ok(gov(new URL('https://management.usgovcloudapi.net/')));
    assert.ok(gov(new URL('https://login.microsoftonline.us/')));
    assert.ok(!gov(new URL('https://management.azure.com/')));
    const china = allowedHostsForCloud(getCloud('AzureChinaCloud'));
    assert.ok(china(new URL('https://microsoftgraph.chinacloudapi.cn/v1.0/me')));
    assert.ok(!china(new URL('https://graph.microsoft.com/v1.0/me')));
  });

  it("emulator: only the emulator's exact loopback origin (host and port)", () => {
    const cloud = emulatorCloud('https://127.0.0.1:10443/');
    const allowed = allowedHostsForCloud(cloud);
    assert.ok(allowed(new URL('https://127.0.0.1:10443/subscriptions')));
    assert.ok(allowed(new URL(`${provisioningApiBaseUrl('cprod7a1b2c3.commsgw.azure.com', cloud)}/accounts`)));
    for (const url of ['https://127.0.0.1:10444/', 'https://localhost:10443/', 'http://127.0.0.1:10443/', 'https://management.azure.com/', 'https://provapi.label.commsgw.azure.com/']) {
      assert.ok(!allowed(new URL(url)), url);
    }
  });

  it('an emulator URL that is not loopback allows nothing', () => {
    const allowed = allowedHostsForCloud(emulatorCloud('https://emulator.example.com:10443'));
    assert.ok(!allowed(new URL('https://emulator.example.com:10443/subscriptions')));
  });
});
