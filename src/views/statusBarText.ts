// What the status bar says, as plain functions of the session state, so the wording is one place and testable.
import type { CloudEndpoints, CloudName } from '../core/clouds';
import { tenantShortName } from '../azure/auth/tenant';
import type { SessionState } from '../host/sessionStore';
import { METHOD_LABELS } from '../host/signInRequest';

const CLOUD_SHORT: Readonly<Record<CloudName, string>> = {
  AzureCloud: 'Azure',
  AzureUSGovernment: 'Azure US Gov',
  AzureChinaCloud: 'Azure China',
  Emulator: 'Emulator',
};

export const SIGNED_OUT_TEXT = '$(sign-in) Sign in to Azure';

export function statusText(state: SessionState | undefined, cloud: CloudEndpoints): string {
  if (!state) return cloud.name === 'AzureCloud' ? SIGNED_OUT_TEXT : `${SIGNED_OUT_TEXT} · ${CLOUD_SHORT[cloud.name]}`;
  const tenant = state.tenantLabel ?? state.tenantId;
  return ['$(azure) ' + state.account, tenant ? tenantShortName(tenant) : undefined, CLOUD_SHORT[cloud.name]].filter(Boolean).join(' · ');
}

/** Markdown for the tooltip: everything the short text leaves out. */
export function statusTooltip(state: SessionState | undefined, cloud: CloudEndpoints, subscriptionFilter: readonly string[] | undefined): string {
  const lines = [`**Communications Gateway** — ${escape(cloud.displayName)}`, ''];
  if (!state) {
    lines.push('Not signed in. Click to sign in.');
  } else {
    lines.push(
      `- Account: ${escape(state.account)}`,
      `- Signed in with: ${METHOD_LABELS[state.method]}${state.sandbox ? ' (sandbox)' : ''}`,
      `- Tenant: ${escape(state.tenantLabel ? `${state.tenantLabel} (${state.tenantId ?? 'id unknown'})` : (state.tenantId ?? 'home tenant'))}`,
      `- Subscriptions: ${subscriptionFilter ? `${subscriptionFilter.length} selected` : 'all'}`,
    );
  }
  lines.push(`- Resource Manager: ${escape(cloud.resourceManager)}`, `- Sign-in: ${escape(cloud.authorityHost)}`, '', 'Click for sign-in, tenant, subscription and cloud choices.');
  return lines.join('\n');
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}
