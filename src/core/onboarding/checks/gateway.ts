// The gateway resource itself (deploy.md): provisioned, Complete, and running the services being set up.
import { SOURCES } from '../sources';
import { daysSince, defineCheck } from './define';

export const provisioningStateCheck = defineCheck({
  id: 'gateway.provisioning-state',
  title: 'The gateway is provisioned',
  stage: 'deployment',
  why: 'ARM must have finished creating or updating the gateway (provisioningState Succeeded) before any other onboarding step can take effect.',
  source: SOURCES.deploy,
  reads: ['gateway'],
  evaluate({ gateway }) {
    const state = gateway.properties?.provisioningState;
    const evidence = [{ label: 'provisioningState', value: state ?? null }];
    if (state === 'Succeeded') return { status: 'pass', summary: 'provisioningState is Succeeded.', evidence };
    if (state === 'Failed' || state === 'Canceled') {
      return { status: 'fail', summary: `provisioningState is ${state}: the last deployment of the gateway did not finish. Deploy it again or raise a support request.`, evidence };
    }
    if (state === undefined) return { status: 'warn', summary: 'ARM did not report a provisioningState for the gateway.', evidence };
    return { status: 'warn', summary: `provisioningState is ${state}: ARM is still working on the gateway. Run the checks again when it is Succeeded.`, evidence };
  },
});

export const statusCheck = defineCheck({
  id: 'gateway.status',
  title: 'The gateway is Complete',
  stage: 'deployment',
  why: 'Microsoft finishes setting up a new gateway after ARM creates it; its Provisioning Status turns Complete only then, and that can take up to two weeks.',
  source: SOURCES.deploy,
  reads: ['gateway', 'now'],
  evaluate({ gateway, now }) {
    const status = gateway.properties?.status;
    const since = gateway.systemData?.lastModifiedAt;
    const days = since === undefined ? undefined : daysSince(since, now);
    const evidence = [
      { label: 'status', value: status ?? null },
      ...(since === undefined ? [] : [{ label: 'Last changed', value: since }]),
      ...(days === undefined ? [] : [{ label: 'Days since the last change', value: days }]),
    ];
    if (status === 'Complete') return { status: 'pass', summary: 'Provisioning Status is Complete.', evidence };
    if (status === 'ChangePending') {
      const sinceText = since === undefined ? '' : ` since ${since}${days === undefined ? '' : ` (${days} days ago)`}`;
      return {
        status: 'warn',
        summary: `Provisioning Status is ChangePending${sinceText}: wait for Microsoft to finish setting up the gateway; this can take up to two weeks.`,
        evidence,
      };
    }
    return { status: 'fail', summary: `Provisioning Status is ${status ?? 'not reported'}, not Complete.`, evidence };
  },
});

export const platformsCheck = defineCheck({
  id: 'gateway.platforms',
  title: 'The gateway runs the services being set up',
  stage: 'deployment',
  why: 'A gateway only carries calls for the communications services in its platforms; a service set up elsewhere but missing here cannot work.',
  source: SOURCES.deploy,
  reads: ['gateway', 'intendedPlatforms'],
  evaluate({ gateway, intendedPlatforms }) {
    const platforms = gateway.properties?.platforms ?? [];
    const missing = intendedPlatforms.platforms.filter((p) => !platforms.includes(p));
    const evidence = [
      { label: 'Services being set up', value: [...intendedPlatforms.platforms] },
      { label: 'Services being set up, according to', value: intendedPlatforms.source },
      { label: "The gateway's platforms", value: [...platforms] },
    ];
    if (intendedPlatforms.platforms.length === 0) return { status: 'skipped', summary: 'No services are being set up.', evidence };
    if (missing.length > 0) {
      return { status: 'fail', summary: `The gateway's platforms lack ${missing.join(', ')} (wanted by ${intendedPlatforms.source}).`, evidence: [...evidence, { label: 'Missing', value: missing }] };
    }
    return { status: 'pass', summary: `The gateway runs ${intendedPlatforms.platforms.join(', ')}.`, evidence };
  },
});
