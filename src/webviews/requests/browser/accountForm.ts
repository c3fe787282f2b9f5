// Create account from a request: the name (checked live by the host's rule, and not already taken), the services the
// API has, "Sync with backend service", the Teams tenant from the request (read-only), and Direct Routing's settings
// when it is chosen (call screening, subdomain and the two DNS tokens). The host confirms and creates.
import { button, checkbox, textField } from '../../shared/browser/components';
import { codicon, h, linkButton } from '../../shared/browser/dom';
import { escapeTarget } from '../../shared/browser/focus';
import { RpcCancelled, RpcError, type RpcClient } from '../../shared/browser/rpcClient';
import type { PresentedError } from '../../shared/protocol';
import type { AccountForm, AccountFormProblems, AccountFormSetup, RequestsProtocol, ServiceKey } from '../protocol';

export interface AccountFormEvents {
  created(accountName: string): void;
  close(): void;
  revealAccount(name: string): void;
  error(presented: PresentedError): void;
}

type ProblemField = keyof AccountFormProblems;

export class AccountFormView {
  readonly element = h('section', { class: 'form card', id: 'account-form', attrs: { 'aria-labelledby': 'account-title' } });
  private name: string;
  private readonly services = new Set<ServiceKey>(['teamsOperatorConnect']);
  private syncEnabled = true;
  private readonly directRouting = { callScreening: true, subdomain: '', region1Token: '', region2Token: '' };
  private readonly problems = new Map<ProblemField, HTMLElement>();
  private readonly drFields = h('fieldset', { class: 'dr-fields', attrs: { hidden: '' } });
  private readonly footer = h('div', { class: 'form-actions' });
  private check: AbortController | undefined;

  constructor(
    private readonly rpc: RpcClient<RequestsProtocol>,
    private readonly setup: AccountFormSetup,
    private readonly events: AccountFormEvents,
  ) {
    this.name = setup.suggestedName;
    const nameField = textField('Account name', { value: this.name, describedBy: 'problem-name', onInput: (value) => this.update(() => (this.name = value)) });
    nameField.id = 'account-name';
    const serviceBoxes = setup.services.map((service) =>
      checkbox(service.label, {
        checked: this.services.has(service.key),
        onChange: (checked) =>
          this.update(() => {
            if (checked) this.services.add(service.key);
            else this.services.delete(service.key);
          }),
      }),
    );
    this.drFields.append(
      h('legend', {}, 'Direct Routing'),
      checkbox('Call screening', { checked: true, title: 'Caller ID screening for the account (on by default)', onChange: (checked) => this.update(() => (this.directRouting.callScreening = checked)) }),
      this.textWithProblem('Subdomain', 'subdomain', 'e.g. fabrikam'),
      this.textWithProblem('Region 1 DNS token', 'region1Token', 'TXT value from the Microsoft 365 admin center'),
      this.textWithProblem('Region 2 DNS token', 'region2Token', 'TXT value from the Microsoft 365 admin center'),
    );
    this.element.append(
      h('h2', { id: 'account-title' }, codicon('person-add'), ` Create account for ${setup.company}`),
      ...(setup.existingAccount ? [h('div', { class: 'message warning' }, codicon('warning'), h('span', {}, `This request already points at account ${setup.existingAccount}.`))] : []),
      h('div', { class: 'field' }, nameField, this.problemOf('name')),
      h('fieldset', { class: 'services', attrs: { 'aria-describedby': 'problem-services' } }, h('legend', {}, 'Services'), ...serviceBoxes, this.problemOf('services')),
      h('div', { class: 'field' }, checkbox('Sync with backend service', { checked: true, title: 'Provision numbers into the backend services (Teams, Zoom)', onChange: (checked) => this.update(() => (this.syncEnabled = checked)) })),
      h('p', { class: 'tenant-line' }, 'Teams tenant ', h('code', { id: 'account-tenant' }, setup.tenantId), h('span', { class: 'muted' }, ' (from the request)')),
      this.drFields,
      this.footer,
    );
    this.renderActions();
    this.update(() => undefined);
  }

  focus(): void {
    this.element.querySelector<HTMLElement>('#account-name')?.focus();
  }

  private textWithProblem(label: string, field: 'subdomain' | 'region1Token' | 'region2Token', placeholder: string): HTMLElement {
    const input = textField(label, { placeholder, describedBy: `problem-${field}`, onInput: (value) => this.update(() => (this.directRouting[field] = value)) });
    input.id = `dr-${field}`;
    return h('div', { class: 'field' }, input, this.problemOf(field));
  }

  private problemOf(field: ProblemField): HTMLElement {
    const element = h('p', { class: 'field-problem', id: `problem-${field}`, attrs: { 'aria-live': 'polite' } });
    this.problems.set(field, element);
    return element;
  }

  private form(): AccountForm {
    const services = this.setup.services.map((s) => s.key).filter((key) => this.services.has(key));
    return {
      tenantId: this.setup.tenantId,
      name: this.name,
      services,
      syncEnabled: this.syncEnabled,
      ...(this.services.has('teamsDirectRouting') ? { directRouting: { ...this.directRouting } } : {}),
    };
  }

  /** Applies a change, then asks the host's rules what is wrong now. */
  private update(change: () => unknown): void {
    change();
    this.drFields.hidden = !this.services.has('teamsDirectRouting');
    this.check?.abort();
    const check = new AbortController();
    this.check = check;
    this.rpc.request('checkAccount', { form: this.form() }, { signal: check.signal }).then(
      (problems) => {
        for (const [field, element] of this.problems) element.textContent = problems[field] ?? '';
      },
      (error: unknown) => {
        if (error instanceof RpcError) this.problems.get('name')?.replaceChildren(error.presented.message);
        else if (!(error instanceof RpcCancelled)) throw error;
      },
    );
  }

  private renderActions(): void {
    this.footer.replaceChildren(
      button('Create account…', { appearance: 'primary', icon: 'check', onClick: () => void this.create() }),
      escapeTarget(button('Cancel', { onClick: () => this.events.close() })),
    );
  }

  private async create(): Promise<void> {
    this.footer.replaceChildren(h('span', { class: 'progress-text', attrs: { 'aria-live': 'polite' } }, 'Waiting for confirmation…'));
    try {
      const created = await this.rpc.request('createAccount', { form: this.form() });
      if (!created.confirmed || !created.accountName) {
        this.renderActions();
        return;
      }
      const name = created.accountName;
      this.events.created(name);
      this.element.replaceChildren(
        h('h2', { id: 'account-title' }, codicon('pass'), ' Account created'),
        h('p', { class: 'result result-updated', id: 'account-result', attrs: { role: 'status' } }, created.message),
        h('div', { class: 'form-actions' }, linkButton('Show in Enterprises view', () => this.events.revealAccount(name)), escapeTarget(button('Done', { appearance: 'primary', onClick: () => this.events.close() }))),
      );
    } catch (error) {
      this.renderActions();
      if (error instanceof RpcError) this.events.error(error.presented);
    }
  }
}
