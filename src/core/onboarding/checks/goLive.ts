// Go-live readiness (prepare-for-live-traffic-operator-connect.md): the items that can be read are checked; the
// others are steps with the onboarding team, recorded as done by a person.
import { testLineCoverage } from '../../gateways/testLineCoverage';
import { SOURCES } from '../sources';
import type { CheckDefinition } from '../types';
import { defineCheck, manualCheck, plural } from './define';

const source = SOURCES.prepareForLiveTraffic;

export const goLiveGatewayCheck = defineCheck({
  id: 'golive.gateway-ready',
  title: 'The gateway is ready for traffic',
  stage: 'goLive',
  why: 'Testing and launch need a gateway that is provisioned (Succeeded) and that Microsoft has finished setting up (Complete).',
  source,
  reads: ['gateway'],
  evaluate({ gateway }) {
    const state = gateway.properties?.provisioningState;
    const status = gateway.properties?.status;
    const evidence = [
      { label: 'provisioningState', value: state ?? null },
      { label: 'status', value: status ?? null },
    ];
    if (state === 'Succeeded' && status === 'Complete') return { status: 'pass', summary: 'The gateway is Succeeded and Complete.', evidence };
    return { status: 'fail', summary: `The gateway is ${state ?? 'not reported'} and ${status ?? 'not reported'}; it must be Succeeded and Complete before launch.`, evidence };
  },
});

export const goLiveTestLinesCheck = defineCheck({
  id: 'golive.service-verification-lines',
  title: 'Service verification lines are complete',
  stage: 'goLive',
  why: 'After launch, synthetic traffic runs continuously through your service verification lines; every service needs its full set with valid numbers.',
  source,
  reads: ['gateway', 'testLines'],
  evaluate({ gateway, testLines }) {
    const coverage = testLineCoverage(gateway, testLines);
    const evidence = [
      { label: 'Services', value: coverage.services.map((s) => ({ service: s.prefix, automated: s.automated, required: s.required })) },
      { label: 'Invalid numbers', value: coverage.invalidNumbers.map((n) => ({ name: n.name, phoneNumber: n.phoneNumber })) },
    ];
    if (coverage.services.length === 0) return { status: 'skipped', summary: 'The gateway runs neither Operator Connect nor Teams Phone Mobile.', evidence };
    if (coverage.warnings.length === 0) return { status: 'pass', summary: 'Every service has its full set of valid automated test lines.', evidence };
    return { status: 'fail', summary: `${plural(coverage.warnings.length, 'problem')}: ${coverage.warnings[0]}`, evidence };
  },
});

export const goLiveAccountsCheck = defineCheck({
  id: 'golive.accounts-synced',
  title: 'Accounts are synced to Operator Connect',
  stage: 'goLive',
  why: 'Integration testing uses numbers uploaded for your test tenant; an account whose provisioning to Operator Connect failed leaves its numbers unusable.',
  source,
  reads: ['accounts'],
  evaluate({ accounts }) {
    const evidence = [{ label: 'Accounts', value: accounts.map((a) => ({ name: a.name, serviceProvisioningStatus: a.serviceProvisioningStatus ?? null, numbers: a.numberCount })) }];
    if (accounts.length === 0) return { status: 'warn', summary: 'The Provisioning API has no accounts yet: create one for your test tenant and upload its integration-test numbers.', evidence };
    const failed = accounts.filter((a) => a.serviceProvisioningStatus === 'failed');
    if (failed.length > 0) return { status: 'fail', summary: `Provisioning failed for ${failed.map((a) => a.name).join(', ')}.`, evidence };
    const pending = accounts.filter((a) => a.serviceProvisioningStatus === 'pending');
    if (pending.length > 0) return { status: 'warn', summary: `Still syncing: ${pending.map((a) => a.name).join(', ')}.`, evidence };
    return { status: 'pass', summary: `${plural(accounts.length, 'account')} synced.`, evidence };
  },
});

interface GoLiveStep {
  readonly slug: string;
  readonly title: string;
  readonly why: string;
  readonly todo: string;
}

// The guide's steps in its order; each one is something the operator and the onboarding team agree on, not a value.
const STEPS: readonly GoLiveStep[] = [
  {
    slug: 'test-tenant-registered',
    title: 'Test enterprise tenant registered',
    why: 'Your onboarding team must register your test tenant with Microsoft Teams before it can choose you as its operator.',
    todo: 'Give your onboarding team your company name, Operator ID and test tenant id; mark done when they confirm the registration.',
  },
  {
    slug: 'test-tenant-set-up',
    title: 'Test tenant set up with integration-test numbers',
    why: 'Integration testing needs licensed Teams Only users in your test tenant with the integration-test numbers assigned.',
    todo: 'In the test tenant, add your company as operator, create licensed test users, configure emergency locations, upload the integration-test numbers and assign them.',
  },
  {
    slug: 'network-routing',
    title: 'Network routing updated',
    why: 'Your network must route service verification and integration-test calls through Azure Communications Gateway.',
    todo: 'Route calls between service verification numbers back through the gateway, and integration-test numbers as customer calls.',
  },
  {
    slug: 'integration-testing',
    title: 'Integration testing done',
    why: 'Typical call flows, failover and connectivity must be tested against your network before launch.',
    todo: "Run your test plan (the onboarding team's example is a good start) and ask the onboarding team for any gateway changes.",
  },
  {
    slug: 'connectivity-proof',
    title: 'Connectivity test run and proof uploaded',
    why: 'Microsoft Teams requires proof that BFD is enabled, failover works and emergency calls are handled.',
    todo: 'Give your onboarding team proof of BFD, test failover with them, and validate emergency call handling.',
  },
  {
    slug: 'go-to-market-approved',
    title: 'Go-to-market resources approved',
    why: 'Microsoft Teams approves customer-facing material (press releases, landing page, directory logos) before launch.',
    todo: 'Send your marketing material, landing page content and logos (200×200 and 170×90 px) to your onboarding team for review.',
  },
  {
    slug: 'support-ticket-tested',
    title: 'Raising a support ticket tested',
    why: 'You must be able to raise tickets in the Azure portal to report problems with the gateway.',
    todo: 'Raise a test support request for the gateway in the Azure portal.',
  },
  {
    slug: 'monitoring-learned',
    title: 'Monitoring set up',
    why: 'Your staff watch the key metrics of the gateway, available to anyone with Reader on its subscription.',
    todo: "Make sure your operations staff can see the gateway's metrics in Azure Monitor.",
  },
  {
    slug: 'api-integration-verified',
    title: 'API integration verified',
    why: 'Operator Connect requires full API integration for provisioning after launch; the Number Management Portal alone is not enough.',
    todo: 'Integrate with the Provisioning API (proof is automatic) or give your onboarding team proof of the Operator Connect API calls.',
  },
  {
    slug: 'synthetic-testing',
    title: 'Synthetic testing passed',
    why: 'Your onboarding team arranges at least seven days of automated testing of quality of service and availability.',
    todo: 'Mark done when your onboarding team confirms that synthetic testing passed.',
  },
  {
    slug: 'launch-scheduled',
    title: 'Launch date scheduled',
    why: 'Launch dates are fixed days each month, requested by your onboarding team at least two weeks ahead.',
    todo: 'Agree a launch date with your onboarding team at least two weeks ahead and mark done when it is confirmed.',
  },
];

export const GO_LIVE_MANUAL_CHECKS: readonly CheckDefinition[] = STEPS.map((step) =>
  manualCheck({ id: `golive.${step.slug}`, title: step.title, stage: 'goLive', why: step.why, source, todo: step.todo }),
);
