// The one parser of GUIDs, resource groups and gateway ids (src/core/ids.ts), which the extension, the CLI and the
// emulator share.
import { strict as assert } from 'node:assert';
import { gatewayResourceId, isGuid, isResourceGroupName, looksLikeGuid, parseGatewayId, parseTestLineName, testLineResourceId } from '../../../src/core/ids';

const GUID = '3f2a9c8e-1b7d-4e6f-9a0b-5c4d3e2f1a0b';

describe('ids', () => {
  it('takes a GUID in either case, exactly as written', () => {
    assert.equal(isGuid(GUID), true);
    assert.equal(isGuid(GUID.toUpperCase()), true);
    for (const bad of [` ${GUID}`, `{${GUID}}`, GUID.slice(1), `${GUID}0`, 'contoso.onmicrosoft.com']) assert.equal(isGuid(bad), false, bad);
  });

  it('forgives the spaces of a typed or pasted GUID, and nothing else', () => {
    assert.equal(looksLikeGuid(`  ${GUID}\n`), true);
    assert.equal(looksLikeGuid(`{${GUID}}`), false);
  });

  it('knows resource group names: 1 to 90 characters of letters, digits, _ - . ( ), not ending in a period', () => {
    for (const good of ['rg', 'rg-voice_prod.(1)', 'x'.repeat(90)]) assert.equal(isResourceGroupName(good), true, good);
    for (const bad of ['', 'rg.', 'rg voice', 'x'.repeat(91)]) assert.equal(isResourceGroupName(bad), false, bad);
  });

  it('formats gateway and test line ids that parse back to the same gateway', () => {
    const ref = { subscriptionId: GUID, resourceGroupName: 'rg-voice', name: 'contoso-gw' };
    const id = gatewayResourceId(ref);
    assert.equal(id, `/subscriptions/${GUID}/resourceGroups/rg-voice/providers/Microsoft.VoiceServices/communicationsGateways/contoso-gw`);
    assert.deepEqual(parseGatewayId(id.toLowerCase()), { ...ref, subscriptionId: GUID.toLowerCase(), resourceGroupName: 'rg-voice' });
    const line = testLineResourceId(ref, 'OC1');
    assert.deepEqual(parseGatewayId(line), ref);
    assert.equal(parseTestLineName(line), 'OC1');
    assert.equal(parseTestLineName(id), undefined);
  });
});
