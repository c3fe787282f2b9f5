// App registrations of pre-May-2023 deployments (Billing, Call Duration Uploader): they hold their Project Synergy
// permissions with admin consent, and their client secrets are rotated (rotate-secrets.md: at least every 70 days).
import { synergyRoleName } from '../roles';
import { SOURCES } from '../sources';
import type { LegacyApplicationInfo } from '../types';
import { daysUntil, defineCheck } from './define';

/** A secret that expires this soon needs rotating now. */
export const SECRET_EXPIRY_WARNING_DAYS = 14;

interface AppFindings {
  readonly name: string;
  readonly appId: string;
  readonly secrets: { name: string; endDateTime: string | null; daysLeft: number | null }[];
  readonly missingGrants: string[];
  readonly expiring: string[];
}

function findings(app: LegacyApplicationInfo, now: Date): AppFindings {
  const granted = new Set(app.grantedSynergyRoleIds);
  const secrets = app.secrets.map((s) => {
    const end = s.endDateTime ?? null;
    const daysLeft = end === null ? null : (daysUntil(end, now) ?? null);
    return { name: s.displayName ?? s.keyId ?? 'secret', endDateTime: end, daysLeft };
  });
  return {
    name: app.displayName ?? app.appId,
    appId: app.appId,
    secrets,
    missingGrants: app.requestedSynergyRoleIds.filter((id) => !granted.has(id)).map(synergyRoleName),
    expiring: secrets
      .filter((s) => s.daysLeft !== null && s.daysLeft <= SECRET_EXPIRY_WARNING_DAYS)
      .map((s) => `${s.name} ${s.daysLeft !== null && s.daysLeft < 0 ? `expired ${-s.daysLeft} days ago` : `expires in ${s.daysLeft} days`}`),
  };
}

export const legacyAppRegistrationsCheck = defineCheck({
  id: 'legacy.app-registrations',
  title: 'Legacy app registrations are consented and their secrets current',
  stage: 'entra',
  why: 'Deployments from before May 2023 call Operator Connect through app registrations whose Project Synergy permissions need admin consent and whose secrets must be rotated at least every 70 days.',
  source: SOURCES.rotateSecrets,
  reads: ['legacyApplications', 'now'],
  evaluate({ legacyApplications, now }) {
    if (legacyApplications.length === 0) return { status: 'skipped', summary: 'No legacy (pre-May-2023) app registrations request Project Synergy permissions.', evidence: [] };
    const apps = legacyApplications.map((app) => findings(app, now));
    const evidence = apps.map((a) => ({
      label: a.name,
      value: { name: a.name, appId: a.appId, secrets: a.secrets, missingGrants: a.missingGrants },
    }));
    const problems = apps.flatMap((a) => [
      ...(a.missingGrants.length > 0 ? [`${a.name} lacks admin consent for ${a.missingGrants.join(', ')}`] : []),
      ...a.expiring.map((text) => `${a.name}: secret ${text}`),
    ]);
    if (problems.length === 0) {
      return { status: 'pass', summary: `${apps.length} legacy app registration${apps.length === 1 ? '' : 's'}: consented, and no secret expires within ${SECRET_EXPIRY_WARNING_DAYS} days.`, evidence };
    }
    return { status: 'fail', summary: `${problems.join('; ')}. Grant admin consent and rotate secrets (at least every 70 days).`, evidence };
  },
});
