// Regression (found by numbersGrid.fuzz.test.ts): valibot's object schemas take any object whose enumerable keys fit,
// so a Date, a Map or an empty array where the grid's filter belongs passed as "no filter", and an array carrying a
// form's fields passed as that form. postMessage's structured clone delivers all of these. An object nested in any
// panel's params must be a plain object, as the params themselves are (shared/protocol.ts params()).
import { strict as assert } from 'node:assert';
import * as v from 'valibot';
import { accountProtocol } from '../../../src/webviews/account/protocol';
import { numberEditorProtocol } from '../../../src/webviews/numberEditor/protocol';
import { numbersGridProtocol } from '../../../src/webviews/numbers/protocol';
import { requestsProtocol } from '../../../src/webviews/requests/protocol';

const asArray = (fields: object): unknown => Object.assign([], fields);
const TENANT = '11111111-1111-1111-1111-111111111111';
const DRAFT = { service: 'teamsOperatorConnect', capabilities: ['InboundCalling'], allowTenantAddressUpdate: false };
const FORM = { tenantId: TENANT, name: 'Contoso', services: ['teamsOperatorConnect'], syncEnabled: true };
const DIRECT = { callScreening: false, subdomain: 'contoso', region1Token: 'a', region2Token: 'b' };
const SETTING = { enabled: true, syncEnabled: true };
const SERVICES = { teamsOperatorConnect: SETTING, teamsPhoneMobile: SETTING, teamsDirectRouting: SETTING, zoomPhoneCloudPeering: SETTING, azureOperatorCallProtection: SETTING };
const EDIT_DIRECT = { subdomain: 'contoso', callScreening: false, region1Token: 'a', region2Token: 'b' };

/** [what, schema, a valid value, the same with one nested object swapped for something that is not a plain object] */
const CASES: [string, v.GenericSchema, unknown, unknown[]][] = [
  ['Numbers page: filter', numbersGridProtocol.requests.page.params, { index: 0, filter: {}, reload: false }, [new Date(0), new Map(), [], new Uint8Array(0)].map((filter) => ({ index: 0, filter, reload: false }))],
  ['Numbers export: filter', numbersGridProtocol.requests.exportNumbers.params, { format: 'csv', filter: { prefix: '+1' } }, [asArray({ prefix: '+1' }), Object.assign(new Date(0), { prefix: '+1' })].map((filter) => ({ format: 'csv', filter }))],
  ['Numbers delete: a number', numbersGridProtocol.requests.deleteNumbers.params, { numbers: [{ accountName: 'A', telephoneNumber: '+14255550100' }] }, [{ numbers: [asArray({ accountName: 'A', telephoneNumber: '+14255550100' })] }]],
  ['Number editor check: draft', numberEditorProtocol.requests.check.params, { text: '+1', draft: DRAFT }, [{ text: '+1', draft: asArray(DRAFT) }]],
  ['Number editor edit: draft', numberEditorProtocol.requests.edit.params, { draft: DRAFT, touched: [] }, [{ draft: asArray(DRAFT), touched: [] }]],
  ['Requests createAccount: form', requestsProtocol.requests.createAccount.params, { form: FORM }, [{ form: asArray(FORM) }]],
  ['Requests checkAccount: directRouting', requestsProtocol.requests.checkAccount.params, { form: { ...FORM, directRouting: DIRECT } }, [{ form: { ...FORM, directRouting: asArray(DIRECT) } }]],
  ['Account saveServices: edit', accountProtocol.requests.saveServices.params, { edit: { services: SERVICES } }, [{ edit: asArray({ services: SERVICES }) }]],
  ['Account saveServices: services', accountProtocol.requests.saveServices.params, { edit: { services: SERVICES } }, [{ edit: { services: asArray(SERVICES) } }]],
  ['Account saveServices: one setting', accountProtocol.requests.saveServices.params, { edit: { services: SERVICES } }, [{ edit: { services: { ...SERVICES, teamsPhoneMobile: asArray(SETTING) } } }]],
  ['Account saveServices: directRouting', accountProtocol.requests.saveServices.params, { edit: { services: SERVICES, directRouting: EDIT_DIRECT } }, [{ edit: { services: SERVICES, directRouting: new Map(Object.entries(EDIT_DIRECT)) } }, { edit: { services: SERVICES, directRouting: asArray(EDIT_DIRECT) } }]],
];

describe('webviews: an object nested in a request’s params must be a plain object', () => {
  for (const [what, schema, valid, bad] of CASES) {
    it(`${what}: a Date, Map, typed array or array in its place is refused`, () => {
      assert.ok(v.is(schema, valid), 'the valid value passes');
      for (const params of bad) {
        const result = v.safeParse(schema, params);
        assert.equal(result.success, false, `${what}: ${Object.prototype.toString.call(params)} must be refused`);
        assert.match(result.issues?.map((i) => i.message).join('; ') ?? '', /plain object/);
      }
    });
  }
});
