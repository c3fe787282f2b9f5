// The ARM part of the page: the header, Essentials (status, endpoints with copy buttons), Voice settings and the
// service locations with their operator addresses and allowlists.
import { iconButton, tag } from '../../shared/browser/components';
import { h } from '../../shared/browser/dom';
import type { CopyField, GatewayOverview } from '../protocol';
import { code, codeList, field, notSet, plural, statusBadge } from './format';

export interface CopyHandler {
  (field: CopyField, label: string, button: HTMLElement): void;
}

export function subtitle(overview: GatewayOverview): string {
  return `Communications gateway · ${overview.deployment === 'lab' ? 'lab' : 'production'}`;
}

export function essentials(overview: GatewayOverview, copy: CopyHandler): HTMLElement {
  const copyButton = (what: CopyField, label: string): HTMLElement => {
    const element = iconButton('copy', `Copy ${label}`, () => copy(what, label, element));
    return element;
  };
  const status = overview.status ?? 'Unknown';
  const provisioning = overview.provisioningState ?? 'Unknown';
  const facts = h(
    'dl',
    { class: 'fields two-columns' },
    ...field('Status', statusBadge(status, status === 'Complete' ? 'ok' : status === 'ChangePending' ? 'warning' : 'neutral')),
    ...field('Provisioning state', statusBadge(provisioning, provisioning === 'Succeeded' ? 'ok' : provisioning === 'Failed' ? 'error' : 'neutral')),
    ...field('Deployment', `${overview.deployment === 'lab' ? 'Lab' : 'Production'} · ${plural(overview.serviceLocations.length, 'service location')}`),
    ...field('Location', overview.location),
  );
  // Long values get the whole width: a URL or a list of platforms wrapped into a narrow column is hard to read.
  const details = h(
    'dl',
    { class: 'fields details' },
    ...field('Platforms', overview.platforms.length > 0 ? overview.platforms.map((p) => `${p.label} (${p.short})`).join(' · ') : notSet('None')),
    ...field('Domain', overview.domain ? h('span', { class: 'copyable' }, code(overview.domain), copyButton('domain', 'domain')) : notSet('Not assigned yet')),
    ...field(
      'Provisioning API',
      overview.provisioningApiUrl ? h('span', { class: 'copyable' }, code(overview.provisioningApiUrl), copyButton('provisioningApiUrl', 'Provisioning API URL')) : notSet('Not assigned yet'),
    ),
    ...field('API allowlist', overview.provisioningApiAllowlist.length > 0 ? h('span', { class: 'inline-list' }, ...overview.provisioningApiAllowlist.map((prefix) => code(prefix))) : notSet('No callers allowed')),
    ...field('Resource group', overview.resourceGroup),
    ...field('Subscription', code(overview.subscriptionId)),
  );
  return h('div', { class: 'essentials' }, facts, details);
}

const MCP_LABELS: Readonly<Record<GatewayOverview['mcp'], string>> = { integrated: 'Integrated', 'on-premises': 'On-premises', none: 'None' };

export function voiceSettings(overview: GatewayOverview): HTMLElement {
  const emergency = overview.emergency;
  return h(
    'dl',
    { class: 'fields' },
    ...field('Emergency calls', emergency.e911Type === 'DirectToEsrp' ? 'Direct to ESRP' : (emergency.e911Type ?? notSet())),
    ...field('Emergency dial strings', emergency.dialStrings.length > 0 ? h('span', { class: 'inline-list' }, ...emergency.dialStrings.map((s) => code(s))) : notSet('None')),
    ...field('Codecs', overview.codecs.length > 0 ? h('span', { class: 'tags' }, ...overview.codecs.map((c) => tag(c))) : notSet('None')),
    ...field('Voicemail pilot number', overview.voicemailPilotNumber ? code(overview.voicemailPilotNumber) : notSet()),
    ...field('Mobile Control Point', MCP_LABELS[overview.mcp]),
    ...field('Custom SIP header', overview.customSipHeaderNames.length > 0 ? h('span', { class: 'inline-list' }, ...overview.customSipHeaderNames.map((n) => code(n))) : notSet('None')),
  );
}

export function serviceLocations(overview: GatewayOverview): HTMLElement {
  if (overview.serviceLocations.length === 0) return notSet('No service locations');
  const header = ['Location', 'Operator addresses', 'Signaling allowlist', 'Media allowlist', 'ESRP addresses'];
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'grid', attrs: { 'aria-label': 'Service locations' } },
      h('thead', {}, h('tr', {}, ...header.map((title) => h('th', { attrs: { scope: 'col' } }, title)))),
      h(
        'tbody',
        {},
        ...overview.serviceLocations.map((location) =>
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'row' } }, location.name),
            h('td', {}, codeList(location.operatorAddresses)),
            h('td', {}, codeList(location.allowedSignalingSourceAddressPrefixes)),
            h('td', {}, codeList(location.allowedMediaSourceAddressPrefixes)),
            h('td', {}, codeList(location.esrpAddresses)),
          ),
        ),
      ),
    ),
  );
}
