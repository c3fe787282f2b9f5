// The Provisioning API from this machine (integrate-with-provisioning-api.md): it answers, and this machine's address
// is in the gateway's allowlist (`apiBridge.allowedAddressPrefixes`).
import { prefixContains } from '../addresses';
import { SOURCES } from '../sources';
import type { ProvisioningApiProbe } from '../types';
import { defineCheck } from './define';

function probeEvidence(probe: ProvisioningApiProbe) {
  return [
    { label: 'URL', value: probe.url },
    { label: 'HTTP status', value: probe.status ?? null },
    { label: 'Elapsed (ms)', value: probe.elapsedMs ?? null },
    ...(probe.problem ? [{ label: 'Problem', value: probe.problem }] : []),
  ];
}

export const provisioningApiReachableCheck = defineCheck({
  id: 'provisioning-api.reachable',
  title: 'The Provisioning API is reachable from here',
  stage: 'deployment',
  why: 'Numbers and accounts are provisioned through the Provisioning API at provapi.<domain>; it only answers machines in its allowlist.',
  source: SOURCES.provisioningApi,
  reads: ['provisioningApi'],
  evaluate({ provisioningApi }) {
    const evidence = probeEvidence(provisioningApi);
    if (provisioningApi.reachable) return { status: 'pass', summary: `The Provisioning API answered${provisioningApi.status ? ` (HTTP ${provisioningApi.status})` : ''}.`, evidence };
    return { status: 'fail', summary: `The Provisioning API at ${provisioningApi.url} is not reachable from here: ${provisioningApi.problem ?? 'no answer'}.`, evidence };
  },
});

export const provisioningApiAllowlistCheck = defineCheck({
  id: 'provisioning-api.allowlist',
  title: "This machine's address is in the Provisioning API allowlist",
  stage: 'deployment',
  why: "The Provisioning API refuses callers whose address is outside the gateway's apiBridge.allowedAddressPrefixes.",
  source: SOURCES.provisioningApi,
  reads: ['provisioningApi', 'gateway'],
  evaluate({ provisioningApi, gateway }) {
    const bridge = gateway.properties?.apiBridge;
    const prefixes = bridge?.allowedAddressPrefixes ?? [];
    const evidence = [
      { label: 'Allowed address prefixes', value: [...prefixes] },
      { label: 'API bridge', value: bridge?.configureApiBridge ?? null },
      { label: "This machine's address", value: provisioningApi.callerAddress ?? null },
    ];
    const caller = provisioningApi.callerAddress;
    if (caller === undefined) {
      if (provisioningApi.reachable) return { status: 'skipped', summary: "The API's answer does not show this machine's address; it answered, so the allowlist let this machine in.", evidence };
      return { status: 'warn', summary: "The API's answer does not show this machine's address, so whether the allowlist holds it is unknown.", evidence };
    }
    const match = prefixes.find((p) => prefixContains(p, caller));
    if (match) return { status: 'pass', summary: `${caller} is inside ${match}.`, evidence };
    return {
      status: 'fail',
      summary: `${caller} is outside the allowlist (${prefixes.length > 0 ? prefixes.join(', ') : 'empty'}): add it to apiBridge.allowedAddressPrefixes, or call from an allowed machine.`,
      evidence,
    };
  },
});
