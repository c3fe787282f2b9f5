// From the Provisioning API: how many accounts and numbers the gateway holds (record counts), and the requests for
// information (Teams consents) by the operator's relationship status. Both link to the Enterprises view.
import type { ProvisioningCountsOverview, RequestCountsOverview } from '../protocol';
import { h, linkButton } from '../../shared/browser/dom';

export function recordCounts(counts: ProvisioningCountsOverview, revealAccounts: () => void): HTMLElement {
  return h(
    'div',
    { class: 'stats' },
    stat('Accounts', counts.accounts, linkButton('Show in Enterprises', revealAccounts, 'Show the accounts in the Enterprises view')),
    stat('Numbers', counts.numbers),
  );
}

function stat(label: string, value: number, link?: HTMLElement): HTMLElement {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-value' }, value.toLocaleString()), h('div', { class: 'stat-label' }, label), link);
}

export function requestCounts(counts: RequestCountsOverview, revealRequests: () => void): HTMLElement[] {
  return [
    h('div', { class: 'stats' }, stat('In total', counts.total, linkButton('Show in Enterprises', revealRequests, 'Show the requests in the Enterprises view'))),
    h(
      'dl',
      { class: 'counts', attrs: { 'aria-label': 'By relationship status' } },
      ...counts.groups.flatMap((group) => {
        // Consents nobody has answered yet are the operator's to-do list: they stand out when there are any.
        const waiting = group.key === 'none' && group.count > 0;
        return [h('dt', { class: waiting ? 'attention' : '' }, group.label), h('dd', { class: waiting ? 'attention' : group.count === 0 ? 'muted' : '' }, group.count.toLocaleString())];
      }),
    ),
  ];
}
