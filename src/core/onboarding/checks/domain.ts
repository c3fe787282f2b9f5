// The gateway's domain in Entra (connect-operator-connect.md, "Register your deployment's domain name"): Microsoft
// Teams only sends traffic to domains the tenant has proved it owns. The fix runs in steps: add the domain, hand the
// TXT record to the onboarding team, then verify.
import { SOURCES } from '../sources';
import { defineCheck } from './define';

export const domainVerifiedCheck = defineCheck({
  id: 'domain.verified',
  title: "The gateway's domain is verified in Entra",
  stage: 'entra',
  why: "Microsoft Teams only sends traffic to domains you have confirmed you own, so the gateway's domain must be a verified custom domain of your tenant.",
  source: SOURCES.connectOperatorConnect,
  reads: ['domain'],
  evaluate({ domain }) {
    const name = domain.name;
    if (name === undefined) return { status: 'fail', summary: 'ARM has not assigned the gateway a domain yet; run the checks again once the gateway shows one.', evidence: [] };
    const evidence = [{ label: 'Domain', value: name, copy: true }];
    if (!domain.entry) {
      return {
        status: 'fail',
        summary: `${name} is not a custom domain of the tenant.`,
        evidence,
        fix: {
          title: 'Add the domain',
          description: `Adds ${name} to the tenant as an unverified custom domain; then hand its TXT record to your onboarding team and verify it.`,
          writes: [{ service: 'graph', method: 'POST', path: '/domains', body: { id: name }, description: `Add ${name} as a custom domain of the tenant` }],
        },
      };
    }
    if (domain.entry.isVerified) return { status: 'pass', summary: `${name} is verified.`, evidence: [...evidence, { label: 'Verified', value: true }] };
    const txt = domain.verificationRecords.filter((r) => r.recordType.toLowerCase() === 'txt');
    return {
      status: 'fail',
      summary: `${name} is added but not verified: give the TXT record to your onboarding team, and once they confirm it is published, verify.`,
      evidence: [
        ...evidence,
        { label: 'Verified', value: false },
        // Value and name each get their own copy button: they go into two fields of a DNS provider's form.
        ...txt.flatMap((r) => [
          { label: 'TXT record value', value: r.text ?? null, copy: r.text !== undefined },
          { label: 'TXT record name', value: r.label, copy: true },
          { label: 'TXT record TTL (seconds)', value: r.ttl ?? null },
        ]),
      ],
      fix: {
        title: 'Verify now',
        description: `Asks Entra to verify ${name} against its published TXT record; it fails harmlessly while the record is not published yet.`,
        writes: [{ service: 'graph', method: 'POST', path: `/domains/${name}/verify`, description: `Verify ${name}` }],
      },
    };
  },
});
