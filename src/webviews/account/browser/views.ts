// What the page shows of an account, as DOM built from text only: the essentials with the provisioning status and its
// errors, the services table (sync, number counts, Direct Routing's configuration) and the civic addresses with their
// locations, ELINs, validation and the numbers that use them.
import { codicon, h, type Child } from '../../shared/browser/dom';
import type { AccountOverview, AccountServiceView, CivicAddressRow, NumberUsage, ProvisioningErrorLine } from '../protocol';

export function field(label: string, ...value: Child[]): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

export function muted(text: string): HTMLElement {
  return h('span', { class: 'muted' }, text);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function badge(text: string, tone: 'ok' | 'warning' | 'error' | 'neutral'): HTMLElement {
  const icon = { ok: 'pass-filled', warning: 'sync', error: 'error', neutral: 'circle-outline' }[tone];
  return h('span', { class: `status status-${tone}` }, codicon(icon), ` ${text}`);
}

export function statusBadge(status: AccountOverview['status']): HTMLElement {
  if (status === 'synced') return badge('Synced', 'ok');
  if (status === 'pending') return badge('Pending', 'warning');
  if (status === 'failed') return badge('Failed', 'error');
  return badge('Not reported', 'neutral');
}

function errorList(errors: readonly ProvisioningErrorLine[]): HTMLElement {
  return h(
    'ul',
    { class: 'errors' },
    ...errors.map((e) =>
      h('li', { class: e.depth > 0 ? 'nested' : undefined }, h('code', {}, e.code), e.target ? h('span', { class: 'muted' }, ` (${e.target})`) : undefined, `: ${e.message}`),
    ),
  );
}

export function essentials(overview: AccountOverview, total: number | undefined | Error): HTMLElement {
  const numbers = total instanceof Error ? muted(`Could not be counted: ${total.message}`) : total === undefined ? muted('Counting…') : h('span', { class: 'stat-inline' }, plural(total, 'number'));
  const status = h('div', {}, statusBadge(overview.status));
  if (overview.status === 'failed') status.append(overview.errors.length ? errorList(overview.errors) : h('p', { class: 'muted' }, 'The service reported no error details.'));
  return h(
    'dl',
    { class: 'fields' },
    ...field('Provisioning status', status),
    ...field('Numbers', numbers),
    ...field('Teams tenant', overview.teamsTenantId ? h('code', {}, overview.teamsTenantId) : muted('None')),
    ...field('Correlation ID', overview.correlationId ? h('code', {}, overview.correlationId) : muted('None')),
  );
}

/** A service's count: its own numberCount, else the scan's (when it read every number), else unknown. */
function countCell(service: AccountServiceView, usage: NumberUsage | undefined): HTMLElement {
  if (!service.enabled && !service.numberCount) return muted('—');
  if (service.numberCount !== undefined) return h('span', {}, service.numberCount.toLocaleString('en-US'));
  if (usage?.complete) return h('span', { attrs: { title: 'Counted from the account’s numbers: the service reported no count for this service.' } }, `${usage.perService[service.key].toLocaleString('en-US')} (counted)`);
  return h('span', { class: 'muted', attrs: { title: 'The service reported no count for this service, and it cannot filter numbers by service.' } }, 'Not reported');
}

function onOff(value: boolean | undefined, label: string): HTMLElement {
  if (value === undefined) return muted('No sync');
  return h('span', { class: `switch ${value ? 'on' : 'off'}` }, codicon(value ? 'check' : 'circle-slash', `${label} ${value ? 'on' : 'off'}`), value ? ' On' : ' Off');
}

export function servicesTable(overview: AccountOverview, usage: NumberUsage | undefined): HTMLElement {
  const rows = overview.services.map((service) =>
    h(
      'tr',
      { class: service.enabled ? undefined : 'disabled-row' },
      h('th', { attrs: { scope: 'row' } }, service.name, ' ', h('span', { class: 'muted' }, `(${service.short})`)),
      h('td', {}, service.enabled ? h('span', { class: 'status status-ok' }, codicon('pass-filled'), ' Enabled') : muted('Disabled')),
      h('td', {}, service.enabled ? onOff(service.syncEnabled, `${service.name} sync`) : muted('—')),
      h('td', { class: 'number' }, countCell(service, usage)),
    ),
  );
  const table = h(
    'table',
    { class: 'grid services', attrs: { 'aria-label': 'Services' } },
    h('thead', {}, h('tr', {}, ...['Service', 'Status', 'Sync with Teams / Zoom', 'Numbers'].map((title) => h('th', { attrs: { scope: 'col' } }, title)))),
    h('tbody', {}, ...rows),
  );
  return h('div', {}, h('div', { class: 'table-scroll' }, table), directRouting(overview));
}

function directRouting(overview: AccountOverview): HTMLElement | undefined {
  const dr = overview.directRouting;
  const enabled = overview.services.find((s) => s.key === 'teamsDirectRouting')?.enabled;
  if (!dr || !enabled) return undefined;
  const status = dr.subdomainStatus;
  const tone = status === 'provisioned' ? 'ok' : status === 'inconsistent' ? 'error' : 'neutral';
  return h(
    'div',
    { class: 'subsection' },
    h('h3', {}, codicon('server-environment'), ' Direct Routing configuration'),
    h(
      'dl',
      { class: 'fields' },
      ...field('Subdomain', dr.subdomain ? h('code', {}, dr.subdomain) : muted('Not configured')),
      ...field('Subdomain status', badge(status === 'provisioned' ? 'Provisioned' : status === 'inconsistent' ? 'Inconsistent' : status === 'notProvisioned' ? 'Not provisioned' : 'Not reported', tone)),
      ...field('Call screening', dr.callScreening === undefined ? muted('Not configured') : dr.callScreening ? 'On' : 'Off'),
      ...field('DNS token, region 1', dr.region1Token ? h('code', {}, dr.region1Token) : muted('None')),
      ...field('DNS token, region 2', dr.region2Token ? h('code', {}, dr.region2Token) : muted('None')),
    ),
  );
}

/** The scan's state in one sentence. */
export function usageSummary(usage: NumberUsage): string {
  const read = `${plural(usage.scanned, 'number')} of ${usage.total.toLocaleString('en-US')} read`;
  if (usage.complete) return `Every number read (${plural(usage.scanned, 'number')}); ${usage.withoutAddress.toLocaleString('en-US')} without a civic address.`;
  if (usage.stopped) return `Stopped: ${read}. The counts below cover those numbers only.`;
  return `${read}: a scan reads at most ${usage.limit.toLocaleString('en-US')}, so the counts below cover the first ${usage.scanned.toLocaleString('en-US')} numbers only (at least this many).`;
}

export function civicAddresses(addresses: readonly CivicAddressRow[], usage: NumberUsage | undefined): HTMLElement {
  if (addresses.length === 0) return h('p', { class: 'muted' }, 'This account’s Teams tenant has no civic addresses. Enterprises add them in the Teams admin center.');
  const usageOf = new Map((usage?.addresses ?? []).map((u) => [u.addressId.toLowerCase(), u]));
  return h(
    'ul',
    { class: 'addresses' },
    ...addresses.map((address) => {
      const used = usageOf.get(address.id.toLowerCase());
      const count = usage ? (used?.count ?? 0) : undefined;
      const numbers =
        count === undefined
          ? muted('Numbers not counted yet')
          : count === 0
            ? muted(usage?.complete ? 'No number uses it' : 'No number among those read uses it')
            : h('span', {}, `${plural(count, 'number')}${usage?.complete ? '' : ' or more'}: `, ...(used?.sample ?? []).flatMap((n, i) => [i > 0 ? ', ' : '', h('code', {}, n)]), count > (used?.sample.length ?? 0) ? ', …' : '');
      const locations = h(
        'table',
        { class: 'grid compact', attrs: { 'aria-label': `Locations of ${address.label}` } },
        h('thead', {}, h('tr', {}, ...['Location', 'ELIN', 'Numbers'].map((t) => h('th', { attrs: { scope: 'col' } }, t)))),
        h(
          'tbody',
          {},
          ...address.locations.map((location) =>
            h(
              'tr',
              {},
              h('th', { attrs: { scope: 'row' } }, location.description, location.isDefault ? h('span', { class: 'tag' }, 'default') : undefined, location.additionalInfo ? h('span', { class: 'muted' }, ` · ${location.additionalInfo}`) : undefined),
              h('td', {}, location.elin ? h('code', {}, location.elin) : muted('No ELIN')),
              h('td', { class: 'number' }, usage ? String(used?.locations[location.id.toLowerCase()] ?? 0) : '—'),
            ),
          ),
        ),
      );
      return h(
        'li',
        { class: 'address' },
        h(
          'div',
          { class: 'address-head' },
          codicon(address.validated ? 'location' : 'warning'),
          h('div', { class: 'address-title' }, h('strong', {}, address.label), h('div', { class: 'muted' }, [address.addressLine !== address.label ? address.addressLine : undefined, address.companyName].filter(Boolean).join(' · '))),
          address.validated ? badge('Validated', 'ok') : h('span', { class: 'status status-error', attrs: { title: 'Teams refuses numbers that use this address until the enterprise validates it.' } }, codicon('warning'), ' Not validated'),
        ),
        h('p', { class: 'address-numbers' }, codicon('list-ordered'), ' ', numbers),
        address.locations.length ? h('div', { class: 'table-scroll' }, locations) : muted('No locations'),
        h('p', { class: 'muted small' }, 'ID ', h('code', {}, address.id)),
      );
    }),
  );
}
