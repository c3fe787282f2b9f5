// The detail pane of the focused request: the consent (status, dates, countries), the relationship (status, reason,
// last change), the account it points at, the provisioning status with every error, and the contacts.
import { button } from '../../shared/browser/components';
import { codicon, h, linkButton, type Child } from '../../shared/browser/dom';
import { consentLabel, type RequestRow } from '../protocol';

export interface DetailActions {
  update(): void;
  createAccount(): void;
  revealAccount(name: string): void;
  revealRequest(tenantId: string): void;
}

export function detailPane(row: RequestRow | undefined, actions: DetailActions): HTMLElement {
  if (!row) return h('div', { class: 'detail empty muted' }, 'Choose a request to see its details.');
  return h(
    'div',
    { class: 'detail', attrs: { 'aria-label': `Details of ${row.company}` } },
    h('h2', {}, row.company),
    h('p', { class: 'muted' }, 'Tenant ', h('code', {}, row.tenantId), ' ', linkButton('Show in Enterprises view', () => actions.revealRequest(row.tenantId))),
    h('div', { class: 'detail-actions' }, button('Update relationship status…', { icon: 'edit', onClick: actions.update }), button('Create account…', { icon: 'person-add', onClick: actions.createAccount })),
    section('Consent', 'pass', fields([
      ['Status', consentLabel(row.consent)],
      ['Consented on', row.consentedOn],
      ['Last changed', row.lastModifiedOn],
      ['Countries', row.countries.length ? h('span', { class: 'tags' }, ...row.countries.map((c) => h('span', { class: 'tag' }, c))) : 'none'],
      ['Product', row.productContext],
    ])),
    section('Relationship', 'organization', fields([
      ['Status', row.relationshipRaw ?? row.relationshipLabel],
      ['Reason / reference', row.comment ?? 'none'],
      ['Last modified', row.relationshipModifiedOn],
    ])),
    section('Account', 'account', row.accountName ? h('p', {}, linkButton(row.accountName, () => actions.revealAccount(row.accountName ?? ''), 'Show the account in the Enterprises view')) : h('p', { class: 'muted' }, 'None yet.')),
    section('Provisioning status', 'sync', provisioning(row)),
    section('Contacts', 'person', row.contacts.length ? h('ul', { class: 'contacts' }, ...row.contacts.map(contact)) : h('p', { class: 'muted' }, 'None given.')),
  );
}

function section(title: string, icon: string, ...content: Child[]): HTMLElement {
  return h('section', { class: 'detail-section' }, h('h3', {}, codicon(icon), ` ${title}`), ...content);
}

function fields(entries: readonly (readonly [string, Child])[]): HTMLElement {
  const list = h('dl', { class: 'fields' });
  for (const [name, value] of entries) {
    if (value === undefined || value === '') continue;
    list.append(h('dt', {}, name), h('dd', {}, value));
  }
  return list;
}

function provisioning(row: RequestRow): HTMLElement {
  if (!row.provisioning) return h('p', { class: 'muted' }, 'Not reported.');
  const icon = row.provisioning === 'failed' ? 'error' : row.provisioning === 'pending' ? 'sync' : 'pass';
  const status = h('p', { class: `status status-${row.provisioning}` }, codicon(icon), ` ${row.provisioning}`);
  if (row.provisioning !== 'failed') return status;
  const errors = row.errors.length
    ? h('ul', { class: 'errors' }, ...row.errors.map((e) => h('li', { class: `depth-${Math.min(e.depth, 3)}` }, h('code', {}, e.code), e.target ? ` (${e.target})` : '', `: ${e.message}`)))
    : h('p', { class: 'muted' }, 'The service reported no error details.');
  return h('div', {}, status, errors);
}

function contact(c: RequestRow['contacts'][number]): HTMLElement {
  return h(
    'li',
    {},
    h('span', { class: 'contact-name' }, c.fullName),
    c.email ? h('span', {}, codicon('mail'), ' ', c.email) : null,
    c.telephoneNumber ? h('span', {}, codicon('call-outgoing'), ' ', h('code', {}, c.telephoneNumber)) : null,
    c.companyName || c.companySize ? h('span', { class: 'muted' }, [c.companyName, c.companySize ? `size ${c.companySize}` : undefined].filter(Boolean).join(', ')) : null,
  );
}
